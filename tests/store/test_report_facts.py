"""What resolution reads in each report (store/report_facts.py), on corpus reports, through the
store on SQLite and PostgreSQL (issue #8)."""

from __future__ import annotations

import re

from sqlalchemy import select

from claimgraph.model import Entity, Extraction, Span
from claimgraph.store import Store, schema
from claimgraph.store.report_facts import kept_facts, report_facts
from tests.store.reports import ALL, document, entity

KOSZALIN, MAIDAN_WARDAK, MENDEZ = 2, 16, 14


def _alone(doc_text: str, name: str, eid: str, type_: str) -> Entity:
    """An entity mentioned only where ``name`` stands alone, not inside a longer name."""
    spans = [Span(m.start(), m.end(), name) for m in re.finditer(rf"(?<![\w ]{{2}} ){name}(?![\w'])", doc_text)
             if not re.search(r"[A-Z]\w+ $", doc_text[: m.start()])]
    return Entity(eid, name, type_, [], spans)


def test_report_facts_countries_keep_two_interior_ministries_apart(store: Store) -> None:
    poland, afghanistan = document(KOSZALIN), document(MAIDAN_WARDAK)
    store.add(Extraction(poland, [entity(poland, "e1", "Poland", "GPE"),
                                  entity(poland, "e2", "Interior Minister", "ORG")]))
    store.add(Extraction(afghanistan, [entity(afghanistan, "e1", "Afghanistan", "GPE"),
                                       entity(afghanistan, "e2", "Kabul", "GPE"),
                                       entity(afghanistan, "e3", "Interior Ministry", "ORG")]))
    store.resolve()
    with store.engine.connect() as conn:
        facts = report_facts(conn, [poland.id, afghanistan.id])
    assert facts[poland.id].country == "pl" and facts[afghanistan.id].country == "af"
    assert store.entity_id("Interior Minister") != store.entity_id("Interior Ministry")


def test_report_facts_a_surname_alone_follows_the_headline(store: Store) -> None:
    """'Mendez' alone, after 'Mendez's wife Jonna Mendez': the headline names Tony Mendez (three
    mentions to her two, so neither dominates), so the surname is his, not hers."""
    doc = document(MENDEZ)
    tony = entity(doc, "e1", "Tony Mendez", "PERSON")
    jonna = entity(doc, "e2", "Jonna Mendez", "PERSON")
    mendez = _alone(doc.text, "Mendez", "e3", "PERSON")
    assert tony.mentions[0].start < doc.text.index("\n\n") and len(tony.mentions) < 3 * len(jonna.mentions)
    assert any(s.start > jonna.mentions[0].start for s in mendez.mentions)
    store.add(Extraction(doc, [tony, jonna, mendez]))
    store.resolve()
    with store.engine.connect() as conn:
        facts = report_facts(conn, [doc.id])[doc.id]
    assert facts.near[f"{doc.id}:e3"] == f"{doc.id}:e1"
    graph = {e.name: e.id for e in store.iter_entities()}
    assert graph["Tony Mendez"] != graph["Jonna Mendez"]
    assert store.entity_id(f"{doc.id}:e3") == store.entity_id(f"{doc.id}:e1")


THAI_PARTY, HK_BILL, HK_SPEECH = 29, 96, 144


def _cut(doc_text: str, name: str, eid: str, before: str = "") -> Entity:
    """A person's entity mentioned only where ``name`` stands without ``before`` ahead of it
    ('Lam' but not 'Carrie Lam'), as when the extractor misses a report's full name or cuts a
    name ('Chan' of 'Chan-o-cha', as it did before it kept hyphenated names whole)."""
    spans = [Span(m.start(), m.end(), name) for m in re.finditer(rf"(?<!\w){name}(?!\w)", doc_text)
             if not (before and doc_text[: m.start()].endswith(before))]
    return Entity(eid, name, "PERSON", [], spans)


def _countries(store: Store, *docs: str) -> list[str | None]:
    with store.engine.connect() as conn:
        facts = report_facts(conn, docs)
    return [facts[d].country for d in docs]


def test_report_facts_a_surname_alone_joins_the_only_full_name_on_its_country(store: Store) -> None:
    """Issue #8: 'Hong Kong leader announces withdrawal of extradition bill' writes 'Lam' with no
    full name beside it (here); the store's only full name of that surname is Carrie Lam's, in
    'Hong Kong's Carrie Lam delivers speech', one report, also about Hong Kong: one actor."""
    bill, speech = document(HK_BILL), document(HK_SPEECH)
    store.add(Extraction(bill, [_cut(bill.text, "Lam", "e1", "Carrie "),
                                entity(bill, "e2", "Hong Kong", "GPE")]))
    store.add(Extraction(speech, [entity(speech, "e1", "Carrie Lam", "PERSON"),
                                  entity(speech, "e2", "Hong Kong", "GPE")]))
    store.resolve()
    assert _countries(store, bill.id, speech.id) == ["hk", "hk"]
    assert store.entity_id(f"{bill.id}:e1") == store.entity_id(f"{speech.id}:e1")
    with store.engine.connect() as conn:
        reason = conn.execute(select(schema.candidates.c.reason)).scalar()
    assert reason.endswith("the store's only full name with this surname, reports about hk")


def test_report_facts_a_surname_alone_stays_apart_from_a_full_name_of_another_country(store: Store) -> None:
    """Issue #8: 'Chan' of Thai prime minister Prayut Chan-o-cha ('Thai political party withdraws
    nomination of princess', the name cut at its hyphen) is not Tanya Chan, a Hong Kong
    legislator, though she is the only Chan named in full: the two reports are about two
    countries."""
    thai, speech = document(THAI_PARTY), document(HK_SPEECH)
    store.add(Extraction(thai, [_cut(thai.text, "Chan", "e1"), entity(thai, "e2", "Thailand", "GPE"),
                                entity(thai, "e3", "Thai", "NORP")]))
    store.add(Extraction(speech, [entity(speech, "e1", "Tanya Chan", "PERSON"),
                                  entity(speech, "e2", "Hong Kong", "GPE")]))
    store.resolve()
    assert _countries(store, thai.id, speech.id) == ["th", "hk"]
    assert store.entity_id(f"{thai.id}:e1") != store.entity_id(f"{speech.id}:e1")
    c = schema.candidates
    with store.engine.connect() as conn:
        found = conn.execute(select(c.c.score, c.c.reason)).one()
    assert tuple(found) == (0.6, "surname+context (reports about hk / th)")


def test_report_facts_kept_by_resolution_as_computed(store: Store) -> None:
    """Resolution keeps each report's facts (``document_facts``, migration 0014) as computed from
    its text, and reads them back alike: a profile made again reads its first reports' facts kept."""
    for build in ALL:
        store.add(build())
    store.resolve()
    docs = [build().document.id for build in ALL]
    with store.engine.begin() as conn:
        kept = set(conn.execute(select(schema.document_facts.c.document_id)).scalars())
        assert kept == set(docs)
        computed = report_facts(conn, docs)
        assert any(f.roles or f.near or f.country for f in computed.values())
        assert kept_facts(conn, docs) == computed
