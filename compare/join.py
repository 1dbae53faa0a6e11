"""The similarity join under the aligner: the candidate pairs of distinct sentences, in numpy.

`compare.align` defines when two sentences align and scores them; this module finds,
without visiting all pairs, a small superset of the pairs that can: every pair
whose multiset overlap (`quick_ratio()`'s bound) reaches `_overlap_needed`. The
sentences come as columns (`Columns`), shortest first, and a pair is `(x, y)` with
`y < x`: each pair of distinct sentences is met once.

How a pair is met (the prefix filter of AllPairs/PPJoin, over content elements):

- A sentence's content elements are ranks, rarest first. Two sentences that share
  at least `c` content elements share their two rarest shared ones within the first
  `content - c + 2` of each (`content - c + 1` for the single rarest). A shared
  element in at most `common` distinct sentences (rare) is a key by itself; a
  common one is keyed with every later element of the prefix, as a pair: a pair of
  common words is far rarer than either word.
- Each sentence files the keys of the prefix its loosest later (longer) partner
  allows, and probes with the prefix its loosest earlier (shorter) partner allows:
  the same prefixes as `compare.align`'s archive index (`_keys`, `_content_needed`).
- A key meets a partner only through a contiguous run of its posting list (postings
  are shortest first; the length filter and `y < x` cut both ends), so the probes of
  a whole block of sentences expand into candidate arrays in a few numpy calls.

Each candidate then passes two bounds, cheapest first, before `compare.align` checks
the shared content words and pays for `ratio()`:

1. positional: the pair's own content need, `c = max(min_shared, needed - min(stops
   of both))`, must leave room for the key where it sits in both sentences (the key's
   last element within the first `content - c + 2`);
2. signature: each sentence's elements (the k-th `the` is an element of its own, so
   a sentence has each element once) as 256 bits: the `DEDICATED` most frequent
   elements of the corpus (`the`, `of`, the second `the`, ...) a bit each, the rest
   hashed to the other bits. The multiset overlap is at most the shared bits plus
   the fewer elements either sentence lost to collisions within itself, and must
   reach `needed`. The exact overlap is not checked after it: of BBC + Reuters'
   1.2 M candidates, 90% pass it, and the sets it needs per sentence cost more
   to build than the `ratio()` calls it would spare.

Each bound only ever overestimates the true overlap, so no pair that aligns is
lost; tests/test_align_oracle.py checks the whole join against brute force.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

EPSILON = 1e-9  # float slack, so that a bound never excludes a pair exactly at the threshold
SIGNATURE_WORDS = 4  # 64-bit words of a sentence's signature (bound 2)
DEDICATED = 96  # of its bits, those that each stand for one frequent element
CHUNK = 1 << 18  # candidates expanded at a time: small arrays stay in cache and need no page faults
KEYS_AT_ONCE = 1 << 20  # probe keys made at a time (`_all_keys`), for the same reason
KEY_LIMIT = np.iinfo(np.int64).max  # packed probe keys must stay below it (`_all_keys`)
HASH = 0x9E3779B1  # Fibonacci hashing of element ranks to signature bits


@dataclass(frozen=True)
class Thresholds:
    """What `compare.align.AlignConfig` says about alignment that the join needs."""

    threshold: float
    min_tokens: int
    min_shared: int


@dataclass(frozen=True)
class Columns:
    """Distinct sentences as columns, in join order (shortest first).

    `elements` are the ranks of all the elements of every sentence (content and
    stopword occurrences), sentence after sentence, `sizes[i]` of sentence i,
    each sentence's ascending: its `contents[i]` content elements (rarest first)
    lead. A rank below `common` is rare.
    """

    sizes: Sequence[int]
    contents: np.ndarray
    elements: np.ndarray
    common: int


def overlap_needed(size: int, partner: int, limits: Thresholds) -> int:
    """The fewest tokens two sentences of these lengths must share (as multisets) to align."""
    return max(limits.min_shared, math.ceil(limits.threshold * (size + partner) / 2 - EPSILON))


def shortest_partner(size: int, limits: Thresholds) -> int:
    """The fewest tokens a partner of a `size`-token sentence can have (the length filter)."""
    t = limits.threshold
    low = t / (2 - t) if t < 2 else 1.0
    return max(limits.min_tokens, math.ceil(size * low - EPSILON))


def partner_lengths(size: int, limits: Thresholds) -> range:
    """The token counts a sentence of `size` tokens can align with (the length filter)."""
    t = limits.threshold
    low = t / (2 - t) if t < 2 else 1.0
    shortest = shortest_partner(size, limits)
    longest = math.floor(size / low + EPSILON) if low > 0 else 10**9
    return range(shortest, max(shortest, longest) + 1)


@lru_cache(maxsize=1 << 16)
def content_needed(size: int, stops: int, partners: range, limits: Thresholds) -> int:
    """The fewest content elements a sentence must share with a partner whose length is in `partners`.

    Of the tokens shared, at most `min(stops, partner stops)` are stopwords (or one
    letter), and a partner of length `y` has at most `y - min_shared` of them. Cached:
    sentences share few (size, stops, partners) triples.
    """
    bound = min(
        (overlap_needed(size, y, limits) - min(stops, y - limits.min_shared) for y in partners),
        default=limits.min_shared,
    )
    return max(limits.min_shared, bound)


@dataclass(frozen=True)
class Plan:
    """A join ready to run, a block of probing sentences at a time (`plan`).

    Entry `e` is one probe key of sentence `owners[e]`, with `slack[e]` content
    elements from its last element to the sentence's end; it meets the postings
    `postings[start[e] : start[e] + length[e]]`. `posting_info` holds, in posting
    order, each partner's size, stops and slack packed in one int (`_pack`): one
    gather per key match instead of three. Blocks are independent: each holds whole
    sentences, so they can run in any order or in other processes.
    """

    start: np.ndarray
    length: np.ndarray
    owners: np.ndarray
    slack: np.ndarray
    postings: np.ndarray
    posting_info: np.ndarray
    bits: int
    bounds: _Bounds
    blocks: tuple[slice, ...]

    def candidates(self, block: slice) -> tuple[list[int], list[int]]:
        """The block's candidates `(x, y)` that pass both bounds, once each, by `x` then `y`."""
        length, owners = self.length[block], self.owners[block]
        at = np.repeat((self.start[block] - (np.cumsum(length) - length)).astype(self.postings.dtype), length)
        at += np.arange(len(at), dtype=at.dtype)
        info, mask = self.posting_info[at], (1 << self.bits) - 1
        bounds = self.bounds
        keep, needed = bounds.positional(
            # The probe's own columns repeated per match: cheaper than gathering them by owner.
            np.repeat(bounds.sizes[owners], length),
            np.repeat(bounds.stops[owners], length),
            np.repeat(self.slack[block], length),
            info >> (2 * self.bits),
            (info >> self.bits) & mask,
            info & mask,
        )
        xs, at = np.repeat(owners, length)[keep], at[keep]
        n = len(bounds.sizes)
        codes = np.unique(bounds.signed(xs, self.postings[at], needed[keep]))
        return (codes // n).tolist(), (codes % n).tolist()


def _pack(sizes: np.ndarray, stops: np.ndarray, counts: np.ndarray, postings: np.ndarray, positions: np.ndarray) -> tuple[np.ndarray, int]:
    """Each posting's partner `(size << 2b) | (stops << b) | slack` with `b` bits each (int32 where they fit), and `b`.

    The slack, `counts - position`, is the lowest field and never negative, so it is
    subtracted from the partner's packed `counts`: one gather per posting.
    """
    bits = max(int(max(sizes.max(initial=0), stops.max(initial=0), counts.max(initial=0))).bit_length(), 1)
    kind = np.int32 if 3 * bits <= 31 else np.int64
    head = np.left_shift(sizes.astype(kind), 2 * bits) | np.left_shift(stops.astype(kind), bits) | counts.astype(kind)
    return head[postings] - positions.astype(kind), bits


def plan(columns: Columns, limits: Thresholds) -> Plan:
    """Key, file and probe every sentence of `columns` (see the module docstring); `limits.min_shared >= 1`."""
    width = min(limits.min_shared, 2)
    if width < 1:
        raise ValueError("the join needs min_shared >= 1")
    n = len(columns.sizes)
    sizes = np.asarray(columns.sizes, dtype=np.int64)
    counts = np.asarray(columns.contents, dtype=np.int64)
    stops = sizes - counts
    offsets = np.cumsum(counts) - counts
    # Each sentence's leading `counts` elements: its content elements.
    flat = columns.elements[np.repeat(np.cumsum(sizes) - sizes - offsets, counts) + np.arange(int(counts.sum()))]
    probe_length, index_length = _prefix_lengths(sizes, stops, limits, width)
    # Every probe key, sorted by key, then owner; the keys within a sentence's index
    # prefix (a single key before the prefix's last element, as `compare.align._keys`)
    # are also filed in the index, which is then the sorted run of those.
    entries, owner_bits, position_bits = _all_keys(flat, offsets, counts, probe_length, columns.common, width)
    entries.sort()  # by code `key << owner_bits | owner`: a sort of values, far faster than an argsort
    codes = entries >> (position_bits + 1)
    owners_sorted = (codes & ((1 << owner_bits) - 1)).astype(np.int32)
    positions_sorted = ((entries >> 1) & ((1 << position_bits) - 1)).astype(np.int32)
    filed = positions_sorted < index_length[owners_sorted] - (entries & 1) * (width - 1)
    del entries
    postings, posting_positions = owners_sorted[filed], positions_sorted[filed]
    # A probe meets the run of its key's postings from the shortest partner allowed
    # (`first`) to the last sentence before itself. The key's place in the probe cuts
    # the run shorter: the pair's content need may be at most `room`, and it is at
    # least `needs[its total length] - probe's stops`, so no partner longer than
    # `longest` can use this key. A probe whose key has no earlier posting at all
    # (most keys of pairs of words) meets nothing and is not looked up.
    needs = np.array([overlap_needed(0, total, limits) for total in range(2 * int(sizes.max(initial=0)) + 1)], dtype=np.int64)
    shortest = np.array([shortest_partner(size, limits) for size in range(int(sizes.max(initial=0)) + 1)], dtype=np.int64)
    first = np.searchsorted(sizes, shortest[sizes], side="left").astype(np.int64)
    # (Intermediate arrays are as long as all probe keys together, so each is freed
    # as soon as it is used: they set the join's peak memory.)
    before = np.cumsum(filed) - filed  # filed entries before each sorted place
    segment = np.flatnonzero(np.r_[len(codes) > 0, np.diff(codes >> owner_bits) != 0])
    earlier = before - np.repeat(before[segment], np.diff(np.r_[segment, len(codes)]))
    del before, segment
    room = counts[owners_sorted] - positions_sorted + (width - 1)
    alive = np.flatnonzero((earlier > 0) & (room >= limits.min_shared))
    del earlier
    owner, room, positions = owners_sorted[alive], room[alive], positions_sorted[alive]
    base = codes[alive] - owner  # key << owner_bits
    del owners_sorted, positions_sorted
    # `np.searchsorted(needs, room + stops[owner], side="right") - 1` by table, as below.
    longest_total = np.searchsorted(needs, np.arange(int(counts.max(initial=0) + stops.max(initial=0)) + width + 1), side="right") - 1
    longest = longest_total[room + stops[owner]] - sizes[owner]
    # `np.searchsorted(sizes, longest, side="right")` by table: sizes are few and small.
    upto = np.searchsorted(sizes, np.arange(int(sizes.max(initial=0)) + 1), side="right")
    last = np.minimum(upto[np.clip(longest, 0, len(upto) - 1)], owner)
    del room, longest
    filed_codes = codes[filed]
    del codes, filed
    start = np.searchsorted(filed_codes, base + first[owner])
    stop = np.searchsorted(filed_codes, base + last)
    del filed_codes, base, last, alive
    live = stop > start
    start, length, owners, positions = start[live], (stop - start)[live], owner[live], positions[live]
    # Each sentence's probes together, by key: a sort of values `owner << b | place`, not an argsort.
    place_bits = max(len(owners) - 1, 1).bit_length()
    order = np.sort((owners.astype(np.int64) << place_bits) | np.arange(len(owners))) & ((1 << place_bits) - 1)
    start, length, owners, positions = start[order], length[order], owners[order], positions[order]
    signature, collisions = _signatures(columns.elements, sizes)
    small = np.int32  # the bounds' columns: half the memory traffic of int64
    bounds = _Bounds(
        sizes.astype(small),
        stops.astype(small),
        needs.astype(small),
        tuple(np.ascontiguousarray(signature[:, word]) for word in range(signature.shape[1])),
        collisions,
        limits,
        width,
    )
    blocks = tuple(_blocks(owners, length, n))
    info, bits = _pack(sizes, stops, counts, postings, posting_positions)
    slack = (counts[owners] - positions).astype(small)
    return Plan(start, length, owners.astype(small), slack, postings, info, bits, bounds, blocks)


def _prefix_lengths(sizes: np.ndarray, stops: np.ndarray, limits: Thresholds, width: int) -> tuple[np.ndarray, np.ndarray]:
    """Each sentence's probe prefix and index prefix, in content elements (see the module docstring)."""

    def lengths(size: int, stops: int) -> tuple[int, int]:
        content = size - stops
        probe = content - content_needed(size, stops, range(shortest_partner(size, limits), size + 1), limits) + width
        index = content - content_needed(size, stops, range(size, size + 1), limits) + width
        return max(0, min(probe, content)), max(0, min(index, content))

    # Sentences share few (size, stops) pairs: each is computed once.
    shapes, which = np.unique(np.stack([sizes, stops]), axis=1, return_inverse=True)
    pairs = np.array([lengths(s, t) for s, t in shapes.T.tolist()], dtype=np.int64).reshape(-1, 2)
    return pairs[which.reshape(-1), 0], pairs[which.reshape(-1), 1]


def _segments(counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For groups of `counts` items: the group of every item and its place in the group."""
    group = np.repeat(np.arange(len(counts)), counts)
    starts = np.cumsum(counts) - counts
    return group, np.arange(len(group)) - starts[group]


def _all_keys(
    flat: np.ndarray, offsets: np.ndarray, counts: np.ndarray, prefix: np.ndarray, common: int, width: int
) -> tuple[np.ndarray, int, int]:
    """Every sentence's probe keys (`_keys`) packed as `code << (position_bits + 1) | position << 1 | single`.

    The code is `key << owner_bits | owner`, so that the packed entries sort by
    key, then owner. Returns the entries, `owner_bits` and `position_bits`. Made
    `KEYS_AT_ONCE` keys at a time into one array of the final size: the
    intermediate arrays of a run of sentences are reused, where arrays of all keys
    at once (about 9 M on BBC + Reuters) would each be fresh memory, whose page
    faults cost more than the arithmetic.
    """
    n = len(counts)
    radix = int(flat.max(initial=0)) + 1
    owner = np.repeat(np.arange(n), counts)
    rare = np.bincount(owner, weights=flat < common, minlength=n).astype(np.int64)
    if width == 1:
        singles, firsts = prefix, np.zeros(n, dtype=np.int64)
    else:
        singles = np.clip(np.minimum(rare, prefix - 1), 0, None)
        firsts = np.clip(prefix - 1 - rare, 0, None)  # common elements that open pairs
    per_sentence = singles + firsts * (firsts + 1) // 2
    ends = np.cumsum(per_sentence)
    starts = ends - per_sentence
    total = int(ends[-1]) if n else 0
    owner_bits, position_bits = max(n - 1, 1).bit_length(), max(int(counts.max(initial=1)), 1).bit_length()
    low_bits = owner_bits + position_bits + 1
    entries = np.empty(total, dtype=np.int64)
    # With too many elements for the packing, the keys are numbered first (`lows` wait for them).
    numbered = radix * (radix + 1) >= KEY_LIMIT >> low_bits
    lows = np.empty(total if numbered else 0, dtype=np.int64)
    low = 0
    while low < n:
        high = max(int(np.searchsorted(ends, starts[low] + KEYS_AT_ONCE, side="right")), low + 1)
        at, to = int(starts[low]), int(ends[high - 1])
        runs = slice(low, high)
        key, who, place, alone = _keys(flat, offsets[runs], rare[runs], singles[runs], firsts[runs], prefix[runs], radix)
        packed = ((who + low) << (position_bits + 1)) | (place << 1) | alone
        if numbered:
            entries[at:to], lows[at:to] = key, packed
        else:
            entries[at:to] = (key << low_bits) | packed
        low = high
    if numbered:
        entries = (np.unique(entries, return_inverse=True)[1].reshape(-1) << low_bits) | lows
    return entries, owner_bits, position_bits


def _keys(
    flat: np.ndarray,
    offsets: np.ndarray,
    rare: np.ndarray,
    singles: np.ndarray,
    firsts: np.ndarray,
    prefix: np.ndarray,
    radix: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The probe keys of a run of sentences: key, owner (within the run), position of its last element, single or not.

    As `compare.align._keys` over each prefix, counted by `_all_keys`: each
    sentence's `singles` leading elements are keys alone (with `width` 1, all of
    its prefix; with 2, its rare ones before the last place), and each of its
    `firsts` common elements after its `rare` ones pairs with every later element
    of the prefix (the key `(first + 1) * radix + second`).
    """
    owner1, place1 = _segments(singles)
    key1 = flat[offsets[owner1] + place1]
    opener, place = _segments(firsts)
    place += rare[opener]
    pair, step = _segments(prefix[opener] - 1 - place)
    owner2, place2 = opener[pair], place[pair]
    second = place2 + 1 + step
    key2 = (flat[offsets[owner2] + place2] + 1) * radix + flat[offsets[owner2] + second]
    return (
        np.concatenate([key1, key2]),
        np.concatenate([owner1, owner2]),
        np.concatenate([place1, second]),
        np.concatenate([np.ones(len(key1), dtype=np.int64), np.zeros(len(key2), dtype=np.int64)]),
    )


def _signatures(ranks: np.ndarray, sizes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each sentence's elements (`ranks`, `sizes[i]` of sentence i) as `SIGNATURE_WORDS` 64-bit words, and how many of them share a bit."""
    n = len(sizes)
    owner = np.repeat(np.arange(n), sizes)
    frequency = np.bincount(ranks)
    hashed = 64 * SIGNATURE_WORDS - DEDICATED
    bit = DEDICATED + (np.arange(len(frequency)) * HASH) % hashed
    frequent = np.argsort(-frequency, kind="stable")[:DEDICATED]
    bit[frequent] = np.arange(len(frequent))
    bit = bit[ranks]
    signature = np.zeros((n, SIGNATURE_WORDS), dtype=np.uint64)
    np.bitwise_or.at(signature, (owner, bit // 64), np.left_shift(np.uint64(1), (bit % 64).astype(np.uint64)))
    collisions = np.bincount(owner, minlength=n) - np.bitwise_count(signature).sum(axis=1, dtype=np.int64)
    return signature, collisions.astype(np.int32)


def _blocks(owners: np.ndarray, length: np.ndarray, n: int) -> Iterator[slice]:
    """Runs of probe entries, whole sentences at a time, of about `CHUNK` candidates each."""
    per_sentence = np.cumsum(np.bincount(owners, weights=length, minlength=n))
    ends = np.searchsorted(owners, np.arange(n), side="right")  # entries of sentences <= i
    entry = done = 0
    while entry < len(owners):
        last = max(int(np.searchsorted(per_sentence, per_sentence[done - 1] + CHUNK if done else CHUNK, side="right")), done + 1)
        last = min(last, n)
        yield slice(entry, int(ends[last - 1]))
        entry, done = int(ends[last - 1]), last


@dataclass(frozen=True)
class _Bounds:
    """The two bounds of the module docstring, over arrays of candidates."""

    sizes: np.ndarray
    stops: np.ndarray
    needs: np.ndarray  # `overlap_needed` by the pair's total length
    signature: tuple[np.ndarray, ...]  # a column per 64-bit word: gathers of one word are faster than of rows
    collisions: np.ndarray
    limits: Thresholds
    width: int

    def positional(
        self,
        x_size: np.ndarray,
        x_stops: np.ndarray,
        x_slack: np.ndarray,
        y_size: np.ndarray,
        y_stops: np.ndarray,
        y_slack: np.ndarray,
    ) -> tuple[np.ndarray, np.ndarray]:
        """Which key matches pass bound 1 (the key leaves room in both sentences), and the overlap each pair needs."""
        needed = self.needs[x_size + y_size]
        room = np.maximum(needed - np.minimum(x_stops, y_stops), self.limits.min_shared) - (self.width - 1)
        return room <= np.minimum(x_slack, y_slack), needed

    def signed(self, xs: np.ndarray, ys: np.ndarray, needed: np.ndarray) -> np.ndarray:
        """The codes `x * n + y` of the pairs that pass bound 2 (the signatures), maybe repeated."""
        shared = np.zeros(len(xs), dtype=np.int32)
        for word in self.signature:
            shared += np.bitwise_count(word[xs] & word[ys])
        keep = shared + np.minimum(self.collisions[xs], self.collisions[ys]) >= needed
        return xs[keep].astype(np.int64) * len(self.sizes) + ys[keep]
