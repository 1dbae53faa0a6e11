"""Split an article body into paragraphs and sentences that keep their offsets.

A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or brackets after
it) followed by white space and a capital, a digit or an opening quote; but not

- after an abbreviation (`Mr.`, `Gen.`, `Jan.`, `No.`, `U.S.`) or a lone initial
  (`John F. Kennedy`), and
- inside a direct quotation that closes within the same paragraph, so that
  `"We must be prepared. We look forward...," he said.` stays one sentence and
  the quotation stays whole.

A quotation mark that is never closed in its paragraph does not suppress splits.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator

import regex

from compare.records import Sentence

# Abbreviations that end with a period but rarely end a sentence in news copy.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr gen sen rep gov lt col sgt capt adm cmdr maj brig pres prof rev st jr sr
    no nos vol fig inc corp co ltd bros dept univ est approx vs etc al ave blvd mt ft
    jan feb mar apr jun jul aug sep sept oct nov dec
    u.s u.k u.n e.u u.s.a d.c a.m p.m i.e e.g
    """.split()
)

# A candidate boundary: terminator, closing marks, white space, then the next start.
RE_BOUNDARY = regex.compile(
    r"""
    (?<![.!?…])                    # at the first terminator of a run (a leftmost match starts
                                   # there anyway; this keeps a long run of periods linear)
    (?P<term>[.!?…]+)              # one or more terminators
    (?P<close>[\"”’')\]]*)         # closing quotes or brackets that belong to this sentence
    (?P<gap>[ \t\u00a0]*\n[ \t\u00a0]*|[ \t\u00a0]+)  # white space: at most one line break (a hard wrap)
    (?=[\"“‘(\[]?[\p{Lu}\p{N}])    # next sentence: optional opening mark, capital or digit
    """,
    regex.VERBOSE,
)

# The word just before a period: letters and inner periods (`U.S`, `a.m`, `Gen`).
# CAUTION: searched backwards (`(?r)`) from the period. Searched forwards, `$` makes every
# start position before the period a try, so `"Mr. " * 8000` took 46 s to split.
RE_WORD_BEFORE = regex.compile(r"(?r)(?:\p{L}+\.)*\p{L}+$")

# A paragraph is separated from the next by a blank line (only spaces in between).
RE_PARAGRAPH_BREAK = regex.compile(r"\n[ \t\u00a0]*\n")

# A row of a wire table: a line break, then an indented line that is not the text's last.
RE_INDENTED_ROW = regex.compile(r"\n[ \t\u00a0]+\S[^\n]*\n")

# A line break inside a sentence: before a lower-case word, unless a terminator ends the
# line; after a word no sentence ends with ("acquire the\nFederal Reserve", "by\n0.75
# cent"), a comma or a possessive ("The governing party's\n(SRP) defeat"); before a bracket
# or a ticker ("Hartwell Biscuits Plc\n<HBIS.L> reported", "\n(NSFC) began") or
# a company's suffix ("The Dayton River Tool\nCo expects"), none of which opens a
# sentence. A wire story whose dateline was cut off starts with such a short line
# ("Finnish software maker Lumo Data Oy\n<LUMO.HE> blamed ..."). The match is the
# line break itself (a literal first, so the scan skips to line breaks).
RE_BREAK_IN_SENTENCE = regex.compile(
    r"""
    \n
    (?:
        (?<=[^.!?:\s\"”’'][\"”’')]*[ \t\u00a0]*\n)(?=[ \t\u00a0]*\p{Ll})
      | (?<=(?:\b(?i:the|an?|of|to|in|and|or|for|by|on|at|with|from|as|than|its|their|his|her)|,|\p{L}['’]s)[ \t\u00a0]*\n)
        (?=[ \t\u00a0]*\S)
      | (?<=[\p{L}\p{N}.,>)][ \t\u00a0]*\n)
        (?=[ \t\u00a0]*(?:[(<]|(?:Inc|Corp|Co|Cos|Ltd|Plc|PLC|LLC|AG|SA|NV|BV|Bhd|Corporation|Company)\b))
    )
    """,
    regex.VERBOSE,
)

# The widest wrap of a hard-wrapped text (see `is_hard_wrapped`; wire copy is wrapped at
# 60 to 80 characters), and the length, as a share of the wrap width, under which a line
# of a hard-wrapped text ends its paragraph.
WRAP_WIDTH = 100
SHORT_LINE = 0.7


RE_QUOTE_MARK = regex.compile(r'[“”"]')

# A line that ends a sentence: a terminator, maybe with closing marks, or a colon.
RE_ENDS_SENTENCE = regex.compile(r"[.!?…:][\"”’')\]]*[ \t\u00a0]*\Z")

RE_NEWLINE = regex.compile(r"\n")  # compiled once: the module-level `regex.finditer` looks its pattern up on every call


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """Return the spans of double quotations that open and close inside `text`.

    Curly quotes pair by direction; straight quotes pair by order. An opening mark
    with no partner is ignored, so an unbalanced quote cannot swallow the text.
    """
    spans: list[tuple[int, int]] = []
    open_curly: int | None = None
    open_straight: int | None = None
    for mark in RE_QUOTE_MARK.finditer(text):  # only the marks are visited, not every character
        index, char = mark.start(), mark.group()
        if char == "“":
            if open_curly is None:
                open_curly = index
        elif char == "”":
            if open_curly is not None:
                spans.append((open_curly, index + 1))
                open_curly = None
        elif char == '"':
            if open_straight is None:
                open_straight = index
            else:
                spans.append((open_straight, index + 1))
                open_straight = None
    return sorted(spans)


def _inside(term_start: int, close_end: int, spans: Iterable[tuple[int, int]]) -> bool:
    """True if a terminator lies inside a quotation that goes on after its closing marks."""
    return any(start < term_start and close_end < end for start, end in spans)


def _is_abbreviation(text: str, period_at: int) -> bool:
    """True if the period at `period_at` closes an abbreviation or an initial."""
    match = RE_WORD_BEFORE.search(text, 0, period_at)
    if match is None:
        return False
    word = match.group(0)
    if len(word) == 1 and word.isupper():  # an initial: "John F. Kennedy"
        return True
    return word.lower() in ABBREVIATIONS


def split_paragraph(text: str) -> Iterator[tuple[int, int]]:
    """Yield `(start, end)` of each sentence of one paragraph, trimmed of white space."""
    quotes = quotation_spans(text)
    start = 0
    for match in RE_BOUNDARY.finditer(text):
        if match.group("term") == "." and _is_abbreviation(text, match.start("term")):
            continue
        if _inside(match.start("term"), match.end("close"), quotes):
            continue
        end = match.end("close")
        if text[start:end].strip():
            yield from _trimmed(text, start, end)
        start = match.end("gap")
    if text[start:].strip():
        yield from _trimmed(text, start, len(text))


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        yield start, end


def paragraphs(text: str, start: int = 0, end: int | None = None, *, titled: bool = False) -> Iterator[tuple[int, int]]:
    """Yield `(start, end)` of each non-blank paragraph of `text[start:end]`.

    Paragraphs are separated by blank lines. A block between blank lines, or a text
    with no blank line at all, that is hard-wrapped (`is_hard_wrapped`: wire copy,
    e-mail) has paragraphs of its own, starting at indented or after short lines, so
    a wire story reads the same with or without a headline and a blank line above
    it; so has a block whose later lines are indented rows (a wire results table).
    `titled`: the text is a body whose headline was read apart (a header, front
    matter, a JSON field), so its first line is no heading and a short one does not
    end its paragraph: it is what was left of the lead's first line when its dateline
    was cut off ("Dutch Finance Minister Pieter\nVeldkamp would not say ...").
    A text with no blank line that is not hard-wrapped is taken one paragraph per
    line, as many web exports are; another block between blank lines, as one paragraph.
    """
    end = len(text) if end is None else end
    chunk = text[start:end]
    if RE_PARAGRAPH_BREAK.search(chunk):
        breaks = []
        cursor = 0
        lead = titled  # until the first block with text
        for m in [*RE_PARAGRAPH_BREAK.finditer(chunk), None]:
            stop = m.start() if m else len(chunk)
            block = chunk[cursor:stop]
            if is_hard_wrapped(block) or RE_INDENTED_ROW.search(block):
                breaks += [(cursor + a, cursor + b) for a, b in _wrapped_paragraph_breaks(block, lead=lead)]
            lead = lead and not block.strip()
            if m:
                breaks.append((m.start(), m.end()))
                cursor = m.end()
    elif is_hard_wrapped(chunk):
        breaks = _wrapped_paragraph_breaks(chunk, lead=titled)
    else:
        breaks = [(m.start(), m.end()) for m in RE_NEWLINE.finditer(chunk)]
    cursor = 0
    for break_start, break_end in breaks + [(len(chunk), len(chunk))]:
        piece = chunk[cursor:break_start]
        if piece.strip():
            yield from ((start + a, start + b) for a, b in _trimmed(chunk, cursor, break_start))
        cursor = break_end


def is_hard_wrapped(text: str) -> bool:
    """Return True if `text` is wrapped at a fixed width, as wire copy and e-mail are.

    Its lines are short (`wrap_width` at most `WRAP_WIDTH` characters) and at least
    one break falls inside a sentence (`RE_BREAK_IN_SENTENCE`): after a word or a
    comma, before a lower-case word ("the week in\\nthe Bahia cocoa zone"), or after
    a word no sentence ends with ("said the\\nFederal Reserve"). A web export with
    one paragraph a line has long lines, and does not break inside sentences.
    """
    if text.count("\n") < 2 or not RE_BREAK_IN_SENTENCE.search(text):
        return False
    return wrap_width(text.split("\n")) <= WRAP_WIDTH


def wrap_width(lines: list[str]) -> int:
    """The width `lines` are wrapped at: the 80th percentile of their lengths (a few long lines are tables)."""
    lengths = sorted(len(line.rstrip()) for line in lines)
    return lengths[int(0.8 * (len(lengths) - 1))]


def _wrapped_paragraph_breaks(chunk: str, *, lead: bool = False) -> list[tuple[int, int]]:
    """The paragraph breaks of a hard-wrapped text with no blank line: `(start, end)` of each.

    A paragraph starts at a line indented deeper than the text's least indented line
    (`\\n    The dry period...`, the wire's way), or after a short line (under
    `SHORT_LINE` of the text's width) whose break is not inside a sentence
    (`RE_BREAK_IN_SENTENCE`): a heading, or the last line of a paragraph. With
    `lead`, the first line is a body's first line, never a heading (`paragraphs`).
    """
    ends = [m.start() for m in RE_NEWLINE.finditer(chunk)] + [len(chunk)]
    starts = [0] + [end + 1 for end in ends[:-1]]
    lines = [chunk[a:b] for a, b in zip(starts, ends, strict=True)]
    indents = [len(line) - len(line.lstrip(" \t\u00a0")) for line in lines]
    margin = min(indent for indent, line in zip(indents, lines, strict=True) if line.strip())
    width = wrap_width(lines)
    inside = {m.start() for m in RE_BREAK_IN_SENTENCE.finditer(chunk)}
    breaks = []
    for number in range(len(lines) - 1):
        following = lines[number + 1][indents[number + 1] :]
        if not following.strip():
            continue
        indented = indents[number + 1] > margin
        short = len(lines[number].rstrip()) < SHORT_LINE * width and ends[number] not in inside
        if short and lead and number == 0 and not RE_ENDS_SENTENCE.search(lines[0]):
            short = False  # a lead's first line, its dateline cut off: the sentence goes on
        if indented or short:
            breaks.append((ends[number], starts[number + 1]))
    return breaks


class LineIndex:
    """Map character offsets of a text to 1-based line numbers in O(log n)."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in RE_NEWLINE.finditer(text)]

    def __call__(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, offset)


def split_sentences(
    text: str, regions: Iterable[tuple[int, int]], *, line_of: LineIndex, titled: bool = False
) -> tuple[Sentence, ...]:
    """Split each body region of `text` into paragraphs and sentences; `titled`: the headline was read apart (`paragraphs`)."""
    sentences: list[Sentence] = []
    paragraph_index = 0
    for number, (region_start, region_end) in enumerate(regions):
        for para_start, para_end in paragraphs(text, region_start, region_end, titled=titled and number == 0):
            para = text[para_start:para_end]
            for start, end in split_paragraph(para):
                sentences.append(
                    Sentence(
                        index=len(sentences),
                        text=para[start:end],
                        start=para_start + start,
                        end=para_start + end,
                        line=line_of(para_start + start),
                        paragraph=paragraph_index,
                    )
                )
            paragraph_index += 1
    return tuple(sentences)
