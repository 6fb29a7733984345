"""Bring a store's schema to the newest version with the Alembic migrations shipped in the package.

Opening an up-to-date store reads its revision with one query and never imports Alembic (a
tenth of a second at every command); ``HEAD`` names the newest migration, and
``tests/store/test_migrations.py`` checks it against the migration scripts.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from claimgraph.store import dialect

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
HEAD = "0014"  # the newest revision in migrations/versions
VERSION_TABLE = "alembic_version"


def alembic_config() -> Config:
    """A config built in code, so a user never needs an alembic.ini."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    """The store's schema revision; None for a database without claimgraph's tables."""
    with engine.connect() as conn:
        if not inspect(conn).has_table(VERSION_TABLE):
            return None
        return conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


def upgrade(engine: Engine) -> None:
    """Run every migration the store has not had yet (a no-op on an up-to-date store)."""
    if current_revision(engine) == HEAD:
        return
    from alembic import command

    log.info("migrating the store to revision %s", HEAD)
    config = alembic_config()
    with dialect.writer(engine).begin() as conn:
        dialect.lock(conn, "migrate")  # two processes opening a new store: one creates it
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    dialect.analyze(engine, full=True)  # a migration may add indexes the planner knows nothing of
