"""The commands people expect (#8): names resolved or refused, dates, merge and rename, undo by
name, a store that must exist, and a review queue worth a person's time. On real reports: the
hand-built extractions of corpus reports 172-174, and corpus reports extracted by the pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimgraph.cli import main
from claimgraph.errors import AmbiguousName, NoStore, NotJudged, UnknownName
from claimgraph.graph.period import Period
from claimgraph.store import Store, open_store
from claimgraph.store.review import common_words, is_proper
from tests.store.reports import ALL, funeral, strike, vote


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.output


@pytest.fixture
def unresolved(store: Store) -> Store:
    """The three reports, in the order vote, strike, funeral, and not resolved: 'Abdul-Mahdi'
    (vote) and 'Adil Abdul-Mahdi' (strike) are two actors, the shorter name the earlier one."""
    for build in (vote, strike, funeral):
        store.add(build())
    return store


@pytest.fixture
def filled(store: Store) -> Store:
    for build in ALL:
        store.add(build())
    store.resolve()
    return store


# -- names -----------------------------------------------------------------------------------
def test_commands_unknown_name_suggests_the_closest_stored_names(filled: Store) -> None:
    with pytest.raises(UnknownName) as caught:
        filled.lookup("Soleimeni")
    assert caught.value.code == "E310" and caught.value.suggestions[0] == "Qasem Soleimani"
    code, out = run("show", "Soleimeni", "--db", filled.url)
    assert code == 1 and "did you mean 'Qasem Soleimani'" in out and "[E310]" in out


def test_commands_ambiguous_name_lists_the_actors_and_chooses_none(picked: Store) -> None:
    with pytest.raises(AmbiguousName) as caught:
        picked.lookup("John")
    names = {c[1] for c in caught.value.candidates}
    assert {"John R. Bolton", "John Hickenlooper", "John James Conyers Jr."} <= names and caught.value.code == "E311"
    code, out = run("show", "John", "--db", picked.url)
    lines = out.splitlines()
    assert code == 1 and "[E311]" in lines[0]
    assert lines[1].startswith("  1. ") and lines[2].startswith("  2. ")
    assert "Reports:" not in out  # no profile of anyone
    # a listed id answers
    first_id = caught.value.candidates[0][0]
    code, out = run("show", first_id, "--db", picked.url)
    assert code == 0 and out.startswith(caught.value.candidates[0][1])


def test_commands_a_name_one_actor_carries_far_more_often_is_taken_and_said(picked: Store) -> None:
    found = picked.lookup("Trump")
    assert found.name == "Donald Trump"
    johnson = picked.lookup("Johnson")  # Boris Johnson's reports name him often, Gary Johnson's once
    assert johnson.name == "Boris Johnson" and [m.name for m in johnson.others] == ["Gary Johnson"]
    result = CliRunner().invoke(main, ["show", "Johnson", "--db", picked.url])
    assert result.exit_code == 0 and result.stdout.startswith("Boris Johnson [PERSON]")
    assert "'Johnson' is taken as Boris Johnson; also: Gary Johnson" in result.stderr


# -- the store must exist ----------------------------------------------------------------------
def test_commands_query_on_a_missing_store_is_an_error_and_creates_nothing(
    store_url: str, tmp_path: Path
) -> None:
    with pytest.raises(NoStore):  # a path that is not there, or a PostgreSQL schema without our tables
        open_store(store_url, create=False)
    missing = tmp_path / "typo.db"
    for args in (["show", "Iran"], ["quotes"], ["conflicts"], ["review", "--list"], ["merge", "A", "B"]):
        code, out = run(*args, "--db", str(missing))
        assert code == 1 and "[E301]" in out and "claimgraph ingest" in out
    code, out = run("export", "--format", "csv", "--db", str(missing), "--out", str(tmp_path / "out"))
    assert code == 1 and "[E301]" in out
    assert not missing.exists()
    open_store(store_url).close()  # ingest (the library's default) creates it; then queries open it
    open_store(store_url, create=False).close()


# -- dates -------------------------------------------------------------------------------------
def test_commands_period_parses_days_months_and_years() -> None:
    assert Period.parse("2020-01-06", "2020-01").end == "2020-02-01"
    assert Period.parse("2020", None).start == "2020-01-01" and Period.parse(None, "2020").end == "2021-01-01"
    assert Period.parse("2020-02", "2020-02").contains("2020-02-29")
    assert not Period.parse("2020-03").contains(None)
    for since, until in (("2020-13", None), ("5 January", None), ("2020-02", "2020-01")):
        with pytest.raises(ValueError):
            Period.parse(since, until)


def test_commands_since_and_until_filter_on_publication_dates(filled: Store) -> None:
    # strike 2020-01-05, vote 2020-01-06, funeral 2020-01-09
    days = Period.parse("2020-01-06", "2020-01-09")
    assert [e.published for e in filled.timeline("Qasem Soleimani", days)] == ["2020-01-09"]
    assert {e.published for e in filled.timeline("Qasem Soleimani")} == {"2020-01-05", "2020-01-09"}
    (leader,) = [g for g in filled.claims("Iraq", period=Period.parse(None, "2020-01-05"))]
    assert leader.documents == {strike().document.id}
    assert filled.quotes(speaker="Morgan Ortagus", period=Period.parse("2020-01-07")) == []
    assert len(filled.quotes(speaker="Morgan Ortagus", period=Period.parse("2020-01"))) == 1
    db = filled.url
    code, out = run("timeline", "Qasem Soleimani", "--since", "2020-01-06", "--db", db, "--format", "json")
    assert code == 0 and [e["published"] for e in json.loads(out)] == ["2020-01-09"]
    code, out = run("quotes", "--since", "2020-01-07", "--db", db, "--format", "json")
    assert code == 0 and json.loads(out) == []
    code, out = run("claims", "Iraq", "--until", "2020-01-05", "--db", db, "--format", "json")
    assert code == 0 and [g["predicate"] for g in json.loads(out)] == ["leader_of"]
    code, out = run("conflicts", "--since", "2020-02-01", "--db", db, "--format", "json")
    assert code == 0 and json.loads(out) == []
    code, out = run("quotes", "--since", "2020-13-01", "--db", db)
    assert code == 2 and "--since" in out


def test_commands_conflicts_need_both_sides_inside_the_period(filled: Store) -> None:
    lone = f"{vote().document.id}:e1"
    filled.split(lone)  # two leaders of Iraq: 5 January (strike) and 6 January (vote)
    assert [c.kind for c in filled.conflicts("Iraq")[0]] == ["incompatible"]
    assert filled.conflicts("Iraq", Period.parse("2020-01-06"))[0] == []


# -- merge, rename, undo -----------------------------------------------------------------------
def test_commands_merge_keeps_the_fullest_name(unresolved: Store) -> None:
    lone = f"{vote().document.id}:e1"
    graph_id = unresolved.merge("Abdul-Mahdi", "Adil Abdul-Mahdi")
    assert graph_id == lone  # the earlier report's member is the graph id ...
    assert unresolved.show("Abdul-Mahdi").name == "Adil Abdul-Mahdi"  # ... but the name is the fullest
    (leader,) = [g for g in unresolved.claims("Iraq") if g.predicate == "leader_of"]
    assert leader.subject_name == "Adil Abdul-Mahdi"


def test_commands_merge_with_a_name_and_rename(unresolved: Store) -> None:
    db = unresolved.url
    code, out = run("merge", "Adil Abdul-Mahdi", "Abdul-Mahdi", "--name", "Adil Abdul-Mahdi (PM)", "--db", db)
    assert code == 0 and out.startswith("merged into Adil Abdul-Mahdi (PM)")
    code, out = run("rename", "Quds Force", "Quds Force (IRGC)", "--db", db)
    assert code == 0 and "to Quds Force (IRGC)" in out
    profile = unresolved.show("Quds Force (IRGC)")  # found by its new name, and by its old one
    assert profile.name == "Quds Force (IRGC)" and unresolved.show("Quds Force").id == profile.id
    code, out = run("timeline", "Qasem Soleimani", "--db", db)
    assert "Qasem Soleimani leader_of Quds Force (IRGC)" in out
    code, out = run("rename", "Quds Force", "  ", "--db", db)
    assert code == 1


def test_commands_undo_by_name_parts_the_actors_again(unresolved: Store) -> None:
    lone, full = f"{vote().document.id}:e1", f"{strike().document.id}:e3"
    db = unresolved.url
    code, out = run("merge", "Abdul-Mahdi", "Adil Abdul-Mahdi", "--db", db, "--user", "ann")
    assert code == 0 and unresolved.entity_id(lone) == unresolved.entity_id(full)
    code, out = run("merge", "Abdul-Mahdi", "Adil Abdul-Mahdi", "--undo", "--db", db, "--user", "ann")
    assert code == 0 and out.startswith("withdrew the judgement") and "by ann" in out
    assert unresolved.entity_id(lone) == lone and unresolved.entity_id(full) == full
    assert unresolved.show(lone).name == "Abdul-Mahdi" and unresolved.show(full).name == "Adil Abdul-Mahdi"
    code, out = run("merge", "Abdul-Mahdi", "Adil Abdul-Mahdi", "--undo", "--db", db)  # nothing left to undo
    assert code == 1 and "[E320]" in out and "not one actor" in out


def test_commands_undo_refuses_what_the_resolver_joined(filled: Store) -> None:
    # 'Qasem Soleimani' of three reports is one actor by name, not by anyone's judgement
    with pytest.raises(NotJudged):
        filled.undo("Qasem Soleimani", "Soleimani")
    code, out = run("merge", "Qasem Soleimani", "Soleimani", "--undo", "--db", filled.url)
    assert code == 1 and "`claimgraph split`" in out


# -- review ------------------------------------------------------------------------------------
def test_commands_review_skips_names_that_are_not_proper_names(picked: Store) -> None:
    with picked.engine.connect() as conn:
        assert common_words(conn, {"Morally", "Morell"}) == {"morally"}
        candidates = conn.exec_driver_sql("SELECT count(*) FROM candidates").scalar()
    assert not is_proper("Morally", "PERSON", {"morally"})
    assert is_proper("Michael Morell", "PERSON", {"morally"})
    assert not is_proper("Health ministry", "ORG", set()) and is_proper("Republic of Ireland", "GPE", set())
    queue = picked.review_queue(50)
    assert candidates and queue
    for c in queue:
        assert c.left_side and c.right_side
        assert "Morally" not in (c.left_side.member_name, c.right_side.member_name)
        for side in (c.left_side, c.right_side):  # the evidence: a sentence of its report naming it
            assert side.sentence and side.member_name.split()[-1] in side.sentence and side.reports >= 1
    assert [c.priority for c in queue] == sorted((c.priority for c in queue), reverse=True)
    actors = [frozenset((c.left_side.graph_id, c.right_side.graph_id))
              for c in queue if c.left_side and c.right_side]
    assert len(actors) == len(set(actors))  # two actors come up once, however many members they have


def test_commands_review_list_shows_names_and_sentences(picked: Store) -> None:
    code, out = run("review", "--list", "--db", picked.url)
    (first,) = picked.review_queue(1)
    assert code == 0 and out.lstrip().startswith("[1/")
    assert first.left_side and first.left_side.name in out and first.left_side.sentence
    assert first.left_side.sentence[:30] in out.replace("\n", " ") or first.left_side.sentence[:20] in out
    code, out = run("review", "--db", picked.url, "--format", "json")
    data = json.loads(out)
    assert data and all(c["left_side"]["name"] and c["right_side"]["sentence"] for c in data)


def test_commands_changes_take_no_name_that_other_actors_carry(picked: Store) -> None:
    # 'Johnson' answers a query as Boris Johnson, but a merge or a rename must not guess
    with pytest.raises(AmbiguousName):
        picked.merge("Johnson", "Gary Johnson")
    with pytest.raises(AmbiguousName):
        picked.rename("Johnson", "Boris")
    boris, gary = picked.entity_id("Boris Johnson"), picked.entity_id("Gary Johnson")
    picked.merge(boris, gary)
    assert picked.show("Gary Johnson").name == "Boris Johnson"  # as many words: the longer name
    # both carry 'Johnson': the undo tells them apart by the names only one side has
    picked.undo("Johnson", "Gary Johnson")
    assert picked.entity_id("Gary Johnson") == gary and picked.entity_id("Boris Johnson") == boris
