"""A relation a noun phrase states is not denied or supposed by the clause around the phrase
("they did not drop a set ... where they defeated Raven Klaasen of South Africa"): real train
sentences whose relations the clause's negation or modal used to drop."""

from __future__ import annotations

from typing import Any

from claimgraph.nlp.rel_fallback import entities_from_doc
from claimgraph.nlp.relations import find_relations


def triples(nlp: Any, text: str) -> set[tuple[str, str, str]]:
    doc = nlp(text)
    ents = entities_from_doc(doc)
    name = {e.id: e.name for e in ents}
    return {(name[r.subject], r.predicate, name[r.object]) for r in find_relations(doc, ents, [])}


def test_relations_phrase_polarity_of_place_under_negated_clause(nlp: Any) -> None:
    text = ("Herbert and Mahut did not drop a single set in five matches at the ATP Finals, where they "
            "defeated Raven Klaasen of South Africa and Michael Venus of New Zealand in the final on Sunday.")
    rows = triples(nlp, text)
    assert ("Raven Klaasen", "origin", "South Africa") in rows
    assert ("Michael Venus", "origin", "New Zealand") in rows


def test_relations_phrase_polarity_predicate_noun_stays_negated(nlp: Any) -> None:
    assert not triples(nlp, "Ivan Lis is not a member of the Carpathian Battalion.")
