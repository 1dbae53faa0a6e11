"""Quotation sets: PolNeAR dev (direct quotes and their speakers) and textacy's quotation cases."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, NamedTuple

from scoring import Log, Row, load_json, load_jsonl, missing_row, overlap, prf_row, run_factdiff, share_row

from compare.records import Fact, FactKind

OPENING = '"“'
CLOSING = '"”'
RE_QUOTED = re.compile(r"[\"“]([^\"“”]*)[\"”]")
PRONOUNS = frozenset("he she they it we i you him her them his their its one who".split())
# Tokens that do not identify a speaker: articles, honorifics, possessive endings.
SPEAKER_STOP = frozenset("the a an mr mrs ms dr sen rep gov of and s".split())


class Quote(NamedTuple):
    """A quotation's inside (between the marks) and who said it."""

    start: int
    end: int
    speaker: str | None


def tokens(text: str | None) -> set[str]:
    return {t for t in re.findall(r"[a-z0-9]+", (text or "").lower()) if t not in SPEAKER_STOP}


def ratio(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Overlap as a share of the longer span."""
    return overlap(a, b) / max(a[1] - a[0], b[1] - b[0], 1)


def _inside(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding white space, quotation marks and trailing punctuation."""
    while start < end and (text[start].isspace() or text[start] in OPENING):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in CLOSING + ",.;:"):
        end -= 1
    return start, end


def gold_quotes(text: str, attributions: list[dict[str, Any]]) -> tuple[list[Quote], list[tuple[int, int]]]:
    """PolNeAR direct quotations (content pieces that open and close with a double mark)
    and the other content spans (indirect or mixed attributions)."""
    quotes: dict[tuple[int, int], Quote] = {}
    others = []
    for attribution in attributions:
        source = " ".join(s["text"] for s in attribution.get("source", []))
        for content in attribution.get("content", []):
            for start, end in content["spans"]:
                piece = text[start:end].strip()
                closes = piece.rstrip(".,;: ")
                if piece[:1] in OPENING and closes[-1:] in CLOSING:
                    for m in RE_QUOTED.finditer(text, start, end):
                        span = _inside(text, *m.span())
                        if span[0] < span[1]:
                            quotes.setdefault(span, Quote(*span, source))
                else:
                    others.append((start, end))
    return sorted(quotes.values()), others


def predicted_quotes(text: str, facts: tuple[Fact, ...]) -> list[Quote]:
    """factdiff's quote facts, one per quotation: a quotation spanning sentences yields one
    fact per sentence, rejoined here when only white space lies between them."""
    merged: list[Quote] = []
    for f in (f for f in facts if f.kind is FactKind.QUOTE):
        start, end = _inside(text, f.start, f.end)
        if merged and not text[merged[-1].end : start].strip(" \n\t,.;:") and merged[-1].speaker == f.speaker:
            merged[-1] = Quote(merged[-1].start, end, f.speaker)
        else:
            merged.append(Quote(start, end, f.speaker))
    return merged


def speaker_agrees(predicted: str | None, source: str) -> bool:
    return bool(tokens(predicted) & tokens(source))


def named(source: str) -> bool:
    return bool(tokens(source) - PRONOUNS)


def polnear(data: Path, log: Log) -> list[Row]:
    """PolNeAR dev: direct-quotation span F1 (overlap >= 50% of the longer) and speaker accuracy."""
    name = "PolNeAR dev"
    path = data / "polnear" / "dev.jsonl"
    if not path.exists():
        return [missing_row(name, path)]
    n_gold = 0
    tp = {"with speaker": 0, "all": 0}
    n_pred = {"with speaker": 0, "all": 0}
    speaker_ok = speaker_n = pronoun_sources = 0
    for doc in load_jsonl(path):
        text = doc["text"]
        annotator = sorted(doc["attributions_by_annotator"])[0]
        gold, others = gold_quotes(text, doc["attributions_by_annotator"][annotator])
        facts = run_factdiff(text, log, name, date=doc["publication_date"], id=doc["filename"])
        predicted = predicted_quotes(text, facts)
        n_gold += len(gold)
        for variant in ("all", "with speaker"):
            preds = [p for p in predicted if variant == "all" or p.speaker]
            used: set[int] = set()
            pairs = []
            for p in preds:
                best = max(
                    (i for i in range(len(gold)) if i not in used),
                    key=lambda i: ratio(p[:2], gold[i][:2]),
                    default=None,
                )
                if best is not None and ratio(p[:2], gold[best][:2]) >= 0.5:
                    used.add(best)
                    pairs.append((p, gold[best]))
                elif any(overlap(p[:2], o) >= 0.5 * (p.end - p.start) for o in others):
                    continue  # a partial quotation inside an indirect attribution: not judged
                else:
                    n_pred[variant] += 1
                    if variant == "with speaker":
                        log.add(
                            name, "spurious quote", f"{doc['filename']}: {text[p.start : p.end][:100]!r} ({p.speaker})"
                        )
            n_pred[variant] += len(pairs)
            tp[variant] += len(pairs)
            if variant == "all":
                for i, g in enumerate(gold):
                    if i not in used:
                        log.add(
                            name, "missed quote", f"{doc['filename']}: {text[g.start : g.end][:100]!r} ({g.speaker})"
                        )
                for p, g in pairs:
                    if not named(g.speaker or ""):
                        pronoun_sources += 1
                        continue
                    speaker_n += 1
                    if speaker_agrees(p.speaker, g.speaker or ""):
                        speaker_ok += 1
                    else:
                        cls = "no speaker" if p.speaker is None else "wrong speaker"
                        log.add(
                            name, cls, f"{text[g.start : g.end][:70]!r}: gold {g.speaker!r}, factdiff {p.speaker!r}"
                        )
    return [
        prf_row(name, "direct quote span F1 (all quote facts)", tp["all"], n_pred["all"], tp["all"], n_gold),
        prf_row(
            name,
            "direct quote span F1 (quotes with a speaker)",
            tp["with speaker"],
            n_pred["with speaker"],
            tp["with speaker"],
            n_gold,
        ),  # fmt: skip
        share_row(
            name,
            f"speaker accuracy, matched quotes with a named source ({pronoun_sources} with pronoun sources skipped)",
            speaker_ok,
            speaker_n,
        ),
    ]


def textacy(data: Path, log: Log) -> list[Row]:
    """textacy's English direct-quotation cases: share reproduced (content, speaker and cue)."""
    name = "textacy quotes"
    path = data / "textacy-quote-tests" / "direct_quotations_cases.json"
    if not path.exists():
        return [missing_row(name, path)]
    cases = load_json(path)["cases_en"]
    reproduced = 0
    for case in cases:
        text = case["text"]
        facts = run_factdiff(text, log, name)
        found = [q for q in predicted_quotes(text, facts) if q.speaker]
        quote_facts = [f for f in facts if f.kind is FactKind.QUOTE]
        expected = case["expected"]
        ok = len(found) == len(expected)
        for want, got in zip(expected, found, strict=False):
            content = want["content"]
            speaker = " ".join(want["speaker"])
            same_words = " ".join(content.strip(OPENING + CLOSING + ",.!? ").split()) == " ".join(
                text[got.start : got.end].strip(",.!? ").split()
            )
            # textacy leaves `he` unresolved; factdiff resolves it to the person named before.
            same_speaker = speaker_agrees(got.speaker, speaker) or (
                not named(speaker) and bool(got.speaker) and got.speaker in text
            )
            cue = next((f.cue for f in quote_facts if overlap(f.span, got[:2])), None)
            ok = ok and same_words and same_speaker and cue == " ".join(want["cue"]).lower()
        reproduced += ok
        if not ok:
            log.add(
                name,
                "not reproduced",
                f"{text!r}: want {expected}; factdiff {[(text[q.start : q.end], q.speaker) for q in found]}",
            )
    return [share_row(name, "cases reproduced (English; smoke test)", reproduced, len(cases))]
