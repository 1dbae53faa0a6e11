"""Time `factdiff index` and `factdiff check NEW --against ARCHIVE` on a corpus (issue 6).

Usage: python3 bench/archive_speed.py --data ../shared/eval [--inputs FILE ...] [--repeat 3] [--work DIR]

Indexes the inputs (default: the BBC News corpus, `bbc-news-2225/bbc_news.jsonl`)
into a fresh archive, re-indexes it unchanged, writes 10 new articles (10 corpus
articles, evenly spaced, with their first three digits changed) and times the
whole command `factdiff check NEW --against ARCHIVE --format json` (start-up
included), best of `--repeat`. Prints the figures; asserts nothing about time.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def last_line(text: str) -> str:
    """The summary line of a command's stderr (it also names every unreadable input)."""
    lines = text.strip().splitlines()
    return lines[-1] if lines else ""


def timed(command: list[str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    return time.perf_counter() - start, done


def write_new(inputs: list[Path], folder: Path, count: int = 10) -> None:
    """Write `count` edited corpus articles (JSON Lines inputs) as text files into `folder`."""
    records = [json.loads(line) for path in inputs for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = [r for r in records if r.get("text")]
    step = max(1, len(records) // count)
    for number, record in enumerate(records[::step][:count]):
        text = re.sub(r"\d", lambda m: str((int(m.group()) + 1) % 10), record["text"], count=3)
        (folder / f"new{number}.txt").write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/eval"))
    parser.add_argument("--inputs", type=Path, nargs="*", help="inputs to index (default: the BBC corpus)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--work", type=Path, help="keep the archive and new articles here")
    args = parser.parse_args()
    inputs = args.inputs or [args.data / "bbc-news-2225" / "bbc_news.jsonl"]
    work = args.work or Path(tempfile.mkdtemp(prefix="factdiff-archive-"))
    work.mkdir(parents=True, exist_ok=True)
    archive = work / "archive.factdiff"
    archive.unlink(missing_ok=True)
    new = work / "new"
    new.mkdir(exist_ok=True)
    write_new(inputs, new)
    factdiff = [sys.executable, "-m", "compare.cli"]
    seconds, done = timed([*factdiff, "index", str(archive), *map(str, inputs)])
    print(f"index build: {seconds:.1f} s, {archive.stat().st_size / 1e6:.1f} MB ({last_line(done.stderr)})")
    seconds, done = timed([*factdiff, "index", str(archive), *map(str, inputs)])
    print(f"re-index, unchanged: {seconds:.2f} s ({last_line(done.stderr)})")
    checks = [timed([*factdiff, "check", str(new), "--against", str(archive), "--format", "json"]) for _ in range(args.repeat)]
    best, done = min(checks, key=lambda item: item[0])
    report = json.loads(done.stdout)
    print(
        f"check 10 new --against archive: best of {args.repeat} {best:.2f} s "
        f"({report['summary']['articles']['processed']} articles, {report['summary']['discrepancies']} discrepancies)"
    )
    startup, _ = min((timed([*factdiff, "--version"]) for _ in range(args.repeat)), key=lambda item: item[0])
    print(f"start-up alone (factdiff --version): {startup:.2f} s")
    print(f"work folder: {work}")


if __name__ == "__main__":
    main()
