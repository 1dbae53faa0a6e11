"""Baselines: discrepancies an editor has accepted once and does not want to see again.

A baseline is a JSON file (schema `factdiff-baseline/1`) of entries keyed by the
discrepancy id. The id is a digest of what the sources say (each claim's article
and words as written, not its line), so editing an article elsewhere, moving a
paragraph or adding an unrelated article leaves it valid; changing a disputed
number or quotation makes a new discrepancy, which is reported. The other fields
(kind, class, subject, sources) are there for people reading the file, and an
optional `note` records why it was accepted:

    {
      "schema": "factdiff-baseline/1",
      "accepted": [
        {"id": "D-3f2a9c0d1e", "kind": "quote", "class": "cosmetic",
         "subject": "quotation of Hegseth", "sources": ["001", "002"],
         "note": "house style differs"}
      ]
    }
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from compare.errors import ConfigError
from compare.records import BaselineEntry, CheckResult, Discrepancy

SCHEMA = "factdiff-baseline/1"


def entry_for(discrepancy: Discrepancy, note: str = "") -> BaselineEntry:
    """The baseline entry that accepts `discrepancy`."""
    return BaselineEntry(
        id=discrepancy.id,
        kind=discrepancy.kind.value,
        cls=discrepancy.cls.value,
        subject=discrepancy.subject,
        sources=tuple(sorted({c.article for c in discrepancy.claims})),
        note=note,
    )


def render_baseline(discrepancies: Iterable[Discrepancy], notes: Mapping[str, str] | None = None) -> str:
    """The baseline accepting every one of `discrepancies`, sorted by id.

    `notes` (by id) carries over the notes of an earlier baseline.
    """
    notes = notes or {}
    entries = sorted((entry_for(d, notes.get(d.id, "")) for d in discrepancies), key=lambda e: e.id)
    data = {
        "schema": SCHEMA,
        "accepted": [
            {"id": e.id, "kind": e.kind, "class": e.cls, "subject": e.subject, "sources": list(e.sources), "note": e.note}
            for e in entries
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def load_baseline(path: Path) -> tuple[BaselineEntry, ...]:
    """Read a baseline file; raises ConfigError naming the file and what is wrong."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"cannot read the baseline {path}: {error.strerror or error}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ConfigError(f"the baseline {path} is not valid JSON: {error}") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise ConfigError(f"the baseline {path} is not a factdiff baseline (expected \"schema\": \"{SCHEMA}\")")
    accepted = data.get("accepted")
    if not isinstance(accepted, list):
        raise ConfigError(f"the baseline {path} has no \"accepted\" list")
    return tuple(_entry(item, path, number) for number, item in enumerate(accepted, 1))


def _entry(item: Any, path: Path, number: int) -> BaselineEntry:
    if not isinstance(item, dict) or not isinstance(item.get("id"), str) or not item["id"]:
        raise ConfigError(f"the baseline {path}: entry {number} has no \"id\"")
    texts = {key: item.get(key, "") for key in ("kind", "class", "subject", "note")}
    sources = item.get("sources", [])
    if not all(isinstance(v, str) for v in texts.values()) or not (
        isinstance(sources, list) and all(isinstance(s, str) for s in sources)
    ):
        raise ConfigError(f"the baseline {path}: entry {number} ({item['id']}) has a field of the wrong type")
    return BaselineEntry(
        id=item["id"],
        kind=texts["kind"],
        cls=texts["class"],
        subject=texts["subject"],
        sources=tuple(sources),
        note=texts["note"],
    )


def apply_baseline(result: CheckResult, entries: Iterable[BaselineEntry]) -> CheckResult:
    """Move the discrepancies the baseline accepts to `accepted`; list unmatched entries as `stale`.

    Stale means no discrepancy of the whole run matched: call this before the
    result is narrowed to the articles under check, so that an entry about
    context articles only is not called stale.
    """
    by_id = {e.id: e for e in entries}
    found = {d.id for d in result.discrepancies} | {d.id for d in result.accepted}
    return replace(
        result,
        discrepancies=tuple(d for d in result.discrepancies if d.id not in by_id),
        accepted=result.accepted + tuple(d for d in result.discrepancies if d.id in by_id),
        stale=tuple(sorted((e for e in by_id.values() if e.id not in found), key=lambda e: e.id)),
    )
