"""Read articles: decode them, take their metadata, and set page furniture aside.

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
  left out; symlinked directories are not followed, so a link loop cannot loop.

The decoded text is never rewritten (offsets index it, and the report shows it
as written): no NFKC, which would turn `10²` into `102`. Normalising for
comparison is the extractors' business: digits of any script (`５５,０００`,
`٥٥`) are read by their value, and no-break and thin spaces inside numbers
(`55 000`) and the minus sign `−` are understood there.
"""

from __future__ import annotations

import codecs
import datetime as dt
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

import regex

from compare.errors import InputError
from compare.lexicon import MONTHS
from compare.records import Article, Sentence
from compare.sentences import LineIndex, split_sentences

# File endings read when a directory is given.
ARTICLE_SUFFIXES = (".txt", ".md")


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

# Whole lines that are page furniture, not reporting.
RE_FURNITURE = regex.compile(
    r"""
    ^[ \t]*(?:
        advertisement | advertising | sponsored(?:\ content)? | featured | promoted
      | related(?:\ (?:posts|articles|stories|content|coverage|links))? | read\ more
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
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# Lines that are furniture wherever the phrase sits in them (short lines only).
RE_FURNITURE_ANYWHERE = regex.compile(
    r"""
    \bclick\ here\b | \ball\ rights\ reserved\b
    | \bcan\ be\ reached\ at\b[^\n]*@ | ^[ \t]*[-–—][ \t]*[^\n]{0,80}@[\w.-]+\.\w+[ \t]*$
    | \bfollow\ (?:us|him|her)\ on\ (?:twitter|x|facebook|instagram)\b
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# Furniture-anywhere only applies to lines shorter than this; longer lines are reporting.
FURNITURE_LINE_LIMIT = 400

# No sentence of news copy is this long (the longest of 66,000 BBC and PolNeAR
# sentences has 1,902 characters); a longer one is a file with no sentence ends.
# It is cut into pieces so that per-sentence work stays bounded: extractors and
# comparison scan a fact's whole sentence, quadratic in a 2 MB single-line file.
SENTENCE_LIMIT = 5000

# A header line (headline, outlet, byline, date) is never longer than this; a longer
# line starts the body. Besides being true, this keeps the header patterns from
# scanning a multi-megabyte single-line file once per candidate split.
HEADER_LINE_LIMIT = 300


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


def parse_date(text: str) -> str | None:
    """Return the ISO date written in `text` (`2025-03-30`, `March 30, 2025`), or None."""
    match = RE_ISO_DATE.search(text)
    if match:
        year, month, day = (int(match.group(k)) for k in ("year", "month", "day"))
    else:
        match = RE_WRITTEN_DATE.search(text)
        if match is None:
            return None
        month_name = (match.group("month") or match.group("month2")).lower()
        if month_name not in MONTHS:
            return None
        month = MONTHS[month_name]
        day = int(match.group("day") or match.group("day2"))
        year = int(match.group("year") or match.group("year2"))
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
) -> Article:
    """Build an Article from decoded `text`: metadata, furniture, sentences.

    Keyword metadata, where given, wins over what the text says.
    """
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
    date_source = "front matter" if meta_date else None

    header = _read_header(text, body_start)
    body_start = header.body_start
    for key, value in (("title", header.title), ("outlet", header.outlet), ("author", header.author)):
        if value and key not in meta:
            meta[key] = value
    if meta_date is None and header.date:
        meta_date, date_source = header.date, "header"
    if date is not None:
        meta_date, date_source = date, "given"

    line_of = LineIndex(text)
    regions: list[tuple[int, int]] = []
    furniture: list[int] = list(header.furniture)
    region_start = body_start
    for line_start, line_end in _lines(text, body_start, len(text)):
        if is_furniture(text[line_start:line_end]):
            furniture.append(line_of(line_start))
            if region_start < line_start:
                regions.append((region_start, line_start))
            region_start = line_end
    if region_start < len(text):
        regions.append((region_start, len(text)))

    sentences, notes = bound_sentences(split_sentences(text, regions, line_of=line_of), line_of)
    return Article(
        id=id,
        path=path or id,
        text=text,
        title=title or meta.get("title"),
        outlet=outlet or meta.get("outlet"),
        date=meta_date,
        date_source=date_source,
        url=meta.get("url"),
        author=meta.get("author"),
        sentences=sentences,
        furniture=tuple(sorted(furniture)),
        notes=notes,
    )


def bound_sentences(
    sentences: Iterable[Sentence], line_of: LineIndex, limit: int = SENTENCE_LIMIT
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
            result.append(replace(sentence, index=len(result)))
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
        self.furniture: list[int] = []


def _read_header(text: str, start: int) -> _Header:
    """Read the header lines at `text[start:]` until the first line of reporting.

    The header is at most a few short lines: furniture, a headline, an outlet, a
    byline, a date line. The first line that is none of those starts the body; a
    date tag glued to that line (` date 2025-03-30 The body...`) is cut off it.
    """
    header = _Header(start)
    line_of = LineIndex(text)
    for line_start, line_end in _lines(text, start, len(text)):
        line = text[line_start:line_end]
        stripped = line.strip()
        if not stripped:
            continue
        if is_furniture(line):
            header.furniture.append(line_of(line_start))
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


def _followed_by_blank(text: str, line_end: int) -> bool:
    """True if the line ending at `line_end` is followed by a blank line or the end."""
    rest = text[line_end : line_end + 200]
    return rest.startswith("\n") and (rest[1:].lstrip(" \t").startswith("\n") or not rest[1:].strip())


def read_article(path: Path, *, encoding: str | None = None) -> Article:
    """Read and decode one article file. Raises InputError with the reason."""
    if path.is_dir():  # iter_paths yields a directory only when it could not list it
        try:
            os.listdir(path)
        except OSError as error:
            raise InputError(str(path), f"cannot list the directory: {error.strerror or error}") from None
        raise InputError(str(path), "is a directory, not an article file")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(str(path), error.strerror or str(error)) from None
    text = decode(data, str(path), encoding)
    _check_not_blank(text, str(path), "the file")
    return article_from_text(text, id=path.stem, path=str(path))


def read_stdin(*, encoding: str | None = None) -> Article:
    """Read one article from standard input, with the id `stdin`."""
    data = sys.stdin.buffer.read()
    text = decode(data, "<stdin>", encoding)
    _check_not_blank(text, "<stdin>", "standard input")
    return article_from_text(text, id="stdin", path="-")


def _check_not_blank(text: str, path: str, what: str) -> None:
    """Raise InputError if `text` is empty or only white space."""
    if not text:
        raise InputError(path, f"{what} is empty")
    if not text.strip():
        raise InputError(path, f"{what} holds only white space")


def iter_paths(paths: Iterable[str]) -> Iterator[str]:
    """Yield each input: files as given, directories' article files recursively, sorted.

    Symlinked directories are not followed (a link loop cannot loop); a symlinked
    file is read. A directory that cannot be listed is yielded itself, so that
    reading it fails with the reason instead of its articles vanishing unseen.
    """
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            unlisted: list[str] = []

            def note(error: OSError, unlisted: list[str] = unlisted) -> None:
                unlisted.append(str(error.filename))

            found = [
                os.path.join(root, name)
                for root, _dirs, names in os.walk(path, followlinks=False, onerror=note)
                for name in names
                if name.lower().endswith(ARTICLE_SUFFIXES) and not name.startswith(".")
            ]
            yield from sorted(found + unlisted)
        else:
            yield raw


def unique_ids(articles: list[Article]) -> list[Article]:
    """Make article ids unique by suffixing repeats with their path's parent folder."""
    seen: dict[str, int] = {}
    for article in articles:
        seen[article.id] = seen.get(article.id, 0) + 1
    result = []
    for article in articles:
        if seen[article.id] > 1:
            parent = Path(article.path).parent.name or "root"
            article = replace(article, id=f"{parent}/{article.id}")
        result.append(article)
    return result
