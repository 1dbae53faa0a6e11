"""The archive: articles, facts, alignments and the alignment index, kept in one SQLite file.

`factdiff index ARCHIVE PATH...` (`index_articles`) builds or updates it;
`factdiff check NEW... --against ARCHIVE` (`check_against`) compares the new
articles with it. The findings equal those of `check NEW --against FOLDER` on
the inputs the archive was built from (tests/test_archive.py).

Storage (stdlib `sqlite3`, one file, no server; JSON rather than pickle, so a
file from elsewhere cannot run code). Tables:

- `meta`: `schema` (`SCHEMA`), `version` (factdiff's) and `fingerprint` (the
  version, the align settings and the outlets table). Facts and alignments depend
  on all three, so an archive whose fingerprint differs from the run's is refused
  with the fix (`factdiff index` it again into a new file), never silently mixed.
- `article`: one row per input (a file, or one entry of a JSON export), keyed by
  `place` (its resolved path, as `--against` compares them). `base_id` is the id
  the file gives; `id` is made unique over the whole archive (`unique_ids`), as
  reading every indexed path at once would. `hash` is a digest of the article as
  read (text, sentences, metadata, date before story inference); `head` and `body`
  hold it as JSON. `facts` are extracted with `date_used`, the article's date
  after story inference; `world` holds the facts other stories can need
  (`comparison.lone_article_kinds`: person mentions, and the numbers of an article
  naming a target or standard: `standing`).
- `skipped`: inputs that could not be read, reported as `--against FOLDER` would.
- `alignment`: every aligned pair of archive articles (by row, the smaller id
  left), with the pairs, coverage and `linked` (same story or near-duplicates).
- `sentence`, `ref`, `element`, `posting`: the alignment index: distinct folded
  token sequences (with their `align.sentence_signature`, which bounds a probe's
  overlap before the tokens are read), where each occurs, a rank for every content element and the
  join keys of each sentence (`align.build_index`). It is rebuilt whenever the
  archive changes, so its ranks are the archive's. It holds boilerplate too, so
  that a sentence whose pattern stops being boilerplate can be found again.
- `shape`: for every sentence pattern (`align.sentence_shape`), the articles that
  carry it; `partner`: for every aligned sentence, how many other articles it
  aligns with. The stored alignments are raw: every scored pair, made without the
  archive's boilerplate patterns but with the widely aligned sentences still in;
  `align.settle` drops those and chooses the partners where alignments are loaded
  (`linked` is set on the settled pairs).

Index. Unchanged articles (same place and hash) are left alone; a changed one
replaces the stored one, its alignments and sentences; the articles that carry a
pattern that became boilerplate or stopped being it are aligned again, and the
partner counts are counted anew. Articles stay until
`index --prune` is given: then every stored article and skipped input whose file
is gone is removed. Articles new, changed, or whose unique id changed are aligned
against the index and among themselves; then stories are grouped over the whole
archive, dates inferred from stories, and facts (re-)extracted where the date
they were extracted with changed.

Check. New articles replace stored ones at the same place; ids are made unique
over both as `merge_context` does (a stored article whose id changes is aligned
afresh, as is one that carries a pattern whose boilerplate status the new articles
change; a stored sentence whose partner count crosses the threshold changes only
the filter of its alignments). New articles are aligned with each other (`align_all`) and probed
against the index (`align.score_against`); the archive's own alignments come
from the file. Stories are grouped over everything (only linked alignments are
loaded), and story dates recomputed from the stored dates. Articles in stories
with a new article are loaded whole with all their facts and alignments; other
articles with person or standing-figure facts are loaded with those facts (the
comparer pairs offices and standing figures over the whole input); the rest are
metadata only (empty text, placeholder sentences: the reports use their
metadata and sentence count). Facts whose date changed are extracted again.

Differences from `--against FOLDER`, by design: `CheckResult.alignments` holds only
the alignments within stories that include a new article, and `facts` only the
facts loaded (neither is in any report). A baseline entry about archive articles
only is never listed as stale (the archive's own discrepancies are not computed).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import regex

from compare import __version__
from compare.align import (
    SIGNATURE_BITS,
    Bounds,
    SentenceRef,
    Shape,
    TokenizedArticle,
    build_index,
    content_elements,
    group_stories,
    is_near_duplicate,
    paired_boilerplate,
    partner_counts,
    partner_lengths,
    probe_keys,
    raw_alignments,
    same_story,
    score_against,
    sentence_shape,
    sentence_signature,
    settle,
    shape_counts,
    shape_record,
    similar_sentences,
    sort_boilerplate,
    tokenize,
    widely_paired,
)
from compare.baseline import apply_baseline
from compare.comparison import find_discrepancies, lone_article_kinds
from compare.errors import ConfigError, InputError
from compare.extract import extract_facts
from compare.ingest import unique_ids
from compare.pipeline import Config, date_articles, date_from_stories, limit_scope, name_outlets, parallel_map, where
from compare.records import (
    NUMERIC_KINDS,
    Alignment,
    Article,
    BaselineEntry,
    Boilerplate,
    CheckResult,
    Fact,
    FactKind,
    Sentence,
    SentencePair,
    Skipped,
)

SCHEMA = "factdiff-archive/4"
SQLITE_HEADER = b"SQLite format 3\x00"
ARCHIVE_SUFFIXES = (".factdiff", ".db", ".sqlite", ".sqlite3")
SEP = "\x1f"  # between the tokens of a stored sentence; `lexicon.words` never yields it
RE_ENTRY = regex.compile(r"(?::\d+|\[\d+\])$")  # one entry of an export: `export.jsonl:17`, `export.json[3]`
PLACEHOLDER = Sentence(0, "", 0, 0, 0, 0)  # a sentence of an article loaded as metadata only

TABLES = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE article(
    row INTEGER PRIMARY KEY, id TEXT NOT NULL, base_id TEXT NOT NULL, path TEXT NOT NULL,
    place TEXT NOT NULL UNIQUE, hash TEXT NOT NULL, n_sentences INTEGER NOT NULL,
    head TEXT NOT NULL, body TEXT NOT NULL,
    date_used TEXT, facts TEXT, world TEXT, standing INTEGER NOT NULL DEFAULT 0);
CREATE TABLE skipped(place TEXT PRIMARY KEY, path TEXT NOT NULL, reason TEXT NOT NULL);
CREATE TABLE alignment(
    left INTEGER NOT NULL, right INTEGER NOT NULL, linked INTEGER NOT NULL,
    coverage REAL NOT NULL, pairs TEXT NOT NULL, PRIMARY KEY (left, right)) WITHOUT ROWID;
CREATE INDEX alignment_right ON alignment(right);
CREATE INDEX alignment_linked ON alignment(linked);
CREATE TABLE sentence(sid INTEGER PRIMARY KEY, tokens TEXT NOT NULL UNIQUE, size INTEGER NOT NULL,
    signature BLOB NOT NULL, collisions INTEGER NOT NULL);
CREATE TABLE ref(sid INTEGER NOT NULL, row INTEGER NOT NULL, position INTEGER NOT NULL);
CREATE INDEX ref_sid ON ref(sid);
CREATE INDEX ref_row ON ref(row);
CREATE TABLE element(name TEXT PRIMARY KEY, rank INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE posting(key INTEGER NOT NULL, sid INTEGER NOT NULL, PRIMARY KEY (key, sid)) WITHOUT ROWID;
CREATE TABLE shape(shape TEXT NOT NULL, row INTEGER NOT NULL, sentences INTEGER NOT NULL,
    PRIMARY KEY (shape, row)) WITHOUT ROWID;
CREATE INDEX shape_row ON shape(row);
CREATE TABLE partner(row INTEGER NOT NULL, position INTEGER NOT NULL, articles INTEGER NOT NULL,
    PRIMARY KEY (row, position)) WITHOUT ROWID;
CREATE INDEX partner_articles ON partner(articles);
"""


@dataclass(frozen=True)
class IndexReport:
    """What `index_articles` did: counts of articles added, replaced, unchanged and removed."""

    added: int
    replaced: int
    unchanged: int
    removed: int
    skipped: int

    def summary(self) -> str:
        return (
            f"{self.added} added, {self.replaced} replaced, {self.unchanged} unchanged, {self.removed} removed, "
            f"{self.skipped} skipped"
        )


def is_archive(path: str) -> bool:
    """True if `path` names an archive: a file with SQLite's header, or a file named like one."""
    if path == "-" or not os.path.isfile(path):
        return False
    if path.lower().endswith(ARCHIVE_SUFFIXES):
        return True
    try:
        with open(path, "rb") as stream:
            return stream.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def fingerprint(config: Config) -> str:
    """What stored facts and alignments depend on besides the articles."""
    return json.dumps(
        {"version": __version__, "align": asdict(config.align), "outlets": sorted(config.outlets.items())},
        sort_keys=True,
    )


def open_archive(path: Path, config: Config, *, create: bool = False) -> sqlite3.Connection:
    """Open the archive at `path` and check it fits `config`; with `create`, make a new one if it is missing.

    Raises InputError naming the file if it is not a factdiff archive, is corrupt,
    or was built by another version or with other settings.
    """
    if not path.exists():
        if not create:
            raise InputError(str(path), "no such archive (build it with `factdiff index`)")
        if config.align.min_shared < 1:
            raise ConfigError("an archive needs align min-shared of at least 1 (its index is keyed on shared words)")
        connection = sqlite3.connect(path)
        with connection:
            connection.executescript(TABLES)
            connection.executemany(
                "INSERT INTO meta VALUES (?, ?)",
                [("schema", SCHEMA), ("version", __version__), ("fingerprint", fingerprint(config)),
                 ("common", "0"), ("radix", "1")],
            )
        return connection
    with open(path, "rb") as stream:
        header = stream.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise InputError(str(path), "not a factdiff archive (not an SQLite database)")
    connection = sqlite3.connect(path)
    try:
        meta = dict(connection.execute("SELECT key, value FROM meta"))
    except sqlite3.DatabaseError as error:
        connection.close()
        raise InputError(str(path), f"not a factdiff archive ({error})") from None
    if meta.get("schema") != SCHEMA:
        connection.close()
        raise InputError(
            str(path),
            f"an archive of schema {meta.get('schema')!r}, not {SCHEMA!r} (run `factdiff index` into a new archive)"
            if str(meta.get("schema", "")).startswith("factdiff-archive/")
            else f"not a factdiff archive (schema {meta.get('schema')!r}, expected {SCHEMA!r})",
        )
    if meta.get("fingerprint") != fingerprint(config):
        connection.close()
        raise InputError(
            str(path),
            f"built by factdiff {meta.get('version')} or with other align or outlet settings "
            f"(run `factdiff index` into a new archive)",
        )
    return connection


# --------------------------------------------------------------------------- records as JSON


def _head(article: Article) -> dict[str, object]:
    return {
        "id": article.id, "path": article.path, "title": article.title, "outlet": article.outlet,
        "date": article.date, "date_source": article.date_source, "date_evidence": article.date_evidence,
        "url": article.url, "author": article.author, "furniture": list(article.furniture),
        "notes": list(article.notes),
    }


def _body(article: Article) -> dict[str, object]:
    return {
        "text": article.text,
        "sentences": [[s.index, s.start, s.end, s.line, s.paragraph] for s in article.sentences],
        "source_lines": [list(pair) for pair in article.source_lines],
    }


def _stub(head: dict, n_sentences: int, **changes: object) -> Article:  # type: ignore[type-arg]
    """An article from its stored metadata: empty text, placeholder sentences."""
    article = Article(
        id=head["id"], path=head["path"], text="", title=head["title"], outlet=head["outlet"],
        date=head["date"], date_source=head["date_source"], date_evidence=head["date_evidence"],
        url=head["url"], author=head["author"], sentences=(PLACEHOLDER,) * n_sentences,
        furniture=tuple(head["furniture"]), notes=tuple(head["notes"]),
    )
    return replace(article, **changes) if changes else article  # type: ignore[arg-type]


def _whole(stub: Article, body: dict) -> Article:  # type: ignore[type-arg]
    text = body["text"]
    return replace(
        stub,
        text=text,
        sentences=tuple(Sentence(i, text[s:e], s, e, line, p) for i, s, e, line, p in body["sentences"]),
        source_lines=tuple((offset, line) for offset, line in body["source_lines"]),
    )


FACT_FIELDS = ("kind", "text", "value", "start", "end", "line", "sentence", "high", "unit", "counts",
               "qualifier", "speaker", "cue", "title", "org", "former", "measures")


def _facts_json(facts: Iterable[Fact]) -> str:
    return json.dumps([[getattr(f, name) for name in FACT_FIELDS] for f in facts], ensure_ascii=False)


def _facts_from(text: str) -> tuple[Fact, ...]:
    return tuple(Fact(FactKind(row[0]), *row[1:]) for row in json.loads(text))


def _world(article: Article, facts: Sequence[Fact]) -> tuple[list[Fact], bool]:
    """The facts other stories can need (`lone_article_kinds`), and whether numbers are among them."""
    kinds = lone_article_kinds(article)
    world = [f for f in facts if f.kind in kinds]
    return world, any(f.kind in NUMERIC_KINDS for f in world)


def _digest(article: Article) -> str:
    data = json.dumps([_head(article), _body(article)], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


# --------------------------------------------------------------------------- reading the archive


@dataclass
class _Stored:
    """The archive's articles as metadata: rows, ids and stubs (no text)."""

    rows: dict[str, int]  # id -> row
    stubs: dict[int, Article]  # row -> stub
    places: dict[int, str]  # row -> place
    flags: dict[int, tuple[str | None, bool, bool, bool]]  # row -> (date used, has facts, has world, standing)


def _load_stored(connection: sqlite3.Connection) -> _Stored:
    stored = _Stored({}, {}, {}, {})
    query = "SELECT row, place, n_sentences, head, date_used, facts IS NOT NULL, world != '[]', standing FROM article"
    for row, place, count, head, date_used, extracted, world, standing in connection.execute(query):
        stub = _stub(json.loads(head), count)
        stored.rows[stub.id] = row
        stored.stubs[row] = stub
        stored.places[row] = place
        stored.flags[row] = (date_used, bool(extracted), bool(world), bool(standing))
    return stored


def _load_whole(connection: sqlite3.Connection, stubs: dict[int, Article]) -> dict[int, Article]:
    """The given stubs with their text and sentences."""
    whole = {}
    for chunk in _chunks(sorted(stubs)):
        query = f"SELECT row, body FROM article WHERE row IN ({','.join('?' * len(chunk))})"
        for row, body in connection.execute(query, chunk):
            whole[row] = _whole(stubs[row], json.loads(body))
    return whole


def _load_facts(connection: sqlite3.Connection, rows: Iterable[int], column: str) -> dict[int, tuple[Fact, ...]]:
    found = {}
    for chunk in _chunks(sorted(rows)):
        query = f"SELECT row, {column} FROM article WHERE row IN ({','.join('?' * len(chunk))})"
        for row, text in connection.execute(query, chunk):
            found[row] = _facts_from(text)
    return found


def _load_alignments(
    connection: sqlite3.Connection, ids: dict[int, str], *, linked_only: bool, rows: set[int] | None = None
) -> list[Alignment]:
    """Stored alignments between the articles in `ids` (row -> current id); with `rows`, only among those."""
    query = "SELECT left, right, coverage, pairs FROM alignment" + (" WHERE linked = 1" if linked_only else "")
    return [
        _alignment(ids, *stored)
        for stored in connection.execute(query)
        if stored[0] in ids and stored[1] in ids and (rows is None or (stored[0] in rows and stored[1] in rows))
    ]


def _alignment(ids: dict[int, str], left: int, right: int, coverage: float, pairs: str) -> Alignment:
    """A stored alignment row as an Alignment of the articles' current ids."""
    return Alignment(ids[left], ids[right], tuple(SentencePair(i, j, s) for i, j, s in json.loads(pairs)), coverage)


def _touching(connection: sqlite3.Connection, rows: set[int]) -> Iterator[tuple[int, int, float, str]]:
    """The stored alignment rows (left, right, coverage, pairs) with an end in `rows`, each once."""
    for chunk in _chunks(sorted(rows)):
        marks = ",".join("?" * len(chunk))
        query = f"SELECT left, right, coverage, pairs FROM alignment WHERE left IN ({marks}) OR right IN ({marks})"
        yield from connection.execute(query, [*chunk, *chunk])


def _candidates(
    connection: sqlite3.Connection, ids: dict[int, str], config: Config
) -> Callable[[tuple[str, ...], Bounds], Iterator[tuple[tuple[str, ...], list[tuple[str, int]]]]]:
    """The index lookup for `align.score_against`: indexed sentences that may align with `tokens`.

    Sentences filed under the probe's keys, of a partner length, are read first;
    only those whose stored signature `bounds` lets through have their tokens
    split and tested, only those that pass are looked up in `ref`, and only their
    sentences in articles of `ids` (row -> current id) count. (On BBC + Reuters,
    ten new articles meet 74,800 indexed sentences; 331 pass the signature.)
    """
    meta = dict(connection.execute("SELECT key, value FROM meta WHERE key IN ('common', 'radix')"))
    common, radix = int(meta["common"]), int(meta["radix"])

    def candidates(tokens: tuple[str, ...], bounds: Bounds) -> Iterator[tuple[tuple[str, ...], list[tuple[str, int]]]]:
        names = sorted(set(content_elements(tokens)))
        ranks: dict[str, int] = {}
        for chunk in _chunks(names):
            ranks.update(connection.execute(f"SELECT name, rank FROM element WHERE name IN ({','.join('?' * len(chunk))})", chunk))
        keys = probe_keys(tokens, ranks, common, radix, config.align)
        lengths = partner_lengths(len(tokens), config.align)
        admitted: dict[int, tuple[str, ...]] = {}
        met: set[int] = set()
        for chunk in _chunks(keys):
            query = (
                "SELECT sid, size, signature, collisions, tokens FROM sentence "
                f"WHERE sid IN (SELECT sid FROM posting WHERE key IN ({','.join('?' * len(chunk))})) "
                "AND size BETWEEN ? AND ?"
            )
            for sid, size, signature, collisions, text in connection.execute(query, [*chunk, lengths.start, lengths.stop - 1]):
                if sid not in met:
                    met.add(sid)
                    if bounds.signed(size, int.from_bytes(signature, "little"), collisions):
                        split = tuple(text.split(SEP))
                        if bounds(split):
                            admitted[sid] = split
        refs: dict[int, list[tuple[str, int]]] = {sid: [] for sid in admitted}
        for chunk in _chunks(sorted(admitted)):
            query = f"SELECT sid, row, position FROM ref WHERE sid IN ({','.join('?' * len(chunk))}) ORDER BY rowid"
            for sid, row, position in connection.execute(query, chunk):
                if row in ids:
                    refs[sid].append((ids[row], position))
        for sid in sorted(admitted):
            yield admitted[sid], refs[sid]

    return candidates


def _chunks(items: Sequence, size: int = 900) -> Iterator[list]:  # type: ignore[type-arg]
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


def _align_fresh(
    connection: sqlite3.Connection,
    tokenized: Sequence[TokenizedArticle],
    indexed: dict[int, str],
    lengths: dict[str, int],
    config: Config,
    shapes: set[str],
) -> list[Alignment]:
    """Align `tokenized` fresh articles with each other and, through the index, with the `indexed` ones.

    The alignments are raw: sentences of the boilerplate `shapes` (keys; the whole
    corpus') align with nothing, widely paired ones are still in (see `_refresh_partners`).
    """
    boilerplate = {_shape(key) for key in shapes}
    found = score_against(tokenized, _candidates(connection, indexed, config), config.align, boilerplate)
    for key, scored in similar_sentences(tokenized, config.align, config.jobs, boilerplate).items():
        found[key].extend(scored)
    return raw_alignments(found, lengths | {t.id: len(t.tokens) for t in tokenized})


# --------------------------------------------------------------------------- boilerplate
#
# Stored alignments are raw: every scored pair, made without the boilerplate shapes
# of the archive, but with the widely aligned sentences still in. `shape` counts the
# articles of every shape, `partner` the other articles every aligned sentence aligns
# with; alignments are settled (`align.settle`) where they are loaded. Whenever a shape
# becomes boilerplate or stops being it, the articles that carry it are aligned
# again; a change in partner counts needs no new alignment, only a new filter.


def _shape_key(shape: Shape) -> str:
    return SEP.join(shape)


def _shape(key: str) -> Shape:
    return tuple(key.split(SEP))


def _store_shapes(connection: sqlite3.Connection, tokenized: dict[int, TokenizedArticle], config: Config) -> None:
    for row, article in tokenized.items():
        connection.executemany(
            "INSERT INTO shape VALUES (?, ?, ?)",
            ((_shape_key(shape), row, n) for shape, n in shape_counts(article, config.align).items()),
        )


def _boilerplate_shapes(connection: sqlite3.Connection, config: Config) -> set[str]:
    """The archive's boilerplate shapes (stored keys): in more than `boilerplate_articles` articles."""
    query = "SELECT shape FROM shape GROUP BY shape HAVING COUNT(*) > ?"
    return {shape for (shape,) in connection.execute(query, (config.align.boilerplate_articles,))}


def _shape_rows(connection: sqlite3.Connection, keys: Iterable[str]) -> dict[str, dict[int, int]]:
    """For each shape key, the rows that carry it and how many of their sentences."""
    found: dict[str, dict[int, int]] = {}
    for chunk in _chunks(sorted(set(keys))):
        query = f"SELECT shape, row, sentences FROM shape WHERE shape IN ({','.join('?' * len(chunk))})"
        for key, row, count in connection.execute(query, chunk):
            found.setdefault(key, {})[row] = count
    return found


def _widely_paired(connection: sqlite3.Connection, config: Config) -> dict[tuple[int, int], int]:
    """The stored sentences paired with more than `boilerplate_articles` articles: (row, position) -> count."""
    query = "SELECT row, position, articles FROM partner WHERE articles > ?"
    return {(row, position): n for row, position, n in connection.execute(query, (config.align.boilerplate_articles,))}


@dataclass(frozen=True)
class _Combined:
    """The boilerplate of the archive joined with the new articles (see `_check`)."""

    shapes: set[str]  # boilerplate shape keys
    changed: set[str]  # the keys whose status the new articles change
    carriers: dict[str, dict[int, int]]  # shape key -> stored row -> its sentences of the shape
    counted: dict[str, Counter[Shape]]  # new article id -> its shapes


def _combined_shapes(
    connection: sqlite3.Connection, new: dict[str, TokenizedArticle], replaced: set[int], config: Config
) -> _Combined:
    """The boilerplate shapes of the archive without `replaced` rows and with the `new` articles.

    Also gives, for every shape the change can touch, its stored carriers.
    """
    counted = {article_id: shape_counts(t, config.align) for article_id, t in new.items()}
    touched = {_shape_key(shape) for counts in counted.values() for shape in counts}
    for chunk in _chunks(sorted(replaced)):
        query = f"SELECT shape FROM shape WHERE row IN ({','.join('?' * len(chunk))})"
        touched.update(key for (key,) in connection.execute(query, chunk))
    carriers = _shape_rows(connection, touched)
    before = _boilerplate_shapes(connection, config)
    shapes = set(before)
    for key in touched:
        shape = _shape(key)
        count = sum(1 for row in carriers.get(key, {}) if row not in replaced)
        count += sum(1 for counts in counted.values() if shape in counts)
        if count > config.align.boilerplate_articles:
            shapes.add(key)
        else:
            shapes.discard(key)
    return _Combined(shapes, shapes ^ before, carriers, counted)


def _combined_partners(
    connection: sqlite3.Connection, new: Sequence[Alignment], indexed: dict[int, str], gone: set[int], config: Config
) -> tuple[set[SentenceRef], set[int]]:
    """The widely paired sentences of the archive's `indexed` rows and the fresh articles, as ids.

    The stored counts lose the partners in `gone` rows (replaced, or aligned again)
    and gain those of the `new` alignments. Returns the sentences and the indexed
    rows that have a sentence whose status changed: their alignments need a new filter.
    """
    limit = config.align.boilerplate_articles
    row_of = {article_id: row for row, article_id in indexed.items()}
    delta: Counter[tuple[int, int]] = Counter()
    fresh: Counter[SentenceRef] = Counter()
    for left, right, _, pairs in _touching(connection, gone):
        scored = json.loads(pairs)
        if left in indexed and right not in indexed:
            delta.subtract({(left, i) for i, _, _ in scored})
        elif right in indexed and left not in indexed:
            delta.subtract({(right, j) for _, j, _ in scored})
    for (article_id, position), n in partner_counts(new).items():
        if article_id in row_of:
            delta[(row_of[article_id], position)] += n
        else:
            fresh[(article_id, position)] += n
    stored = _widely_paired(connection, config)
    counts: dict[tuple[int, int], int] = {}
    for chunk in _chunks(sorted({row for row, _ in delta})):
        query = f"SELECT row, position, articles FROM partner WHERE row IN ({','.join('?' * len(chunk))})"
        counts.update(((row, position), n) for row, position, n in connection.execute(query, chunk))
    wide = {ref for ref in stored if ref[0] in indexed}
    changed_rows = set()
    for ref, change in delta.items():
        before = counts.get(ref, 0)
        if (before > limit) != (before + change > limit):
            changed_rows.add(ref[0])
            (wide.add if before + change > limit else wide.discard)(ref)
    widespread = {(indexed[row], position) for row, position in wide} | widely_paired(fresh, config.align)
    return widespread, changed_rows


def _alignments_of(connection: sqlite3.Connection, rows: set[int], ids: dict[int, str]) -> list[Alignment]:
    """Stored alignments with an end in `rows`, between articles in `ids` (row -> current id)."""
    found = {(left, right): (left, right, coverage, pairs) for left, right, coverage, pairs in _touching(connection, rows)}
    return [_alignment(ids, *found[key]) for key in sorted(found) if key[0] in ids and key[1] in ids]


def _scope_boilerplate(
    connection: sqlite3.Connection,
    new: Sequence[Article],
    tokenized: dict[str, TokenizedArticle],
    stubs: dict[int, Article],
    combined: _Combined,
    widespread: set[SentenceRef],
    ids: dict[int, str],
    config: Config,
) -> tuple[Boilerplate, ...]:
    """The boilerplate records a full run would give that include a `new` article (see `limit_scope`).

    `tokenized` are the new articles', `widespread` the widely paired sentences of
    everything, `ids` the kept rows' current ids.
    """
    row_of = {article_id: row for row, article_id in ids.items()}
    by_id = {a.id: a for a in new}

    def article(article_id: str) -> Article:
        if article_id not in by_id:
            row = row_of[article_id]
            by_id[article_id] = _load_whole(connection, {row: stubs[row]})[row]
        return by_id[article_id]

    def sentences(article_id: str) -> Sequence[Sentence]:
        return article(article_id).sentences

    records = []
    new_counts = combined.counted
    for key in sorted(combined.shapes & {_shape_key(s) for counts in new_counts.values() for s in counts}):
        shape = _shape(key)
        counts = {ids[row]: n for row, n in combined.carriers.get(key, {}).items() if row in ids}
        counts |= {article_id: c[shape] for article_id, c in new_counts.items() if shape in c}
        first = min(counts)
        tokens_of_first = tokenized[first] if first in tokenized else tokenize(article(first))
        records.append(shape_record(shape, counts, tokens_of_first, config.align, sentences))
    wide_new = {ref for ref in widespread if ref[0] in tokenized}
    wanted = {sentence_shape(tokenized[a].tokens[i]) for a, i in wide_new}
    if wanted:
        stored_refs = {(row_of[a], i) for a, i in widespread if a in row_of}
        tokens = _sentence_tokens(connection, stored_refs)
        shape_of = {(ids[row], i): sentence_shape(t) for (row, i), t in tokens.items()}
        shape_of |= {ref: sentence_shape(tokenized[ref[0]].tokens[ref[1]]) for ref in wide_new}
        chosen = {ref for ref, shape in shape_of.items() if shape in wanted}
        records += paired_boilerplate(chosen, shape_of.__getitem__, sentences)
    return sort_boilerplate(records)


def _sentence_tokens(connection: sqlite3.Connection, refs: set[tuple[int, int]]) -> dict[tuple[int, int], tuple[str, ...]]:
    """The stored tokens of sentences given as (row, position)."""
    found = {}
    for chunk in _chunks(sorted({row for row, _ in refs})):
        query = (
            "SELECT r.row, r.position, s.tokens FROM ref r JOIN sentence s ON s.sid = r.sid "
            f"WHERE r.row IN ({','.join('?' * len(chunk))})"
        )
        for row, position, text in connection.execute(query, chunk):
            if (row, position) in refs:
                found[(row, position)] = tuple(text.split(SEP))
    return found


def _refresh_partners(connection: sqlite3.Connection, stored: _Stored, config: Config) -> None:
    """Count every stored sentence's partners anew and set each alignment's `linked` on the filtered pairs."""
    ids = {row: stub.id for row, stub in stored.stubs.items()}
    raw = _load_alignments(connection, ids, linked_only=False)
    counts = partner_counts(raw)
    connection.execute("DELETE FROM partner")
    connection.executemany(
        "INSERT INTO partner VALUES (?, ?, ?)", ((stored.rows[a], i, n) for (a, i), n in counts.items())
    )
    widespread = widely_paired(counts, config.align)
    lengths = {stub.id: len(stub.sentences) for stub in stored.stubs.values()}
    filtered = {a.key: a for a in settle(raw, widespread, lengths)}
    dates = {stub.id: stub.date for stub in stored.stubs.values()}
    updates = []
    for alignment in raw:
        kept = filtered.get(alignment.key)
        linked = kept is not None and (
            same_story(kept, dates, config.align) or is_near_duplicate(kept, config.align)
        )
        updates.append((int(linked), stored.rows[alignment.left], stored.rows[alignment.right]))
    connection.executemany("UPDATE alignment SET linked = ? WHERE left = ? AND right = ?", updates)


# --------------------------------------------------------------------------- index


def index_articles(
    path: Path,
    articles: Sequence[Article],
    skipped: Sequence[Skipped] = (),
    config: Config = Config(),
    *,
    prune: bool = False,
    progress: Callable[[str], None] | None = None,
) -> IndexReport:
    """Add `articles` (as read, ids not yet unique) to the archive at `path`, creating it if missing.

    An article at a stored place with the same digest is left alone; with another,
    it replaces the stored one. `skipped` inputs are recorded (replacing an article
    stored at their place). With `prune`, stored inputs whose file is gone are removed.
    """
    say = progress or (lambda message: None)
    connection = open_archive(path, config, create=True)
    try:
        with connection:
            return _index(connection, articles, skipped, config, prune, say)
    finally:
        connection.close()


def _index(
    connection: sqlite3.Connection,
    articles: Sequence[Article],
    skipped: Sequence[Skipped],
    config: Config,
    prune: bool,
    say: Callable[[str], None],
) -> IndexReport:
    articles = date_articles(name_outlets(articles, config.outlets), config.jobs)
    known = {place: (row, digest) for row, place, digest in connection.execute("SELECT row, place, hash FROM article")}
    added = replaced = unchanged = removed = 0
    gone: set[int] = set()
    inserted: list[int] = []
    for item in skipped:
        place = where(item.path)
        connection.execute("INSERT OR REPLACE INTO skipped VALUES (?, ?, ?)", (place, item.path, item.reason))
        if place in known:
            gone.add(known.pop(place)[0])
            removed += 1
    if prune:
        for place, (row, _) in list(known.items()):
            if not os.path.exists(RE_ENTRY.sub("", place)):
                gone.add(row)
                del known[place]
                removed += 1
        for (place,) in connection.execute("SELECT place FROM skipped").fetchall():
            if not os.path.exists(RE_ENTRY.sub("", place)):
                connection.execute("DELETE FROM skipped WHERE place = ?", (place,))
    fresh: list[tuple[str, str, Article]] = []
    for article in articles:
        place, digest = where(article.path), _digest(article)
        connection.execute("DELETE FROM skipped WHERE place = ?", (place,))
        if place in known:
            row, stored_digest = known[place]
            if stored_digest == digest:
                unchanged += 1
                continue
            gone.add(row)
            replaced += 1
        else:
            added += 1
        fresh.append((place, digest, article))
    shapes_before = _boilerplate_shapes(connection, config)
    _forget(connection, gone)
    for place, digest, article in fresh:
        cursor = connection.execute(
            "INSERT INTO article(id, base_id, path, place, hash, n_sentences, head, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (f"\x00{place}", article.id, article.path, place, digest, len(article.sentences),
             json.dumps(_head(article), ensure_ascii=False), json.dumps(_body(article), ensure_ascii=False)),
        )
        inserted.append(int(cursor.lastrowid or 0))
    if not fresh and not gone:
        return IndexReport(added, replaced, unchanged, removed, len(skipped))
    tokenized = {row: tokenize(article) for row, (_, _, article) in zip(inserted, fresh, strict=True)}
    _store_shapes(connection, tokenized, config)
    shapes = _boilerplate_shapes(connection, config)

    # Ids unique over the whole archive; a stored article whose id changes is aligned again.
    heads = {row: json.loads(head) | {"id": base} for row, base, head in
             connection.execute("SELECT row, base_id, head FROM article")}
    order = sorted(heads)
    renamed = unique_ids([Article(heads[r]["id"], heads[r]["path"], "") for r in order])
    current = dict(connection.execute("SELECT row, id FROM article"))
    dirty = set(inserted)
    # A shape that became boilerplate, or stopped being it: its articles are aligned again.
    for carriers in _shape_rows(connection, shapes ^ shapes_before).values():
        for row in carriers.keys() - dirty:
            dirty.add(row)
            connection.execute("DELETE FROM alignment WHERE left = ? OR right = ?", (row, row))
    for row, article in zip(order, renamed, strict=True):
        if current[row] != article.id:
            if row not in dirty:
                dirty.add(row)
                connection.execute("DELETE FROM alignment WHERE left = ? OR right = ?", (row, row))
            connection.execute("UPDATE article SET id = ?, head = ? WHERE row = ?",
                               (article.id, json.dumps(heads[row] | {"id": article.id}, ensure_ascii=False), row))
    stored = _load_stored(connection)
    ids = {row: stub.id for row, stub in stored.stubs.items()}
    say(f"aligning {len(dirty)} articles against {len(ids) - len(dirty)}")
    whole = _load_whole(connection, {row: stored.stubs[row] for row in dirty - tokenized.keys()})
    clean = {row: ids[row] for row in ids if row not in dirty}
    lengths = {stub.id: len(stub.sentences) for stub in stored.stubs.values()}
    again = [replace(tokenized[r], id=ids[r]) if r in tokenized else tokenize(whole[r]) for r in sorted(dirty)]
    alignments = _align_fresh(connection, again, clean, lengths, config, shapes)
    for alignment in alignments:  # `linked` is set by `_refresh_partners`
        connection.execute(
            "INSERT OR REPLACE INTO alignment VALUES (?, ?, ?, ?, ?)",
            (stored.rows[alignment.left], stored.rows[alignment.right], 0, alignment.coverage,
             json.dumps([[p.left, p.right, p.score] for p in alignment.pairs])),
        )
    say("counting partners")
    _refresh_partners(connection, stored, config)
    _store_sentences(connection, tokenized, config)
    say("indexing sentences")
    _rebuild_index(connection, config)
    say("extracting facts")
    _extract_stale(connection, stored, ids, config)
    return IndexReport(added, replaced, unchanged, removed, len(skipped))


def _forget(connection: sqlite3.Connection, rows: set[int]) -> None:
    for row in rows:
        connection.execute("DELETE FROM alignment WHERE left = ? OR right = ?", (row, row))
        connection.execute("DELETE FROM shape WHERE row = ?", (row,))
        connection.execute("DELETE FROM ref WHERE row = ?", (row,))
        connection.execute("DELETE FROM article WHERE row = ?", (row,))


def _store_sentences(connection: sqlite3.Connection, tokenized_rows: dict[int, TokenizedArticle], config: Config) -> None:
    for row, tokenized in sorted(tokenized_rows.items()):
        for position, tokens in enumerate(tokenized.tokens):
            if len(tokens) < config.align.min_tokens or len(tokenized.content[position]) < config.align.min_shared:
                continue
            text = SEP.join(tokens)
            signature, collisions = sentence_signature(tokens)
            connection.execute(
                "INSERT OR IGNORE INTO sentence(tokens, size, signature, collisions) VALUES (?, ?, ?, ?)",
                (text, len(tokens), signature.to_bytes(SIGNATURE_BITS // 8, "little"), collisions),
            )
            (sid,) = connection.execute("SELECT sid FROM sentence WHERE tokens = ?", (text,)).fetchone()
            connection.execute("INSERT INTO ref VALUES (?, ?, ?)", (sid, row, position))


def _rebuild_index(connection: sqlite3.Connection, config: Config) -> None:
    connection.execute("DELETE FROM sentence WHERE sid NOT IN (SELECT sid FROM ref)")
    sentences = connection.execute("SELECT sid, tokens FROM sentence ORDER BY sid").fetchall()
    index = build_index([tuple(text.split(SEP)) for _, text in sentences], config.align)
    connection.execute("DELETE FROM element")
    connection.execute("DELETE FROM posting")
    connection.executemany("INSERT INTO element VALUES (?, ?)", index.ranks.items())
    connection.executemany(
        "INSERT OR IGNORE INTO posting VALUES (?, ?)",
        ((key, sid) for (sid, _), keys in zip(sentences, index.keys, strict=True) for key in keys),
    )
    connection.executemany("UPDATE meta SET value = ? WHERE key = ?", [(str(index.common), "common"), (str(index.radix), "radix")])


def _extract_stale(connection: sqlite3.Connection, stored: _Stored, ids: dict[int, str], config: Config) -> None:
    """Group the archive into stories, date articles by their story, and extract facts where the date changed."""
    lengths = {stub.id: len(stub.sentences) for stub in stored.stubs.values()}
    widespread = {(ids[row], position) for row, position in _widely_paired(connection, config)}
    linked = settle(_load_alignments(connection, ids, linked_only=True), widespread, lengths)
    stories = group_stories(list(stored.stubs.values()), linked, config.align)
    dated = {a.id: a for a in date_from_stories(stored.stubs.values(), stories)}
    stale = {row: dated[ids[row]] for row, (date_used, extracted, _, _) in stored.flags.items()
             if not extracted or date_used != dated[ids[row]].date}
    whole = _load_whole(connection, stale)
    order = sorted(whole)
    for row, facts in zip(order, parallel_map(extract_facts, [whole[r] for r in order], config.jobs), strict=True):
        world, standing = _world(whole[row], facts)
        connection.execute(
            "UPDATE article SET date_used = ?, facts = ?, world = ?, standing = ? WHERE row = ?",
            (whole[row].date, _facts_json(facts), _facts_json(world), int(standing), row),
        )


# --------------------------------------------------------------------------- check


def check_against(
    path: Path,
    articles: Sequence[Article],
    skipped: Sequence[Skipped] = (),
    config: Config = Config(),
    *,
    baseline: Iterable[BaselineEntry] | None = None,
    progress: Callable[[str], None] | None = None,
) -> CheckResult:
    """Check `articles` (read, ids unique among them) against the archive at `path`.

    The result equals `check_articles` over the articles and the archive's inputs
    merged by `merge_context`, with `scope` the new articles (see the module
    docstring for what `alignments`, `facts` and `stale` hold).
    """
    say = progress or (lambda message: None)
    connection = open_archive(path, config)
    try:
        return _check(connection, articles, skipped, config, baseline, say)
    finally:
        connection.close()


def _check(
    connection: sqlite3.Connection,
    articles: Sequence[Article],
    skipped: Sequence[Skipped],
    config: Config,
    baseline: Iterable[BaselineEntry] | None,
    say: Callable[[str], None],
) -> CheckResult:
    stored = _load_stored(connection)
    own = {where(a.path) for a in articles} | {where(s.path) for s in skipped}
    kept = {row: stub for row, stub in stored.stubs.items() if stored.places[row] not in own}
    order = sorted(kept)
    combined = unique_ids([*articles, *(kept[row] for row in order)])
    new = combined[: len(articles)]
    scope = frozenset(a.id for a in new)
    ids = {row: article.id for row, article in zip(order, combined[len(articles):], strict=True)}
    renamed = {row for row in order if ids[row] != kept[row].id}
    replaced = set(stored.stubs) - set(kept)
    stubs = {row: replace(kept[row], id=ids[row]) if row in renamed else kept[row] for row in order}
    fresh_new = sorted(date_articles(name_outlets(new, config.outlets), config.jobs), key=lambda a: a.id)
    tokenized_new = {a.id: tokenize(a) for a in fresh_new}
    combined_shapes = _combined_shapes(connection, tokenized_new, replaced, config)
    # Stored articles aligned again: those whose id changed, and those that carry a shape
    # whose boilerplate status the new articles change.
    refresh = renamed | {row for key in combined_shapes.changed
                         for row in combined_shapes.carriers.get(key, {}) if row in kept}
    moved = _load_whole(connection, {row: stubs[row] for row in refresh})
    fresh = [*tokenized_new.values(), *(tokenize(moved[row]) for row in sorted(refresh))]
    say(f"aligning {len(fresh)} articles against an archive of {len(stored.stubs)}")
    indexed = {row: ids[row] for row in order if row not in refresh}
    lengths = {stub.id: len(stub.sentences) for stub in stubs.values()} | {a.id: len(a.sentences) for a in fresh_new}
    new_alignments = _align_fresh(connection, fresh, indexed, lengths, config, combined_shapes.shapes)
    widespread, changed_rows = _combined_partners(connection, new_alignments, indexed, replaced | refresh, config)
    everything = [*fresh_new, *stubs.values()]
    # Alignments touching a sentence whose partner count crossed the threshold are
    # loaded whether linked or not: their filter, so their link, may change.
    unchanged = {row: article_id for row, article_id in indexed.items() if row not in changed_rows}
    linked = [*_load_alignments(connection, unchanged, linked_only=True), *_alignments_of(connection, changed_rows, indexed)]
    new_alignments = list(settle(new_alignments, widespread, lengths))
    stories = group_stories(everything, [*settle(linked, widespread, lengths), *new_alignments], config.align)
    dated = {a.id: a for a in date_from_stories(everything, stories)}
    scope_stories = [story for story in stories if scope & set(story.articles)]
    relevant = {aid for story in scope_stories for aid in story.articles}
    by_id = {ids[row]: row for row in order}

    # Whole articles and every fact for the stories of the new articles; person and
    # standing facts of the others (compared across stories); metadata for the rest.
    whole_rows = {by_id[aid] for aid in relevant if aid in by_id}
    world_rows = {row for row in order if row not in whole_rows and (stored.flags[row][2] or stored.flags[row][3])}
    redo = {row for row in whole_rows | world_rows if stored.flags[row][0] != dated[ids[row]].date}
    loaded = _load_whole(connection, {row: dated[ids[row]] for row in whole_rows | world_rows})
    facts: dict[str, tuple[Fact, ...]] = {}
    for row, found in _load_facts(connection, whole_rows - redo, "facts").items():
        facts[ids[row]] = found
    for row, found in _load_facts(connection, world_rows - redo, "world").items():
        facts[ids[row]] = found
    fresh_dated = [dated[a.id] for a in fresh_new]
    again = [loaded[row] for row in sorted(redo)]
    for article, found in zip([*fresh_dated, *again], parallel_map(extract_facts, [*fresh_dated, *again], config.jobs), strict=True):
        facts[article.id] = found if article.id in relevant or article.id in scope else tuple(_world(article, found)[0])
    final = sorted(
        [*fresh_dated, *(loaded.get(row) or dated[ids[row]] for row in order)], key=lambda a: a.id
    )
    for article in final:
        facts.setdefault(article.id, ())
    say("comparing")
    relevant_rows = {by_id[aid] for aid in relevant if aid in by_id}
    alignments = tuple(sorted(
        [*settle(
            _alignments_of(connection, relevant_rows & set(indexed), {r: ids[r] for r in relevant_rows if r in indexed}),
            widespread, lengths),
         *(a for a in new_alignments if a.left in relevant and a.right in relevant)],
        key=lambda a: a.key,
    ))
    # Findings within a story without a new article would be dropped by `limit_scope`.
    within = {story.id for story in scope_stories}
    discrepancies = find_discrepancies(final, facts, stories, alignments, config.compare, within=within)
    context_skipped = [Skipped(p, r) for place, p, r in connection.execute("SELECT place, path, reason FROM skipped") if place not in own]
    result = CheckResult(
        articles=tuple(final),
        skipped=tuple(sorted([*skipped, *context_skipped], key=lambda s: s.path)),
        facts=facts,
        stories=stories,
        alignments=alignments,
        discrepancies=tuple(
            d for d in discrepancies if d.kind not in config.ignore_kinds and d.cls not in config.ignore_classes
        ),
        boilerplate=_scope_boilerplate(
            connection, fresh_new, tokenized_new, stubs, combined_shapes, widespread, ids, config
        ),
    )
    if baseline is not None:
        entries = list(baseline)
        result = apply_baseline(result, entries)
        # Only entries about a new article can be judged stale: the archive's own discrepancies are not computed.
        result = replace(result, stale=tuple(e for e in result.stale if scope & set(e.sources)))
    return limit_scope(result, scope)
