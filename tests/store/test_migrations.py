"""The shipped Alembic migrations build exactly the tables the queries are written against."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from claimgraph.store import open_store, schema
from claimgraph.store.migrate import current_revision, head_revision


def _ours(obj, name, type_, reflected, compare_to):  # type: ignore[no-untyped-def]
    # the full-text tables and indexes are backend-specific DDL, outside the shared metadata
    return not (name or "").startswith(("documents_fts", "quotes_fts", "ix_documents_fts", "ix_quotes_fts"))


def test_migrations_schema_matches_metadata(store_url: str) -> None:
    with open_store(store_url) as store, store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_object": _ours})
        assert compare_metadata(ctx, schema.metadata) == []


def test_migrations_record_the_head_revision_and_reopen_cleanly(store_url: str) -> None:
    with open_store(store_url) as store:
        assert current_revision(store.engine) == head_revision() == "0002"
    with open_store(store_url) as again:  # opening an up-to-date store migrates nothing
        assert current_revision(again.engine) == "0002"
        assert again.stats()["documents"] == 0
