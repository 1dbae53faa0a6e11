"""The similarity join loses nothing: it equals scoring every sentence pair by brute force."""

from __future__ import annotations

import difflib
import itertools
import random

import pytest

from compare.align import AlignConfig, TokenizedArticle, align_all, similar_sentences, tokenize
from compare.ingest import article_from_text
from compare.records import Article

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


def corpus(seed: int, articles: int = 240, per_article: int = 6, content_share: float = 0.55) -> list[Article]:
    """Articles that borrow and rework sentences from a shared pool, as outlets do."""
    rng = random.Random(seed)
    pool = [sentence(rng, content_share) for _ in range(400)]
    made = []
    for number in range(articles):
        picked = [mutate(rng.choice(pool), rng) if rng.random() < 0.7 else sentence(rng) for _ in range(per_article)]
        text = "\n\n".join(" ".join(words).capitalize() + "." for words in picked if words) + "\n"
        made.append(article_from_text(text, id=f"a{number:03d}", date="2025-03-30"))
    return made


def brute_force(tokenized: list[TokenizedArticle], config: AlignConfig) -> dict[tuple[str, str], list[tuple[float, int, int]]]:
    """Score every sentence pair of every article pair by the definition in align's docstring."""
    found: dict[tuple[str, str], list[tuple[float, int, int]]] = {}
    for left, right in itertools.combinations(sorted(tokenized, key=lambda t: t.id), 2):
        for i, a in enumerate(left.tokens):
            for j, b in enumerate(right.tokens):
                if len(a) < config.min_tokens or len(b) < config.min_tokens:
                    continue
                if len(left.content[i] & right.content[j]) < config.min_shared:
                    continue
                score = difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
                if score >= config.sentence_threshold:
                    found.setdefault((left.id, right.id), []).append((score, i, j))
    return found


@pytest.mark.parametrize(
    "seed, threshold, content_share",
    [(1, 0.5, 0.55), (2, 0.5, 0.55), (3, 0.7, 0.55), (4, 0.4, 0.55), (5, 0.5, 0.25), (6, 0.3, 0.2)],
)
def test_join_equals_brute_force(seed: int, threshold: float, content_share: float) -> None:
    """Every aligned sentence pair that brute force finds, the join finds, and no other.

    Stopword-heavy corpora (low content share) test the bound on matched stopwords.
    """
    config = AlignConfig(sentence_threshold=threshold)
    tokenized = [tokenize(a) for a in corpus(seed, content_share=content_share)]
    expected = brute_force(tokenized, config)
    actual = similar_sentences(tokenized, config)
    assert sum(map(len, expected.values())) > 50  # the corpus really overlaps
    assert {k: sorted(v) for k, v in expected.items()} == {k: sorted(v) for k, v in actual.items() if v}


def test_pair_exactly_at_threshold_is_found() -> None:
    """A pair whose ratio is exactly the threshold aligns (ratio 4/8 = 0.5)."""
    a = article_from_text("Alpha beta gamma delta.\n", id="a")
    b = article_from_text("Alpha beta epsilon zeta.\n", id="b")
    (alignment,) = align_all([a, b])
    assert [(0, 0, 0.5)] == [(p.left, p.right, p.score) for p in alignment.pairs]
