"""Shared pieces of the extraction benchmark: table rows, counts, spans, running factdiff."""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from compare.extract import extract_facts
from compare.ingest import article_from_text
from compare.records import AMOUNT_KINDS, Fact, FactKind


class Row(NamedTuple):
    """One line of the printed table; figures are already formatted."""

    set: str
    measure: str
    precision: str
    recall: str
    f1: str
    cases: str


def pct(part: int, whole: int) -> str:
    """`part/whole` as a percentage with one decimal, or `-` when `whole` is 0."""
    return f"{100 * part / whole:.1f}" if whole else "-"


def prf_row(set_name: str, measure: str, tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> Row:
    """A row with precision `tp_pred/n_pred`, recall `tp_gold/n_gold` and their F1.

    The true positives are counted on each side so that a scorer whose matching is
    not one-to-one (CQE's) can still be reported as published.
    """
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    f1 = f"{100 * 2 * p * r / (p + r):.1f}" if p + r else ("0.0" if n_pred or n_gold else "-")
    return Row(set_name, measure, pct(tp_pred, n_pred), pct(tp_gold, n_gold), f1, str(n_gold))


def share_row(set_name: str, measure: str, reproduced: int, cases: int, *, hit: int = 0, extracted: int = 0) -> Row:
    """A row for "share of cases reproduced" (recall column); precision is on extracted facts when given."""
    return Row(set_name, measure, pct(hit, extracted) if extracted else "-", pct(reproduced, cases), "-", str(cases))


def missing_row(set_name: str, path: Path) -> Row:
    return Row(set_name, f"missing: {path}", "-", "-", "-", "0")


def close(a: float, b: float) -> bool:
    """Values equal as CQE compares them (numpy.isclose, rtol 1e-5, atol 1e-8)."""
    return abs(a - b) <= 1e-8 + 1e-5 * abs(b)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Number of characters two half-open spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_results(
    results: Iterable[dict[str, Any]],
    facts: Sequence[Fact],
    span_of: Callable[[dict[str, Any]], tuple[int, int]],
    accepts: Callable[[dict[str, Any], Fact], bool],
) -> set[int]:
    """Pair expected results with facts one to one, in order; the indices of the facts used.

    Each result takes the first fact not yet used that overlaps its span and that
    `accepts` (same value, same date...), as a reader checking the cases by hand would.
    """
    used: set[int] = set()
    for result in results:
        span = span_of(result)
        for i, fact in enumerate(facts):
            if i not in used and overlap(span, fact.span) and accepts(result, fact):
                used.add(i)
                break
    return used


def load_json(path: Path) -> Any:
    """Read JSON, dropping a byte-order mark (the Recognizers specs carry one)."""
    return json.loads(path.read_text(encoding="utf-8-sig"))


def load_jsonl(path: Path) -> list[Any]:
    with path.open(encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]


@dataclass
class Log:
    """Error examples per set and class, and inputs on which factdiff raised."""

    examples: dict[str, dict[str, list[str]]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(list)))
    crashes: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, set_name: str, cls: str, example: str) -> None:
        self.examples[set_name][cls].append(example)

    def render(self, limit: int) -> str:
        lines: list[str] = []
        for set_name in sorted(self.examples):
            lines.append(f"\n## {set_name}")
            classes = self.examples[set_name]
            for cls in sorted(classes, key=lambda c: (-len(classes[c]), c)):
                lines.append(f"- {cls}: {len(classes[cls])}")
                lines.extend(f"    {example}" for example in classes[cls][:limit])
        return "\n".join(lines)


def run_factdiff(text: str, log: Log, set_name: str, *, date: str | None = None, id: str = "case") -> tuple[Fact, ...]:
    """All facts factdiff extracts from `text` (an article dated `date`); () if it raises.

    A raising input is counted in `log.crashes` and reported as its own row: it is a
    bug in factdiff, and one bad input must not hide the figures of the rest.
    """
    try:
        return extract_facts(article_from_text(text, id=id, date=date))
    except Exception as exc:  # noqa: BLE001 - counted and reported, see docstring
        log.crashes[set_name] += 1
        log.add(set_name, "factdiff raised", f"{type(exc).__name__}: {exc} on {text[:80]!r}")
        return ()


def numeric(facts: Iterable[Fact], kinds: Iterable[FactKind] = AMOUNT_KINDS) -> list[Fact]:
    wanted = set(kinds)
    return [f for f in facts if f.kind in wanted]


def show(facts: Iterable[Fact]) -> str:
    """A compact rendering of facts for error examples."""
    parts = []
    for f in facts:
        extra = "".join(
            f" {name}={getattr(f, name)!r}"
            for name in ("high", "unit", "counts", "qualifier", "speaker")
            if getattr(f, name)
        )
        parts.append(f"{f.kind.value}:{f.text!r}={f.value!r}{extra}")
    return "[" + "; ".join(parts) + "]"


def fmt(value: float) -> str:
    return f"{value:g}" if math.isfinite(value) else str(value)
