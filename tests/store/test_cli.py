"""The store's commands, end to end through click: thin wrappers that print what the library returns."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from sqlalchemy import func, select

from claimgraph.cli import main
from claimgraph.store import open_store
from tests.store.reports import ALL, strike, vote


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def filled(url: str) -> str:
    with open_store(url) as store:
        for build in ALL:
            store.add(build())
        store.resolve()
    return url


def test_cli_ingest_twice_skips_everything_the_second_time(store_url: str, slice_path: Path) -> None:
    code, out = run("ingest", str(slice_path), "--db", store_url, "--format", "json")
    first = json.loads(out)
    assert code == 0 and first["added"] == 20 and first["errors"] == [] and first["new_entities"] > 100
    code, out = run("ingest", str(slice_path), "--db", store_url)
    assert code == 0 and out.startswith("documents: 0 added, 0 new versions, 20 already in")
    code, out = run("show", "Trump", "--db", store_url, "--format", "json")
    assert code == 0 and json.loads(out)["name"] == "Donald Trump"


def test_cli_ingest_reports_bad_inputs_with_their_file_names(store_url: str, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    code, out = run("ingest", str(empty), str(tmp_path / "missing.txt"), "--db", store_url)
    assert code == 1
    assert "missing.txt" in out and "empty.txt" in out and "errors: 2" in out


def test_cli_views_print_text_and_json(store_url: str) -> None:
    db = filled(store_url)
    code, out = run("show", "Soleimani", "--db", db)
    assert code == 0 and out.startswith("Qasem Soleimani [PERSON]") and "leader_of Quds Force" in out
    code, out = run("quotes", "--speaker", "Morgan Ortagus", "--db", db, "--format", "json")
    assert [q["speaker_name"] for q in json.loads(out)] == ["Morgan Ortagus"]
    code, out = run("claims", "Iraq", "--db", db, "--format", "json")
    assert {g["predicate"] for g in json.loads(out)} == {"leader_of"}
    code, out = run("timeline", "Qasem Soleimani", "--db", db)
    assert out.splitlines()[0].startswith("2020-01-05 * Qasem Soleimani leader_of Quds Force")
    code, out = run("conflicts", "--db", db, "--format", "json")
    assert code == 0 and json.loads(out) == []
    code, out = run("show", "Nobody Atall", "--db", db)
    assert code == 1 and "no actor named 'Nobody Atall'" in out


def test_cli_split_merge_and_review_record_judgements(store_url: str) -> None:
    db = filled(store_url)
    lone, full = f"{vote().document.id}:e1", f"{strike().document.id}:e3"
    code, out = run("split", lone, "--db", db, "--user", "ann")
    assert code == 0 and lone in out
    code, out = run("conflicts", "Iraq", "--db", db)
    assert out.startswith("[incompatible] ")
    code, out = run("merge", lone, full, "--db", db, "--user", "ann")
    assert code == 0 and out.strip() == f"merged into Adil Abdul-Mahdi  {full}"
    code, out = run("review", "--db", db, "--format", "json")
    assert code == 0 and all({c["left"], c["right"]} != {lone, full} for c in json.loads(out))
    with open_store(db) as store:
        assert [(j["judgement"], j["user"]) for j in store.judgements()] == [
            ("different", "ann"),
            ("same", "ann"),
        ]


def test_cli_summaries_writes_those_resolution_set_aside(store_url: str, monkeypatch: Any) -> None:
    from claimgraph.store import schema, summaries

    monkeypatch.setattr(summaries.fill, "__defaults__", (1, True))  # every actor is big here
    db = filled(store_url)
    with open_store(db) as store, store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(schema.actor_summaries)).scalar() == 0
    code, out = run("summaries", "--db", db)
    written = int(out.split()[0])
    assert code == 0 and written > 5 and out.endswith("actor summaries written\n")
    assert run("summaries", "--db", db) == (0, "0 actor summaries written\n")
