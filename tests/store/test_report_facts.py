"""What resolution reads in each report (store/report_facts.py), on corpus reports, through the
store on SQLite and PostgreSQL (issue #8)."""

from __future__ import annotations

import re

from claimgraph.model import Entity, Extraction, Span
from claimgraph.store import Store
from claimgraph.store.report_facts import report_facts
from tests.store.reports import document, entity

KOSZALIN, MAIDAN_WARDAK, COVID = 2, 16, 265


def _alone(doc_text: str, name: str, eid: str, type_: str) -> Entity:
    """An entity mentioned only where ``name`` stands alone, not inside a longer name."""
    spans = [Span(m.start(), m.end(), name) for m in re.finditer(rf"(?<![\w ]{{2}} ){name}(?![\w'])", doc_text)
             if not re.search(r"(Donald|Melania|Ivanka) $", doc_text[: m.start()])]
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
    """'Trump took to social media' (tagged ORG) after 'First Lady Melania Trump': the report's
    headline names Donald Trump, so the surname is his, not hers."""
    doc = document(COVID)
    donald = entity(doc, "e1", "Donald Trump", "PERSON")
    melania = entity(doc, "e2", "Melania Trump", "PERSON")
    trump = _alone(doc.text, "Trump", "e3", "ORG")
    assert trump.mentions and donald.mentions[0].start < doc.text.index("\n\n")
    store.add(Extraction(doc, [donald, melania, trump]))
    store.resolve()
    with store.engine.connect() as conn:
        facts = report_facts(conn, [doc.id])[doc.id]
    assert facts.near[f"{doc.id}:e3"] == f"{doc.id}:e1"
    graph = {e.name: e.id for e in store.iter_entities()}
    assert graph["Donald Trump"] != graph["Melania Trump"]
    assert store.entity_id(f"{doc.id}:e3") == store.entity_id(f"{doc.id}:e1")
