"""Writing reports into the store: one transaction each, idempotent, versioned by URL, searchable."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import func, select, text

from claimgraph.errors import StoreError
from claimgraph.model import Quote
from claimgraph.store import Store, open_store, schema
from tests.store.reports import ALL, corpus_row, funeral, strike, vote


def snapshot(store: Store) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table except ingest timestamps: what 'the same store' means."""
    out = {}
    with store.engine.connect() as conn:
        for name, table in schema.metadata.tables.items():
            cols = [c for c in table.columns if c.name not in ("added_at", "created_at")]
            out[name] = [tuple(r) for r in conn.execute(select(*cols).order_by(*cols))]
    return out


def test_store_add_skips_a_document_already_in(store: Store) -> None:
    first = store.add(strike())
    again = store.add(strike())
    assert first.status == "added" and first.entities == 6 and first.quotes == 1 and first.relations == 3
    assert again.status == "skipped" and again.document_id == first.document_id
    assert store.stats()["documents"] == 1 and store.stats()["claims"] == 3


def test_store_same_run_twice_gives_the_same_store(store_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with open_store(store_url) as store:
        for build in ALL:
            store.add(build())
        store.resolve()
        once = snapshot(store)
        for build in ALL:
            assert store.add(build()).status == "skipped"
        store.resolve()
        assert snapshot(store) == once
    # a fresh store fed the same reports in the same order ends up equal too
    with open_store(tmp_path / "fresh.db") as fresh:
        for build in ALL:
            fresh.add(build())
        fresh.resolve()
        assert snapshot(fresh) == once


def test_store_changed_text_of_a_url_is_a_new_version(store: Store) -> None:
    row = corpus_row(174)
    original = funeral()
    # the same URL republished with the death toll corrected
    edited = f"{row['title']}\n\n{row['text']}".replace("at least 56 deaths", "at least 56 deaths (later 59)")
    assert store.add(original).status == "added"
    result = store.add(funeral(edited))
    assert result.status == "new_version" and result.version == 2
    assert result.document_id != original.document.id
    stats = store.stats()
    assert stats["documents"] == 1 and stats["versions"] == 2
    docs = list(store.iter_documents())
    assert [d.id for d in docs] == [result.document_id]
    # views count the current text only: the funeral's claims are not doubled
    assert len([c for c in store.iter_claims() if c.document_id == original.document.id]) == 0


def test_store_namespaces_entity_ids_with_the_document(store: Store) -> None:
    ex = vote()
    store.add(ex)
    with store.engine.connect() as conn:
        ids = set(conn.execute(select(schema.entities.c.id)).scalars())
    assert ids == {f"{ex.document.id}:e{i}" for i in range(1, 6)}
    (quote,) = list(store.iter_quotes())
    assert quote.id == f"{ex.document.id}:q1"
    assert ex.document.text[quote.start : quote.end] == quote.text


def test_store_failed_document_leaves_nothing_half_written(store: Store) -> None:
    ex = strike()
    q = ex.quotes[0]
    ex.quotes.append(Quote(q.id, q.text, q.start, q.end, q.kind, q.speaker))  # a duplicate id
    with pytest.raises(StoreError):
        store.add(ex)
    with store.engine.connect() as conn:
        for name in ("documents", "entities", "names", "mentions", "quotes", "claims"):
            assert conn.execute(select(func.count()).select_from(schema.metadata.tables[name])).scalar() == 0
    assert store.add(strike()).status == "added"


def test_store_full_text_search_finds_documents_and_quotes(store: Store) -> None:
    for build in ALL:
        store.add(build())
    # stemmed on both backends: 'stampedes' finds 'stampede'
    hits = store.search("stampedes Kerman")
    assert [d.id for d in hits] == [funeral().document.id]
    assert store.search("no-such-word-anywhere") == []
    (quote,) = store.quotes(search="urging Iraqi leaders")
    assert quote.speaker_name == "Morgan Ortagus"
    assert store.quotes(search='"; DROP TABLE quotes; --') == []


def test_store_iterators_yield_graph_ids(store: Store) -> None:
    for build in ALL:
        store.add(build())
    store.resolve()
    entities = {e.id: e for e in store.iter_entities()}
    soleimani = [e for e in entities.values() if e.name == "Qasem Soleimani"]
    assert len(soleimani) == 1 and len(soleimani[0].documents) == 3
    assert "Soleimani" in soleimani[0].aliases
    for claim in store.iter_claims():
        assert claim.subject in entities and (claim.object is None or claim.object in entities)
        assert claim.attributed_to is None or claim.attributed_to in entities
    leaders = [c for c in store.iter_claims() if c.predicate == "leader_of" and c.subject == soleimani[0].id]
    assert len(leaders) == 2 and len({c.object for c in leaders}) == 1
    assert {d.id for d in store.iter_documents()} == {b().document.id for b in ALL}
    assert all(dataclasses.is_dataclass(q) for q in store.iter_quotes())


def test_store_sqlite_passes_integrity_check(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with open_store(tmp_path / "x.db") as store:
        for build in ALL:
            store.add(build())
        with store.engine.connect() as conn:
            assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
