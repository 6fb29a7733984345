"""Store fixtures: every store test runs once on SQLite and once on a real PostgreSQL.

PostgreSQL: ``$CLAIMGRAPH_TEST_PG_URL`` (default ``postgresql://postgres@127.0.0.1:5432/test``).
The run creates its own database there, gives each test a fresh schema in it, and drops it
all after. Deselect with ``-m "not postgres"`` on a machine without the server.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from claimgraph.store import Store, open_store
from tests.extractions import Extractions

PG_URL = os.environ.get("CLAIMGRAPH_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")


def _driver(url: str) -> str:
    return "postgresql+psycopg://" + url.split("://", 1)[1]


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str]:
    """A database of its own for this test run, dropped at the end."""
    name = f"claimgraph_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(_driver(PG_URL), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    base = PG_URL.rsplit("/", 1)[0]
    yield f"{base}/{name}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def pg_schema_url(database_url: str) -> Iterator[str]:
    """A fresh schema in the run's database, as a URL whose search_path points at it."""
    schema = f"t_{uuid.uuid4().hex[:10]}"
    engine = create_engine(_driver(database_url), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    yield f"{database_url}?options=-csearch_path%3D{schema}"
    with engine.connect() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(tmp_path / "claimgraph.db")
    else:
        yield from pg_schema_url(request.getfixturevalue("pg_database"))


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    s = open_store(store_url)
    yield s
    s.close()


@pytest.fixture(scope="session")
def slice_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The first 20 corpus reports outside the test split, as a JSON Lines file, the way a user would
    ingest them."""
    from tests.conftest import CORPUS

    unseen = unseen_report_urls()
    path = tmp_path_factory.mktemp("corpus") / "slice.jsonl"
    with CORPUS.open(encoding="utf-8") as f:
        lines = (line for line in f if json.loads(line)["url"] not in unseen)
        path.write_text("".join(line for _, line in zip(range(20), lines, strict=False)), encoding="utf-8")
    return path


def unseen_report_urls() -> set[str]:
    """The urls of the test split's reports: tests never read them (tests/data/reports/README.md)."""
    manifest = json.loads((Path(__file__).parents[1] / "data" / "reports" / "manifest.json").read_text())
    return {r["url"] for r in manifest if r["split"] == "test"}


@pytest.fixture(scope="session")
def slice_extractions(extractions: Extractions, slice_path: Path) -> list:  # type: ignore[type-arg]
    """The slice, read and extracted by the real pipeline, once per test run."""
    from claimgraph.ingest import read_documents

    return extractions.many(d for d in read_documents([str(slice_path)]))  # type: ignore[misc]


# Corpus lines of real reports with names that trip people up: Donald Trump (1, 191) and a report
# that says only 'Trump' (4); Michael Morell (14) and a report where the model took the adverb
# 'Morally' for a person (283); several Johns (103: John R. Bolton, also called 'John'; 84: John
# Hickenlooper; 152: John James Conyers Jr., the fullest of his names); two Johnsons (76 and 101:
# Boris, 97: Gary). None is in the test split (tests/store/test_fixtures.py checks).
PICKED = (1, 4, 191, 14, 283, 103, 84, 152, 76, 97, 101)


@pytest.fixture(scope="session")
def picked_extractions(extractions: Extractions, corpus) -> list:  # type: ignore[no-untyped-def,type-arg]
    """The PICKED corpus reports, extracted by the real pipeline once per test run."""
    from claimgraph.model import Document

    docs = [
        Document(
            f"{corpus[n]['title']}\n\n{corpus[n]['text']}",
            title=corpus[n]["title"],
            url=corpus[n]["url"],
            published=corpus[n]["date"],
            source=corpus[n]["url"],
        )
        for n in PICKED
    ]
    return extractions.many(docs)


@pytest.fixture
def picked(store: Store, picked_extractions: list) -> Store:  # type: ignore[type-arg]
    """A store of the PICKED reports, resolved."""
    for ex in picked_extractions:
        store.add(ex)
    store.resolve()
    return store
