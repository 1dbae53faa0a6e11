"""Read articles: decode them, take their metadata, and set page furniture aside.

An input is one of:

- a text file (`.txt`, `.md`) or standard input: the article as written;
- a saved web page (`.html`, `.htm`): its article text, headline, site name, date
  and canonical URL are taken by `compare.webpage` (trafilatura), and lines are
  lines of the page source (`Article.source_lines`), not of the extracted text;
- a JSON Lines export (`.jsonl`, one article object per line) or a `.json` file
  (one object or a list): fields `text` (required), `id`, `title`, `outlet`,
  `date`, `url`, `author`; lines are lines of the entry's `text`.

An article's metadata comes from, in order of trust:

1. a front-matter block at the top (`---`, lines `key: value`, `---`), with the
   keys `title`, `outlet`, `date`, `url`, `author`;
2. the article's own header lines, whose forms vary from site to site: a bare
   headline, `- The Washington Times - Sunday, March 30, 2025`, ` date 2025-03-30`,
   `The Associated Press`, `By Jane Doe`;
3. nothing: the field stays empty (the date may later be inferred from the text).

Page furniture (`Advertisement`, `Related Posts`, `1 of 94`, `Click here ...`,
copyright and contact lines) is removed from the body before anything else reads
it, and each removed line is counted in `Article.furniture`.

What happens to odd input (each outcome is an Article or an InputError whose
reason the pipeline keeps as Skipped; one bad file never stops the others):

- a byte-order mark picks the codec: UTF-8, UTF-16 LE/BE, UTF-32 LE/BE (the mark
  is dropped); without one the file is UTF-8 unless `--encoding` says otherwise;
- bytes that do not decode: skipped, naming the byte offset and the fix;
- a NUL byte (and no UTF-16/32 mark): skipped as `binary file (contains NUL bytes)`
  (a PDF or an image in the folder);
- empty or white-space-only: skipped, saying which;
- unreadable (permissions, a dangling or looping symlink): skipped with the
  system's reason (`Permission denied`, `Too many levels of symbolic links`);
- a directory that cannot be listed is skipped with its reason too, rather than
  left out; symlinked directories are not followed, so a link loop cannot loop;
- a web page is decoded by its byte-order mark, else its `<meta charset>`, else as
  UTF-8 (`--encoding` overrides all three); a page with no article text (only
  navigation) is skipped as `no article text found in the HTML page`;
- a JSON entry that cannot be read (bad JSON, not an object, no `text`, a field
  that is not a string, a date that is not a date, bytes that are not UTF-8) is
  skipped on its own as `export.jsonl:17` (`export.json[3]`); the others are read.

The decoded text is never rewritten (offsets index it, and the report shows it
as written): no NFKC, which would turn `10²` into `102`. Normalising for
comparison is the extractors' business: digits of any script (`５５,０００`,
`٥٥`) are read by their value, and no-break and thin spaces inside numbers
(`55 000`) and the minus sign `−` are understood there.
"""

from __future__ import annotations

import bisect
import codecs
import datetime as dt
import functools
import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

import ftfy
import regex

from compare.errors import InputError
from compare.lexicon import MONTHS
from compare.parallel import parallel_map
from compare.records import Article, Sentence, Skipped
from compare.sentences import LineIndex, split_sentences
from compare.webpage import extract_page, source_lines

HTML_SUFFIXES = (".html", ".htm")
RE_NOT_ASCII = regex.compile(r"[^\x00-\x7f]")

# File endings read when a directory is given. Not `.json`: a folder of articles
# often holds a JSON report or baseline (`factdiff-baseline.json`) too, which
# would come back as a skipped input on every run; a `.json` file named on the
# command line is read.
ARTICLE_SUFFIXES = (".txt", ".md", *HTML_SUFFIXES, ".jsonl")

# JSON fields of an article; all strings (an `id` may be an integer), all optional but `text`.
JSON_FIELDS = ("id", "text", "title", "outlet", "date", "url", "author")


RE_FRONT_MATTER = regex.compile(
    r"""
    \A---[ \t]*\n                       # opening fence on the first line
    (?P<body>(?:[^\n]*\n){0,40}?)       # at most 40 lines of `key: value`
    ---[ \t]*(?:\n|\Z)                  # closing fence
    """,
    regex.VERBOSE,
)

RE_FRONT_MATTER_LINE = regex.compile(r"^\s*(?P<key>[A-Za-z_]+)\s*:\s*(?P<value>.*?)\s*$")

# A written date as sites print it in a header: `Sunday, March 30, 2025`, `30 March 2025`.
RE_WRITTEN_DATE = regex.compile(
    r"""
    (?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?     # optional weekday
    (?:
        (?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})
      | (?P<day2>\d{1,2})\s+(?P<month2>[A-Z][a-z]{2,8})\.?,?\s+(?P<year2>\d{4})
      | (?P<day3>\d{1,2})-(?P<month3>[A-Za-z]{3,9})-(?P<year3>\d{4})   # 26-FEB-1987 (wire feeds)
    )
    """,
    regex.VERBOSE,
)

RE_ISO_DATE = regex.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})")

# ` date 2025-03-30 The body starts here...`: a date tag glued to the first line.
RE_DATE_TAG = regex.compile(
    r"^[ \t]*(?:date|published|updated|posted)[ \t]*:?[ \t]+(?P<date>\d{4}-\d{2}-\d{2})(?:[T ][\d:]+Z?)?[ \t]*",
    regex.IGNORECASE,
)

# `Published: Sunday, March 30, 2025 10:02 GMT`: a labelled date on a header line of its own.
RE_DATE_LABEL = regex.compile(
    r"^[ \t]*(?:date|dated|published(?:[ \t]+on)?|updated|posted|first[ \t]+published)[ \t]*:?[ \t]+(?P<date>[^\n]{6,60}?)[ \t]*$",
    regex.IGNORECASE,
)

# `- The Washington Times - Sunday, March 30, 2025`: outlet and date on one line.
RE_OUTLET_DATE_LINE = regex.compile(
    r"^[ \t]*[-–—|]?[ \t]*(?P<outlet>[^\n]{2,80}?)[ \t]+[-–—|][ \t]+(?P<date>[^\n]{6,40}?)[ \t]*$"
)

RE_BYLINE = regex.compile(r"^[ \t]*By[ \t]+(?P<author>\p{Lu}[\p{L}.'’ -]{1,60}?)[ \t]*$")

# Wire services and publishers that stand alone on a header line.
KNOWN_OUTLETS = frozenset(
    s.lower()
    for s in (
        "The Associated Press", "Associated Press", "AP", "Reuters", "AFP", "Agence France-Presse",
        "Bloomberg", "Kyodo", "Kyodo News", "Nikkei Asia", "The Japan News", "Yomiuri Shimbun",
        "The Washington Times", "The Washington Post", "The New York Times", "BBC News", "BBC",
        "CNN", "The Guardian", "Al Jazeera", "NHK", "NHK World", "Xinhua", "Yonhap",
        "The Wall Street Journal", "Financial Times", "The Times", "The Telegraph", "Politico",
        "Fox News", "NBC News", "CBS News", "ABC News", "NPR", "The Hill", "Axios",
        "South China Morning Post", "The Japan Times", "Asahi Shimbun", "Mainichi",
    )
)

# Whole lines that are page furniture, not reporting (after the line's start).
FURNITURE_LINE = r"""
    [ \t]*(?:
        advertisement | advertising | sponsored(?:\ content)? | featured | promoted
      | related(?:\ (?:posts|articles|stories|content|coverage|links))?
      | read\ more(?:[ \t]*:[^\n]{0,200})?                     # "Read more: <another story>"
      | recommended(?:\ for\ you)? | most\ (?:read|popular) | trending(?:\ now)?
      | source\ link | share(?:\ this(?:\ article|\ story)?)? | print | email | comments?
      | (?:sign\ up|subscribe)\b[^\n]{0,200} | click\ here\b[^\n]{0,200}
      | skip\ to\ (?:content|main\ content) | (?:story|article)\ continues\ below
      | \d{1,4}\ of\ \d{1,4}                                   # gallery counter: "1 of 94"
      | (?:copyright\ *)?(?:©|\(c\))[^\n]{0,300}                  # copyright line: "© 2025 ..."
      | copyright\ +(?:\d{4}|by)\b[^\n]{0,300}                   # "Copyright 2025 ...", "Copyright by ..."
      | all\ rights\ reserved\.?
      | please\ read\ our\ comment\ policy[^\n]{0,200}
    )[ \t]*$
"""
RE_FURNITURE = regex.compile("^" + FURNITURE_LINE, regex.VERBOSE | regex.IGNORECASE)

# Phrases that make a line furniture wherever they sit in it (short lines only), and
# the sign-off line of a reporter's address (after the line's start).
FURNITURE_PHRASES = (
    r"\bclick\ here\b",
    r"\ball\ rights\ reserved\b",
    r"\bcan\ be\ reached\ at\b[^\n]*@",
    r"\bfollow\ (?:us|him|her)\ on\ (?:twitter|x|facebook|instagram)\b",
)
FURNITURE_SIGNOFF = r"[ \t]*[-–—][ \t]*[^\n]{0,80}@[\w.-]+\.\w+[ \t]*$"
RE_FURNITURE_ANYWHERE = regex.compile(
    "|".join([*FURNITURE_PHRASES, "^" + FURNITURE_SIGNOFF]), regex.VERBOSE | regex.IGNORECASE
)

# Furniture-anywhere only applies to lines shorter than this; longer lines are reporting.
FURNITURE_LINE_LIMIT = 400

# The same, over a whole text at once (`furniture_lines`), `$` at every line's end. A
# line after the first is found by its line break: a scan for a literal `\n` (or for a
# phrase's first word) skips through the text, and one for `^` or an alternation of
# phrases tries every place (four times the cost).
_WHOLE_TEXT = regex.VERBOSE | regex.IGNORECASE | regex.MULTILINE


def _at_line_starts(line: str) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """`line` (a pattern after a line's start) at the start of a text, and after a line break (`_lines_matching`)."""
    return regex.compile("^" + line, _WHOLE_TEXT), regex.compile(r"\n" + line, _WHOLE_TEXT)


RE_FURNITURE_LINE = _at_line_starts(FURNITURE_LINE)
RE_FURNITURE_SIGNOFF = _at_line_starts(FURNITURE_SIGNOFF)
RE_FURNITURE_PHRASES = tuple(regex.compile(phrase, _WHOLE_TEXT) for phrase in FURNITURE_PHRASES)

# No sentence of news copy is this long (the longest of 66,000 BBC and PolNeAR
# sentences has 1,902 characters); a longer one is a file with no sentence ends.
# It is cut into pieces so that per-sentence work stays bounded: extractors and
# comparison scan a fact's whole sentence, quadratic in a 2 MB single-line file.
SENTENCE_LIMIT = 5000

# A header line (headline, outlet, byline, date) is never longer than this; a longer
# line starts the body. Besides being true, this keeps the header patterns from
# scanning a multi-megabyte single-line file once per candidate split.
HEADER_LINE_LIMIT = 300

# The largest article read, in bytes (a file, a JSON Lines line, a JSON entry's
# text, standard input): news articles are under 100 kB and saved pages a few MB;
# a bigger input is most likely not an article, and would take minutes.
ARTICLE_BYTES_LIMIT = 10_000_000


# Byte-order marks and the codecs they announce. UTF-32 LE first: its mark
# starts with the UTF-16 LE one (FF FE 00 00 versus FF FE).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)


def decode(data: bytes, path: str, encoding: str | None = None) -> str:
    """Decode `data` as `encoding`, else as its byte-order mark says, else as UTF-8.

    The mark is dropped. Raises InputError naming the byte offset (of the file,
    mark included) where decoding failed, or saying the data is binary.
    """
    if encoding is not None:
        try:
            return data.decode(encoding).removeprefix("\ufeff")
        except LookupError:
            raise InputError(path, f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as error:
            raise InputError(path, f"not valid {encoding} at byte {error.start}") from None
    for bom, codec, name in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec)
            except UnicodeDecodeError as error:
                hint = " (try --encoding cp1252)" if name == "UTF-8" else ""
                raise InputError(path, f"not valid {name} at byte {error.start + len(bom)}{hint}") from None
    if b"\0" in data:
        raise InputError(path, "binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(path, f"not valid UTF-8 at byte {error.start} (try --encoding cp1252)") from None


# `<meta charset="windows-1252">` or `<meta http-equiv="Content-Type" content="text/html; charset=...">`,
# looked for in the first bytes as browsers do (they look at 1,024; pages with a long
# head put it later, so a little more is read).
RE_META_CHARSET = regex.compile(
    rb"""<meta\b[^<>]{0,500}?\bcharset\s*=\s*["']?\s*(?P<charset>[A-Za-z0-9._:-]{1,40})""",
    regex.IGNORECASE,
)
CHARSET_PRESCAN = 4096

# Labels that browsers read as windows-1252 (the WHATWG Encoding Standard): a page
# that says `iso-8859-1` and uses curly quotes from 0x80-0x9F is the usual case.
WINDOWS_1252_LABELS = frozenset({"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "ascii", "us-ascii", "cp819"})


def decode_page(data: bytes, path: str, encoding: str | None = None) -> str:
    """Decode a saved page: as `encoding` if given, else its byte-order mark, else its meta charset, else UTF-8.

    A mark wins over the meta charset, as in browsers. Raises InputError, as `decode` does.
    """
    if encoding is not None or any(data.startswith(bom) for bom, _codec, _name in BOMS):
        return decode(data, path, encoding)
    declared = RE_META_CHARSET.search(data[:CHARSET_PRESCAN])
    if declared is None:
        return decode(data, path)
    label = declared.group("charset").decode("ascii").lower()
    codec = "cp1252" if label in WINDOWS_1252_LABELS else label
    try:
        name = codecs.lookup(codec).name
    except LookupError:
        return decode(data, path)  # an unknown label: browsers fall back too
    if name.startswith(("utf-16", "utf-32")):
        return decode(data, path)  # no mark, so the bytes are not UTF-16/32 (browsers read UTF-8)
    if b"\0" in data:
        raise InputError(path, "binary file (contains NUL bytes)")
    try:
        return data.decode(name)
    except UnicodeDecodeError as error:
        other = "cp1252" if name == "utf-8" else "utf-8"
        raise InputError(
            path, f"not valid {label} at byte {error.start} (the page's meta charset; try --encoding {other})"
        ) from None


def parse_date(text: str) -> str | None:
    """Return the ISO date written in `text` (`2025-03-30`, `March 30, 2025`), or None."""
    match = RE_ISO_DATE.search(text)
    if match:
        year, month, day = (int(match.group(k)) for k in ("year", "month", "day"))
    else:
        match = RE_WRITTEN_DATE.search(text)
        if match is None:
            return None
        month_name = (match.group("month") or match.group("month2") or match.group("month3")).lower()
        if month_name not in MONTHS:
            return None
        month = MONTHS[month_name]
        day = int(match.group("day") or match.group("day2") or match.group("day3"))
        year = int(match.group("year") or match.group("year2") or match.group("year3"))
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Yield `(start, end)` of each line of `text[start:end]`, without the newline."""
    cursor = start
    while cursor < end:
        newline = text.find("\n", cursor, end)
        stop = end if newline == -1 else newline
        yield cursor, stop
        cursor = stop + 1


def is_furniture(line: str) -> bool:
    """True if `line` is page furniture rather than reporting."""
    if RE_FURNITURE.match(line):
        return True
    return len(line) < FURNITURE_LINE_LIMIT and bool(RE_FURNITURE_ANYWHERE.search(line))


def furniture_lines(text: str, start: int = 0) -> list[tuple[int, int]]:
    """`(start, end)` of each line of `text[start:]` that `is_furniture`, in order, without its newline.

    Scans of the whole text rather than two per line: no pattern crosses a line end,
    and a line's ends are the text's `^` and `$` (`text[start:]` begins a line).
    """
    body = text[start:]
    starts = set(_lines_matching(body, *RE_FURNITURE_LINE))
    short = set(_lines_matching(body, *RE_FURNITURE_SIGNOFF))
    for pattern in RE_FURNITURE_PHRASES:
        short.update(body.rfind("\n", 0, m.start()) + 1 for m in pattern.finditer(body))
    for line_start in short:
        line_end = body.find("\n", line_start)
        if (len(body) if line_end == -1 else line_end) - line_start < FURNITURE_LINE_LIMIT:
            starts.add(line_start)
    lines = []
    for line_start in sorted(starts):
        line_end = body.find("\n", line_start)
        lines.append((start + line_start, start + (len(body) if line_end == -1 else line_end)))
    return lines


def _lines_matching(body: str, first: regex.Pattern[str], after_break: regex.Pattern[str]) -> Iterator[int]:
    """The start of each line of `body` that matches: `first` at the start of `body`, `after_break` from a line break."""
    if first.match(body):
        yield 0
    for match in after_break.finditer(body):
        yield match.start() + 1


def _looks_like_headline(line: str) -> bool:
    words = line.split()
    if not 2 <= len(words) <= 30:
        return False
    return not line.rstrip().endswith((".", ",", ";", ":", "”", '"')) or line.rstrip().endswith("?")


def article_from_text(
    text: str,
    *,
    id: str,
    path: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    date: str | None = None,
    date_source: str = "given",
    url: str | None = None,
    author: str | None = None,
    source_lines: tuple[tuple[int, int], ...] = (),
) -> Article:
    """Build an Article from decoded `text`: metadata, furniture, sentences.

    Keyword metadata, where given, wins over what the text says; a given `date`
    is recorded as coming from `date_source`. `source_lines` maps offsets of a
    text extracted from another file to that file's lines (`Article.source_lines`):
    sentence and furniture lines are then lines of that file.
    """
    text, source_lines, repaired = repair_mojibake(text, source_lines)
    meta: dict[str, str] = {}
    body_start = 0
    front = RE_FRONT_MATTER.match(text)
    if front:
        for line in front.group("body").splitlines():
            m = RE_FRONT_MATTER_LINE.match(line)
            if m and m.group("value"):
                meta[m.group("key").lower()] = m.group("value").strip("\"'")
        body_start = front.end()
    meta_date = parse_date(meta["date"]) if "date" in meta else None

    header = _read_header(text, body_start)
    body_start = header.body_start
    for key, value in (("title", header.title), ("outlet", header.outlet), ("author", header.author)):
        if value and key not in meta:
            meta[key] = value
    found_date_source = "front matter" if meta_date else None
    if meta_date is None and header.date:
        meta_date, found_date_source = header.date, "header"
    if date is not None:
        meta_date, found_date_source = date, date_source

    text_line_of = LineIndex(text)
    line_of = _source_line_of(source_lines) if source_lines else text_line_of
    regions: list[tuple[int, int]] = []
    furniture: list[int] = [line_of(offset) for offset in header.furniture]
    region_start = body_start
    for line_start, line_end in furniture_lines(text, body_start):
        furniture.append(line_of(line_start))
        if region_start < line_start:
            regions.append((region_start, line_start))
        region_start = line_end
    if region_start < len(text):
        regions.append((region_start, len(text)))

    sentences = split_sentences(text, regions, line_of=text_line_of, titled=bool(title or meta.get("title")))
    if source_lines:
        sentences = tuple(replace(s, line=line_of(s.start)) for s in sentences)
    bounded, notes = bound_sentences(sentences, line_of)
    return Article(
        id=id,
        path=path or id,
        text=text,
        title=title or meta.get("title"),
        outlet=outlet or meta.get("outlet"),
        date=meta_date,
        date_source=found_date_source,
        url=url or meta.get("url"),
        author=author or meta.get("author"),
        sentences=bounded,
        furniture=tuple(sorted(furniture)),
        notes=(repaired, *notes) if repaired else notes,
        source_lines=source_lines,
    )


def repair_mojibake(
    text: str, source_lines: tuple[tuple[int, int], ...] = ()
) -> tuple[str, tuple[tuple[int, int], ...], str | None]:
    """Undo mojibake, line by line: UTF-8 that an old CMS decoded as Windows-1252 (`â€œ` for `“`).

    ftfy's `fix_encoding` (the encoding repair alone: quotes stay curly, widths and
    normal forms stay as written) finds it; on the 23,800 BBC and Reuters articles it
    changes nothing. Newlines are kept, so line numbers hold; `source_lines` anchors
    move with their line. Returns the text, the anchors and a note for the report
    (None when nothing was repaired).
    """
    lines = text.split("\n")
    fixed = [ftfy.fix_encoding(line) if RE_NOT_ASCII.search(line) else line for line in lines]
    changed = [number for number, (old, new) in enumerate(zip(lines, fixed, strict=True), start=1) if old != new]
    if not changed:
        return text, source_lines, None
    old_starts, new_starts = [0], [0]
    for old, new in zip(lines, fixed, strict=True):
        old_starts.append(old_starts[-1] + len(old) + 1)
        new_starts.append(new_starts[-1] + len(new) + 1)
    anchors = []
    for offset, line in source_lines:
        row = bisect.bisect_right(old_starts, offset) - 1
        column = min(offset - old_starts[row], len(fixed[row]))
        anchors.append((new_starts[row] + column, line))
    first = _source_line_of(source_lines)(old_starts[changed[0] - 1]) if source_lines else changed[0]
    note = (
        f"line {first}: text decoded with the wrong codec (mojibake such as â€œ for “) was repaired "
        f"on {len(changed):,} {'line' if len(changed) == 1 else 'lines'}"
    )
    return "\n".join(fixed), tuple(anchors), note


def _source_line_of(source_lines: tuple[tuple[int, int], ...]) -> Callable[[int], int]:
    """Return the function that gives the source line of an offset (see `Article.source_lines`)."""

    def line_of(offset: int) -> int:
        index = bisect.bisect_right(source_lines, offset, key=lambda anchor: anchor[0])
        return source_lines[max(index - 1, 0)][1]

    return line_of


def bound_sentences(
    sentences: Iterable[Sentence], line_of: Callable[[int], int], limit: int = SENTENCE_LIMIT
) -> tuple[tuple[Sentence, ...], tuple[str, ...]]:
    """Cut every sentence longer than `limit` characters into pieces of at most `limit`.

    Pieces end at white space where there is some, and keep their offsets, so
    `text[start:end] == sentence.text` still holds. Returns the sentences,
    renumbered, and one note per cut sentence.
    """
    result: list[Sentence] = []
    notes: list[str] = []
    for sentence in sentences:
        if len(sentence.text) <= limit:
            result.append(sentence if sentence.index == len(result) else replace(sentence, index=len(result)))
            continue
        notes.append(
            f"line {sentence.line}: a sentence of {len(sentence.text):,} characters was cut "
            f"into pieces of at most {limit:,} to be read"
        )
        text, cursor = sentence.text, 0
        while cursor < len(text):
            stop = min(cursor + limit, len(text))
            if stop < len(text):
                space = max(text.rfind(" ", cursor + 1, stop + 1), text.rfind("\n", cursor + 1, stop + 1))
                stop = space if space > cursor else stop
            start, end = cursor, stop
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start < end:
                offset = sentence.start + start
                result.append(
                    replace(sentence, index=len(result), text=text[start:end], start=offset,
                            end=sentence.start + end, line=line_of(offset))
                )
            cursor = stop
    return tuple(result), tuple(notes)


class _Header:
    """What the header lines of an article said, and where its body starts."""

    def __init__(self, body_start: int) -> None:
        self.body_start = body_start
        self.title: str | None = None
        self.outlet: str | None = None
        self.author: str | None = None
        self.date: str | None = None
        self.furniture: list[int] = []  # offsets of the lines that are furniture


def _read_header(text: str, start: int) -> _Header:
    """Read the header lines at `text[start:]` until the first line of reporting.

    The header is at most a few short lines: furniture, a headline, an outlet, a
    byline, a date line. The first line that is none of those starts the body; a
    date tag glued to that line (` date 2025-03-30 The body...`) is cut off it.
    """
    block = _header_block(text, start)
    if block is not None:
        return block
    header = _Header(start)
    for line_start, line_end in _lines(text, start, len(text)):
        line = text[line_start:line_end]
        stripped = line.strip()
        if not stripped:
            continue
        if is_furniture(line):
            header.furniture.append(line_start)
            header.body_start = line_end
            continue
        tag = RE_DATE_TAG.match(line)
        if tag and header.date is None:
            header.date = parse_date(tag.group("date"))
            rest = line[tag.end():]
            if rest.strip():
                header.body_start = line_start + tag.end()
                return header
            header.body_start = line_end
            continue
        if len(line) > HEADER_LINE_LIMIT:
            return header
        outlet_date = RE_OUTLET_DATE_LINE.match(line)
        if outlet_date and header.date is None and parse_date(outlet_date.group("date")):
            header.date = parse_date(outlet_date.group("date"))
            header.outlet = header.outlet or outlet_date.group("outlet").strip()
            header.body_start = line_end
            continue
        if stripped.lower() in KNOWN_OUTLETS and header.outlet is None:
            header.outlet = stripped
            header.body_start = line_end
            continue
        byline = RE_BYLINE.match(line)
        if byline and header.author is None:
            header.author = byline.group("author").strip()
            header.body_start = line_end
            continue
        if header.title is None and _looks_like_headline(stripped) and _followed_by_blank(text, line_end):
            header.title = stripped
            header.body_start = line_end
            continue
        return header
    return header


def _header_block(text: str, start: int) -> _Header | None:
    """Read a header written as one block of lines: headline, then outlet, byline, date.

        Marrow Valley floods: death toll rises to 14
        Northern Herald
        Published: 2026-03-14

    The block is the first lines up to a blank line. It is a header only if its
    first line looks like a headline, it holds a date line (`Published: ...`,
    `Outlet - March 14, 2026`) and every other line is short with no sentence
    end: a name line, read as the outlet, or a byline. Otherwise None, and the
    line-by-line reading applies.
    """
    lines: list[tuple[int, int]] = []
    for line_start, line_end in _lines(text, start, len(text)):
        if not text[line_start:line_end].strip():
            if lines:
                break
            continue
        lines.append((line_start, line_end))
        if len(lines) > 6:
            return None
    if len(lines) < 2 or not _looks_like_headline(text[slice(*lines[0])].strip()):
        return None
    header = _Header(start)
    header.title = text[slice(*lines[0])].strip()
    for line_start, line_end in lines[1:]:
        line = text[line_start:line_end]
        label = RE_DATE_LABEL.match(line)
        outlet_date = RE_OUTLET_DATE_LINE.match(line)
        byline = RE_BYLINE.match(line)
        if label and header.date is None and parse_date(label.group("date")):
            header.date = parse_date(label.group("date"))
        elif outlet_date and header.date is None and parse_date(outlet_date.group("date")):
            header.date = parse_date(outlet_date.group("date"))
            header.outlet = header.outlet or outlet_date.group("outlet").strip()
        elif byline and header.author is None:
            header.author = byline.group("author").strip()
        elif header.outlet is None and _looks_like_name_line(line.strip()):
            header.outlet = line.strip()
        else:
            return None
    if header.date is None:
        return None
    header.body_start = lines[-1][1]
    return header


def _looks_like_name_line(line: str) -> bool:
    """A short line that names something (an outlet): 1-6 words, no sentence punctuation."""
    return 1 <= len(line.split()) <= 6 and not any(mark in line for mark in ".,;:!?\"“”")


def _followed_by_blank(text: str, line_end: int) -> bool:
    """True if the line ending at `line_end` is followed by a blank line or the end."""
    rest = text[line_end : line_end + 200]
    return rest.startswith("\n") and (rest[1:].lstrip(" \t").startswith("\n") or not rest[1:].strip())


def read_article(path: Path, *, encoding: str | None = None) -> Article:
    """Read and decode one article file (text, HTML page, or a JSON file of one article).

    Raises InputError with the reason; a JSON file of several articles is read
    with `read_articles`.
    """
    if path.is_dir():  # iter_paths yields a directory only when it could not list it
        try:
            os.listdir(path)
        except OSError as error:
            raise InputError(str(path), f"cannot list the directory: {error.strerror or error}") from None
        raise InputError(str(path), "is a directory, not an article file")
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".json"):
        entries = read_articles(path, encoding=encoding)
        if len(entries) == 1 and isinstance(entries[0], Skipped):
            raise InputError(entries[0].path, entries[0].reason)
        if len(entries) != 1 or not isinstance(entries[0], Article):
            raise InputError(str(path), f"holds {len(entries)} articles (read it with read_articles)")
        return entries[0]
    data = _read_bytes(path)
    if suffix in HTML_SUFFIXES:
        return read_page(data, str(path), id=path.stem, encoding=encoding)
    text = decode(data, str(path), encoding)
    _check_not_blank(text, str(path), "the file")
    return article_from_text(text, id=path.stem, path=str(path))


def read_articles(
    path: Path, *, encoding: str | None = None, limit: int | None = ARTICLE_BYTES_LIMIT, jobs: int = 1
) -> list[Article | Skipped]:
    """Read one input file: its article, or one per entry of a JSON Lines or JSON file.

    Raises InputError if the file as a whole cannot be read. An entry of a JSON
    file that cannot be read becomes a Skipped naming the file and line
    (`export.jsonl:17`) or item (`export.json[3]`) and why; the others are read.
    `limit` caps the bytes of one article (None: no cap): a bigger file, or
    JSON entry, is refused with the reason before it is processed. The entries of
    a JSON file are read over `jobs` processes.
    """
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        return read_json_lines(_read_bytes(path), str(path), encoding=encoding, limit=limit, jobs=jobs)
    if suffix == ".json":
        return read_json(_read_bytes(path), str(path), encoding=encoding, limit=limit, jobs=jobs)
    if limit is not None and not path.is_dir():
        try:
            size = path.stat().st_size
        except OSError:
            size = 0  # read_article names the error
        if size > limit:
            raise InputError(str(path), _too_big(size, limit))
    return [read_article(path, encoding=encoding)]


def _too_big(size: int, limit: int) -> str:
    return f"{size:,} bytes, over the limit of {limit:,} for one article (--max-article-bytes)"


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputError(str(path), error.strerror or str(error)) from None


def read_page(data: bytes, path: str, *, id: str, encoding: str | None = None) -> Article:
    """Read a saved HTML page: its article's text, title, outlet (site name) and date.

    The outlet is the page's site name, else the host of its canonical URL.
    Sentence and fact lines are lines of the page source (`Article.source_lines`).
    Raises InputError if the page has no article text (only navigation, say).
    """
    source = decode_page(data, path, encoding)
    _check_not_blank(source, path, "the file")
    page = extract_page(source)
    if page is None:
        raise InputError(path, "no article text found in the HTML page")
    text = "\n".join(page.paragraphs)
    host = urlsplit(page.url).hostname if page.url else None
    article = article_from_text(
        text,
        id=id,
        path=path,
        title=page.title,
        outlet=page.outlet or (host.removeprefix("www.") if host else None),
        date=parse_date(page.date) if page.date else None,
        date_source="html metadata",
        url=page.url,
        author=page.author,
        source_lines=source_lines(text, source),
    )
    if not article.sentences:
        raise InputError(path, "no article text found in the HTML page")
    return article


def read_json_lines(
    data: bytes, path: str, *, encoding: str | None = None, limit: int | None = ARTICLE_BYTES_LIMIT, jobs: int = 1
) -> list[Article | Skipped]:
    """Read a JSON Lines export: one article object per line; blank lines are passed over.

    A line that cannot be read (bytes that are not UTF-8, bad JSON, not an
    article) becomes a Skipped named `path:line`; the other lines are still read.
    """
    lines: list[str | Skipped] = []
    if encoding is None and not any(data.startswith(bom) for bom, _codec, name in BOMS if name != "UTF-8"):
        # Decoded line by line, so that one line of bad bytes costs only that line.
        if b"\0" in data:
            raise InputError(path, "binary file (contains NUL bytes)")
        offset = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
        for number, raw in enumerate(data[offset:].split(b"\n"), start=1):
            try:
                lines.append(raw.decode("utf-8"))
            except UnicodeDecodeError as error:
                at = offset + error.start
                lines.append(Skipped(f"{path}:{number}", f"not valid UTF-8 at byte {at} (try --encoding cp1252)"))
            offset += len(raw) + 1
    else:
        lines = list(decode(data, path, encoding).split("\n"))
    if not data.removeprefix(codecs.BOM_UTF8):
        raise InputError(path, "the file is empty")
    if all(isinstance(line, str) and not line.strip() for line in lines):
        raise InputError(path, "the file holds only white space")
    stem = Path(path).stem
    entries: list[tuple[str, str, object] | Skipped] = []
    for number, line in enumerate(lines, start=1):
        if isinstance(line, Skipped):
            entries.append(line)
        elif limit is not None and len(line) > limit // 4 and len(line.encode("utf-8")) > limit:
            entries.append(Skipped(f"{path}:{number}", _too_big(len(line.encode("utf-8")), limit)))
        elif line.strip():
            where = f"{path}:{number}"
            try:
                entries.append((where, f"{stem}-{number}", _load_json(line, where)))
            except InputError as error:
                entries.append(Skipped(error.path, error.reason))
    return _articles_from_json(entries, None, jobs)  # each line was held to `limit` above


def read_json(
    data: bytes, path: str, *, encoding: str | None = None, limit: int | None = ARTICLE_BYTES_LIMIT, jobs: int = 1
) -> list[Article | Skipped]:
    """Read a JSON file holding one article object, or a list of them (items named `path[i]`).

    `limit` applies to each article's `text`, not to the file.
    """
    text = decode(data, path, encoding)
    _check_not_blank(text, path, "the file")
    value = _load_json(text, path)
    stem = Path(path).stem
    if isinstance(value, list):
        if not value:
            raise InputError(path, "the JSON list holds no articles")
        entries = [(f"{path}[{i}]", f"{stem}-{i}", item) for i, item in enumerate(value)]
        return _articles_from_json(entries, limit, jobs)
    return _articles_from_json([(path, stem, value)], limit)


def _load_json(text: str, where: str) -> object:
    """Parse JSON `text`; raise InputError naming `where` and what is wrong."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        place = f"column {error.colno}" if error.lineno == 1 else f"line {error.lineno} column {error.colno}"
        raise InputError(where, f"not valid JSON: {error.msg}: {place}") from None
    except RecursionError:
        raise InputError(where, "not valid JSON: nested too deeply to read") from None
    except ValueError as error:  # an integer of more than 4,300 digits
        raise InputError(where, f"not valid JSON: {error}") from None


def _json_type(value: object) -> str:
    """Name the JSON type of `value` as a reader of the file would: `a list`, `a number`."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "a string"


def _articles_from_json(
    entries: Sequence[tuple[str, str, object] | Skipped], limit: int | None, jobs: int = 1
) -> list[Article | Skipped]:
    """Build an Article from each `(where, default id, value)` entry, or a Skipped saying why not.

    Entries are built over `jobs` processes. Ids repeated inside one file are
    suffixed with their line or item (`a-17`), since `unique_ids` tells files
    apart, not the entries of one file.
    """
    results = parallel_map(functools.partial(_entry_article, limit=limit), entries, jobs)
    counts = Counter(r.id for r in results if isinstance(r, Article))
    return [
        replace(r, id=f"{r.id}-{_position(r.path)}") if isinstance(r, Article) and counts[r.id] > 1 else r
        for r in results
    ]


def _entry_article(entry: tuple[str, str, object] | Skipped, limit: int | None) -> Article | Skipped:
    if isinstance(entry, Skipped):
        return entry
    where, default_id, value = entry
    text = value.get("text") if isinstance(value, dict) else None
    if limit is not None and isinstance(text, str) and len(text) > limit // 4 and len(text.encode("utf-8")) > limit:
        return Skipped(where, _too_big(len(text.encode("utf-8")), limit))
    try:
        return _article_from_json(value, where=where, default_id=default_id)
    except InputError as error:
        return Skipped(error.path, error.reason)


def _position(where: str) -> str:
    """`17` of `export.jsonl:17`, `3` of `export.json[3]`."""
    if where.endswith("]"):
        return where[where.rindex("[") + 1 : -1]
    return where.rpartition(":")[2]


def _article_from_json(value: object, *, where: str, default_id: str) -> Article:
    """Build an Article from one JSON article object; raise InputError saying what is wrong."""
    if not isinstance(value, dict):
        raise InputError(where, f"not a JSON object with a \"text\" field (found {_json_type(value)})")
    fields: dict[str, str] = {}
    for key in JSON_FIELDS:
        field_value = value.get(key)
        if field_value is None:
            continue
        if key == "id" and isinstance(field_value, int) and not isinstance(field_value, bool):
            field_value = str(field_value)
        if not isinstance(field_value, str):
            raise InputError(where, f'"{key}" is not a string (found {_json_type(field_value)})')
        fields[key] = field_value
    text = fields.get("text")
    if text is None:
        raise InputError(where, 'no "text" field')
    if not text.strip():
        raise InputError(where, '"text" is empty' if not text else '"text" holds only white space')
    date = None
    notes: tuple[str, ...] = ()
    if fields.get("date", "").strip():
        date = parse_date(fields["date"])
        if date is None:  # the article is still worth reading; it is read undated, and says so
            shown = fields["date"] if len(fields["date"]) <= 40 else fields["date"][:40] + "…"
            notes = (f'"date" {shown!r} is not a date factdiff reads; the article is read without one',)
    article = article_from_text(
        text,
        id=" ".join(fields.get("id", "").split()) or default_id,
        path=where,
        title=" ".join(fields.get("title", "").split()) or None,
        outlet=" ".join(fields.get("outlet", "").split()) or None,
        date=date,
        date_source="json field",
        url=fields.get("url", "").strip() or None,
        author=" ".join(fields.get("author", "").split()) or None,
    )
    return replace(article, notes=notes + article.notes) if notes else article


def read_stdin(*, encoding: str | None = None, limit: int | None = ARTICLE_BYTES_LIMIT) -> Article:
    """Read one article from standard input, with the id `stdin`."""
    data = sys.stdin.buffer.read() if limit is None else sys.stdin.buffer.read(limit + 1)
    if limit is not None and len(data) > limit:
        raise InputError("<stdin>", f"more than {limit:,} bytes, over the limit for one article (--max-article-bytes)")
    text = decode(data, "<stdin>", encoding)
    _check_not_blank(text, "<stdin>", "standard input")
    return article_from_text(text, id="stdin", path="-")


def _check_not_blank(text: str, path: str, what: str) -> None:
    """Raise InputError if `text` is empty or only white space."""
    if not text:
        raise InputError(path, f"{what} is empty")
    if not text.strip():
        raise InputError(path, f"{what} holds only white space")


def iter_paths(paths: Iterable[str], passed_over: list[Skipped] | None = None) -> Iterator[str]:
    """Yield each input: files as given, directories' article files recursively, sorted.

    Symlinked directories are not followed (a link loop cannot loop); a symlinked
    file is read. A directory that cannot be listed is yielded itself, so that
    reading it fails with the reason instead of its articles vanishing unseen.
    What a directory holds that is not read (other files, hidden files and
    folders, linked folders) is appended to `passed_over`, each with why, as an
    ignored Skipped: the report lists it, and it is no error.
    """
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            unlisted: list[str] = []
            found: list[str] = []
            ignored: list[Skipped] = []

            def note(error: OSError, unlisted: list[str] = unlisted) -> None:
                unlisted.append(str(error.filename))

            for root, dirs, names in os.walk(path, followlinks=False, onerror=note):
                for name in list(dirs):
                    where = os.path.join(root, name)
                    if name.startswith(".") or os.path.islink(where):
                        dirs.remove(name)
                        ignored.append(Skipped(where, _passed_over_folder(where), ignored=True))
                for name in names:
                    where = os.path.join(root, name)
                    reason = _passed_over_file(name)
                    if reason is None:
                        found.append(where)
                    else:
                        ignored.append(Skipped(where, reason, ignored=True))
            if passed_over is not None:
                passed_over.extend(sorted(ignored, key=lambda s: s.path))
            yield from sorted(found + unlisted)
        else:
            yield raw


def _passed_over_folder(where: str) -> str:
    if os.path.islink(where):
        return "a link to a folder, not followed (name the folder itself to read it)"
    return "a hidden folder, not searched"


def _passed_over_file(name: str) -> str | None:
    """Why a file found in a folder is not read, or None if it is an article file."""
    if name.startswith("."):
        return "a hidden file (its name starts with a dot)"
    if name.lower().endswith(ARTICLE_SUFFIXES):
        return None
    suffix = Path(name).suffix.lower()
    if suffix == ".json":
        return "a .json file is read only when named (in a folder it is often a report or baseline)"
    kind = f"a {suffix} file" if suffix else "a file with no ending"
    return f"not an article file ({kind}); factdiff reads {', '.join(ARTICLE_SUFFIXES)} in folders"


def unique_ids(articles: list[Article]) -> list[Article]:
    """Make article ids unique by prefixing repeats with their path's parent folder.

    Ids that still repeat (two exports in one folder that both hold `a1`, or
    `a.txt` next to `a.md`) are numbered in the order of their paths: `x/a1-1`,
    `x/a1-2`; the order the inputs were given in does not matter.
    """
    counts = Counter(article.id for article in articles)
    result = [
        replace(article, id=f"{Path(article.path).parent.name or 'root'}/{article.id}")
        if counts[article.id] > 1 else article
        for article in articles
    ]
    counts = Counter(article.id for article in result)
    numbered: Counter[str] = Counter()
    for index in sorted(range(len(result)), key=lambda i: result[i].path):
        article = result[index]
        if counts[article.id] > 1:
            numbered[article.id] += 1
            result[index] = replace(article, id=f"{article.id}-{numbered[article.id]}")
    return result
