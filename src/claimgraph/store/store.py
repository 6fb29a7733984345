"""The store: one object over a SQLite file or a PostgreSQL database, the same API for both."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Self, TypeVar

from sqlalchemy import delete, func, insert, select
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, SQLAlchemyError

from claimgraph.errors import NOT_STORED, READ_ONLY, NoStore, NotJudged, StoreError
from claimgraph.graph.claims import Claim, ClaimGroup
from claimgraph.graph.conflicts import Conflict
from claimgraph.graph.period import Period
from claimgraph.graph.records import GraphDocument, GraphEntity, GraphQuote
from claimgraph.graph.timeline import TimelineEntry
from claimgraph.model import Extraction
from claimgraph.settings import DB
from claimgraph.store import (
    dialect,
    iterators,
    lookup,
    migrate,
    queries,
    rebuttals,
    schema,
    summaries,
    views,
    writer,
)
from claimgraph.store.names import norm
from claimgraph.store.writer import AddResult

# Resolution and judging import the name-matching libraries (rigour, nameparser): they are
# imported by the methods that write, so the views open the store without them.

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

    def __init__(self, url_or_path: str | Path, create: bool = True) -> None:
        self.url = dialect.redact(str(url_or_path))
        if not create:
            _must_exist(str(url_or_path), self.url)
        path = dialect.sqlite_path(dialect.to_url(url_or_path))
        self.read_only = bool(path and dialect.read_only_media(path))
        try:
            self.engine = dialect.make_engine(url_or_path, read_only=self.read_only)
            self.writer = dialect.writer(self.engine)
            if not create and migrate.current_revision(self.engine) is None:
                self.engine.dispose()
                raise NoStore(self.url, "not a claimgraph store (run `claimgraph ingest` to create one)")
            if self.read_only:
                if migrate.current_revision(self.engine) != migrate.head_revision():
                    raise StoreError(f"{self.url}: the store is read-only and needs a migration "
                                     "this version of claimgraph would write", READ_ONLY)
            else:
                migrate.upgrade(self.engine)
                self._refresh_once(rebuttals.is_fresh, rebuttals.refresh, "finding every report's rebuttals")
                self._refresh_once(summaries.is_fresh, summaries.fill, "summarising the big actors")
        except SQLAlchemyError as exc:
            raise dialect.store_error(self.url, exc, "cannot open the store") from exc

    def _refresh_once(self, is_fresh: Callable[[Connection], bool], refresh: Callable[[Connection], Any],
                      what: str) -> None:
        """Compute what the views read by index once, when the stored one is not the current
        rules' (a store from before its migration, or another claimgraph): the rebuttals of every
        report (0008), the big actors' summaries (0010). New reports and regroupings keep them."""
        with self.engine.connect() as conn:
            if is_fresh(conn):
                return
        with self._write(lock="resolve") as conn:
            if not is_fresh(conn):  # another process may have done it meanwhile
                log.info("%s (once)", what)
                refresh(conn)

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
        self, threshold: float | None = None, min_score: float | None = None, full: bool = False
    ) -> int:
        """Match entities across reports with the resolver, then regroup them with the judgements.

        Incremental: the entities stored since the last resolution are compared with their
        blocks' members and only the graph entities they touch are regrouped (the same result as
        resolving the whole store, which ``full``, another ``threshold`` or ``min_score`` do, and
        so does a store whose resolution state another version's rules made).
        One transaction, one resolver at a time per store; it records the last document it saw,
        so a run killed before or during it is seen by :meth:`resolution_pending`, and the
        entities it did not finish stay unresolved for the next run.
        Returns how many entities changed graph entity.
        """
        from claimgraph.store import incremental, resolution

        with incremental.no_collections(), self._write(lock="resolve") as conn:
            seen = self._last_seq(conn)
            full = (full or threshold not in (None, resolution.THRESHOLD)
                    or min_score not in (None, resolution.MIN_SCORE) or incremental.other_rules(conn))
            if full:
                groups = incremental.rebuild(conn, resolution.MIN_SCORE if min_score is None else min_score)
            else:
                groups = incremental.update_index(conn)
            threshold = resolution.THRESHOLD if threshold is None else threshold
            changed = resolution.recluster(conn, threshold, groups)
            # the summaries of the actors the new reports and regroupings changed stay set aside
            # (pages bring them up to date as they read them) or deleted, for :meth:`summarise`
            incremental.mark_rules(conn)
            state = schema.run_state
            conn.execute(delete(state).where(state.c.key == RESOLVED_SEQ))
            conn.execute(insert(state).values(key=RESOLVED_SEQ, value=str(seen)))
        dialect.analyze(self.engine)
        return changed

    @_one_line_errors
    def summarise(self) -> int:
        """Write the summaries of the big actors (:mod:`claimgraph.store.summaries`) that have
        none or that reports stored since set aside; returns how many. Resolution leaves them to
        this: a page reads a summary set aside brought up to date, and one missing in full."""
        with self._write(lock="resolve") as conn:
            return summaries.fill(conn)

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

    def merge(self, a: str, b: str, user: str = "cli", name: str | None = None) -> str:
        """Judge that a and b are the same actor; returns their graph id. The actor keeps the
        fuller of the two names, or is called ``name``."""
        from claimgraph.store import judging

        named = (a, b)
        a, b = self.entity_id(a, strict=True), self.entity_id(b, strict=True)
        if a == b:
            raise StoreError(f"{named[0]!r} and {named[1]!r} are already one actor ({a}): nothing to merge")
        with self._write(lock="resolve") as conn:
            merged = judging.merge(conn, a, b, user, name)
            summaries.fill(conn, set_aside=False)  # of the merged actor, now bigger
            return merged

    def rename(self, name_or_id: str, name: str, user: str = "cli") -> str:
        """Call an actor ``name`` from now on (its other names stay aliases); returns its graph id."""
        from claimgraph.store import judging

        graph_id = self.entity_id(name_or_id, strict=True)
        try:
            with self._write() as conn:
                judging.label(conn, graph_id, name, user)
                summaries.fill(conn, set_aside=False)
        except ValueError as exc:
            raise StoreError(str(exc)) from exc
        return graph_id

    def split(self, entity: str, user: str = "cli") -> list[str]:
        """Take an entity (and those with its exact name) out of its graph entity."""
        from claimgraph.store import judging

        entity_id = self._member(entity)
        with self._write(lock="resolve") as conn:
            parts = judging.split(conn, entity_id, user)
            summaries.fill(conn, set_aside=False)
            return parts

    def judge(self, a: str, b: str, judgement: str, user: str = "cli") -> None:
        """Record a same / different / unsure judgement between two entities and regroup."""
        from claimgraph.store import judgements, resolution

        if judgement == "same":
            self.merge(a, b, user)
            return
        with self._write(lock="resolve") as conn:
            judgements.record(conn, self._member(a), self._member(b), judgement, user)
            resolution.recluster(conn)
            summaries.fill(conn, set_aside=False)

    def undo(self, a: str, b: str, user: str = "cli") -> tuple[str, str, str, str]:
        """Withdraw the judgement that made a and b one actor (names or entity ids).

        Between two entity ids with a judgement of their own, that judgement is withdrawn;
        otherwise the newest 'same' judgement whose withdrawal parts the members named a from
        those named b. Returns the withdrawn pair, who judged it and when.
        """
        from claimgraph.store import judging

        with self._write(lock="resolve") as conn:
            if self._is_member(conn, a) and self._is_member(conn, b):
                j = schema.judgements
                rows = conn.execute(
                    select(j.c.judgement, j.c.user, j.c.created_at)
                    .where(j.c.left_id == min(a, b), j.c.right_id == max(a, b))
                    .order_by(j.c.seq)
                ).all()
                if rows and rows[-1][0] != "unsure":  # a judgement of their own, still in force
                    judging.undo(conn, a, b, user)
                    summaries.fill(conn, set_aside=False)
                    return min(a, b), max(a, b), rows[-1][1], rows[-1][2]
            side_a, side_b = self._carriers(conn, a), self._carriers(conn, b)
            # a name both sides carry ('Johnson' of Boris and of Gary Johnson) tells them apart
            # by the members that carry only one of the two names
            only_a = [x for x in side_a if x not in side_b] or side_a
            only_b = [x for x in side_b if x not in side_a] or side_b
            try:
                undone = judging.undo_merge(conn, only_a, only_b, user)
            except NotJudged as exc:
                raise NotJudged(f"cannot undo a merge of {a!r} and {b!r}: {exc}") from exc
            summaries.fill(conn, set_aside=False)
            return undone

    def review_queue(self, limit: int = 20) -> list[Any]:
        """The undecided candidate pairs most worth a person's time, with names and evidence."""
        from claimgraph.store import review

        with self.engine.connect() as conn:
            return review.queue(conn, limit)

    def judgements(self) -> list[dict[str, Any]]:
        """Every judgement ever recorded, oldest first."""
        j = schema.judgements
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(select(j).order_by(j.c.seq))]

    # -- looking up ------------------------------------------------------------------------
    def find(self, name_or_id: str, limit: int = 10) -> list[lookup.Match]:
        """Graph entities carrying a name (or the one of an entity id), most often first."""
        with self.engine.connect() as conn:
            return lookup.find(conn, name_or_id, limit)

    def lookup(self, name_or_id: str, strict: bool = False) -> lookup.Lookup:
        """The actor a name means, with the others that carry it far less often; raises
        :class:`UnknownName` (with suggestions) or :class:`AmbiguousName` (with the candidates).
        ``strict`` (for changes): any other actor carrying the name makes it ambiguous."""
        with self.engine.connect() as conn:
            return lookup.resolve(conn, name_or_id, self.url, strict)

    def entity_id(self, name_or_id: str, strict: bool = False) -> str:
        """The graph id for a name, an alias or an entity id (see :meth:`lookup`)."""
        return self.lookup(name_or_id, strict).id

    @staticmethod
    def _is_member(conn: Any, name_or_id: str) -> bool:
        e = schema.entities
        return conn.execute(select(e.c.id).where(e.c.id == name_or_id)).first() is not None

    def _member(self, name_or_id: str) -> str:
        # a judgement names the entity given by id, or else the graph entity the name finds
        with self.engine.connect() as conn:
            if self._is_member(conn, name_or_id):
                return name_or_id
        return self.entity_id(name_or_id, strict=True)

    def _carriers(self, conn: Any, name_or_id: str) -> list[str]:
        """The members of the actor a name means that carry that very name (an entity id: itself)."""
        if self._is_member(conn, name_or_id):
            return [name_or_id]
        graph_id = lookup.resolve(conn, name_or_id, self.url).id
        n, e = schema.names, schema.entities
        key = norm(name_or_id)
        rows = conn.execute(
            select(n.c.entity_id).where(n.c.graph_id == graph_id, n.c.norm == key).order_by(n.c.entity_id)
        ).scalars().all()
        if not rows:  # found by part of a name: the members whose names hold it
            held = conn.execute(select(n.c.entity_id, n.c.norm).where(n.c.graph_id == graph_id))
            rows = [i for i, norm_ in held if key in norm_]
        labelled = select(schema.labels.c.entity_id).join(e, e.c.id == schema.labels.c.entity_id)
        named = labelled.where(schema.labels.c.norm == key, e.c.canonical_id == graph_id)
        rows += conn.execute(named).scalars().all()
        return sorted(set(rows)) or [graph_id]

    def evidence(self, entity_id: str, limit: int = 3) -> views.Profile:
        """What review shows for one side of a pair: the graph entity it belongs to, briefly."""
        return self.show(entity_id, limit)

    # -- the question views ----------------------------------------------------------------
    def show(self, name_or_id: str, limit: int = 20) -> views.Profile:
        graph_id = self.entity_id(name_or_id)
        with self.engine.connect() as conn:
            return views.profile(conn, graph_id, limit)

    def quotes(
        self,
        speaker: str | None = None,
        about: str | None = None,
        search: str | None = None,
        limit: int = 50,
        period: Period | None = None,
    ) -> list[views.QuoteView]:
        """Quotes by ``speaker``, about ``about``, matching ``search``, from reports published in
        ``period``; newest first."""
        with self.engine.connect() as conn:
            by = self.entity_id(speaker) if speaker else None
            on = self.entity_id(about) if about else None
            return views.quote_views(conn, queries.quotes(conn, by, on, search, limit, period))

    def claims(
        self, name_or_id: str, per_group: int | None = 20, period: Period | None = None
    ) -> list[ClaimGroup]:
        """Relations and numbers about an actor, grouped; ``per_group`` newest sources per modality
        in each group (None: all), with every statement counted; only reports published in
        ``period`` count."""
        graph_id = self.entity_id(name_or_id)
        with self.engine.connect() as conn:
            return views.claim_groups(conn, about=graph_id, per_group=per_group, period=period)

    def conflicts(
        self, name_or_id: str | None = None, period: Period | None = None
    ) -> tuple[list[Conflict], dict[str, Any]]:
        graph_id = self.entity_id(name_or_id) if name_or_id else None
        with self.engine.connect() as conn:
            return views.conflicts(conn, graph_id, period)

    def timeline(self, name_or_id: str, period: Period | None = None) -> list[TimelineEntry]:
        graph_id = self.entity_id(name_or_id)
        with self.engine.connect() as conn:
            return views.actor_timeline(conn, graph_id, period)

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


def _must_exist(url: str, shown: str) -> None:
    """Refuse a SQLite store whose file is not there (a server database is checked on connecting);
    ``shown`` is the URL as messages may show it (no password)."""
    try:
        parsed = make_url(dialect.to_url(url))
    except ArgumentError as exc:
        raise NoStore(shown, f"not a store path or URL ({exc})") from exc
    if parsed.get_backend_name() != "sqlite":
        return
    path = parsed.database or ""
    if not path or path == ":memory:" or not Path(path).is_file():
        raise NoStore(shown, "no store here (only `claimgraph ingest` creates one)")


def open_store(url_or_path: str | Path | None = None, create: bool = True) -> Store:
    """Open (and migrate) the store at a SQLite path or a ``postgresql://`` URL; create it when
    ``create`` (else a missing store raises :class:`NoStore`, code E301).

    Without an argument: the ``db`` setting (``$CLAIMGRAPH_DB``, else ``./claimgraph.db``).
    """
    return Store(url_or_path or DB.get(), create=create)
