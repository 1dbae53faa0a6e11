"""Ingest: decoding, metadata from front matter and header lines, page furniture."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.errors import InputError
from compare.ingest import (
    article_from_text,
    decode,
    furniture_lines,
    is_furniture,
    iter_paths,
    parse_date,
    read_article,
)
from tests.conftest import SEEDS


@pytest.mark.parametrize(
    "data, expected",
    [
        (b"Troops arrived.", "Troops arrived."),
        ("\ufeffTroops arrived.".encode(), "Troops arrived."),
        ("Tokyo — “severe”".encode(), "Tokyo — “severe”"),
    ],
)
def test_decode_utf8_with_or_without_bom(data: bytes, expected: str) -> None:
    """UTF-8 decodes with or without a byte-order mark, which is dropped."""
    assert expected == decode(data, "a.txt")


def test_decode_names_file_and_byte_offset() -> None:
    """A file that is not UTF-8 fails with the file, the byte offset and the fix."""
    with pytest.raises(InputError) as caught:
        decode("Caf\u00e9 au lait".encode("cp1252"), "seeds/x.txt")
    assert "cannot read seeds/x.txt: not valid UTF-8 at byte 3 (try --encoding cp1252)" == str(caught.value)


def test_decode_with_encoding_override() -> None:
    """--encoding decodes a legacy file."""
    assert "Café" == decode("Café".encode("cp1252"), "a.txt", "cp1252")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Sunday, March 30, 2025", "2025-03-30"),
        ("30 March 2025", "2025-03-30"),
        ("2025-03-30", "2025-03-30"),
        ("Sept. 11, 2001", "2001-09-11"),
        ("February 30, 2025", None),
        ("the 55,000 troops", None),
    ],
)
def test_parse_date(text: str, expected: str | None) -> None:
    """Header dates parse in the forms sites print; impossible dates do not."""
    assert expected == parse_date(text)


def test_front_matter_wins() -> None:
    """Front matter gives title, outlet, date, url and author, and is not body text."""
    text = "---\ntitle: Talks end\noutlet: Kyodo\ndate: 2025-03-30\nurl: https://x.test/a\nauthor: A. Writer\n---\nTroops arrived. They left.\n"
    article = article_from_text(text, id="a")
    assert ("Talks end", "Kyodo", "2025-03-30", "front matter", "https://x.test/a", "A. Writer") == (
        article.title, article.outlet, article.date, article.date_source, article.url, article.author
    )
    assert ["Troops arrived.", "They left."] == [s.text for s in article.sentences]
    assert 8 == article.sentences[0].line


@pytest.mark.parametrize(
    "path, title, outlet, date",
    [
        ("000_a79e7755c7381916.txt", "US Defense Secretary: Allies Avoiding Collective Defense Responsibility Will Face Consequences", None, None),
        ("001_c9e7a26a5d6843c3.txt", None, None, "2025-03-30"),
        ("002_3a1f343924c775c8.txt", None, "The Washington Times", "2025-03-30"),
        ("003_0907819ffabc4b97.txt", "Pete Hegseth, Japanese leaders warn of ‘severe’ security threats posed by China", None, None),
        ("004_1df7e43d1ca862d2.txt", "U.S. Looks to Leverage Japan as Counterweight to China", "The Associated Press", None),
    ],
)
def test_seed_header_forms(path: str, title: str | None, outlet: str | None, date: str | None) -> None:
    """The header forms of the five seeds give their title, outlet and date."""
    article = read_article(SEEDS / path)
    assert (title, outlet, date) == (article.title, article.outlet, article.date)


def test_date_tag_glued_to_first_line_is_cut_off() -> None:
    """` date 2025-03-30 The body...` gives the date, and the body starts after it."""
    article = article_from_text(" date 2025-03-30 The United States will ensure deterrence, he said.\n", id="a")
    assert "2025-03-30" == article.date
    assert "The United States will ensure deterrence, he said." == article.sentences[0].text


@pytest.mark.parametrize(
    "head, expected",
    [
        ("Floods kill 14\nNorthern Herald\nPublished: 2026-03-14", ("Floods kill 14", "Northern Herald", None, "2026-03-14")),
        ("Floods kill 14\nBy Ada Penrose\nUpdated: Saturday, March 14, 2026 10:02 GMT",
         ("Floods kill 14", None, "Ada Penrose", "2026-03-14")),
        ("Floods kill 14\nThe Herald - March 14, 2026\nBy Ada Penrose",
         ("Floods kill 14", "The Herald", "Ada Penrose", "2026-03-14")),
        ("Floods kill 14\nDate: 14 March 2026", ("Floods kill 14", None, None, "2026-03-14")),
    ],
)
def test_header_block_of_headline_outlet_byline_date(head: str, expected: tuple[str | None, ...]) -> None:
    """A first block of headline + outlet/byline/date lines is read as the header, not as body."""
    article = article_from_text(head + "\n\nFlash floods killed 14 people on Friday, officials said.\n", id="a")
    assert expected == (article.title, article.outlet, article.author, article.date)
    assert ["Flash floods killed 14 people on Friday, officials said."] == [s.text for s in article.sentences]


@pytest.mark.parametrize(
    "text",
    [
        # A short first paragraph of reporting is not a header: no date line.
        "Floods kill 14\nNorthern Herald\n\nFlash floods killed 14 people on Friday.\n",
        # A date line in a block whose other line is a sentence: not a header.
        "Floods kill 14\nOfficials said the toll could rise, and rescuers were still searching.\nPublished: 2026-03-14\n\nBody.\n",
    ],
)
def test_header_block_needs_a_date_and_name_lines(text: str) -> None:
    """Without a date line, or with a sentence in it, the first block is not taken as a header."""
    article = article_from_text(text, id="a")
    assert None is article.outlet


FURNITURE_CASES = [
    ("Advertisement", True),
    ("Related Posts", True),
    ("1 of 94", True),
    ("Featured", True),
    ("Source link", True),
    ("Click here to receive Threat Status delivered to your inbox.", True),
    ("Copyright © 2025 The Washington Times, LLC. Click here for reprint permission.", True),
    ("— Bill Gertz can be reached at bgertz@washingtontimes.com.", True),
    ("Please read our comment policy before commenting.", True),
    # Hard negatives: reporting that merely mentions these words.
    ("The advertisement campaign cost 3 million dollars, officials said.", False),
    ("He said 1 of 94 ballots was spoiled in the district.", False),
    ("Copyright law was debated in parliament on Tuesday, with 55 members voting.", False),
]


@pytest.mark.parametrize("line, expected", FURNITURE_CASES)
def test_furniture_lines(line: str, expected: bool) -> None:
    """Page furniture is recognised as a whole line; reporting that mentions the words is not."""
    assert expected == is_furniture(line)


def test_furniture_lines_of_a_text_are_its_furniture_lines() -> None:
    """`furniture_lines` scans a whole text and finds exactly the lines `is_furniture` accepts.

    Lines of every case, in both orders, some indented or padded, one the last line
    without a newline, one a click-here line over `FURNITURE_LINE_LIMIT`, and a
    start offset inside the first line.
    """
    lines = [line for line, _ in FURNITURE_CASES]
    lines += ["  Advertisement  ", "\t1 of 94", "Sign up " + "x" * 150, "Follow us on Twitter for updates", "Click here " + "y" * 450]
    for order in (lines, lines[::-1]):
        text = "\n".join(["Floods kill 14", "", *order, "", "Advertisement"])
        for start in (0, 6):
            cursor, expected = start, []
            for line in text[start:].split("\n"):
                if is_furniture(line):
                    expected.append((cursor, cursor + len(line)))
                cursor += len(line) + 1
            assert expected == furniture_lines(text, start)
            assert len(expected) >= 10


def test_furniture_counted_not_lost() -> None:
    """Removed furniture lines are listed by line number and never reach the sentences."""
    text = "Featured\n\nTroops arrived on Sunday.\n\nAdvertisement\n\nThey left on Monday.\n\nRelated Posts\n\n1 of 94\n"
    article = article_from_text(text, id="a")
    assert (1, 5, 9, 11) == article.furniture
    assert ["Troops arrived on Sunday.", "They left on Monday."] == [s.text for s in article.sentences]


def test_seed_002_furniture() -> None:
    """Seed 002 loses its newsletter, five advertisements, contact, copyright and comment lines."""
    article = read_article(SEEDS / "002_3a1f343924c775c8.txt")
    assert 9 == len(article.furniture)
    assert not any("Advertisement" in s.text or "Copyright" in s.text for s in article.sentences)


def test_iter_paths_recurses_and_sorts(tmp_path: Path) -> None:
    """A folder is read recursively for .txt and .md, sorted; other files are ignored."""
    (tmp_path / "b").mkdir()
    for name in ("b/2.md", "1.txt", "b/3.txt", "notes.pdf", ".hidden.txt"):
        (tmp_path / name).write_text("x")
    found = [Path(p).relative_to(tmp_path).as_posix() for p in iter_paths([str(tmp_path)])]
    assert ["1.txt", "b/2.md", "b/3.txt"] == found


FURNITURE_PIECES = [
    "Advertisement", "advertisement", "Related Posts", "1 of 94", "Share", "Copyright 2025 Acme", "©", "(c) Acme",
    "Click here", "click here to vote", "All rights reserved.", "— Jo Roe can be reached at jo@example.com.",
    "- jo@example.com", "Follow us on Twitter", "Read more: floods", "The river rose 2 metres.", "Floods kill 14",
    "Sign up", "printed", "emails", " ", "\t", "  ", "@", "x" * 390, "Share this story",
]  # fmt: skip


@given(st.lists(st.tuples(st.lists(st.sampled_from(FURNITURE_PIECES), max_size=3), st.sampled_from(["\n", "\n\n", "\n \n"])), max_size=12))
@settings(max_examples=300, deadline=None)
def test_furniture_lines_agree_with_is_furniture_on_any_text(parts: list[tuple[list[str], str]]) -> None:
    """The whole-text scans find exactly the lines `is_furniture` accepts, whatever the lines hold."""
    text = "".join(" ".join(pieces) + end for pieces, end in parts).rstrip("\n")
    cursor, expected = 0, []
    for line in text.split("\n"):
        if is_furniture(line):
            expected.append((cursor, cursor + len(line)))
        cursor += len(line) + 1
    assert expected == furniture_lines(text)
