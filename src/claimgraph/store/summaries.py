"""Actor summaries: what an actor page computes from all of a big actor's rows, kept per graph id.

An actor named in thousands of reports has thousands of claims and quotes. Its page counts them
all, ranks them to list the newest of each group, and looks for conflicts among them: 14-70 ms
of CPU per page at 10k reports. The result of that work is small (counts, totals per claim group,
the claim ids of each conflict, and the few claims and reports the page lists), so it is kept in
``actor_summaries`` (migration 0010) as JSON for every actor of at least :data:`MIN_MEMBERS`
report entities, and the page reads it instead (:func:`claimgraph.store.views.summarised_page`).

A summary is never stale: every write that changes what it holds sets it aside first (a stored
report those of its actors, a regrouping those of the actors its entities leave and join and of
the actors of the claims they are in, a label those of the actor and of the actors it has claims
with), and the page is computed in full until resolution, a merge, split, rename or undo writes it
again (:func:`fill`). Set aside by reports that no summary counts yet (:func:`defer`: a new
report, a regrouping of their entities), a summary is brought up to date from the rows of those
reports alone (:func:`claimgraph.store.summary_update.update`, the same summary as computing it
again); by anything else it is deleted and computed again from all of its actor's rows. What a
page shows of other actors (names) and what changes without regrouping (members' confidence,
rebuttals, merge candidates) is read on each page. The
rows are trusted only while the store's mark (``run_state``) names the rules they were computed
by (:func:`fingerprint`): opening a store whose summaries another version wrote computes them
again.
"""

from __future__ import annotations

import functools
import hashlib
import logging
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import bindparam, delete, func, insert, or_, select, union, update
from sqlalchemy.engine import Connection

from claimgraph.graph import claims as graph_claims
from claimgraph.graph import conflicts as graph_conflicts
from claimgraph.graph import scope
from claimgraph.graph.claims import Claim
from claimgraph.graph.conflicts import Conflict, Place, conflicting_predicates, find_conflicts_at
from claimgraph.graph.records import GraphDocument
from claimgraph.store import actor_names, queries, samples, schema
from claimgraph.store.actor_names import NameUse

log = logging.getLogger(__name__)

LIMIT = 20  # the length of the page's lists (and sources per claim group) that a summary holds
MIN_MEMBERS = 50  # actors of fewer report entities are computed in full on each page (a few ms)
MARK = "actor_summaries"  # run_state key: the fingerprint of the rules the rows were computed by
FORGOTTEN = "claimgraph.summaries.forgotten"  # Connection.info: actors whose summaries it deleted since fill
SUMMARISED = "summarised_seq"  # run_state key: the last report (seq) stored when summaries were last written
_CHUNK = 500
CLAIM_FIELDS = tuple(f.name for f in fields(Claim))  # in the order Claim(*row) takes them
S, RS, E, C = schema.actor_summaries, schema.run_state, schema.entities, schema.claims


@dataclass(slots=True)
class ConflictIds:
    """A conflict found among the actor's claims, with the ids of the claims of each side."""

    kind: str
    subject: str
    predicate: str
    object: str | None
    left: list[str]
    right: list[str]
    left_reports: int
    right_reports: int
    # where find_conflicts lists it among all the actor's conflicts (:func:`place`)
    place: list[Any] = field(default_factory=list)


@dataclass(slots=True)
class Summary:
    types: Counter[str]  # members per entity type
    names: list[tuple[str, str, int]]  # queries.name_counts
    reports: tuple[list[str], int, str | None, str | None]  # queries.report_ids
    quotes_by: tuple[list[str], int]  # queries.quote_ids
    quotes_about: tuple[list[str], int]
    about: tuple[list[str], samples.Totals]  # samples.rank of the claims about it
    by: tuple[list[str], samples.Totals]  # and of those it is the source of
    conflicts: list[ConflictIds]  # find_conflicts among its claims (rebuttals are read on each page)
    name_uses: list[NameUse]  # actor_names.name_examples
    # the rows the page lists, read once: the claims about it and by it, the first of each side
    # of a conflict (CONFLICT_SIDE), and the reports of those, of its newest reports, quotes
    # and names (rows that never change but for the graph ids, whose change forgets the summary)
    claims: dict[str, Claim] = field(default_factory=dict)
    documents: dict[str, GraphDocument] = field(default_factory=dict)
    seqs: dict[str, int] = field(default_factory=dict)  # the ingest order of the listed claims' reports


CONFLICT_SIDE = 5  # the claims an actor page lists on each side of a conflict
PER_NAME, NAMES_LISTED = 3, 12  # the reports listed of each name, and the names listed (name_examples)


@functools.cache
def fingerprint() -> str:
    """What the rows depend on besides the data: the rules that count, rank and find conflicts."""
    from claimgraph.store import summary_update

    digest = hashlib.sha256()
    modules = (graph_claims, graph_conflicts, scope, samples, queries, actor_names, summary_update)
    for path in (*(Path(str(m.__file__)) for m in modules), Path(__file__)):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def compute(conn: Connection, graph_id: str) -> Summary:
    """The summary of one actor, as :func:`claimgraph.store.views.actor_page` would compute it."""
    refs = samples.claim_refs(conn, about=graph_id)
    dated = queries.claims_of_predicates(conn, graph_id, conflicting_predicates(samples.shapes(refs)))
    placed = conflicts_of(conn, dated)
    found = [c for _place, c in placed]
    counted = queries.name_counts(conn, graph_id)
    refs_by = samples.claim_refs(conn, by=graph_id)
    about, by = samples.rank(refs, LIMIT), samples.rank(refs_by, LIMIT)
    shown = {x.id: x for c in found for x in (*c.left[:CONFLICT_SIDE], *c.right[:CONFLICT_SIDE])}
    out = Summary(
        queries.types_of(conn, graph_id),
        counted,
        queries.report_ids(conn, graph_id, LIMIT),
        queries.quote_ids(conn, speaker=graph_id, limit=LIMIT),
        queries.quote_ids(conn, about=graph_id, limit=LIMIT),
        about,
        by,
        [conflict_ids(c, where) for where, c in placed],
        actor_names.name_examples(conn, graph_id, PER_NAME, NAMES_LISTED, counted=counted),
    )
    out.claims = {**samples.claims_by_id(conn, [*about[0], *by[0]]), **shown}
    listed = {*about[0], *by[0]}
    out.seqs = {r.document_id: r.seq for r in (*refs, *refs_by) if r.id in listed}
    quoted = queries.quotes_by_id(conn, [*out.quotes_by[0], *out.quotes_about[0]])
    out.documents = queries.documents(
        conn,
        [
            *(c.document_id for c in out.claims.values()),
            *out.reports[0],
            *(q.document_id for q in quoted),
            *(d for _name, _n, ids in out.name_uses for d in ids),
        ],
    )
    return out


def conflicts_of(conn: Connection, dated: queries.DatedClaims) -> list[tuple[list[Any], Conflict]]:
    """The conflicts among ``dated`` (claims about one actor in ingest order), each with its
    :func:`place`."""
    names = queries.names_of(conn, [x for c in dated.claims for x in (c.subject, c.object, c.attributed_to)])
    found = find_conflicts_at(dated.claims, dated.published, names=names)
    return [(place(where, dated), c) for where, c in found]


def place(where: Place, dated: queries.DatedClaims) -> list[Any]:
    """A conflict's place in :func:`find_conflicts_at`'s order with its claims' positions read
    as (report seq, start, id): the order among all the actor's claims, whichever of them the
    finder was given (the claims of some predicates only, in the same order)."""
    kind, positions, pair = where
    at = [dated.claims[i] for i in positions]
    return [kind, *(x for c in at for x in (dated.seq[c.document_id], c.start, c.id)), pair]


def conflict_ids(c: Conflict, where: list[Any]) -> ConflictIds:
    left, right = [x.id for x in c.left], [x.id for x in c.right]
    return ConflictIds(c.kind, c.subject, c.predicate, c.object, left, right, c.left_reports, c.right_reports, where)


def _dump(s: Summary) -> str:
    def totals(t: samples.Totals) -> list[Any]:
        return [[*key, modality, n] for (key, modality), n in t.items()]

    return orjson.dumps(
        {
            "types": dict(s.types),
            "names": s.names,
            "reports": s.reports,
            "quotes_by": s.quotes_by,
            "quotes_about": s.quotes_about,
            "about": [s.about[0], totals(s.about[1])],
            "by": [s.by[0], totals(s.by[1])],
            "conflicts": [
                [c.kind, c.subject, c.predicate, c.object, c.left, c.right, c.left_reports, c.right_reports,
                 c.place]
                for c in s.conflicts
            ],
            "name_uses": s.name_uses,
            "claims": [
                [getattr(c, f) for f in CLAIM_FIELDS] for c in s.claims.values()
            ],
            "documents": [
                [d.id, d.source, d.title, d.published, d.url, d.publisher] for d in s.documents.values()
            ],
            "seqs": s.seqs,
        }
    ).decode()


def loads(data: str) -> Summary:
    """A summary from its stored JSON."""
    x = orjson.loads(data)

    def ranked(v: list[Any]) -> tuple[list[str], samples.Totals]:
        return v[0], {((k, s, p, o), m): n for k, s, p, o, m, n in v[1]}

    ids, total, first, last = x["reports"]
    return Summary(
        Counter(x["types"]),
        [(a, b, c) for a, b, c in x["names"]],
        (ids, total, first, last),
        (x["quotes_by"][0], x["quotes_by"][1]),
        (x["quotes_about"][0], x["quotes_about"][1]),
        ranked(x["about"]),
        ranked(x["by"]),
        [ConflictIds(*c) for c in x["conflicts"]],
        [(name, n, docs) for name, n, docs in x["name_uses"]],
        {c[0]: Claim(*c) for c in x["claims"]},
        {d[0]: GraphDocument(*d) for d in x["documents"]},
        x["seqs"],
    )


@functools.cache
def _stored() -> Any:
    mark = select(RS.c.value).where(RS.c.key == MARK).scalar_subquery()
    return select(S.c.data, S.c.since, mark).where(S.c.graph_id == bindparam("gid"))


def load(conn: Connection, graph_id: str) -> Summary | None:
    """The actor's summary, if one is stored by the current rules and counts every row."""
    row = conn.execute(_stored(), {"gid": graph_id}).first()
    if row is None or row[2] != fingerprint() or row[1] is not None:
        return None
    return loads(row[0])


def current(conn: Connection, graph_id: str) -> Summary | None:
    """The actor's summary as a page shows it: the stored one, or one that new reports set
    aside brought up to date from their rows (read only: :func:`fill` writes it; resolution
    leaves that to ``claimgraph summaries``). None when none is stored by the current rules."""
    row = conn.execute(_stored(), {"gid": graph_id}).first()
    if row is None or row[2] != fingerprint():
        return None
    if row[1] is None:
        return loads(row[0])
    from claimgraph.store.summary_update import update as brought_up

    return brought_up(conn, graph_id, loads(row[0]), row[1])


def is_fresh(conn: Connection) -> bool:
    """Whether the stored summaries were computed by the current rules."""
    return conn.execute(select(RS.c.value).where(RS.c.key == MARK)).scalar() == fingerprint()


def forget(conn: Connection, graph_ids: Iterable[str | None]) -> None:
    """Delete the summaries of these actors (their pages are computed in full until :func:`fill`)."""
    ids = sorted({g for g in graph_ids if g})
    if (forgotten := conn.info.setdefault(FORGOTTEN, set())) is not None:
        forgotten.update(ids)
    for i in range(0, len(ids), _CHUNK):
        conn.execute(delete(S).where(S.c.graph_id.in_(ids[i : i + _CHUNK])))


def forget_all(conn: Connection) -> None:
    """Delete every summary."""
    conn.execute(delete(S))
    conn.info[FORGOTTEN] = None  # all of them


def defer(conn: Connection, graph_ids: Iterable[str | None], seq: int) -> None:
    """Set the summaries of these actors aside until reports from ``seq`` on are counted in them
    (rows of those reports were added or regrouped; no row of an earlier report changed)."""
    ids = sorted({g for g in graph_ids if g})
    for i in range(0, len(ids), _CHUNK):
        where = [S.c.graph_id.in_(ids[i : i + _CHUNK]), or_(S.c.since.is_(None), S.c.since > seq)]
        conn.execute(update(S).where(*where).values(since=seq))


def summarised_seq(conn: Connection) -> int:
    """The last report stored when summaries were last written (0: none written): no summary
    counts the rows of a later one, so those may set summaries aside (:func:`defer`)."""
    value = conn.execute(select(RS.c.value).where(RS.c.key == SUMMARISED)).scalar()
    return int(value) if value is not None else 0


def forget_related(conn: Connection, graph_id: str) -> None:
    """Delete the summaries of an actor and of the actors it has claims with (after a new label:
    a conflict between two holders of an office reads the holder's name in the sentence)."""
    partners = union(
        select(C.c.object_gid).where(C.c.subject_gid == graph_id),
        select(C.c.subject_gid).where(C.c.object_gid == graph_id),
    )
    forget(conn, [graph_id, *conn.execute(partners).scalars()])


def fill(conn: Connection, min_members: int = MIN_MEMBERS, set_aside: bool = True) -> int:
    """Write the summary of every actor of at least ``min_members`` report entities that has
    none, and bring up to date those that new reports set aside; all of them again when the
    stored ones were computed by other rules. Without ``set_aside`` (after a merge, split,
    rename or undo), only those of the actors whose summaries this connection deleted, found by
    index: not the ones new reports set aside, nor those of other actors. Returns how many were
    written."""
    fresh = is_fresh(conn)
    if not fresh:
        conn.execute(delete(S))
        conn.execute(delete(RS).where(RS.c.key == MARK))
        conn.execute(insert(RS).values(key=MARK, value=fingerprint()))
    from claimgraph.store.summary_update import read_batch, update as brought_up

    forgotten = conn.info.pop(FORGOTTEN, set())
    big = select(E.c.canonical_id).group_by(E.c.canonical_id).having(func.count() >= min_members)
    if set_aside or not fresh or forgotten is None:  # every big actor: a scan of every entity
        wanted = set(conn.execute(big).scalars())
    else:  # those whose summaries this connection deleted (a merge's, a split's), by index
        ids = sorted(forgotten)
        wanted = set()
        for i in range(0, len(ids), _CHUNK):
            wanted |= set(conn.execute(big.where(E.c.canonical_id.in_(ids[i : i + _CHUNK]))).scalars())
    stored: dict[str, int | None] = {g: since for g, since in conn.execute(select(S.c.graph_id, S.c.since))}
    wanted -= {g for g, since in stored.items() if since is None or not set_aside}
    deferred = {g: since for g in wanted if (since := stored.get(g)) is not None}
    batch = read_batch(conn, deferred)  # set aside by new reports: no older row of theirs changed
    for gid in sorted(wanted):
        if gid in deferred:
            data = conn.execute(select(S.c.data).where(S.c.graph_id == gid)).scalar_one()
            summary = brought_up(conn, gid, loads(data), deferred[gid], batch)
        else:
            summary = compute(conn, gid)
        if gid in stored:
            conn.execute(update(S).where(S.c.graph_id == gid).values(data=_dump(summary), since=None))
        else:
            conn.execute(insert(S).values(graph_id=gid, data=_dump(summary)))
    if wanted:
        log.info("actor summaries: %d written (%d brought up to date)", len(wanted), len(deferred))
        last = conn.execute(select(func.max(schema.documents.c.seq))).scalar() or 0
        conn.execute(delete(RS).where(RS.c.key == SUMMARISED))
        conn.execute(insert(RS).values(key=SUMMARISED, value=str(last)))
    return len(wanted)

