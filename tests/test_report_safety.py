"""Article text cannot take over the Markdown report: a rendering oracle with GitHub's renderer.

Reports of the real pipeline over hostile articles are rendered with cmark-gfm (GitHub's
own Markdown library, GFM extensions on), once with raw HTML filtered as GitHub does and
once with raw HTML allowed, to prove the escaping alone is enough. The rendered HTML must
have exactly the expected tables, rows and cells, and no element, attribute, comment or
link that came from article text; text that GitHub would turn into a mention or an issue
link after rendering (`@org/team`, `#123`) must be neutralised.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
import regex

from compare.pipeline import run_check
from compare.records import CheckResult, Discrepancy
from compare.report import render_markdown
from compare.report.markdown import SEVERITY_ORDER, ZWSP, cell, code_block

cmarkgfm = pytest.importorskip("cmarkgfm")
from cmarkgfm.cmark import Options  # noqa: E402

# What the report itself may produce; anything else came from article text.
ALLOWED_TAGS = {"h1", "h2", "h3", "h4", "p", "ul", "li", "table", "thead", "tbody", "tr", "th", "td", "em",
                "strong", "code", "pre"}
ALLOWED_ATTRIBUTES = {("pre", "lang"), ("code", "class")}

# GitHub links these in rendered text (outside code): `@user`, `@org/team`, `#123`, `org/repo#1`.
RE_MENTION = regex.compile(r"(?<![\w`])@[A-Za-z0-9]")
RE_ISSUE = regex.compile(r"#[0-9]")
# Invisible characters that must not reach the report, except our own U+200B and the
# three joiners and hyphen the escaping keeps on purpose.
KEPT_INVISIBLE = {ZWSP, "\u200c", "\u200d", "\u00ad"}

HOSTILE = [
    "|", "| --- |", "\\|", "a\\", "`", "```", "`````", "~~~", "~~strike~~",
    "<img src=x onerror=alert(1)>", '<a href="https://evil.example">x</a>', "<details open><summary>s</summary>",
    "<!-- hidden -->", "<script>alert(1)</script>", "&lt;b&gt;", "&#60;i&#62;",
    "@org/team", "@octocat", "mail a@evil.example", "#123", "org/repo#42",
    "[x](javascript:alert(1))", "![x](http://evil)", "[ref]: http://evil", "<http://evil>",
    "https://evil.example/path", "www.evil.example", "*em* _em_ **b** __b__",
    "\u202e", "\u2066", "\u2069", "\u200e", "\u200b", "\u2060", "\ufeff", "\U000e0041",
    "\x00", "\x07", "\x1b[31m", "\x7f", "\x85", "\r", "\t", "\u2028",
    "$x$", ":smile:", "\\* \\_ \\# \\@",
]


def render(markdown: str, unsafe: bool) -> str:
    return str(cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE if unsafe else 0))


class Rendered(HTMLParser):
    """The parts of rendered HTML the assertions look at."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str, str | None]] = []
        self.comments: list[str] = []
        self.tables: list[list[list[str]]] = []
        self.prose: list[str] = []  # text outside <pre>/<code>, where GitHub links mentions
        self.code: list[str] = []
        self._cell = False
        self._verbatim = 0
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [(tag, name, value) for name, value in attrs]
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self.tables[-1][-1].append("")
            self._cell = True
        elif tag in ("pre", "code"):
            self._verbatim += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self._cell = False
        elif tag in ("pre", "code"):
            self._verbatim -= 1

    def handle_data(self, data: str) -> None:
        if self._cell:
            self.tables[-1][-1][-1] += data
        (self.code if self._verbatim else self.prose).append(data)

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


def visible(text: str) -> str:
    """What the report must display for `text`: breaks as spaces, invisible characters as escapes."""
    text = regex.sub(r"\r\n|[\r\n\t\v\f\x85\u2028\u2029]", " ", text)
    out = []
    for char in text:
        invisible = unicodedata.category(char) in ("Cc", "Cf") and char not in KEPT_INVISIBLE - {ZWSP}
        out.append((f"\\u{ord(char):04x}" if ord(char) <= 0xFFFF else f"\\U{ord(char):08x}") if invisible else char)
    return "".join(out)


def shown(text: str) -> str:
    """What a table cell must display for `text` (the renderer trims a cell)."""
    return visible(text).strip()


def assert_nothing_injected(page: Rendered) -> None:
    assert set() == set(page.tags) - ALLOWED_TAGS
    assert [] == [a for a in page.attributes if (a[0], a[1]) not in ALLOWED_ATTRIBUTES]
    assert [] == page.comments
    prose = "".join(page.prose)
    assert [] == RE_MENTION.findall(prose)
    assert [] == RE_ISSUE.findall(prose)


def assert_no_invisible(markdown: str) -> None:
    found = {c for c in markdown if unicodedata.category(c) in ("Cc", "Cf") and c != "\n"} - KEPT_INVISIBLE
    assert set() == found


# ------------------------------------------------------------------ cell and code_block


@pytest.mark.parametrize("unsafe", [False, True], ids=["github", "raw-html-on"])
@pytest.mark.parametrize("text", HOSTILE, ids=[repr(t) for t in HOSTILE])
def test_cell_renders_as_one_cell_showing_the_text(text: str, unsafe: bool) -> None:
    """One hostile string in a table cell stays one cell of one row and displays as written."""
    value = f"before {text} after"
    markdown = f"| a | b |\n|---|---|\n| {cell(value)} | end |\n"
    page = Rendered(render(markdown, unsafe))
    assert [[["a", "b"], [shown(value), "end"]]] == [
        [[c.replace(ZWSP, "") for c in row] for row in table] for table in page.tables
    ]
    assert_nothing_injected(page)
    assert_no_invisible(markdown)


@pytest.mark.parametrize("unsafe", [False, True], ids=["github", "raw-html-on"])
def test_all_hostile_strings_in_one_cell(unsafe: bool) -> None:
    """All the hostile strings at once, as one cell: still one cell, nothing injected."""
    value = " ".join(HOSTILE) + "\nsecond line | with a pipe"
    page = Rendered(render(f"| a |\n|---|\n| {cell(value)} |\n", unsafe))
    assert [[["a"], [shown(value)]]] == [[[c.replace(ZWSP, "") for c in row] for row in t] for t in page.tables]
    assert_nothing_injected(page)


@pytest.mark.parametrize("unsafe", [False, True], ids=["github", "raw-html-on"])
def test_code_block_holds_any_lines(unsafe: bool) -> None:
    """A fenced block shows every line verbatim (minus invisible characters), however many backticks."""
    lines = ["plain", "```", "`````` six", "~~~", "</code></pre><img src=x>", "@octocat #123", "tab\there",
             "bidi \u202e here", "bell \x07"]
    markdown = "\n".join(["before", "", *code_block(lines), "", "after"]) + "\n"
    page = Rendered(render(markdown, unsafe))
    assert ["before", "after"] == [t.strip() for t in page.prose if t.strip()]
    assert "".join(visible(line) + "\n" for line in lines) == "".join(page.code)
    assert set(page.tags) <= {"p", "pre", "code"}
    assert_no_invisible(markdown)


def test_cell_escapes_are_documented_choices() -> None:
    """Bidi and control characters become visible escapes; links and mentions get a U+200B."""
    assert "x \\\\u202e y" == cell("x \u202e y")
    assert "\\\\u0007" == cell("\x07")
    assert "@\u200borg/team \\#\u200b123" == cell("@org/team #123")
    assert "https:\u200b//e.example www\u200b.e.example" == cell("https://e.example www.e.example")
    assert "a b" == cell("a\nb")
    assert "" == cell(None)


# ------------------------------------------------------------------ whole reports

DAILY = """---
title: Toll | rises <img src=x onerror=alert(1)> @org/team #123 \u202egnp.exe
outlet: Daily <a href="http://evil">x</a> `code` [x](javascript:alert(1))
date: 2024-09-17
---
A magnitude 7.1 earthquake struck the province <details><summary>x</summary> early on Tuesday, killing 115 people | and injuring more than 400, officials said <!-- hidden --> @octocat #123.

Rescue teams pulled 35 survivors from collapsed buildings overnight, Interior Minister Ana Duarte said ![x](http://evil) see https://evil.example and www.evil.com or a@evil.com.

"We are doing everything possible ``` to reach | the villages <script>alert(1)</script>
that are cut off," Duarte told reporters at a briefing. "The next 48 hours are critical."

The government has released $25 million in emergency aid and sent 3,000 troops \u202e to the region \u2066 now\u200b with a bell\x07 and ~~strike~~.
"""

WIRE = """---
title: Strong quake kills at least 120
outlet: Example Wire
date: 2024-09-17
---
MOUNTAIN CITY \u2014 A magnitude 7.1 earthquake struck the province <details> early Tuesday, killing at least 120 people | and injuring more than 400, officials said <!-- hidden --> @octocat #123.

"We are doing everything we can `` to reach | the villages <script>alert(1)</script> that are cut off," Interior Minister Ana Duarte told reporters. "The next 48 hours are critical."

Rescue teams pulled 35 survivors from collapsed buildings overnight, Duarte said.

The government has released $25 million in emergency aid and sent 2,000 soldiers \u202e to the region \u2066 now\u200b with a bell\x07 and ~~strike~~.
"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> CheckResult:
    folder = tmp_path_factory.mktemp("hostile-report")
    (folder / "daily.txt").write_text(DAILY, encoding="utf-8")
    (folder / "wire.txt").write_text(WIRE, encoding="utf-8")
    (folder / "<img src=x onerror=alert(1)> @team #7 | x.txt").write_text("Short note.\n", encoding="utf-8")
    (folder / "binary `|` <b>.txt").write_bytes(b"%PDF-1.4\n\x00\x01\x02")
    return run_check([str(folder)])


def report_order(result: CheckResult) -> Iterator[Discrepancy]:
    """Discrepancies in the order the report prints them."""
    for story in result.stories:
        if len(story.articles) > 1:
            for severity in SEVERITY_ORDER:
                yield from (d for d in result.discrepancies if d.story == story.id and d.severity == severity)
    for severity in SEVERITY_ORDER:
        yield from (d for d in result.discrepancies if d.story is None and d.severity == severity)


def test_hostile_fixture_exercises_the_report(hostile: CheckResult) -> None:
    """The hostile articles produce discrepancies, a quotation diff and a skipped file to render."""
    assert {"conflict", "reworded"} <= {d.cls.value for d in hostile.discrepancies}
    assert any(d.diff for d in hostile.discrepancies)
    assert 1 == len(hostile.skipped)


@pytest.mark.parametrize("unsafe", [False, True], ids=["github", "raw-html-on"])
def test_report_tables_have_exact_shape_and_nothing_injected(hostile: CheckResult, unsafe: bool) -> None:
    """Every table has exactly its rows and cells; no element, attribute, comment or link from the text."""
    markdown = render_markdown(hostile)
    page = Rendered(render(markdown, unsafe))
    expected = [(5, 5), (1 + len(hostile.articles) + len(hostile.skipped), 8)]
    expected += [(1 + len(d.claims), 4) for d in report_order(hostile)]
    assert expected == [(len(t), max(len(r) for r in t)) for t in page.tables]
    assert all(len(row) == len(t[0]) for t in page.tables for row in t)
    assert_nothing_injected(page)
    assert_no_invisible(markdown)


@pytest.mark.parametrize("unsafe", [False, True], ids=["github", "raw-html-on"])
def test_report_cells_show_the_text_as_written(hostile: CheckResult, unsafe: bool) -> None:
    """Sources show titles and outlets, and claims show their sentences, as written (escapes visible)."""
    page = Rendered(render(render_markdown(hostile), unsafe))
    sources = [[c.replace(ZWSP, "") for c in row] for row in page.tables[1][1:]]
    assert [[shown(a.id), shown(a.title or ""), shown(a.outlet or "")] for a in hostile.articles] == [
        row[:3] for row in sources[: len(hostile.articles)]
    ]
    assert [[shown(s.path), f"skipped: {s.reason}"] for s in hostile.skipped] == [
        [row[0], row[7]] for row in sources[len(hostile.articles):]
    ]
    claims = [row for table in page.tables[2:] for row in table[1:]]
    expected = [[c.article, shown(c.sentence)] for d in report_order(hostile) for c in d.claims]
    assert expected == [[row[0].replace(ZWSP, ""), row[2].replace(ZWSP, "")] for row in claims]


def test_seed_report_renders_cleanly() -> None:
    """The committed seed report has the same guarantees (no element or link from the articles)."""
    markdown = (Path(__file__).resolve().parent.parent / "reports" / "seeds.md").read_text(encoding="utf-8")
    page = Rendered(render(markdown, unsafe=True))
    assert_nothing_injected(page)
    assert_no_invisible(markdown)
