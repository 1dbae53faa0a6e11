"""The JSON reports: real output validates against the shipped schema, facts as written, determinism."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from jsonschema import Draft202012Validator

from compare.extract import extract_facts
from compare.pipeline import read_inputs, run_check
from compare.records import BaselineEntry, CheckResult, DiscrepancyClass, FactKind, Severity, Skipped
from compare.report import render_facts_json, render_json
from compare.report.json_report import SCHEMA, fact_record, json_schema
from compare.settings import Settings
from tests.conftest import ROOT, SEEDS

SHARED = (
    "\n\nThe Pentagon will add troops to the new unit and give commanders expanded authority over the forces."
    "\n\nThe headquarters has been designed to increase military readiness for regional crises or conflicts.\n"
)
# Curly quotes and a no-break space inside the number: both must reach the JSON as written.
ARTICLE_A = (
    "The United States has 55\u00a0000 US military personnel stationed in Japan against \u2018severe\u2019 threats,"
    " officials said on Sunday." + SHARED
)
ARTICLE_B = (
    "A joint force headquarters will upgrade the 54,000 troops of the U.S. Forces Japan, officials said." + SHARED
)


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


@pytest.fixture(scope="module")
def seeds() -> CheckResult:
    return run_check([str(SEEDS)])


def invoke(*args: str) -> Result:
    """Run the `factdiff` command (imported here, so the other tests run whatever the CLI's state)."""
    from compare.cli import main

    return CliRunner().invoke(main, list(args))


def errors(validator: Draft202012Validator, document: Any) -> list[str]:
    """Each error with its path; under the top-level `oneOf`, those of the document it says it is."""
    branch = {"check": 0, "facts": 1}.get(document.get("document"))
    found = []
    for error in validator.iter_errors(document):
        context = [e for e in error.context if e.relative_schema_path[0] == branch] or [error]
        found.extend(f"{list(e.absolute_path)}: {e.message}" for e in context)
    return found


def article_texts(document: dict[str, Any]) -> dict[str, str]:
    """Each article's decoded text, read from its file (offsets are into the text after a BOM)."""
    return {a["id"]: Path(a["path"]).read_bytes().decode("utf-8-sig") for a in document["articles"]}


def test_schema_is_draft_2020_12_with_an_id(validator: Draft202012Validator) -> None:
    """The shipped schema is a valid draft 2020-12 schema, with an `$id`, for this format version."""
    schema = json_schema()
    assert "https://json-schema.org/draft/2020-12/schema" == schema["$schema"]
    assert schema["$id"]
    assert SCHEMA == schema["$defs"]["schema"]["const"]


def test_schema_enums_match_the_records() -> None:
    """The schema's kinds, classes and severities are exactly the records' StrEnums."""
    defs = json_schema()["$defs"]
    assert [k.value for k in FactKind] == defs["kind"]["enum"]
    assert [c.value for c in DiscrepancyClass] == defs["class"]["enum"]
    assert [s.value for s in Severity] == defs["severity"]["enum"]


def test_check_json_of_the_seeds_validates(validator: Draft202012Validator) -> None:
    """`factdiff check seeds/ --format json` output validates against the schema."""
    outcome = invoke("check", str(SEEDS), "--format", "json")
    assert 0 == outcome.exit_code, outcome.output
    document = json.loads(outcome.stdout)
    assert [] == errors(validator, document)
    assert ("check", SCHEMA) == (document["document"], document["schema"])
    assert document["discrepancies"]


def test_facts_json_of_the_seeds_validates(validator: Draft202012Validator) -> None:
    """`factdiff facts seeds/ --format json` output validates against the schema."""
    outcome = invoke("facts", str(SEEDS), "--format", "json")
    assert 0 == outcome.exit_code, outcome.output
    document = json.loads(outcome.stdout)
    assert [] == errors(validator, document)
    assert ("facts", 5) == (document["document"], len(document["articles"]))


def test_check_json_with_a_skipped_input_validates(validator: Draft202012Validator, tmp_path: Path) -> None:
    """A run with an empty input lists it under `skipped` and in the summary, and validates."""
    (tmp_path / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    outcome = invoke("check", str(tmp_path), "--format", "json")
    assert 2 == outcome.exit_code, outcome.output
    document = json.loads(outcome.stdout)
    assert [] == errors(validator, document)
    assert [{"path": str(tmp_path / "empty.txt"), "reason": "the file is empty"}] == document["skipped"]
    assert {"processed": 1, "skipped": 1, "ignored": 0, "in_scope": 1} == document["summary"]["articles"]


def test_facts_json_lists_skipped_inputs(validator: Draft202012Validator, tmp_path: Path) -> None:
    """`render_facts_json` carries the skipped inputs it is given, and validates."""
    (tmp_path / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    articles, _ = read_inputs([str(tmp_path / "a.txt")])
    skipped = [Skipped(str(tmp_path / "empty.txt"), "the file is empty")]
    document = json.loads(render_facts_json(articles, {a.id: extract_facts(a) for a in articles}, skipped))
    assert [] == errors(validator, document)
    assert [{"path": str(tmp_path / "empty.txt"), "reason": "the file is empty"}] == document["skipped"]


def test_scope_accepted_and_stale_are_reported(validator: Draft202012Validator, seeds: CheckResult) -> None:
    """A result with a scope, accepted discrepancies and stale entries validates and reports each in full."""
    first, *rest = seeds.discrepancies
    in_scope = ("001_c9e7a26a5d6843c3", "002_3a1f343924c775c8")
    stale = BaselineEntry("D-0000000000", "quote", "cosmetic", "quotation of Hegseth", ("001", "002"), "house style")
    result = replace(seeds, scope=in_scope, discrepancies=tuple(rest), accepted=(first,), stale=(stale,))
    document = json.loads(render_json(result))
    assert [] == errors(validator, document)
    assert list(in_scope) == document["scope"]
    assert {a.id: a.id in in_scope for a in seeds.articles} == {a["id"]: a["in_scope"] for a in document["articles"]}
    assert [first.id] == [d["id"] for d in document["accepted"]]
    assert len(first.claims) == len(document["accepted"][0]["claims"])
    expected_stale = {
        "id": "D-0000000000",
        "kind": "quote",
        "class": "cosmetic",
        "subject": "quotation of Hegseth",
        "sources": ["001", "002"],
        "note": "house style",
    }
    assert [expected_stale] == document["stale"]
    summary = document["summary"]
    assert (2, len(rest), 1, 1) == (
        summary["articles"]["in_scope"],
        summary["discrepancies"],
        summary["accepted"],
        summary["stale"],
    )


def test_summary_counts_by_severity_and_class(seeds: CheckResult) -> None:
    """`summary` counts the findings by every severity and class, zero included."""
    summary = json.loads(render_json(seeds))["summary"]
    assert {s.value: sum(d.severity == s for d in seeds.discrepancies) for s in Severity} == summary["by_severity"]
    assert {c.value: sum(d.cls == c for d in seeds.discrepancies) for c in DiscrepancyClass} == summary["by_class"]
    assert len(seeds.discrepancies) == summary["discrepancies"] == sum(summary["by_severity"].values())


def test_settings_are_reported_without_paths(
    validator: Draft202012Validator, seeds: CheckResult, tmp_path: Path
) -> None:
    """Given settings appear as `settings` (the baseline as a flag, never its path), and validate."""
    settings = Settings(
        path=str(tmp_path / ".factdiff.toml"),
        fail_on="medium",
        baseline=str(tmp_path / "baseline.json"),
        ignore_kinds=frozenset({FactKind.QUOTE, FactKind.AGE}),
        ignore_classes=frozenset({DiscrepancyClass.COSMETIC}),
    )
    text = render_json(seeds, settings=settings)
    document = json.loads(text)
    assert [] == errors(validator, document)
    assert str(tmp_path) not in text
    reported = document["settings"]
    expected = ("medium", True, ["age", "quote"], ["cosmetic"], 0.5, 30)
    assert expected == (
        reported["fail_on"],
        reported["baseline"],
        reported["ignore_kinds"],
        reported["ignore_classes"],
        reported["align"]["sentence_threshold"],
        reported["compare"]["update_days"],
    )
    assert [] == errors(validator, json.loads(render_json(seeds, settings=Settings())))


def test_claims_carry_the_fact_as_written_and_normalised(seeds: CheckResult) -> None:
    """Every claim has its article's path and date, the sentence, and the whole fact record."""
    document = json.loads(render_json(seeds))
    articles = {a.id: a for a in seeds.articles}
    for discrepancy, record in zip(seeds.discrepancies, document["discrepancies"], strict=True):
        for claim, claim_record in zip(discrepancy.claims, record["claims"], strict=True):
            expected = {
                "article": claim.article,
                "path": articles[claim.article].path,
                "date": claim.date,
                "sentence": claim.sentence,
                "fact": fact_record(claim.fact),
            }
            assert expected == claim_record


def test_claim_text_is_the_article_text_at_its_offsets(seeds: CheckResult) -> None:
    """Every claim's `text` is its article file's text between `start` and `end`, and lies in its sentence."""
    document = json.loads(render_json(seeds))
    texts = article_texts(document)
    claims = [c for d in document["discrepancies"] for c in d["claims"]]
    assert claims
    for claim in claims:
        fact = claim["fact"]
        assert fact["text"] == texts[claim["article"]][fact["start"] : fact["end"]]
        assert fact["text"] in claim["sentence"]
        assert fact["line"] == texts[claim["article"]].count("\n", 0, fact["start"]) + 1


def test_facts_text_is_the_article_text_at_its_offsets() -> None:
    """Every fact of `facts --format json` slices out of its article file's text."""
    outcome = invoke("facts", str(SEEDS), "--format", "json")
    document = json.loads(outcome.stdout)
    texts = article_texts(document)
    for article in document["articles"]:
        for fact in article["facts"]:
            assert fact["text"] == texts[article["id"]][fact["start"] : fact["end"]]


def test_output_is_deterministic() -> None:
    """Two runs, and a run over the files in reverse order, give byte-identical JSON."""
    files = sorted(str(p) for p in SEEDS.iterdir())
    first = render_json(run_check(files))
    assert first == render_json(run_check(files))
    assert first == render_json(run_check(files[::-1]))


def test_relative_inputs_leave_no_machine_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run on `seeds` from the repository root, the JSON names paths as given, nothing absolute."""
    monkeypatch.chdir(ROOT)
    text = render_json(run_check(["seeds"]), settings=Settings())
    assert str(ROOT) not in text
    assert ["seeds/000_a79e7755c7381916.txt"] == [a["path"] for a in json.loads(text)["articles"]][:1]


def test_text_is_kept_as_written(tmp_path: Path) -> None:
    """Curly quotes and the no-break space of `55 000` reach the JSON unescaped, unnormalised."""
    (tmp_path / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    text = render_json(run_check([str(tmp_path)]))
    assert "\\u" not in text
    assert "55\u00a0000" in text and "against \u2018severe\u2019 threats" in text
    document = json.loads(text)
    (conflict,) = document["discrepancies"]
    written = {c["article"]: (c["fact"]["text"], c["fact"]["value"]) for c in conflict["claims"]}
    assert {"a": ("55\u00a0000", 55000), "b": ("54,000", 54000)} == written
    facts = render_facts_json(*_facts_of(tmp_path / "a.txt"))
    assert "\\u" not in facts and "55\u00a0000" in facts


def _facts_of(path: Path) -> tuple[list[Any], dict[str, Any]]:
    articles, _ = read_inputs([str(path)])
    return articles, {a.id: extract_facts(a) for a in articles}


FIRST_CLAIM = ["discrepancies", 0, "claims", 0]


@pytest.mark.parametrize(
    "where, change",
    [
        (["discrepancies", 0, "severity"], lambda d: d["discrepancies"][0].update(severity="critical")),
        (["discrepancies", 0, "class"], lambda d: d["discrepancies"][0].update({"class": "contradiction"})),
        (FIRST_CLAIM, lambda d: d["discrepancies"][0]["claims"][0].pop("sentence")),
        ([*FIRST_CLAIM, "fact"], lambda d: d["discrepancies"][0]["claims"][0]["fact"].pop("start")),
        ([*FIRST_CLAIM, "fact"], lambda d: d["discrepancies"][0]["claims"][0]["fact"].pop("measures")),
        ([*FIRST_CLAIM, "fact", "value"], lambda d: d["discrepancies"][0]["claims"][0]["fact"].update(value="54,000")),
        (["articles", 0], lambda d: d["articles"][0].update(body="...")),
        (["articles", 1, "date"], lambda d: d["articles"][1].update(date="30 March 2025")),
        (["summary", "by_severity"], lambda d: d["summary"]["by_severity"].pop("low")),
        (["schema"], lambda d: d.update(schema="factdiff/1")),
    ],
)
def test_schema_rejects_a_drifted_document(
    validator: Draft202012Validator, seeds: CheckResult, where: list[object], change: Any
) -> None:
    """The schema catches drift: a document broken in one place fails validation there."""
    document = json.loads(render_json(seeds))
    assert [] == errors(validator, document)
    change(document)
    found = errors(validator, document)
    assert any(e.startswith(f"{where}: ") for e in found), found


def test_check_json_against_context_lists_what_the_findings_bear_on(validator: Draft202012Validator) -> None:
    """With --against, the JSON lists the new article's story and counts the unrelated context."""
    new = sorted(SEEDS.glob("*.txt"))[0]
    flood = ROOT / "samples" / "flood"
    outcome = invoke("check", str(new), "--against", str(SEEDS), "--against", str(flood), "--format", "json")
    document = json.loads(outcome.stdout)
    assert [] == errors(validator, document)
    listed = {a["id"] for a in document["articles"]}
    assert all(a["id"] in listed for a in document["articles"] if a["in_scope"])
    assert not any(a["path"].startswith(str(flood)) for a in document["articles"])  # another story, no finding
    left_out = document["not_listed"]
    assert left_out["articles"] >= 3 and left_out["stories"] >= 1  # the flood story at least
    assert document["summary"]["articles"]["processed"] == len(listed) + left_out["articles"]
    assert all(listed.intersection(s["articles"]) for s in document["stories"])
    cited = {c["article"] for d in document["discrepancies"] for c in d["claims"]}
    assert document["discrepancies"] and cited <= listed
