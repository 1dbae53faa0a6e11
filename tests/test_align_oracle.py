"""The similarity join loses nothing: it equals scoring every sentence pair by brute force."""

from __future__ import annotations

import difflib
import itertools
import random
from collections import Counter
from typing import Any

import pytest

import compare.align
import compare.join
from compare.align import (
    AlignConfig,
    TokenizedArticle,
    _pair_up,
    align_all,
    group_stories,
    is_near_duplicate,
    same_story,
    similar_sentences,
    tokenize,
)
from compare.ingest import article_from_text, read_article
from compare.parallel import parallel_map
from compare.records import Alignment, Article, Story
from tests.conftest import CASES, SEEDS

VOCABULARY = (
    "troops minister defense spending budget talks alliance tariff export market shares bank rate "
    "inflation election vote court ruling police storm flood rescue hospital school energy oil gas "
    "china japan korea europe washington tokyo officials reporters agency report growth quarter "
    "profit loss strike union wages prices housing rent climate summit treaty border missile"
).split()
FILLER = "the a of to in and on for with that was is said it by as at from has have will".split()


def sentence(rng: random.Random, content_share: float = 0.55) -> list[str]:
    length = rng.randint(3, 24)
    return [rng.choice(VOCABULARY) if rng.random() < content_share else rng.choice(FILLER) for _ in range(length)]


def mutate(words: list[str], rng: random.Random) -> list[str]:
    out = list(words)
    for _ in range(rng.randint(0, 5)):
        roll = rng.random()
        if roll < 0.4 and out:
            out[rng.randrange(len(out))] = rng.choice(VOCABULARY + FILLER)
        elif roll < 0.7 and len(out) > 2:
            del out[rng.randrange(len(out))]
        else:
            out.insert(rng.randrange(len(out) + 1), rng.choice(VOCABULARY + FILLER))
    return out


# Lines that recur word for word across many articles, as an outlet's furniture does.
BOILERPLATE = [
    "this article was amended on 30 march 2025 to correct the name of the agency".split(),
    "the report was filed by reporters in tokyo and washington".split(),
    "officials said the talks will continue".split(),
]


def at_threshold(rng: random.Random, threshold: float) -> tuple[list[str], list[str]]:
    """Two sentences whose ratio() is exactly `threshold` (0.5 or 0.7): a shared head, different tails."""
    size, shared = {0.5: (8, 4), 0.7: (10, 7)}[threshold]
    head = rng.sample(VOCABULARY, shared)
    tails = rng.sample([w + "x" for w in VOCABULARY], 2 * (size - shared))
    return head + tails[: size - shared], head + tails[size - shared :]


def corpus(seed: int, articles: int = 240, per_article: int = 6, content_share: float = 0.55) -> list[Article]:
    """Articles that borrow and rework sentences from a shared pool, as outlets do.

    Some carry boilerplate lines (a few twice in one article) and pairs of sentences
    scoring exactly 0.5 or 0.7.
    """
    rng = random.Random(seed)
    pool = [sentence(rng, content_share) for _ in range(400)]
    exact = [at_threshold(rng, t) for t in (0.5, 0.7) for _ in range(10)]
    made = []
    for number in range(articles):
        picked = [mutate(rng.choice(pool), rng) if rng.random() < 0.7 else sentence(rng) for _ in range(per_article)]
        if rng.random() < 0.3:
            line = rng.choice(BOILERPLATE)
            picked[rng.randrange(len(picked))] = line
            if rng.random() < 0.2:
                picked.append(line)
        if rng.random() < 0.2:
            picked.append(rng.choice(rng.choice(exact)))
        text = "\n\n".join(" ".join(words).capitalize() + "." for words in picked if words) + "\n"
        made.append(article_from_text(text, id=f"a{number:03d}", date="2025-03-30"))
    return made


def real_text_corpus(seed: int, articles: int = 200) -> list[Article]:
    """Articles stitched from the sentences of the seeds and the golden cases, some reworded."""
    sources = [read_article(p) for p in sorted([*SEEDS.glob("*.txt"), *CASES.glob("*/*.txt")])]
    pool = [s.text.replace("\n", " ") for a in sources for s in a.sentences]
    rng = random.Random(seed)
    made = []
    for number in range(articles):
        picked = []
        for text in rng.sample(pool, 8):
            tokens = text.split()
            if rng.random() < 0.5 and len(tokens) > 3:
                del tokens[rng.randrange(len(tokens))]
            picked.append(" ".join(tokens))
        made.append(article_from_text("\n\n".join(picked) + "\n", id=f"r{number:03d}", date="2025-03-30"))
    return made


def naive_shapes(tokenized: list[TokenizedArticle], config: AlignConfig) -> set[tuple[str, ...]]:
    """Shapes (numbers masked) of sentences long enough to align, in more than `boilerplate_articles` articles."""
    articles_of: dict[tuple[str, ...], set[str]] = {}
    for article in tokenized:
        for i, tokens in enumerate(article.tokens):
            if len(tokens) >= config.min_tokens and len(article.content[i]) >= config.min_shared:
                articles_of.setdefault(tuple("#" if w.isdigit() else w for w in tokens), set()).add(article.id)
    return {shape for shape, ids in articles_of.items() if len(ids) > config.boilerplate_articles}


def brute_force(tokenized: list[TokenizedArticle], config: AlignConfig) -> dict[tuple[str, str], list[tuple[float, int, int]]]:
    """Score every sentence pair of every article pair by the definition in align's docstring."""
    found: dict[tuple[str, str], list[tuple[float, int, int]]] = {}
    shapes = naive_shapes(tokenized, config)
    for left, right in itertools.combinations(sorted(tokenized, key=lambda t: t.id), 2):
        for i, a in enumerate(left.tokens):
            for j, b in enumerate(right.tokens):
                if len(a) < config.min_tokens or len(b) < config.min_tokens:
                    continue
                if {tuple("#" if w.isdigit() else w for w in s) for s in (a, b)} & shapes:
                    continue
                if len(left.content[i] & right.content[j]) < config.min_shared:
                    continue
                score = difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
                if score >= config.sentence_threshold:
                    found.setdefault((left.id, right.id), []).append((score, i, j))
    return found


def assert_equals_brute_force(articles: list[Article], config: AlignConfig) -> None:
    """The join, the article alignments, the stories and the near-duplicates all equal brute force's."""
    tokenized = {a.id: tokenize(a) for a in articles}
    expected = brute_force(list(tokenized.values()), config)
    actual = similar_sentences(list(tokenized.values()), config)
    assert sum(map(len, expected.values())) > 50  # the corpus really overlaps
    assert {k: sorted(v) for k, v in expected.items()} == {k: sorted(v) for k, v in actual.items() if v}
    alignments = settled_by_brute_force(expected, tokenized, config)
    assert alignments == align_all(articles, config)  # which skips pairs of widely aligned sentences
    stories = group_stories(articles, alignments, config)
    assert naive_stories(articles, alignments, config) == stories
    assert any(len(s.articles) > 1 for s in stories)


def settled_by_brute_force(
    found: dict[tuple[str, str], list[tuple[float, int, int]]], tokenized: dict[str, TokenizedArticle], config: AlignConfig
) -> tuple[Alignment, ...]:
    """Drop the pairs of every sentence aligned with sentences of more than `boilerplate_articles` other
    articles, then pair each article pair's sentences, best score first, among the rest."""
    partners: dict[tuple[str, int], set[str]] = {}
    for (left, right), scored in found.items():
        for _, i, j in scored:
            partners.setdefault((left, i), set()).add(right)
            partners.setdefault((right, j), set()).add(left)
    widespread = {ref for ref, ids in partners.items() if len(ids) > config.boilerplate_articles}
    kept = []
    for (left, right), scored in sorted(found.items()):
        rest = [(s, i, j) for s, i, j in scored if (left, i) not in widespread and (right, j) not in widespread]
        if rest:
            kept.append(_pair_up(left, right, rest, min(len(tokenized[left].tokens), len(tokenized[right].tokens))))
    return tuple(kept)


def naive_stories(articles: list[Article], alignments: tuple[Alignment, ...], config: AlignConfig) -> tuple[Story, ...]:
    """Stories as connected components found by repeated merging, near-duplicates by scanning every alignment."""
    dates = {a.id: a.date for a in articles}
    groups = [{a.id} for a in articles]
    for alignment in alignments:
        if same_story(alignment, dates, config):
            left = next(g for g in groups if alignment.left in g)
            right = next(g for g in groups if alignment.right in g)
            if left is not right:
                groups.remove(right)
                left |= right
    stories = []
    for number, ids in enumerate(sorted(sorted(g) for g in groups), start=1):
        duplicates = sorted(
            (a.left, a.right)
            for a in alignments
            if a.left in ids and a.right in ids and is_near_duplicate(a, config)
        )
        stories.append(Story(f"S{number}", tuple(ids), tuple(duplicates)))
    return tuple(stories)


@pytest.mark.parametrize(
    "seed, threshold, content_share",
    [(1, 0.5, 0.55), (2, 0.5, 0.55), (3, 0.7, 0.55), (4, 0.4, 0.55), (5, 0.5, 0.25), (6, 0.3, 0.2),
     (7, 0.5, 0.1), (8, 0.7, 0.15)],
)
@pytest.mark.parametrize("boilerplate_articles", [10**9, 50, 4])
def test_join_equals_brute_force(seed: int, threshold: float, content_share: float, boilerplate_articles: int) -> None:
    """Every aligned sentence pair that brute force finds, the join finds, and no other.

    Stopword-heavy corpora (low content share) test the bound on matched stopwords;
    repeated lines and pairs exactly at the threshold are in every corpus. The
    article alignments, stories and near-duplicates built on the join are brute
    force's: with no boilerplate; with the repeated lines (in about 70 of the 240
    articles) as boilerplate; and with a threshold of 4 articles, under which many
    reworked sentences are widely paired.
    """
    config = AlignConfig(sentence_threshold=threshold, boilerplate_articles=boilerplate_articles)
    assert_equals_brute_force(corpus(seed, content_share=content_share), config)


@pytest.mark.parametrize("rare", [0, 3, 10**9])
def test_join_equals_brute_force_whatever_words_key_alone(rare: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """The join loses nothing whether a rare word is a key by itself or only in a pair with another."""
    monkeypatch.setattr(compare.align, "RARE", rare)
    assert_equals_brute_force(real_text_corpus(16, articles=120), AlignConfig(sentence_threshold=0.5))


@pytest.mark.parametrize("words, dedicated, chunk", [(1, 0, 7), (1, 60, 1 << 18), (2, 127, 1)])
@pytest.mark.parametrize("min_shared", [1, 2, 3])
def test_join_equals_brute_force_whatever_the_signatures(
    words: int, dedicated: int, chunk: int, min_shared: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Crowded signatures (many elements to a bit) and tiny blocks of candidates lose nothing.

    One 64-bit word with no bit of its own makes nearly every element collide, so the
    signature bound rests on its collision counts; blocks of 1 or 7 candidates split
    a sentence's probes across many blocks.
    """
    monkeypatch.setattr(compare.join, "SIGNATURE_WORDS", words)
    monkeypatch.setattr(compare.join, "DEDICATED", dedicated)
    monkeypatch.setattr(compare.join, "CHUNK", chunk)
    articles = corpus(20 + min_shared, articles=120, content_share=0.3)
    assert_equals_brute_force(articles, AlignConfig(sentence_threshold=0.5, min_shared=min_shared))


@pytest.mark.parametrize("bits", [256, 16, 1])
def test_signature_bound_keeps_every_pair_that_can_align(bits: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """`Bounds.signed` passes every pair whose multiset overlap reaches the need, however crowded the bits.

    Sixteen bits or one put many elements on a bit, so the bound rests on the
    collision counts; at 256 bits it still rejects most pairs that cannot align
    (what the archive's index is spared reading).
    """
    monkeypatch.setattr(compare.align, "SIGNATURE_BITS", bits)
    config = AlignConfig()
    texts = {tokens for a in real_text_corpus(23, articles=50) for tokens in tokenize(a).tokens if len(tokens) >= 4}
    sentences = sorted(texts)
    signatures = [compare.align.sentence_signature(tokens) for tokens in sentences]
    rejected = hopeless = 0
    for record_tokens in sentences[:120]:
        bounds = compare.align.Bounds(
            compare.align._Distinct(record_tokens, frozenset(compare.align.content_words(list(record_tokens))), []), config
        )
        counts = Counter(record_tokens)
        for tokens, (signature, collisions) in zip(sentences, signatures, strict=True):
            overlap = sum((counts & Counter(tokens)).values())
            passed = bounds.signed(len(tokens), signature, collisions)
            if overlap >= bounds.needed(len(tokens)):
                assert passed, (record_tokens, tokens)
            else:
                hopeless += 1
                rejected += not passed
    if bits == 256:
        assert rejected > 0.8 * hopeless, (rejected, hopeless)


@pytest.mark.parametrize("at_once, key_limit", [(1, None), (37, None), (1 << 20, 1000)])
@pytest.mark.parametrize("min_shared", [1, 2])
def test_join_equals_brute_force_whatever_the_runs_of_keys(
    at_once: int, key_limit: int | None, min_shared: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keys made a sentence or a few dozen at a time, or numbered (too many elements for `key * n`), lose nothing."""
    monkeypatch.setattr(compare.join, "KEYS_AT_ONCE", at_once)
    if key_limit is not None:
        monkeypatch.setattr(compare.join, "KEY_LIMIT", key_limit)
    articles = corpus(40 + min_shared, articles=120, content_share=0.3)
    assert_equals_brute_force(articles, AlignConfig(sentence_threshold=0.5, min_shared=min_shared))


@pytest.mark.parametrize("seed, threshold", [(14, 0.5), (15, 0.7)])
def test_real_text_equals_brute_force(seed: int, threshold: float) -> None:
    """On articles stitched from the seeds' and golden cases' sentences, the join equals brute force."""
    assert_equals_brute_force(real_text_corpus(seed), AlignConfig(sentence_threshold=threshold))


def test_pair_exactly_at_threshold_is_found() -> None:
    """A pair whose ratio is exactly the threshold aligns (ratio 4/8 = 0.5)."""
    a = article_from_text("Alpha beta gamma delta.\n", id="a")
    b = article_from_text("Alpha beta epsilon zeta.\n", id="b")
    (alignment,) = align_all([a, b])
    assert [(0, 0, 0.5)] == [(p.left, p.right, p.score) for p in alignment.pairs]


def test_boilerplate_pairs_every_copy_at_score_one() -> None:
    """A line repeated in many articles (twice in one) pairs every copy across articles, at 1.0."""
    line = " ".join(BOILERPLATE[0]).capitalize() + "."
    own = [" ".join(VOCABULARY[6 * n : 6 * n + 6]).capitalize() + "." for n in range(5)]
    articles = [article_from_text(f"{line}\n\n{own[n]}\n", id=f"b{n}") for n in range(5)]
    articles.append(article_from_text(f"{line}\n\n{line}\n", id="b9"))
    found = similar_sentences([tokenize(a) for a in articles])
    expected = {(f"b{m}", f"b{n}"): [(1.0, 0, 0)] for m in range(5) for n in range(m + 1, 5)}
    expected.update({(f"b{m}", "b9"): [(1.0, 0, 0), (1.0, 0, 1)] for m in range(5)})
    assert expected == {k: sorted(v) for k, v in found.items()}


def test_stopwords_carry_a_longer_partner() -> None:
    """A pair sharing two content words aligns on its stopwords, the longer sentence stop-heavy."""
    a = article_from_text("Troops said that it was to be the one.\n", id="a")
    b = article_from_text("Troops said that it was to be the one of them who had tariff.\n", id="b")
    config = AlignConfig(min_shared=1)
    expected = brute_force([tokenize(a), tokenize(b)], config)
    assert expected
    assert expected == similar_sentences([tokenize(a), tokenize(b)], config)


def test_join_without_shared_words_equals_brute_force() -> None:
    """With `min_shared` 0 no index of content words applies; every pair is still found."""
    config = AlignConfig(min_shared=0)
    tokenized = [tokenize(a) for a in corpus(9, articles=60, content_share=0.2)]
    expected = brute_force(tokenized, config)
    assert sum(map(len, expected.values())) > 50
    assert {k: sorted(v) for k, v in expected.items()} == {k: sorted(v) for k, v in similar_sentences(tokenized, config).items()}


def test_join_over_two_processes_equals_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """Blocks of the join scored in two forked workers give the very lists one process gives."""
    monkeypatch.setattr(compare.join, "CHUNK", 64)  # many blocks, so that the work is spread
    spread = []

    def recorded(function: Any, items: Any, jobs: int = 1) -> Any:
        spread.append((len(items), jobs))
        return parallel_map(function, items, jobs)

    monkeypatch.setattr(compare.align, "parallel_map", recorded)
    tokenized = [tokenize(a) for a in corpus(31, articles=200)]
    alone = similar_sentences(tokenized, AlignConfig(), jobs=1)
    assert sum(map(len, alone.values())) > 50
    assert alone == similar_sentences(tokenized, AlignConfig(), jobs=2)
    assert spread[-1][1] == 2 and spread[-1][0] >= 32  # enough blocks for parallel_map to fork


@pytest.mark.parametrize("texts", [[], ["Troops gathered in Tokyo on Sunday."], ["One two.", "Three four."]])
def test_join_of_almost_nothing(texts: list[str]) -> None:
    """No article, one sentence, or sentences too short to align: nothing is found and nothing breaks."""
    articles = [tokenize(article_from_text(t + "\n", id=f"t{n}")) for n, t in enumerate(texts)]
    assert {} == dict(similar_sentences(articles))
