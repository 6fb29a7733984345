"""Bring a store's schema to the newest version with the Alembic migrations shipped in the package."""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from claimgraph.store import dialect

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    """A config built in code, so a user never needs an alembic.ini."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine) -> None:
    """Run every migration the store has not had yet (a no-op on an up-to-date store)."""
    head = head_revision()
    if current_revision(engine) == head:
        return
    log.info("migrating the store to revision %s", head)
    config = alembic_config()
    with dialect.writer(engine).begin() as conn:
        dialect.lock(conn, "migrate")  # two processes opening a new store: one creates it
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    dialect.analyze(engine)  # a migration may add indexed columns the planner knows nothing of
