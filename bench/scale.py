"""Time the pipeline on BBC News + Reuters-21578 with planted "second outlet" variants, and score recall.

Usage:
    python3 bench/scale.py --data ../shared/eval [--fraction 0.1 1] [--variants 500] [--seed 7]
                           [--jobs N] [--naive-sample 200] [--no-count]

Reads BBC News (`bbc-news-2225/bbc_news.jsonl`) and Reuters-21578 (`reuters21578/reuters21578.jsonl`,
items without a body skipped) from the folder given by --data, never copied. For each
--fraction it writes `round(variants * fraction)` variants (bench/variants.py: sentences
dropped and reordered, words paraphrased, one number changed by 5-30 %, a word changed
inside a quotation where one can be) of the first articles of one seeded order of the whole
corpus, so a smaller size's variants are the first of a larger size's, and draws that share
of the articles (seeded) with their sources among them; it runs the stages as
`compare.pipeline.check_articles` does (with the CLI's collector thresholds), timing each:
ingest (`article_from_text`, over --jobs processes as the CLI reads), align, date, stories
(and dates from stories), extract + compare (`extract_and_compare`: every fact of an article that shares
its story, the kinds compared across stories of one alone, each story compared in the
worker that extracted it, then the world facts). As in the CLI, a
worker (`early_work`) infers undated articles' dates from their text and extracts every
article's world facts (the kinds compared across stories) while align runs, then, as spare
work, all but the dates of the articles likeliest to share a story: align's time includes
sharing a core with it, date is the wait for it after align.

Dates: Reuters articles keep their own; a source of a variant without one (BBC, a few
Reuters items) gets a seeded day of 2004-06..2005-05, and its variant the same day (so
the two can form a story); other BBC articles stay undated, so date inference runs on
them as it would in the CLI.

A planted change is *found* when a discrepancy has a claim of the source and a claim of
the variant whose fact spans contain the original and the changed text. Missed ones are
listed with a guess at why. With several fractions, a second table scores every size on
the changes planted at the smallest: the same variants in a small and a large corpus, so a
change found in the small one and missed in the large one was lost to scale (listed). Each
fraction runs in its own process (so peak RSS is its own). Then the naive baseline: on --naive-sample articles, every article
pair scored sentence by sentence with `difflib.SequenceMatcher.ratio()` on the same folded
tokens, threshold and min-token / min-shared rules as `compare.align`, against `align_all`.
Figures, not assertions: speed is checked here, never in the tests.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import gc
import json
import os
import random
import resource
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import asdict
from pathlib import Path
from typing import Any, TypeVar

from tabulate import tabulate

sys.path.insert(0, str(Path(__file__).resolve().parent))

from align_speed import Counters, distinct_sentences, reuters_date  # noqa: E402
from variants import Planted, Variant, make_variant  # noqa: E402

from compare.align import (  # noqa: E402
    AlignConfig,
    align_all,
    align_corpus,
    group_stories,
    sentence_shape,
    similar_sentences,
    tokenize,
)
from compare.cli import COLLECTOR_THRESHOLDS  # noqa: E402
from compare.comparison import CompareConfig  # noqa: E402
from compare.extract import extract_facts  # noqa: E402
from compare.ingest import article_from_text  # noqa: E402
from compare.lexicon import fold_counts  # noqa: E402
from compare.parallel import parallel_map  # noqa: E402
from compare.pipeline import date_from_stories, early_work, extract_and_compare, give_dates  # noqa: E402
from compare.records import Alignment, Article, Boilerplate, Discrepancy, Fact, FactKind, Story  # noqa: E402

T = TypeVar("T")
ROOT = Path(__file__).resolve().parent.parent
STAGES = ("ingest", "date", "align", "stories", "extract + compare")
Record = tuple[str, str, str | None]  # (id, text, date)
BBC_DAYS = (dt.date(2004, 6, 1), 365)


def _ingest(record: Record) -> Article:
    rid, text, date = record
    return article_from_text(text, id=rid, date=date)


def timed(clock: dict[str, float], stage: str, work: Callable[[], T]) -> T:
    start = time.perf_counter()
    result = work()
    clock[stage] = time.perf_counter() - start
    return result


def load_records(data: Path) -> list[Record]:
    """BBC then Reuters, as (id, text, date), with the ids and texts bench/align_speed.py uses."""
    records: list[Record] = []
    with (data / "bbc-news-2225" / "bbc_news.jsonl").open(encoding="utf-8") as stream:
        for line in stream:
            record = json.loads(line)
            records.append(("bbc-" + record["id"].replace("/", "-"), f"{record['title']}\n\n{record['text']}\n", None))
    reuters = data / "reuters21578" / "reuters21578.jsonl"
    if reuters.exists():
        with reuters.open(encoding="utf-8") as stream:
            for line in stream:
                record = json.loads(line)
                if record.get("text"):
                    text = f"{record.get('title') or ''}\n\n{record['text']}\n"
                    records.append((f"reuters-{record['newid']:05d}", text, reuters_date(record.get("date"))))
    return records


def sample(records: list[Record], fraction: float, seed: int, keep: Collection[int] = ()) -> list[Record]:
    """A seeded share of the records, in corpus order, with the indices `keep` among them."""
    if fraction >= 1:
        return list(records)
    kept = set(keep)
    rest = [i for i in range(len(records)) if i not in kept]
    others = random.Random(seed).sample(rest, max(0, round(len(records) * fraction) - len(kept)))
    return [records[i] for i in sorted([*kept, *others])]


def source_date(record: Record, seed: int) -> str | None:
    if record[2] is not None:
        return record[2]
    start, days = BBC_DAYS
    return (start + dt.timedelta(days=random.Random(f"{seed}:date:{record[0]}").randrange(days))).isoformat()


def write_variants(records: list[Record], count: int, seed: int) -> tuple[list[Record], list[Variant], list[int]]:
    """Write `count` variants of a seeded sample of `records`: the records (sources dated), variants, sources' indices.

    The sources are the first records of one seeded order of the whole corpus that a
    variant can be made of, and a variant depends only on its source and the seed:
    the variants of a smaller size are the first of every larger size's.
    """
    order = list(range(len(records)))
    random.Random(f"{seed}:sources").shuffle(order)
    variants: list[Variant] = []
    sources: list[int] = []
    records = list(records)
    for index in order:
        if len(variants) >= count:
            break
        rid, text, _ = records[index]
        date = source_date(records[index], seed)
        source = article_from_text(text, id=rid, date=date)
        variant = make_variant(source, extract_facts(source), seed)
        if variant is not None:
            records[index] = (rid, text, date)
            variants.append(variant)
            sources.append(index)
    return records, variants, sources


# --------------------------------------------------------------------------- recall


def _contains(fact: Fact, span: tuple[int, int]) -> bool:
    return fact.start <= span[0] and span[1] <= fact.end


def _fact_at(facts: tuple[Fact, ...], span: tuple[int, int], kinds: frozenset[FactKind]) -> Fact | None:
    return next((f for f in facts if f.kind in kinds and _contains(f, span)), None)


NUMBER_KINDS = frozenset({FactKind.QUANTITY, FactKind.PERCENT, FactKind.MONEY})
QUOTE_KINDS = frozenset({FactKind.QUOTE})


def recall(
    planted: list[Planted],
    articles: list[Article],
    facts: dict[str, tuple[Fact, ...]],
    stories: tuple[Story, ...],
    alignments: tuple[Alignment, ...],
    found: tuple[Discrepancy, ...],
    boilerplate: tuple[Boilerplate, ...] = (),
) -> tuple[dict[str, tuple[int, int]], Counter[str], list[tuple[Planted, str]]]:
    """Per kind (found, planted); the classes of the discrepancies that found them; the missed with a reason guess."""
    by_article: dict[str, list[Discrepancy]] = {}
    for d in found:
        for article in {c.article for c in d.claims}:
            by_article.setdefault(article, []).append(d)
    story_of = {aid: s.id for s in stories for aid in s.articles}
    alignment_of = {(a.left, a.right): a for a in alignments}
    by_id = {a.id: a for a in articles}
    counts: dict[str, list[int]] = {}
    classes: Counter[str] = Counter()
    missed: list[tuple[Planted, str]] = []
    for p in planted:
        tally = counts.setdefault(p.kind, [0, 0])
        tally[1] += 1
        hit = next(
            (
                d for d in by_article.get(p.variant, [])
                if any(c.article == p.source and _contains(c.fact, p.source_span) for c in d.claims)
                and any(c.article == p.variant and _contains(c.fact, p.variant_span) for c in d.claims)
            ),
            None,
        )
        if hit is not None:
            tally[0] += 1
            classes[f"{p.kind}: {hit.cls.value}/{hit.severity.value}"] += 1
        else:
            why = _why_missed(p, by_id, facts, story_of, alignment_of, by_article)
            missed.append((p, why + _boilerplate_note(p, by_id, boilerplate, why)))
    return {k: (v[0], v[1]) for k, v in counts.items()}, classes, missed


def planted_key(p: Planted | dict[str, Any]) -> str:
    """One planted change's name across runs: its variant, kind and changed span."""
    fields = p if isinstance(p, dict) else asdict(p)
    return f"{fields['variant']}:{fields['kind']}:{fields['variant_span'][0]}"


def _boilerplate_note(p: Planted, by_id: dict[str, Article], boilerplate: tuple[Boilerplate, ...], why: str) -> str:
    """For a miss of alignment (no pair, too few, not this pair): how many sentences of each side are boilerplate."""
    if not why.startswith(("not aligned", "not one story", "sentences not aligned")):
        return ""
    carried = {(aid, b.shape): b for b in boilerplate for aid in b.ids}
    parts = []
    for side, aid in (("source", p.source), ("variant", p.variant)):
        shapes = [sentence_shape(t) for t in tokenize(by_id[aid]).tokens]
        found = [carried[(aid, shape)] for shape in shapes if (aid, shape) in carried]
        if found:
            widest = max(found, key=lambda b: b.articles)
            kind = "widely aligned" if widest.paired else "template"
            parts.append(f"{side} {len(found)} of {len(shapes)} (widest: {kind}, in {widest.articles} articles)")
    return f"; boilerplate sentences: {', '.join(parts)}" if parts else "; no boilerplate sentence"


def _why_missed(
    p: Planted,
    by_id: dict[str, Article],
    facts: dict[str, tuple[Fact, ...]],
    story_of: dict[str, str],
    alignment_of: dict[tuple[str, str], Alignment],
    by_article: dict[str, list[Discrepancy]],
) -> str:
    kinds = NUMBER_KINDS if p.kind == "number" else QUOTE_KINDS
    source, variant = by_id[p.source], by_id[p.variant]
    facts = {**facts, p.source: extract_facts(source), p.variant: extract_facts(variant)}  # every fact, even of a lone article
    fs = _fact_at(facts[p.source], p.source_span, kinds)
    fv = _fact_at(facts[p.variant], p.variant_span, kinds)
    if fs is None or fv is None:
        side = "source" if fs is None else "variant"
        return f"not extracted in the {side}"
    left, right = sorted((p.source, p.variant))
    alignment = alignment_of.get((left, right))
    if story_of[p.source] != story_of[p.variant]:
        if alignment is None:
            return "not aligned: no sentence pair at all"
        return (f"not one story: {len(alignment.pairs)} aligned pairs, coverage {alignment.coverage:.2f}, "
                f"{len(source.sentences)} / {len(variant.sentences)} sentences, dates {source.date} / {variant.date}")
    partner = None
    if alignment is not None:
        for pair in alignment.pairs:
            if (pair.left, pair.right) == ((fs.sentence, fv.sentence) if left == p.source else (fv.sentence, fs.sentence)):
                partner = pair
    if partner is None and p.kind == "number":
        a = tuple(tokenize(source).tokens[fs.sentence])
        b = tuple(tokenize(variant).tokens[fv.sentence])
        first, second = (a, b) if left == p.source else (b, a)
        score = difflib.SequenceMatcher(None, first, second, autojunk=False).ratio()
        return f"sentences not aligned (ratio {score:.2f}; paired elsewhere or below threshold)"
    others = [d for d in by_article.get(p.variant, []) if any(c.article == p.variant and c.fact == fv for c in d.claims)]
    if others:
        return f"flagged without the source's claim: {others[0].subject!r} ({', '.join(sorted({c.article for c in others[0].claims}))})"
    if p.kind == "quote":
        return f"quotes not paired or not flagged: {fs.value!r} (speaker {fs.speaker}) / {fv.value!r} (speaker {fv.speaker})"
    same_a = [f for f in facts[p.source] if f.sentence == fs.sentence and f.kind == fs.kind and f.unit == fs.unit]
    same_b = [f for f in facts[p.variant] if f.sentence == fv.sentence and f.kind == fv.kind and f.unit == fv.unit]
    if (fs.kind, fs.unit) != (fv.kind, fv.unit):
        return f"kind/unit differ: {fs.kind.value} {fs.unit} / {fv.kind.value} {fv.unit}"
    if fold_counts(fs.counts) != fold_counts(fv.counts) and fs.counts and fv.counts:
        return f"subjects differ: {fs.counts!r} / {fv.counts!r}"
    if len(same_a) != len(same_b):
        return f"{len(same_a)} vs {len(same_b)} {fs.kind.value} facts in the two sentences"
    if any(f.kind == fs.kind and f.unit == fs.unit and f.value == fs.value for f in facts[p.variant]):
        return "the variant states the original value elsewhere (read as agreement)"
    return "aligned and extracted, but not paired or not flagged (places? covered by a hedge?)"


def by_corpus(planted: list[Planted], missed: list[tuple[Planted, str]]) -> list[tuple[str, str, int, int]]:
    """(kind, corpus, found, planted), the corpus read off the source id (`bbc-...`, `reuters-...`)."""
    lost = Counter((p.kind, p.source.split("-")[0]) for p, _ in missed)
    total = Counter((p.kind, p.source.split("-")[0]) for p in planted)
    return [(kind, corpus, n - lost[(kind, corpus)], n) for (kind, corpus), n in sorted(total.items())]


# --------------------------------------------------------------------------- one size


def measure(data: Path, fraction: float, variant_count: int, seed: int, jobs: int, count: bool) -> dict[str, Any]:
    setup_start = time.perf_counter()
    records, variants, sources = write_variants(load_records(data), max(1, round(variant_count * fraction)), seed)
    records = sample(records, fraction, seed, keep=sources)
    texts = records + [(v.id, v.text, v.date) for v in variants]
    planted = [p for v in variants for p in v.planted]
    setup = time.perf_counter() - setup_start

    clock: dict[str, float] = {}
    articles = timed(clock, "ingest", lambda: parallel_map(_ingest, texts, jobs))
    articles = sorted(articles, key=lambda a: a.id)
    ids = [a.id for a in articles]
    with early_work(articles, jobs) as pending:  # dates from text and world facts, beside align, as check_articles does
        alignments, boilerplate = timed(clock, "align", lambda: align_corpus(articles, AlignConfig(), jobs))
        early = timed(clock, "date", pending.get)
        undated = {ids[number]: facts for number, facts in pending.spared().items()}  # its spare work
    articles = give_dates(articles, (e.date for e in early))

    def stories_stage() -> tuple[tuple[Story, ...], list[Article]]:
        stories = group_stories(articles, alignments)
        return stories, date_from_stories(articles, stories)

    stories, articles = timed(clock, "stories", stories_stage)
    world = dict(zip(ids, (e.world for e in early), strict=True))
    facts, found = timed(
        clock, "extract + compare", lambda: extract_and_compare(articles, stories, world, alignments, CompareConfig(), jobs, undated)
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    total = sum(clock.values())
    megabytes = sum(len(a.text.encode("utf-8")) for a in articles) / 1e6

    per_kind, classes, missed = recall(planted, articles, facts, stories, alignments, found, boilerplate)
    row: dict[str, Any] = {
        "size": "full" if fraction >= 1 else f"{fraction:g}",
        "articles": len(articles),
        "variants": len(variants),
        "MB": megabytes,
        "clock": clock,
        "total": total,
        "peak": peak,
        "setup": setup,
        "jobs": jobs,
        "aligned_articles": len(alignments),
        "aligned_pairs": sum(len(a.pairs) for a in alignments),
        "stories": sum(1 for s in stories if len(s.articles) > 1),
        "discrepancies": len(found),
        "recall": per_kind,
        "classes": dict(classes),
        "missed": [(asdict(p), why) for p, why in missed],
        "planted": [[planted_key(p), p.kind] for p in planted],
        "candidates_per_sentence": None,
        "by_corpus": by_corpus(planted, missed),
    }
    if count:
        counters = Counters()
        try:
            uninstall = counters.install()
        except AttributeError as error:  # compare.align changed its hooks
            print(f"(candidate counting unavailable: {error})", file=sys.stderr)
        else:
            try:
                align_all(articles)
            finally:
                uninstall()
            _, distinct = distinct_sentences(articles, AlignConfig())
            row["candidates_per_sentence"] = counters.candidates / max(distinct, 1)
    return row


# --------------------------------------------------------------------------- naive baseline


def naive_pairs(articles: list[Article], config: AlignConfig) -> int:
    """Score every sentence pair of every article pair; count the pairs `compare.align` would align."""
    usable = []
    for article in sorted(articles, key=lambda a: a.id):
        tokenized = tokenize(article)
        usable.append([
            (tokens, content)
            for tokens, content in zip(tokenized.tokens, tokenized.content, strict=True)
            if len(tokens) >= config.min_tokens and len(content) >= config.min_shared
        ])
    matcher: difflib.SequenceMatcher[str] = difflib.SequenceMatcher(None, autojunk=False)
    aligned = 0
    for number, right in enumerate(usable):
        for tb, cb in right:
            matcher.set_seq2(tb)  # cached: the sentence compared against many goes in b
            for left in usable[:number]:  # smaller id first, as the index scores
                for ta, ca in left:
                    matcher.set_seq1(ta)
                    if matcher.ratio() >= config.sentence_threshold and len(ca & cb) >= config.min_shared:
                        aligned += 1
    return aligned


def naive_versus_index(data: Path, size: int, seed: int) -> dict[str, Any]:
    records = load_records(data)
    chosen = sorted(random.Random(f"{seed}:naive").sample(range(len(records)), min(size, len(records))))
    articles = [article_from_text(records[i][1], id=records[i][0], date=records[i][2]) for i in chosen]
    config = AlignConfig()
    start = time.perf_counter()
    naive = naive_pairs(articles, config)
    naive_s = time.perf_counter() - start
    start = time.perf_counter()
    align_all(articles, config)
    index_s = time.perf_counter() - start
    indexed = sum(len(v) for v in similar_sentences([tokenize(a) for a in articles], config).values())
    return {"articles": len(articles), "naive_s": naive_s, "index_s": index_s, "naive_pairs": naive, "index_pairs": indexed}


# --------------------------------------------------------------------------- output


HEADERS = ["corpus", "size", "articles", "MB", *(f"{s} s" for s in STAGES), "total s", "articles/s", "MB/s",
           "peak RSS MB", "candidates/sentence", "planted (num / quote)", "found", "recall"]


def table_row(row: dict[str, Any]) -> list[str]:
    rec = row["recall"]
    number, quote = rec.get("number", (0, 0)), rec.get("quote", (0, 0))
    cands = row["candidates_per_sentence"]
    return [
        "bbc+reuters", row["size"], str(row["articles"]), f"{row['MB']:.2f}",
        *(f"{row['clock'][s]:.2f}" for s in STAGES), f"{row['total']:.1f}",
        f"{row['articles'] / row['total']:.0f}", f"{row['MB'] / row['total']:.3f}", f"{row['peak']:.0f}",
        "n/a" if cands is None else f"{cands:.1f}",
        f"{number[1]} / {quote[1]}", f"{number[0]} / {quote[0]}",
        f"{number[0] / max(number[1], 1):.1%} / {quote[0] / max(quote[1], 1):.1%}",
    ]


def describe(row: dict[str, Any]) -> None:
    print(f"\n## size {row['size']}: {row['articles']} articles ({row['variants']} variants), jobs {row['jobs']}, "
          f"setup (sampling, writing variants) {row['setup']:.1f} s")
    print(f"aligned article pairs {row['aligned_articles']}, aligned sentence pairs {row['aligned_pairs']}, "
          f"stories of 2+ {row['stories']}, discrepancies {row['discrepancies']}")
    for kind, (hit, total) in sorted(row["recall"].items()):
        print(f"recall {kind}: {hit}/{total} = {hit / max(total, 1):.1%}")
    for kind, corpus, hit, total in row["by_corpus"]:
        print(f"  {kind} planted in {corpus}: {hit}/{total}")
    print("found as: " + ", ".join(f"{k} {v}" for k, v in sorted(row["classes"].items())))
    reasons = Counter(why.split(":")[0].split(" (")[0] for _, why in row["missed"])
    if reasons:
        print("missed, by reason: " + "; ".join(f"{k}: {v}" for k, v in reasons.most_common()))
    for planted, why in _varied(row["missed"], 10):
        print(f"- {planted['kind']} {planted['source']} -> {planted['variant']}: "
              f"{planted['original']!r} -> {planted['changed']!r}: {why}")


def same_changes(rows: list[dict[str, Any]]) -> None:
    """Recall at every size on the changes planted at the smallest (its variants are in every larger run too)."""
    smallest = min(rows, key=lambda r: len(r["planted"]))
    common = dict(smallest["planted"])  # key -> kind
    first_missed = {planted_key(p) for p, _ in smallest["missed"]}
    print(f"\nThe same {len(common)} planted changes (those of size {smallest['size']}) at every size:\n")
    table, lost = [], []
    for row in rows:
        missed = {planted_key(p): (p, why) for p, why in row["missed"]}
        cells = [row["size"]]
        for kind in ("number", "quote"):
            keys = [k for k, v in common.items() if v == kind]
            found = sum(1 for k in keys if k not in missed)
            cells.append(f"{found}/{len(keys)} = {found / max(len(keys), 1):.1%}")
        table.append(cells)
        lost += [(row["size"], *missed[k]) for k in common if k in missed and k not in first_missed]
    print(tabulate(table, headers=["size", "number", "quote"], tablefmt="github", disable_numparse=True))
    for size, planted, why in lost:
        print(f"- found at size {smallest['size']}, missed at {size}: {planted['kind']} {planted['source']} -> "
              f"{planted['variant']}: {planted['original']!r} -> {planted['changed']!r}: {why}")


def _varied(missed: list[Any], limit: int) -> list[Any]:
    """Up to `limit` missed examples, taken in turn from each reason so that rare reasons show."""
    by_reason: dict[str, list[Any]] = {}
    for item in missed:
        by_reason.setdefault(item[1].split(":")[0].split(" (")[0], []).append(item)
    queues = sorted(by_reason.values(), key=len)
    shown: list[Any] = []
    while len(shown) < limit and any(queues):
        for queue in queues:
            if queue and len(shown) < limit:
                shown.append(queue.pop(0))
    return shown


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--fraction", type=float, nargs="+", default=[1.0], help="shares of the corpus, one row each")
    parser.add_argument("--variants", type=int, default=500, help="variants at full size (scaled by the fraction)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--jobs", type=int, default=1, help="processes for date inference and extraction")
    parser.add_argument("--naive-sample", type=int, default=200, help="articles for the naive baseline (0: skip)")
    parser.add_argument("--no-count", action="store_true", help="skip the counting pass (candidates/sentence)")
    parser.add_argument("--emit-json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    gc.set_threshold(*COLLECTOR_THRESHOLDS)  # as the CLI runs
    if not (args.data / "bbc-news-2225" / "bbc_news.jsonl").exists():
        parser.error(f"no {args.data / 'bbc-news-2225' / 'bbc_news.jsonl'}: give the evaluation folder with --data")

    if args.emit_json:  # one size, in a process of its own
        row = measure(args.data, args.fraction[0], args.variants, args.seed, args.jobs, not args.no_count)
        print(json.dumps(row))
        return
    rows = []
    for fraction in args.fraction:
        if len(args.fraction) == 1:
            rows.append(measure(args.data, fraction, args.variants, args.seed, args.jobs, not args.no_count))
            continue
        command = [sys.executable, __file__, "--data", str(args.data), "--fraction", str(fraction),
                   "--variants", str(args.variants), "--seed", str(args.seed), "--jobs", str(args.jobs),
                   "--naive-sample", "0", "--emit-json", *(["--no-count"] if args.no_count else [])]
        done = subprocess.run(command, check=True, capture_output=True, text=True, env=os.environ)
        sys.stderr.write(done.stderr)
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
    print(f"cores: {os.cpu_count()}, Python {sys.version.split()[0]}, seed {args.seed}, jobs {args.jobs}\n")
    print(tabulate([table_row(r) for r in rows], headers=HEADERS, tablefmt="github", disable_numparse=True))
    if len(rows) > 1:
        same_changes(rows)
    for row in rows:
        describe(row)
    if args.naive_sample:
        naive = naive_versus_index(args.data, args.naive_sample, args.seed)
        print(f"\nnaive baseline on {naive['articles']} articles: all article pairs, difflib sentence by sentence "
              f"{naive['naive_s']:.2f} s; indexed align_all {naive['index_s']:.2f} s; "
              f"ratio {naive['naive_s'] / max(naive['index_s'], 1e-9):.0f}x; "
              f"aligned sentence pairs naive {naive['naive_pairs']} / index {naive['index_pairs']}")


if __name__ == "__main__":
    main()
