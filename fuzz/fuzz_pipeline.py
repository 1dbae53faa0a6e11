"""Coverage-guided fuzz target for the whole pipeline (atheris), with a random fallback.

The input bytes are decoded as a file would be (an InputError is an expected
outcome), split in two articles at the first form feed (else in the middle),
extracted, checked together and rendered; every span must reproduce its text.

    python fuzz/fuzz_pipeline.py -max_total_time=60 fuzz/corpus

Without atheris installed, the same command runs random mutations of the corpus.
"""

from __future__ import annotations

import contextlib
import json
import random
import sys
import time
from pathlib import Path

try:
    import atheris
except ImportError:  # the test suite imports TestOneInput without atheris
    atheris = None

with atheris.instrument_imports() if atheris else contextlib.nullcontext():
    from compare.errors import InputError
    from compare.extract import extract_facts
    from compare.ingest import article_from_text, decode
    from compare.pipeline import check_articles
    from compare.records import Article, Fact
    from compare.report import render_json, render_markdown


def check_spans(article: Article, facts: tuple[Fact, ...]) -> None:
    """Every sentence and fact of `article` slices its own text, on a line >= 1, in order."""
    previous_end = 0
    for index, sentence in enumerate(article.sentences):
        assert article.text[sentence.start : sentence.end] == sentence.text, sentence
        assert 1 <= sentence.line == article.line_of(sentence.start), sentence
        assert index == sentence.index and previous_end <= sentence.start < sentence.end, sentence
        previous_end = sentence.end
    for fact in facts:
        assert article.text[fact.start : fact.end] == fact.text, fact
        assert 1 <= fact.line == article.line_of(fact.start), fact
        sentence = article.sentences[fact.sentence]
        assert sentence.start <= fact.start < fact.end <= sentence.end, (fact, sentence)


def split(text: str) -> tuple[str, str]:
    """Two article texts: either side of the first form feed, else the two halves."""
    if "\f" in text:
        left, _, right = text.partition("\f")
        return left, right
    middle = len(text) // 2
    return text[:middle], text[middle:]


def TestOneInput(data: bytes) -> None:  # noqa: N802 (atheris's name)
    """Run one input through decode, ingest, extract, check and both renderers."""
    try:
        text = decode(data, "fuzz.txt")
    except InputError:
        return
    articles = [article_from_text(part, id=f"a{i}") for i, part in enumerate(split(text))]
    for article in articles:
        check_spans(article, extract_facts(article))
    result = check_articles(articles)
    for article in result.articles:
        check_spans(article, result.facts[article.id])
    markdown = render_markdown(result)
    report = json.loads(render_json(result))
    assert ["a0", "a1"] == [a["id"] for a in report["articles"]]
    assert "| a0" in markdown and "| a1" in markdown


def mutate(data: bytes, rng: random.Random) -> bytes:
    """A crude byte mutation, for the fallback without atheris."""
    buffer = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        choice = rng.random()
        position = rng.randint(0, len(buffer))
        if choice < 0.3 and buffer:
            del buffer[position : position + rng.randint(1, 8)]
        elif choice < 0.6:
            buffer[position:position] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 4)))
        elif choice < 0.8:
            buffer[position:position] = rng.choice(["“", "”", '"', "\n\n", "55,000", "\u202e", "—", "Mr. "]).encode()
        elif buffer:
            start = rng.randrange(len(buffer))
            buffer[position:position] = buffer[start : start + rng.randint(1, 64)]
    return bytes(buffer)


def fallback(argv: list[str]) -> None:
    """Random mutations of the corpus folders for `-max_total_time` seconds (default 60); a file is run once."""
    limit = 60.0
    seeds: list[bytes] = []
    for arg in argv[1:]:
        if arg.startswith("-max_total_time="):
            limit = float(arg.split("=", 1)[1])
        elif arg.startswith("-"):
            continue
        elif Path(arg).is_dir():
            seeds += [p.read_bytes() for p in sorted(Path(arg).iterdir()) if p.is_file()]
        elif Path(arg).is_file():  # reproduce one input, as libFuzzer does
            TestOneInput(Path(arg).read_bytes())
            print(f"{arg}: no crash")
            return
    rng = random.Random(0)
    seeds = seeds or [b""]
    runs, stop = 0, time.monotonic() + limit
    while time.monotonic() < stop:
        data = mutate(rng.choice(seeds), rng)
        try:
            TestOneInput(data)
        except Exception:
            crash = Path(f"crash-fallback-{runs}")
            crash.write_bytes(data)
            print(f"crash after {runs} runs, input written to {crash}", file=sys.stderr)
            raise
        runs += 1
    print(f"fallback fuzzing (atheris not installed): {runs} runs in {limit:.0f} s, no crash")


if __name__ == "__main__":
    if atheris is None:
        fallback(sys.argv)
    else:
        atheris.Setup(sys.argv, TestOneInput)
        atheris.Fuzz()
