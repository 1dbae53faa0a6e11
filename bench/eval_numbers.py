"""Numeric sets: NewsQuant (CQE), Recognizers-Text number specs, quantulum3, number-parser tables."""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from scoring import (
    Log,
    Row,
    close,
    load_json,
    match_results,
    missing_row,
    numeric,
    overlap,
    prf_row,
    run_factdiff,
    share_row,
    show,
)  # fmt: skip

from compare.comparison import change_of, hedge_of
from compare.extract.numbers import parse_number_words, parse_ordinal_words
from compare.records import Fact, FactKind

# factdiff unit or currency code -> CQE's normalised unit name (the vocabulary of
# NewsQuant's `normalized_unit`), as CQE's own tagger maps each system's units.
CQE_UNITS: dict[str, str] = {
    "%": "percentage", "percentage points": "percentage point", "basis points": "basis point", "USD": "dollar",
    "×": "count",  # a multiplier: NewsQuant's "6.5 times earnings" is unit `times`, normalised `count`
    "AUD": "australian dollar", "CAD": "canadian dollar", "NZD": "new zealand dollar",
    "HKD": "hong kong dollar", "SGD": "singapore dollar", "TWD": "new taiwan dollar",
    "EUR": "euro", "GBP": "pound sterling", "JPY": "japanese yen", "CNY": "chinese yuan",
    "KRW": "south korean won", "INR": "indian rupee", "RUB": "russian ruble",
    "CHF": "swiss franc", "MYR": "malaysian ringgit", "BRL": "brazilian real",
    "ILS": "shekel", "DKK": "danish krone", "NOK": "norwegian krone", "SEK": "swedish krona",
    "FIM": "finnish markka", "ESP": "peseta", "NLG": "netherlands guilde", "MXN": "mexican peso",
    "TRY": "turkish lira", "CRC": "costa rican colón", "GEL": "georgian lari", "LAK": "lao kip",
    "km": "kilometre", "m": "metre", "cm": "centimetre", "mm": "millimetre", "nm": "nanometre",
    "mi": "mile", "nmi": "nautical mile", "ft": "foot", "in": "inch", "yd": "yard",
    "kg": "kilogram", "g": "gram", "mg": "milligram", "lb": "pound-mass", "oz": "ounce",
    "t": "metric ton", "L": "litre", "ml": "millilitre", "gal": "gallon", "bbl": "barrel",
    "ha": "hectare", "acre": "acre", "km2": "square kilometre", "sq mi": "square mile",
    "m2": "square metre", "sq ft": "square foot", "mph": "mile per hour",
    "km/h": "kilometre per hour", "kn": "knot", "°": "degree", "°C": "celsius",
    "°F": "fahrenheit", "W": "watt", "kW": "kilowatt", "MW": "megawatt", "GW": "gigawatt",
    "TW": "terawatt", "kWh": "kilowatt hour", "MWh": "megawatt hour", "GWh": "gigawatt hour",
    "TWh": "terawatt hour", "GB": "gigabyte", "MB": "megabyte", "TB": "terabyte",
    "Mbps": "megabit per second", "Gbps": "gigabit per second", "s": "second",
    "min": "minute", "h": "hour", "day": "day", "week": "week", "month": "month",
    "year": "year", "decade": "decade", "century": "century", "bpd": "barrel per day",
    "mpg": "mile per gallon", "hp": "horsepower", "rpm": "revolutions per minute",
    "Hz": "hertz", "kHz": "kilohertz", "MHz": "megahertz", "GHz": "gigahertz",
    "μm": "micrometre", "ppm": "parts-per-million", "ppb": "parts-per-billion",
    "GPa": "gigapascal", "MPa": "megapascal", "kPa": "kilopascal", "PS": "horsepower",
    "m3": "cubic metre", "cu ft": "cubic foot",
    "mAh": "milliampere-hour", "Nm": "newton metre", "lb-ft": "pound-foot", "kV": "kilovolt",
    "μg": "microgram", "dm": "decimetre", "MMBtu": "mega british thermal unit", "BTC": "bitcoin",
}  # fmt: skip

# factdiff qualifier -> NewsQuant `change`; a hedged change (`up more than`) maps by its hedge, as NewsQuant
# annotates "rose more than 10%" (`>`).
CHANGE: dict[str | None, str] = {
    None: "=", "about": "~", "nearly": "~", "more than": ">", "at least": ">",
    "less than": "<", "up to": "<", "up": "up", "down": "down",
}  # fmt: skip

# Function words dropped from factdiff's `measures` before token overlap: CQE's concepts are nouns.
CONCEPT_STOP = frozenset("of the a an and in for to on at by with from".split())
RE_POSSESSIVE = re.compile(r"['’]s?\Z")

RE_CENT = re.compile(r"\bcents?\b|\bpence\b|\bpenn(?:y|ies)\b|\bp\b|(?<=\d)p\b", re.IGNORECASE)
# Pence written out: NewsQuant's unit is `penny` ("470 pence a share" -> `penny per share`).
RE_PENCE_WORD = re.compile(r"\bpence\b|\bpenn(?:y|ies)\b", re.IGNORECASE)
# Pence written `p` ("118.5p"): NewsQuant's unit is `point`, the name CQE's tagger gives
# another system's `p` (tagger.py, ccg_nlp: "p" -> "point").
RE_PENCE_P = re.compile(r"(?<=\d)\s?p\Z")


def _cqe_unit(unit: str) -> str:
    """CQE's name for a factdiff unit; a rate `USD/bbl` is `dollar per barrel`."""
    if unit in CQE_UNITS or "/" not in unit:
        return CQE_UNITS.get(unit, unit.lower())
    base, per = unit.split("/", 1)
    return f"{_cqe_unit(base)} per {_cqe_unit(per)}"


class Quantity(NamedTuple):
    """One quantity in NewsQuant form: value (float, or (low, high) for a range)."""

    value: float | tuple[float, float]
    units: frozenset[str]
    change: str
    concepts: tuple[str, ...]


def _gold_value(raw: str) -> float | tuple[float, float]:
    """NewsQuant values: `2.5`, `-5.0`, `1.0-1.5` (a range), `3.0 - 4.0` (as CQE decodes them)."""
    if "E" not in raw and not raw.startswith("-") and "-" in raw:
        low, high = raw.split("-")[:2]
        return (float(low), float(high))
    return float(raw)


def _singular(word: str) -> str:
    w = word.lower()
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "xes", "ches", "shes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def _singulars(phrase: str) -> set[str]:
    """CQE's names for a counted noun phrase: its head, and the whole phrase, in the singular.

    CQE's tagger maps other systems' units the same way (tagger.py: a final `s` dropped,
    then `different bosse` -> `different boss`, `commercial fishermen` -> `commercial
    fisherman`, `viruse` -> `virus`): NewsQuant's unit for a count is the counted noun
    with its modifiers (`first-team players` -> `first-team player`). Both spellings of
    an ambiguous plural are offered (`viruses`: `viruse` or `virus`; `-men`: `-man`).
    """
    words = phrase.lower().split()
    if not words:
        return set()
    head = words[-1]
    heads = {_singular(head)}
    if head.endswith("ses") and len(head) > 4:
        heads.add(head[:-2])  # viruses -> virus (and `viruse`, as for houses -> house)
    if head.endswith("men") and len(head) > 3:
        heads.add(head[:-3] + "man")  # fishermen -> fisherman
    stem = " ".join(words[:-1])
    return heads | {f"{stem} {h}" for h in heads if stem}


def _concept_tokens(phrase: str | None) -> list[str]:
    """CQE's concept tokens for factdiff's `measures`: words, lower-cased, without function words.

    A possessive is split off as spaCy's tokenizer (CQE's) does: `Volt’s` -> `volt`.
    """
    words = (RE_POSSESSIVE.sub("", w) for w in re.split(r"[,\s]+", (phrase or "").lower()))
    return [w for w in words if w and w not in CONCEPT_STOP]


def _as_quantity(fact: Fact) -> Quantity:
    """A factdiff numeric fact in NewsQuant form (see the module docstring of extraction.py)."""
    value: float = float(fact.value)
    high = fact.high
    if fact.kind is FactKind.AGE:
        units = frozenset({f"{fact.unit or 'year'} of age"})  # an 18-month-old: `month of age`
    elif fact.kind is FactKind.MONEY and RE_CENT.search(fact.text):
        # factdiff states cents in dollars (19 cents -> 0.19 USD); NewsQuant keeps cents.
        value, high = value * 100, (high * 100 if high is not None else None)
        per = fact.unit.split("/", 1)[1] if fact.unit and "/" in fact.unit else None
        name = "point" if RE_PENCE_P.search(fact.text) else "penny" if RE_PENCE_WORD.search(fact.text) else "cent"
        units = frozenset({f"{name} per {_cqe_unit(per)}" if per and name != "point" else name})  # 63 cents per share
    elif fact.unit == "fraction":
        # NewsQuant writes a fraction's unit as `%` and what it is a fraction of ("a third
        # of the population" -> `% population`, "half of which" -> `% -`), or as the thing
        # it is a fraction of, as for a count ("1/16 of a US pint" -> `pint`).
        units = frozenset(
            {f"% {fact.counts.lower() if fact.counts else '-'}"}
            | (_singulars(fact.counts) if fact.counts else set())
        )
    elif fact.unit:
        units = frozenset({_cqe_unit(fact.unit)})
    else:
        # CQE takes a counted noun as the unit (`13000 workers` -> `worker`, `14 first-team
        # players` -> `first-team player`): accept what factdiff says the number counts, or
        # its head, in the singular (`_singulars`), or no unit.
        units = frozenset({"-"} | (_singulars(fact.counts) if fact.counts else set()))
    tokens = _concept_tokens(fact.measures)
    return Quantity(
        (value, high) if high is not None else value,
        units,
        CHANGE.get(hedge_of(fact.qualifier) or change_of(fact.qualifier), "="),  # NewsQuant: "rose more than 10%" is `>`
        tuple(tokens) or ("-",),
    )


def _values_match(gold: float | tuple[float, float], pred: float | tuple[float, float]) -> bool:
    if isinstance(gold, tuple) != isinstance(pred, tuple):
        return False
    if isinstance(gold, tuple) and isinstance(pred, tuple):
        return close(pred[0], gold[0]) and close(pred[1], gold[1])
    assert isinstance(gold, float) and isinstance(pred, float)
    return close(pred, gold)


def _cqe_score(sentences: list[tuple[list[Quantity], list[Quantity]]]) -> Counter[str]:
    """Count matches exactly as CQE_Evaluation's `calculate_metrics` does (see extraction.py)."""
    counts: Counter[str] = Counter()
    for gold, tags in sentences:
        counts["gold"] += len(gold)
        counts["pred"] += len(tags)
        remaining = sorted(tags, key=lambda q: sorted(q.units)[0])
        left = len(gold)
        for g in sorted(gold, key=lambda q: sorted(q.units)[0]):
            for t in list(remaining):
                if not _values_match(g.value, t.value):
                    continue
                if left > 0:
                    counts["value"] += 1
                    left -= 1
                counts["change"] += t.change == g.change
                counts["concept"] += bool({c.lower() for c in g.concepts} & set(t.concepts))
                if g.units & t.units:
                    counts["unit"] += 1
                    remaining.remove(t)
                    break
    return counts


def _cqe_cases(path: Path, log: Log, name: str) -> list[tuple[dict[str, Any], list[Quantity], list[Fact]]]:
    """Each sentence of a CQE set: the case, its gold quantities and factdiff's numeric facts.

    Logs each sentence's error examples. The Recognizers-derived sets have only `value`
    and `normalized_unit`: their change is `=` and their concept `-`.
    """
    cases = []
    for case in load_json(path):
        gold = [
            Quantity(
                _gold_value(q["value"]),
                frozenset({q["normalized_unit"].lower()}),
                q.get("change", "="),
                tuple(re.split(r"[,\s]+", q.get("referred_concepts", "-"))),
            )
            for q in case["quantities"]
        ]
        facts = sorted(numeric(run_factdiff(case["text"], log, name)), key=lambda f: f.start)
        _log_newsquant(log, name, case, gold, [_as_quantity(f) for f in facts], facts)
        cases.append((case, gold, facts))
    return cases


def _scored(cases: list[tuple[dict[str, Any], list[Quantity], list[Fact]]]) -> list[tuple[list[Quantity], list[Quantity]]]:
    """Gold and factdiff's quantities of each sentence, as `_cqe_score` takes them."""
    return [(gold, [_as_quantity(f) for f in facts]) for _, gold, facts in cases]


# "from 240 to 273": the text before the first value of a change written as CQE's one range,
# and between its two values.
RE_FROM_BEFORE = re.compile(r"\bfrom\s+(?:(?:about|around|roughly|nearly|almost|up to)\s+)?\Z", re.IGNORECASE)
RE_TO_BETWEEN = re.compile(r"\s+to\s+\Z")


def _from_to_ranges(text: str, facts: list[Fact]) -> list[Quantity]:
    """factdiff's quantities with each `from X to Y` pair read as one range `X-Y`, as NewsQuant writes it.

    factdiff keeps the two values of a change apart (the comparison needs the level
    before and after); NewsQuant writes them as one range. Two facts of one kind, each
    without a range of its own, the first right after `from` and the second right after
    `to`, become one quantity with the first's change and concept and either's unit.
    """
    quantities: list[Quantity] = []
    i = 0
    while i < len(facts):
        first = facts[i]
        second = facts[i + 1] if i + 1 < len(facts) else None
        if (
            second is not None
            and second.kind is first.kind
            and first.high is None
            and second.high is None
            and RE_FROM_BEFORE.search(text, 0, first.start)
            and RE_TO_BETWEEN.fullmatch(text, first.end, second.start)
        ):
            low, high = _as_quantity(first), _as_quantity(second)
            assert isinstance(low.value, float) and isinstance(high.value, float)
            quantities.append(Quantity((low.value, high.value), low.units | high.units, low.change, low.concepts))
            i += 2
            continue
        quantities.append(_as_quantity(first))
        i += 1
    return quantities


def _cqe_rows(name: str, scored: list[tuple[list[Quantity], list[Quantity]]], measures: tuple[str, ...]) -> list[Row]:
    c = _cqe_score(scored)
    labels = {
        "value": "value F1",
        "unit": "value+unit F1",
        "concept": "value+what-it-counts F1 (partial)",
        "change": "value+direction-of-change F1",
    }
    return [prf_row(name, labels[key], c[key], c["pred"], c[key], c["gold"]) for key in measures]


def newsquant(data: Path, log: Log) -> list[Row]:
    """NewsQuant dev: value, value+unit, value+concept (partial), value+change F1, CQE's matching.

    A second group of rows reads factdiff's `from X to Y` pairs as NewsQuant's one range
    (`_from_to_ranges`): the two sides of that convention.
    """
    name = "NewsQuant dev"
    path = data / "cqe-newsquant" / "NewsQuant.dev.json"
    if not path.exists():
        return [missing_row(name, path)]
    cases = _cqe_cases(path, log, name)
    measures = ("value", "unit", "concept", "change")
    return _cqe_rows(name, _scored(cases), measures) + _cqe_rows(
        f"{name} (from X to Y as one range)",
        [(gold, _from_to_ranges(case["text"], facts)) for case, gold, facts in cases],
        measures,
    )


# CQE's re-annotations of Recognizers-Text NumberWithUnit specs, with CQE's published
# value F1 on each (evaluation_output/<set>.csv): age 93.3, currency 84.2, dimension 86.5,
# temperature 95.7.
CQE_RECOGNIZERS_SETS = ("age", "currency", "dimension", "temperature")


def cqe_recognizers(data: Path, log: Log) -> list[Row]:
    """CQE's Recognizers-derived sets in NewsQuant form: value and value+unit F1, CQE's matching."""
    rows: list[Row] = []
    for set_name in CQE_RECOGNIZERS_SETS:
        name = f"CQE {set_name}-model"
        path = data / "cqe-newsquant" / f"{set_name}-model.json"
        if not path.exists():
            rows.append(missing_row(name, path))
            continue
        rows += _cqe_rows(name, _scored(_cqe_cases(path, log, name)), ("value", "unit"))
    return rows


def _log_newsquant(
    log: Log, name: str, case: dict[str, Any], gold: list[Quantity], tags: list[Quantity], facts: list[Fact]
) -> None:
    text = case["text"][:160]
    for g in gold:
        same = [t for t in tags if _values_match(g.value, t.value)]
        if not same:
            log.add(name, "value missed", f"{text!r}: gold {g.value} {sorted(g.units)[0]}; factdiff {show(facts)}")
            continue
        t = same[0]
        if not g.units & t.units:
            log.add(name, "unit differs", f"{text!r}: gold {g.value} {sorted(g.units)} vs {sorted(t.units)}")
        if g.change != t.change:
            log.add(name, f"change {g.change} read as {t.change}", f"{text!r}: {g.value}")
        if not {c.lower() for c in g.concepts} & set(t.concepts):
            log.add(name, "measures differs", f"{text!r}: gold {' '.join(g.concepts)!r} vs {' '.join(t.concepts)!r}")
    for t, f in zip(tags, facts, strict=True):
        if not any(_values_match(g.value, t.value) for g in gold):
            log.add(name, "spurious value", f"{text!r}: {show([f])}")


# ---------------------------------------------------------------------------
# Recognizers-Text number and number-with-unit specs
# ---------------------------------------------------------------------------


def _python_supported(case: dict[str, Any]) -> bool:
    return "python" not in case.get("NotSupported", "").lower()


def _interval(raw: str) -> tuple[float | None, float | None]:
    """`[20,35)` -> (20, 35); an open bound (`(,30]`) is None. Closedness is not checked."""
    low, high = raw.strip("[]()").split(",")
    return (float(low) if low else None, float(high) if high else None)


def _range_matches(result: dict[str, Any], fact: Fact) -> bool:
    low, high = _interval(result["Resolution"]["value"])
    value = float(fact.value)
    if low is not None and high is not None:
        return fact.high is not None and close(value, low) and close(fact.high, high)
    if high is not None:
        return close(value, high) and hedge_of(fact.qualifier) in ("up to", "less than")
    if low is not None:
        return close(value, low) and hedge_of(fact.qualifier) in ("at least", "more than")
    return False


def _value_matches(result: dict[str, Any], fact: Fact) -> bool:
    raw = result["Resolution"].get("value")
    if raw is None:
        return False
    try:
        expected = float(str(raw).rstrip("%").replace(",", ""))
    except ValueError:
        return False
    if result["Resolution"].get("unit") in ("Cent", "Pence", "Penny") and close(float(fact.value) * 100, expected):
        return True
    if fact.high is not None and result["Start"] > fact.start and close(fact.high, expected):
        return True  # the result is a range's upper end ("40 - 50 years old": '50 years old'=50)
    return close(float(fact.value), expected)


class Spec(NamedTuple):
    measure: str
    folder: str
    file: str
    kinds: frozenset[FactKind]
    with_unit: bool = False
    ranges: bool = False
    all_cases: bool = False


NUMERIC = frozenset({FactKind.QUANTITY, FactKind.PERCENT, FactKind.MONEY, FactKind.AGE})
RECOGNIZERS_NUMERIC = (
    Spec("Number", "Number", "NumberModel.json", NUMERIC),
    Spec("Percent", "Number", "PercentModel.json", frozenset({FactKind.PERCENT})),
    Spec("NumberRange", "Number", "NumberRangeModel.json", NUMERIC, ranges=True),
    Spec(
        "NumberRange (all, incl. NotSupported)", "Number", "NumberRangeModel.json", NUMERIC, ranges=True, all_cases=True
    ),
    Spec("Currency", "NumberWithUnit", "CurrencyModel.json", frozenset({FactKind.MONEY})),
    Spec("Age", "NumberWithUnit", "AgeModel.json", frozenset({FactKind.AGE})),
    Spec("Dimension", "NumberWithUnit", "DimensionModel.json", frozenset({FactKind.QUANTITY}), with_unit=True),
)


def recognizers_numeric(data: Path, log: Log) -> list[Row]:
    """Recognizers-Text English number specs: share of cases whose values factdiff reproduces."""
    name = "Recognizers-Text"
    rows = []
    for spec in RECOGNIZERS_NUMERIC:
        path = data / "recognizers-text-specs" / spec.folder / "English" / spec.file
        if not path.exists():
            rows.append(missing_row(f"{name} {spec.measure}", path))
            continue
        rows.append(
            _recognizers_spec(spec, [c for c in load_json(path) if spec.all_cases or _python_supported(c)], log)
        )
    rows.extend(_ordinals(data, log))
    return rows


def _recognizers_spec(spec: Spec, cases: list[dict[str, Any]], log: Log) -> Row:
    name = f"Recognizers-Text {spec.measure}"
    reproduced = hit = extracted = 0
    matches = _range_matches if spec.ranges else _value_matches
    for case in cases:
        facts = [f for f in numeric(run_factdiff(case["Input"], log, name), spec.kinds)
                 if f.unit or not spec.with_unit]  # fmt: skip
        # A result with no value (`dollar` alone, `metric ton` in a definition) states no amount.
        results = [r for r in case["Results"] if r["Resolution"].get("value") is not None]
        used = match_results(results, facts, lambda r: (r["Start"], r["End"] + 1), matches)
        found = len(used)
        extracted += len(facts)
        hit += len(used)
        ok = found == len(results) and (results or not facts)
        reproduced += bool(ok)
        if not ok:
            want = [f"{r['Text']!r}={r['Resolution'].get('value')}" for r in results] or ["nothing"]
            cls = "spurious fact" if not results else ("missed" if not facts else "wrong value or span")
            log.add(name, cls, f"{case['Input'][:120]!r}: want {', '.join(want)}; factdiff {show(facts)}")
    return share_row(name, "cases reproduced (precision: facts)", reproduced, len(cases), hit=hit, extracted=extracted)


def _ordinals(data: Path, log: Log) -> list[Row]:
    """Recognizers' OrdinalModel: ranks (`FactKind.RANK`) at the expected spans and positions.

    One case is supported for python; the second row scores every case whose results are
    all positions from the start (`21st`, `the first`), leaving out those relative to the
    end or the current item (`last`, `next`, `penultimate`), which factdiff does not read.
    """
    name = "Recognizers-Text Ordinal"
    path = data / "recognizers-text-specs" / "Number" / "English" / "OrdinalModel.json"
    if not path.exists():
        return [missing_row(name, path)]
    cases = load_json(path)
    absolute = [c for c in cases if all(r["Resolution"].get("relativeTo") == "start" for r in c["Results"])]
    return [
        _ordinal_row(name, "cases reproduced (precision: ranks)", [c for c in cases if _python_supported(c)], log),
        _ordinal_row(
            f"{name} (all positions from the start, incl. NotSupported)", "cases reproduced (precision: ranks)",
            absolute, log,
        ),
    ]  # fmt: skip


def _ordinal_row(name: str, measure: str, cases: list[dict[str, Any]], log: Log) -> Row:
    reproduced = hit = extracted = 0
    for case in cases:
        ranks = [f for f in run_factdiff(case["Input"], log, name) if f.kind is FactKind.RANK]
        used = match_results(
            case["Results"], ranks, lambda r: (r["Start"], r["End"] + 1),
            lambda r, f: close(float(f.value), float(r["Resolution"]["value"])),
        )  # fmt: skip
        extracted += len(ranks)
        hit += len(used)
        ok = len(used) == len(case["Results"]) and (case["Results"] or not ranks)
        reproduced += bool(ok)
        if not ok:
            want = [f"{r['Text']!r}={r['Resolution']['value']}" for r in case["Results"]] or ["nothing"]
            cls = "spurious rank" if not case["Results"] else ("missed" if not ranks else "wrong value or span")
            log.add(name, cls, f"{case['Input'][:120]!r}: want {', '.join(want)}; factdiff {show(ranks)}")
    return share_row(name, measure, reproduced, len(cases), hit=hit, extracted=extracted)


# ---------------------------------------------------------------------------
# quantulum3 and number-parser
# ---------------------------------------------------------------------------


def quantulum3(data: Path, log: Log) -> list[Row]:
    """quantulum3 quantities.json: share of gold values factdiff reproduces at their surface."""
    name = "quantulum3 quantities"
    path = data / "quantulum3-tests" / "quantities.json"
    if not path.exists():
        return [missing_row(name, path)]
    gold_total = gold_hit = pred_total = pred_hit = 0
    for case in load_json(path):
        text = case["req"]
        facts = numeric(run_factdiff(text, log, name))
        used: set[int] = set()
        pred_total += len(facts)
        for q in case["res"]:
            gold_total += 1
            at = text.find(q["surface"])
            span = (at, at + len(q["surface"])) if at >= 0 else (0, len(text))
            for i, f in enumerate(facts):
                if i not in used and overlap(span, f.span) and _quantulum_value(f, float(q["value"])):
                    used.add(i)
                    gold_hit += 1
                    break
            else:
                unit = q["unit"]
                cls = "bare number missed" if unit == "dimensionless" else "value with unit missed"
                log.add(name, cls, f"{text[:120]!r}: want {q['surface']!r}={q['value']} {unit}; factdiff {show(facts)}")
        pred_hit += len(used)
        for i, f in enumerate(facts):
            if i not in used:
                log.add(name, "spurious or wrong value", f"{text[:120]!r}: {show([f])}")
    return [prf_row(name, "values reproduced", pred_hit, pred_total, gold_hit, gold_total)]


def _quantulum_value(fact: Fact, expected: float) -> bool:
    """quantulum3 states a range (`8- to 16-meter`) as its mean (12)."""
    if fact.high is not None and close((float(fact.value) + fact.high) / 2, expected):
        return True
    return close(float(fact.value), expected)


def number_parser(data: Path, log: Log) -> list[Row]:
    """number-parser tables: share of rows `parse_number_words` (cardinals) and `parse_ordinal_words` reproduce."""
    name = "number-parser words"
    root = data / "number-parser-tests"
    if not root.exists():
        return [missing_row(name, root)]
    rows = []
    parsers: tuple[tuple[str, tuple[str, ...], Callable[[str], float | None]], ...] = (
        ("cardinals reproduced (hundreds, permutations)", ("hundreds", "permutations"), parse_number_words),
        ("ordinals reproduced (ordinals, ordinals_permutations)", ("ordinals", "ordinals_permutations"),
         parse_ordinal_words),
    )  # fmt: skip
    for measure, folders, parse in parsers:
        total = ok = 0
        for folder in folders:
            for path in sorted((root / folder).glob("en_*.csv")):
                with path.open(encoding="utf-8") as stream:
                    for record in csv.DictReader(stream):
                        total += 1
                        got = parse(record["text"])
                        if got is not None and close(got, float(record["number"])):
                            ok += 1
                        else:
                            log.add(
                                f"{name} ({folder})",
                                "not reproduced",
                                f"{record['text'].strip()!r}: want {record['number']}, got {got}",
                            )
        rows.append(share_row(name, measure, ok, total))
    return rows
