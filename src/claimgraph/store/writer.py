"""Write one document's extraction into the store, in one transaction.

A document already present (same content id) is skipped; a new text of a URL already stored
becomes the URL's next version and the older one stops being current. New entities join the
graph entity of an earlier entity with the same normalised name and type straight away; the
cross-document resolver refines that later (see :mod:`claimgraph.store.resolution`). Every row
that names an entity gets its graph id too (see :mod:`claimgraph.store.graph_ids`).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import Connection

from claimgraph.model import Extraction
from claimgraph.store import dialect, rebuttals, schema, summaries
from claimgraph.store.names import entity_key, norm

log = logging.getLogger(__name__)

Status = Literal["added", "skipped", "new_version"]


@dataclass(slots=True)
class AddResult:
    """What :meth:`Store.add` did with one extraction."""

    document_id: str
    status: Status
    version: int = 1
    entities: int = 0
    new_entities: int = 0  # entities that matched no actor already in the store
    quotes: int = 0
    relations: int = 0
    quantities: int = 0


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def add(conn: Connection, extraction: Extraction) -> AddResult:
    """Insert the extraction on an open transaction; the caller commits or rolls back."""
    doc = extraction.document
    d = schema.documents
    if conn.execute(select(d.c.seq).where(d.c.id == doc.id)).first():
        return AddResult(doc.id, "skipped")
    version = 1
    if doc.url:
        latest = conn.execute(select(func.max(d.c.version)).where(d.c.url == doc.url)).scalar()
        if latest is not None:
            version = latest + 1
            older = select(d.c.id).where(d.c.url == doc.url, d.c.current)
            e = schema.entities  # the actors of the text it replaces lose what it said
            actors = select(e.c.canonical_id).where(e.c.document_id.in_(older))
            summaries.forget(conn, conn.execute(actors).scalars())
            conn.execute(update(d).where(d.c.url == doc.url).values(current=False))
    inserted = conn.execute(
        insert(d).values(
            id=doc.id,
            url=doc.url,
            source=doc.source,
            title=doc.title,
            authors=json.dumps(doc.authors),
            publisher=doc.publisher,
            published=doc.published,
            language=doc.language,
            text=doc.text,
            version=version,
            current=True,
            added_at=now(),
        )
    ).inserted_primary_key
    seq = int(inserted[0]) if inserted else 0
    dialect.index_document(conn, seq, doc.title, doc.text)
    result = AddResult(doc.id, "new_version" if version > 1 else "added", version)
    ids, graph = _add_entities(conn, extraction, seq, result)
    conn.execute(insert(schema.unresolved_reports).values(document_id=doc.id))  # for the next resolution
    _add_quotes(conn, extraction, ids, graph, seq, result)
    _add_claims(conn, extraction, ids, graph, result)
    rebuttals.refresh(conn, [doc.id])
    summaries.defer(conn, graph.values(), seq)  # its actors' pages count it from now on
    return result


def _ns(doc_id: str, local: str) -> str:
    return f"{doc_id}:{local}"


def _add_words(conn: Connection, norms: set[str]) -> None:
    """Index the words of the names not seen before (a race between two writers may add a pair
    twice, which lookups read as one)."""
    w = schema.name_words
    new = sorted(norms - set(conn.execute(select(w.c.norm).where(w.c.norm.in_(sorted(norms)))).scalars()))
    rows = [{"word": word, "norm": n} for n in new for word in dict.fromkeys(n.split())]
    if rows:
        conn.execute(insert(w), rows)


def _add_entities(
    conn: Connection, ex: Extraction, seq: int, result: AddResult
) -> tuple[dict[str, str], dict[str, str]]:
    """Insert the entities, their names and mentions; returns local id -> member id and
    member id -> graph id."""
    doc_id = ex.document.id
    keys = {e.id: entity_key(e.name, e.type) for e in ex.entities}
    known = _canonical_by_key(conn, set(keys.values()))
    rows, name_rows, mention_rows = [], [], []
    for e in ex.entities:
        gid = _ns(doc_id, e.id)
        key = keys[e.id]
        if key not in known:
            known[key] = gid  # a second entity of the same key in this document joins the first
            result.new_entities += 1
        rows.append(
            {
                "id": gid,
                "document_id": doc_id,
                "doc_seq": seq,
                "name": e.name,
                "type": e.type,
                "key": key,
                "aliases": json.dumps(e.aliases),
                "canonical_id": known[key],
                "confidence": 1.0,
                "doc_published": ex.document.published,
            }
        )
        seen: set[str] = set()
        for name in [e.name, *e.aliases]:
            if (n := norm(name)) and n not in seen:
                seen.add(n)
                name_rows.append({"entity_id": gid, "norm": n, "name": name, "graph_id": known[key]})
        mention_rows += [
            {"entity_id": gid, "document_id": doc_id, "start": m.start, "end": m.end, "text": m.text}
            for m in e.mentions
        ]
    for table, batch in ((schema.entities, rows), (schema.names, name_rows), (schema.mentions, mention_rows)):
        if batch:
            conn.execute(insert(table), batch)
    _add_words(conn, {r["norm"] for r in name_rows})
    result.entities = len(rows)
    graph = {_ns(doc_id, e.id): known[keys[e.id]] for e in ex.entities}
    return {e.id: _ns(doc_id, e.id) for e in ex.entities}, graph


def _canonical_by_key(conn: Connection, keys: set[str]) -> dict[str, str]:
    """For each key, the graph id of the earliest stored entity with that key."""
    if not keys:
        return {}
    e = schema.entities
    first = (
        select(e.c.key, func.min(e.c.doc_seq).label("doc_seq"))
        .where(e.c.key.in_(keys))
        .group_by(e.c.key)
        .subquery()
    )
    rows = conn.execute(
        select(e.c.key, e.c.canonical_id)
        .join(first, (first.c.key == e.c.key) & (first.c.doc_seq == e.c.doc_seq))
        .order_by(e.c.id)
    )
    found: dict[str, str] = {}
    for key, canonical in rows:
        found.setdefault(key, canonical)
    return found


def _add_quotes(
    conn: Connection, ex: Extraction, ids: dict[str, str], graph: dict[str, str], seq: int, result: AddResult
) -> None:
    doc_id, published = ex.document.id, ex.document.published
    rows: list[dict[str, Any]] = [
        {
            "doc_published": published,
            "doc_seq": seq,
            "id": _ns(doc_id, q.id),
            "document_id": doc_id,
            "text": q.text,
            "start": q.start,
            "end": q.end,
            "kind": q.kind,
            "speaker_id": ids.get(q.speaker or ""),
            "speaker_gid": graph.get(ids.get(q.speaker or "", "")),
            "speaker_text": q.speaker_text,
            "cue": q.cue,
            "sentence_start": q.sentence.start if q.sentence else None,
            "sentence_end": q.sentence.end if q.sentence else None,
        }
        for q in ex.quotes
    ]
    if not rows:
        return
    conn.execute(insert(schema.quotes), rows)
    inside = {
        (_ns(doc_id, q.id), ids[e.id], q.start)
        for q in ex.quotes
        for e in ex.entities
        for m in e.mentions
        if q.start <= m.start and m.end <= q.end
    }
    if inside:
        conn.execute(
            insert(schema.quote_mentions),
            [
                {"quote_id": q, "entity_id": e, "graph_id": graph[e], "doc_published": published, "doc_seq": seq,
                 "quote_start": start}
                for q, e, start in sorted(inside)
            ],
        )
    dialect.index_quotes(conn, doc_id)
    result.quotes = len(rows)


def _add_claims(
    conn: Connection, ex: Extraction, ids: dict[str, str], graph: dict[str, str], result: AddResult
) -> None:
    doc_id = ex.document.id
    rows: list[dict[str, Any]] = []
    for r in ex.relations:
        if r.subject not in ids or r.object not in ids:
            log.warning("%s: relation %s names an unknown entity; not stored", doc_id, r.id)
            continue
        rows.append(_claim(doc_id, r.id, "relation", ids[r.subject], r.predicate, r, ids))
        rows[-1]["object_id"] = ids[r.object]
        result.relations += 1
    for q in ex.quantities:
        if q.subject not in ids:
            log.warning("%s: quantity %s names an unknown entity; not stored", doc_id, q.id)
            continue
        row = _claim(doc_id, q.id, "quantity", ids[q.subject], q.property, q, ids)
        row.update(value=q.value, high=q.high, unit=q.unit, qualifier=q.qualifier)
        rows.append(row)
        result.quantities += 1
    for row in rows:
        row["subject_gid"] = graph[row["subject_id"]]
        row["object_gid"] = graph.get(row["object_id"] or "")
        row["attributed_gid"] = graph.get(row["attributed_id"] or "")
    if rows:
        conn.execute(insert(schema.claims), rows)


def _claim(
    doc_id: str, local: str, kind: str, subject: str, predicate: str, c: Any, ids: dict[str, str]
) -> dict[str, Any]:
    return {
        "id": _ns(doc_id, local),
        "document_id": doc_id,
        "kind": kind,
        "subject_id": subject,
        "predicate": predicate,
        "object_id": None,
        "value": None,
        "high": None,
        "unit": None,
        "qualifier": None,
        "modality": c.modality,
        "attributed_id": ids.get(c.attributed_to or ""),
        "evidence": c.evidence.text,
        "start": c.evidence.start,
        "end": c.evidence.end,
    }
