"""The extractors' shortcuts give what the full pattern scans they replace give.

Each shortcut (candidate starts for RE_DATE, prefilters before a costly pattern, the
name search without a compiled alternation) must find exactly what the plain scan
finds, and what is kept of a sentence read before must be placed and dated anew, on the traps they reason about: characters that match an ASCII letter only
under IGNORECASE (`ſ`, the Kelvin sign, `İ`), words that start inside a word, long
runs of white space, and qualifiers far from a date.
"""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.extract import dates, extract_facts, numbers, people, quotes, ranks
from compare.extract.dates import RE_DATE, _date_matches
from compare.ingest import article_from_text
from compare.records import Article, Fact, FactKind

TOKENS = [
    "by", "in", "since", "early", "mid-", "late", "from", "throughout", "between", "Between",
    "last", "next", "this", "coming", "past", "earlier", "later", "Friday", "FRIDAY", "friday",
    "Good", "the", "The", "Sunday", "Times", "today", "USA", "Today", "tonight", "yesterday",
    "night", "morning", "month", "year", "March", "Mar.", "Sept.", "May", "June", "of",
    "2025", "2025-03-30", "30", "6th", "12-14", "1,2025", "$2025", "No.2025", "9/11", "5%",
    "attacks", "ſince", "laſt", "\u212aelvin", "İn", "blast", "Atlast", "outlast", "USAtoday",
    "minister", "Prime", "Minister", "Defense", "Secretary", "President", "Joe", "Biden",
    "former", "then-", "formerking", "making", "King", "Mr.", "Pete", "Hegseth", "Japan's",
    "PM", "CEO", "Sen.", "Pentagon", "chief", "said", ",", ".", "(", ")", "-", "–", "\u00a0",
    "one", "two", "twenty-three", "thousand", "million", "a", "dozen", "half", "ten", "often",
    "about", "nearly", "more", "than", "aged", "age", "minus", "−", "US$", "U.S.", "$", "£",
    "section", "No.", "#", "COVID", "-19", "percent", "force", "numbering", "x@y.com", "www.a.com/2025",
    "third", "Quarter", "ſixth", "the second", "more than", "of voters",
]  # fmt: skip
SEPARATORS = [" ", "  ", "\n", " \n ", "\t", "", "\u00a0", "      "]

texts = st.lists(st.tuples(st.sampled_from(TOKENS), st.sampled_from(SEPARATORS)), max_size=30).map(
    lambda parts: "".join(token + separator for token, separator in parts)
)


def spans_and_groups(matches: object) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in matches]  # type: ignore[attr-defined]


@given(texts)
@settings(max_examples=400, deadline=None)
def test_date_candidates_find_every_match(text: str) -> None:
    """Trying RE_DATE only at candidate starts gives the matches of a full finditer."""
    assert spans_and_groups(RE_DATE.finditer(text)) == spans_and_groups(_date_matches(text))


def test_date_candidates_on_traps() -> None:
    """Folding characters, words inside words and far qualifiers change nothing."""
    for text in [
        "İn 2025", "ſince 2025", "laſt Friday", "blast Friday", "Atlast month", "by   \n  March 3",
        "in " + " " * 300 + "2025", "throughout early-2025", "between mid 2025", "USAtoday said",
        "a \u212aelvin reading on Friday",
    ]:  # fmt: skip
        assert spans_and_groups(RE_DATE.finditer(text)) == spans_and_groups(_date_matches(text)), text


@given(texts)
@settings(max_examples=400, deadline=None)
def test_title_prefilter_never_hides_a_title(text: str) -> None:
    """A text the title prefilter rules out has no titled name and no appositive."""
    if not people._may_hold_title(text):
        assert people.RE_TITLED_NAME.search(text) is None
        assert people.RE_APPOSITIVE.search(text) is None


TITLED_NAME_PLAIN = regex.compile(rf"(?<![\p{{L}}\p{{N}}'’.\-]){people.TITLED_NAME}", regex.VERBOSE)


@given(texts)
@settings(max_examples=400, deadline=None)
def test_titled_name_opening_changes_no_match(text: str) -> None:
    """The opening lookahead of RE_TITLED_NAME only rules out starts where no match begins."""
    assert spans_and_groups(people.RE_TITLED_NAME.finditer(text)) == spans_and_groups(TITLED_NAME_PLAIN.finditer(text))


def test_titled_name_opening_on_traps() -> None:
    """Capitals, folding characters and every opening word still open a titled name."""
    for text in [
        "said Defense Minister Gen Nakatani", "the ſecretary Pete Hegseth", "\u212aing Charles spoke",
        "İnterior Minister Ali Yerlikaya", "then-president Joe Biden", "the late King Hussein",
        "onetime adviser Steve Bannon", "deputy assistant secretary Elbridge Colby", "PM Keir Starmer",
        "Sen. Ted Cruz", "Pentagon chief Pete Hegseth", "US President Joe Biden", "ex-Prime Minister Kishida",
        "under secretary Jane Doe", "IAEA Director General Rafael Grossi", "foreign minister Penny Wong",
    ]:  # fmt: skip
        found = spans_and_groups(people.RE_TITLED_NAME.finditer(text))
        assert found == spans_and_groups(TITLED_NAME_PLAIN.finditer(text)), text
        assert found, text


NAME_RUN_ANY = regex.compile(people.RE_NAME_RUN.pattern.replace("))+  # any number more", "))*"), regex.VERBOSE)


@given(texts)
@settings(max_examples=400, deadline=None)
def test_name_runs_are_the_runs_of_several_words(text: str) -> None:
    """RE_NAME_RUN finds the runs of two or more words among all runs of capitalised words, no others."""
    several = [m.span() for m in NAME_RUN_ANY.finditer(text) if regex.search(r"[ \t\u00a0]", m.group())]
    assert [m.span() for m in people.RE_NAME_RUN.finditer(text)] == several


@given(texts)
@settings(max_examples=400, deadline=None)
def test_number_shortcuts_agree(text: str) -> None:
    """The number prefilters and bounded window searches agree with the plain patterns."""
    if not numbers._may_hold_number_word(text):
        assert numbers.RE_WORD_NUMBER.search(text) is None
    if not numbers._may_hold_share(text):
        assert numbers.RE_FRACTION_OF.search(text) is None
    for end in range(len(text) + 1):
        left = numbers._left(text, end)
        assert numbers._code_before(left) == bool(numbers.RE_CODE_BEFORE.search(left))
        assert numbers._age_cue_before(left) == bool(numbers.RE_AGE_BEFORE.search(left))
        for fast, slow in [
            (numbers._qualifier_before(left), numbers.RE_QUALIFIER.search(left)),
            (numbers.RE_MINUS.search(left, max(0, len(left) - numbers.MINUS_CHARS)), numbers.RE_MINUS.search(left)),
            (
                numbers.RE_CURRENCY_BEFORE.search(left, max(0, len(left) - numbers.CURRENCY_BEFORE_CHARS)),
                numbers.RE_CURRENCY_BEFORE.search(left),
            ),
        ]:
            assert (fast and (fast.span(), fast.groupdict())) == (slow and (slow.span(), slow.groupdict()))


@given(
    texts, st.lists(st.sampled_from(["Hegseth", "Pete Hegseth", "Joe", "Joe Biden", "Biden", "King", "İn"]), max_size=5)
)
@settings(max_examples=300, deadline=None)
def test_find_names_is_the_alternation(text: str, names: list[str]) -> None:
    """`_find_names` finds what the compiled alternation of the names finds."""
    keys = sorted(dict.fromkeys(names), key=len, reverse=True)
    if not keys:
        return
    pattern = regex.compile(r"(?<![\p{L}\-])(?:" + "|".join(regex.escape(key) for key in keys) + r")(?![\p{L}\-])")
    assert quotes._find_names(text, keys) == [(m.start(), m.group()) for m in pattern.finditer(text)]


def _alternatives(pattern: regex.Pattern[str]) -> set[str]:
    """The first words of the `cue` group's alternatives, with `[sz]` and `[Aa]` spelt out."""
    body = pattern.pattern.split("(?P<cue>")[1].split(")")[0]
    words = set()
    for alternative in body.split("|"):
        first = alternative.split("#")[0].split()[0].split("\\s")[0] if alternative.split("#")[0].split() else ""
        for variant in (
            first.replace("[sz]", "s").replace("[Aa]", "A"),
            first.replace("[sz]", "z").replace("[Aa]", "a"),
        ):
            if variant:
                words.add(variant)
    return words


def test_cue_words_cover_the_cue_patterns() -> None:
    """Every alternative of RE_CUE and RE_PARTICIPLE starts with a word of the prefilter sets."""
    assert _alternatives(quotes.RE_CUE) <= quotes.CUE_FIRST_WORDS
    assert _alternatives(quotes.RE_PARTICIPLE) <= quotes.PARTICIPLE_WORDS
    assert len(_alternatives(quotes.RE_CUE)) == len(quotes.CUE_FIRST_WORDS)


REPEATED = "Some 55,000 troops took part on Sunday, the drill held for a fourth straight year, officials said."


def _fresh_facts(article: Article) -> tuple[Fact, ...]:
    for memo in (numbers._sentence_mentions, dates._sentence_dates, ranks._sentence_ranks):
        memo.cache_clear()
    return extract_facts(article)


def test_a_sentence_read_again_gives_its_own_articles_places_and_dates() -> None:
    """A sentence met before (its numbers, dates and ranks kept by its text) gets the offsets, line,
    index and date of the article it is in now, as if read for the first time."""
    first = article_from_text(f"{REPEATED}\n", id="a", date="2025-03-31")
    again = article_from_text(f"Manoeuvres began at dawn.\n\nMore followed.\n\n{REPEATED}\n", id="b", date="2025-04-08")
    extract_facts(first)
    kept = extract_facts(again)
    assert kept == _fresh_facts(again)
    assert {f.kind for f in kept} >= {FactKind.QUANTITY, FactKind.DATE, FactKind.RANK}
    assert all(again.text[f.start : f.end] == f.text and f.sentence == 2 and f.line == 5 for f in kept)
    assert {f.value for f in kept if f.kind is FactKind.DATE} == {"2025-04-06"}  # its own Sunday, not the first's (03-30)
