"""Claims about an actor for the views, counted in full but listed a few per group.

An actor named in thousands of reports has thousands of identical statements; the database
counts them per (what is claimed, modality) and returns only the newest few of each, so
`show` and `claims` stay fast at any size.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, func, select, union_all
from sqlalchemy.engine import Connection

from claimgraph.graph.claims import Claim, GroupKey
from claimgraph.graph.period import Period
from claimgraph.graph.records import GraphDocument
from claimgraph.store import schema
from claimgraph.store.queries import claim_columns, documents, in_period

D, C = schema.documents, schema.claims


@dataclass(slots=True)
class Sample:
    claims: list[Claim]  # at most ``per_group`` of each group and modality, newest report first
    documents: dict[str, GraphDocument]  # the reports of those claims
    totals: dict[tuple[GroupKey, str], int]  # statements per group and modality, all of them


def group_key(c: Claim) -> GroupKey:
    return (c.kind, c.subject, c.predicate, c.object if c.kind == "relation" else c.unit)


def sample_claims(
    conn: Connection,
    about: str | None = None,
    by: str | None = None,
    per_group: int | None = 5,
    period: Period | None = None,
) -> Sample:
    """Claims whose subject or object is graph entity ``about``, or whose source is ``by``, from
    reports published in ``period``."""
    # ranked on the claim rows and report dates alone (a covering index, migration 0003); the
    # report details are then read for the kept rows' reports only. Not by a join: the planner
    # cannot tell how few rows the rank filter keeps, and would read every report to hash it.
    rows = (
        select(*claim_columns(), D.c.published, D.c.seq)
        .select_from(C.join(D, and_(D.c.id == C.c.document_id, D.c.current)))
        .where(*in_period(period))
    )
    # one indexed arm per column rather than an OR, which PostgreSQL answers with a full scan
    if about is not None:
        both = union_all(
            rows.where(C.c.subject_gid == about),
            rows.where(C.c.object_gid == about, C.c.subject_gid != about),
        ).subquery()
    elif by is not None:
        both = rows.where(C.c.attributed_gid == by).subquery()
    else:
        return Sample([], {}, {})
    b = both.c
    part = (b.kind, b.subject_gid, b.predicate, b.object_gid, b.unit, b.modality)
    newest = (both.c.published.desc(), both.c.seq.desc(), both.c.start)
    inner = select(
        *[c for c in both.c if c.name != "seq"],
        func.row_number().over(partition_by=part, order_by=newest).label("rank"),
        func.count().over(partition_by=part).label("total"),
    ).subquery()
    query = select(inner).order_by(inner.c.published.desc(), inner.c.document_id, inner.c.start)
    if per_group:
        query = query.where(inner.c.rank <= per_group)
    out = Sample([], {}, {})
    for row in conn.execute(query):
        r: Any = tuple(row)
        claim = Claim(*r[:15])
        out.claims.append(claim)
        out.totals[(group_key(claim), claim.modality)] = r[-1]
    out.documents = documents(conn, (c.document_id for c in out.claims))
    return out
