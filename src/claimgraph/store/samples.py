"""Claims about an actor for the views, counted in full but listed a few per group.

An actor named in thousands of reports has thousands of identical statements; the database
counts them per (what is claimed, modality) and returns only the newest few of each, so
`show` and `claims` stay fast at any size.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, bindparam, func, select, union_all
from sqlalchemy.engine import Connection
from sqlalchemy.sql import Select

from claimgraph.graph.claims import Claim, GroupKey
from claimgraph.graph.period import Period
from claimgraph.graph.records import GraphDocument
from claimgraph.store import schema
from claimgraph.store.queries import ALL_ROWS, DatedClaims, claim_columns, dated_period, documents, period_params

D, C = schema.documents, schema.claims


@dataclass(slots=True)
class Sample:
    claims: list[Claim]  # at most ``per_group`` of each group and modality, newest report first
    documents: dict[str, GraphDocument]  # the reports of those claims
    totals: dict[tuple[GroupKey, str], int]  # statements per group and modality, all of them


def group_key(c: Claim) -> GroupKey:
    return (c.kind, c.subject, c.predicate, c.object if c.kind == "relation" else c.unit)


@functools.cache
def _sample(about: bool, start: bool, end: bool) -> Select[Any]:
    """The ranked claims about bound ``gid`` (else by it), in a bound period; newest first."""
    # ranked on the claim rows and report dates alone (a covering index, migration 0003); the
    # report details are then read for the kept rows' reports only. Not by a join: the planner
    # cannot tell how few rows the rank filter keeps, and would read every report to hash it.
    rows = (
        select(*claim_columns(), D.c.published, D.c.seq)
        .select_from(C.join(D, and_(D.c.id == C.c.document_id, D.c.current)))
        .where(*dated_period(start, end))
    )
    gid: Any = bindparam("gid")
    # one indexed arm per column rather than an OR, which PostgreSQL answers with a full scan
    both: Any
    if about:
        both = union_all(rows.where(C.c.subject_gid == gid), rows.where(C.c.object_gid == gid, C.c.subject_gid != gid))
    else:
        both = rows.where(C.c.attributed_gid == gid)
    b = both.subquery().c
    part = (b.kind, b.subject_gid, b.predicate, b.object_gid, b.unit, b.modality)
    newest = (b.published.desc(), b.seq.desc(), b.start)
    inner = select(
        *[c for c in b if c.name != "seq"],
        func.row_number().over(partition_by=part, order_by=newest).label("rank"),
        func.count().over(partition_by=part).label("total"),
    ).subquery()
    return (
        select(inner)
        .where(inner.c.rank <= bindparam("per_group"))
        .order_by(inner.c.published.desc(), inner.c.document_id, inner.c.start)
    )


def sample_claims(
    conn: Connection,
    about: str | None = None,
    by: str | None = None,
    per_group: int | None = 5,
    period: Period | None = None,
) -> Sample:
    """Claims whose subject or object is graph entity ``about``, or whose source is ``by``, from
    reports published in ``period``."""
    if about is None and by is None:
        return Sample([], {}, {})
    bounds, values = period_params(period)
    params = {"gid": about if about is not None else by, "per_group": per_group or ALL_ROWS, **values}
    out = Sample([], {}, {})
    for row in conn.execute(_sample(about is not None, *bounds), params):
        r: Any = tuple(row)
        claim = Claim(*r[:15])
        out.claims.append(claim)
        out.totals[(group_key(claim), claim.modality)] = r[-1]
    out.documents = documents(conn, (c.document_id for c in out.claims))
    return out


def sample_of(conn: Connection, dated: DatedClaims, per_group: int | None = 5) -> Sample:
    """The same sample as :func:`sample_claims`, taken from claims already read (the actor page
    reads them all once, for its conflicts too): ranked and counted here, not by the database."""
    # newest report first (undated ones last, as SQLite sorts them), then by position in it
    newest = {doc: (day is not None, day or "", dated.seq[doc]) for doc, day in dated.published.items()}
    ranked = sorted(dated.claims, key=lambda c: (newest[c.document_id], -c.start), reverse=True)
    ranks: dict[tuple[Any, ...], int] = {}  # partitioned as the database does
    totals: dict[tuple[GroupKey, str], int] = {}
    kept = []
    for c in ranked:
        part = (c.kind, c.subject, c.predicate, c.object, c.unit, c.modality)
        ranks[part] = rank = ranks.get(part, 0) + 1
        key = (group_key(c), c.modality)
        totals[key] = totals.get(key, 0) + 1
        if not per_group or rank <= per_group:
            kept.append(c)
    # in the order the database returns them: newest first, then by report and position (and
    # by id where the database leaves a tie in any order)
    kept.sort(key=lambda c: (c.document_id, c.start, c.id))
    kept.sort(key=lambda c: newest[c.document_id][:2], reverse=True)
    return Sample(kept, documents(conn, (c.document_id for c in kept)), totals)
