"""Line numbers of offsets: one line index per article text, shared by the extractors.

`Article.line_of` counts newlines from the start of the text on every call, which
made a large file with many facts quadratic; this index answers in O(log n).
"""

from __future__ import annotations

import functools

from compare.records import Article
from compare.sentences import LineIndex


@functools.lru_cache(maxsize=8)
def _line_index(text: str) -> LineIndex:
    return LineIndex(text)


def line_of(article: Article, offset: int) -> int:
    """Return the 1-based line of the input file that `offset` came from (same as `article.line_of`).

    That is the line of `article.text`, or for an article extracted from an HTML
    page the line of the page source (`Article.source_lines`, bisected directly).
    """
    if article.source_lines:
        return article.line_of(offset)
    return _line_index(article.text)(offset)
