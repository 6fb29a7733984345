"""Graph ids copied onto claims, quotes and names stay equal to the entities' through every change."""

from __future__ import annotations

from alembic import command
from sqlalchemy import select

from claimgraph.store import Store, graph_ids, open_store, schema
from claimgraph.store.names import norm
from claimgraph.store.migrate import alembic_config, current_revision, head_revision
from tests.store.reports import ALL, strike, vote


def _fill(store: Store) -> None:
    for build in ALL:
        store.add(build())


def _stale(store: Store) -> int:
    with store.engine.connect() as conn:
        return graph_ids.stale(conn)


def _subject_gids(store: Store, entity_id: str) -> set[str]:
    c = schema.claims
    with store.engine.connect() as conn:
        return set(conn.execute(select(c.c.subject_gid).where(c.c.subject_id == entity_id)).scalars())


def _members_named(store: Store, name: str) -> dict[str, int]:
    """How many names of each graph entity's members hold ``name`` (as it is or as whole words of a
    longer name, as ``find`` counts), counted on the entities themselves."""
    n, e = schema.names, schema.entities
    key = norm(name)
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(e.c.canonical_id, n.c.norm).select_from(n.join(e, e.c.id == n.c.entity_id))
        )
        found: dict[str, int] = {}
        for gid, held in rows:
            if f" {key} " in f" {held} ":
                found[gid] = found.get(gid, 0) + 1
        return found


def _found(store: Store, name: str) -> dict[str, int]:
    return {m.id: m.hits for m in store.find(name)}


def test_graph_ids_name_lookup_follows_resolution_split_and_merge(store: Store) -> None:
    # find counts the names' own graph ids: they must move with every regrouping of the members
    _fill(store)
    lone = f"{vote().document.id}:e1"
    full = f"{strike().document.id}:e3"  # 'Adil Abdul-Mahdi' holds the name as words
    assert _found(store, "Abdul-Mahdi") == _members_named(store, "Abdul-Mahdi") == {lone: 1, full: 1}
    store.resolve()
    merged = store.entity_id("Adil Abdul-Mahdi")
    assert _found(store, "Abdul-Mahdi") == _members_named(store, "Abdul-Mahdi") == {merged: 2}
    store.split(lone)
    assert _found(store, "Abdul-Mahdi") == _members_named(store, "Abdul-Mahdi") == {lone: 1, merged: 1}
    store.merge(lone, "Adil Abdul-Mahdi")
    for name in ("Abdul-Mahdi", "Adil Abdul-Mahdi", "Qasem Soleimani", "Soleimani"):
        assert _found(store, name) == _members_named(store, name)


def test_graph_ids_follow_resolution_split_and_merge(store: Store) -> None:
    _fill(store)
    assert _stale(store) == 0  # set by the writer
    lone = f"{vote().document.id}:e1"  # 'Abdul-Mahdi', which the resolver joins to 'Adil Abdul-Mahdi'
    assert _subject_gids(store, lone) == {lone}
    store.resolve()
    merged = store.entity_id("Adil Abdul-Mahdi")
    assert merged != lone and _subject_gids(store, lone) == {merged} and _stale(store) == 0
    store.split(lone)
    assert _subject_gids(store, lone) == {lone} and _stale(store) == 0
    store.merge(lone, "Adil Abdul-Mahdi")
    assert _subject_gids(store, lone) == {merged} and _stale(store) == 0
    # the copies are what the views read: the lone report's claim is counted under the merged actor
    (leader,) = [g for g in store.claims("Iraq") if g.predicate == "leader_of"]
    assert leader.subject == merged and len(leader.documents) == 2


def test_graph_ids_migration_fills_a_store_made_before_them(store_url: str) -> None:
    with open_store(store_url) as store:
        _fill(store)
        store.resolve()
        before = store.show("Qasem Soleimani")
        config = alembic_config()
        with store.engine.begin() as conn:  # back to the first schema, which has no copies
            config.attributes["connection"] = conn
            command.downgrade(config, "0001")
        assert current_revision(store.engine) == "0001"
    with open_store(store_url) as again:  # opening migrates to the head and fills the copies
        assert current_revision(again.engine) == head_revision() and _stale(again) == 0
        after = again.show("Qasem Soleimani")
        assert after.counts == before.counts and after.relations == before.relations
        assert [q.id for q in after.quotes_about] == [q.id for q in before.quotes_about]
