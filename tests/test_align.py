"""Alignment: sentence pairs, stories and near-duplicates."""

from __future__ import annotations

import difflib

import cydifflib
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.align import _count_codes, _ratio, align_all, align_pair, group_stories, tokenize
from compare.ingest import article_from_text, read_article
from compare.lexicon import words
from tests.conftest import SEEDS

POOL = [
    "A joint force headquarters is being established to upgrade the 55,000 troops of the U.S. Forces Japan.",
    "The Pentagon will add troops to the unit and give commanders expanded authority.",
    "Mr. Nakatani said the two defense chiefs discussed the severe security situation facing Japan.",
    "The headquarters also has been designed to increase military readiness for regional crises.",
    "Pentagon officials have said they are confident that Japan will make appropriate decisions.",
    "Beijing has stepped up military pressure in recent years around Taiwan, including near-daily air incursions.",
    "Japan's government has been reeling from a decision to impose a 25 percent tariff on auto imports.",
]


def article(id: str, sentences: list[str], date: str | None = "2025-03-30") -> object:
    return article_from_text("\n\n".join(sentences) + "\n", id=id, date=date)


def test_reordered_paragraphs_still_align() -> None:
    """Every sentence finds its partner when the paragraphs are shuffled."""
    a = article("a", POOL)
    b = article("b", list(reversed(POOL)))
    alignment = align_pair(tokenize(a), tokenize(b))
    n = len(POOL)
    assert [(i, n - 1 - i) for i in range(n)] == [(p.left, p.right) for p in alignment.pairs]
    assert all(p.score == 1.0 for p in alignment.pairs)


def test_paraphrase_aligns_and_unrelated_does_not() -> None:
    """A light paraphrase aligns with a score; a sentence on another subject does not."""
    a = article("a", [POOL[0], POOL[5]])
    b = article("b", ["A new joint force headquarters is being set up to upgrade the 55,000 troops of the U.S. Forces Japan.",
                      "Tokyo and Washington are discussing targets for the $550 billion Japan has said it will invest."])
    alignment = align_pair(tokenize(a), tokenize(b))
    assert [(0, 0)] == [(p.left, p.right) for p in alignment.pairs]
    assert 0.8 < alignment.pairs[0].score < 1.0


def test_short_sentences_do_not_align() -> None:
    """Sentences under the minimum length never align, even when identical."""
    a = article("a", ["He left.", POOL[1]])
    b = article("b", ["He left.", POOL[2]])
    assert () == align_pair(tokenize(a), tokenize(b)).pairs


def test_seed_stories_and_near_duplicates() -> None:
    """On the seeds, 001-003 are one story, 002/003 near-duplicates, 000 and 004 stand alone."""
    articles = [read_article(p) for p in sorted(SEEDS.glob("*.txt"))]
    stories = group_stories(articles, align_all(articles))
    groups = [tuple(a[:3] for a in s.articles) for s in stories]
    assert [("000",), ("001", "002", "003"), ("004",)] == groups
    tokyo = stories[1]
    assert (("002_3a1f343924c775c8", "003_0907819ffabc4b97"),) == tokyo.near_duplicates


def test_dates_far_apart_split_stories() -> None:
    """Articles that share sentences but are dated weeks apart are different stories."""
    a = article("a", POOL, date="2025-03-30")
    b = article("b", POOL, date="2025-05-30")
    stories = group_stories([a, b], align_all([a, b]))
    assert [("a",), ("b",)] == [s.articles for s in stories]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(POOL), min_size=1, max_size=7, unique=True))
def test_self_alignment_is_total(sentences: list[str]) -> None:
    """An article aligned with its own copy pairs every sentence with itself at score 1."""
    a = article("a", sentences)
    b = article("b", sentences)
    alignment = align_pair(tokenize(a), tokenize(b))
    assert [(i, i, 1.0) for i in range(len(sentences))] == [(p.left, p.right, p.score) for p in alignment.pairs]


def test_ratio_is_difflibs_on_real_sentences() -> None:
    """The compiled ratio equals difflib's on every pair of the seeds' sentences, float for float."""
    sentences = [tuple(words(s.text)) for p in sorted(SEEDS.glob("*.txt")) for s in read_article(p).sentences]
    pairs = [(a, b) for a in sentences for b in sentences[:60]]
    assert len(pairs) > 5000
    assert [_ratio(a, b) for a, b in pairs] == [
        difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() for a, b in pairs
    ]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from("the a of troops said minister 55,000 japan".split()), max_size=300),
    st.lists(st.sampled_from("the a of troops said minister 54,000 japan".split()), max_size=300),
)
def test_ratio_is_difflibs_on_repetitive_sequences(a: list[str], b: list[str]) -> None:
    """Few distinct tokens, many repeats and sequences past 200 tokens (difflib's autojunk size): ties and all.

    The comparer reads cydifflib's matching blocks and opcodes too (quotation
    windows and word diffs): they are difflib's as well.
    """
    assert _ratio(a, b) == difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
    compiled, python = cydifflib.SequenceMatcher(None, a, b, autojunk=False), difflib.SequenceMatcher(None, a, b, autojunk=False)
    assert [tuple(m) for m in compiled.get_matching_blocks()] == [tuple(m) for m in python.get_matching_blocks()]
    assert compiled.get_opcodes() == python.get_opcodes()


@given(st.lists(st.integers(min_value=0, max_value=300), max_size=200))
def test_counting_codes_is_unique_with_inverse_and_counts(codes: list[int]) -> None:
    """The aligner's element count (by `bincount` when codes are few) equals `np.unique`'s, on either path."""
    import numpy as np

    array = np.array(codes, dtype=np.int64)
    expected = np.unique(array, return_inverse=True, return_counts=True)
    for span in (301, 1 << 26):  # counting, and the fallback for a wide span
        assert all(np.array_equal(e, a) for e, a in zip(expected, _count_codes(array, span), strict=True))
