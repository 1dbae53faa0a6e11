"""Align articles: which sentences report the same thing, and which articles share a story.

Two sentences *align* when difflib's `ratio()` over their folded word tokens
(`lexicon.words`) is at least `AlignConfig.sentence_threshold` and both have at
least `min_tokens` tokens. Candidates come from an inverted index of content
words (a pair must share `min_shared` of them), then the cheap upper bounds
`real_quick_ratio()` and `quick_ratio()` are checked before `ratio()` is paid for.
Each sentence is paired at most once per article pair, best score first, so a
reordered paragraph still finds its partner.

Two articles are in the same *story* when enough of their sentences align and
their dates (where both are known) are close; stories are the connected
components of that relation. Two articles of one story are *near-duplicates*
when most of the shorter one aligns closely: versions of one copy, which do not
confirm each other independently.
"""

from __future__ import annotations

import datetime as dt
import difflib
import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from compare.lexicon import content_words, words
from compare.records import Alignment, Article, SentencePair, Story


@dataclass(frozen=True)
class AlignConfig:
    """Thresholds of the aligner; see the module docstring for their meaning."""

    sentence_threshold: float = 0.5
    min_tokens: int = 4
    min_shared: int = 2
    story_min_pairs: int = 2
    story_min_coverage: float = 0.1
    story_max_days: int = 3
    duplicate_coverage: float = 0.6
    duplicate_score: float = 0.7


@dataclass(frozen=True)
class TokenizedArticle:
    """An article's sentences as folded tokens and as sets of content words."""

    id: str
    tokens: tuple[tuple[str, ...], ...]
    content: tuple[frozenset[str], ...]


def tokenize(article: Article) -> TokenizedArticle:
    """Fold every sentence of `article` into word tokens for alignment."""
    tokens = tuple(tuple(words(s.text)) for s in article.sentences)
    content = tuple(frozenset(content_words(list(t))) for t in tokens)
    return TokenizedArticle(article.id, tokens, content)


def sentence_score(a: Sequence[str], b: Sequence[str]) -> float:
    """Return difflib's ratio of two token sequences (not symmetric in general)."""
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def align_pair(
    left: TokenizedArticle, right: TokenizedArticle, config: AlignConfig = AlignConfig()
) -> Alignment:
    """Align the sentences of two articles, one partner per sentence, best first."""
    index: dict[str, list[int]] = defaultdict(list)
    for j, words_j in enumerate(right.content):
        for word in words_j:
            index[word].append(j)

    scored: list[tuple[float, int, int]] = []
    for i, tokens_i in enumerate(left.tokens):
        if len(tokens_i) < config.min_tokens:
            continue
        shared: dict[int, int] = defaultdict(int)
        for word in left.content[i]:
            for j in index.get(word, ()):
                shared[j] += 1
        matcher = difflib.SequenceMatcher(None, autojunk=False)
        matcher.set_seq1(tokens_i)
        for j, count in shared.items():
            tokens_j = right.tokens[j]
            if count < config.min_shared or len(tokens_j) < config.min_tokens:
                continue
            matcher.set_seq2(tokens_j)
            threshold = config.sentence_threshold
            if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
                continue
            score = matcher.ratio()
            if score >= threshold:
                scored.append((score, i, j))

    scored.sort(key=lambda item: (-item[0], item[1], item[2]))
    used_left: set[int] = set()
    used_right: set[int] = set()
    pairs = []
    for score, i, j in scored:
        if i in used_left or j in used_right:
            continue
        used_left.add(i)
        used_right.add(j)
        pairs.append(SentencePair(i, j, round(score, 4)))
    pairs.sort(key=lambda p: (p.left, p.right))
    shorter = min(len(left.tokens), len(right.tokens)) or 1
    return Alignment(left.id, right.id, tuple(pairs), round(len(pairs) / shorter, 4))


def align_all(
    articles: Sequence[Article], config: AlignConfig = AlignConfig()
) -> tuple[Alignment, ...]:
    """Align every pair of articles that shares at least one aligned sentence.

    Pairs of articles with no content word in common are never compared.
    """
    tokenized = {a.id: tokenize(a) for a in articles}
    vocab: dict[str, set[str]] = defaultdict(set)
    for tok in tokenized.values():
        for sentence_words in tok.content:
            for word in sentence_words:
                vocab[word].add(tok.id)
    candidates: set[tuple[str, str]] = set()
    for ids in vocab.values():
        if 1 < len(ids) < len(articles) + 1:
            for a, b in itertools.combinations(sorted(ids), 2):
                candidates.add((a, b))
    alignments = []
    for a, b in sorted(candidates):
        alignment = align_pair(tokenized[a], tokenized[b], config)
        if alignment.pairs:
            alignments.append(alignment)
    return tuple(alignments)


def _days_apart(a: str | None, b: str | None) -> int | None:
    if not a or not b or len(a) < 10 or len(b) < 10:
        return None
    return abs((dt.date.fromisoformat(a[:10]) - dt.date.fromisoformat(b[:10])).days)


def same_story(
    alignment: Alignment, dates: dict[str, str | None], config: AlignConfig = AlignConfig()
) -> bool:
    """True if two aligned articles report the same story."""
    if len(alignment.pairs) < config.story_min_pairs:
        return False
    if alignment.coverage < config.story_min_coverage:
        return False
    gap = _days_apart(dates.get(alignment.left), dates.get(alignment.right))
    return gap is None or gap <= config.story_max_days


def is_near_duplicate(alignment: Alignment, config: AlignConfig = AlignConfig()) -> bool:
    """True if two articles are versions of one copy rather than independent reports."""
    if alignment.coverage < config.duplicate_coverage or not alignment.pairs:
        return False
    mean = sum(p.score for p in alignment.pairs) / len(alignment.pairs)
    return mean >= config.duplicate_score


def group_stories(
    articles: Sequence[Article],
    alignments: Iterable[Alignment],
    config: AlignConfig = AlignConfig(),
) -> tuple[Story, ...]:
    """Group articles into stories: connected components of `same_story`.

    Every article belongs to exactly one story; an article that shares no story
    is a story of its own. Story ids are `S1`, `S2`, ... in order of their first
    article id, so they do not depend on input order.
    """
    dates = {a.id: a.date for a in articles}
    parent = {a.id: a.id for a in articles}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    alignments = list(alignments)
    for alignment in alignments:
        if same_story(alignment, dates, config):
            root_a, root_b = find(alignment.left), find(alignment.right)
            if root_a != root_b:
                parent[max(root_a, root_b)] = min(root_a, root_b)

    members: dict[str, list[str]] = defaultdict(list)
    for article in articles:
        members[find(article.id)].append(article.id)
    groups = sorted(sorted(ids) for ids in members.values())
    stories = []
    for number, ids in enumerate(groups, start=1):
        duplicates = tuple(
            sorted(
                (a.left, a.right)
                for a in alignments
                if a.left in ids and a.right in ids and is_near_duplicate(a, config)
            )
        )
        stories.append(Story(f"S{number}", tuple(ids), duplicates))
    return tuple(stories)
