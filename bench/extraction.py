"""Measure factdiff's extractors on third-party evaluation data.

Usage:
    python bench/extraction.py --data ../shared/eval [--examples N]

Prints one table: set, measure, precision, recall, F1, cases. Every set is read from
the folder given by --data (research-only data, never copied into this repository);
a set that is not there prints a `missing` row. `--examples N` also prints, after the
table, up to N error examples per error class and set, for improving the extractors.
Figures, not assertions: nothing here fails a build. Percentages have one decimal;
`-` means the figure does not apply.

How each set is matched:

- NewsQuant dev (CQE): the matching of CQE_Evaluation's `evaluate_models.
  calculate_metrics`, the code behind the published figures in `evaluation_output/`,
  replicated step by step. Per sentence, gold and predicted quantities are sorted by
  unit; for each gold quantity, predictions are scanned in order, and every prediction
  whose value matches (numpy.isclose, rtol 1e-5; a gold range `a-b` matches only a
  predicted range with both bounds) counts towards value (at most as many times as the
  sentence has gold quantities), direction of change (`change` equal) and
  what-it-counts (any token shared between the gold `referred_concepts` and factdiff's
  `measures`, the thing the amount is a value of or its owner, split on commas and
  spaces, lower-cased, function words and a possessive `'s` dropped as CQE's spaCy
  tokens drop them; no concept on either side is the token `-`; factdiff's `counts`,
  the counted noun, is matched as a unit, not as a concept); the scan stops at the
  first prediction whose unit also matches, which is then used up. Precision divides by all predicted quantities, recall by all gold
  quantities. Quirks kept for comparability: a prediction can count for change or
  concept against several gold values before one takes it by unit. factdiff's facts are
  put in CQE's vocabulary the way CQE's tagger maps other systems: units and currency
  codes to CQE's unit names (`USD` -> `dollar`, `km` -> `kilometre`), an age to `year of
  age` (`month of age` for an 18-month-old), a fraction to `%` and what it is a fraction of (`% population`) or to that
  thing (`1/16 of a US pint` -> `pint`), cents (which factdiff states in dollars) back to
  cents (`63 cents per share` -> `cent per share`; pence written `118.5p` -> `point`, the
  name CQE's tagger gives another system's `p`); a number without unit matches gold
  `-` or its `counts` in the singular, whole or its head noun (CQE takes a counted noun
  with its modifiers as the unit: `13000 workers` -> `worker`, `14 first-team players`
  -> `first-team player`; its tagger maps other systems' plurals so, `commercial
  fishermen` -> `commercial fisherman`); qualifiers map to changes as about/nearly
  `~`, more than/at least `>`, less than/up to `<`, up `up`, down `down`, none `=`.
  Published figures (full NewsQuant, 590 sentences; this is the 295-sentence dev part):
  CQE value F1 92.0, quantulum3 73.0, Recognizers-Text 69.1.
  Not mapped, because CQE's tagger does not map other systems so (they count as errors):
  a change `from 4.8 to 4.7 percent`, which NewsQuant writes as one range `4.8-4.7` and
  factdiff keeps as two values (by design: the comparison needs both; about 12 gold
  quantities and 20 predictions of the dev part); NewsQuant's direction on the level a
  change reaches (`rose 18 sen to RM23.50` is `up` for 23.50; factdiff's `up` marks a
  change amount); `just under` as `<` (factdiff: `nearly`, the tighter reading); and
  unit names NewsQuant gives a counted abbreviation (`0.5 WAR` -> `win above
  replacement`), which CQE's tagger has as dictionary entries for ccg_nlp only.
  The second group of NewsQuant rows shows the other side of the first convention:
  factdiff's facts with each `from X to Y` pair (two facts of one kind, the first right
  after `from`, the second right after `to`, neither a range) read as NewsQuant's one
  range `X-Y`.
- CQE's re-annotations of Recognizers-Text NumberWithUnit specs (`age-model.json`,
  `currency-model.json`, `dimension-model.json`, `temperature-model.json`, in NewsQuant's
  format with only value and unit): value and value+unit F1 by the same matching and
  mapping (pence written out -> `penny`, CQE's name). Published value / value+unit F1
  (`evaluation_output/*.csv`): CQE age 93.3 / 93.3, currency 84.2 / 79.6, dimension
  86.5 / 79.2, temperature 95.7 / 92.8; quantulum3 93.3 / 84.4, 76.2 / 32.5, 83.6 /
  61.9, 94.3 / 74.3. Much of the currency and dimension text is lower-cased Penn
  Treebank tokens (`c $ 16.4 million`, `hk $`), which news copy does not have.
- Recognizers-Text English specs, cases not marked NotSupported for python: a case is
  reproduced when every expected result has a factdiff fact of the set's kind (Number:
  any numeric fact; Percent: percent; Currency: money; Age: age; Dimension: a quantity
  with a unit) overlapping its span with the same value (a NumberRange: both bounds,
  or one bound with a matching qualifier; a result that starts inside a factdiff range
  after its low end may match its upper bound, as Recognizers reads `40 - 50 years
  old` as `50 years old`), and a case expecting nothing gets no such fact. Precision: share of those facts that match an expected result. NumberRange has
  only 2 python-supported cases, so a second row scores all 87. Ordinal: a case is
  reproduced when each result has a factdiff rank overlapping it with the same position
  and a case expecting nothing gets no rank; it has 1 python-supported case, so a second
  row scores every case whose results are all positions from the start.
- quantulum3 quantities.json: a gold value is reproduced by a numeric fact overlapping
  its surface with the same value; precision over all numeric facts.
- number-parser tables: `parse_number_words(text) == number` for cardinals and
  `parse_ordinal_words(text) == number` for ordinals.
- TempEval-3 training set (TBAQ): gold is the DATE timexes valued as a day, month or
  year (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`); each doc is an Article dated its DCT. A
  factdiff date that overlaps only timexes outside that subset (durations, weeks,
  quarters, `PRESENT_REF`) is not counted either way. Gold and predictions pair one to
  one by overlap; strict needs equal spans, relaxed any overlap, value F1 a relaxed
  pair with equal value (TempEval-3's own definitions).
- dateparser search cases in English (the case names English, or names no language and
  is ASCII without French or German function words): reproduced when every expected
  (substring, datetime) has a factdiff date overlapping the substring whose value agrees
  at factdiff's precision (`2019-06` agrees with 2019-06-01T00:00); times of day are
  not compared; a case expecting nothing gets no date. Reference date: the case's
  RELATIVE_BASE, else the upstream module's `relative_base`, else 2026-09-23 (the date
  from which the upstream expected values were computed).
- Recognizers-Text DateExtractor (spans only; dated 2016-11-07 like the parser cases)
  and DateParser (value must equal the future or the past resolution).
- PolNeAR dev (first annotator per article): gold direct quotations are content pieces
  that open and close with a double quotation mark, taken inside the marks. factdiff's
  per-sentence quote facts of one quotation are rejoined. A prediction matches an
  unused gold quote when they overlap by at least 50% of the longer; an unmatched
  prediction lying mostly inside an indirect or mixed attribution (a partial quotation,
  which PolNeAR does not annotate as direct) is not counted either way. Rows: all quote
  facts, and only those with a speaker (factdiff yields scare quotes with no speaker).
  Speaker accuracy: on matched quotes, factdiff's speaker shares a token (a surname)
  with the annotated source; PolNeAR gives no antecedent for `he`/`she`, so matched
  quotes whose source is only a pronoun are skipped and counted in the row's label.
- textacy (English cases): content words, speaker (a shared token, or any name in the
  text for textacy's unresolved `he`) and cue must all agree; a smoke test.

Expected run time: well under a minute on 2 cores.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from eval_dates import dateparser, recognizers_dates, tempeval3
from eval_numbers import cqe_recognizers, newsquant, number_parser, quantulum3, recognizers_numeric
from eval_quotes import polnear, textacy
from scoring import Log, Row
from tabulate import tabulate

ROOT = Path(__file__).resolve().parent.parent

SETS: tuple[Callable[[Path, Log], list[Row]], ...] = (
    newsquant,
    cqe_recognizers,
    recognizers_numeric,
    quantulum3,
    number_parser,
    tempeval3,
    dateparser,
    recognizers_dates,
    polnear,
    textacy,
)


def measure_all(data: Path, log: Log) -> list[Row]:
    rows: list[Row] = []
    for measure_set in SETS:
        rows.extend(measure_set(data, log))
    for set_name, count in sorted(log.crashes.items()):
        rows.append(
            Row(set_name, f"inputs on which factdiff raised (scored as empty): {count}", "-", "-", "-", str(count))
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "eval", help="the evaluation folder")
    parser.add_argument("--examples", type=int, default=0, metavar="N", help="print N error examples per class")
    args = parser.parse_args()
    if not args.data.is_dir():
        sys.exit(f"extraction: no evaluation folder at {args.data} (pass --data PATH)")
    log = Log()
    started = time.perf_counter()
    rows = measure_all(args.data, log)
    headers = ["set", "measure", "precision", "recall", "F1", "cases"]
    print(tabulate(rows, headers=headers, tablefmt="github", disable_numparse=True))
    if args.examples:
        print(log.render(args.examples))
    print(f"\n({time.perf_counter() - started:.1f} s)", file=sys.stderr)


if __name__ == "__main__":
    main()
