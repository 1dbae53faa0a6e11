"""Sentence splitting: abbreviations, quotations, offsets and lines."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compare.extract import extract_facts
from compare.ingest import article_from_text
from compare.records import FactKind
from compare.sentences import is_hard_wrapped, split_paragraph


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


# Wire copy as a JSON export holds it: wrapped at about 65 characters, no blank lines,
# paragraphs indented, a results table of indented rows.
WIRE = (
    "Showers continued throughout the week in the cocoa zone,\n"
    "alleviating the drought since early January, the port's\n"
    "commission said in its weekly review.\n"
    "    Arrivals for the week were 155,221 bags of 60 kilos,\n"
    "against 151,000 a year ago. \"We expect a late harvest,\" the\n"
    "commission's head said.\n"
    "    Shr 34 cts vs 1.19 dlrs\n"
    "    Net 807,000 vs 2,858,000\n"
)


def test_hard_wrapped_wire_copy_keeps_its_sentences_whole() -> None:
    """Line breaks inside a sentence of wrapped text are white space; indented lines start paragraphs."""
    article = article_from_text(WIRE, id="wire")
    assert [
        ("Showers continued throughout the week in the cocoa zone,\nalleviating the drought since early "
         "January, the port's\ncommission said in its weekly review.", 1, 0),
        ("Arrivals for the week were 155,221 bags of 60 kilos,\nagainst 151,000 a year ago.", 4, 1),
        ("\"We expect a late harvest,\" the\ncommission's head said.", 5, 1),
        ("Shr 34 cts vs 1.19 dlrs", 7, 2),
        ("Net 807,000 vs 2,858,000", 8, 3),
    ] == [(s.text, s.line, s.paragraph) for s in article.sentences]
    assert is_hard_wrapped(WIRE)


def test_facts_of_a_wrapped_sentence_keep_their_own_lines() -> None:
    """A number on the second line of a wrapped sentence is cited at that line; a wrapped quote is whole."""
    facts = extract_facts(article_from_text(WIRE, id="wire"))
    assert ("151,000", 5) in [(f.text, f.line) for f in facts if f.kind == FactKind.QUANTITY]
    (quote,) = [f for f in facts if f.kind == FactKind.QUOTE]
    assert ("We expect a late harvest,", 5, "commission's head") == (quote.text, quote.line, quote.speaker)


def test_wrapped_text_without_indents_breaks_paragraphs_after_short_lines() -> None:
    """Without indentation, a line well short of the wrap width ends its paragraph (a heading too)."""
    text = (
        "Flood defences hold\n"
        "The river peaked at 4.2 metres on Sunday, the agency said, and\n"
        "the barriers held along the whole of the town's waterfront.\n"
        "Repairs will cost 2 million pounds.\n"
        "Residents were told they could return home from Monday, and\n"
        "schools will reopen on Tuesday.\n"
    )
    article = article_from_text(text, id="flood")
    assert [
        ("Flood defences hold", 0),
        ("The river peaked at 4.2 metres on Sunday, the agency said, and\nthe barriers held along the whole "
         "of the town's waterfront.", 1),
        ("Repairs will cost 2 million pounds.", 1),
        ("Residents were told they could return home from Monday, and\nschools will reopen on Tuesday.", 2),
    ] == [(s.text, s.paragraph) for s in article.sentences]


@pytest.mark.parametrize(
    "text",
    [
        # a web export, one paragraph a line: long lines, even where one starts in lower case
        "Troops arrived in the capital on Sunday after a week of talks between the two governments failed.\n"
        "iPhone sales rose 4% in the quarter, the company said, its best result since the launch of the model.\n"
        "The minister said the deployment of 55,000 troops would last until the end of the year at least.\n",
        # short lines that never break inside a sentence: a list, a results table
        "Shr 34 cts vs 1.19 dlrs\nNet 807,000 vs 2,858,000\nRevs 291.8 mln vs 151.1 mln\n",
    ],
)
def test_one_paragraph_a_line_is_not_hard_wrapped(text: str) -> None:
    """Exports with one paragraph a line keep one paragraph a line."""
    article = article_from_text(text, id="export")
    assert not is_hard_wrapped(text)
    assert text.splitlines() == [s.text for s in article.sentences]
    assert [0, 1, 2] == [s.paragraph for s in article.sentences]


@pytest.mark.parametrize(
    "first, second",
    [
        ("The North Sea Fishing Council,", "NSFC, its quota panel began reviewing the catch limits for cod"),
        ("The governing Social Reform Party's", "(SRP) defeat in the regional vote may delay its pension plans"),
        ("Hartwell Biscuits Plc <HBIS.L>", "reported a pretax profit of 61 mln stg, its best in a decade"),
        ("Finnish software maker Lumo Data Oy", "<LUMO.HE> blamed poor orders from Asia for a drop in its profit"),
        ("The Dayton River Tool", "Co expects its second quarter profit to beat the one it made a year"),
    ],
)
def test_a_short_line_that_cannot_end_a_sentence_continues_it(first: str, second: str) -> None:
    """A comma, a possessive, or a ticker or company suffix opening the next line: one sentence across the break."""
    text = f"{first}\n{second}\nago, the firm told its shareholders at a meeting on Tuesday in the\ncity where it has its head office.\n"
    assert [text.strip()] == [s.text for s in article_from_text(text, id="wire").sentences]


def test_a_bodys_short_first_line_is_no_heading_when_the_headline_is_known() -> None:
    """A wire lead whose dateline was cut off starts with a short line; under a known headline it is no heading."""
    body = (
        "Dutch Finance Minister Pieter\n"
        "Veldkamp would not say whether the budget office expects growth to\n"
        "slow next year, his spokeswoman told reporters in The Hague after a\n"
        "cabinet meeting that ran late into the evening.\n"
    )
    headed = article_from_text(body, id="lead", title="VELDKAMP SILENT ON GROWTH FORECAST")
    assert [body.strip()] == [s.text for s in headed.sentences]
    # Without a headline the short first line may be one (`Flood defences hold`): it stays apart.
    assert "Dutch Finance Minister Pieter" == article_from_text(body, id="bare").sentences[0].text


def test_wire_copy_reads_the_same_under_a_headline() -> None:
    """A blank line after a headline does not change how the wrapped body and its table are read."""
    bare = article_from_text(WIRE, id="bare")
    headed = article_from_text("COCOA ZONE RAINS\n\n" + WIRE, id="headed")
    assert "COCOA ZONE RAINS" == headed.title
    assert [s.text for s in bare.sentences] == [s.text for s in headed.sentences]
    assert ["Shr 34 cts vs 1.19 dlrs", "Net 807,000 vs 2,858,000"] == [s.text for s in headed.sentences][-2:]


def test_a_line_ending_in_a_function_word_continues_its_sentence() -> None:
    """`said the` / `Federal Reserve`: no sentence ends with `the`, so the text is wrapped, even before capitals."""
    text = (
        "Suffield Financial Corp said the\n"
        "Federal Reserve Board approved its application to acquire\n"
        "Coastal Bancorp, of Portland, Maine, for 38 mln dlrs.\n"
        "Reuter\n"
    )
    article = article_from_text(text, id="wire")
    assert [text.split("\nReuter")[0], "Reuter"] == [s.text for s in article.sentences]
