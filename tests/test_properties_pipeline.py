"""Properties of the whole pipeline over generated articles: it never crashes, loses no input,
keeps every span true to the text, is deterministic and order-blind, and finds nothing between
an article and its exact copy.

Articles mix realistic news building blocks (numbers written many ways, quotations with
straight, curly and unbalanced marks, dates, titles and names, page furniture, front matter
and header lines) with arbitrary unicode. `HYPOTHESIS_PROFILE=heavy` runs many more examples.
"""

from __future__ import annotations

import importlib.util
import json
import os
import random
import tempfile
from pathlib import Path
from types import ModuleType

import regex
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from compare.ingest import article_from_text
from compare.pipeline import check_articles, run_check
from compare.records import Article, CheckResult
from compare.report import render_json, render_markdown
from compare.sentences import RE_WORD_BEFORE, split_paragraph
from tests.conftest import ROOT

# This file's own settings, chosen by HYPOTHESIS_PROFILE (`heavy` for a long run); they are not
# registered as hypothesis profiles, so the other test files keep hypothesis's defaults.
PROFILES = {
    "default": settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]),
    "heavy": settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]),
}
PROFILE = PROFILES.get(os.environ.get("HYPOTHESIS_PROFILE", ""), PROFILES["default"])

# ------------------------------------------------------------------ building blocks

NUMBERS = st.sampled_from(
    [
        "55,000", "54,000", "55\u00a0000", "55\u2009000", "55\u202f000", "−3", "-3", "4.5%", "4.5 percent",
        "$1.2bn", "$550 billion", "¥2.1 trillion", "€40m", "£3", "１２,０００", "５５", "٥٥", "٥٥٬٠٠٠", "۴۵", "१२",
        "40-50%", "40–50", "about 3,000", "at least 2%", "more than 1.5 million", "10²", "3.5 billion", "0.0",
        "1e9", "99999999999999999999999", "1,2,3", ".5", "5.", "2 percentage points", "44", "aged 81", "No. 10",
    ]
)
COUNTS = st.sampled_from(
    ["troops", "US military personnel", "soldiers", "homes", "people", "GDP", "of GDP", "km", "service members", ""]
)
WHEN = st.sampled_from(
    [
        "on Tuesday", "Sunday", "last week", "yesterday", "March 30, 2025", "30 March 2025", "2025-03-30", "in April",
        "on Jan. 2", "this month", "next year", "in 2024", "on Feb. 30, 2025", "2025-13-45", "", "two days ago",
    ]
)
PEOPLE = st.sampled_from(
    [
        "Defense Minister Gen Nakatani", "Japanese Defense Minister Gen Nakatani", "Prime Minister Shigeru Ishiba",
        "US Defense Secretary Pete Hegseth", "former President Joe Biden", "President Donald Trump", "Mr. Hegseth",
        "Hegseth", "the Pentagon chief", "he", "she", "They", "Gen. Smith", "Dr. Ana Ruiz", "Chancellor Olaf Scholz",
        "Foreign Minister Takeshi Iwaya", "defence minister Richard Marles", "Jane Doe, 44,",
    ]
)
CUES = st.sampled_from(["said", "told reporters", "added", "says", "warned", "said on Tuesday", "wrote"])
QUOTED = st.sampled_from(
    [
        "We must be prepared", "Peace through strength is back. America is in the lead", "We are not going anywhere",
        "Who makes these deals?", "55,000 troops will stay", "We will not send 54,000 troops", "...", "",
        "We must be prepared. We look forward to it",
    ]
)
FURNITURE = st.sampled_from(
    [
        "Advertisement", "ADVERTISEMENT", "Related Posts", "1 of 94", "Click here to subscribe", "© 2025 Reuters",
        "Copyright 2025 The Associated Press. All rights reserved.", "Contact us at news@example.com",
        "Share this article", "Story continues below advertisement",
    ]
)
HEADERS = st.sampled_from(
    [
        " date 2025-03-30", "- The Washington Times - Sunday, March 30, 2025", "By Jane Doe", "The Associated Press",
        "Hegseth Vows Deterrence In Tokyo", "date: 2025-03-30", "March 30, 2025", "By", "- -",
    ]
)
FRONT_MATTER = st.sampled_from(
    [
        "---\ntitle: Troops in Japan\noutlet: Wire\ndate: 2025-03-30\n---\n",
        "---\ntitle: \"Quoted title\"\ndate: March 30, 2025\nurl: https://example.com/2025/03/30/x\n---\n",
        "---\ndate: not a date\n---\n",
        "---\ntitle:\n---\n",
        "---\n---\n",
        "---\ntitle: never closed\n",
    ]
)
# Arbitrary text: controls, bidi marks, combining characters, anything but surrogates.
ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
ODD = st.sampled_from(
    ["\u202e", "\u2066", "\u2069", "\u200b", "\u0301", "\ufeff", "\x00", "\x0c", "\r", "\u2028", "\u2029", "\x85",
     "\t", "\u00a0", "“", "”", '"', "‘", "’", "«", "»", "…", ".", "?!", "…”", "\n\n\n", "|", "*", "`", "#", "<br>"]
)


@st.composite
def number_sentence(draw: st.DrawFn) -> str:
    """A sentence that states a number, with what it counts and when."""
    who = draw(PEOPLE)
    number = draw(NUMBERS)
    counts = draw(COUNTS)
    when = draw(WHEN)
    form = draw(st.integers(0, 3))
    if form == 0:
        return f"There are {number} {counts} in Japan, {who} said {when}."
    if form == 1:
        return f"The budget rose {number} {counts} {when}, up from {draw(NUMBERS)}."
    if form == 2:
        return f"{who.capitalize()} said {number} {counts} were killed {when}."
    return f"About {number} {counts}, or {draw(NUMBERS)}, {when}."


@st.composite
def quote_sentence(draw: st.DrawFn) -> str:
    """A quotation with straight, curly, single or unbalanced marks and a speaker."""
    opening, closing = draw(st.sampled_from([('"', '"'), ("“", "”"), ("‘", "’"), ("“", ""), ("", "”"), ('"', ""),
                                             ("”", "“"), ("«", "»"), ("“", '"')]))
    words, who, cue = draw(QUOTED), draw(PEOPLE), draw(CUES)
    if draw(st.booleans()):
        return f"{opening}{words},{closing} {who} {cue}."
    return f"{who.capitalize()} {cue}: {opening}{words}.{closing}"


@st.composite
def person_sentence(draw: st.DrawFn) -> str:
    """A sentence naming people with titles, and maybe a date."""
    return f"{draw(PEOPLE)} met {draw(PEOPLE)} in Tokyo {draw(WHEN)}, and {draw(PEOPLE)} attended."


SENTENCE = st.one_of(
    number_sentence(), quote_sentence(), person_sentence(), WHEN.map(lambda w: f"It happened {w}."), ANY_TEXT, ODD
)
SEPARATOR = st.sampled_from([" ", " ", " ", "\n", "\n\n", "\r\n", "\r\n\r\n", "\n \n", "\t", "\u2028", "  ", ""])


@st.composite
def article_texts(draw: st.DrawFn, max_parts: int = 12) -> str:
    """An article: maybe front matter and header lines, then sentences, furniture and noise."""
    head = ""
    if draw(st.booleans()):
        head += draw(FRONT_MATTER)
    for line in draw(st.lists(HEADERS, max_size=3)):
        head += line + "\n" + draw(st.sampled_from(["", "\n"]))
    parts = draw(st.lists(st.one_of(SENTENCE, FURNITURE.map(lambda f: f"\n{f}\n")), max_size=max_parts))
    body = "".join(part + draw(SEPARATOR) for part in parts)
    return head + body


# Sentences long enough to align across outlets; each outlet may fill the slots differently.
STORY_TEMPLATES = [
    "The United States will keep {N} {C} in Japan under the new joint force headquarters, {P} said {W}.",
    "{P} said the government would raise defense spending to {N} of GDP by 2027, up from {N2} last year.",
    "{QO}{Q},{QC} {P} told reporters after the meeting with the alliance partners in Tokyo {W}.",
    "{P} {V}: {QO}{Q}. The alliance with Japan is strong.{QC}",
    "At least {N} homes were destroyed in the northern coastal districts {W}, the interior ministry said.",
    "Aid worth {N} was pledged by donors at the reconstruction conference in the capital {W}.",
    "{P}, {N}, met {P2} in Tokyo {W} to discuss the alliance and the security situation.",
    "Rescuers pulled {N} people from the rubble of collapsed buildings {W}, officials said.",
]
SLOTS: dict[str, st.SearchStrategy[str]] = {
    "N": NUMBERS, "N2": NUMBERS, "C": COUNTS, "P": PEOPLE, "P2": PEOPLE, "W": WHEN, "Q": QUOTED, "V": CUES,
    "QO": st.sampled_from(['"', "“", "‘", "", "”"]), "QC": st.sampled_from(['"', "”", "’", "", "“"]),
}
SLOT_NAMES = tuple(SLOTS)


@st.composite
def story_texts(draw: st.DrawFn) -> list[str]:
    """Two to four outlets' versions of one story: shared sentences, some slots filled differently."""
    templates = draw(st.lists(st.sampled_from(STORY_TEMPLATES), min_size=2, max_size=6))
    base = [{name: draw(SLOTS[name]) for name in SLOT_NAMES} for _ in templates]
    texts = []
    for _ in range(draw(st.integers(2, 4))):
        sentences = []
        for template, slots in zip(templates, base, strict=True):
            changed = draw(st.lists(st.sampled_from(SLOT_NAMES), max_size=2, unique=True))
            filled = slots | {name: draw(SLOTS[name]) for name in changed}
            sentence = template.format(**filled)
            mode = draw(st.integers(0, 9))
            if mode == 0:
                continue  # this outlet leaves the sentence out
            if mode == 1:
                sentence = draw(st.one_of(ODD, FURNITURE.map(lambda f: f"\n{f}\n"), ANY_TEXT)) + " " + sentence
            sentences.append(sentence)
        if draw(st.booleans()):
            sentences = draw(st.permutations(sentences))
        head = draw(st.one_of(st.just(""), FRONT_MATTER, HEADERS.map(lambda h: h + "\n\n")))
        texts.append(head + "".join(s + draw(SEPARATOR) for s in sentences))
    return texts


def make_articles(texts: list[str]) -> list[Article]:
    return [article_from_text(text, id=f"a{i}") for i, text in enumerate(texts)]


# ------------------------------------------------------------------ invariants


def assert_spans(result: CheckResult) -> None:
    """Every sentence, fact and claim slices its own text out of its article, on a line >= 1.

    Sentences are non-empty, numbered in order and do not overlap; a fact lies inside
    the sentence it names.
    """
    articles = {a.id: a for a in result.articles}
    for article in result.articles:
        previous_end = 0
        for index, sentence in enumerate(article.sentences):
            assert sentence.text == article.text[sentence.start : sentence.end], (article.id, sentence)
            assert 1 <= sentence.line == article.line_of(sentence.start), (article.id, sentence)
            assert index == sentence.index and previous_end <= sentence.start < sentence.end, (article.id, sentence)
            previous_end = sentence.end
        for fact in result.facts[article.id]:
            assert fact.text == article.text[fact.start : fact.end], (article.id, fact)
            assert 1 <= fact.line == article.line_of(fact.start), (article.id, fact)
            sentence = article.sentences[fact.sentence]
            assert sentence.start <= fact.start < fact.end <= sentence.end, (article.id, fact, sentence)
    for discrepancy in result.discrepancies:
        for claim in discrepancy.claims:
            article = articles[claim.article]
            assert claim.fact.text == article.text[claim.fact.start : claim.fact.end], (discrepancy.id, claim)


def render_both(result: CheckResult) -> tuple[str, str]:
    markdown, rendered = render_markdown(result), render_json(result)
    assert isinstance(markdown, str) and isinstance(rendered, str)
    return markdown, rendered


# ------------------------------------------------------------------ properties


@PROFILE
@given(st.one_of(st.lists(st.one_of(article_texts(), ANY_TEXT), min_size=1, max_size=4), story_texts()))
@example(["\u2028.\n"])
@example(["“" + "We must be prepared. " * 3 + "\n\n" + "”, he said."])
@example(["---\ntitle: never closed\n", ""])
def test_any_text_gives_reports_that_list_every_article(texts: list[str]) -> None:
    """Whatever the text, the check returns, both reports render, and every article is in them."""
    articles = make_articles(texts)
    result = check_articles(articles)
    markdown, rendered = render_both(result)
    assert sorted(a.id for a in articles) == [a.id for a in result.articles]
    assert [a.id for a in result.articles] == [a["id"] for a in json.loads(rendered)["articles"]]
    for article in articles:
        assert f"| {article.id}" in markdown
    assert_spans(result)


@PROFILE
@given(st.one_of(story_texts(), st.lists(article_texts(), min_size=2, max_size=4)), st.randoms(use_true_random=False))
def test_reports_are_deterministic_and_order_blind(texts: list[str], rng: random.Random) -> None:
    """Checking the same articles again, or in another order, gives byte-identical reports."""
    articles = make_articles(texts)
    shuffled = articles[:]
    rng.shuffle(shuffled)
    first = render_both(check_articles(articles))
    assert first == render_both(check_articles(articles))
    assert first == render_both(check_articles(shuffled))
    assert first == render_both(check_articles(list(reversed(articles))))


def signatures(result: CheckResult) -> set[tuple[object, ...]]:
    """What each discrepancy is about, by kind, class and the spans of its claims."""
    return {(d.kind, d.cls, frozenset((c.fact.start, c.fact.end) for c in d.claims)) for d in result.discrepancies}


@PROFILE
@given(st.one_of(article_texts(max_parts=16), story_texts().map("\n\n".join)))
@example("There are 55,000 troops in Japan, he said on Tuesday. There are 54,000 troops in Japan, he said Sunday.\n")
def test_exact_copy_adds_no_discrepancy(text: str) -> None:
    """An article checked with its exact copy yields no conflict, rewording or other discrepancy between the two.

    The text may contradict itself: whatever the pair reports, the original alone reports
    too, and no discrepancy pairs a fact with its own copy.
    """
    original = article_from_text(text, id="original")
    copy = article_from_text(text, id="copy")
    pair = check_articles([original, copy])
    assert_spans(pair)
    assert signatures(pair) <= signatures(check_articles([original]))
    for discrepancy in pair.discrepancies:
        assert len({(c.fact.start, c.fact.end) for c in discrepancy.claims}) > 1, discrepancy


ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1252"])
# Where a file goes: repeated stems in nested folders exercise the id de-duplication.
PLACES = st.sampled_from(["x.txt", "y.md", "a/x.txt", "b/x.txt", "c/a/x.txt", "a/a/x.txt", "c/y.md"])
FILE_CONTENT = st.one_of(
    st.tuples(article_texts(max_parts=6), ENCODINGS),
    st.tuples(st.sampled_from(["", " \n\t", "\u00a0\n"]), st.just("utf-8")),
    st.binary(max_size=30).map(lambda b: (b, "raw")),
)


def encode(content: str | bytes, encoding: str) -> bytes:
    if isinstance(content, bytes):
        return content
    return content.encode(encoding, errors="replace" if encoding == "cp1252" else "strict")


@settings(PROFILE, max_examples=max(10, PROFILE.max_examples // 4))
@given(st.dictionaries(PLACES, FILE_CONTENT, min_size=1, max_size=5), st.randoms(use_true_random=False))
@example({"a/x.txt": ("Troops arrived.", "utf-8"), "c/a/x.txt": ("Homes burned.", "utf-8")}, random.Random(1))
def test_files_are_all_accounted_for_in_any_order(files: dict[str, tuple[str | bytes, str]], rng: random.Random) -> None:
    """Through the read path, every file is an article or a skip, the JSON lists them all
    under distinct ids, and the order the paths are given in does not change the reports."""
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for place, (content, encoding) in files.items():
            path = Path(folder) / place
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(encode(content, encoding))
            paths.append(str(path))
        result = run_check([folder])
        reports = render_both(result)
        rng.shuffle(paths)
        assert reports == render_both(run_check(paths))
    assert len(files) == len(result.articles) + len(result.skipped)
    report = json.loads(reports[1])
    ids = [a["id"] for a in report["articles"]]
    assert len(files) == len(set(ids)) + len(report["skipped"])
    assert_spans(result)


# ------------------------------------------------------------------ regressions found by fuzzing

# The forward form of `RE_WORD_BEFORE`, the oracle for the backwards search that replaced it.
RE_WORD_BEFORE_FORWARD = regex.compile(r"(?:\p{L}+\.)*\p{L}+$")


def test_word_before_a_period_is_found_without_scanning_the_paragraph() -> None:
    """The word before a period is found in time independent of what precedes it.

    Found by timing repetitive inputs: searched forwards, every period of a paragraph
    rescanned it from the start, so `"Mr. " * 8000` took 46 s to split. The budget is
    enforced by regex (as in test_patterns_safety): the forward search needs ~0.5 s here.
    """
    text = "Mr. " * 1_000_000
    match = RE_WORD_BEFORE.search(text, 0, len(text) - 2, timeout=0.05)
    assert match is not None and "Mr" == match.group(0)


@given(st.text(st.sampled_from("aBé.U. \n"), max_size=14), st.data())
def test_word_before_a_period_is_the_forward_match(text: str, data: st.DataObject) -> None:
    """The backwards search finds the same word as the forward search it replaced."""
    end = data.draw(st.integers(0, len(text)))
    expected = RE_WORD_BEFORE_FORWARD.search(text, 0, end)
    actual = RE_WORD_BEFORE.search(text, 0, end)
    assert (expected and expected.group(0)) == (actual and actual.group(0))


def test_long_run_of_abbreviations_splits() -> None:
    """A paragraph of 200 KB of `Mr. ` stays one sentence and the next one splits off."""
    text = "Mr. " * 50_000 + "Smith left. He came back."
    assert [(0, len(text) - 14), (len(text) - 13, len(text))] == list(split_paragraph(text))


# ------------------------------------------------------------------ the fuzz target stays alive

FUZZ = ROOT / "fuzz"


def load_fuzz_target() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fuzz_pipeline", FUZZ / "fuzz_pipeline.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_fuzz_target_runs_on_its_seed_corpus() -> None:
    """fuzz/fuzz_pipeline.py imports without atheris and passes on every seed corpus file."""
    target = load_fuzz_target()
    seeds = sorted((FUZZ / "corpus").iterdir())
    assert len(seeds) >= 3
    for seed in seeds:
        target.TestOneInput(seed.read_bytes())
    target.TestOneInput(b"")
    target.TestOneInput(b"\xff\xfe\x00")
