"""Align articles: which sentences report the same thing, and which articles share a story.

Two sentences of two different articles *align* when both have at least
`AlignConfig.min_tokens` folded word tokens (`lexicon.words`), they share at
least `min_shared` content words, and difflib's `ratio()` over their tokens
(the sentence of the article with the smaller id first) is at least
`sentence_threshold`. Every such pair is found by a prefix-filtered similarity
join over all sentences (`similar_sentences`), not by visiting every pair of
articles or sentences; the cheap bounds (length, shared words, `quick_ratio()`)
are checked before `ratio()` is paid for. Each sentence is then paired at most
once per article pair, best score first, so a reordered paragraph still finds
its partner.

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
import math
from collections import Counter, defaultdict
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


SentenceRef = tuple[str, int]  # (article id, sentence index)
Scored = dict[tuple[str, str], list[tuple[float, int, int]]]
EPSILON = 1e-9  # float slack, so that a bound never excludes a pair exactly at the threshold


@dataclass
class _Distinct:
    """One distinct token sequence of the corpus and every sentence that has it."""

    tokens: tuple[str, ...]
    content: frozenset[str]
    refs: list[SentenceRef]
    elements: frozenset[int] = frozenset()  # token occurrences, as ranks: see `_rank_elements`
    ordered: tuple[int, ...] = ()  # the same, rarest first


def _distinct_sentences(articles: Sequence[TokenizedArticle], config: AlignConfig) -> list[_Distinct]:
    """Group the sentences that could align with anything by their token sequence.

    Copies of one sentence (boilerplate, a story's recurring line) become one record:
    they are joined once, and among themselves score 1.0 without `ratio()`. A sentence
    shorter than `min_tokens`, or with fewer than `min_shared` content words, aligns
    with nothing and is left out. `content` is a function of `tokens` (`tokenize`).
    """
    by_tokens: dict[tuple[str, ...], _Distinct] = {}
    for article in articles:
        for position, tokens in enumerate(article.tokens):
            if len(tokens) < config.min_tokens or len(article.content[position]) < config.min_shared:
                continue
            record = by_tokens.get(tokens)
            if record is None:
                by_tokens[tokens] = record = _Distinct(tokens, article.content[position], [])
            record.refs.append((article.id, position))
    return list(by_tokens.values())


def _rank_elements(distinct: list[_Distinct]) -> None:
    """Turn each token multiset into a set of ranks: the k-th `the` is the element `("the", k)`.

    Ranks order the elements rarest first (fewest distinct sentences, then by value), so
    a prefix holds a sentence's rarest elements; `|elements_a & elements_b|` is the
    multiset overlap of the two token sequences, the bound `quick_ratio()` computes.
    """
    per_sentence = [_elements(d.tokens) for d in distinct]
    frequency: Counter[tuple[str, int]] = Counter()
    for elements in per_sentence:
        frequency.update(elements)
    rank = {e: r for r, e in enumerate(sorted(frequency, key=lambda e: (frequency[e], e)))}
    for record, elements in zip(distinct, per_sentence, strict=True):
        ordered = sorted(rank[e] for e in elements)
        record.ordered = tuple(ordered)
        record.elements = frozenset(ordered)


def _elements(tokens: Sequence[str]) -> list[tuple[str, int]]:
    """Turn a token multiset into a set: the k-th `the` becomes `("the", k)`."""
    seen: dict[str, int] = defaultdict(int)
    out = []
    for token in tokens:
        seen[token] += 1
        out.append((token, seen[token]))
    return out


def _overlap_needed(size: int, partner: int, config: AlignConfig) -> int:
    """The fewest tokens two sentences of these lengths must share (as multisets) to align.

    `ratio() = 2M / (|a| + |b|)` and the `M` tokens of the matching blocks are shared,
    so at the threshold they share at least `t * (|a| + |b|) / 2`; and, sharing
    `min_shared` content words, at least that many.
    """
    return max(config.min_shared, math.ceil(config.sentence_threshold * (size + partner) / 2 - EPSILON))


def similar_sentences(articles: Sequence[TokenizedArticle], config: AlignConfig = AlignConfig()) -> Scored:
    """Find every aligned sentence pair across different articles, without visiting all pairs.

    Copies of one token sequence are joined once (`_distinct_sentences`). Distinct
    sentences then go through a prefix-filtered similarity join (AllPairs / PPJoin)
    over their token multisets, elements ordered rarest first (`_rank_elements`):
    two sentences that align share at least `_overlap_needed` elements, so the first
    element they share lies within the first `size - needed + 1` elements of each.
    Sentences are visited shortest first; each probes the index with the prefix its
    shortest allowed partner requires, and is indexed with the shorter prefix its
    longer partners require (a partner of the same length or longer needs an overlap
    of at least `t * size`). Postings too short for the length filter are skipped for
    good, and a positional bound drops a pair as soon as the elements left cannot
    reach the overlap needed. Survivors pass the shared-content count and the exact
    multiset overlap before `ratio()` is paid for. The result equals scoring every
    pair (tests/test_align_oracle.py checks it by brute force).

    Returns, per article pair `(left, right)` with `left < right`, the list of
    `(score, left sentence, right sentence)`; the score is `ratio()` with the left
    sentence as the first sequence.
    """
    threshold = config.sentence_threshold
    found: Scored = defaultdict(list)
    distinct = _distinct_sentences(articles, config)
    for record in distinct:
        _expand_copies(record, found)
    if _overlap_needed(config.min_tokens, config.min_tokens, config) < 1:
        # Degenerate thresholds: pairs that share nothing align, and no index finds them.
        for number, record in enumerate(distinct):
            for partner in distinct[:number]:
                _verify(record, partner, config, found)
        return found
    _rank_elements(distinct)
    distinct.sort(key=lambda d: (len(d.tokens), d.refs[0]))
    low = threshold / (2 - threshold) if threshold < 2 else 1.0  # the shortest partner, relative
    postings: dict[int, list[tuple[int, int]]] = defaultdict(list)  # element -> (sentence, position)
    skip: dict[int, int] = defaultdict(int)  # element -> postings too short for every later probe
    for number, record in enumerate(distinct):
        size = len(record.tokens)
        shortest = max(config.min_tokens, math.ceil(size * low - EPSILON))
        probe = size - _overlap_needed(size, shortest, config) + 1
        shared: dict[int, int] = {}
        for p, element in enumerate(record.ordered[:probe]):
            entries = postings.get(element)
            if not entries:
                continue
            start = skip[element]
            while start < len(entries) and len(distinct[entries[start][0]].tokens) < shortest:
                start += 1  # sentences are visited shortest first: too short now, too short for good
            skip[element] = start
            for other, q in entries[start:]:
                count = shared.get(other, 0)
                if count < 0:
                    continue  # already pruned
                other_size = len(distinct[other].tokens)
                if count + 1 + min(size - p - 1, other_size - q - 1) >= _overlap_needed(size, other_size, config):
                    shared[other] = count + 1
                else:
                    shared[other] = -1
        for other, count in shared.items():
            if count > 0:
                _verify(record, distinct[other], config, found)
        index_prefix = size - max(1, _overlap_needed(size, size, config)) + 1
        for q, element in enumerate(record.ordered[:index_prefix]):
            postings[element].append((number, q))
    return found


def _expand_copies(record: _Distinct, found: Scored) -> None:
    """Pair the copies of one sentence in different articles: identical, so score 1.0."""
    for (a, i), (b, j) in itertools.combinations(sorted(record.refs), 2):
        if a != b:
            found[(a, b)].append((1.0, i, j))


def _verify(x: _Distinct, y: _Distinct, config: AlignConfig, found: Scored) -> None:
    """Score a candidate pair of distinct sentences, if it passes the cheap bounds, for every article pair."""
    if len(x.content & y.content) < config.min_shared:
        return
    if len(x.elements & y.elements) < _overlap_needed(len(x.tokens), len(y.tokens), config):
        return  # the multiset bound, as quick_ratio() computes it; it implies the length filter
    scores: dict[bool, float] = {}  # x first?, ratio
    for a, i in x.refs:
        for b, j in y.refs:
            if a == b:
                continue
            x_first = a < b
            if x_first not in scores:
                first, second = (x, y) if x_first else (y, x)
                matcher = difflib.SequenceMatcher(None, first.tokens, second.tokens, autojunk=False)
                scores[x_first] = matcher.ratio()
            score = scores[x_first]
            if score >= config.sentence_threshold:
                found[(a, b) if x_first else (b, a)].append((score, i, j) if x_first else (score, j, i))


def _pair_up(left: str, right: str, scored: list[tuple[float, int, int]], shorter: int) -> Alignment:
    """One partner per sentence, best score first, so a reordered paragraph finds its partner."""
    used_left: set[int] = set()
    used_right: set[int] = set()
    pairs = []
    for score, i, j in sorted(scored, key=lambda item: (-item[0], item[1], item[2])):
        if i in used_left or j in used_right:
            continue
        used_left.add(i)
        used_right.add(j)
        pairs.append(SentencePair(i, j, round(score, 4)))
    pairs.sort(key=lambda p: (p.left, p.right))
    return Alignment(left, right, tuple(pairs), round(len(pairs) / max(shorter, 1), 4))


def align_pair(
    left: TokenizedArticle, right: TokenizedArticle, config: AlignConfig = AlignConfig()
) -> Alignment:
    """Align the sentences of two articles, one partner per sentence, best first."""
    if right.id < left.id:
        left, right = right, left
    scored = similar_sentences([left, right], config).get((left.id, right.id), [])
    return _pair_up(left.id, right.id, scored, min(len(left.tokens), len(right.tokens)))


def align_all(
    articles: Sequence[Article], config: AlignConfig = AlignConfig()
) -> tuple[Alignment, ...]:
    """Align every pair of articles that has at least one aligned sentence."""
    tokenized = {a.id: tokenize(a) for a in articles}
    found = similar_sentences(list(tokenized.values()), config)
    return tuple(
        _pair_up(a, b, scored, min(len(tokenized[a].tokens), len(tokenized[b].tokens)))
        for (a, b), scored in sorted(found.items())
    )


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
