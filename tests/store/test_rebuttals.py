"""Rebuttals through the store: a denial in one report's text shown beside the claim it denies,
on SQLite and PostgreSQL (issue #8)."""

from __future__ import annotations

from sqlalchemy import delete, update

from claimgraph.graph.conflicts import Conflict
from claimgraph.model import Extraction
from claimgraph.store import Store, open_store, rebuttals, schema
from tests.store.reports import document, entity, vote

JET = 179  # 'Iran admits downing Ukrainian jet': Pompeo said it was likely Iran; Iran denied the accusation


def jet() -> Extraction:
    doc = document(JET)
    return Extraction(doc, [entity(doc, "e1", "Mike Pompeo", "PERSON"), entity(doc, "e2", "Iran", "GPE")])


def test_rebuttals_in_the_store_conflicts(store: Store) -> None:
    store.add(jet())
    store.resolve()
    found, ctx = store.conflicts()
    (denial,) = [c for c in found if c.kind == "denial"]
    names = ctx["names"]
    assert names[denial.subject] == "Iran" and names[denial.object] == "Mike Pompeo"
    assert denial.left[0].evidence.startswith("US Secretary of State Mike Pompeo said the crash was")
    assert denial.right[0].evidence == "For several days Iran denied the accusation."
    assert ctx["documents"][denial.right[0].document_id].published == "2020-01-13"
    about_pompeo, _ = store.conflicts("Mike Pompeo")
    assert [c.kind for c in about_pompeo] == ["denial"]


def _both_ways(store: Store, graph_id: str | None) -> tuple[list[Conflict], list[Conflict]]:
    """The rebuttals as the views read them (the stored table) and as read from every text."""
    with store.engine.connect() as conn:
        assert rebuttals.is_fresh(conn)
        return rebuttals.rebuttal_conflicts(conn, graph_id), rebuttals._from_texts(conn, graph_id)


def test_rebuttals_stored_follow_the_graph_ids_through_a_merge(store: Store) -> None:
    store.add(vote())  # first in: its Morgan Ortagus is the older member of the merge below
    store.add(jet())
    store.resolve()
    pompeo = store.entity_id("Mike Pompeo")
    stored, read = _both_ways(store, pompeo)
    assert stored == read and [c.object for c in stored] == [pompeo]
    merged = store.merge("Mike Pompeo", "Morgan Ortagus")  # Pompeo's member moves to another graph id
    assert merged != pompeo
    for graph_id in (None, merged, store.entity_id("Iran")):
        stored, read = _both_ways(store, graph_id)
        assert stored == read and [c.object for c in stored] == [merged]
    assert _both_ways(store, pompeo) == ([], [])


def test_rebuttals_a_stale_table_is_not_read_and_reopening_refills_it(store_url: str) -> None:
    with open_store(store_url) as store:
        store.add(jet())
        store.resolve()
        before, _ = store.conflicts("Iran")
        with store.engine.begin() as conn:  # as if the finder had changed since the table was filled
            state = schema.run_state
            conn.execute(update(state).where(state.c.key == rebuttals.MARK).values(value="an older finder"))
            conn.execute(delete(schema.rebuttals))
            assert not rebuttals.is_fresh(conn)
        assert store.conflicts("Iran")[0] == before  # read from the texts meanwhile
    with open_store(store_url) as again:
        assert _both_ways(again, None)[0] == before
