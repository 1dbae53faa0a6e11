"""Date sets: TempEval-3 timexes, dateparser search cases, Recognizers-Text date extractor and parser."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from scoring import (
    Log,
    Row,
    load_json,
    load_jsonl,
    match_results,
    missing_row,
    overlap,
    prf_row,
    run_factdiff,
    share_row,
    show,
)  # fmt: skip

from compare.records import Fact, FactKind

RE_DAY_MONTH_YEAR = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?)?")

# Words of French, Portuguese, Italian, German that dateparser cases written in plain
# ASCII still carry (`Date de facture 23 juillet 2020`): such cases are not English.
FOREIGN_WORDS = frozenset("de le la il und em des du uhr vous".split())

# The upstream tests that give no RELATIVE_BASE run at this time (their expected values
# for `next Tuesday`, `last Friday` are computed from it).
DATEPARSER_DEFAULT_BASE = "2026-09-23"


def dates(facts: tuple[Fact, ...]) -> list[Fact]:
    return [f for f in facts if f.kind is FactKind.DATE]


def value_agrees(fact_value: str, iso: str) -> bool:
    """factdiff's ISO value at its own precision (`2019`, `2019-06`, `2019-06-05`) agrees with `iso`."""
    return bool(RE_DAY_MONTH_YEAR.fullmatch(fact_value)) and iso.startswith(fact_value)


def tempeval3(data: Path, log: Log) -> list[Row]:
    """TempEval-3 training set: DATE timexes valued as a day, month or year, against each doc's DCT."""
    name = "TempEval-3 (TBAQ)"
    folder = data / "tempeval3-timex"
    paths = sorted(folder.glob("*.jsonl"))
    if not paths:
        return [missing_row(name, folder)]
    n_gold = n_pred = strict = relaxed = valued = 0
    for path in paths:
        for doc in load_jsonl(path):
            text = doc["text"]
            gold, other = [], []
            for t in doc["timexes"]:
                if t["type"] == "DATE" and RE_DAY_MONTH_YEAR.fullmatch(t["value"]):
                    gold.append(t)
                else:
                    other.append((t["start"], t["end"]))
            predicted = []
            for f in dates(run_factdiff(text, log, name, date=doc["dct"][:10], id=doc["doc_id"])):
                in_subset = any(overlap(f.span, (t["start"], t["end"])) for t in gold)
                if in_subset or not any(overlap(f.span, span) for span in other):
                    predicted.append(f)
            n_gold += len(gold)
            n_pred += len(predicted)
            used: set[int] = set()
            for t in gold:
                span = (t["start"], t["end"])
                hits = [i for i, f in enumerate(predicted) if i not in used and overlap(span, f.span)]
                if not hits:
                    log.add(name, "missed", f"{doc['doc_id']} dct {doc['dct'][:10]}: {t['text']!r}={t['value']}")
                    continue
                i = max(hits, key=lambda i: overlap(span, predicted[i].span))
                used.add(i)
                f = predicted[i]
                relaxed += 1
                if f.span == span:
                    strict += 1
                else:
                    log.add(name, "span differs", f"gold {t['text']!r} vs factdiff {f.text!r}")
                if f.value == t["value"]:
                    valued += 1
                else:
                    log.add(
                        name,
                        "value differs",
                        f"{doc['doc_id']} dct {doc['dct'][:10]}: {t['text']!r} gold {t['value']} vs {f.value}",
                    )
            for i, f in enumerate(predicted):
                if i not in used:
                    log.add(name, "spurious date", f"{doc['doc_id']}: {f.text!r}={f.value} in {_around(text, f)!r}")
    return [
        prf_row(name, "strict span F1 (DATE day/month/year)", strict, n_pred, strict, n_gold),
        prf_row(name, "relaxed span F1 (DATE day/month/year)", relaxed, n_pred, relaxed, n_gold),
        prf_row(name, "normalised value F1 (DATE day/month/year)", valued, n_pred, valued, n_gold),
    ]


def _around(text: str, f: Fact, width: int = 40) -> str:
    return " ".join(text[max(0, f.start - width) : f.end + width].split())


def _english(case: dict[str, Any]) -> bool:
    """A dateparser case is English if it names English, or names no language and reads as English."""
    if any(c.isalpha() and ord(c) >= 0x250 for c in case["text"]):
        return False  # Cyrillic, Han, Arabic...: not English whatever the case lists
    languages = case["param_args"] or case["languages"]
    tagged = {e[2] for e in case["expected"] or [] if isinstance(e, list) and len(e) > 2}
    if languages is not None:
        return "en" in languages and (not tagged or "en" in tagged)
    if tagged:
        return "en" in tagged
    words = set(re.findall(r"[a-z]+", case["text"].lower()))
    return case["text"].isascii() and not words & FOREIGN_WORDS


def _dateparser_base(case: dict[str, Any], default: str) -> str:
    base = (case["settings"] or {}).get("RELATIVE_BASE")
    if base:
        return base[:10]
    call = case["call_in_test"]
    if "relative_base" in call:
        return default
    m = re.search(r"datetime\.datetime\((\d{4}), (\d+), (\d+)", call)
    return f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}" if m else DATEPARSER_DEFAULT_BASE


def dateparser(data: Path, log: Log) -> list[Row]:
    """dateparser search_dates cases in English: share of cases whose dates factdiff reproduces."""
    name = "dateparser search"
    path = data / "dateparser-search-tests" / "search_dates_cases.json"
    if not path.exists():
        return [missing_row(name, path)]
    doc = load_json(path)
    cases = [c for c in doc["cases"] if _english(c) and all(isinstance(e, list) for e in c["expected"] or [])]
    reproduced = hit = extracted = 0
    for case in cases:
        text = case["text"]
        base = _dateparser_base(case, doc["relative_base_constant"][:10])
        found = dates(run_factdiff(text, log, name, date=base))
        expected = case["expected"] or []
        used: set[int] = set()
        for substring, iso, *_ in expected:
            at = text.find(substring)
            span = (at, at + len(substring))
            for i, f in enumerate(found):
                if i not in used and overlap(span, f.span) and value_agrees(str(f.value), iso):
                    used.add(i)
                    break
        extracted += len(found)
        hit += len(used)
        ok = len(used) == len(expected) and (expected or not found)
        reproduced += bool(ok)
        if not ok:
            want = ", ".join(f"{s!r}={iso[:10]}" for s, iso, *_ in expected) or "nothing"
            cls = "spurious date" if not expected else ("missed" if not found else "partly missed or wrong value")
            log.add(name, cls, f"{text[:100]!r} (base {base}): want {want}; factdiff {show(found)}")
    return [
        share_row(name, "cases reproduced (precision: facts)", reproduced, len(cases), hit=hit, extracted=extracted)
    ]


def recognizers_dates(data: Path, log: Log) -> list[Row]:
    """Recognizers-Text DateExtractor (spans) and DateParser (values) English specs."""
    rows = []
    folder = data / "recognizers-text-specs" / "DateTime" / "English"
    for file, parse in (("DateExtractor.json", False), ("DateParser.json", True)):
        name = f"Recognizers-Text {file.removesuffix('.json')}"
        path = folder / file
        if not path.exists():
            rows.append(missing_row(name, path))
            continue
        cases = [c for c in load_json(path) if "python" not in c.get("NotSupported", "").lower()]
        rows.append(_recognizers_date_spec(name, cases, parse, log))
    return rows


def _recognizers_date_spec(name: str, cases: list[dict[str, Any]], parse: bool, log: Log) -> Row:
    reproduced = hit = extracted = 0
    for case in cases:
        # Extractor cases carry no reference date; they get the parser files' one, so
        # that relative dates (`friday`, `tomorrow`) are yielded at all.
        base = case.get("Context", {}).get("ReferenceDateTime", "2016-11-07")[:10]
        found = dates(run_factdiff(case["Input"], log, name, date=base))
        used = match_results(
            case["Results"], found, lambda r: (r["Start"], r["Start"] + r["Length"]),
            lambda r, f: not parse or f.value in {v["date"] for k, v in r.get("Value", {}).items() if k.endswith("Resolution")},
        )  # fmt: skip
        extracted += len(found)
        hit += len(used)
        ok = len(used) == len(case["Results"]) and (case["Results"] or not found)
        reproduced += bool(ok)
        if not ok:
            want = (
                ", ".join(f"{r['Text']!r}" + (f"={r['Value']['Timex']}" if parse else "") for r in case["Results"])
                or "nothing"
            )
            cls = "spurious date" if not case["Results"] else ("missed" if not found else "wrong value or span")
            log.add(name, cls, f"{case['Input'][:100]!r} (ref {base}): want {want}; factdiff {show(found)}")
    return share_row(name, "cases reproduced (precision: facts)", reproduced, len(cases), hit=hit, extracted=extracted)
