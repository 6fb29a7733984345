"""The store: one object over a SQLite file or a PostgreSQL database, the same API for both."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Self, TypeVar

from sqlalchemy import delete, func, insert, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError, IntegrityError, SQLAlchemyError

from claimgraph.errors import NOT_STORED, READ_ONLY, StoreError
from claimgraph.graph.claims import Claim, ClaimGroup
from claimgraph.graph.conflicts import Conflict
from claimgraph.graph.records import GraphDocument, GraphEntity, GraphQuote
from claimgraph.graph.timeline import TimelineEntry
from claimgraph.model import Extraction
from claimgraph.settings import DB
from claimgraph.store import dialect, iterators, judging, migrate, queries, resolution, schema, views, writer
from claimgraph.store.writer import AddResult

log = logging.getLogger(__name__)
F = TypeVar("F", bound=Callable[..., Any])
RESOLVED_SEQ = "resolved_seq"


def _one_line_errors(method: F) -> F:
    """Database failures of a public method become a one-line StoreError (no traceback)."""

    @functools.wraps(method)
    def wrapper(self: Store, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except SQLAlchemyError as exc:
            raise dialect.store_error(self.url, exc, method.__name__.strip("_")) from exc

    return wrapper  # type: ignore[return-value]


class Store:
    """Documents, entities, quotes and claims of many reports, and the judgements on entities.

    Every write is one transaction; graph ids are stable as reports are added. A SQLite store
    whose file or folder cannot be written (read-only media) opens read-only: the views work,
    writes raise :class:`StoreError` (E306). ``url`` never shows a password.
    """

    def __init__(self, url_or_path: str | Path) -> None:
        self.url = dialect.redact(str(url_or_path))
        path = dialect.sqlite_path(dialect.to_url(url_or_path))
        self.read_only = bool(path and dialect.read_only_media(path))
        try:
            self.engine = dialect.make_engine(url_or_path, read_only=self.read_only)
            self.writer = dialect.writer(self.engine)
            if self.read_only:
                if migrate.current_revision(self.engine) != migrate.head_revision():
                    raise StoreError(f"{self.url}: the store is read-only and needs a migration "
                                     "this version of claimgraph would write", READ_ONLY)
            else:
                migrate.upgrade(self.engine)
        except SQLAlchemyError as exc:
            raise dialect.store_error(self.url, exc, "cannot open the store") from exc

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _write(self, lock: str | None = None) -> Iterator[Connection]:
        """One write transaction (SQLite: holding the write lock from its start)."""
        if self.read_only:
            raise StoreError(f"{self.url}: the store is on read-only media; it can be read, not written", READ_ONLY)
        with self.writer.begin() as conn:
            if lock:
                dialect.lock(conn, lock)
            yield conn

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------
    @_one_line_errors
    def has_document(self, document_id: str) -> bool:
        """Whether a document with this id is stored (so ingest need not extract it again)."""
        d = schema.documents
        with self.engine.connect() as conn:
            return conn.execute(select(d.c.seq).where(d.c.id == document_id)).first() is not None

    @_one_line_errors
    def add(self, extraction: Extraction) -> AddResult:
        """Store one document's extraction in one transaction; skip it when it is already in.

        A report the database refuses raises StoreError with ``fatal=False`` (the caller goes on
        with the next); a connection lost between reports is opened again once and retried.
        """
        doc_id = extraction.document.id
        where = extraction.document.source or doc_id
        for attempt in (1, 2):
            try:
                with self._write() as conn:
                    return writer.add(conn, extraction)
            except IntegrityError as exc:  # rolled back: nothing of this document was kept
                if self.has_document(doc_id):  # another writer stored it a moment ago
                    log.info("%s: stored meanwhile by another writer", doc_id)
                    return AddResult(doc_id, "skipped")
                raise dialect.store_error(where, exc, "not stored") from exc
            except DBAPIError as exc:
                if attempt == 1 and exc.connection_invalidated:
                    log.warning("%s: the database connection was lost; trying once more", where)
                    continue
                error = dialect.store_error(where, exc, "not stored")
                if error.code == NOT_STORED:
                    raise error from exc
                raise dialect.store_error(self.url, exc, f"storing {where}") from exc
        raise AssertionError("unreachable")

    @_one_line_errors
    def resolve(
        self, threshold: float = resolution.THRESHOLD, min_score: float = resolution.MIN_SCORE
    ) -> int:
        """Match entities across reports with the resolver, then regroup them with the judgements.

        One transaction, one resolver at a time per store; it records the last document it saw,
        so a run killed before or during it is seen by :meth:`resolution_pending`.
        Returns how many entities changed graph entity.
        """
        with self._write(lock="resolve") as conn:
            seen = self._last_seq(conn)
            resolution.refresh_candidates(conn, min_score)
            changed = resolution.recluster(conn, threshold)
            state = schema.run_state
            conn.execute(delete(state).where(state.c.key == RESOLVED_SEQ))
            conn.execute(insert(state).values(key=RESOLVED_SEQ, value=str(seen)))
        dialect.analyze(self.engine)
        return changed

    @_one_line_errors
    def resolution_pending(self) -> bool:
        """Whether documents were stored after the last completed cross-report resolution."""
        state = schema.run_state
        with self.engine.connect() as conn:
            done = conn.execute(select(state.c.value).where(state.c.key == RESOLVED_SEQ)).scalar()
            last = self._last_seq(conn)
        return last > (int(done) if done is not None else 0)

    @staticmethod
    def _last_seq(conn: Connection) -> int:
        return int(conn.execute(select(func.max(schema.documents.c.seq))).scalar() or 0)

    def merge(self, a: str, b: str, user: str = "cli") -> str:
        """Judge that a and b are the same actor; returns their graph id."""
        a, b = self.entity_id(a), self.entity_id(b)
        with self._write(lock="resolve") as conn:
            judging.merge(conn, a, b, user)
        return self.entity_id(a)

    def split(self, entity: str, user: str = "cli") -> list[str]:
        """Take an entity (and those with its exact name) out of its graph entity."""
        entity_id = self._member(entity)
        with self._write(lock="resolve") as conn:
            return judging.split(conn, entity_id, user)

    def judge(self, a: str, b: str, judgement: str, user: str = "cli") -> None:
        """Record a same / different / unsure judgement between two entities and regroup."""
        if judgement == "same":
            self.merge(a, b, user)
            return
        with self._write(lock="resolve") as conn:
            resolution.record(conn, self._member(a), self._member(b), judgement, user)
            resolution.recluster(conn)

    def undo(self, a: str, b: str, user: str = "cli") -> None:
        with self._write(lock="resolve") as conn:
            judging.undo(conn, self._member(a), self._member(b), user)

    def review_queue(self, limit: int = 20) -> list[judging.Candidate]:
        with self.engine.connect() as conn:
            return judging.review_queue(conn, limit)

    def judgements(self) -> list[dict[str, Any]]:
        """Every judgement ever recorded, oldest first."""
        j = schema.judgements
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(select(j).order_by(j.c.seq))]

    # -- looking up ------------------------------------------------------------------------
    def find(self, name_or_id: str, limit: int = 10) -> list[queries.Match]:
        with self.engine.connect() as conn:
            return queries.find(conn, name_or_id, limit)

    def entity_id(self, name_or_id: str) -> str:
        """The graph id for a name, an alias or an entity id; the best-attested one if several."""
        found = self.find(name_or_id, limit=1)
        if not found:
            raise StoreError(f"no actor named {name_or_id!r} in {self.url}")
        return found[0].id

    def _member(self, name_or_id: str) -> str:
        # a judgement names the entity given by id, or else the graph entity the name finds
        with self.engine.connect() as conn:
            e = schema.entities
            if conn.execute(select(e.c.id).where(e.c.id == name_or_id)).first():
                return name_or_id
        return self.entity_id(name_or_id)

    def evidence(self, entity_id: str, limit: int = 3) -> views.Profile:
        """What review shows for one side of a pair: the graph entity it belongs to, briefly."""
        return self.show(entity_id, limit)

    # -- the question views ----------------------------------------------------------------
    def show(self, name_or_id: str, limit: int = 20) -> views.Profile:
        graph_id = self.entity_id(name_or_id)
        with self.engine.connect() as conn:
            return views.profile(conn, graph_id, limit)

    def quotes(
        self, speaker: str | None = None, about: str | None = None, search: str | None = None, limit: int = 50
    ) -> list[views.QuoteView]:
        with self.engine.connect() as conn:
            by = self.entity_id(speaker) if speaker else None
            on = self.entity_id(about) if about else None
            return views.quote_views(conn, queries.quotes(conn, by, on, search, limit))

    def claims(self, name_or_id: str, per_group: int | None = 20) -> list[ClaimGroup]:
        """Relations and numbers about an actor, grouped; ``per_group`` newest sources per modality
        in each group (None: all), with every statement counted."""
        graph_id = self.entity_id(name_or_id)
        with self.engine.connect() as conn:
            return views.claim_groups(conn, about=graph_id, per_group=per_group)

    def conflicts(self, name_or_id: str | None = None) -> tuple[list[Conflict], dict[str, Any]]:
        graph_id = self.entity_id(name_or_id) if name_or_id else None
        with self.engine.connect() as conn:
            return views.conflicts(conn, graph_id)

    def timeline(self, name_or_id: str) -> list[TimelineEntry]:
        graph_id = self.entity_id(name_or_id)
        with self.engine.connect() as conn:
            return views.actor_timeline(conn, graph_id)

    def search(self, text: str, limit: int = 20) -> list[GraphDocument]:
        """Current reports whose title or text match all the words of ``text``."""
        with self.engine.connect() as conn:
            return queries.search_documents(conn, text, limit)

    def stats(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            d, e = schema.documents, schema.entities
            counts = {
                "documents": conn.execute(select(func.count()).where(d.c.current)).scalar() or 0,
                "versions": conn.execute(select(func.count()).select_from(d)).scalar() or 0,
                "entities": conn.execute(select(func.count(func.distinct(e.c.canonical_id)))).scalar() or 0,
            }
            for name in ("quotes", "claims", "judgements"):
                table = schema.metadata.tables[name]
                counts[name] = conn.execute(select(func.count()).select_from(table)).scalar() or 0
            return counts

    # -- streams for exporters -------------------------------------------------------------
    def iter_documents(self) -> Iterator[GraphDocument]:
        return iterators.iter_documents(self.engine)

    def iter_entities(self) -> Iterator[GraphEntity]:
        return iterators.iter_entities(self.engine)

    def iter_claims(self) -> Iterator[Claim]:
        return iterators.iter_claims(self.engine)

    def iter_quotes(self) -> Iterator[GraphQuote]:
        return iterators.iter_quotes(self.engine)


# The other public methods fail in one line too (a damaged file, a lost server).
for _name in ("merge", "split", "judge", "undo", "review_queue", "judgements", "find", "show", "quotes",
              "claims", "conflicts", "timeline", "search", "stats"):
    setattr(Store, _name, _one_line_errors(getattr(Store, _name)))


def open_store(url_or_path: str | Path | None = None) -> Store:
    """Open (and create or migrate) the store at a SQLite path or a ``postgresql://`` URL.

    Without an argument: the ``db`` setting (``$CLAIMGRAPH_DB``, else ``./claimgraph.db``).
    """
    return Store(url_or_path or DB.get())
