"""Align articles: which sentences report the same thing, and which articles share a story.

Two sentences of two different articles *align* when both have at least
`AlignConfig.min_tokens` folded word tokens (`lexicon.words`), they share at
least `min_shared` content words, and difflib's `ratio()` over their tokens
(the sentence of the article with the smaller id first) is at least
`sentence_threshold`; unless one of them is *boilerplate*, sentences so widespread
that they would pair every article that carries them and link unrelated articles
into one story (disclaimers, the rows of results tables: `Shr # cts vs # cts` is in
780 Reuters articles):

- a sentence whose *shape* (its tokens with every number masked, `sentence_shape`)
  occurs in more than `boilerplate_articles` articles is not joined at all;
- of the rest, a sentence that aligns with sentences of more than
  `boilerplate_articles` other articles is *widely aligned* and loses all its
  pairs; the partners of the other sentences are chosen among the rest.

Boilerplate is reported as records (`Boilerplate`, one per shape of either kind), not
as pairs. Every aligned pair is found by a prefix-filtered similarity join over the
distinct sentences (`similar_sentences`), not by visiting every pair of articles or
sentences: copies of one sentence are joined once and score 1.0 among themselves;
cheap bounds (on the multiset overlap `quick_ratio()` computes, which implies the
length filter, and the shared content words) are checked before `ratio()` is paid
for. Each sentence is then paired at most once per article pair, best score first, so
a reordered paragraph still finds its partner.

Two articles are in the same *story* when enough of their sentences align and
their dates (where both are known) are close; stories are the connected
components of that relation. Two articles of one story are *near-duplicates*
when most of the shorter one aligns closely: versions of one copy, which do not
confirm each other independently.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from cydifflib import SequenceMatcher

from compare import join
from compare.lexicon import content_words, words
from compare.parallel import parallel_map
from compare.records import Alignment, Article, Boilerplate, Sentence, SentencePair, Shape, Story


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
    boilerplate_articles: int = 50


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


def sentence_shape(tokens: Sequence[str]) -> Shape:
    """A sentence's tokens with every number masked (`#`): what the lines of a template share.

    `Shr 34 cts vs 1.19 dlrs` and `Shr 22 cts vs 30 cts` have different shapes;
    `Net 807,000 vs 2,858,000` and `Net 512,000 vs 1,004,000` have one.
    """
    if not any(map(str.isdigit, tokens)):  # most sentences: twice as fast as building a copy
        return tuple(tokens)
    return tuple(["#" if token.isdigit() else token for token in tokens])


def _alignable(tokens: tuple[str, ...], content: frozenset[str], config: AlignConfig) -> bool:
    return len(tokens) >= config.min_tokens and len(content) >= config.min_shared


def shape_counts(article: TokenizedArticle, config: AlignConfig) -> Counter[Shape]:
    """How many alignable sentences of `article` have each shape."""
    return Counter(
        sentence_shape(tokens)
        for tokens, content in zip(article.tokens, article.content, strict=True)
        if _alignable(tokens, content, config)
    )


def find_boilerplate(
    articles: Iterable[TokenizedArticle],
    config: AlignConfig = AlignConfig(),
    sentences: Callable[[str], Sequence[Sentence]] | None = None,
) -> dict[Shape, Boilerplate]:
    """The shapes of alignable sentences in more than `boilerplate_articles` articles, as records.

    `sentences(article id)` gives an article's sentences, for the example's text
    and line (without it they are left empty).
    """
    by_id = {a.id: a for a in articles}
    carriers: dict[Shape, dict[str, int]] = defaultdict(dict)  # shape -> article id -> its sentences of it
    for article in by_id.values():
        for shape, count in shape_counts(article, config).items():
            carriers[shape][article.id] = count
    return {
        shape: shape_record(shape, counts, by_id[min(counts)], config, sentences)
        for shape, counts in carriers.items()
        if len(counts) > config.boilerplate_articles
    }


def shape_record(
    shape: Shape,
    counts: Mapping[str, int],
    first: TokenizedArticle,
    config: AlignConfig,
    sentences: Callable[[str], Sequence[Sentence]] | None = None,
) -> Boilerplate:
    """The record of a boilerplate `shape` carried by the articles of `counts` (id -> sentences of it), `first` the least id."""
    index = next(
        i for i, t in enumerate(first.tokens) if _alignable(t, first.content[i], config) and sentence_shape(t) == shape
    )
    return _record(shape, False, frozenset(counts), sum(counts.values()), (first.id, index), sentences)


def _record(
    shape: Shape,
    paired: bool,
    ids: frozenset[str],
    count: int,
    first: SentenceRef,
    sentences: Callable[[str], Sequence[Sentence]] | None,
) -> Boilerplate:
    example = sentences(first[0])[first[1]] if sentences else None
    line, text = (example.line, example.text) if example else (0, "")
    return Boilerplate(shape, paired, len(ids), count, first[0], line, text, ids)


Scored = dict[tuple[str, str], list[tuple[float, int, int]]]
RARE = 64  # a content element in at most this many distinct sentences is a key by itself: see `_keys`


@dataclass
class _Distinct:
    """One distinct token sequence of the corpus and every sentence that has it.

    `keys` are its content elements as ranks, rarest first (see `_rank_elements`);
    `stops` counts its other tokens.
    """

    tokens: tuple[str, ...]
    content: frozenset[str]
    refs: list[SentenceRef]
    keys: tuple[int, ...] = ()
    stops: int = 0


def _distinct_sentences(
    articles: Sequence[TokenizedArticle], config: AlignConfig, boilerplate: Collection[Shape] = ()
) -> list[_Distinct]:
    """Group the sentences that could align with anything by their token sequence.

    Copies of one sentence (a story's recurring line) become one record: they are
    joined once, and among themselves score 1.0 without `ratio()`. A sentence
    shorter than `min_tokens`, with fewer than `min_shared` content words, or with
    a `boilerplate` shape, aligns with nothing and is left out. `content` is a
    function of `tokens` (`tokenize`).
    """
    by_tokens: dict[tuple[str, ...], _Distinct] = {}
    for article in articles:
        for position, tokens in enumerate(article.tokens):
            if not _alignable(tokens, article.content[position], config):
                continue
            if boilerplate and sentence_shape(tokens) in boilerplate:
                continue
            record = by_tokens.get(tokens)
            if record is None:
                by_tokens[tokens] = record = _Distinct(tokens, article.content[position], [])
            record.refs.append((article.id, position))
    return list(by_tokens.values())


def _rank_elements(distinct: list[_Distinct], rare: int) -> tuple[int, np.ndarray, np.ndarray]:
    """Turn each token multiset into a set of ranks: the k-th `the` is the element `("the", k)`.

    Content elements rank first, rarest first (fewest distinct sentences, then by
    value), so a sentence's leading ranks are its rarest content words; then the
    stopword elements. The size of the intersection of two sentences' elements is
    the multiset overlap of their token sequences, the bound `quick_ratio()`
    computes (the join's signatures bound it). Returns the first rank of a content
    element in more than `rare` distinct sentences, every record's elements,
    ascending, one record after the other, and how many of each record's are
    content elements.
    """
    common, elements, contents, _ = _assign_ranks(distinct, rare, keyed=False)
    return common, elements, contents


def _element_ranks(distinct: list[_Distinct], rare: int) -> tuple[dict[tuple[str, int], int], int]:
    """`_rank_elements`, setting each record's `keys` and `stops` and returning the rank of every element."""
    common, _, _, ranks = _assign_ranks(distinct, rare, keyed=True)
    return ranks(), common


def _assign_ranks(
    distinct: list[_Distinct], rare: int, *, keyed: bool
) -> tuple[int, np.ndarray, np.ndarray, Callable[[], dict[tuple[str, int], int]]]:
    """Rank the elements of `distinct` (`_rank_elements`); if `keyed`, set each record's `keys` and `stops`.

    Returns `common`, the records' elements, their content counts and a function
    giving every element's rank.

    The ranks by element (`("the", 2)`) are for an archive's index; the join needs
    only the records' ranks, and naming every element costs a third as much again.

    In numpy over all tokens at once: each token becomes an int (its word), the
    k-th occurrence of a word in a sentence the element `word * depth + k`, and
    an element's frequency is the count of that code (a sentence has it once).
    """
    vocabulary: defaultdict[str, int] = defaultdict(itertools.count().__next__)
    tokens = itertools.chain.from_iterable(d.tokens for d in distinct)
    flat = np.fromiter(map(vocabulary.__getitem__, tokens), dtype=np.int64)
    lengths = np.fromiter((len(d.tokens) for d in distinct), dtype=np.int64, count=len(distinct))
    owner = np.repeat(np.arange(len(distinct), dtype=np.int64), lengths)
    # The k-th occurrence: the place in the run of one word within one sentence, the
    # runs found by a stable sort on (sentence, word), which keeps positions in order.
    words = list(vocabulary)
    by_word = np.argsort(owner * max(len(words), 1) + flat, kind="stable")
    sorted_flat, place = flat[by_word], np.arange(len(flat))
    run = np.r_[len(flat) > 0, (owner[by_word][1:] != owner[by_word][:-1]) | (sorted_flat[1:] != sorted_flat[:-1])]
    occurrence = np.empty(len(flat), dtype=np.int64)
    occurrence[by_word] = place - np.maximum.accumulate(np.where(run, place, 0)) + 1
    depth = int(occurrence.max(initial=0)) + 1
    codes, element, frequency = _count_codes(flat * depth + occurrence, len(words) * depth)
    is_content = np.fromiter((bool(content_words([w])) for w in words), dtype=bool, count=len(words))
    alphabetical = np.empty(len(words), dtype=np.int64)
    alphabetical[sorted(range(len(words)), key=words.__getitem__)] = np.arange(len(words))
    word, k = codes // depth, codes % depth
    # Content elements first, rarest first, then by value (word, k).
    ranked = np.lexsort((k, alphabetical[word], frequency, ~is_content[word]))
    rank_of = np.empty(len(codes), dtype=np.int64)
    rank_of[ranked] = np.arange(len(codes))
    # Each sentence's ranks ascending: its content elements (all ranked before any stopword) lead.
    span = owner * max(len(codes), 1)
    elements = np.sort(span + rank_of[element]) - span
    contents = np.bincount(owner, weights=is_content[flat], minlength=len(distinct)).astype(np.int64)
    if keyed:
        ordered, start = elements.tolist(), 0
        for record, size, content in zip(distinct, lengths.tolist(), contents.tolist(), strict=True):
            record.keys = tuple(ordered[start : start + content])
            record.stops = size - content
            start += size
    common = int(np.count_nonzero(is_content[word] & (frequency <= rare)))

    def ranks() -> dict[tuple[str, int], int]:
        names = ((words[w], n) for w, n in zip(word.tolist(), k.tolist(), strict=True))
        return dict(zip(names, rank_of.tolist(), strict=True))

    return common, elements, contents, ranks


def _count_codes(codes: np.ndarray, span: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """`np.unique(codes, return_inverse=True, return_counts=True)`, by counting when the codes are few (< `span`)."""
    if span > 1 << 25:
        return np.unique(codes, return_inverse=True, return_counts=True)  # type: ignore[no-any-return]
    counts = np.bincount(codes, minlength=span)
    present = np.flatnonzero(counts)
    index = np.zeros(span, dtype=np.int64)
    index[present] = np.arange(len(present))
    return present, index[codes], counts[present]


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
    return join.overlap_needed(size, partner, _limits(config))


def _content_needed(record: _Distinct, partners: range, config: AlignConfig) -> int:
    """The fewest content elements `record` must share with a partner whose length is in `partners`."""
    return join.content_needed(len(record.tokens), record.stops, partners, _limits(config))


def similar_sentences(
    articles: Sequence[TokenizedArticle],
    config: AlignConfig = AlignConfig(),
    jobs: int = 1,
    boilerplate: Collection[Shape] | None = None,
    *,
    skip_widespread: bool = False,
) -> Scored:
    """Find every aligned sentence pair across different articles, without visiting all pairs.

    With `skip_widespread`, a pair of two distinct sentences each already found
    (in this process) to align in more than `boilerplate_articles` other articles,
    every copy of each, is not scored: both are widely aligned and lose their pairs
    anyway (`settle`), and neither's count can change the outcome. The result then
    lacks only such pairs, so `widely_paired` and `settle` give what they give on
    the whole join (tests/test_align_oracle.py). On BBC + Reuters the join then
    scores 367 k sentence pairs instead of 1.09 M.

    Sentences with a `boilerplate` shape (by default `find_boilerplate(articles)`)
    align with nothing. Copies of one token sequence are joined once
    (`_distinct_sentences`). Distinct
    sequences are joined by `compare.join`, a prefix-filtered similarity join with
    cheap upper bounds in numpy on the multiset overlap (`quick_ratio()`'s bound,
    which implies the length filter); the candidates it returns pass the
    shared-content count before `ratio()` is paid for, over `jobs` processes a
    block of the join at a time. The result equals scoring every pair
    (tests/test_align_oracle.py checks it by brute force) and does not depend on
    `jobs`.

    Returns, per article pair `(left, right)` with `left < right`, the list of
    `(score, left sentence, right sentence)`; the score is `ratio()` with the left
    sentence as the first sequence.
    """
    found: Scored = defaultdict(list)
    if boilerplate is None:
        boilerplate = find_boilerplate(articles, config)
    distinct = _distinct_sentences(articles, config, boilerplate)
    for record in distinct:
        _expand_copies(record, found)
    if config.min_shared < 1:
        # `min_shared` 0: sentences that share no content word may align, and no index of
        # content words finds them; score every pair (correct, quadratic).
        for number, record in enumerate(distinct):
            admits = Bounds(record, config)
            for partner in distinct[:number]:
                if admits(partner.tokens):
                    _score(record, partner, config, found)
        return found
    distinct.sort(key=lambda d: (len(d.tokens), d.refs[0]))  # the join's order; the ranks do not depend on it
    common, elements, contents = _rank_elements(distinct, RARE)
    columns = join.Columns(sizes=[len(d.tokens) for d in distinct], contents=contents, elements=elements, common=common)
    global _JOINING
    _JOINING = (join.plan(columns, _limits(config)), distinct, config, skip_widespread)
    _PARTNERS.clear()
    _SETTLED.clear()
    try:
        for part in parallel_map(_score_block, _JOINING[0].blocks, jobs):
            for key, scored in part:
                found[key].extend(scored)
    finally:
        _JOINING = None
        _PARTNERS.clear()
        _SETTLED.clear()
    return found


# The running join of `similar_sentences`, inherited by forked workers (not pickled).
_JOINING: tuple[join.Plan, list[_Distinct], AlignConfig, bool] | None = None
# With `skip_widespread`: the articles each sentence was found to align with in this
# process, and the distinct sentences all of whose copies align in too many.
_PARTNERS: dict[SentenceRef, set[str]] = {}
_SETTLED: set[int] = set()


def _score_block(block: slice) -> list[tuple[tuple[str, str], list[tuple[float, int, int]]]]:
    """Check and score the candidates of one block of the running join."""
    assert _JOINING is not None
    plan, distinct, config, skip = _JOINING
    limit = config.boilerplate_articles
    found: Scored = defaultdict(list)
    for x, y in zip(*plan.candidates(block), strict=True):
        if skip and x in _SETTLED and y in _SETTLED:
            continue
        record, partner = distinct[x], distinct[y]
        if len(record.content & partner.content) >= config.min_shared:
            _score(record, partner, config, found, _PARTNERS if skip else None)
            if skip:
                for number, sentence in ((x, record), (y, partner)):
                    if number not in _SETTLED and all(len(_PARTNERS.get(ref, ())) > limit for ref in sentence.refs):
                        _SETTLED.add(number)
    return list(found.items())


@functools.cache
def _limits(config: AlignConfig) -> join.Thresholds:
    return join.Thresholds(config.sentence_threshold, config.min_tokens, config.min_shared)


def _keys(prefix: Sequence[int], width: int, common: int, radix: int) -> Iterator[int]:
    """The index keys of a prefix of content elements (ranks, rarest first), each as one int.

    A pair of sentences is met through its rarest shared element `e` when `e` ranks
    below `common` (its postings are short), else through the pair of its two rarest
    shared elements (a pair of common words is far rarer than either word); both
    sentences decide alike, as the ranks are global. `width` 1 (`min_shared` 1):
    single elements only, the last element of `prefix` included.
    """
    if width == 1:
        yield from prefix
        return
    for position, first in enumerate(prefix[:-1]):
        if first < common:
            yield first
        else:
            for second in prefix[position + 1 :]:
                yield (first + 1) * radix + second


def _expand_copies(record: _Distinct, found: Scored) -> None:
    """Pair the copies of one sentence in different articles: identical, so score 1.0."""
    for (a, i), (b, j) in itertools.combinations(sorted(record.refs), 2):
        if a != b:
            found[(a, b)].append((1.0, i, j))


def _ratio(first: Sequence[str], second: Sequence[str]) -> float:
    """difflib's `SequenceMatcher(None, first, second, autojunk=False).ratio()`.

    Computed by cydifflib, a compiled port of difflib's algorithm that returns the
    same matching blocks and so the same float, about three times as fast; it is
    the cost of aligning once candidates are few (tests/test_align.py compares
    the two on real and random token sequences).
    """
    return float(SequenceMatcher(None, first, second, autojunk=False).ratio())


def _score(
    x: _Distinct, y: _Distinct, config: AlignConfig, found: Scored, partners: dict[SentenceRef, set[str]] | None = None
) -> None:
    """Score an aligned-looking pair of distinct sentences for every article pair they occur in.

    `partners`, if given, gains the other article of every aligned pair, for each side.
    """
    scores: dict[bool, float] = {}  # x first?, ratio
    for a, i in x.refs:
        for b, j in y.refs:
            if a == b:
                continue
            x_first = a < b
            if x_first not in scores:
                first, second = (x, y) if x_first else (y, x)
                scores[x_first] = _ratio(first.tokens, second.tokens)
            score = scores[x_first]
            if score >= config.sentence_threshold:
                found[(a, b) if x_first else (b, a)].append((score, i, j) if x_first else (score, j, i))
                if partners is not None:
                    partners.setdefault((a, i), set()).add(b)
                    partners.setdefault((b, j), set()).add(a)


def _pair_up(left: str, right: str, scored: list[tuple[float, int, int]], shorter: int) -> Alignment:
    """One partner per sentence, best score first, so a reordered paragraph finds its partner."""
    if len(scored) == 1:  # most pairs of articles share one sentence (a template line)
        score, i, j = scored[0]
        only = (SentencePair(i, j, round(score, 4)),)
        return Alignment(left, right, only, _coverage(only, shorter))
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
    return Alignment(left, right, tuple(pairs), _coverage(pairs, shorter))


def _coverage(pairs: Sequence[SentencePair], shorter: int) -> float:
    """The share of the shorter article's sentences that are paired."""
    return round(len(pairs) / max(shorter, 1), 4)


def align_pair(
    left: TokenizedArticle, right: TokenizedArticle, config: AlignConfig = AlignConfig()
) -> Alignment:
    """Align the sentences of two articles, one partner per sentence, best first."""
    if right.id < left.id:
        left, right = right, left
    scored = similar_sentences([left, right], config).get((left.id, right.id), [])
    return _pair_up(left.id, right.id, scored, min(len(left.tokens), len(right.tokens)))


def align_all(
    articles: Sequence[Article], config: AlignConfig = AlignConfig(), jobs: int = 1
) -> tuple[Alignment, ...]:
    """Align every pair of articles that has at least one aligned sentence (the join over `jobs` processes)."""
    return align_corpus(articles, config, jobs)[0]


def align_corpus(
    articles: Sequence[Article], config: AlignConfig = AlignConfig(), jobs: int = 1
) -> tuple[tuple[Alignment, ...], tuple[Boilerplate, ...]]:
    """`align_all`, and the corpus' boilerplate (see the module docstring), which aligns with nothing."""
    tokenized = {a.id: tokenize(a) for a in articles}
    by_id = {a.id: a for a in articles}
    shapes = find_boilerplate(tokenized.values(), config, lambda article_id: by_id[article_id].sentences)
    found = similar_sentences(list(tokenized.values()), config, jobs, shapes, skip_widespread=True)
    lengths = {a.id: len(a.sentences) for a in articles}
    raw = [(a, b, found[(a, b)]) for a, b in sorted(found)]  # as `raw_alignments`, without building them
    widespread = widely_paired(_partner_counts(raw), config)
    paired = paired_boilerplate(
        widespread, lambda ref: sentence_shape(tokenized[ref[0]].tokens[ref[1]]), lambda i: by_id[i].sentences
    )
    return _settle(raw, widespread, lengths), sort_boilerplate([*shapes.values(), *paired])


def sort_boilerplate(records: Iterable[Boilerplate]) -> tuple[Boilerplate, ...]:
    """Boilerplate records, the most widespread first."""
    return tuple(sorted(records, key=lambda b: (-b.articles, -b.sentences, b.shape, b.paired)))


# An article pair's scored sentence pairs, `(left id, right id, [(score, i, j), ...])`: what
# `similar_sentences` finds, and what a raw alignment holds.
ScoredPairs = tuple[str, str, Sequence[tuple[float, int, int]]]


def partner_counts(alignments: Iterable[Alignment]) -> Counter[SentenceRef]:
    """For each aligned sentence, the number of other articles it aligns with (from raw alignments)."""
    return _partner_counts(_scored_pairs(a) for a in alignments)


def _partner_counts(article_pairs: Iterable[ScoredPairs]) -> Counter[SentenceRef]:
    counts: Counter[SentenceRef] = Counter()
    for left, right, scored in article_pairs:
        counts.update({(left, i) for _, i, _ in scored})
        counts.update({(right, j) for _, _, j in scored})
    return counts


def widely_paired(counts: Mapping[SentenceRef, int], config: AlignConfig) -> frozenset[SentenceRef]:
    """The widely aligned sentences: aligned with sentences of more than `boilerplate_articles` other articles."""
    return frozenset(ref for ref, count in counts.items() if count > config.boilerplate_articles)


def raw_alignments(found: Scored, lengths: Mapping[str, int]) -> list[Alignment]:
    """Every scored pair of each article pair, unsettled (`settle` chooses the partners), exact scores."""
    alignments = []
    for (a, b), scored in sorted(found.items()):
        pairs = tuple(SentencePair(i, j, score) for score, i, j in sorted(scored, key=lambda t: (t[1], t[2])))
        alignments.append(Alignment(a, b, pairs, _coverage(pairs, min(lengths[a], lengths[b]))))
    return alignments


def settle(
    alignments: Iterable[Alignment], widespread: Collection[SentenceRef], lengths: Mapping[str, int]
) -> tuple[Alignment, ...]:
    """Raw alignments without the pairs of the `widespread` sentences, one partner per sentence among the rest.

    An article pair left with no pair has no alignment. On alignments already
    settled, with a smaller `widespread`, the pairs left stay as they were.
    """
    return _settle((_scored_pairs(a) for a in alignments), widespread, lengths)


def _settle(
    article_pairs: Iterable[ScoredPairs], widespread: Collection[SentenceRef], lengths: Mapping[str, int]
) -> tuple[Alignment, ...]:
    kept = []
    for left, right, scored in article_pairs:
        rest = [(score, i, j) for score, i, j in scored if (left, i) not in widespread and (right, j) not in widespread]
        if rest:
            kept.append(_pair_up(left, right, rest, min(lengths[left], lengths[right])))
    return tuple(kept)


def _scored_pairs(alignment: Alignment) -> ScoredPairs:
    return alignment.left, alignment.right, [(p.score, p.left, p.right) for p in alignment.pairs]


def paired_boilerplate(
    widespread: Collection[SentenceRef],
    shape_of: Callable[[SentenceRef], Shape],
    sentences: Callable[[str], Sequence[Sentence]] | None = None,
) -> list[Boilerplate]:
    """The widely paired sentences as records, one per shape."""
    by_shape: dict[Shape, list[SentenceRef]] = defaultdict(list)
    for ref in widespread:
        by_shape[shape_of(ref)].append(ref)
    return [
        _record(shape, True, frozenset(r[0] for r in refs), len(refs), min(refs), sentences)
        for shape, refs in by_shape.items()
    ]


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
    duplicates: dict[str, list[tuple[str, str]]] = defaultdict(list)  # story root -> pairs
    for alignment in alignments:
        root = find(alignment.left)
        if root == find(alignment.right) and is_near_duplicate(alignment, config):
            duplicates[root].append((alignment.left, alignment.right))
    groups = sorted((sorted(ids), root) for root, ids in members.items())
    return tuple(
        Story(f"S{number}", tuple(ids), tuple(sorted(duplicates[root])))
        for number, (ids, root) in enumerate(groups, start=1)
    )


# --------------------------------------------------------------------------- a stored index
#
# An archive (`compare.archive`) keeps its distinct sentences, a rank for every
# content element and the join keys of each sentence, so that a few new articles
# are aligned against it without the archive's sentences being joined again.
# The prefix filter holds for any fixed total order of the elements, so the ranks
# fixed when the index was built serve new sentences too: an element the index has
# never seen is shared with no indexed sentence and is left out of the probe.


@dataclass(frozen=True)
class SentenceIndex:
    """The join keys of a set of distinct sentences: ranks of content elements (`word\\x1fk`)."""

    ranks: dict[str, int]
    common: int
    radix: int
    keys: tuple[tuple[int, ...], ...]


def element_key(word: str, count: int) -> str:
    """The stored name of the `count`-th occurrence of `word` in a sentence."""
    return f"{word}\x1f{count}"


def partner_lengths(size: int, config: AlignConfig) -> range:
    """The token counts a sentence of `size` tokens can align with (the length filter)."""
    return join.partner_lengths(size, _limits(config))


def build_index(sentences: Sequence[tuple[str, ...]], config: AlignConfig = AlignConfig()) -> SentenceIndex:
    """Rank the content elements of `sentences` (distinct token sequences) and key each one.

    Each sentence is keyed with the prefix its loosest partner length requires, so
    any sentence that can align with it, longer or shorter, meets it on a key.
    """
    distinct = [_Distinct(t, frozenset(content_words(list(t))), []) for t in sentences]
    rank, common = _element_ranks(distinct, RARE)
    # Content is a property of the word (`content_words`), so the same in every sentence.
    ranks = {element_key(*e): r for e, r in rank.items() if content_words([e[0]])}
    radix = 1 + max(ranks.values(), default=0)
    keys = tuple(tuple(_index_keys(d, config, common, radix)) for d in distinct)
    return SentenceIndex(ranks, common, radix, keys)


def _index_keys(record: _Distinct, config: AlignConfig, common: int, radix: int) -> Iterator[int]:
    width = min(config.min_shared, 2)
    if width < 1:
        return iter(())
    prefix = len(record.keys) - _content_needed(record, partner_lengths(len(record.tokens), config), config) + width
    return _keys(record.keys[:prefix], width, common, radix)


def probe_keys(
    tokens: tuple[str, ...], ranks: Mapping[str, int], common: int, radix: int, config: AlignConfig = AlignConfig()
) -> list[int]:
    """The keys under which every indexed sentence that can align with `tokens` is filed.

    `ranks`, `common` and `radix` are the index's (`build_index`); `ranks` needs to
    hold only the elements of `tokens`.
    """
    content = frozenset(content_words(list(tokens)))
    elements = _elements(tokens)
    known = sorted(ranks[name] for name in (element_key(*e) for e in elements if e[0] in content) if name in ranks)
    stops = sum(1 for e in elements if e[0] not in content)
    record = _Distinct(tokens, content, [], tuple(known), stops)
    return sorted(set(_index_keys(record, config, common, radix)))


def content_elements(tokens: Sequence[str]) -> list[str]:
    """The stored names of the content elements of a sentence (what `probe_keys` looks up)."""
    content = frozenset(content_words(list(tokens)))
    return [element_key(*e) for e in _elements(tokens) if e[0] in content]


def score_against(
    fresh: Sequence[TokenizedArticle],
    candidates: Callable[[tuple[str, ...], Bounds], Iterable[tuple[tuple[str, ...], list[SentenceRef]]]],
    config: AlignConfig = AlignConfig(),
    boilerplate: Collection[Shape] = (),
) -> Scored:
    """Score the sentences of `fresh` articles against indexed ones that `candidates` returns.

    `candidates(tokens, bounds)` gives every indexed sentence (tokens and its
    sentences in other articles) that can align with `tokens` and that `bounds`
    lets through, and maybe more; `bounds` holds the join's cheap bounds (`Bounds`),
    so an index can apply them, the signature first, before it reads a sentence's
    tokens and looks up where it occurs. Each pair is
    then scored with the same `ratio()` as `similar_sentences`, so the scores equal
    a full join's for every pair of a fresh and an indexed article. Sentences of a
    `boilerplate` shape (the whole corpus' boilerplate), fresh or indexed, are
    passed over. Pairs among the fresh articles are not scored here
    (`similar_sentences(fresh)` gives them).
    """
    found: Scored = defaultdict(list)
    for record in _distinct_sentences(fresh, config, boilerplate):
        bounds = Bounds(record, config, boilerplate)
        seen: set[tuple[str, ...]] = set()
        for tokens, refs in candidates(record.tokens, bounds):
            if tokens in seen or not refs or not bounds(tokens):
                continue
            seen.add(tokens)
            _score(record, _Distinct(tokens, frozenset(content_words(list(tokens))), refs), config, found)
    return found


SIGNATURE_BITS = 256  # of a stored sentence's signature (`sentence_signature`)


def sentence_signature(tokens: Sequence[str]) -> tuple[int, int]:
    """A sentence's elements (the k-th `the` is one of its own) as `SIGNATURE_BITS` bits, and how many share a bit.

    Two sentences share at most `(a & b).bit_count()` elements plus the fewer
    either lost to collisions within itself (`Bounds.signed`). The bits come from
    a stable hash of the token, so an archive can keep them.
    """
    bits = 0
    elements = _elements(tokens)
    for token, k in elements:
        bits |= 1 << (_token_hash(token) + k * join.HASH) % SIGNATURE_BITS
    return bits, len(elements) - bits.bit_count()


@functools.lru_cache(maxsize=1 << 16)
def _token_hash(token: str) -> int:
    return zlib.crc32(token.encode())


class Bounds:
    """The join's cheap bounds for partners of one sentence, as tests an index can apply.

    `signed(size, signature, collisions)`: the multiset overlap the partner's
    `sentence_signature` allows reaches what a partner of that length needs;
    calling it with a partner's tokens: the partner shares `min_shared` content
    words and the multiset overlap `quick_ratio()` bounds with, counted against
    this sentence's token counts without building the partner's elements, and is
    not boilerplate. Neither test rejects a partner that aligns.
    """

    def __init__(self, record: _Distinct, config: AlignConfig, boilerplate: Collection[Shape] = ()) -> None:
        self.record, self.config, self.boilerplate = record, config, boilerplate
        self.counts = Counter(record.tokens)
        self.signature, self.collisions = sentence_signature(record.tokens)
        self._needed: dict[int, int] = {}

    def needed(self, partner: int) -> int:
        """The multiset overlap a partner of `partner` tokens must reach (`_overlap_needed`)."""
        if (needed := self._needed.get(partner)) is None:
            needed = self._needed[partner] = _overlap_needed(len(self.record.tokens), partner, self.config)
        return needed

    def signed(self, size: int, signature: int, collisions: int) -> bool:
        shared = (self.signature & signature).bit_count() + min(self.collisions, collisions)
        return shared >= self.needed(size)

    def __call__(self, tokens: tuple[str, ...]) -> bool:
        counts = self.counts
        shared_words = counts.keys() & tokens
        if len(self.record.content & shared_words) < self.config.min_shared:
            return False
        needed = self.needed(len(tokens))
        if sum(counts[word] for word in shared_words) < needed:
            return False  # a bound on the overlap: every copy of each shared word matched
        left = dict(counts)
        shared = 0
        for token in tokens:
            if left.get(token):
                left[token] -= 1
                shared += 1
        if shared < needed:
            return False
        return not (self.boilerplate and sentence_shape(tokens) in self.boilerplate)


