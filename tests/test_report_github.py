"""`--format github`: workflow annotations that article text cannot turn into other commands.

The runner reads every stdout line that starts with `::` as a workflow command, so the
output is parsed back line by line: every line must be one of the commands factdiff
emits, with only the properties it sets, and unescaping each message must give back the
text that went in (line breaks as spaces, invisible characters as `\\uXXXX`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
import regex

from compare.pipeline import run_check
from compare.records import (
    Article,
    CheckResult,
    Claim,
    Discrepancy,
    DiscrepancyClass,
    Fact,
    FactKind,
    Sentence,
    Severity,
    Skipped,
    Story,
)
from compare.report import render_github
from compare.report.github import escape_data, escape_property
from compare.report.markdown import defuse

RE_COMMAND = regex.compile(r"::(?P<name>[a-z-]+)(?: (?P<properties>[^:]*))?::(?P<data>.*)")
EMITTED = {"error", "warning", "notice", "group", "endgroup"}
PROPERTIES = {"file", "line", "title"}
LEVEL = {"high": "error", "medium": "warning", "low": "notice"}

# Every way article text could try to start a line of its own or a command.
INJECTIONS = [
    "\n::set-output name=x::y",
    "%0A::add-mask::secret",
    "\r\n::stop-commands::tok",
    "\r::warning::fake",
    "\u2028::error::fake",
    "\u2029::debug::x",
    "\x85::save-state name=a::b",
    "\v::group::x",
    "\f::endgroup::",
    "a,b:c%25d::e",
    "\u202e\x1b[31m bidi and escape",
]


def unescape(text: str, prop: bool) -> str:
    """The inverse of `@actions/core` escaping, as the runner applies it."""
    if prop:
        text = text.replace("%3A", ":").replace("%2C", ",")
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def parse(output: str) -> list[tuple[str, dict[str, str], str]]:
    """Read `output` as the runner does: each line one command (name, properties, message)."""
    assert output.endswith("\n")
    commands = []
    for line in output[:-1].split("\n"):
        assert "\r" not in line
        match = RE_COMMAND.fullmatch(line)
        assert match is not None, f"not a workflow command: {line!r}"
        properties = {}
        if match["properties"]:
            for item in match["properties"].split(","):
                key, _, value = item.partition("=")
                properties[key] = unescape(value, prop=True)
        commands.append((match["name"], properties, unescape(match["data"], prop=False)))
    return commands


def assert_only_our_commands(output: str) -> list[tuple[str, dict[str, str], str]]:
    commands = parse(output)
    assert set() == {name for name, _, _ in commands} - EMITTED
    assert set() == {key for _, props, _ in commands for key in props} - PROPERTIES
    assert [("group", {}, "factdiff annotations")] == commands[:1]
    assert ("endgroup", {}, "") == commands[-2]
    assert "notice" == commands[-1][0]
    # Whatever the runner reads back is one line of text: no break survives unescaping.
    for _, props, message in commands:
        for text in (message, *props.values()):
            assert not regex.search(r"[\r\n\v\f\x85\u2028\u2029]", text)
    return commands


# ------------------------------------------------------------------ synthetic results


def make_article(aid: str, sentences: list[str], path: str | None = None) -> Article:
    spans, start = [], 0
    for i, text in enumerate(sentences):
        spans.append(Sentence(i, text, start, start + len(text), i + 1, i))
        start += len(text) + 1
    return Article(id=aid, path=path or f"articles/{aid}.txt", text="\n".join(sentences) + "\n",
                   date="2025-03-30", date_source="front matter", sentences=tuple(spans))


def make_claim(article: Article, index: int, surface: str, kind: FactKind = FactKind.QUANTITY) -> Claim:
    sentence = article.sentences[index]
    start = sentence.start + sentence.text.index(surface)
    fact = Fact(kind, surface, surface, start, start + len(surface), sentence.line, index, counts="troops")
    return Claim(article.id, fact, sentence.text, article.date)


def synthetic(counts: dict[Severity, int], stories: int = 3) -> CheckResult:
    """Articles `a` and `b` disagreeing `sum(counts)` times, spread over `stories` stories (ids by story)."""
    plan = [severity for severity, n in counts.items() for _ in range(n)]
    a = make_article("a", [f"Officials said {1000 + i} troops arrived." for i in range(len(plan))])
    b = make_article("b", [f"Officials said {2000 + i} troops arrived." for i in range(len(plan))])
    found = [
        Discrepancy(
            id=f"D-{i:04d}", story=f"S{i % stories}", kind=FactKind.QUANTITY, cls=DiscrepancyClass.CONFLICT,
            severity=severity, subject=f"troops {i}", reason="paired by subject",
            claims=(make_claim(a, i, str(1000 + i)), make_claim(b, i, str(2000 + i))),
        )
        for i, severity in enumerate(plan)
    ]
    return CheckResult(
        articles=(a, b), skipped=(), facts={}, alignments=(), discrepancies=tuple(found),
        stories=tuple(Story(f"S{k}", ("a", "b")) for k in range(stories)),
    )


def hostile_result() -> CheckResult:
    """A result whose every article-derived field (path, fact text, subject, reason) carries an injection."""
    bad = " ".join(INJECTIONS)
    a = make_article("a", [f"They said {bad} 54,000 troops."], path=f"articles/a{INJECTIONS[0]}, x:y.txt")
    b = make_article("b\n::add-mask::b", [f"They said 55,000 troops {bad}."], path="articles/b\u2028::x.txt")
    d = Discrepancy(
        id="D-0000000001", story="S1", kind=FactKind.QUOTE, cls=DiscrepancyClass.REWORDED, severity=Severity.HIGH,
        subject=f"quotation of {bad}", reason=bad,
        claims=(make_claim(a, 0, f"{bad} 54,000"), make_claim(b, 0, f"55,000 troops {bad}")),
    )
    return CheckResult(
        articles=(a, b), skipped=(Skipped(f"in{INJECTIONS[2]}put.txt", f"binary {INJECTIONS[1]}"),), facts={},
        stories=(Story("S1", (a.id, b.id)),), alignments=(), discrepancies=(d,),
    )


# ------------------------------------------------------------------ escaping and injection


@pytest.mark.parametrize("text", INJECTIONS, ids=[repr(t) for t in INJECTIONS])
def test_escaping_keeps_text_on_one_line_and_round_trips(text: str) -> None:
    """Data and property escaping leave no line break and unescape to the text as shown (breaks as spaces)."""
    for escaped, prop in ((escape_data(text), False), (escape_property(text), True)):
        assert not regex.search(r"[\r\n\v\f\x85\u2028\u2029]", escaped)
        assert defuse(text) == unescape(escaped, prop)
    assert ":" not in escape_property(text) and "," not in escape_property(text)


def test_escaping_follows_actions_toolkit() -> None:
    """`%`, CR and LF as in `escapeData`; `:` and `,` too in properties (`escapeProperty`)."""
    assert "100%25 a:b,c" == escape_data("100% a:b,c")
    assert "100%25 a%3Ab%2Cc" == escape_property("100% a:b,c")
    assert "a b" == escape_data("a\r\nb")  # a break is a space before escaping: one-line messages


def test_article_text_cannot_become_a_command() -> None:
    """Injections in paths, ids, facts, subjects and skip reasons stay inside factdiff's own lines."""
    result = hostile_result()
    commands = assert_only_our_commands(render_github(result))
    annotations = commands[1:-2]
    assert ["error", "error"] == [name for name, _, _ in annotations]
    skipped, found = annotations
    assert {"file": defuse(result.skipped[0].path), "title": "factdiff: cannot read"} == skipped[1]
    assert f"cannot read: {defuse(result.skipped[0].reason)}" == skipped[2]
    assert defuse(result.articles[0].path) == found[1]["file"]
    assert "1" == found[1]["line"]
    assert defuse(f"factdiff: reworded · {result.discrepancies[0].subject}") == found[1]["title"]


def test_pipeline_with_hostile_file_names_and_quotes(tmp_path: Path) -> None:
    """The real pipeline over articles and file names full of command syntax gives only our commands."""
    folder = tmp_path
    body = ('"We will send 3,000 troops ::set-output name=x::y and %0A::add-mask:: more," Minister Ana Duarte said.\n\n'
            "Officials said 115 people died ::stop-commands::tok in the quake.\n")
    (folder / "one ::error::x, y.txt").write_text(body, encoding="utf-8")
    (folder / "two.txt").write_text(body.replace("3,000", "2,000").replace("115", "120").replace("will", "shall"),
                                    encoding="utf-8")
    (folder / "bin ::warning::z.txt").write_bytes(b"%PDF\x00\x01")
    result = run_check([str(folder)])
    assert result.discrepancies and result.skipped
    commands = assert_only_our_commands(render_github(result))
    assert 1 + len(result.discrepancies) + 1 + 2 == len(commands)


# ------------------------------------------------------------------ caps


def test_caps_per_level_and_per_job_keep_the_most_severe() -> None:
    """30 high, 30 medium, 30 low: 10 errors, 10 warnings, 9 notices (the totals line is the 10th notice)."""
    result = synthetic({Severity.HIGH: 30, Severity.MEDIUM: 30, Severity.LOW: 30})
    commands = assert_only_our_commands(render_github(result))
    annotations = commands[1:-2]
    assert {"error": 10, "warning": 10, "notice": 9} == Counter(name for name, _, _ in annotations)
    assert 10 == sum(1 for name, _, _ in commands if name == "notice")
    expected_highs = sorted((d for d in result.discrepancies if d.severity is Severity.HIGH),
                            key=lambda d: (d.story, d.id))[:10]
    assert [f"[{d.id}]" for d in expected_highs] == [m.rsplit(" ", 1)[1] for _, _, m in annotations[:10]]
    totals = commands[-1][2]
    assert totals.startswith("90 discrepancies (30 high, 30 medium, 30 low; 90 conflict)")
    assert "61 annotations not shown (GitHub shows at most 10 per level and 50 per job)" in totals


def test_job_cap_counts_every_level_and_skipped_inputs() -> None:
    """With room for 20 per level and 12 per job, 11 annotations are shown: skipped inputs first, then by severity."""
    result = replace(synthetic({Severity.HIGH: 5, Severity.MEDIUM: 5, Severity.LOW: 5}),
                     skipped=(Skipped("x.txt", "binary file"), Skipped("w.txt", "the file is empty")))
    commands = assert_only_our_commands(render_github(result, per_level=20, per_job=12))
    annotations = commands[1:-2]
    assert ["error"] * 7 + ["warning"] * 4 == [name for name, _, _ in annotations]
    assert ["w.txt", "x.txt"] == [props["file"] for _, props, _ in annotations[:2]]
    assert "6 annotations not shown" in commands[-1][2]
    assert "2 inputs could not be read" in commands[-1][2]


def test_caps_of_one_leave_only_the_totals() -> None:
    """`per_job=1` is all for the totals line; below 1 is an error."""
    commands = assert_only_our_commands(render_github(synthetic({Severity.HIGH: 3}), per_job=1))
    assert 3 == len(commands)
    with pytest.raises(ValueError):
        render_github(synthetic({Severity.HIGH: 1}), per_level=0)


def test_no_discrepancies_gives_an_empty_group_and_totals() -> None:
    """A clean run still says so in one notice."""
    commands = assert_only_our_commands(render_github(synthetic({})))
    assert [("group", {}, "factdiff annotations"), ("endgroup", {}, "")] == commands[:2]
    assert "0 discrepancies (0 high, 0 medium, 0 low); run factdiff check with --format markdown or json for the full report." \
        == commands[-1][2]


# ------------------------------------------------------------------ content, order, scope


def test_annotation_names_each_version_with_source_and_line() -> None:
    """Level by severity, file and line of the first claim, and every version in the message."""
    result = synthetic({Severity.MEDIUM: 1}, stories=1)
    (_, (name, props, message), _, _) = parse(render_github(result, full_report="the full JSON report: r.json"))
    assert ("warning", {"file": "articles/a.txt", "line": "1", "title": "factdiff: conflict · troops 0"}) == (name, props)
    assert "troops 0: 1000 (a, line 1) vs 2000 (b, line 1); conflict, medium [D-0000]" == message


def test_totals_point_to_the_full_report() -> None:
    """The totals notice names the report the caller wrote."""
    output = render_github(synthetic({Severity.LOW: 1}), full_report="the full JSON report: r.json")
    assert output.endswith("; see the full JSON report: r.json.\n")


def test_output_does_not_depend_on_input_order() -> None:
    """Shuffled discrepancies and skipped inputs give the same bytes."""
    result = replace(synthetic({Severity.HIGH: 12, Severity.MEDIUM: 12, Severity.LOW: 12}),
                     skipped=(Skipped("b.txt", "x"), Skipped("a.txt", "y")))
    shuffled = replace(result, discrepancies=tuple(reversed(result.discrepancies)), skipped=result.skipped[::-1])
    assert render_github(result) == render_github(shuffled)


def test_scope_annotates_only_articles_under_check() -> None:
    """With `--against`, the annotation sits on the claim under check; the context claim is named, marked as context."""
    result = replace(synthetic({Severity.HIGH: 2}, stories=1), scope=("b",))
    commands = parse(render_github(result))
    assert [("articles/b.txt", "1"), ("articles/b.txt", "2")] == [(p["file"], p["line"]) for _, p, _ in commands[1:3]]
    assert "troops 0: 1000 (a, line 1, context) vs 2000 (b, line 1); conflict, high [D-0000]" == commands[1][2]


def test_discrepancy_without_a_claim_in_scope_is_not_put_on_a_context_file() -> None:
    """A discrepancy among context articles only (not kept by the pipeline, but possible) gets no file."""
    result = replace(synthetic({Severity.LOW: 1}, stories=1), scope=("c",))
    (_, (name, props, _), _, _) = parse(render_github(result))
    assert ("notice", {"title": "factdiff: conflict · troops 0"}) == (name, props)
