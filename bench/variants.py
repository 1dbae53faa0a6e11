"""Write seeded "second outlet" versions of real articles, with the discrepancies planted in them.

Used by bench/scale.py. A variant keeps its source's date, drops about a fifth of its
sentences, swaps some paragraphs, swaps a few non-fact words for synonyms, and changes
exactly one number by 5-30 % (formatting kept: `$11.1bn` -> `$12.4bn`, `155,221` ->
`171,943`). Where a kept sentence holds a direct quotation with a word in `SYNONYMS`,
that word is changed too (a misquote; only quotations of `CompareConfig.quote_min_words`
words or more, the shortest factdiff compares). Every planted change is recorded with its span in
both texts, so a benchmark can tell whether the pipeline found it.

The number is one that factdiff extracts from the source (`extract_facts`): a
quantity, percent or money amount with one digit group (no range, no number word),
not a bare year, whose value no other fact of its kind and unit in the source states
(else the variant would still state the old value and "agree"), in a sentence that
can align (`AlignConfig.min_tokens` tokens, `min_shared` content words).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import regex

from compare.align import AlignConfig, tokenize
from compare.comparison import CompareConfig
from compare.lexicon import words
from compare.records import Article, Fact, FactKind

NUMBER_KINDS = (FactKind.QUANTITY, FactKind.PERCENT, FactKind.MONEY)
DROP_SHARE = 0.2
WORD_CHANGES = 3
CHANGE = (0.05, 0.30)

# One digit group: `155,221`, `11.1`, `76`. A fact whose text holds two is a range or a pair.
RE_NUMBER = regex.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
RE_LETTERS = regex.compile(r"[A-Za-z]+")

# Paraphrase of non-fact words (cue verbs such as `said` left alone: they find speakers).
SYNONYMS = {
    "big": "large", "large": "big", "biggest": "largest", "largest": "biggest", "small": "modest",
    "rise": "increase", "rises": "increases", "increase": "rise", "rose": "climbed", "fell": "dropped",
    "show": "reveal", "shows": "reveals", "showed": "revealed", "buy": "purchase", "bought": "purchased",
    "help": "assist", "helped": "assisted", "firm": "company", "company": "firm", "firms": "companies",
    "companies": "firms", "start": "begin", "started": "began", "began": "started", "ended": "finished",
    "plan": "proposal", "plans": "proposals", "expected": "forecast", "government": "administration",
    "major": "significant", "important": "crucial", "crucial": "vital", "main": "principal",
    "quickly": "rapidly", "hard": "difficult", "difficult": "hard", "problem": "issue",
    "problems": "issues", "need": "require", "needs": "requires", "strong": "robust", "weak": "feeble",
    "chief": "head", "boss": "chief", "deal": "agreement", "agreement": "accord", "talks": "negotiations",
    "country": "nation", "recent": "latest", "think": "believe",
    "believe": "think", "good": "positive", "bad": "poor", "try": "attempt", "tried": "attempted",
    "keep": "retain", "allow": "permit", "allowed": "permitted", "very": "really", "really": "truly",
    "great": "huge", "happy": "pleased", "pleased": "happy", "sure": "certain", "certain": "sure",
    "fans": "supporters", "game": "match", "match": "game", "film": "movie", "films": "movies",
    "music": "songs", "world": "globe", "win": "victory", "victory": "win", "team": "side",
    "officials": "authorities", "reported": "announced", "added": "continued", "sales": "turnover",
    "profit": "earnings", "profits": "earnings", "prices": "costs", "market": "sector",
    "want": "wish", "wanted": "wished", "people": "persons", "job": "post", "jobs": "posts",
}


@dataclass(frozen=True)
class Planted:
    """One planted discrepancy: `original` at `source_span` of the source became `changed` at
    `variant_span` of the variant. Invariant: `source.text[slice(*source_span)] == original`
    and `variant_text[slice(*variant_span)] == changed`. `kind` is `number` or `quote`
    (for a quote the spans are the changed word's)."""

    kind: str
    source: str
    variant: str
    original: str
    changed: str
    source_span: tuple[int, int]
    variant_span: tuple[int, int]
    source_sentence: int


@dataclass(frozen=True)
class Variant:
    """A second outlet's version of `source`: its id, text, date and what was planted."""

    id: str
    source: str
    text: str
    date: str | None
    planted: tuple[Planted, ...]


def changed_number(surface: str, rng: random.Random) -> str | None:
    """`surface` with its one digit group moved by 5-30 %, formatting kept; None if it cannot be."""
    groups = list(RE_NUMBER.finditer(surface))
    if len(groups) != 1:
        return None
    digits = groups[0].group()
    decimals = len(digits.partition(".")[2])
    value = float(digits.replace(",", ""))
    if value <= 0:
        return None
    for _ in range(24):
        factor = 1 + rng.choice((-1, 1)) * rng.uniform(*CHANGE)
        new = round(value * factor, decimals)
        if new > 0 and CHANGE[0] <= abs(new - value) / value <= CHANGE[1]:
            text = f"{new:,.{decimals}f}" if "," in digits else f"{new:.{decimals}f}"
            return surface[: groups[0].start()] + text + surface[groups[0].end() :]
    return None


def _value(fact: Fact) -> float | None:
    return fact.value if isinstance(fact.value, float) else None


def _number_candidates(source: Article, facts: tuple[Fact, ...], config: AlignConfig) -> list[Fact]:
    tokenized = tokenize(source)
    out = []
    for fact in facts:
        if fact.kind not in NUMBER_KINDS or fact.high is not None or _value(fact) is None:
            continue
        groups = RE_NUMBER.findall(fact.text)
        if len(groups) != 1:
            continue
        if fact.kind == FactKind.QUANTITY and "," not in groups[0] and "." not in groups[0] and 1900 <= int(groups[0]) <= 2030:
            continue  # a year read as a count
        tokens = tokenized.tokens[fact.sentence]
        if len(tokens) < config.min_tokens or len(tokenized.content[fact.sentence]) < config.min_shared:
            continue
        twins = [f for f in facts if f is not fact and f.kind == fact.kind and f.unit == fact.unit and f.value == fact.value]
        if not twins:
            out.append(fact)
    return out


def _paragraphs(source: Article) -> list[list[int]]:
    """Sentence indexes by paragraph: a new paragraph where the gap between sentences has a line break."""
    groups: list[list[int]] = []
    for sentence in source.sentences:
        previous = source.sentences[sentence.index - 1] if sentence.index else None
        if previous is None or previous.paragraph != sentence.paragraph or "\n" in source.text[previous.end : sentence.start]:
            groups.append([])
        groups[-1].append(sentence.index)
    return groups


def _synonym(word: str) -> str | None:
    new = SYNONYMS.get(word.lower())
    if new is None:
        return None
    if word.isupper() and len(word) > 1:
        return new.upper()
    return new.capitalize() if word[0].isupper() else new


def make_variant(
    source: Article, facts: tuple[Fact, ...], seed: int, config: AlignConfig = AlignConfig()
) -> Variant | None:
    """Write the second outlet's version of `source` (None if it has no number to change).

    Deterministic in (`seed`, `source.id`), so a source yields the same variant
    whatever sample it is drawn in.
    """
    rng = random.Random(f"{seed}:{source.id}")
    candidates = _number_candidates(source, facts, config)
    rng.shuffle(candidates)
    number: Fact | None = None
    new_surface = ""
    for fact in candidates:
        changed = changed_number(fact.text, rng)
        value = None
        if changed is not None:
            digits = RE_NUMBER.search(changed)
            value = float(digits.group().replace(",", "")) if digits else None
        if changed is None or value is None:
            continue
        old_digits = float(RE_NUMBER.search(fact.text).group().replace(",", ""))  # type: ignore[union-attr]
        new_value = fact.value * value / old_digits  # type: ignore[operator]
        if any(f.kind == fact.kind and f.unit == fact.unit and abs((_value(f) or -1.0) - new_value) <= 1e-9 * new_value
               for f in facts):
            continue  # the source already states the new value
        number, new_surface = fact, changed
        break
    if number is None:
        return None

    # Per sentence: list of (start, end, replacement) edits, relative to the sentence.
    edits: dict[int, list[tuple[int, int, str, str | None]]] = {number.sentence: []}
    sentence_start = {s.index: s.start for s in source.sentences}
    edits[number.sentence].append(
        (number.start - sentence_start[number.sentence], number.end - sentence_start[number.sentence], new_surface, "number")
    )
    quotes = [
        f for f in facts
        if f.kind == FactKind.QUOTE and f.sentence != number.sentence
        and len(words(str(f.value))) >= CompareConfig().quote_min_words  # shorter ones are never compared
    ]
    rng.shuffle(quotes)
    for quote in quotes:
        changeable = [m for m in RE_LETTERS.finditer(source.text, quote.start, quote.end) if _synonym(m.group())]
        if changeable:
            match = rng.choice(changeable)
            base = sentence_start[quote.sentence]
            edits[quote.sentence] = [(match.start() - base, match.end() - base, _synonym(match.group()) or "", "quote")]
            break

    protected = set(edits)
    droppable = [s.index for s in source.sentences if s.index not in protected]
    dropped = set(rng.sample(droppable, min(len(droppable), round(DROP_SHARE * len(source.sentences)))))
    fact_spans = [(f.start, f.end) for f in facts]
    paraphrasable = []
    for sentence in source.sentences:
        if sentence.index in protected or sentence.index in dropped:
            continue
        for m in RE_LETTERS.finditer(source.text, sentence.start, sentence.end):
            if _synonym(m.group()) and not any(a < m.end() and m.start() < b for a, b in fact_spans):
                paraphrasable.append((sentence.index, m))
    for index, m in rng.sample(paraphrasable, min(WORD_CHANGES, len(paraphrasable))):
        base = sentence_start[index]
        edits.setdefault(index, []).append((m.start() - base, m.end() - base, _synonym(m.group()) or "", None))

    paragraphs = [[i for i in group if i not in dropped] for group in _paragraphs(source)]
    paragraphs = [group for group in paragraphs if group]
    if len(paragraphs) >= 3:  # keep the lead paragraph; swap one or two pairs of the others
        for _ in range(rng.choice((1, 2))):
            a, b = rng.sample(range(1, len(paragraphs)), 2)
            paragraphs[a], paragraphs[b] = paragraphs[b], paragraphs[a]

    variant_id = f"v-{source.id}"
    text = f"{source.title}\n\n" if source.title else ""
    planted: list[Planted] = []
    for number_in_text, group in enumerate(paragraphs):
        if number_in_text:
            text += "\n\n"
        for position, index in enumerate(group):
            if position:
                text += " "
            original = source.sentences[index].text
            out, cursor = "", 0
            for start, end, replacement, kind in sorted(edits.get(index, [])):
                out += original[cursor:start]
                if kind is not None:
                    old_start = sentence_start[index] + start
                    new_start = len(text) + len(out)
                    planted.append(
                        Planted(
                            kind, source.id, variant_id, original[start:end], replacement,
                            (old_start, old_start + end - start), (new_start, new_start + len(replacement)), index,
                        )
                    )
                out += replacement
                cursor = end
            text += out + original[cursor:]
    text += "\n"
    for p in planted:
        assert text[slice(*p.variant_span)] == p.changed and source.text[slice(*p.source_span)] == p.original
    return Variant(variant_id, source.id, text, source.date, tuple(sorted(planted, key=lambda p: p.kind)))
