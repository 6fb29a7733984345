"""Rebuttals in the stored reports as conflicts: one source's claim beside another's denial of
it ("For several days Iran denied the accusation"), each with its report (issue #8).

The texts are read at query time, report by report; a report is read only when it holds a
denial word, so the cost is one pass over the texts that can hold a rebuttal.
"""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.engine import Connection

from claimgraph.graph.claims import Claim
from claimgraph.graph.conflicts import Conflict
from claimgraph.graph.rebuttals import Mention, find_rebuttals
from claimgraph.store import schema

_ACTOR_TYPES = ("PERSON", "ORG", "GPE", "NORP")
UNNAMED = "(a source the report does not name)"
_MAYBE = re.compile(r"\b(?:den(?:y|ies|ied|ying)|dismissed|rejected|refuted|disputed|rebuffed|false|untrue|groundless|baseless|hoax)\b")


def _statement(cid: str, doc: str, text: str, span: tuple[int, int], by: str | None, modality: str) -> Claim:
    start, end = span
    return Claim(cid, "statement", by or "", "says", None, None, None, modality, by, doc, text[start:end], start, end)


def rebuttal_conflicts(conn: Connection, graph_id: str | None = None) -> list[Conflict]:
    """Every rebuttal in the store (or those by or against one actor), as ``denial`` conflicts:
    left the denied claim, right the denial."""
    d, e, m = schema.documents, schema.entities, schema.mentions
    out: list[Conflict] = []
    docs = conn.execute(select(d.c.id, d.c.text).where(d.c.current.is_(True)).order_by(d.c.seq))
    for doc, text in docs:
        if not _MAYBE.search(text):
            continue
        rows = conn.execute(
            select(e.c.canonical_id, e.c.type, m.c.start, m.c.end)
            .join(e, e.c.id == m.c.entity_id)
            .where((m.c.document_id == doc) & e.c.type.in_(_ACTOR_TYPES))
        )
        mentions = [Mention(gid, start, end, type_) for gid, type_, start, end in rows]
        for n, r in enumerate(find_rebuttals(text, mentions)):
            if graph_id and graph_id not in (r.denier, r.claimant):
                continue
            claim = _statement(f"{doc}:rc{n}", doc, text, r.claim, r.claimant, "claimed")
            denial = _statement(f"{doc}:rd{n}", doc, text, r.denial, r.denier, "denied")
            found = Conflict("denial", r.denier or UNNAMED, "denies", r.claimant or UNNAMED, [claim], [denial])
            out.append(found.rank())
    return out
