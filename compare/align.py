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


def _elements(tokens: Sequence[str]) -> list[tuple[str, int]]:
    """Turn a token multiset into a set: the k-th `the` becomes `("the", k)`."""
    seen: dict[str, int] = defaultdict(int)
    out = []
    for token in tokens:
        seen[token] += 1
        out.append((token, seen[token]))
    return out


def _needed_content(size: int, stops: int, partner_size: int, partner_stops: int, config: AlignConfig) -> int:
    """The fewest content words two sentences must share to align.

    `ratio() = 2M / (|a| + |b|)`, and of the `M` matched tokens at most
    `min(stops_a, stops_b)` are stopwords (or one-letter tokens), so at the
    threshold the content words matched number at least
    `t * (|a| + |b|) / 2 - min(stops_a, stops_b)`; and never fewer than `min_shared`.
    """
    bound = config.sentence_threshold * (size + partner_size) / 2 - min(stops, partner_stops)
    return max(config.min_shared, math.ceil(bound - 1e-9))


def similar_sentences(
    articles: Sequence[TokenizedArticle], config: AlignConfig = AlignConfig()
) -> dict[tuple[str, str], list[tuple[float, int, int]]]:
    """Find every aligned sentence pair across different articles, without visiting all pairs.

    A prefix-filtered similarity join (AllPairs / PPJoin): each sentence's content
    words, as a set of (word, occurrence) elements, are ordered rarest first. Two
    sentences that align share at least `_needed_content` of them, so they share
    one within their prefixes (all elements but `needed - 1`, taking for `needed`
    its smallest value over the partners the length filter allows). Sentences are
    probed against the prefixes indexed so far; a positional bound drops a pair as
    soon as the elements left cannot reach the overlap needed. Survivors pass the
    shared-word count and the multiset bound (`quick_ratio()`'s) before `ratio()` is paid for. The result
    equals scoring every pair (tests/test_align_oracle.py checks it by brute force).

    Returns, per article pair `(left, right)` with `left < right`, the list of
    `(score, left sentence, right sentence)`; the score is `ratio()` with the left
    sentence as the first sequence.
    """
    threshold = config.sentence_threshold
    low = threshold / (2 - threshold)  # the shortest partner, relative to a sentence's length
    by_id = {a.id: a for a in articles}
    elements: dict[SentenceRef, list[tuple[str, int]]] = {}
    frequency: dict[tuple[str, int], int] = defaultdict(int)
    for article in articles:
        for position, tokens in enumerate(article.tokens):
            if len(tokens) < config.min_tokens:
                continue
            ref = (article.id, position)
            elements[ref] = _elements([t for t in tokens if t in article.content[position]])
            for element in elements[ref]:
                frequency[element] += 1

    def size_of(ref: SentenceRef) -> int:
        return len(by_id[ref[0]].tokens[ref[1]])

    index: dict[tuple[str, int], list[tuple[SentenceRef, int, int, int, int]]] = defaultdict(list)
    found: dict[tuple[str, str], list[tuple[float, int, int]]] = defaultdict(list)
    bags: dict[SentenceRef, Counter[str]] = {}
    matcher = difflib.SequenceMatcher(None, autojunk=False)
    for x in sorted(elements, key=lambda r: (size_of(r), r)):
        ordered = sorted(elements[x], key=lambda e: (frequency[e], e))
        size, content = size_of(x), len(ordered)
        stops = size - content
        # The loosest requirement over the partners allowed (no longer than x, as they
        # were processed first; no shorter than the length filter allows): with a
        # partner of length y made all of stopwords, the bound t(|x| + y)/2 - min(s, y)
        # falls until y = s and rises after, so it is loosest at y = s, clamped.
        smallest = max(config.min_tokens, math.ceil(size * low - 1e-9))
        partner = min(max(stops, smallest), size)
        loosest = _needed_content(size, stops, partner, partner, config)
        prefix = content - loosest + 1
        if prefix <= 0:
            continue  # too few content words to align with anything
        shared: dict[SentenceRef, int] = {}
        for p, element in enumerate(ordered[:prefix]):
            for y, q, y_size, y_content, y_stops in index.get(element, ()):
                if y[0] == x[0] or y_size < size * low - 1e-9:
                    continue
                count = shared.get(y, 0)
                if count < 0:
                    continue  # already pruned
                needed = _needed_content(size, stops, y_size, y_stops, config)
                if count + 1 + min(content - p - 1, y_content - q - 1) >= needed:
                    shared[y] = count + 1
                else:
                    shared[y] = -1
        bags[x] = Counter(by_id[x[0]].tokens[x[1]])
        # Each pair is met once, when its later sentence probes: verify it now.
        for y, count in shared.items():
            if count > 0:
                pair = _verify(*((x, y) if x < y else (y, x)), by_id, bags, matcher, config)
                if pair is not None:
                    found[pair[0]].append(pair[1])
        for p, element in enumerate(ordered[:prefix]):
            index[element].append((x, p, size, content, stops))
    return found


def _verify(
    left_ref: SentenceRef,
    right_ref: SentenceRef,
    by_id: dict[str, TokenizedArticle],
    bags: dict[SentenceRef, Counter[str]],
    matcher: difflib.SequenceMatcher[str],
    config: AlignConfig,
) -> tuple[tuple[str, str], tuple[float, int, int]] | None:
    """Score a candidate pair (left article first) if it passes the cheap bounds, else None."""
    threshold = config.sentence_threshold
    (a, i), (b, j) = left_ref, right_ref
    left, right = by_id[a], by_id[b]
    tokens_i, tokens_j = left.tokens[i], right.tokens[j]
    total = len(tokens_i) + len(tokens_j)
    if 2 * min(len(tokens_i), len(tokens_j)) < threshold * total:
        return None  # the length filter: even a full match of the shorter falls short
    if len(left.content[i] & right.content[j]) < config.min_shared:
        return None
    bag_i, bag_j = bags[left_ref], bags[right_ref]
    if len(bag_j) < len(bag_i):
        bag_i, bag_j = bag_j, bag_i
    overlap = sum(min(count, bag_j[token]) for token, count in bag_i.items() if token in bag_j)
    if 2 * overlap < threshold * total:
        return None  # the multiset bound, as quick_ratio() computes it, without its index
    matcher.set_seqs(tokens_i, tokens_j)
    score = matcher.ratio()
    return ((a, b), (score, i, j)) if score >= threshold else None



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
