"""The shipped Alembic migrations build exactly the tables the queries are written against."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import insert, inspect, select

from claimgraph.store import Store, migrate, open_store, schema, summaries
from claimgraph.store.migrate import alembic_config, current_revision, head_revision
from tests.store.reports import ALL


def _ours(obj, name, type_, reflected, compare_to):  # type: ignore[no-untyped-def]
    # the full-text tables and indexes are backend-specific DDL, outside the shared metadata
    return not (name or "").startswith(("documents_fts", "quotes_fts", "ix_documents_fts", "ix_quotes_fts"))


def test_migrations_schema_matches_metadata(store_url: str) -> None:
    with open_store(store_url) as store, store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_object": _ours})
        assert compare_metadata(ctx, schema.metadata) == []


def test_migrations_record_the_head_revision_and_reopen_cleanly(store_url: str) -> None:
    with open_store(store_url) as store:
        assert current_revision(store.engine) == head_revision() == migrate.HEAD == "0014"
    with open_store(store_url) as again:  # opening an up-to-date store migrates nothing
        assert current_revision(again.engine) == migrate.HEAD
        assert again.stats()["documents"] == 0


def test_migrations_listing_indexes_come_and_go_with_0003(store_url: str) -> None:
    with open_store(store_url) as store:
        for build in ALL:
            store.add(build())
        store.resolve()
        before = store.show("Qasem Soleimani")
        config = alembic_config()
        with store.engine.begin() as conn:  # back to 0002, which ranks without the covering indexes
            config.attributes["connection"] = conn
            command.downgrade(config, "0002")
        assert current_revision(store.engine) == "0002"
        assert "ix_documents_listing" not in _indexes(store, "documents")
        assert _indexes(store, "names")["ix_names_graph"] == ["graph_id"]
    with open_store(store_url) as again:  # reopening migrates forward again, to the same answers
        assert current_revision(again.engine) == migrate.HEAD
        assert _indexes(again, "names")["ix_names_graph"] == ["graph_id", "norm", "name"]
        assert _indexes(again, "quotes")["ix_quotes_listing"] == ["id", "speaker_gid", "document_id", "start"]
        after = again.show("Qasem Soleimani")
        assert after.counts == before.counts and after.reports == before.reports
        assert [q.id for q in after.quotes_about] == [q.id for q in before.quotes_about]


def _indexes(store: Store, table: str) -> dict[str, list[str]]:
    return {i["name"]: i["column_names"] for i in inspect(store.engine).get_indexes(table)}


def test_migrations_name_index_covers_graph_ids_from_0004(store_url: str) -> None:
    with open_store(store_url) as store:
        for build in ALL:
            store.add(build())
        store.resolve()
        before = {name: store.find(name) for name in ("Qasem Soleimani", "Soleimani", "Abdul-Mahdi", "iraq")}
        assert all(before.values())
        config = alembic_config()
        with store.engine.begin() as conn:  # back to 0003: the name index without graph ids
            config.attributes["connection"] = conn
            command.downgrade(config, "0003")
            schema.labels.create(conn)  # find also reads the labels of 0005 and the words of 0006
            schema.name_words.create(conn)
            norms = conn.execute(select(schema.names.c.norm).distinct()).scalars().all()
            conn.execute(insert(schema.name_words), [{"word": w, "norm": n} for n in norms for w in n.split()])
        assert _indexes(store, "names")["ix_names_norm"] == ["norm"]
        assert {name: store.find(name) for name in before} == before  # same answers, slower
        with store.engine.begin() as conn:
            schema.name_words.drop(conn)
            schema.labels.drop(conn)
    with open_store(store_url) as again:
        assert current_revision(again.engine) == migrate.HEAD
        assert _indexes(again, "names")["ix_names_norm"] == ["norm", "graph_id"]
        assert {name: again.find(name) for name in before} == before


def test_migrations_actor_summaries_come_and_go_with_0010(store_url: str) -> None:
    with open_store(store_url) as store:
        for build in ALL:
            store.add(build())
        store.resolve()
        with store.engine.begin() as conn:
            assert summaries.is_fresh(conn)
            summaries.fill(conn, min_members=1)
        config = alembic_config()
        with store.engine.begin() as conn:  # back to 0008: no summaries, and no mark of them
            config.attributes["connection"] = conn
            command.downgrade(config, "0008")
            assert not summaries.is_fresh(conn)
        assert "actor_summaries" not in inspect(store.engine).get_table_names()
    with open_store(store_url) as again, again.engine.connect() as conn:
        assert current_revision(again.engine) == migrate.HEAD
        assert summaries.is_fresh(conn)  # filled on opening (none of these actors is big enough)
        assert again.show("Qasem Soleimani").counts["reports"] == 3


def test_migrations_blocks_keyed_in_window_order_from_0012(store_url: str) -> None:
    def primary_key(store: Store) -> list[str]:
        return list(inspect(store.engine).get_pk_constraint("blocking_keys")["constrained_columns"])

    with open_store(store_url) as store:
        for build in ALL:
            store.add(build())
        store.resolve()
        k = schema.blocking_keys
        with store.engine.connect() as conn:
            rows = sorted(tuple(r) for r in conn.execute(select(k)))
        assert rows and primary_key(store) == ["key", "sort", "group_id"]
        config = alembic_config()
        with store.engine.begin() as conn:  # back to 0011: the key of 0009
            config.attributes["connection"] = conn
            command.downgrade(config, "0011")
        assert primary_key(store) == ["key", "group_id", "sort"]
    with open_store(store_url) as again, again.engine.connect() as conn:
        assert current_revision(again.engine) == migrate.HEAD
        assert primary_key(again) == ["key", "sort", "group_id"]
        assert _indexes(again, "blocking_keys")["ix_blocking_keys_group"] == ["group_id"]
        assert sorted(tuple(r) for r in conn.execute(select(k))) == rows



def test_migrations_unresolved_reports_listed_from_0014(store_url: str) -> None:
    """A store migrated to 0014 with reports not resolved yet lists them (its next resolution finds
    their entities through ``unresolved_reports``, not by scanning every entity), and not the resolved."""
    ur, e = schema.unresolved_reports, schema.entities
    with open_store(store_url) as store:
        first, *rest = [build() for build in ALL]
        store.add(first)
        store.resolve()
        for ex in rest:
            store.add(ex)
        config = alembic_config()
        with store.engine.begin() as conn:  # back to 0013: the list goes
            config.attributes["connection"] = conn
            command.downgrade(config, "0013")
        assert "unresolved_reports" not in inspect(store.engine).get_table_names()
    with open_store(store_url) as again:
        assert current_revision(again.engine) == migrate.HEAD
        with again.engine.connect() as conn:
            assert set(conn.execute(select(ur.c.document_id)).scalars()) == {ex.document.id for ex in rest}
        again.resolve()
        assert not again.resolution_pending()
        with again.engine.connect() as conn:
            assert conn.execute(select(ur.c.document_id)).first() is None
            members = set(conn.execute(select(schema.resolution_members.c.entity_id)).scalars())
            assert members == set(conn.execute(select(e.c.id)).scalars())  # every report's entities resolved
