"""The pipeline: read, extract, align, group into stories, compare. One function, `run_check`."""

from __future__ import annotations

import functools
import os
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

from compare.align import AlignConfig, align_corpus, group_stories
from compare.baseline import apply_baseline
from compare.comparison import (
    CompareConfig,
    ComparisonContext,
    comparison_context,
    finish_discrepancies,
    lone_article_kinds,
    story_discrepancies,
    world_discrepancies,
)
from compare.errors import InputError
from compare.extract import extract_facts, infer_article_date, merge_facts
from compare.extract.people import remember_people
from compare.ingest import ARTICLE_BYTES_LIMIT, iter_paths, read_articles, read_stdin, unique_ids
from compare.parallel import Pending, Spare, background_map, parallel_map
from compare.records import (
    Alignment,
    Article,
    BaselineEntry,
    CheckResult,
    Discrepancy,
    DiscrepancyClass,
    Fact,
    FactKind,
    Skipped,
    Story,
)


@dataclass(frozen=True)
class Config:
    """Everything a run can be told; vary it with `dataclasses.replace`."""

    encoding: str | None = None
    align: AlignConfig = field(default_factory=AlignConfig)
    compare: CompareConfig = field(default_factory=CompareConfig)
    ignore_kinds: frozenset[FactKind] = frozenset()
    ignore_classes: frozenset[DiscrepancyClass] = frozenset()
    outlets: Mapping[str, str] = field(default_factory=dict)
    max_article_bytes: int | None = ARTICLE_BYTES_LIMIT
    jobs: int = 1


def read_inputs(
    paths: Iterable[str], config: Config = Config(), *, unique: bool = True
) -> tuple[list[Article], list[Skipped]]:
    """Read every input path; an input that cannot be read is kept as Skipped with its reason.

    One file may hold many articles (JSON Lines): each entry that cannot be read
    is a Skipped of its own (`export.jsonl:17`), and the others are still read.
    `unique=False` keeps the ids the files give (an archive makes them unique
    over all it holds, with `ingest.unique_ids`). What the folders hold that is
    not an article file comes last, as ignored Skipped entries (`ingest.iter_paths`).
    """
    articles: list[Article] = []
    skipped: list[Skipped] = []
    passed_over: list[Skipped] = []
    raws = list(iter_paths(paths, passed_over))
    # Files of one article each are read over `jobs` processes; a JSON export's
    # entries are spread over them inside `read_articles`.
    single = [raw for raw in raws if raw != "-" and Path(raw).suffix.lower() not in (".jsonl", ".json")]
    read = dict(zip(single, parallel_map(functools.partial(_read_file, config=config, jobs=1), single, config.jobs), strict=True))
    for raw in raws:
        if raw == "-":
            try:
                results: list[Article | Skipped] = [read_stdin(encoding=config.encoding, limit=config.max_article_bytes)]
            except InputError as error:
                results = [Skipped(error.path, error.reason)]
        else:
            results = read[raw] if raw in read else _read_file(raw, config, config.jobs)
        for result in results:
            if isinstance(result, Article):
                articles.append(result)
            else:
                skipped.append(result)
    return (unique_ids(articles) if unique else articles), skipped + passed_over


def _read_file(raw: str, config: Config, jobs: int) -> list[Article | Skipped]:
    """The articles of one input file, or why it cannot be read."""
    try:
        return read_articles(Path(raw), encoding=config.encoding, limit=config.max_article_bytes, jobs=jobs)
    except InputError as error:
        return [Skipped(error.path, error.reason)]


def date_articles(articles: Iterable[Article], jobs: int = 1) -> list[Article]:
    """Give an undated article the latest day its own text pins down, marked as inferred."""
    articles = list(articles)
    found = iter(parallel_map(infer_article_date, [a for a in articles if a.date is None], jobs))
    return give_dates(articles, [next(found) if a.date is None else None for a in articles])


def give_dates(articles: Iterable[Article], inferred: Iterable[tuple[str, str] | None]) -> list[Article]:
    """`articles` with the dates `_text_date` inferred for them (`(ISO date, evidence)` or None, one per article)."""
    return [
        a if found is None else replace(a, date=found[0], date_source="text", date_evidence=found[1])
        for a, found in zip(articles, inferred, strict=True)
    ]


def _text_date(article: Article) -> tuple[str, str] | None:
    """The date an undated article's text pins down (`infer_article_date`); None for a dated one."""
    return infer_article_date(article) if article.date is None else None


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


def name_outlets(articles: Iterable[Article], outlets: Mapping[str, str]) -> list[Article]:
    """Name each article's outlet from `outlets` (web domain -> name) by its URL's host.

    A host matches its own entry or its parent domains' (`www.bbc.co.uk` matches
    `bbc.co.uk`); an outlet written as a bare domain (`nhk.or.jp`) matches too.
    """
    named = []
    for article in articles:
        for host in (urlsplit(article.url).hostname if article.url else None, article.outlet):
            name = _outlet_for(host, outlets) if host else None
            if name:
                article = replace(article, outlet=name)
                break
        named.append(article)
    return named


def _outlet_for(host: str, outlets: Mapping[str, str]) -> str | None:
    labels = host.lower().strip().removeprefix("www.").split(".")
    for i in range(len(labels) - 1):
        name = outlets.get(".".join(labels[i:]))
        if name:
            return name
    return None


def merge_context(
    articles: Sequence[Article], skipped: Sequence[Skipped], context: Sequence[Article], context_skipped: Sequence[Skipped]
) -> tuple[list[Article], list[Skipped], frozenset[str]]:
    """Join the articles under check with context articles (`--against`).

    A file given both ways (a changed article inside the archive folder) is
    under check, once. Ids that clash are made unique. Returns the articles,
    the skipped inputs and the ids of the articles under check.
    """
    own = {_where(a.path) for a in articles} | {_where(s.path) for s in skipped}
    context = [a for a in context if _where(a.path) not in own]
    combined = unique_ids([*articles, *context])
    scope = frozenset(a.id for a in combined[: len(articles)])
    extra = [s for s in context_skipped if _where(s.path) not in own]
    return combined, [*skipped, *extra], scope


def where(path: str) -> str:
    """The identity of an input path: the resolved file (`-` stays `-`), as `merge_context` compares them."""
    return _where(path)


def _where(path: str) -> str:
    return path if path == "-" else os.path.normcase(os.path.realpath(path))


def limit_scope(result: CheckResult, scope: Iterable[str]) -> CheckResult:
    """Keep the discrepancies that have a claim from an article in `scope`, and the boilerplate it carries."""
    ids = frozenset(scope)

    def involved(d: Discrepancy) -> bool:
        return any(c.article in ids for c in d.claims)

    return replace(
        result,
        scope=tuple(sorted(ids)),
        discrepancies=tuple(d for d in result.discrepancies if involved(d)),
        accepted=tuple(d for d in result.accepted if involved(d)),
        boilerplate=tuple(b for b in result.boilerplate if not ids.isdisjoint(b.ids)),
    )


class Early(NamedTuple):
    """What an article gives before the stories are known (`early_work`)."""

    date: tuple[str, str] | None  # from its text, if it has no date of its own (`_text_date`)
    world: tuple[Fact, ...]  # its world facts (`lone_article_kinds`)


def early_work(articles: Sequence[Article], jobs: int = 1) -> Pending[Early]:
    """Start the work the aligner does not wait for, beside it: each article's date from its text and its world facts.

    Alignment reads no dates, and the world facts (all that `find_discrepancies`
    reads of an article alone in its story) depend on neither the article's date
    nor its story; so with `jobs` 2 both are computed in a worker while the
    aligner's serial stages keep one core busy. Give the dates to `give_dates`
    before grouping stories, and the facts to `extract_and_compare` as `world`.

    The worker is done long before the aligner (BBC + Reuters: 12 s into a
    35 s run, where the join's scoring starts at 16 s), so it goes on with the
    articles likeliest to share a story (`likely_shared`), extracting what a
    story would but their dates (`undated_facts`; dates wait for the story's
    date). `pending.spared()` holds what it did, for `extract_and_compare` as
    `undated`; the findings are the same whatever it did.
    """
    return background_map(_early, articles, jobs, spare=Spare(likely_shared, undated_facts))


def _early(article: Article) -> Early:
    return Early(_text_date(article), _world_facts(article))


def _world_facts(article: Article) -> tuple[Fact, ...]:
    return extract_facts(article, lone_article_kinds(article))


def _other_facts(article: Article, world: Iterable[Fact]) -> tuple[Fact, ...]:
    """The facts of `article` that `_world_facts` leaves out, given the ones it gave (`world`)."""
    remember_people(article, world)  # they hold every PERSON fact, which the quotation resolver reads again
    return extract_facts(article, frozenset(FactKind) - lone_article_kinds(article))


def undated_facts(article: Article) -> tuple[Fact, ...]:
    """`_other_facts` but the dates: what an article's date does not decide, so can be extracted before its story is known."""
    return extract_facts(article, frozenset(FactKind) - lone_article_kinds(article) - {FactKind.DATE})


def _story_facts(article: Article, world: tuple[Fact, ...], undated: tuple[Fact, ...] | None) -> tuple[Fact, ...]:
    """Every fact of an article in a story: its world facts, and the rest (given `undated`, only its dates are left)."""
    if undated is None:
        return merge_facts(world, _other_facts(article, world))
    return merge_facts(world, undated, extract_facts(article, {FactKind.DATE}))


SHARED_SENTENCE_CHARS = 40  # shorter sentences ("He declined to comment.") say little about a story
SHARED_SENTENCE_ARTICLES = 10  # a sentence in more articles is a formula, not a story's


def likely_shared(articles: Sequence[Article]) -> list[int]:
    """The indices of the articles likeliest to share a story, likeliest first: a guess, for spare work.

    An article that has two sentences (of `SHARED_SENTENCE_CHARS` or more) word
    for word in another article, each in at most `SHARED_SENTENCE_ARTICLES`, is
    most often in a story with it: on BBC + Reuters, 1,673 of the 1,726 so found
    are, of the 3,625 articles in stories. More such sentences come first.
    """
    carriers: defaultdict[str, set[int]] = defaultdict(set)
    for number, article in enumerate(articles):
        for sentence in article.sentences:
            if len(sentence.text) >= SHARED_SENTENCE_CHARS:
                carriers[" ".join(sentence.text.lower().split())].add(number)
    shared: Counter[int] = Counter()
    for numbers in carriers.values():
        if 1 < len(numbers) <= SHARED_SENTENCE_ARTICLES:
            shared.update(numbers)
    return sorted((number for number, count in shared.items() if count >= 2), key=lambda n: (-shared[n], n))


def extract_and_compare(
    articles: Sequence[Article],
    stories: Sequence[Story],
    world: Mapping[str, tuple[Fact, ...]],
    alignments: Iterable[Alignment],
    config: CompareConfig = CompareConfig(),
    jobs: int = 1,
    undated: Mapping[str, tuple[Fact, ...]] | None = None,
) -> tuple[dict[str, tuple[Fact, ...]], tuple[Discrepancy, ...]]:
    """The facts `find_discrepancies` reads, by article id, and its discrepancies, a story at a time over `jobs` processes.

    `world` holds every article's world facts (`early_work`): all that is read of
    an article that is a story of its own, which in a wire archive spares most of
    the extraction. Each story of two or more articles is one task: its articles'
    other kinds are extracted and its facts compared (`story_discrepancies` reads
    the facts of the story's own articles only), so a worker that extracts a story
    also compares it, and this process compares only the world facts, once every
    story is in. The facts and findings are those of extracting everything, then
    `find_discrepancies`, whatever `jobs`.
    """
    global _COMPARING
    facts = {article.id: world[article.id] for article in articles}
    ctx = comparison_context(articles, facts, alignments, config)
    shared = [story for story in stories if len(story.articles) > 1]
    found: list[Discrepancy] = []
    _COMPARING = ctx, undated or {}
    try:
        for story_facts, story_found in parallel_map(_extract_and_compare_story, shared, jobs, pieces=STORY_PIECES):
            facts.update(story_facts)
            found.extend(story_found)
    finally:
        _COMPARING = None
    found.extend(world_discrepancies(ctx, stories))
    return facts, finish_discrepancies(found)


# The comparison context of the running `extract_and_compare` and its `undated` facts, inherited by forked workers.
_COMPARING: tuple[ComparisonContext, Mapping[str, tuple[Fact, ...]]] | None = None
# Runs of stories per worker: stories differ in cost by a hundredfold, so small runs
# keep both workers busy to the end (BBC + Reuters: 35.3-34.9 s against 35.6-36.1 s with 8).
STORY_PIECES = 64


def _extract_and_compare_story(story: Story) -> tuple[dict[str, tuple[Fact, ...]], list[Discrepancy]]:
    assert _COMPARING is not None
    ctx, undated = _COMPARING
    found = {aid: _story_facts(ctx.articles[aid], ctx.facts[aid], undated.get(aid)) for aid in story.articles}
    ctx.facts.update(found)
    return found, story_discrepancies(ctx, story)


def check_articles(
    articles: Iterable[Article],
    skipped: Iterable[Skipped] = (),
    config: Config = Config(),
    *,
    scope: Iterable[str] | None = None,
    baseline: Iterable[BaselineEntry] | None = None,
    progress: Callable[[str], None] | None = None,
) -> CheckResult:
    """Run extraction, alignment, story grouping and comparison over read articles.

    `scope`: ids of the articles under check (the others are context): only
    discrepancies involving one of them are kept. `baseline`: accepted
    discrepancies, moved out of the findings. `progress` is told each stage.
    """
    say = progress or (lambda message: None)
    ordered = sorted(name_outlets(articles, config.outlets), key=lambda a: a.id)
    repeated = sorted({a.id for a, b in zip(ordered, ordered[1:], strict=False) if a.id == b.id})
    if repeated:
        # read_inputs makes ids unique; an API caller that did not would lose articles.
        raise ValueError(f"article ids must be unique (see ingest.unique_ids); repeated: {', '.join(repeated)}")
    say(f"aligning {len(ordered)} articles")
    ids = [a.id for a in ordered]
    with early_work(ordered, config.jobs) as pending:
        alignments, boilerplate = align_corpus(ordered, config.align, config.jobs)
        early = pending.get()
        undated = {ids[number]: facts for number, facts in pending.spared().items()}
    ordered = give_dates(ordered, (e.date for e in early))
    stories = group_stories(ordered, alignments, config.align)
    ordered = date_from_stories(ordered, stories)
    say(f"extracting facts from {len(ordered)} articles in {len(stories)} stories")
    world = dict(zip(ids, (e.world for e in early), strict=True))
    facts, discrepancies = extract_and_compare(ordered, stories, world, alignments, config.compare, config.jobs, undated)
    result = CheckResult(
        articles=tuple(ordered),
        skipped=tuple(sorted(skipped, key=lambda s: s.path)),
        facts=facts,
        stories=stories,
        alignments=alignments,
        discrepancies=tuple(
            d for d in discrepancies if d.kind not in config.ignore_kinds and d.cls not in config.ignore_classes
        ),
        boilerplate=boilerplate,
    )
    if baseline is not None:
        result = apply_baseline(result, baseline)
    if scope is not None:
        result = limit_scope(result, scope)
    return result


def run_check(paths: Iterable[str], config: Config = Config()) -> CheckResult:
    """Read `paths` and check them: the one entry point of the CLI and the golden tests."""
    articles, skipped = read_inputs(paths, config)
    return check_articles(articles, skipped, config)
