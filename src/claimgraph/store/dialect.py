"""Everything that differs between SQLite and PostgreSQL, in one place.

The rest of the store is written once in SQLAlchemy Core; only engine set-up, full-text search
and refreshing the planner's statistics need a backend-specific form.
"""

from __future__ import annotations

import os
import re
import zlib
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, TextClause, create_engine, event, literal_column, select, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, SQLAlchemyError
from sqlalchemy.sql import ColumnElement, Select

from claimgraph.errors import (
    BAD_URL,
    CONNECTION_LOST,
    CORRUPT,
    DISK_FULL,
    NOT_STORED,
    READ_ONLY,
    STORE_OPEN,
    StoreError,
)
from claimgraph.store import schema

_WORD = re.compile(r"\w+", re.UNICODE)
WRITE = "claimgraph_write"  # execution option: this transaction writes (SQLite: BEGIN IMMEDIATE)
BUSY_TIMEOUT_MS = 60000
# user:password@ in a URL, password=... in a libpq string or an error message
_SECRET = re.compile(r"(?<=://)([^:/@\s]*):[^@\s]*@|(?i:(password)\s*=\s*)(\S+)")


def to_url(url_or_path: str | Path) -> str:
    """A SQLAlchemy URL from a SQLite path or a ``postgresql://`` URL (psycopg 3 is the driver).

    A PostgreSQL URL must name its database: without one, libpq would connect to whatever
    database the user's name or the environment offers and the schema would be created there.
    """
    raw = str(url_or_path)
    if raw.startswith(("postgresql://", "postgres://", "postgresql+psycopg://")):
        url = "postgresql+psycopg://" + raw.split("://", 1)[1]
        try:
            database = make_url(url).database
        except (ArgumentError, ValueError) as exc:
            raise StoreError(f"{redact(raw)}: not a valid database URL ({exc})", BAD_URL) from exc
        if not database:
            raise StoreError(
                f"{redact(raw)}: the URL names no database (postgresql://USER@HOST:5432/DATABASE)", BAD_URL
            )
        return url
    if "://" in raw:
        return raw
    return f"sqlite:///{raw}"


def redact(message: str) -> str:
    """The text with the passwords of URLs and connection strings replaced by ``***``."""
    def hide(m: re.Match[str]) -> str:
        return f"{m.group(1)}:***@" if m.group(1) is not None else f"{m.group(2)}=***"

    return _SECRET.sub(hide, message)


def sqlite_path(url: str) -> str | None:
    """The file of a SQLite URL (None for in-memory and other backends)."""
    if not url.startswith("sqlite:///"):
        return None
    path = url[len("sqlite:///"):].split("?", 1)[0]
    return path if path and path != ":memory:" else None


def read_only_media(path: str) -> bool:
    """Whether an existing SQLite file cannot be written where it is (read-only mount or rights).

    SQLite in WAL mode must create ``-wal`` and ``-shm`` files beside the store even to read it.
    """
    folder = os.path.dirname(os.path.abspath(path))
    return os.path.exists(path) and not (os.access(path, os.W_OK) and os.access(folder, os.W_OK))


def make_engine(url_or_path: str | Path, *, read_only: bool = False) -> Engine:
    """An engine with the settings each backend needs for one-transaction-per-document writing.

    ``read_only`` (SQLite): open the file immutable and read-only, for stores on read-only media.
    """
    url = to_url(url_or_path)
    if url.startswith("sqlite"):
        path = sqlite_path(url)
        if read_only and path:
            uri = "file:" + Path(path).resolve().as_uri()[len("file://"):] + "?mode=ro&immutable=1"
            engine = create_engine("sqlite:///" + uri + "&uri=true")
        else:
            engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_read_only if read_only else _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


def writer(engine: Engine) -> Engine:
    """The engine whose transactions write: on SQLite each takes the write lock when it begins,
    so two processes writing one store queue on the busy timeout instead of failing with
    'database is locked' when a read transaction tries to become a write transaction."""
    return engine.execution_options(**{WRITE: True})


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # WAL: readers never block the writer and a killed writer leaves the last commit intact;
    # synchronous=NORMAL is durable against a process crash (only a power cut can lose the last commit).
    dbapi_conn.isolation_level = None  # transactions begin in _sqlite_begin, not in the driver
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _sqlite_read_only(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA query_only=ON")
    cur.close()


def _sqlite_begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE) else "BEGIN")


def lock(conn: Connection, name: str) -> None:
    """Serialise a whole-store step (migrating, resolving) between processes, for the rest of the
    transaction: a PostgreSQL advisory lock; on SQLite the write transaction already is one."""
    if not is_sqlite(conn):
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": zlib.crc32(f"claimgraph:{name}".encode())})


def store_error(where: str, exc: SQLAlchemyError, doing: str) -> StoreError:
    """A one-line StoreError for a database failure, with a code saying what kind it is."""
    orig = getattr(exc, "orig", None) or exc
    first = (str(orig).strip().splitlines() or [type(orig).__name__])[0]
    low = first.lower()
    fatal = True
    if "disk is full" in low or "no space left" in low or "could not extend" in low:
        code, reason = DISK_FULL, "the disk is full"
    elif "not a database" in low or "malformed" in low or "corrupt" in low:
        code, reason = CORRUPT, "the store's file is damaged (not a database, or malformed)"
    elif "readonly" in low or "read-only" in low:
        code, reason = READ_ONLY, "the store cannot be written (read-only)"
    elif isinstance(exc, DBAPIError) and (exc.connection_invalidated or _connection_gone(low)):
        code, reason = CONNECTION_LOST, "the connection to the database server was lost"
    elif isinstance(exc, IntegrityError) or type(orig).__name__ in ("DataError", "StringDataRightTruncation"):
        code, reason, fatal = NOT_STORED, "refused by the database", False
    else:
        code, reason = STORE_OPEN, "database error"
    reason = redact(f"{reason} ({first})" if first and reason != first else reason)
    return StoreError(f"{redact(where)}: {doing}: {reason}", code, fatal=fatal, reason=f"{doing}: {reason}")


def _connection_gone(message: str) -> bool:
    return any(s in message for s in ("server closed the connection", "terminating connection",
                                      "connection refused", "could not connect", "connection failed",
                                      "consuming input failed", "the connection is closed", "ssl syscall"))


def is_sqlite(conn: Connection | Engine) -> bool:
    return conn.dialect.name == "sqlite"


def analyze(engine: Engine, full: bool = False) -> None:
    """Refresh the planner's statistics after a large write, so queries keep using the indexes.

    ``full`` (after a migration) on SQLite: ANALYZE every index. ``PRAGMA optimize`` alone leaves
    an index created on a table that has statistics without any, and the planner then takes it
    for the most selective one (an actor's member types read through a new index of entities
    that does not hold them, 1 ms to 8 ms).
    On PostgreSQL also VACUUM: the lists rank rows from covering indexes, and an index-only scan
    skips the table only for pages the visibility map marks all-visible, which only VACUUM does
    (and autovacuum may be off). VACUUM cannot run in a transaction, hence autocommit.
    """
    if is_sqlite(engine):
        with writer(engine).begin() as conn:
            conn.execute(text("ANALYZE" if full else "PRAGMA optimize"))
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
