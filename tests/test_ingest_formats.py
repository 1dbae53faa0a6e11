"""Ingest of saved HTML pages and JSON Lines / JSON exports, and the lines they report."""

from __future__ import annotations

import html
import json
import re
import textwrap
from pathlib import Path

import pytest

from compare.errors import InputError
from compare.extract import extract_facts
from compare.ingest import iter_paths, read_article, read_articles, unique_ids
from compare.pipeline import Config, read_inputs, run_check
from compare.records import Article, CheckResult, FactKind, Skipped
from compare.webpage import source_lines
from tests.conftest import SEEDS

PAGES = Path(__file__).resolve().parent / "data" / "pages"
HARBOUR = PAGES / "harbour-news.html"
COUNCIL = PAGES / "council-budget.htm"


def visible(line: str) -> str:
    """A source line as a reader sees it: tags dropped, entities unescaped, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^<>]*>", " ", line)).split())


def first_words(text: str, count: int = 3) -> str:
    return " ".join(text.split()[:count])


# --- HTML pages -------------------------------------------------------------------------


def test_page_metadata() -> None:
    """A page gives its headline, site name, publication date (not the modified one), URL and author."""
    article = read_article(HARBOUR)
    assert (
        "harbour-news",
        "Ferry fares to rise 12% as port upgrade stalls",
        "The Harbour Gazette",
        "2025-04-03",
        "html metadata",
        "https://www.harbourgazette.example/news/2025/04/ferry-fares-rise",
        "Moira Quint",
    ) == (article.id, article.title, article.outlet, article.date, article.date_source, article.url, article.author)


def test_page_body_without_furniture() -> None:
    """Every body paragraph is kept, entities and <br> read; navigation, ads, shares, related links, footer are not."""
    article = read_article(HARBOUR)
    assert [
        "Ferry fares between Port Ellery and the Skerry Isles will rise by 12% from June, the operator said on "
        "Wednesday, after a £48 million upgrade of the harbour stalled for a second year.",
        "Islandlink said the increase would add about £3.40 to a standard return ticket.",
        "Around 410,000 passengers used the route last year, up from 372,000 in 2023.",
        "“We have held fares for three winters, but fuel and berthing costs have gone up faster than anyone "
        "expected,” said Islandlink’s chief executive, Dana Whitlow.",
        "“This is not a decision we took lightly.”",
        "The council’s harbour committee, which owns the pier, blamed delays on a dispute with the main "
        "contractor, Brack & Lowe, over the cost of steel.",
        "Councillor Ian Rudd, who chairs the committee, said work would restart in September.",
        "Islanders object",
        "The Skerry Isles Community Trust said 64% of the 1,150 residents who answered its survey in March "
        "could not afford a further rise.",
        "The trust plans to raise the matter with the transport minister, Sheila Grant, when she visits on 14 April.",
        "Islandlink carried 9,800 vehicles in the year to March.",
    ] == [s.text for s in article.sentences]
    for furniture in ("cookie", "Advertisement", "Related Posts", "Share", "Most Read", "Sign up", "©", "Derby", "News"):
        assert furniture not in article.text


def test_page_with_furniture_inside_the_body() -> None:
    """An ad and a `Read more:` link inside the body are furniture; the repeated headline is not a sentence."""
    article = read_article(COUNCIL)
    assert ("councilwatch.example", "2025-02-27", (26, 34)) == (article.outlet, article.date, article.furniture)
    assert [
        "Northvale council approved a £212 million budget on Thursday night, with council tax going up by 4.99% "
        "from April, the maximum allowed without a referendum.",
        "The vote was 31 to 24, with 2 abstentions.",
        "Councillors sat for five hours before the vote.",
        "Council leader Priya Nandra said the rise would raise £6.1 million, of which £2.4 million would go to "
        "adult social care.",
        "“Nobody on this council wanted to put up bills,” she said, “but the alternative was closing libraries.”",
        "Opposition leader Tom Everett said the authority had “lost control of its spending”, pointing to a "
        "£9 million overspend on home-to-school transport.",
        "A band D household will pay £1,843.17 a year, up £87.60.",
    ] == [s.text for s in article.sentences]


@pytest.mark.parametrize("page", [HARBOUR, COUNCIL])
def test_page_sentence_lines_are_source_lines(page: Path) -> None:
    """Each sentence's line is the line of the HTML source where its first words are written."""
    article = read_article(page)
    source = page.read_text(encoding="utf-8").split("\n")
    assert article.sentences
    for sentence in article.sentences:
        assert article.text[sentence.start:sentence.end] == sentence.text
        assert first_words(sentence.text) in visible(source[sentence.line - 1]), sentence


@pytest.mark.parametrize("page", [HARBOUR, COUNCIL])
def test_page_fact_lines_are_source_lines(page: Path) -> None:
    """Each number, date and person fact's line is the source line where the fact starts."""
    article = read_article(page)
    source = page.read_text(encoding="utf-8").split("\n")
    facts = [f for f in extract_facts(article) if f.kind != FactKind.QUOTE]
    assert len(facts) > 8
    for fact in facts:
        assert article.text[fact.start:fact.end] == fact.text
        assert first_words(fact.text, 1) in visible(source[fact.line - 1]), fact


def test_page_quote_lines_are_source_lines() -> None:
    """A quotation's line is the source line where it starts."""
    article = read_article(HARBOUR)
    source = HARBOUR.read_text(encoding="utf-8").split("\n")
    quotes = [f for f in extract_facts(article) if f.kind == FactKind.QUOTE]
    assert quotes
    for fact in quotes:
        assert first_words(fact.text, 2) in visible(source[fact.line - 1]), fact


@pytest.mark.parametrize(
    "source, text, expected",
    [
        # A paragraph wrapped over three source lines: each word keeps its own line.
        ("<html><body>\n<p>One two\nthree four.\nFive six.</p>\n</body></html>", "One two three four. Five six.",
         ((0, 2), (8, 3), (20, 4))),
        # Inline tags and entities inside words, a <br>, and a second paragraph.
        ("<p>Brack &amp; <b>Lo</b>we<br>\nsaid &#8220;no&#8221;.</p>\n\n<p>Next.</p>", "Brack & Lowe said “no”.\nNext.",
         ((0, 1), (13, 2), (24, 4))),
        # Text that appears in navigation first is found after the previous paragraph.
        ("<nav>Weather</nav>\n<p>Intro line.</p>\n<p>Weather is fine.</p>", "Intro line.\nWeather is fine.",
         ((0, 2), (12, 3))),
        # A paragraph that is nowhere in the source keeps the line before it.
        ("<p>Found here.</p>\n<p>x</p>", "Found here.\nInvented by the extractor.", ((0, 1),)),
        # Nothing found at all: everything is line 1.
        ("<p>a</p>", "Nothing matches.", ((0, 1),)),
    ],
)
def test_source_lines(source: str, text: str, expected: tuple[tuple[int, int], ...]) -> None:
    """Extracted text maps back to the source lines its words are written on."""
    assert expected == source_lines(text, source)


def test_page_in_cp1252_declared_by_meta_charset(tmp_path: Path) -> None:
    """A legacy page is decoded as its meta charset says (`iso-8859-1` read as windows-1252, as browsers do)."""
    page = tmp_path / "legacy.html"
    page.write_bytes(
        textwrap.dedent(
            """\
            <html><head>
            <meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">
            <title>Caf\u00e9 closes</title></head>
            <body><article>
            <p>The caf\u00e9 on Quay Street will close after 41 years, its owner said on Monday.</p>
            <p>\u201cIt is time,\u201d said Ren\u00e9e Marchal, 68, who opened it in 1984 with her late husband.</p>
            </article></body></html>
            """
        ).encode("cp1252")
    )
    article = read_article(page)
    assert [
        "The café on Quay Street will close after 41 years, its owner said on Monday.",
        "“It is time,” said Renée Marchal, 68, who opened it in 1984 with her late husband.",
    ] == [s.text for s in article.sentences]
    assert [5, 6] == [s.line for s in article.sentences]


def test_page_mislabelled_charset_and_encoding_override(tmp_path: Path) -> None:
    """A page whose bytes are not its declared charset is skipped with the fix; --encoding overrides."""
    page = tmp_path / "mislabelled.html"
    page.write_bytes(
        '<html><head><meta charset="utf-8"></head><body><p>The café on Quay Street will close after 41 years, '
        "its owner said on Monday, and 12 staff will lose their jobs.</p></body></html>".encode("cp1252")
    )
    with pytest.raises(InputError) as caught:
        read_article(page)
    reason = "not valid utf-8 at byte 57 (the page's meta charset; try --encoding cp1252)"
    assert f"cannot read {page}: {reason}" == str(caught.value)
    article = read_article(page, encoding="cp1252")
    assert "The café on Quay Street" in article.sentences[0].text


def test_page_with_bom(tmp_path: Path) -> None:
    """A UTF-8 byte-order mark is dropped, and wins over a meta charset that says otherwise."""
    page = tmp_path / "bom.html"
    page.write_bytes(
        b"\xef\xbb\xbf<html><head><meta charset=\"windows-1252\"></head><body><article><p>"
        + b"Prices rose by 3.2% in March, the statistics office said, the fastest pace in a year.</p>"
        + b"</article></body></html>"
    )
    assert ["Prices rose by 3.2% in March, the statistics office said, the fastest pace in a year."] == [
        s.text for s in read_article(page).sentences
    ]


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"", "the file is empty"),
        (b"  \n\t\n", "the file holds only white space"),
        ((PAGES / "nav-only.html").read_bytes(), "no article text found in the HTML page"),
        (b"<html><head><title>x</title></head><body></body></html>", "no article text found in the HTML page"),
        (b"<html>\x00\x01\x02</html>", "binary file (contains NUL bytes)"),
    ],
)
def test_page_without_article_is_skipped(tmp_path: Path, content: bytes, reason: str) -> None:
    """An empty page, one that is only navigation, or a binary one is skipped with the reason."""
    page = tmp_path / "page.html"
    page.write_bytes(content)
    articles, skipped = read_inputs([str(page)])
    assert ([], [Skipped(str(page), reason)]) == (articles, skipped)


def test_iter_paths_finds_pages_and_exports(tmp_path: Path) -> None:
    """A folder yields .html, .htm and .jsonl files too; .json only when named (a report or baseline lives there)."""
    (tmp_path / "saved").mkdir()
    for name in ("a.txt", "saved/b.HTM", "saved/c.html", "export.jsonl", "factdiff-baseline.json", "style.css"):
        (tmp_path / name).write_text("x")
    found = [Path(p).relative_to(tmp_path).as_posix() for p in iter_paths([str(tmp_path)])]
    assert ["a.txt", "export.jsonl", "saved/b.HTM", "saved/c.html"] == found


# --- JSON Lines and JSON -------------------------------------------------------------------

ENTRY = {"id": "a1", "text": "Troops arrived on Sunday. They left on Monday.", "title": "Troops", "outlet": "Kyodo"}


def write_lines(path: Path, *lines: object) -> Path:
    path.write_text("".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines))
    return path


def test_jsonl_articles(tmp_path: Path) -> None:
    """Each line is an article with its fields; the path names the line; blank lines are passed over."""
    export = write_lines(
        tmp_path / "export.jsonl",
        ENTRY,
        "",
        {"text": "Prices rose 3%.", "date": "2025-03-30T08:00:00Z", "url": "https://x.test/p", "author": "A. Writer"},
    )
    first, second = read_articles(export)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert ("a1", f"{export}:1", "Troops", "Kyodo", None, None) == (
        first.id, first.path, first.title, first.outlet, first.date, first.date_source
    )
    assert ("export-3", f"{export}:3", "2025-03-30", "json field", "https://x.test/p", "A. Writer") == (
        second.id, second.path, second.date, second.date_source, second.url, second.author
    )
    assert ["Troops arrived on Sunday.", "They left on Monday."] == [s.text for s in first.sentences]


def test_jsonl_text_with_paragraphs(tmp_path: Path) -> None:
    """A `text` holding `\\n` paragraphs is split into paragraphs, and lines are lines of that text."""
    entry = {"id": "p", "text": "First paragraph here.\n\nSecond paragraph, 55,000 troops.\n\nThird one."}
    (article,) = read_articles(write_lines(tmp_path / "e.jsonl", entry))
    assert isinstance(article, Article)
    assert [("First paragraph here.", 1, 0), ("Second paragraph, 55,000 troops.", 3, 1), ("Third one.", 5, 2)] == [
        (s.text, s.line, s.paragraph) for s in article.sentences
    ]
    (fact,) = [f for f in extract_facts(article) if f.kind == FactKind.QUANTITY]
    assert ("55,000", 3) == (fact.text, fact.line)


@pytest.mark.parametrize(
    "line, reason",
    [
        ('{"id": "x", "text": "Broken', "not valid JSON: Unterminated string starting at: column 21"),
        ("[1, 2]", 'not a JSON object with a "text" field (found a list)'),
        ('"just a string"', 'not a JSON object with a "text" field (found a string)'),
        ('{"id": "x"}', 'no "text" field'),
        ('{"id": "x", "text": ""}', '"text" is empty'),
        ('{"id": "x", "text": " \\n "}', '"text" holds only white space'),
        ('{"id": "x", "text": ["a", "b"]}', '"text" is not a string (found a list)'),
        ('{"id": "x", "text": "Fine.", "title": 7}', '"title" is not a string (found a number)'),
        ('{"id": true, "text": "Fine."}', '"id" is not a string (found true or false)'),
        ("[" * 100_000, "not valid JSON: nested too deeply to read"),
    ],
)
def test_jsonl_bad_line_is_skipped_others_read(tmp_path: Path, line: str, reason: str) -> None:
    """A bad line in the middle is skipped naming file:line and why; the lines around it are read."""
    export = write_lines(tmp_path / "export.jsonl", ENTRY, line, {**ENTRY, "id": "a3"})
    articles, skipped = read_inputs([str(export)])
    assert (["a1", "a3"], [Skipped(f"{export}:2", reason)]) == ([a.id for a in articles], skipped)


def test_jsonl_bad_bytes_cost_one_line(tmp_path: Path) -> None:
    """A line that is not UTF-8 is skipped with its byte offset; a BOM is dropped; the other lines are read."""
    export = tmp_path / "export.jsonl"
    export.write_bytes(
        b"\xef\xbb\xbf" + json.dumps(ENTRY).encode() + b"\n"
        + '{"id": "c", "text": "Caf\u00e9."}'.encode("cp1252") + b"\r\n"
        + json.dumps({**ENTRY, "id": "a3"}).encode() + b"\r\n"
    )
    articles, skipped = read_inputs([str(export)])
    offset = 3 + len(json.dumps(ENTRY)) + 1 + 24
    assert ["a1", "a3"] == [a.id for a in articles]
    assert [Skipped(f"{export}:2", f"not valid UTF-8 at byte {offset} (try --encoding cp1252)")] == skipped
    export.write_bytes(export.read_bytes().removeprefix(b"\xef\xbb\xbf"))
    articles, skipped = read_inputs([str(export)], config=Config(encoding="cp1252"))
    assert (["a1", "a3", "c"], []) == (sorted(a.id for a in articles), skipped)


@pytest.mark.parametrize(
    "content, reason",
    [(b"", "the file is empty"), (b"\n\n  \n", "the file holds only white space"), (b"{\x00}", "binary file (contains NUL bytes)")],
)
def test_jsonl_empty_file(tmp_path: Path, content: bytes, reason: str) -> None:
    """An empty or blank export is one skipped input, not zero articles."""
    export = tmp_path / "export.jsonl"
    export.write_bytes(content)
    assert ([], [Skipped(str(export), reason)]) == read_inputs([str(export)])


def test_jsonl_ids_made_unique(tmp_path: Path) -> None:
    """Ids repeated in one file get their line; numeric ids are read; two exports in one folder stay apart."""
    write_lines(tmp_path / "a.jsonl", {**ENTRY, "id": "x"}, {**ENTRY, "id": "x"}, {**ENTRY, "id": 17})
    write_lines(tmp_path / "b.jsonl", {**ENTRY, "id": "17"})
    articles, skipped = read_inputs([str(tmp_path)])
    folder = tmp_path.name
    assert [
        (f"{folder}/17-1", "a.jsonl:3"), (f"{folder}/17-2", "b.jsonl:1"), ("x-1", "a.jsonl:1"), ("x-2", "a.jsonl:2"),
    ] == sorted((a.id, Path(a.path).name) for a in articles)
    assert [] == skipped


def test_jsonl_read_over_two_processes_equals_one(tmp_path: Path) -> None:
    """`--jobs 2` reads a big export's entries in two processes: same articles, order and skips."""
    lines: list[object] = []
    for number in range(60):
        lines.append({"id": f"wire-{number % 25}", "text": f"Police said {number} people were hurt on Sunday.\n\nRoads reopened."})
        if number % 17 == 0:
            lines.append('{"id": "broken", "text": ')
        if number % 23 == 0:
            lines.append({"id": "empty", "text": "   "})
    export = write_lines(tmp_path / "wire.jsonl", *lines)
    one = read_inputs([str(export)], Config(jobs=1))
    two = read_inputs([str(export)], Config(jobs=2))
    assert one == two
    articles, skipped = two
    assert 60 == len(articles) and len({a.id for a in articles}) == 60  # repeated ids got their line
    assert 4 + 3 == len(skipped)


def test_unique_ids_order_does_not_matter() -> None:
    """Ids still clashing after the folder prefix are numbered by path, whatever the input order."""
    a = Article(id="a", path="x/a.txt", text="")
    b = Article(id="a", path="x/a.md", text="")
    assert ["x/a-2", "x/a-1"] == [r.id for r in unique_ids([a, b])]
    assert ["x/a-1", "x/a-2"] == [r.id for r in unique_ids([b, a])]


def test_json_object_and_list(tmp_path: Path) -> None:
    """A .json file holds one article object, or a list of them named by item; a bad item is skipped alone."""
    single = tmp_path / "one.json"
    single.write_text(json.dumps(ENTRY))
    listed = tmp_path / "many.json"
    listed.write_text(json.dumps([{**ENTRY, "id": "m0"}, {"id": "b"}, {**ENTRY, "id": "c"}], indent=2))
    articles, skipped = read_inputs([str(single), str(listed)])
    assert [("a1", str(single)), ("c", f"{listed}[2]"), ("m0", f"{listed}[0]")] == sorted(
        (a.id, a.path) for a in articles
    )
    assert [Skipped(f"{listed}[1]", 'no "text" field')] == skipped
    assert "a1" == read_article(single).id


@pytest.mark.parametrize(
    "content, reason",
    [
        ("[]", "the JSON list holds no articles"),
        ('{"id": "a",\n "text": }', "not valid JSON: Expecting value: line 2 column 10"),
    ],
)
def test_json_file_unreadable(tmp_path: Path, content: str, reason: str) -> None:
    """A .json file that is not JSON, or an empty list, is skipped as a whole with the reason."""
    path = tmp_path / "export.json"
    path.write_text(content)
    assert ([], [Skipped(str(path), reason)]) == read_inputs([str(path)])


# --- Acceptance: the seeds as saved pages and as an export ---------------------------------

HOSTS = {
    "000": "www.taipeitimes.example",
    "001": "www.afp.example",
    "002": "www.washingtontimes.example",
    "003": "www.washingtontimes.example",
    "004": "japannews.yomiuri.example",
}


def seed_body(article: Article) -> list[str]:
    """The seed's body paragraphs: its text from the first sentence on (header lines are metadata)."""
    body = article.text[article.sentences[0].start:]
    return [p.strip() for p in re.split(r"\n[ \t]*\n", body) if p.strip()]


def escape(text: str) -> str:
    """Escape as a CMS does: `&amp;`, numeric curly quotes and apostrophes, `&mdash;`."""
    text = html.escape(text, quote=False)
    for char, entity in (("“", "&#8220;"), ("”", "&#8221;"), ("’", "&#8217;"), ("‘", "&#8216;"), ("—", "&mdash;")):
        text = text.replace(char, entity)
    return text


def seed_page(article: Article) -> str:
    """A saved news page for a seed: metadata in the head, its body among realistic furniture."""
    host = HOSTS[article.id[:3]]
    site = article.outlet or host.removeprefix("www.")
    head = [f"<title>{escape(article.title or 'World news')} | {escape(site)}</title>"]
    if article.outlet:
        head.append(f'<meta property="og:site_name" content="{html.escape(article.outlet)}">')
    if article.title:
        head.append(f'<meta property="og:title" content="{html.escape(article.title)}">')
    if article.date:
        head.append(f'<meta property="article:published_time" content="{article.date}T09:00:00+09:00">')
    head.append(f'<link rel="canonical" href="https://{host}/world/{article.id}.html">')
    body = []
    for index, paragraph in enumerate(seed_body(article)):
        if "\n" in paragraph:  # seed 004's photo caption, then the body
            caption, paragraph = paragraph.split("\n", 1)
            body.append(f'<p class="caption">{escape(caption)}</p>')
        if paragraph in ("Advertisement", "Featured"):
            body.append(f'<div class="ad-slot"><span>{paragraph}</span><div id="ad-{index}"></div></div>')
            continue
        wrapped = textwrap.wrap(escape(paragraph), 90, break_long_words=False, break_on_hyphens=False)
        body.append("<p>" + "\n      ".join(wrapped) + "</p>")
        if index == 3:
            body.append('<div class="ad-slot"><span>Advertisement</span><div id="mpu-1"></div></div>')
    return "\n".join([
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">', *head,
        '<script>window.ads = {"slot": "mpu", "targeting": ["world", "asia"]};</script>', "</head>", "<body>",
        '<div class="cookie-banner"><p>We use cookies to give you the best experience. '
        '<a href="/privacy">Learn more</a></p><button>Accept</button></div>',
        '<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>'
        '<li><a href="/politics">Politics</a></li><li><a href="/business">Business</a></li></ul></nav></header>',
        "<main><article>", f"<h1>{escape(article.title or '')}</h1>",
        '<div class="share"><a href="https://facebook.com/sharer">Share on Facebook</a> '
        '<a href="https://x.com/share">Share on X</a></div>',
        '<div class="article-body">', *body, "</div>",
        '<aside class="related"><h3>Related Posts</h3><ul><li><a href="/a">Navy chief visits Guam base</a></li>'
        '<li><a href="/b">Markets rally on tariff pause</a></li></ul></aside>',
        "</article></main>",
        f'<footer><p>&copy; 2025 {escape(site)}. All rights reserved.</p><a href="/terms">Terms</a></footer>',
        "</body>", "</html>", "",
    ])


def findings(result: CheckResult) -> tuple[object, ...]:
    """What the acceptance compares: discrepancies with their claims, and the stories."""
    return (
        [
            (d.id, d.cls, d.severity, d.subject, [(c.article, c.fact.text) for c in d.claims])
            for d in result.discrepancies
        ],
        result.stories,
    )


@pytest.fixture(scope="module")
def seed_articles() -> list[Article]:
    return [read_article(path) for path in sorted(SEEDS.glob("*.txt"))]


@pytest.fixture(scope="module")
def seed_findings() -> tuple[object, ...]:
    return findings(run_check([str(SEEDS)]))


def test_seeds_as_saved_pages(tmp_path: Path, seed_articles: list[Article], seed_findings: tuple[object, ...]) -> None:
    """The five seeds saved as HTML pages give the same findings as the plain-text seeds."""
    folder = tmp_path / "saved pages"
    folder.mkdir()
    for article in seed_articles:
        (folder / f"{article.id}.html").write_text(seed_page(article), encoding="utf-8")
    result = run_check([str(folder)])
    assert () == result.skipped
    assert seed_findings == findings(result)
    by_id = {a.id: a for a in result.articles}
    assert ("The Washington Times", "2025-03-30", "html metadata") == (
        by_id["002_3a1f343924c775c8"].outlet, by_id["002_3a1f343924c775c8"].date,
        by_id["002_3a1f343924c775c8"].date_source,
    )
    assert "taipeitimes.example" == by_id["000_a79e7755c7381916"].outlet
    for article in result.articles:
        source = (folder / f"{article.id}.html").read_text(encoding="utf-8").split("\n")
        for fact in result.facts[article.id]:
            if fact.kind != FactKind.QUOTE:
                assert first_words(fact.text, 1) in visible(source[fact.line - 1]), (article.id, fact)


def test_seeds_as_json_lines(tmp_path: Path, seed_articles: list[Article], seed_findings: tuple[object, ...]) -> None:
    """The five seeds as one JSON Lines export give the same findings as the plain-text seeds."""
    export = tmp_path / "export.jsonl"
    write_lines(export, *[
        {"id": a.id, "text": "\n\n".join(seed_body(a)), "title": a.title, "outlet": a.outlet, "date": a.date,
         "url": f"https://{HOSTS[a.id[:3]]}/world/{a.id}.html"}
        for a in seed_articles
    ])
    result = run_check([str(export)])
    assert () == result.skipped
    assert seed_findings == findings(result)
    assert [f"{export}:{n}" for n in range(1, 6)] == [a.path for a in result.articles]


@pytest.mark.parametrize(
    "date, expected, note",
    [
        ("26-FEB-1987 15:01:01.79", "1987-02-26", None),  # Reuters' wire format
        ("30/03/2025", None, "\"date\" '30/03/2025' is not a date factdiff reads; the article is read without one"),
        ("2025-02-30", None, "\"date\" '2025-02-30' is not a date factdiff reads; the article is read without one"),
    ],
)
def test_jsonl_date_not_understood_keeps_the_article(tmp_path: Path, date: str, expected: str | None, note: str | None) -> None:
    """A date factdiff cannot read costs the date, not the article: it is read undated, with a note."""
    export = write_lines(tmp_path / "export.jsonl", {"id": "x", "text": "Officials said 12 people were hurt.", "date": date})
    articles, skipped = read_inputs([str(export)])
    assert [] == skipped
    assert [(expected, (note,) if note else ())] == [(a.date, a.notes) for a in articles]
