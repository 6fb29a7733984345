"""Claims about an actor for the views, counted in full but listed a few per group.

An actor named in thousands of reports has thousands of identical statements. They are read
from the covering indexes of migration 0008 (what each claim says, its report and position: no
claim row, no evidence), counted per (what is claimed, modality) and ranked newest first here;
only the newest few of each group are then read in full, so `show`, `claims` and the actor page
stay fast at any size. (Ranked in Python rather than by a window function: SQLite sorts the
rows once per window, which took longer than reading them all.)
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import and_, bindparam, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql import Select

from claimgraph.graph.claims import Claim, GroupKey
from claimgraph.graph.conflicts import Shape
from claimgraph.graph.period import Period
from claimgraph.graph.records import GraphDocument
from claimgraph.store import schema
from claimgraph.store.queries import about_query, chunks, claim_columns, dated_period, documents, ids_param, period_params

D, C = schema.documents, schema.claims


@dataclass(slots=True)
class Sample:
    claims: list[Claim]  # at most ``per_group`` of each group and modality, newest report first
    documents: dict[str, GraphDocument]  # the reports of those claims
    totals: dict[tuple[GroupKey, str], int]  # statements per group and modality, all of them


def group_key(c: Claim) -> GroupKey:
    return (c.kind, c.subject, c.predicate, c.object if c.kind == "relation" else c.unit)


@functools.cache
def _refs(about: bool, start: bool, end: bool, predicates: bool = False) -> Select[Any]:
    """What the indexes hold of the claims about bound ``gid`` (else by it), in a bound period
    (``predicates``: of bound ``predicates`` only), with their report's date and ingest order."""
    refs = (
        select(C.c.id, C.c.kind, C.c.subject_gid, C.c.predicate, C.c.object_gid, C.c.unit, C.c.modality,
               C.c.qualifier, C.c.value, C.c.high, C.c.document_id, C.c.start, D.c.published, D.c.seq)
        .select_from(C.join(D, and_(D.c.id == C.c.document_id, D.c.current)))
        .where(*dated_period(start, end))
    )
    if predicates:
        refs = refs.where(C.c.predicate.in_(ids_param("predicates")))
    return about_query(refs) if about else refs.where(C.c.attributed_gid == bindparam("gid"))


@functools.cache
def refs_in_docs() -> Select[Any]:
    """:func:`_refs` of every current claim of bound ``docs``, with its source's graph id last."""
    return (
        select(C.c.id, C.c.kind, C.c.subject_gid, C.c.predicate, C.c.object_gid, C.c.unit, C.c.modality,
               C.c.qualifier, C.c.value, C.c.high, C.c.document_id, C.c.start, D.c.published, D.c.seq,
               C.c.attributed_gid)
        .select_from(C.join(D, and_(D.c.id == C.c.document_id, D.c.current)))
        .where(C.c.document_id.in_(ids_param("docs")))
    )


class Ref(NamedTuple):
    """A claim as the indexes hold it (:func:`_refs`), with its report's date and ingest order.
    (A named tuple: thousands of them are made and read per page.)"""

    id: str
    kind: str
    subject: str
    predicate: str
    object: str | None
    unit: str | None
    modality: str
    qualifier: str | None
    value: float | None
    high: float | None
    document_id: str
    start: int
    published: str | None
    seq: int


def claim_refs(
    conn: Connection,
    about: str | None = None,
    by: str | None = None,
    period: Period | None = None,
    predicates: Iterable[str] | None = None,
) -> list[Ref]:
    """The claims whose subject or object is graph entity ``about``, or whose source is ``by``,
    from reports published in ``period`` (of ``predicates`` only), as the indexes hold them (see
    :func:`_refs`)."""
    if about is None and by is None:
        return []
    bounds, values = period_params(period)
    params: dict[str, Any] = {"gid": about or by, **values}
    if predicates is not None:
        params["predicates"] = sorted(set(predicates))
        if not params["predicates"]:
            return []
    query = _refs(about is not None, *bounds, predicates is not None)
    return [Ref._make(r) for r in conn.execute(query, params)]


def shapes(refs: Iterable[Ref]) -> list[Shape]:
    """What the claims say, each distinct statement once (for ``conflicting_predicates``)."""
    return [Shape(*said) for said in {r[1:10] for r in refs}]


@functools.cache
def _by_id() -> Select[Any]:
    return select(*claim_columns()).where(C.c.id.in_(ids_param()))


def claims_by_id(conn: Connection, ids: Iterable[str]) -> dict[str, Claim]:
    out: dict[str, Claim] = {}
    for chunk in chunks(ids):
        out.update((r[0], Claim(*r)) for r in conn.execute(_by_id(), {"ids": chunk}))
    return out


def sample_of(conn: Connection, refs: list[Ref], per_group: int | None = 5) -> Sample:
    """The newest ``per_group`` claims (None: all) of each group and modality among ``refs``,
    read in full, and how many each group and modality has in all."""
    kept, totals = rank(refs, per_group)
    return read_sample(conn, kept, totals)


Totals = dict[tuple[GroupKey, str], int]


def rank(refs: list[Ref], per_group: int | None = 5) -> tuple[list[str], Totals]:
    """The ids of the newest ``per_group`` claims (None: all) of each group and modality among
    ``refs``, in the order a :class:`Sample` lists them, and how many each group and modality has."""
    # newest report first (undated ones last, as SQLite sorts them: '' is the least date), then
    # by position in it and by id (a stable sort keeps the order of ties, reversed or not)
    ranked = sorted(refs, key=lambda r: r.id)
    ranked.sort(key=lambda r: (r.published or "", r.seq, -r.start), reverse=True)
    ranks: dict[tuple[Any, ...], int] = {}  # (kind, subject, predicate, object, unit, modality)
    kept = []
    for r in ranked:
        ranks[r[1:7]] = rank = ranks.get(r[1:7], 0) + 1
        if not per_group or rank <= per_group:
            kept.append(r)
    totals: Totals = {}
    for (kind, subject, predicate, obj, unit, modality), n in ranks.items():
        key = ((kind, subject, predicate, obj if kind == "relation" else unit), modality)
        totals[key] = totals.get(key, 0) + n
    # newest first, then by report and position (and id, where all of those tie)
    kept.sort(key=lambda r: (r.document_id, r.start, r.id))
    kept.sort(key=lambda r: r.published or "", reverse=True)
    return [r.id for r in kept], totals


def read_sample(
    conn: Connection,
    ids: list[str],
    totals: Totals,
    full: dict[str, Claim] | None = None,
    docs: dict[str, GraphDocument] | None = None,
) -> Sample:
    """The claims of :func:`rank` read in full (``full``, ``docs``: claims and reports already read)."""
    if full is None:
        full = claims_by_id(conn, ids)
    claims = [full[i] for i in ids if i in full]
    if docs is None:
        docs = documents(conn, (c.document_id for c in claims))
    else:
        docs = {c.document_id: docs[c.document_id] for c in claims if c.document_id in docs}
    return Sample(claims, docs, totals)


def sample_claims(
    conn: Connection,
    about: str | None = None,
    by: str | None = None,
    per_group: int | None = 5,
    period: Period | None = None,
) -> Sample:
    """Claims whose subject or object is graph entity ``about``, or whose source is ``by``, from
    reports published in ``period``: the newest ``per_group`` of each group and modality (None:
    all), and how many there are."""
    return sample_of(conn, claim_refs(conn, about, by, period), per_group)
