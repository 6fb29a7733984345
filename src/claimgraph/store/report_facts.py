"""What cross-report resolution reads in each report besides names: the country the report is
about, the titles written before each name ('President', 'Queen'), and for a surname written
alone the full name written nearest before it (issue #8).

Computed from the stored mentions and texts, report by report, so memory stays bounded by the
largest report, not the store; :func:`kept_facts` computes a report's once and keeps them
(``document_facts``, migration 0014): a report's text and entities never change.
"""

from __future__ import annotations

from collections import Counter, defaultdict
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection

from claimgraph.graph import bodies as B
from claimgraph.graph import names as N
from claimgraph.graph.resolve import DOMINANCE, family
from claimgraph.store import schema

_PLACE_TYPES = ("GPE", "NORP")
_BATCH = 200
NEAR_CHARS = 300  # 'just named': the full name is at most this far before the surname alone


@dataclass(slots=True)
class ReportFacts:
    country: str | None = None
    roles: dict[str, list[str]] = field(default_factory=dict)  # entity id -> titles before it
    near: dict[str, str] = field(default_factory=dict)  # lone surname's entity id -> the full name's it means
    surnames: frozenset[str] = frozenset()  # surnames of the people named in full
    bodies: frozenset[str] = frozenset()  # first words of the state bodies it names ('labour')


@dataclass(slots=True)
class _Entity:
    id: str
    name: str
    type: str
    mentions: int = 0
    starts: list[int] = field(default_factory=list)


def lone_surname(name: str, type_: str) -> bool:
    """A person named by one word ('Trump', 'President Trump', 'Elizabeth')."""
    return family(type_) == "person" and N.parse_person(name).mononym


def report_facts(conn: Connection, documents: Iterable[str]) -> dict[str, ReportFacts]:
    out: dict[str, ReportFacts] = {}
    docs = list(documents)
    for i in range(0, len(docs), _BATCH):
        for doc, text, entities in _load(conn, docs[i : i + _BATCH]):
            out[doc] = _read(text, entities)
    return out


def kept_facts(conn: Connection, documents: Iterable[str]) -> dict[str, ReportFacts]:
    """The facts of these reports as :func:`report_facts` computes them: those kept, and the
    others computed and kept."""
    table = schema.document_facts
    docs = list(dict.fromkeys(documents))
    out: dict[str, ReportFacts] = {}
    for i in range(0, len(docs), _BATCH * 2):
        chunk = docs[i : i + _BATCH * 2]
        query = select(table.c.document_id, table.c.facts).where(table.c.document_id.in_(chunk))
        out.update({doc: load_facts(text) for doc, text in conn.execute(query)})
    missing = report_facts(conn, [d for d in docs if d not in out])
    if missing:
        conn.execute(insert(table), [{"document_id": d, "facts": dump_facts(f)} for d, f in missing.items()])
    out.update(missing)
    return out


def dump_facts(facts: ReportFacts) -> str:
    return json.dumps([facts.country, facts.roles, facts.near, sorted(facts.surnames), sorted(facts.bodies)])


def load_facts(text: str) -> ReportFacts:
    country, roles, near, names, bodies = json.loads(text)
    return ReportFacts(country, roles, near, frozenset(names), frozenset(bodies))


def _load(conn: Connection, docs: list[str]) -> Iterator[tuple[str, str, list[_Entity]]]:
    e, m, d = schema.entities, schema.mentions, schema.documents
    texts = {i: t for i, t in conn.execute(select(d.c.id, d.c.text).where(d.c.id.in_(docs)))}
    by_doc: dict[str, dict[str, _Entity]] = defaultdict(dict)
    rows = conn.execute(
        select(e.c.document_id, e.c.id, e.c.name, e.c.type).where(e.c.document_id.in_(docs)).order_by(e.c.id)
    )
    for doc, eid, name, type_ in rows:
        by_doc[doc][eid] = _Entity(eid, name, type_)
    spans = conn.execute(
        select(m.c.document_id, m.c.entity_id, m.c.start, m.c.end)
        .where(m.c.document_id.in_(docs)).order_by(m.c.document_id, m.c.start, m.c.end.desc())
    )
    outer: tuple[str, int] = ("", -1)  # the document and end of the last mention not inside another
    for doc, eid, start, end in spans:
        if doc == outer[0] and end <= outer[1]:
            continue  # a name inside another's ('U.S.' in 'U.S. Senate'): no mention of its own here
        outer = (doc, end)
        ent = by_doc[doc].get(eid)
        if ent:
            ent.mentions += 1
            ent.starts.append(start)
    for doc in docs:
        yield doc, texts.get(doc, ""), list(by_doc[doc].values())


def _read(text: str, entities: list[_Entity]) -> ReportFacts:
    facts = ReportFacts()
    headline = text.find("\n\n") if "\n\n" in text else 0  # document.text: headline, blank line, body
    facts.country = B.report_country(((x.name, x.mentions or 1) for x in entities if x.type in _PLACE_TYPES),
                                     ((x.name, x.mentions or 1) for x in entities if family(x.type) == "org"),
                                     _in_headline(entities, headline))
    for x in entities:
        if family(x.type) in ("person", "org"):
            roles = Counter(r for s in x.starts[:10] if (r := B.role_before(text, s)))
            if roles:
                facts.roles[x.id] = [r for r, _ in roles.most_common(3)]
    full = [(x, N.parse_person(x.name)) for x in entities if family(x.type) == "person"]
    full = [(x, p) for x, p in full if not p.mononym and p.surname]
    facts.surnames = frozenset(s for _, p in full for s in N.surnames(p))
    facts.bodies = frozenset(
        N.name_key(x.name).split()[0] for x in entities if family(x.type) == "org" and B.is_state_body(x.name)
    )
    for x in entities:
        if not x.starts or not (lone_surname(x.name, x.type) or family(x.type) == "org"):
            continue
        surname = N.parse_person(x.name).surname if family(x.type) == "person" else N.name_key(x.name)
        chosen = _pointed_to(x, [y for y, p in full if surname in N.surnames(p)], headline)
        if chosen:
            facts.near[x.id] = chosen
    return facts


def _in_headline(entities: list[_Entity], headline: int) -> tuple[list[str], list[str]]:
    """The names of the places and nationalities, and of the organisations, a report's headline
    writes (ending at ``headline``)."""
    named = [x for x in entities if x.starts and x.starts[0] < headline]
    places = [x.name for x in named if x.type in _PLACE_TYPES]
    return places, [x.name for x in named if family(x.type) == "org"]


def short_body(name: str, facts: ReportFacts) -> bool:
    """A one-word name of a body its report names in full: 'Labour' beside 'Labour Party'."""
    key = N.name_key(name)
    return " " not in key and any(N.is_spelling_variant(key, b) for b in facts.bodies)


def _pointed_to(short: _Entity, candidates: list[_Entity], headline: int) -> str | None:
    """The full name a report means by a surname alone: the one it names most, when named three
    times as often as any other ('Trump' beside Donald Trump's 40 mentions and Melania Trump's
    two), else the only one its headline names (the report's subject), else the one written just before the surname's first mention ('President Barack Obama.
    ... Obama's citizenship'), else none."""
    if not candidates:
        return None
    ranked = sorted(candidates, key=lambda y: (-y.mentions, y.id))
    if len(ranked) == 1 or ranked[0].mentions >= DOMINANCE * ranked[1].mentions:
        return ranked[0].id
    in_headline = [y for y in candidates if y.starts and y.starts[0] < headline]
    if len(in_headline) == 1:
        return in_headline[0].id
    first = short.starts[0]
    before = [(max(s for s in y.starts if s < first), y.id) for y in candidates if any(s < first for s in y.starts)]
    return max(before)[1] if before and first - max(before)[0] <= NEAR_CHARS else None
