"""Rebuttals through the store: a denial in one report's text shown beside the claim it denies,
on SQLite and PostgreSQL (issue #8)."""

from __future__ import annotations

from claimgraph.model import Extraction
from claimgraph.store import Store
from tests.store.reports import document, entity

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
