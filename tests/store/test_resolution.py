"""Entities of different reports merge into graph entities; people's judgements win and can be undone."""

from __future__ import annotations

from claimgraph.model import Extraction
from claimgraph.store import Store
from tests.store.reports import ALL, funeral, strike, vote


def fill(store: Store, *reports: Extraction) -> None:
    for ex in reports or [b() for b in ALL]:
        store.add(ex)
    store.resolve()


def graph_id(store: Store, member: str) -> str:
    return store.find(member)[0].id


def test_resolution_merges_one_actor_across_reports(store: Store) -> None:
    fill(store)
    p = store.show("Qasem Soleimani")
    assert p.counts["reports"] == 3 and p.first_seen == "2020-01-05" and p.last_seen == "2020-01-09"
    assert len(store.show("Qasem Soleimani", limit=2).reports) == 2  # listed: the newest; counted: all
    # 'Abdul-Mahdi' alone in one report, 'Adil Abdul-Mahdi' in another: merged, with less than certainty
    pm = store.show("Abdul-Mahdi")
    assert pm.name == "Adil Abdul-Mahdi" and pm.counts["reports"] == 2
    confidences = sorted(m.confidence for m in pm.members)
    assert confidences[-1] == 1.0 and 0.85 <= confidences[0] < 1.0


def test_resolution_graph_ids_stay_put_as_reports_arrive(store: Store) -> None:
    first = strike()
    fill(store, first)
    before = store.entity_id("Qasem Soleimani")
    assert before == f"{first.document.id}:e1"
    fill(store, vote(), funeral())
    assert store.entity_id("Qasem Soleimani") == before


def test_resolution_split_wins_over_the_algorithm_and_merge_undoes_it(store: Store) -> None:
    fill(store)
    lone = f"{vote().document.id}:e1"  # 'Abdul-Mahdi'
    full = f"{strike().document.id}:e3"  # 'Adil Abdul-Mahdi'
    assert graph_id(store, lone) == graph_id(store, full)
    assert store.split(lone, user="tester") == [lone]
    assert graph_id(store, lone) != graph_id(store, full)
    store.resolve()  # the algorithm runs again: the judgement still holds
    assert graph_id(store, lone) != graph_id(store, full)
    store.merge(lone, full, user="tester")
    assert graph_id(store, lone) == graph_id(store, full)
    # nothing destroyed: every decision is an edge in the log
    assert [j["judgement"] for j in store.judgements()] == ["different", "same"]
    assert {j["user"] for j in store.judgements()} == {"tester"}


def test_resolution_split_one_report_out_of_a_same_name_group(store: Store) -> None:
    fill(store)
    out = f"{funeral().document.id}:e1"
    kept = f"{strike().document.id}:e1"
    store.split(out)
    store.resolve()
    assert graph_id(store, out) == out
    assert store.show(kept).counts["reports"] == 2
    assert store.show(out).counts["reports"] == 1


def test_resolution_review_queue_lists_undecided_pairs_until_judged(store: Store) -> None:
    # this report names only 'Abdul-Mahdi' among actors the strike report does not share
    ex = vote()
    ex.entities = [e for e in ex.entities if e.id in ("e1", "e4", "e5")]
    fill(store, strike(), ex)
    lone, full = f"{ex.document.id}:e1", f"{strike().document.id}:e3"
    queue = store.review_queue()
    pairs = [{c.left, c.right} for c in queue]
    assert {lone, full} in pairs
    assert all(graph_id(store, c.left) != graph_id(store, c.right) for c in queue)
    store.judge(lone, full, "same")
    assert graph_id(store, lone) == graph_id(store, full)
    assert {lone, full} not in [{c.left, c.right} for c in store.review_queue()]
    store.undo(lone, full)  # withdrawing the judgement splits the group again
    assert graph_id(store, lone) != graph_id(store, full)
    assert [j["judgement"] for j in store.judgements()] == ["same", "unsure"]


def test_resolution_different_judgement_keeps_auto_matches_apart(store: Store) -> None:
    fill(store)
    lone, full = f"{vote().document.id}:e1", f"{strike().document.id}:e3"
    store.judge(lone, full, "different")
    store.resolve()
    assert graph_id(store, lone) != graph_id(store, full)
    assert all({c.left, c.right} != {lone, full} for c in store.review_queue())
