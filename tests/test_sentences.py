"""Sentence splitting: abbreviations, quotations, offsets and lines."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compare.ingest import article_from_text
from compare.sentences import split_paragraph


def split(text: str) -> list[str]:
    return [text[a:b] for a, b in split_paragraph(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mr. Hegseth spoke. He left.", ["Mr. Hegseth spoke.", "He left."]),
        ("The U.S. military will add troops. Japan agreed.", ["The U.S. military will add troops.", "Japan agreed."]),
        ("On Jan. 2, Trump called. Takaichi answered.", ["On Jan. 2, Trump called.", "Takaichi answered."]),
        ("Gen. Smith and No. 10 agreed. Talks ended.", ["Gen. Smith and No. 10 agreed.", "Talks ended."]),
        ("John F. Kennedy spoke. Crowds cheered.", ["John F. Kennedy spoke.", "Crowds cheered."]),
        (
            "“We must be prepared. We look forward to it,” Mr. Hegseth said. He left.",
            ["“We must be prepared. We look forward to it,” Mr. Hegseth said.", "He left."],
        ),
        ('"Peace is back. We are here," he said. Then he left.', ['"Peace is back. We are here," he said.', "Then he left."]),
        ("He asked: “Who makes these deals?” Nobody answered.", ["He asked: “Who makes these deals?”", "Nobody answered."]),
        # An unbalanced quote must not glue the rest of the paragraph together.
        ("“Unclosed quote. Next sentence. Last one.", ["“Unclosed quote.", "Next sentence.", "Last one."]),
        ("It cost 3.5 billion. Prices rose.", ["It cost 3.5 billion.", "Prices rose."]),
    ],
)
def test_split_paragraph(text: str, expected: list[str]) -> None:
    """Abbreviations and closed quotations do not end sentences; terminators do."""
    assert expected == split(text)


def test_offsets_and_lines() -> None:
    """Sentences carry offsets into the original text and 1-based lines."""
    text = "Headline Here\n\nFirst one. Second one.\n\nThird\none.\n"
    article = article_from_text(text, id="a")
    assert [("First one.", 3), ("Second one.", 3), ("Third\none.", 5)] == [(s.text, s.line) for s in article.sentences]
    for sentence in article.sentences:
        assert sentence.text == text[sentence.start : sentence.end]


WORDS = st.sampled_from(["Troops", "arrived", "Mr.", "Hegseth", "said", "55,000", "U.S.", "“We", "go,”", "he", "left.", "Why?", "Japan", "\n", "\n\n"])


@given(st.lists(WORDS, min_size=1, max_size=40))
def test_sentences_reproduce_their_text(tokens: list[str]) -> None:
    """Every sentence is exactly the slice of the text its offsets name, in order, non-overlapping."""
    text = " ".join(tokens)
    article = article_from_text(text, id="a")
    previous_end = 0
    for sentence in article.sentences:
        assert sentence.text == text[sentence.start : sentence.end]
        assert sentence.start >= previous_end
        assert sentence.line == text.count("\n", 0, sentence.start) + 1
        previous_end = sentence.end
