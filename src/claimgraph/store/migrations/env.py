"""Alembic environment: run on the connection the store hands over (no alembic.ini needed)."""

from __future__ import annotations

from alembic import context

from claimgraph.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # `alembic -c src/claimgraph/store/alembic.ini ...` by a developer
    from sqlalchemy import create_engine

    engine = create_engine(context.config.get_main_option("sqlalchemy.url") or "sqlite:///claimgraph.db")
    with engine.begin() as connection:
        context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
else:
    # render_as_batch: SQLite can only ALTER a table by copying it; batch mode does that for us.
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
