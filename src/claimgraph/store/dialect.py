"""Everything that differs between SQLite and PostgreSQL, in one place.

The rest of the store is written once in SQLAlchemy Core; only engine set-up, full-text search
and refreshing the planner's statistics need a backend-specific form.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, TextClause, create_engine, event, literal_column, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.sql import ColumnElement, Select

from claimgraph.store import schema

_WORD = re.compile(r"\w+", re.UNICODE)


def to_url(url_or_path: str | Path) -> str:
    """A SQLAlchemy URL from a SQLite path or a ``postgresql://`` URL (psycopg 3 is the driver)."""
    raw = str(url_or_path)
    if raw.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + raw.split("://", 1)[1]
    if "://" in raw:
        return raw
    return f"sqlite:///{raw}"


def make_engine(url_or_path: str | Path) -> Engine:
    """An engine with the settings each backend needs for one-transaction-per-document writing."""
    url = to_url(url_or_path)
    if url.startswith("sqlite"):
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # WAL: readers never block the writer and a killed writer leaves the last commit intact;
    # synchronous=NORMAL is durable against a process crash (only a power cut can lose the last commit).
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def is_sqlite(conn: Connection | Engine) -> bool:
    return conn.dialect.name == "sqlite"


def analyze(engine: Engine) -> None:
    """Refresh the planner's statistics after a large write, so queries keep using the indexes.

    On PostgreSQL also VACUUM: the lists rank rows from covering indexes, and an index-only scan
    skips the table only for pages the visibility map marks all-visible, which only VACUUM does
    (and autovacuum may be off). VACUUM cannot run in a transaction, hence autocommit.
    """
    if is_sqlite(engine):
        with engine.begin() as conn:
            conn.execute(text("PRAGMA optimize"))
        return
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM (ANALYZE)"))


def index_document(conn: Connection, seq: int, title: str | None, body: str) -> None:
    """Add a document to the full-text index (PostgreSQL indexes it by itself through a GIN index)."""
    if is_sqlite(conn):
        conn.execute(
            text("INSERT INTO documents_fts(rowid, title, text) VALUES (:seq, :title, :text)"),
            {"seq": seq, "title": title or "", "text": body},
        )


def index_quotes(conn: Connection, document_id: str) -> None:
    """Add a document's quotes to the full-text index."""
    if is_sqlite(conn):
        conn.execute(
            text("INSERT INTO quotes_fts(rowid, text) SELECT seq, text FROM quotes WHERE document_id = :d"),
            {"d": document_id},
        )


def _fts5_query(query: str, prefix: bool = False) -> str:
    # Each word becomes a quoted FTS5 string, so punctuation in a user's query cannot be
    # read as FTS5 syntax; words are ANDed, as plainto_tsquery does on PostgreSQL.
    words = [f'"{w}"' for w in _WORD.findall(query)]
    if prefix and words:  # the word being typed: any word starting with it
        words[-1] += "*"
    return " ".join(words)


def _tsquery(query: str, prefix: bool) -> tuple[str, str]:
    """The PostgreSQL query function and its argument: words only, so no tsquery syntax gets in."""
    if not prefix:
        return "plainto_tsquery", query
    words = _WORD.findall(query)
    return "to_tsquery", " & ".join(words[:-1] + [f"{words[-1]}:*"]) if words else ""


def _fts5_rowids(fts_table: str, query: str, prefix: bool = False) -> Select[Any]:
    """Row ids of an FTS5 table's matches for ``query`` (tables of our own schema only)."""
    return (
        select(literal_column("rowid"))
        .select_from(text(fts_table))
        .where(text(f"{fts_table} MATCH :q").bindparams(q=_fts5_query(query, prefix) or '""'))
    )


def document_match(conn: Connection, query: str, prefix: bool = False) -> ColumnElement[bool] | TextClause:
    """A WHERE clause true for documents whose title or text matches ``query`` (with ``prefix``,
    its last word may be the start of a word: search as you type)."""
    if is_sqlite(conn):
        return schema.documents.c.seq.in_(_fts5_rowids("documents_fts", query, prefix))
    fn, q = _tsquery(query, prefix)
    # Written out to be the very expression of the GIN index, or PostgreSQL will not use it.
    return text(
        "to_tsvector('english', coalesce(documents.title, '') || ' ' || documents.text)"
        f" @@ {fn}('english', :q)"
    ).bindparams(q=q)


def quote_match(conn: Connection, query: str, prefix: bool = False) -> ColumnElement[bool] | TextClause:
    """A WHERE clause true for quotes whose text matches ``query`` (``prefix``: as above)."""
    if is_sqlite(conn):
        return schema.quotes.c.seq.in_(_fts5_rowids("quotes_fts", query, prefix))
    fn, q = _tsquery(query, prefix)
    return text(f"to_tsvector('english', quotes.text) @@ {fn}('english', :q)").bindparams(q=q)
