"""The pipeline: read, extract, align, group into stories, compare. One function, `run_check`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from compare.align import AlignConfig, align_all, group_stories
from compare.comparison import CompareConfig, find_discrepancies
from compare.errors import InputError
from compare.extract import extract_facts, infer_article_date
from compare.ingest import iter_paths, read_article, read_stdin, unique_ids
from compare.records import Article, CheckResult, Skipped, Story


@dataclass(frozen=True)
class Config:
    """Everything a run can be told; vary it with `dataclasses.replace`."""

    encoding: str | None = None
    align: AlignConfig = field(default_factory=AlignConfig)
    compare: CompareConfig = field(default_factory=CompareConfig)


def read_inputs(paths: Iterable[str], config: Config = Config()) -> tuple[list[Article], list[Skipped]]:
    """Read every input path; an input that cannot be read is kept as Skipped with its reason."""
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for raw in iter_paths(paths):
        try:
            if raw == "-":
                articles.append(read_stdin(encoding=config.encoding))
            else:
                articles.append(read_article(Path(raw), encoding=config.encoding))
        except InputError as error:
            skipped.append(Skipped(error.path, error.reason))
    return unique_ids(articles), skipped


def date_articles(articles: Iterable[Article]) -> list[Article]:
    """Give an undated article the latest day its own text pins down, marked as inferred."""
    dated = []
    for article in articles:
        if article.date is None:
            inferred = infer_article_date(article)
            if inferred is not None:
                article = replace(article, date=inferred[0], date_source="text", date_evidence=inferred[1])
        dated.append(article)
    return dated


def date_from_stories(articles: Iterable[Article], stories: Iterable[Story]) -> list[Article]:
    """Give an undated article the date its story's dated articles share, marked as inferred.

    An article that reports the same event as dated articles (same story) was
    written when they were; their most common date is taken, the earliest on a tie.
    """
    by_id = {a.id: a for a in articles}
    for story in stories:
        dated = [by_id[i] for i in story.articles if by_id[i].date and len(by_id[i].date or "") >= 10]
        if not dated:
            continue
        counts = Counter(a.date for a in dated)
        date = min(counts, key=lambda d: (-counts[d], d))
        sources = ", ".join(a.id for a in dated if a.date == date)
        for aid in story.articles:
            if by_id[aid].date is None:
                by_id[aid] = replace(
                    by_id[aid],
                    date=date,
                    date_source="story",
                    date_evidence=f"no date of its own; it reports the same story as {sources}, dated {date}",
                )
    return sorted(by_id.values(), key=lambda a: a.id)


def check_articles(articles: Iterable[Article], skipped: Iterable[Skipped] = (), config: Config = Config()) -> CheckResult:
    """Run extraction, alignment, story grouping and comparison over read articles."""
    ordered = sorted(date_articles(articles), key=lambda a: a.id)
    alignments = align_all(ordered, config.align)
    stories = group_stories(ordered, alignments, config.align)
    ordered = date_from_stories(ordered, stories)
    facts = {a.id: extract_facts(a) for a in ordered}
    discrepancies = find_discrepancies(ordered, facts, stories, alignments, config.compare)
    return CheckResult(
        articles=tuple(ordered),
        skipped=tuple(sorted(skipped, key=lambda s: s.path)),
        facts=facts,
        stories=stories,
        alignments=alignments,
        discrepancies=discrepancies,
    )


def run_check(paths: Iterable[str], config: Config = Config()) -> CheckResult:
    """Read `paths` and check them: the one entry point of the CLI and the golden tests."""
    articles, skipped = read_inputs(paths, config)
    return check_articles(articles, skipped, config)
