"""Baselines and --against: accepted discrepancies stay quiet, context articles only inform."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from compare.baseline import SCHEMA, apply_baseline, load_baseline, render_baseline
from compare.errors import ConfigError
from compare.pipeline import Config, check_articles, merge_context, read_inputs, run_check
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def seeds_result():
    return run_check([str(SEEDS)])


def test_baseline_round_trip_accepts_everything(tmp_path: Path, seeds_result) -> None:
    """A baseline written from a run accepts all of that run's discrepancies, none stale."""
    path = tmp_path / "baseline.json"
    path.write_text(render_baseline(seeds_result.discrepancies), encoding="utf-8")
    entries = load_baseline(path)
    assert sorted(d.id for d in seeds_result.discrepancies) == [e.id for e in entries]
    again = apply_baseline(seeds_result, entries)
    assert () == again.discrepancies
    assert sorted(d.id for d in seeds_result.discrepancies) == sorted(d.id for d in again.accepted)
    assert () == again.stale
    assert 0 == replace(again).return_code(None)


def test_baseline_entries_are_readable_for_people(seeds_result) -> None:
    """Each entry carries kind, class, subject and sources besides the id, and an empty note."""
    data = json.loads(render_baseline(seeds_result.discrepancies))
    assert SCHEMA == data["schema"]
    troops = [e for e in data["accepted"] if "troops" in e["subject"]]
    assert [["001_c9e7a26a5d6843c3", "002_3a1f343924c775c8", "003_0907819ffabc4b97"]] == [e["sources"] for e in troops]
    assert {("quantity", "conflict", "")} == {(e["kind"], e["class"], e["note"]) for e in troops}


def test_editing_elsewhere_keeps_the_baseline_valid(tmp_path: Path, seeds_result) -> None:
    """Adding a paragraph to an article moves lines but does not resurrect accepted discrepancies."""
    entries = load_baseline(_write(tmp_path / "b.json", render_baseline(seeds_result.discrepancies)))
    edited = tmp_path / "seeds"
    edited.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        if seed.name.startswith("001"):
            head, _, body = text.partition("\n\n")
            text = head + "\n\nEditor's note: this article was updated with a correction on the venue.\n\n" + body
        (edited / seed.name).write_text(text, encoding="utf-8")
    result = run_check([str(edited)])
    lines_before = {c.fact.line for d in seeds_result.discrepancies for c in d.claims if c.article.startswith("001")}
    lines_after = {c.fact.line for d in result.discrepancies for c in d.claims if c.article.startswith("001")}
    assert lines_before != lines_after
    checked = apply_baseline(result, entries)
    assert ((), ()) == (checked.discrepancies, checked.stale)


def test_changed_number_is_reported_and_old_entry_is_stale(tmp_path: Path, seeds_result) -> None:
    """Changing a disputed value makes a new discrepancy; the entry it replaces is stale."""
    entries = load_baseline(_write(tmp_path / "b.json", render_baseline(seeds_result.discrepancies)))
    edited = tmp_path / "seeds"
    edited.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        if seed.name.startswith("001"):
            assert "54,000" in text
            text = text.replace("54,000", "53,000")
        (edited / seed.name).write_text(text, encoding="utf-8")
    checked = apply_baseline(run_check([str(edited)]), entries)
    assert [("quantity: troops / US military personnel", "conflict")] == [(d.subject, d.cls.value) for d in checked.discrepancies]
    assert "53,000" in {c.fact.text for c in checked.discrepancies[0].claims}
    assert ["quantity: troops / US military personnel"] == [e.subject for e in checked.stale]


def test_notes_survive_regeneration(seeds_result) -> None:
    """render_baseline keeps the note of an id that is still found."""
    first = seeds_result.discrepancies[0].id
    data = json.loads(render_baseline(seeds_result.discrepancies, {first: "house style", "D-gone": "x"}))
    assert {first: "house style"} == {e["id"]: e["note"] for e in data["accepted"] if e["note"]}


@pytest.mark.parametrize(
    "text, message",
    [
        ("{", "is not valid JSON"),
        ('{"schema": "factdiff/1", "accepted": []}', "is not a factdiff baseline"),
        (f'{{"schema": "{SCHEMA}"}}', 'has no "accepted" list'),
        (f'{{"schema": "{SCHEMA}", "accepted": [{{"kind": "quote"}}]}}', 'entry 1 has no "id"'),
        (f'{{"schema": "{SCHEMA}", "accepted": [{{"id": "D-1", "sources": "001"}}]}}', "entry 1 (D-1) has a field of the wrong type"),
    ],
)
def test_bad_baseline_is_an_error_naming_the_file(tmp_path: Path, text: str, message: str) -> None:
    """A malformed baseline is a ConfigError that names the file and the problem."""
    path = _write(tmp_path / "baseline.json", text)
    with pytest.raises(ConfigError) as caught:
        load_baseline(path)
    assert str(path) in str(caught.value) and message in str(caught.value)


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_against_equals_full_run_restricted(seed: str, seeds_result) -> None:
    """Checking one seed --against the others finds exactly the full run's discrepancies involving it."""
    config = Config()
    new, new_skipped = read_inputs([str(SEEDS / seed)], config)
    context, context_skipped = read_inputs([str(SEEDS)], config)
    articles, skipped, scope = merge_context(new, new_skipped, context, context_skipped)
    assert 5 == len(articles) and [] == skipped
    result = check_articles(articles, skipped, config, scope=scope)
    article = Path(seed).stem
    expected = [d for d in seeds_result.discrepancies if any(c.article == article for c in d.claims)]
    assert expected == list(result.discrepancies)
    assert (article,) == result.scope


def test_against_keeps_baseline_entries_of_context_from_going_stale(tmp_path: Path, seeds_result) -> None:
    """A baseline entry about context articles only is out of scope, not stale."""
    entries = load_baseline(_write(tmp_path / "b.json", render_baseline(seeds_result.discrepancies)))
    config = Config()
    first = sorted(SEEDS.glob("000_*.txt"))[0]
    new, _ = read_inputs([str(first)], config)
    context, _ = read_inputs([str(SEEDS)], config)
    articles, skipped, scope = merge_context(new, [], context, [])
    result = check_articles(articles, skipped, config, scope=scope, baseline=entries)
    assert ((), ()) == (result.discrepancies, result.stale)
    assert result.accepted and all(any(c.article == first.stem for c in d.claims) for d in result.accepted)


def test_same_file_given_both_ways_is_under_check_once(tmp_path: Path) -> None:
    """A file named in PATHS and inside an --against folder is one article, under check."""
    config = Config()
    new, _ = read_inputs([str(SEEDS / "001_c9e7a26a5d6843c3.txt")], config)
    context, _ = read_inputs([str(SEEDS)], config)
    articles, _skipped, scope = merge_context(new, [], context, [])
    assert 5 == len(articles)
    assert frozenset({"001_c9e7a26a5d6843c3"}) == scope


def test_clashing_ids_between_new_and_context_are_made_unique(tmp_path: Path) -> None:
    """A new a.txt and a context a.txt from another folder get distinct ids; only the new one is in scope."""
    (tmp_path / "new").mkdir()
    (tmp_path / "old").mkdir()
    _write(tmp_path / "new" / "a.txt", "The storm killed 12 people in the north of the island on Monday, officials said.\n")
    _write(tmp_path / "old" / "a.txt", "The storm killed 14 people in the north of the island on Monday, officials said.\n")
    config = Config()
    new, _ = read_inputs([str(tmp_path / "new")], config)
    context, _ = read_inputs([str(tmp_path / "old")], config)
    articles, _skipped, scope = merge_context(new, [], context, [])
    assert ["new/a", "old/a"] == [a.id for a in articles]
    assert frozenset({"new/a"}) == scope


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_repeated_article_ids_are_refused() -> None:
    """check_articles refuses two articles with one id instead of silently keeping one."""
    from compare.ingest import article_from_text

    a = article_from_text("Troops arrived in Tokyo on Tuesday, the ministry said.\n", id="x")
    b = article_from_text("At least 1,200 homes were destroyed on Monday.\n", id="x")
    with pytest.raises(ValueError, match="repeated: x"):
        check_articles([a, b])
