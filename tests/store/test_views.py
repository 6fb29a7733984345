"""The question views over a store of real reports: show, quotes, claims, conflicts, timeline."""

from __future__ import annotations

import pytest

from claimgraph.errors import StoreError
from claimgraph.store import Store
from tests.store.reports import ALL, funeral, strike, vote


@pytest.fixture
def filled(store: Store) -> Store:
    for build in ALL:
        store.add(build())
    store.resolve()
    return store


def test_views_show_gathers_an_actor_from_every_report(filled: Store) -> None:
    p = filled.show("Soleimani")  # found by alias
    assert p.name == "Qasem Soleimani" and p.type == "PERSON" and "Soleimani" in p.aliases
    assert [d.published for d in p.reports] == ["2020-01-09", "2020-01-06", "2020-01-05"]  # newest first
    assert p.counts["reports"] == 3 and filled.show("Soleimani", limit=1).reports[0].published == "2020-01-09"
    (leads,) = p.relations
    assert (leads.predicate, leads.object_name) == ("leader_of", "Quds Force")
    assert [s.published for s in leads.sources["asserted"]] == ["2020-01-05", "2020-01-09"]
    pm = filled.show("Adil Abdul-Mahdi")
    assert [q.text for q in pm.quotes_by] == ["an aggression on Iraq as a state, government and people"]
    # the NPR report's claim keeps its source and modality
    reported = [g for g in pm.relations if "reported" in g.sources]
    assert reported and reported[0].sources["reported"][0].by_name == "NPR"


def test_views_show_lists_the_first_members_and_counts_them_all(filled: Store) -> None:
    full = filled.show("Qasem Soleimani", limit=50)
    ingested = [build().document.id for build in ALL]
    in_order = list(dict.fromkeys(m.document_id for m in full.members))
    assert in_order == ingested and len(full.members) == full.counts["members"]  # oldest report first
    short = filled.show("Qasem Soleimani", limit=1)  # lists cut to one, counts untouched
    assert [m.document_id for m in short.members] == [ingested[0]] and short.counts == full.counts
    assert short.reports == full.reports[:1]
    assert [q.id for q in short.quotes_about] == [q.id for q in full.quotes_about][:1]


def test_views_show_unknown_name_is_a_store_error(filled: Store) -> None:
    with pytest.raises(StoreError, match="no actor named"):
        filled.show("Nobody Atall")


def test_views_quotes_by_speaker_about_actor_and_by_words(filled: Store) -> None:
    by = filled.quotes(speaker="Morgan Ortagus")
    assert [q.text for q in by] == ["we strongly urge Iraqi leaders to reconsider the importance"]
    about = filled.quotes(about="Iraq")  # the quote that mentions Iraq, said by someone else
    assert [q.speaker_name for q in about] == ["Adil Abdul-Mahdi"]
    assert filled.quotes(speaker="Adil Abdul-Mahdi", search="aggression")[0].published == "2020-01-05"
    assert filled.quotes(speaker="Morgan Ortagus", search="aggression") == []


def test_views_claims_group_sources_by_modality(filled: Store) -> None:
    groups = filled.claims("Iraq")
    (leader,) = [g for g in groups if g.predicate == "leader_of"]
    assert leader.subject_name == "Adil Abdul-Mahdi" and len(leader.documents) == 2
    assert set(leader.sources) == {"asserted", "reported"}
    (leads,) = filled.claims("Qasem Soleimani", per_group=1)  # listed: the newest; counted: all
    assert [s.published for s in leads.sources["asserted"]] == ["2020-01-09"] and leads.counts == {
        "asserted": 2
    }
    numbers = filled.claims("Kerman")
    assert {(g.predicate, g.unit) for g in numbers} == {("attendance", "people"), ("deaths", "people")}


def test_views_conflicts_two_leaders_until_merged(filled: Store) -> None:
    lone = f"{vote().document.id}:e1"  # 'Abdul-Mahdi', matched to 'Adil Abdul-Mahdi' by the resolver
    assert filled.conflicts("Iraq")[0] == []
    filled.split(lone)
    found, ctx = filled.conflicts("Iraq")
    (conflict,) = found
    assert conflict.kind == "incompatible" and conflict.predicate == "leader_of"
    assert {ctx["names"][c.subject] for c in conflict.left + conflict.right} == {
        "Abdul-Mahdi",
        "Adil Abdul-Mahdi",
    }
    filled.merge(lone, "Adil Abdul-Mahdi")
    assert filled.conflicts()[0] == []


def test_views_timeline_follows_publication_dates(filled: Store) -> None:
    entries = filled.timeline("Qasem Soleimani")
    assert [e.published for e in entries] == sorted(e.published or "" for e in entries)
    assert [e.document_id for e in entries] == [strike().document.id, funeral().document.id]
    assert [e.first for e in entries] == [True, False]
    assert entries[0].summary == "Qasem Soleimani leader_of Quds Force"
