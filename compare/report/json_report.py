"""Render results as JSON for machines (schema `factdiff/2`, shipped as `factdiff.schema.json`).

Two documents share one schema, told apart by `document`: `check` (a run of the
pipeline: articles, stories, discrepancies, accepted ones, stale baseline entries)
and `facts` (the facts of each article). A fact has one shape wherever it appears:
as written (`text`, with `start`/`end` into the article's decoded text) and
normalised (`value`, `high`, `unit`, ...). Output is deterministic: no clock, no
paths but the ones given, every list in the order the pipeline sorted it.

`factdiff/1` gave claims a flat, partial copy of the fact; `factdiff/2` nests the
whole fact record under `claims[].fact`, hence the new major version.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict
from importlib import resources
from typing import TYPE_CHECKING, Any

from compare import __version__
from compare.records import (
    Article,
    BaselineEntry,
    Boilerplate,
    CheckResult,
    Claim,
    Discrepancy,
    DiscrepancyClass,
    Fact,
    Severity,
    Skipped,
    ignored,
    unreadable,
)

if TYPE_CHECKING:
    from compare.settings import Settings

SCHEMA = "factdiff/2"
SCHEMA_FILE = "factdiff.schema.json"


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of both documents, as shipped in the package."""
    text = resources.files("compare.report").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def fact_record(fact: Fact) -> dict[str, Any]:
    """The JSON form of one fact: every field, `null` where it does not apply."""
    return {
        "kind": fact.kind.value,
        "text": fact.text,
        "start": fact.start,
        "end": fact.end,
        "line": fact.line,
        "value": fact.value,
        "high": fact.high,
        "unit": fact.unit,
        "counts": fact.counts,
        "measures": fact.measures,
        "qualifier": fact.qualifier,
        "speaker": fact.speaker,
        "cue": fact.cue,
        "title": fact.title,
        "org": fact.org,
        "former": fact.former,
    }


def boilerplate_record(boilerplate: Boilerplate) -> dict[str, Any]:
    """The JSON form of one boilerplate shape, with its first sentence as an example."""
    return {
        "pattern": " ".join(boilerplate.shape),
        "kind": "paired" if boilerplate.paired else "pattern",
        "articles": boilerplate.articles,
        "sentences": boilerplate.sentences,
        "example": {"article": boilerplate.article, "line": boilerplate.line, "text": boilerplate.text},
    }


def article_record(article: Article) -> dict[str, Any]:
    """The JSON form of an article's metadata (its text is not repeated)."""
    return {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "author": article.author,
        "date": article.date,
        "date_source": article.date_source,
        "date_evidence": article.date_evidence,
        "sentences": len(article.sentences),
        "furniture_lines": list(article.furniture),
        "notes": list(article.notes),
    }


def _claim_record(claim: Claim, paths: dict[str, str]) -> dict[str, Any]:
    return {
        "article": claim.article,
        "path": paths[claim.article],
        "date": claim.date,
        "sentence": claim.sentence,
        "fact": fact_record(claim.fact),
    }


def discrepancy_record(discrepancy: Discrepancy, paths: dict[str, str]) -> dict[str, Any]:
    """The JSON form of a discrepancy; `paths` maps article ids to their paths."""
    return {
        "id": discrepancy.id,
        "story": discrepancy.story,
        "kind": discrepancy.kind.value,
        "class": discrepancy.cls.value,
        "severity": discrepancy.severity.value,
        "subject": discrepancy.subject,
        "reason": discrepancy.reason,
        "diff": list(discrepancy.diff),
        "claims": [_claim_record(c, paths) for c in discrepancy.claims],
    }


def _baseline_record(entry: BaselineEntry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "kind": entry.kind,
        "class": entry.cls,
        "subject": entry.subject,
        "sources": list(entry.sources),
        "note": entry.note,
    }


def _skipped_records(skipped: Iterable[Skipped]) -> list[dict[str, str]]:
    return [{"path": s.path, "reason": s.reason} for s in skipped]


def settings_record(settings: Settings) -> dict[str, Any]:
    """The settings of a run that change its findings, without machine paths.

    The baseline is given as a flag, not its path: a path would differ from one
    checkout to the next, and `accepted`/`stale` already say what it matched.
    """
    return {
        "fail_on": settings.fail_on or "never",
        "baseline": settings.baseline is not None,
        "ignore_kinds": sorted(k.value for k in settings.ignore_kinds),
        "ignore_classes": sorted(c.value for c in settings.ignore_classes),
        "align": asdict(settings.align),
        "compare": asdict(settings.compare),
    }


def _summary(result: CheckResult) -> dict[str, Any]:
    severities = Counter(d.severity.value for d in result.discrepancies)
    classes = Counter(d.cls.value for d in result.discrepancies)
    return {
        "articles": {
            "processed": len(result.articles),
            "skipped": len(result.unreadable),
            "ignored": len(result.ignored),
            "in_scope": sum(result.in_scope(a.id) for a in result.articles),
        },
        "discrepancies": len(result.discrepancies),
        "by_severity": {s.value: severities[s.value] for s in Severity},
        "by_class": {c.value: classes[c.value] for c in DiscrepancyClass},
        "accepted": len(result.accepted),
        "stale": len(result.stale),
    }


def _dump(data: dict[str, Any]) -> str:
    # ensure_ascii=False: text is shown as written (curly quotes, no-break spaces in `55 000`).
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def render_json(result: CheckResult, *, settings: Settings | None = None) -> str:
    """Render a check result (`factdiff check --format json`).

    With `--against`, `articles` and `stories` hold what the run's findings bear
    on (`CheckResult.listed_articles`: the articles under check, the context in
    their stories, every article a finding cites) and `not_listed` counts the
    rest; without, they hold everything and `not_listed` is zero.

    `settings` are the effective settings of the run (file and command line
    merged); without them the document's `settings` is `null`.
    """
    paths = {a.id: a.path for a in result.articles}
    listed = result.listed_articles()
    stories = result.listed_stories()
    data = {
        "schema": SCHEMA,
        "document": "check",
        "version": __version__,
        "settings": None if settings is None else settings_record(settings),
        "scope": None if result.scope is None else sorted(result.scope),
        "summary": _summary(result),
        "articles": [article_record(a) | {"in_scope": result.in_scope(a.id)} for a in result.articles if a.id in listed],
        "skipped": _skipped_records(result.unreadable),
        "ignored": _skipped_records(result.ignored),
        "stories": [
            {"id": s.id, "articles": list(s.articles), "near_duplicates": [list(p) for p in s.near_duplicates]}
            for s in stories
        ],
        "not_listed": {"articles": len(result.articles) - len(listed), "stories": len(result.stories) - len(stories)},
        "boilerplate": [boilerplate_record(b) for b in result.boilerplate],
        "discrepancies": [discrepancy_record(d, paths) for d in result.discrepancies],
        "accepted": [discrepancy_record(d, paths) for d in result.accepted],
        "stale": [_baseline_record(e) for e in result.stale],
    }
    return _dump(data)


def render_facts_json(
    articles: Iterable[Article], facts: dict[str, tuple[Fact, ...]], skipped: Iterable[Skipped] = ()
) -> str:
    """Render the facts of each article (`factdiff facts --format json`)."""
    return _dump(
        {
            "schema": SCHEMA,
            "document": "facts",
            "version": __version__,
            "articles": [article_record(a) | {"facts": [fact_record(f) for f in facts[a.id]]} for a in articles],
            "skipped": _skipped_records(unreadable(skipped)),
            "ignored": _skipped_records(ignored(skipped)),
        }
    )
