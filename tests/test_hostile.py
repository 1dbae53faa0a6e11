"""Hostile and broken inputs: every file gets a defined outcome, none is lost, nothing hangs.

`tests/data/hostile/` holds the small text cases; binary, symlinked, unreadable and huge
inputs are generated in `tmp_path`.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
import regex
from click.testing import CliRunner

from compare.cli import main
from compare.errors import InputError
from compare.extract import extract_facts
from compare.ingest import SENTENCE_LIMIT, article_from_text, bound_sentences, decode, iter_paths, read_article
from compare.pipeline import read_inputs, run_check
from compare.records import FactKind
from compare.report import render_json, render_markdown
from compare.sentences import LineIndex
from tests.conftest import SEEDS

HOSTILE = Path(__file__).resolve().parent / "data" / "hostile"
ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0

# ------------------------------------------------------------------ decoding

TEXT = "Tokyo — “55,000” troops, 10² km.\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        b"\xff\xfe" + TEXT.encode("utf-16-le"),
        b"\xfe\xff" + TEXT.encode("utf-16-be"),
        b"\xff\xfe\x00\x00" + TEXT.encode("utf-32-le"),
        b"\x00\x00\xfe\xff" + TEXT.encode("utf-32-be"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "utf-32-le-bom", "utf-32-be-bom"],
)
def test_decode_sniffs_byte_order_marks(data: bytes) -> None:
    """A byte-order mark picks UTF-8, UTF-16 or UTF-32 (either order); the mark is dropped."""
    assert TEXT == decode(data, "a.txt")


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"%PDF-1.4\n\x00\x01binary", "binary file (contains NUL bytes)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (contains NUL bytes)"),
        (b"\xff\xfe" + "ab".encode("utf-16-le") + b"\x00", "not valid UTF-16 at byte 6"),
        (b"\xef\xbb\xbfCaf\xe9", "not valid UTF-8 at byte 6 (try --encoding cp1252)"),
        ("Café owners".encode("cp1252"), "not valid UTF-8 at byte 3 (try --encoding cp1252)"),
    ],
    ids=["pdf", "png", "utf-16-odd-length", "utf-8-bom-then-cp1252", "cp1252"],
)
def test_decode_rejects_with_reason(data: bytes, reason: str) -> None:
    """Binary data and bytes that do not decode fail with the reason and the byte offset of the file."""
    with pytest.raises(InputError) as caught:
        decode(data, "in/x.txt")
    assert ("in/x.txt", reason) == (caught.value.path, caught.value.reason)


def test_explicit_encoding_wins_over_nul_check() -> None:
    """UTF-16 without a mark is full of NULs, but --encoding utf-16-le still reads it."""
    assert "Troops" == decode("Troops".encode("utf-16-le"), "a.txt", "utf-16-le")


@pytest.mark.parametrize(
    "data, reason",
    [(b"", "the file is empty"), (b" \n\t\n  ", "the file holds only white space"),
     (b"\xef\xbb\xbf", "the file is empty"), ("\u00a0\u2003\n".encode(), "the file holds only white space")],
    ids=["empty", "whitespace", "bom-only", "unicode-spaces"],
)
def test_blank_files_are_skipped_with_reason(tmp_path: Path, data: bytes, reason: str) -> None:
    """Empty and white-space-only files are skipped, saying which."""
    path = tmp_path / "blank.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_article(path)
    assert reason == caught.value.reason


@pytest.mark.skipif(ROOT_USER, reason="root reads a file whatever its mode")
def test_unreadable_file_is_skipped_with_reason(tmp_path: Path) -> None:
    """A file without read permission is skipped with the system's reason."""
    path = tmp_path / "locked.txt"
    path.write_text("Troops arrived.")
    path.chmod(0)
    try:
        articles, skipped = read_inputs([str(tmp_path)])
    finally:
        path.chmod(0o644)
    assert ([], [(str(path), "Permission denied")]) == (articles, [(s.path, s.reason) for s in skipped])


@pytest.mark.skipif(ROOT_USER, reason="root lists a directory whatever its mode")
def test_unlistable_directory_is_skipped_not_lost(tmp_path: Path) -> None:
    """A sub-directory that cannot be listed is reported as skipped, not silently left out."""
    (tmp_path / "ok.txt").write_text("Troops arrived.")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "hidden.txt").write_text("Troops left.")
    locked.chmod(0)
    try:
        articles, skipped = read_inputs([str(tmp_path)])
    finally:
        locked.chmod(0o755)
    assert ["ok"] == [a.id for a in articles]
    assert [(str(locked), "cannot list the directory: Permission denied")] == [(s.path, s.reason) for s in skipped]


def test_permission_errors_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same outcomes with the permission errors simulated, so that they are tested as root too."""
    (tmp_path / "ok.txt").write_text("Troops arrived.")
    (tmp_path / "locked.txt").write_text("Troops left.")
    locked_dir = tmp_path / "locked"
    locked_dir.mkdir()
    (locked_dir / "hidden.txt").write_text("Troops stayed.")
    denied = {str(tmp_path / "locked.txt"), str(locked_dir)}

    def deny(real):  # type: ignore[no-untyped-def]
        def wrapper(path, *args, **kwargs):  # type: ignore[no-untyped-def]
            if str(path) in denied:
                raise PermissionError(13, "Permission denied", str(path))
            return real(path, *args, **kwargs)
        return wrapper

    monkeypatch.setattr(os, "scandir", deny(os.scandir))
    monkeypatch.setattr(os, "listdir", deny(os.listdir))
    monkeypatch.setattr(Path, "read_bytes", deny(Path.read_bytes))
    articles, skipped = read_inputs([str(tmp_path)])
    assert ["ok"] == [a.id for a in articles]
    assert [
        (str(locked_dir), "cannot list the directory: Permission denied"),
        (str(tmp_path / "locked.txt"), "Permission denied"),
    ] == [(s.path, s.reason) for s in skipped]


# ------------------------------------------------------------------ directory walks


def test_symlink_loops_do_not_loop(tmp_path: Path) -> None:
    """A directory link to its parent is not followed; a self-link and a dangling link are skipped."""
    (tmp_path / "a.txt").write_text("Troops arrived.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Troops left.")
    (tmp_path / "sub" / "up").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "loop").symlink_to(".", target_is_directory=True)
    (tmp_path / "self.txt").symlink_to("self.txt")
    (tmp_path / "dangling.txt").symlink_to("nowhere.txt")
    (tmp_path / "linked.txt").symlink_to("a.txt")
    paths = list(iter_paths([str(tmp_path)]))
    assert sorted(str(tmp_path / n) for n in ("a.txt", "dangling.txt", "linked.txt", "self.txt", "sub/b.txt")) == paths
    articles, skipped = read_inputs(paths)
    assert ["a", "b", "linked"] == sorted(a.id for a in articles)
    assert [("dangling.txt", "No such file or directory"), ("self.txt", "Too many levels of symbolic links")] == [
        (Path(s.path).name, s.reason) for s in skipped
    ]


def test_directory_with_many_files(tmp_path: Path) -> None:
    """Thousands of files in one folder are all read, in sorted order, each exactly once."""
    count = 3000
    for index in range(count):
        # Words of each file's own, so the run is about many files, not 4.5 million aligned
        # near-duplicate pairs (any shared scaffolding in a one-line article aligns).
        (tmp_path / f"{index:05d}.txt").write_text(f"Depot{index:05d} logged{index:05d} crate{index:05d} gate{index:05d}.\n")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF\x00")  # not an article suffix: not read, but listed
    articles, skipped = read_inputs([str(tmp_path)])
    assert [f"{i:05d}" for i in range(count)] == [a.id for a in articles]
    assert [("notes.pdf", True)] == [(Path(s.path).name, s.ignored) for s in skipped]
    result = run_check([str(tmp_path)])
    assert (count, (), ("notes.pdf",)) == (
        len(result.articles), result.unreadable, tuple(Path(s.path).name for s in result.ignored))
    assert 0 == result.return_code(None)


def test_what_a_folder_holds_besides_articles_is_listed_not_an_error(tmp_path: Path) -> None:
    """A PDF, a hidden file, a hidden folder and a linked folder of articles are each named in the
    report with why they were not read; none of them is an error (exit 0), and none vanishes."""
    story = "---\ndate: 2024-09-17\n---\nRescue teams pulled 35 survivors from the rubble on Tuesday.\n"
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "a.txt").write_text(story)
    (tmp_path / "desk" / "story.pdf").write_bytes(b"%PDF-1.4\n")
    (tmp_path / "desk" / ".draft.txt").write_text(story)
    (tmp_path / "desk" / ".git").mkdir()
    (tmp_path / "desk" / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (tmp_path / "wire").mkdir()
    (tmp_path / "wire" / "b.txt").write_text(story)
    (tmp_path / "desk" / "wire").symlink_to(tmp_path / "wire")
    result = run_check([str(tmp_path / "desk")])
    assert ["a"] == [a.id for a in result.articles]
    assert [
        (".draft.txt", "a hidden file (its name starts with a dot)"),
        (".git", "a hidden folder, not searched"),
        ("story.pdf", "not an article file (a .pdf file); factdiff reads .txt, .md, .html, .htm, .jsonl in folders"),
        ("wire", "a link to a folder, not followed (name the folder itself to read it)"),
    ] == [(Path(s.path).name, s.reason) for s in result.ignored]
    assert 0 == result.return_code(None)
    report = render_markdown(result)
    assert "- Articles: 1 processed, 0 skipped; 4 other paths in the folders not read" in report
    for item in result.ignored:
        assert item.path in report.replace("\\", "")
    data = json.loads(render_json(result))
    assert [] == data["skipped"]
    assert [s.path for s in result.ignored] == [s["path"] for s in data["ignored"]]


# ------------------------------------------------------------------ huge input


def test_over_long_sentences_are_cut_with_offsets_kept() -> None:
    """A sentence longer than the limit is cut at white space into pieces that keep their offsets."""
    text = "intro " + "word " * 30 + "x" * 70 + " tail"
    article = article_from_text(text, id="a")
    sentences, notes = bound_sentences(article.sentences, LineIndex(text), limit=40)
    assert all(len(s.text) <= 40 and text[s.start : s.end] == s.text for s in sentences)
    assert list(range(len(sentences))) == [s.index for s in sentences]
    assert "".join(text.split()) == "".join("".join(s.text.split()) for s in sentences)
    assert [f"line 1: a sentence of {len(text)} characters was cut into pieces of at most 40 to be read"] == list(notes)


def test_two_megabyte_line_completes(tmp_path: Path) -> None:
    """A 2 MB single line of news text with no sentence end is checked, not hung on (no time limit asserted).

    The line is the seed articles with every sentence end turned into a comma.
    """
    seeds = " ".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    prose = " ".join(regex.sub(r"[.!?…]", ",", seeds).split()) + " "
    line = (prose * (2_000_000 // len(prose) + 1))[:2_000_000]
    path = tmp_path / "one-line.txt"
    path.write_text(line, encoding="utf-8")
    result = run_check([str(path)])
    (article,) = result.articles
    assert len(article.sentences) >= 2_000_000 // SENTENCE_LIMIT
    assert all(article.text[s.start : s.end] == s.text for s in article.sentences)
    assert [f"line 1: a sentence of 2,000,000 characters was cut into pieces of at most {SENTENCE_LIMIT:,} to be read"] == list(article.notes)
    # Alone in its story, the article is compared only through persons and standing figures
    # (the seeds name targets), so its dates and quotes are not read; every extractor still reads the line.
    assert {FactKind.PERSON, FactKind.QUANTITY} <= {f.kind for f in result.facts[article.id]}
    assert not {FactKind.DATE, FactKind.QUOTE} & {f.kind for f in result.facts[article.id]}
    assert {FactKind.QUANTITY, FactKind.DATE, FactKind.QUOTE, FactKind.PERSON} <= {f.kind for f in extract_facts(article)}


# ------------------------------------------------------------------ Unicode in numbers


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The army sent 55\u00a0000 troops.", ("55\u00a0000", 55000.0)),
        ("The army sent 55\u2009000 troops.", ("55\u2009000", 55000.0)),
        ("The army sent 55\u202f000 troops.", ("55\u202f000", 55000.0)),
        ("Temperatures fell to \u22125 degrees.", ("\u22125 degrees", -5.0)),
        ("The army sent \uff15\uff15,\uff10\uff10\uff10 troops.", ("\uff15\uff15,\uff10\uff10\uff10", 55000.0)),
        ("The army sent \u0665\u0665,\u0660\u0660\u0660 troops.", ("\u0665\u0665,\u0660\u0660\u0660", 55000.0)),
        ("The army sent 55\u200b000 troops.", ("55\u200b000", 55000.0)),
        ("The army sent 55\u2060000 troops.", ("55\u2060000", 55000.0)),
        ("The army sent 55\u00ad000 troops.", ("55\u00ad000", 55000.0)),
    ],
    ids=["no-break-space", "thin-space", "narrow-no-break-space", "minus-sign", "full-width", "arabic-indic",
         "zero-width-space", "word-joiner", "soft-hyphen"],
)
def test_unicode_numbers_read_by_value_shown_as_written(sentence: str, expected: tuple[str, float]) -> None:
    """Numbers with no-break/thin spaces, the minus sign or digits of other scripts keep their
    surface text as written and compare by value (the text itself is never normalised)."""
    (fact,) = [f for f in extract_facts(article_from_text(sentence, id="a")) if f.kind.value == "quantity"]
    assert expected == (fact.text, fact.value)


def test_unicode_number_forms_agree_with_ascii(tmp_path: Path) -> None:
    """An outlet writing 55 000 (no-break space), full-width digits or a zero-width space inside the
    number agrees with one writing 55,000,
    and one writing 56,000 still conflicts with them."""
    body = (
        "TOKYO -- Japan sent {n} troops to the northern border region on Monday, the defence ministry said.\n\n"
        "The deployment follows weeks of tension along the frontier, officials told reporters in Tokyo.\n\n"
        "Defence Minister Gen Nakatani said the troops would stay until the end of the year.\n"
    )
    forms = {"ascii": "55,000", "nbsp": "55\u00a0000", "wide": "\uff15\uff15,\uff10\uff10\uff10", "zwsp": "55\u200b000"}
    for name, number in forms.items():
        (tmp_path / f"{name}.txt").write_text("---\ndate: 2024-09-17\n---\n" + body.format(n=number), encoding="utf-8")
    result = run_check([str(tmp_path)])
    assert [("ascii", "nbsp", "wide", "zwsp")] == [s.articles for s in result.stories]
    assert () == result.discrepancies
    (tmp_path / "other.txt").write_text("---\ndate: 2024-09-17\n---\n" + body.format(n="56,000"), encoding="utf-8")
    (conflict,) = run_check([str(tmp_path)]).discrepancies
    assert ["55,000", "55\u00a0000", "56,000", "\uff15\uff15,\uff10\uff10\uff10", "55\u200b000"] == [c.fact.text for c in conflict.claims]


# ------------------------------------------------------------------ the hostile corpus through the CLI

PROCESSED = {"markdown-attack", "unicode-numbers", "quote-over-lines", "controls-bidi",
             "utf16le-bom", "utf16be-bom", "utf32-bom", "utf8-bom", "linked", "mojibake"}
IGNORED = {  # in the folder, not articles: listed with why, no error
    ".draft.txt": "a hidden file (its name starts with a dot)",
    "story.pdf": "not an article file (a .pdf file); factdiff reads .txt, .md, .html, .htm, .jsonl in folders",
    "loop": "a link to a folder, not followed (name the folder itself to read it)",
}
SKIPPED = {
    "legacy-cp1252.txt": "not valid UTF-8 at byte 3 (try --encoding cp1252)",
    "empty.txt": "the file is empty",
    "whitespace-only.txt": "the file holds only white space",
    "scan.txt": "binary file (contains NUL bytes)",
    "image.md": "binary file (contains NUL bytes)",
    "self-loop.txt": "Too many levels of symbolic links",
    "dangling.txt": "No such file or directory",
}


@pytest.fixture
def hostile_folder(tmp_path: Path) -> Path:
    """The committed hostile corpus plus generated binary, UTF-16/32 and symlinked inputs."""
    folder = tmp_path / "hostile"
    shutil.copytree(HOSTILE, folder)
    text = "---\ntitle: {t}\ndate: 2024-09-17\n---\nRescue teams pulled 35 survivors from the rubble on Tuesday.\n"
    (folder / "utf16le-bom.txt").write_bytes(b"\xff\xfe" + text.format(t="UTF-16 LE").encode("utf-16-le"))
    (folder / "utf16be-bom.txt").write_bytes(b"\xfe\xff" + text.format(t="UTF-16 BE").encode("utf-16-be"))
    (folder / "utf32-bom.txt").write_bytes(b"\xff\xfe\x00\x00" + text.format(t="UTF-32").encode("utf-32-le"))
    (folder / "utf8-bom.txt").write_bytes(b"\xef\xbb\xbf" + text.format(t="UTF-8 BOM").encode())
    (folder / "scan.txt").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00\x00<<>>")
    (folder / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "self-loop.txt").symlink_to("self-loop.txt")
    (folder / "dangling.txt").symlink_to("gone.txt")
    (folder / "linked.txt").symlink_to("quote-over-lines.txt")
    (folder / "loop").symlink_to("..", target_is_directory=True)
    return folder


def test_check_gives_every_hostile_file_its_outcome(hostile_folder: Path) -> None:
    """`check` over the hostile folder processes or skips each file with its reason, and lists every input."""
    outcome = CliRunner().invoke(main, ["check", str(hostile_folder), "--format", "json"])
    assert 2 == outcome.exit_code, outcome.output
    report = json.loads(outcome.stdout)
    processed = {Path(a["path"]).stem for a in report["articles"]}
    skipped = {Path(s["path"]).name: s["reason"] for s in report["skipped"]}
    ignored = {Path(s["path"]).name: s["reason"] for s in report["ignored"]}
    assert (PROCESSED, SKIPPED, IGNORED) == (processed, skipped, ignored)
    inputs = {p.name for p in hostile_folder.iterdir()}
    assert inputs == {Path(a["path"]).name for a in report["articles"]} | set(skipped) | set(ignored)
    notes = {Path(a["path"]).stem: a["notes"] for a in report["articles"]}
    assert ["line 5: text decoded with the wrong codec (mojibake such as â€œ for “) was repaired on 1 line"] == notes["mojibake"]


def test_check_markdown_lists_skipped_files(hostile_folder: Path) -> None:
    """The Markdown report's sources table names each skipped file with its reason."""
    outcome = CliRunner().invoke(main, ["check", str(hostile_folder)])
    assert 2 == outcome.exit_code
    assert f"- Articles: {len(PROCESSED)} processed, {len(SKIPPED)} skipped" in outcome.stdout
    for reason in SKIPPED.values():
        assert f"skipped: {reason}" in outcome.stdout


def test_article_over_the_size_limit_is_skipped_before_reading(tmp_path: Path) -> None:
    """A 50 MB file is skipped at once with its size and the limit; the others are checked."""
    big = tmp_path / "dump.txt"
    with big.open("wb") as stream:
        stream.truncate(50 * 1024 * 1024)  # sparse: 50 MB of NULs, never read
    good = tmp_path / "good.txt"
    good.write_text("Officials said 12 people were hurt in the blast on Monday.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path), "--format", "json"])
    assert 2 == result.exit_code
    data = json.loads(result.stdout)
    assert ["good"] == [a["id"] for a in data["articles"]]
    assert [{"path": str(big), "reason": "52,428,800 bytes, over the limit of 10,000,000 for one article (--max-article-bytes)"}] == data["skipped"]


def test_article_limit_applies_per_json_lines_entry(tmp_path: Path) -> None:
    """In a .jsonl export the limit holds per line: the big entry is skipped, its neighbours read."""
    export = tmp_path / "export.jsonl"
    rows = [
        {"id": "a", "text": "Officials said 12 people were hurt in the blast on Monday."},
        {"id": "b", "text": "Officials said 14 people were hurt in the blast on Monday. " * 40},
        {"id": "c", "text": "Officials said 12 people were hurt in the blast on Monday."},
    ]
    export.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(export), "--max-article-bytes", "1000", "--format", "json"])
    assert 2 == result.exit_code
    data = json.loads(result.stdout)
    assert ["a", "c"] == [a["id"] for a in data["articles"]]
    assert [f"{export}:2"] == [s["path"] for s in data["skipped"]]
    assert data["skipped"][0]["reason"].endswith("over the limit of 1,000 for one article (--max-article-bytes)")


def test_article_limit_zero_means_none(tmp_path: Path) -> None:
    """--max-article-bytes 0 lifts the limit."""
    text = tmp_path / "a.txt"
    text.write_text("Officials said 12 people were hurt in the blast on Monday.\n" * 50, encoding="utf-8")
    assert 2 == CliRunner().invoke(main, ["check", str(text), "--max-article-bytes", "100"]).exit_code
    assert 0 == CliRunner().invoke(main, ["check", str(text), "--max-article-bytes", "0"]).exit_code


def test_stdin_over_the_limit_is_refused() -> None:
    """Standard input is read only up to the limit, then refused with the reason."""
    result = CliRunner().invoke(main, ["check", "-", "--max-article-bytes", "100"], input="x" * 500)
    assert 2 == result.exit_code
    assert "factdiff: cannot read <stdin>: more than 100 bytes, over the limit for one article (--max-article-bytes)\n" == result.stderr


# ------------------------------------------------------------------ mojibake

MOJIBAKE = "The mayor said “we will rebuild every bridge,” and pledged €5,000 to each café on Tuesday."


def garble(text: str) -> str:
    """What an old CMS shows when it decodes UTF-8 bytes as Windows-1252 (as browsers do: the five
    bytes cp1252 leaves undefined become the C1 controls, so `”` is `â€` and U+009D)."""
    import ftfy.bad_codecs  # noqa: F401 (registers the codec)

    return text.encode("utf-8").decode("sloppy-windows-1252")


def test_mojibake_is_repaired_with_a_note_and_lines_kept(tmp_path: Path) -> None:
    """UTF-8 read as Windows-1252 (â€œ for “) is repaired before extraction, so the quotation and the
    euro amount are found; the sources table says so, and every line number still holds."""
    path = tmp_path / "garbled.txt"
    path.write_text(f"---\ntitle: Bridges\n---\nFlood waters fell overnight.\n\n{garble(MOJIBAKE)}\n", encoding="utf-8")
    assert "â€œ" in path.read_text(encoding="utf-8")
    article = read_article(path)
    assert MOJIBAKE in article.text
    assert ("line 6: text decoded with the wrong codec (mojibake such as â€œ for “) was repaired on 1 line",) == article.notes
    facts = {f.kind.value: f for f in extract_facts(article)}
    assert ("we will rebuild every bridge", 6) == (facts["quote"].value, facts["quote"].line)
    assert (5000.0, "EUR", 6) == (facts["money"].value, facts["money"].unit, facts["money"].line)


@pytest.mark.parametrize(
    "text",
    ["São Paulo's mayor met the naïve Zürich delegation at the Château Ârche.",
     "Prices rose 5‰ — “modestly,” said Ms Ãlvarez, in Reykjavík.",
     "The 10² rule and ５５ km are kept as written, as are ‘single’ quotes."],
)
def test_correct_text_is_never_repaired(text: str) -> None:
    """Accents, signs and curly quotes that are what the writer typed stay exactly as written."""
    article = article_from_text(text + "\n", id="a")
    assert (text + "\n", ()) == (article.text, article.notes)


def test_mojibake_in_a_page_keeps_source_lines(tmp_path: Path) -> None:
    """In a saved page whose text was double-encoded, the repaired quotation keeps its HTML line."""
    paragraphs = ["Flood waters fell overnight across the valley towns.", MOJIBAKE,
                  "Engineers will inspect the remaining crossings this week, officials said."]
    body = "\n".join(f"<p>{garble(p)}</p>" for p in paragraphs)
    page = tmp_path / "page.html"
    page.write_text(f'<html><head><meta charset="utf-8"><title>Bridges</title></head>\n<body><article>\n'
                    f"<h1>Bridges to be rebuilt</h1>\n{body}\n</article></body></html>\n", encoding="utf-8")
    article = read_article(page)
    source = page.read_text(encoding="utf-8").split("\n")
    quote = next(f for f in extract_facts(article) if f.kind.value == "quote")
    assert "we will rebuild every bridge" == quote.value
    assert garble("we will rebuild") in source[quote.line - 1]
    assert any("mojibake" in note for note in article.notes)
