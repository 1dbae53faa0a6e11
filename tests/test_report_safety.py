"""Article text cannot take over the Markdown report: a rendering oracle with GitHub's renderer.

Reports of the real pipeline over hostile articles are rendered with cmark-gfm (GitHub's
own Markdown library, GFM extensions on), once with raw HTML filtered as GitHub does and
once with raw HTML allowed, to prove the escaping alone is enough. The rendered HTML must
have exactly the expected tables, rows and cells, and no element, attribute, comment or
link that came from article text; text that GitHub would turn into a mention or an issue
link after rendering (`@org/team`, `#123`) must be neutralised.

GitHub-only features that cmark-gfm does not render (math between `$`, `:emoji:`
shortcodes, commit SHAs linked in comments) cannot be observed with the oracle, so the
transformation itself is tested, and the rendered text is checked for what GitHub would
pick up after rendering (a `:name:`, a bare 7-40 hex-digit run).
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
import regex

from compare.pipeline import run_check
from compare.records import Article, BaselineEntry, CheckResult, Claim, Fact, FactKind, Sentence
from compare.report import render_markdown
from compare.report.markdown import MIN_BYTES, ZWSP, _highlight, cell, code_block, report_order

cmarkgfm = pytest.importorskip("cmarkgfm")
from cmarkgfm.cmark import Options  # noqa: E402

# What the report itself may produce; anything else came from article text.
ALLOWED_TAGS = {"h1", "h2", "h3", "h4", "p", "ul", "li", "table", "thead", "tbody", "tr", "th", "td", "em",
                "strong", "code", "pre"}
ALLOWED_ATTRIBUTES = {("pre", "lang"), ("code", "class")}

# GitHub links these in rendered text (outside code): `@user`, `@org/team`, `#123`, `org/repo#1`.
RE_MENTION = regex.compile(r"(?<![\w`])@[A-Za-z0-9]")
RE_ISSUE = regex.compile(r"#[0-9]")
# GitHub (not cmark-gfm) turns these into emoji and commit links after rendering.
RE_EMOJI = regex.compile(r":[\w+\-]+:")
RE_SHA = regex.compile(r"(?<!\w)(?=[0-9a-f]*[0-9])(?=[0-9a-f]*[a-f])[0-9a-f]{7,40}(?!\w)", regex.IGNORECASE)
# A `$` not escaped with a backslash (two of them in one cell would open math on GitHub).
RE_DOLLAR = regex.compile(r"(?<!\\)(?:\\\\)*\$")
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
    "$55 billion ... $60 billion", "$$x^2$$", "$`x`$", ":+1: :thumbs_up: :1234:", "a5c3785ed8d6a35868bc169f07e40e889087fd2e",
    "jlord/sheetsee.js@a5c3785", "deadbeef12", "55\u200b000", "55\u2060000",
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
    assert [] == RE_EMOJI.findall(prose)
    assert [] == RE_SHA.findall(prose)


def assert_no_math(markdown: str) -> None:
    """No table cell or line outside code holds two unescaped `$` (GitHub math needs a pair)."""
    fenced = False
    for line in markdown.splitlines():
        if line.startswith("```"):
            fenced = not fenced
            continue
        if fenced:
            continue
        for part in regex.split(r"(?<!\\)\|", line):
            assert len(RE_DOLLAR.findall(part)) <= 1, part


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


@pytest.mark.parametrize(
    "text, expected",
    [
        ("$55 billion ... $60 billion", "\\$55 billion ... \\$60 billion"),
        ("$25 million", "\\$25 million"),  # a cell may share a line with another: every `$` is escaped
        (":smile: :+1: :thumbs_up:", ":\u200bsmile: :\u200b+1: :\u200bthumbs\\_up:"),
        ("at 10:30 GMT", "at 10:30 GMT"),  # no closing colon: no shortcode
        ("a5c3785ed8d6a35868bc169f07e40e889087fd2e",
         "a5c378\u200b5ed8d6\u200ba35868\u200bbc169f\u200b07e40e\u200b889087\u200bfd2e"),
        ("commit a5c3785.", "commit a5c378\u200b5."),
        ("jlord/sheetsee.js@a5c3785", "jlord/sheetsee.js@\u200ba5c378\u200b5"),
        ("1234567 defaced deadbeef", "1234567 defaced deadbeef"),  # a number and words, not SHAs
        ("abc1234567890abcdef1234567890abcdef1234567", "abc1234567890abcdef1234567890abcdef1234567"),  # 43: too long
        ("id_a79e7755c7381916", "id\\_a79e7755c7381916"),  # inside a word: GitHub links nothing
        ("55\u200b000", "55\\\\u200b000"),  # an invisible character inside a number is shown
        ("55\u2060000 and 55\ufeff000", "55\\\\u2060000 and 55\\\\ufeff000"),
    ],
)
def test_cell_neutralises_github_only_features(text: str, expected: str) -> None:
    """Math, emoji shortcodes and commit SHAs (which cmark-gfm cannot show) are neutralised in the text itself."""
    assert expected == cell(text)


def _claim_in(sentence: str, surface: str) -> tuple[Claim, Article]:
    start = sentence.index(surface)
    article = Article(id="a", path="a.txt", text=sentence, sentences=(Sentence(0, sentence, 0, len(sentence), 1, 0),))
    fact = Fact(FactKind.MONEY, surface, 55e9, start, start + len(surface), 1, 0)
    return Claim("a", fact, sentence), article


@pytest.mark.parametrize(
    "sentence, surface, expected",
    [
        ("It costs $25 million.", "$25 million", "It costs **$25 million**."),
        ("From $55 billion to $60 billion.", "$60 billion", "From \\$55 billion to **\\$60 billion**."),
        ("From $55 billion to $60 billion.", "$55 billion", "From **\\$55 billion** to \\$60 billion."),
    ],
)
def test_highlight_escapes_dollars_only_in_pairs(sentence: str, surface: str, expected: str) -> None:
    """A claim's sentence is its whole cell: a lone `$` cannot open math and stays as written; two are escaped."""
    assert expected == _highlight(*_claim_in(sentence, surface))


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
    assert_no_math(markdown)


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
    assert_no_math(markdown)


# ------------------------------------------------------------------ scope, baseline, budget

HOSTILE_ENTRY = BaselineEntry(
    id="D-x | `y` <img src=x> @org/team", kind="quote\n| --- |", cls="conflict <!-- c -->",
    subject="$55 billion ... $60 billion :smile: a5c3785ed8d6 #123 \u202e", sources=("a|b", "<b>c</b>"),
    note="ignored",
)


@pytest.fixture(scope="module")
def with_baseline(hostile: CheckResult) -> CheckResult:
    """The hostile result with one article as context, one discrepancy accepted and a hostile stale entry."""
    accepted, *found = report_order(hostile)
    return replace(hostile, scope=(hostile.articles[0].id,), discrepancies=tuple(found), accepted=(accepted,),
                   stale=(HOSTILE_ENTRY, BaselineEntry("D-0123456789", "quantity", "conflict", "troops", ("a", "b"))))


@pytest.mark.parametrize("unsafe", [False, True], ids=["github", "raw-html-on"])
def test_scope_and_baseline_sections_have_exact_shape(with_baseline: CheckResult, unsafe: bool) -> None:
    """Context articles, accepted discrepancies and stale entries (from a hand-edited file) render safely."""
    markdown = render_markdown(with_baseline)
    page = Rendered(render(markdown, unsafe))
    result = with_baseline
    expected = [(5, 5), (1 + len(result.articles) + len(result.skipped), 8)]
    expected += [(1 + len(d.claims), 4) for d in report_order(result)]
    expected += [(2, 5), (3, 5)]
    assert expected == [(len(t), max(len(r) for r in t)) for t in page.tables]
    assert all(len(row) == len(t[0]) for t in page.tables for row in t)
    statuses = [row[7] for row in page.tables[1][1 : 1 + len(result.articles)]]
    assert ["processed"] + ["context (--against)"] * (len(result.articles) - 1) == statuses
    stale = [[c.replace(ZWSP, "") for c in row] for row in page.tables[-1][1:]]
    assert [shown(HOSTILE_ENTRY.id), shown(HOSTILE_ENTRY.kind), shown(HOSTILE_ENTRY.cls), shown(HOSTILE_ENTRY.subject),
            shown("a|b, <b>c</b>")] == stale[1]
    assert ["D-0123456789", "quantity", "conflict", "troops", "a, b"] == stale[0]  # sorted by id
    accepted = result.accepted[0]
    assert [accepted.id, accepted.severity.value, accepted.cls.value] == page.tables[-2][1][:3]
    assert f"- Articles: {len(result.articles)} processed (1 under check, {len(result.articles) - 1} given as context " \
        f"with --against), {len(result.skipped)} skipped" in markdown
    assert f"- Discrepancies: {len(result.discrepancies)}; 1 more accepted in the baseline, not shown" in markdown
    assert "- Stale baseline entries: 2 (they match no discrepancy any more)" in markdown
    assert "can be removed (`factdiff baseline` rewrites the file" in markdown
    assert_nothing_injected(page)
    assert_no_invisible(markdown)
    assert_no_math(markdown)


@pytest.mark.parametrize("budget", [MIN_BYTES, 3_000, 5_000])
def test_shortened_hostile_report_is_still_safe(with_baseline: CheckResult, budget: int) -> None:
    """Shortening keeps the guarantees: the lists of ids and subjects and the pointer are escaped too."""
    markdown = render_markdown(with_baseline, max_bytes=budget, full_report="the full JSON report: <b>@x</b>|#1.json")
    assert len(markdown.encode("utf-8")) <= budget
    page = Rendered(render(markdown, unsafe=True))
    assert all(len(row) == len(t[0]) for t in page.tables for row in t)
    assert_nothing_injected(page)
    assert_no_invisible(markdown)
    assert_no_math(markdown)
