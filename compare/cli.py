"""The `factdiff` command: a thin shell over the pipeline (parse, run, render, write, exit)."""

from __future__ import annotations

import os
import sys
import tempfile
import textwrap
from collections.abc import Sequence
from pathlib import Path

import click
from tabulate import tabulate

from compare import __version__
from compare.align import align_pair, tokenize
from compare.errors import FactdiffError
from compare.extract import extract_facts
from compare.pipeline import Config, check_articles, date_articles, read_inputs
from compare.records import Article, Severity, Skipped
from compare.report import render_facts_json, render_json, render_markdown

EXIT_CODES = """\b
Exit status:
  0  ran, and no discrepancy at or above --fail-on
  1  discrepancies at or above --fail-on
  2  usage error, or an input could not be read (the others are still checked)"""


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


def _read(paths: tuple[str, ...], encoding: str | None) -> tuple[Config, list[Article], list[Skipped]]:
    config = Config(encoding=encoding)
    articles, skipped = read_inputs(paths, config)
    for item in skipped:
        click.echo(f"factdiff: cannot read {item.path}: {item.reason}", err=True)
    if not articles and not skipped:
        raise click.UsageError(f"no articles (.txt, .md) found in {', '.join(paths)}")
    return config, articles, skipped


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factdiff")
def main() -> None:
    """factdiff: find where news articles about the same story disagree."""


@main.command(epilog=EXIT_CODES)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, allow_dash=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the report here (atomically) instead of stdout.")
@click.option("--format", "fmt", type=click.Choice(["markdown", "json"]), default="markdown", show_default=True)
@click.option(
    "--fail-on",
    type=click.Choice(["high", "medium", "low", "never"]),
    default="never",
    show_default=True,
    help="Exit 1 if a discrepancy has this severity or higher.",
)
@click.option("--encoding", default=None, help="Decode inputs with this codec instead of UTF-8.")
def check(paths: tuple[str, ...], output: Path | None, fmt: str, fail_on: str, encoding: str | None) -> None:
    """Compare the facts of articles and report where they disagree.

    PATHS are files, folders (read recursively: .txt, .md) or - for standard input.

    \b
    Example:
      factdiff check seeds/ -o reports/seeds.md
      factdiff check a.txt b.txt --format json --fail-on high
    """
    try:
        config, articles, skipped = _read(paths, encoding)
        result = check_articles(articles, skipped, config)
    except FactdiffError as error:
        raise click.ClickException(str(error)) from None
    _emit(render_json(result) if fmt == "json" else render_markdown(result), output)
    sys.exit(result.return_code(None if fail_on == "never" else Severity(fail_on)))


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
    _config, articles, skipped = _read(paths, encoding)
    articles = sorted(date_articles(articles), key=lambda a: a.id)
    found = {a.id: extract_facts(a) for a in articles}
    if fmt == "json":
        click.echo(render_facts_json(articles, found), nl=False)
    else:
        for article in articles:
            click.echo(f"== {article.id} (date: {article.date or 'unknown'})")
            rows = [
                [f.line, f.kind.value, f.text, f.value, f.unit or "", f.counts or "", f.qualifier or "",
                 f.speaker or f.title or ""]
                for f in found[article.id]
            ]
            headers = ["line", "kind", "text", "value", "unit", "counts", "qualifier", "speaker/title"]
            click.echo(_table(rows, headers, [None, None, 50, 40, None, 25, None, 25]))
            click.echo()
    sys.exit(2 if skipped else 0)


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
    _config, articles, skipped = _read((left, right), encoding)
    if skipped or len(articles) != 2:
        raise click.ClickException("align needs two readable articles")
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
