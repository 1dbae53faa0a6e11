"""Render results as JSON for machines (schema `factdiff/1`, documented in the README)."""

from __future__ import annotations

import json
from typing import Any

from compare import __version__
from compare.records import Article, CheckResult, Fact

SCHEMA = "factdiff/1"


def fact_record(fact: Fact) -> dict[str, Any]:
    """The JSON form of one fact: every field, `null` where it does not apply."""
    return {
        "kind": fact.kind.value,
        "text": fact.text,
        "value": fact.value,
        "high": fact.high,
        "unit": fact.unit,
        "counts": fact.counts,
        "qualifier": fact.qualifier,
        "speaker": fact.speaker,
        "cue": fact.cue,
        "title": fact.title,
        "org": fact.org,
        "former": fact.former,
        "start": fact.start,
        "end": fact.end,
        "line": fact.line,
    }


def _article_record(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "outlet": article.outlet,
        "date": article.date,
        "date_source": article.date_source,
        "date_evidence": article.date_evidence,
        "sentences": len(article.sentences),
        "furniture_lines": list(article.furniture),
    }


def _dump(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def render_json(result: CheckResult) -> str:
    """Render a check result: articles, skipped inputs, stories, discrepancies."""
    data = {
        "schema": SCHEMA,
        "version": __version__,
        "articles": [_article_record(a) for a in result.articles],
        "skipped": [{"path": s.path, "reason": s.reason} for s in result.skipped],
        "stories": [
            {"id": s.id, "articles": list(s.articles), "near_duplicates": [list(p) for p in s.near_duplicates]}
            for s in result.stories
        ],
        "discrepancies": [
            {
                "id": d.id,
                "story": d.story,
                "kind": d.kind.value,
                "class": d.cls.value,
                "severity": d.severity.value,
                "subject": d.subject,
                "reason": d.reason,
                "diff": list(d.diff),
                "claims": [
                    {
                        "article": c.article,
                        "date": c.date,
                        "text": c.fact.text,
                        "value": c.fact.value,
                        "qualifier": c.fact.qualifier,
                        "line": c.fact.line,
                        "sentence": c.sentence,
                    }
                    for c in d.claims
                ],
            }
            for d in result.discrepancies
        ],
    }
    return _dump(data)


def render_facts_json(articles: list[Article], facts: dict[str, tuple[Fact, ...]]) -> str:
    """Render the facts of each article (`factdiff facts --format json`)."""
    return _dump(
        {
            "schema": SCHEMA,
            "version": __version__,
            "articles": [
                {"id": a.id, "date": a.date, "facts": [fact_record(f) for f in facts[a.id]]} for a in articles
            ],
        }
    )
