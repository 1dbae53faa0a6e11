"""Saved web pages: their article (via trafilatura), and the page line each extracted word came from.

The article is extracted by trafilatura with `favor_precision`: on realistic pages
it keeps every body paragraph, as the default does, but a page that is only
navigation gives no text instead of `News / Business / Sport / Accept cookies`.

The extracted text is not the file the user has, so a report that said "line 3"
would point at nothing. `source_lines` maps each word of the extracted text back
to the line of the page source it was written on: the page's visible text (tags,
comments, scripts and styles dropped, entities unescaped) is searched for each
paragraph's opening characters, then followed word by word. White space is left
out of both sides, so a paragraph wrapped over several source lines, inline tags
(`<a>`, `<em>`) and `<br>` do not get in the way.
"""

from __future__ import annotations

import bisect
import html
from collections.abc import Iterator
from dataclasses import dataclass

import regex
from lxml import etree

from compare.sentences import LineIndex

# The pieces of a page that are not its visible text, in the order they are tried.
RE_NOT_TEXT = regex.compile(
    r"""
    <!--.*?(?:-->|\Z)                                   # comment (an unclosed one runs to the end)
  | <(?P<raw>script|style|title|template|textarea)\b[^<>]*>
        .*?(?:</(?P=raw)\s*>|\Z)                         # element whose content is not article text
  | <!\[CDATA\[.*?(?:\]\]>|\Z)                           # CDATA section
  | <[!?/]?[A-Za-z][^<>]*>                              # tag, doctype, processing instruction; [^<>]
                                                        # (not [^>]) keeps `<a<a<a...` linear
  | (?P<entity>&(?:\#[0-9]{1,7}|\#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?)  # character reference
    """,
    regex.VERBOSE | regex.DOTALL | regex.IGNORECASE,
)

# The opening characters of a paragraph (white space left out) that locate it in the page.
KEY_CHARS = 40

# Paragraphs not found after the previous one are looked for from the top of the
# page; after this many are not found there either, no longer (each look reads the
# whole page, and a page whose text the extractor rewrote would take quadratic time).
MAX_MISSES = 20

# How far past the expected place a word is looked for, when the extractor left
# something out inside a paragraph (an inline advertisement, a footnote marker).
WORD_SLACK = 300

# trafilatura's output elements that start a paragraph of their own.
BLOCK_TAGS = frozenset({"p", "head", "item", "list", "quote", "code", "table", "row", "cell", "div", "note"})

# Publication date only: a date found in the footer's copyright line or in the body is
# not the page's date (without `extensive_search: False`, an undated page gets
# `2025-01-01` from `© 2025`). max_date is fixed so the result does not depend on today.
DATE_PARAMS = {"extensive_search": False, "original_date": True, "max_date": "2099-12-31"}


@dataclass(frozen=True)
class Page:
    """What trafilatura found in a page: its article paragraphs (one line each) and metadata."""

    paragraphs: tuple[str, ...]
    title: str | None
    outlet: str | None
    date: str | None
    url: str | None
    author: str | None


def extract_page(source: str) -> Page | None:
    """Return the article of the page `source`, or None if it has no article text."""
    # Imported here: trafilatura and its helpers take a tenth of a second to import,
    # which a run over text and JSON articles (an archive check) need not pay.
    import trafilatura
    from trafilatura.settings import Document

    document = trafilatura.bare_extraction(
        source,
        with_metadata=True,
        favor_precision=True,
        include_comments=False,
        date_extraction_params=DATE_PARAMS,
    )
    if not isinstance(document, Document) or document.body is None:
        return None
    title = _clean(document.title)
    paragraphs = tuple(_paragraphs(document.body))
    if paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]  # the headline above the body is the title, not a sentence
    if not paragraphs:
        return None
    return Page(
        paragraphs=paragraphs,
        title=title,
        outlet=_clean(document.sitename),
        date=_clean(document.date),
        url=_clean(document.url),
        author=_clean(document.author),
    )


def _clean(value: object) -> str | None:
    text = " ".join(value.split()) if isinstance(value, str) else ""
    return text or None


def _paragraphs(body: etree._Element) -> Iterator[str]:
    """Yield each paragraph of trafilatura's output tree on one line, white space collapsed.

    A `<br>` (`<lb/>`) inside a paragraph becomes a space: the sentence splitter
    finds the sentence end before it as it would before any space.
    """
    parts: list[str] = []

    def flush() -> Iterator[str]:
        text = " ".join("".join(parts).split())
        parts.clear()
        if text:
            yield text

    for event, element in etree.iterwalk(body, events=("start", "end")):
        block = element.tag in BLOCK_TAGS
        if event == "start":
            if block:
                yield from flush()
            if element.tag == "lb":
                parts.append(" ")
            elif element.text:
                parts.append(element.text)
        else:
            if block:
                yield from flush()
            if element.tail and element is not body:
                parts.append(element.tail)
    yield from flush()


def visible_text(source: str) -> tuple[str, list[int], list[int]]:
    """Return the visible characters of `source` with white space left out, and where they are.

    The second and third lists pair offsets of the returned string with the source
    line at which the characters from that offset on were written.
    """
    line_of = LineIndex(source)
    pieces: list[str] = []
    size = 0
    offsets: list[int] = []
    lines: list[int] = []

    def add(text: str, start: int) -> None:
        nonlocal size
        line = line_of(start)
        for number, piece in enumerate(text.split("\n"), start=line):
            compact = "".join(piece.split())
            if not compact:
                continue
            if not lines or lines[-1] != number:
                offsets.append(size)
                lines.append(number)
            pieces.append(compact)
            size += len(compact)

    cursor = 0
    for match in RE_NOT_TEXT.finditer(source):
        if cursor < match.start():
            add(source[cursor:match.start()], cursor)
        if match.group("entity"):
            add(html.unescape(match.group("entity")), match.start())
        cursor = match.end()
    if cursor < len(source):
        add(source[cursor:], cursor)
    return "".join(pieces), offsets, lines


def source_lines(text: str, source: str) -> tuple[tuple[int, int], ...]:
    """Map `text`, extracted from the page `source` one paragraph per line, back to source lines.

    Returns `(offset, line)` pairs sorted by offset, the first at offset 0: the
    characters of `text` from `offset` up to the next pair were written on `line`
    of `source` (see `Article.source_lines`). A paragraph that cannot be found
    keeps the line of the text before it.
    """
    stream, stream_offsets, stream_lines = visible_text(source)

    def line_at(position: int) -> int:
        return stream_lines[bisect.bisect_right(stream_offsets, position) - 1]

    anchors: list[tuple[int, int]] = []
    cursor = 0
    base = 0
    misses = 0
    for paragraph in text.split("\n"):
        words = [(m.start(), m.group()) for m in regex.finditer(r"\S+", paragraph)]
        key = "".join(word for _start, word in words)[:KEY_CHARS]
        found = stream.find(key, cursor) if key else -1
        if found < 0 and key and misses < MAX_MISSES:
            found = stream.find(key)  # out of order: the extractor moved it (a lead above the headline)
            misses += found < 0
        position = found if found >= 0 else cursor
        for start, word in words:
            if stream.startswith(word, position):
                hit = position
            else:
                hit = stream.find(word, position, position + len(word) + WORD_SLACK)
                if hit < 0:
                    continue
            line = line_at(hit)
            if not anchors or anchors[-1][1] != line:
                anchors.append((base + start, line))
            position = hit + len(word)
        if found >= 0:
            cursor = position
        base += len(paragraph) + 1
    if not anchors:
        return ((0, 1),)
    if anchors[0][0] > 0:
        anchors[0] = (0, anchors[0][1])
    return tuple(anchors)
