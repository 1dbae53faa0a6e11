"""The `factdiff` command: a thin shell over the pipeline (parse, run, render, write, exit)."""

from __future__ import annotations

import gc
import os
import sys
import tempfile
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

import click
from tabulate import tabulate

from compare import __version__
from compare.align import align_pair, tokenize
from compare.archive import check_against, index_articles, is_archive
from compare.baseline import load_baseline, render_baseline
from compare.errors import FactdiffError
from compare.extract import extract_facts
from compare.ingest import ARTICLE_BYTES_LIMIT, ARTICLE_SUFFIXES
from compare.pipeline import Config, check_articles, date_articles, merge_context, read_inputs
from compare.records import Article, BaselineEntry, CheckResult, Severity, Skipped, unreadable
from compare.report import render_facts_json, render_github, render_json, render_markdown
from compare.report.markdown import MIN_BYTES
from compare.settings import Settings, load_settings

EXIT_CODES = """\b
Exit status:
  0    ran, and no discrepancy at or above --fail-on
  1    discrepancies at or above --fail-on (accepted ones in --baseline do not count)
  2    usage, settings or baseline error, or an input could not be read
       (the readable inputs are still checked and reported)
  130  interrupted (Ctrl-C); an -o file keeps its previous content"""

DEFAULT_MAX_BYTES = 65_536


class _Group(click.Group):
    """The command group: Ctrl-C exits 130 with one line, not click's "Aborted!" and 1."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("factdiff: interrupted", err=True)
            raise click.exceptions.Exit(130) from None


class Failure(click.ClickException):
    """An error the run cannot go on from: printed as one line, exit status 2."""

    exit_code = 2

    def show(self, file: object = None) -> None:
        click.echo(f"factdiff: {self.format_message()}", err=True)


def _table(rows: Sequence[Sequence[object]], headers: list[str], widths: list[int | None]) -> str:
    """A plain-text table with long cells wrapped to `widths`.

    Cells are wrapped here, not by tabulate's `maxcolwidths`, which re-parses
    numbers such as `54,000` even with number parsing off.
    """
    wrapped = [
        ["\n".join(textwrap.wrap(str(cell), width)) or str(cell) if width else str(cell) for cell, width in zip(row, widths, strict=True)]
        for row in rows
    ]
    return tabulate(wrapped, headers=headers, disable_numparse=True)


def write_atomically(path: Path, text: str) -> None:
    """Write `text` to `path` as UTF-8 with LF, through a temporary file and a rename."""
    directory = path.parent if str(path.parent) else Path(".")
    directory.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())  # on disk before the rename: a crash leaves old or new, never empty
        # mkstemp creates the file 0600 whatever the umask; a report is an ordinary file.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomically(output, text)


def _progress() -> Callable[[str], None] | None:
    """Progress lines for stderr, only when it is a terminal (never in CI logs or pipes)."""
    if not sys.stderr.isatty():
        return None
    color = "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"

    def say(message: str) -> None:
        click.echo(click.style(f"factdiff: {message}", dim=True) if color else f"factdiff: {message}", err=True)

    return say


def _read(paths: Sequence[str], config: Config, what: str = "articles") -> tuple[list[Article], list[Skipped]]:
    articles, skipped = read_inputs(paths, config)
    _say_unreadable(skipped)
    if not articles and not unreadable(skipped):
        raise click.UsageError(f"no {what} ({', '.join(ARTICLE_SUFFIXES)}) found in {', '.join(paths)}")
    return articles, skipped


def _say_unreadable(skipped: Sequence[Skipped]) -> None:
    for item in unreadable(skipped):
        click.echo(f"factdiff: cannot read {item.path}: {item.reason}", err=True)


def _settings(config_file: Path | None) -> Settings:
    try:
        return load_settings(config_file)
    except FactdiffError as error:
        raise Failure(str(error)) from None


def _config(settings: Settings, encoding: str | None, max_article_bytes: int | None = None, jobs: int = 1) -> Config:
    limit = max_article_bytes if max_article_bytes is not None else settings.max_article_bytes
    return Config(
        encoding=encoding,
        jobs=jobs or os.cpu_count() or 1,
        max_article_bytes=ARTICLE_BYTES_LIMIT if limit is None else limit or None,
        align=settings.align,
        compare=settings.compare,
        ignore_kinds=settings.ignore_kinds,
        ignore_classes=settings.ignore_classes,
        outlets=settings.outlets,
    )


def _run(paths: Sequence[str], against: Sequence[str], config: Config, baseline: Path | None) -> CheckResult:
    """Read the articles under check and the context, then check them together."""
    say = _progress()
    articles, skipped = _read(paths, config)
    scope = None
    archives = [p for p in against if is_archive(p)]
    if archives and len(against) > 1:
        raise click.UsageError(f"--against {archives[0]} is an archive: give it alone (index other articles into it)")
    if against and not archives:
        context, context_skipped = _read(against, config, "articles to check against")
        articles, skipped, scope = merge_context(articles, skipped, context, context_skipped)
    entries: tuple[BaselineEntry, ...] | None = None
    if baseline is not None:
        try:
            entries = load_baseline(baseline)
        except FactdiffError as error:
            raise Failure(str(error)) from None
    if say:
        say(f"read {len(articles)} articles ({len(skipped)} skipped)")
    try:
        if archives:
            return check_against(Path(archives[0]), articles, skipped, config, baseline=entries, progress=say)
        return check_articles(articles, skipped, config, scope=scope, baseline=entries, progress=say)
    except FactdiffError as error:
        raise Failure(str(error)) from None


# A run keeps millions of small objects (tokens, facts, sentence pairs) until it ends, and
# CPython's cycle collector at its default thresholds (a young collection every 700
# allocations, a full one every 100 young) traverses them again and again: 14 of 59 s
# checking BBC + Reuters. The collector stays on, so cycles are still freed, and runs
# rarely enough that a run costs what it would with the collector off (same peak memory).
COLLECTOR_THRESHOLDS = (50_000, 20, 100)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factdiff")
def main() -> None:
    """factdiff: find where news articles about the same story disagree.

    Defaults for `check` can be kept in `.factdiff.toml` or in `[tool.factdiff]`
    of `pyproject.toml` (found from the current folder upwards; see the README).
    """
    gc.set_threshold(*COLLECTOR_THRESHOLDS)


_against_option = click.option(
    "--against",
    multiple=True,
    type=click.Path(exists=True),
    metavar="PATH",
    help="Articles to check against (repeatable), or one archive built by `factdiff index`: "
    "only discrepancies involving PATHS are reported.",
)
_config_option = click.option(
    "--config",
    "config_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Read settings from this TOML file instead of the nearest .factdiff.toml / pyproject.toml.",
)
_encoding_option = click.option("--encoding", default=None, help="Decode inputs with this codec instead of UTF-8.")
_jobs_option = click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Processes for date inference and fact extraction; 0 for one per core. The report does not depend on it.",
)
_article_limit_option = click.option(
    "--max-article-bytes",
    type=click.IntRange(min=0),
    default=None,
    help=f"Skip (with the reason) an article bigger than this; 0 for no limit.  [default: {ARTICLE_BYTES_LIMIT:,}]",
)


@main.command(epilog=EXIT_CODES)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, allow_dash=True))
@_against_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the report here (atomically) instead of stdout.")
@click.option("--format", "fmt", type=click.Choice(["markdown", "json", "github"]), default="markdown", show_default=True,
              help="github: workflow annotations on the articles' lines, for GitHub Actions.")
@click.option("--json", "json_output", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the full JSON report here (the Markdown report then says where it is).")
@click.option("--markdown", "markdown_output", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the Markdown report here (for a CI job summary next to --format github).")
@click.option(
    "--fail-on",
    type=click.Choice(["high", "medium", "low", "never"]),
    default=None,
    help="Exit 1 if a discrepancy has this severity or higher.  [default: never]",
)
@click.option("--baseline", type=click.Path(dir_okay=False, path_type=Path),
              help="Accepted discrepancies (written by `factdiff baseline`): not reported; unmatched entries listed as stale.")
@click.option("--max-bytes", type=click.IntRange(min=0), default=None,
              help=f"Size budget of the Markdown report in UTF-8 bytes; 0 for none.  [default: {DEFAULT_MAX_BYTES}]")
@_config_option
@_encoding_option
@_article_limit_option
@_jobs_option
def check(
    paths: tuple[str, ...],
    against: tuple[str, ...],
    output: Path | None,
    fmt: str,
    json_output: Path | None,
    markdown_output: Path | None,
    fail_on: str | None,
    baseline: Path | None,
    max_bytes: int | None,
    config_file: Path | None,
    encoding: str | None,
    max_article_bytes: int | None,
    jobs: int,
) -> None:
    """Compare the facts of articles and report where they disagree.

    PATHS are files (.txt, .md, .html, .htm, .jsonl, .json), folders (read
    recursively for all but .json) or - for standard input. The report goes to stdout (or -o); errors
    and progress go to stderr.

    \b
    Example:
      factdiff check seeds/ -o reports/seeds.md
      factdiff check a.txt b.txt --format json --fail-on high
      factdiff check new/ --against archive/ --baseline factdiff-baseline.json
      factdiff check new/ --format github --json factdiff.json
      factdiff check new/ --against archive.factdiff
    """
    settings = _settings(config_file)
    fail_on = fail_on or settings.fail_on or "never"
    if baseline is None and settings.baseline is not None:
        baseline = Path(settings.baseline)
    budget = max_bytes if max_bytes is not None else settings.max_bytes if settings.max_bytes is not None else DEFAULT_MAX_BYTES
    if budget and budget < MIN_BYTES:
        raise click.BadParameter(f"{budget} is below the smallest report, {MIN_BYTES} bytes (0 for no budget)", param_hint="--max-bytes")
    result = _run(paths, against, _config(settings, encoding, max_article_bytes, jobs), baseline)
    effective = replace(settings, fail_on=fail_on, baseline=str(baseline) if baseline else None)
    where = f"the full JSON report: {json_output}" if json_output is not None else None
    if json_output is not None:
        write_atomically(json_output, render_json(result, settings=effective))
    if markdown_output is not None:
        write_atomically(markdown_output, render_markdown(result, max_bytes=budget or None, full_report=where))
    if fmt == "json":
        text = render_json(result, settings=effective)
    elif fmt == "github":
        text = render_github(result, full_report=where)
    else:
        text = render_markdown(result, max_bytes=budget or None, full_report=where)
    _emit(text, output)
    sys.exit(result.return_code(None if fail_on == "never" else Severity(fail_on)))


@main.command("baseline", epilog=EXIT_CODES)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, allow_dash=True))
@_against_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The baseline file to write (notes of entries it already has are kept).")
@_config_option
@_encoding_option
@_article_limit_option
@_jobs_option
def baseline_command(
    paths: tuple[str, ...],
    against: tuple[str, ...],
    output: Path,
    config_file: Path | None,
    encoding: str | None,
    max_article_bytes: int | None,
    jobs: int,
) -> None:
    """Accept every discrepancy found now: write them to a baseline file.

    Later runs given `--baseline FILE` report only discrepancies that are not in
    it, and list entries that no longer match anything as stale. Entries are
    keyed by the discrepancy id, a digest of the claims' words, so edits
    elsewhere in an article do not bring them back.

    \b
    Example:
      factdiff baseline articles/ -o factdiff-baseline.json
      factdiff check articles/ --baseline factdiff-baseline.json --fail-on high
    """
    settings = _settings(config_file)
    notes: dict[str, str] = {}
    if output.exists():
        try:
            notes = {e.id: e.note for e in load_baseline(output) if e.note}
        except FactdiffError as error:
            raise Failure(f"{error} (remove it or pick another -o)") from None
    result = _run(paths, against, _config(settings, encoding, max_article_bytes, jobs), None)
    write_atomically(output, render_baseline(result.discrepancies, notes))
    count = len(result.discrepancies)
    click.echo(f"factdiff: {count} {'discrepancy' if count == 1 else 'discrepancies'} accepted in {output}", err=True)
    sys.exit(2 if result.unreadable else 0)


@main.command("index", epilog=EXIT_CODES)
@click.argument("archive", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--prune", is_flag=True, help="Also remove stored articles whose file is gone.")
@_config_option
@_encoding_option
@_article_limit_option
@_jobs_option
def index_command(
    archive: Path,
    paths: tuple[str, ...],
    prune: bool,
    config_file: Path | None,
    encoding: str | None,
    max_article_bytes: int | None,
    jobs: int,
) -> None:
    """Build or update an archive of articles, their facts and alignments (one SQLite file).

    Unchanged articles (same file, same content) are left alone; a changed one
    replaces the stored one. Articles stay in the archive until --prune removes
    those whose file is gone. `factdiff check NEW --against ARCHIVE` then
    compares only the new articles with it, with the findings of
    `factdiff check NEW --against` the indexed files. The archive is tied to
    this version of factdiff and to its align and outlet settings.

    \b
    Example:
      factdiff index archive.factdiff articles/ exports/2025.jsonl
      factdiff check new/ --against archive.factdiff --fail-on high
    """
    settings = _settings(config_file)
    config = _config(settings, encoding, max_article_bytes, jobs)
    if archive.exists() and not is_archive(str(archive)):
        raise Failure(f"cannot index into {archive}: not a factdiff archive")
    articles, skipped = read_inputs(paths, config, unique=False)
    _say_unreadable(skipped)
    skipped = list(unreadable(skipped))  # an archive keeps what could not be read, not a folder's other files
    try:
        report = index_articles(archive, articles, skipped, config, prune=prune, progress=_progress())
    except FactdiffError as error:
        raise Failure(str(error)) from None
    click.echo(f"factdiff: {report.summary()} in {archive}", err=True)
    sys.exit(2 if skipped else 0)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--encoding", default=None, help="Decode inputs with this codec instead of UTF-8.")
def facts(paths: tuple[str, ...], fmt: str, encoding: str | None) -> None:
    """List the facts extracted from each article.

    \b
    Example:
      factdiff facts seeds/001_c9e7a26a5d6843c3.txt
      factdiff facts seeds/ --format json
    """
    articles, skipped = _read(paths, Config(encoding=encoding))
    articles = sorted(date_articles(articles), key=lambda a: a.id)
    found = {a.id: extract_facts(a) for a in articles}
    if fmt == "json":
        click.echo(render_facts_json(articles, found, skipped), nl=False)
    else:
        for article in articles:
            click.echo(f"== {article.id} (date: {article.date or 'unknown'})")
            rows = [
                [f.line, f.kind.value, f.text, f.value, f.unit or "", f.counts or "", f.measures or "",
                 f.qualifier or "", f.speaker or f.title or ""]
                for f in found[article.id]
            ]
            headers = ["line", "kind", "text", "value", "unit", "counts", "measures", "qualifier", "speaker/title"]
            click.echo(_table(rows, headers, [None, None, 50, 40, None, 25, 25, None, 25]))
            click.echo()
    sys.exit(2 if unreadable(skipped) else 0)


@main.command()
@click.argument("left", type=click.Path(exists=True, dir_okay=False))
@click.argument("right", type=click.Path(exists=True, dir_okay=False))
@click.option("--encoding", default=None, help="Decode inputs with this codec instead of UTF-8.")
def align(left: str, right: str, encoding: str | None) -> None:
    """Show the aligned sentences of two articles side by side, with their similarity.

    \b
    Example:
      factdiff align seeds/002_3a1f343924c775c8.txt seeds/003_0907819ffabc4b97.txt
    """
    articles, skipped = _read((left, right), Config(encoding=encoding))
    if skipped or len(articles) != 2:
        raise Failure("align needs two readable articles")
    a, b = articles
    alignment = align_pair(tokenize(a), tokenize(b))
    rows = [
        [f"{p.score:.2f}", a.sentences[p.left].line, a.sentences[p.left].text, b.sentences[p.right].line, b.sentences[p.right].text]
        for p in alignment.pairs
    ]
    click.echo(tabulate(rows, headers=["score", "line", a.id, "line", b.id], disable_numparse=True, maxcolwidths=[None, None, 60, None, 60]))
    click.echo(f"\n{len(alignment.pairs)} aligned sentence pairs; coverage {alignment.coverage:.0%} of the shorter article.")


if __name__ == "__main__":
    main()
