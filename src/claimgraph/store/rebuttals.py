"""Rebuttals in the stored reports as conflicts: one source's claim beside another's denial of
it ("For several days Iran denied the accusation"), each with its report (issue #8).

``graph/rebuttals.py`` finds them in one report's text and mentions, by graph id. They are
stored (table ``rebuttals``, migration 0008) when a report is added and found again for the
reports whose entities change graph id (:func:`refresh`, called by resolution), so a view reads
an actor's rebuttals by index instead of every report's text. The table is trusted only when
the store's mark (``run_state``) names the finder it was filled by: opening a store whose
table another finder filled (or none, before 0008) fills it again; a store on read-only media
cannot be, and its views read the texts as before.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import and_, bindparam, delete, insert, select, union_all
from sqlalchemy.engine import Connection

from claimgraph.graph import rebuttals as finder
from claimgraph.graph.claims import Claim
from claimgraph.graph.conflicts import Conflict
from claimgraph.graph.rebuttals import Mention, Rebuttal, find_rebuttals
from claimgraph.store import schema

_ACTOR_TYPES = ("PERSON", "ORG", "GPE", "NORP")
UNNAMED = "(a source the report does not name)"
_MAYBE = re.compile(r"\b(?:den(?:y|ies|ied|ying)|dismissed|rejected|refuted|disputed|rebuffed|false|untrue|groundless|baseless|hoax)\b")
MARK = "rebuttals"  # run_state key: the fingerprint of the finder that filled the table
_CHUNK = 500
D, R, S = schema.documents, schema.rebuttals, schema.run_state


@functools.cache
def fingerprint() -> str:
    """What the stored rows depend on: the finder's rules and this module's (a changed rule makes
    the table stale: the next opening of the store fills it again)."""
    digest = hashlib.sha256()
    for path in (Path(finder.__file__), Path(__file__)):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@functools.cache
def _mark() -> Any:
    return select(S.c.value).where(S.c.key == MARK)


def is_fresh(conn: Connection) -> bool:
    """Whether the table holds every report's rebuttals as the current finder finds them."""
    return conn.execute(_mark()).scalar() == fingerprint()


def _found(conn: Connection, doc: str, text: str) -> Iterator[Rebuttal]:
    """The rebuttals of one report (none without a denial word: most reports are read no further)."""
    if not _MAYBE.search(text):
        return
    e, m = schema.entities, schema.mentions
    rows = conn.execute(
        select(e.c.canonical_id, e.c.type, m.c.start, m.c.end)
        .join(e, e.c.id == m.c.entity_id)
        .where((m.c.document_id == doc) & e.c.type.in_(_ACTOR_TYPES))
    )
    yield from find_rebuttals(text, [Mention(gid, start, end, type_) for gid, type_, start, end in rows])


def refresh(conn: Connection, document_ids: Collection[str] | None = None) -> None:
    """Find again the rebuttals of the given reports (None: of every current report, then mark
    the table fresh). Given reports are skipped while the table is not fresh: the next full
    refresh (when the store is opened) finds them."""
    if document_ids is None:
        conn.execute(delete(R))
        last = -1
        while batch := conn.execute(  # a few hundred texts in memory at a time
            select(D.c.seq, D.c.id, D.c.text)
            .where(D.c.current.is_(True), D.c.seq > last)
            .order_by(D.c.seq)
            .limit(_CHUNK)
        ).all():
            _store(conn, [(doc, text) for _seq, doc, text in batch])
            last = batch[-1][0]
        conn.execute(delete(S).where(S.c.key == MARK))
        conn.execute(insert(S).values(key=MARK, value=fingerprint()))
        return
    if not is_fresh(conn):
        return
    ids = sorted(set(document_ids))
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i : i + _CHUNK]
        conn.execute(delete(R).where(R.c.document_id.in_(chunk)))
        _store(conn, [(doc, text) for doc, text in conn.execute(select(D.c.id, D.c.text).where(D.c.id.in_(chunk)))])


def _store(conn: Connection, docs: list[tuple[str, str]]) -> None:
    rows = [
        {
            "document_id": doc,
            "n": n,
            "claimant_gid": r.claimant,
            "denier_gid": r.denier,
            "claim_start": r.claim[0],
            "claim_end": r.claim[1],
            "claim_text": text[r.claim[0] : r.claim[1]],
            "denial_start": r.denial[0],
            "denial_end": r.denial[1],
            "denial_text": text[r.denial[0] : r.denial[1]],
        }
        for doc, text in docs
        for n, r in enumerate(_found(conn, doc, text))
    ]
    if rows:
        conn.execute(insert(R), rows)


def refresh_for_entities(conn: Connection, entity_ids: Collection[str]) -> None:
    """Find again the rebuttals of the reports of entities that changed graph id."""
    if not entity_ids or not is_fresh(conn):
        return
    e = schema.entities
    ids = sorted(entity_ids)
    docs: set[str] = set()
    for i in range(0, len(ids), _CHUNK):
        docs.update(conn.execute(select(e.c.document_id).where(e.c.id.in_(ids[i : i + _CHUNK]))).scalars())
    refresh(conn, docs)


def _statement(cid: str, doc: str, text: str, span: tuple[int, int], by: str | None, modality: str) -> Claim:
    start, end = span
    return Claim(cid, "statement", by or "", "says", None, None, None, modality, by, doc, text, start, end)


def _conflict(doc: str, n: int, r: Rebuttal, claim_text: str, denial_text: str) -> Conflict:
    claim = _statement(f"{doc}:rc{n}", doc, claim_text, r.claim, r.claimant, "claimed")
    denial = _statement(f"{doc}:rd{n}", doc, denial_text, r.denial, r.denier, "denied")
    return Conflict("denial", r.denier or UNNAMED, "denies", r.claimant or UNNAMED, [claim], [denial]).rank()


@functools.cache
def _stored(by_actor: bool) -> Any:
    """The stored rebuttals of current reports (by or against bound ``gid``), with the report's seq."""
    base = select(R, D.c.seq).select_from(R.join(D, and_(D.c.id == R.c.document_id, D.c.current.is_(True))))
    if not by_actor:
        return base
    gid: Any = bindparam("gid")  # one indexed arm per column rather than an OR (see queries.claims_about)
    return union_all(
        base.where(R.c.denier_gid == gid), base.where(R.c.claimant_gid == gid, R.c.denier_gid.is_distinct_from(gid))
    )


def rebuttal_conflicts(conn: Connection, graph_id: str | None = None) -> list[Conflict]:
    """Every rebuttal in the store's current reports (or those by or against one actor), as
    ``denial`` conflicts: left the denied claim, right the denial; in ingest order."""
    if not is_fresh(conn):
        return _from_texts(conn, graph_id)
    rows = sorted(conn.execute(_stored(graph_id is not None), {"gid": graph_id}).all(), key=lambda r: (r.seq, r.n))
    return [
        _conflict(
            r.document_id,
            r.n,
            Rebuttal(r.denier_gid, r.claimant_gid, (r.claim_start, r.claim_end), (r.denial_start, r.denial_end)),
            r.claim_text,
            r.denial_text,
        )
        for r in rows
    ]


def _from_texts(conn: Connection, graph_id: str | None) -> list[Conflict]:
    """The same, read from every current report's text (while the table is not fresh)."""
    out: list[Conflict] = []
    docs = conn.execute(select(D.c.id, D.c.text).where(D.c.current.is_(True)).order_by(D.c.seq))
    for doc, text in docs:
        for n, r in enumerate(_found(conn, doc, text)):
            if graph_id and graph_id not in (r.denier, r.claimant):
                continue
            out.append(_conflict(doc, n, r, text[r.claim[0] : r.claim[1]], text[r.denial[0] : r.denial[1]]))
    return out
