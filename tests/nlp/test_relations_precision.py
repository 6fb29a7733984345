"""Sentences that state no relation must yield none: negations, hypotheticals, questions,
titles without an organisation, lists of unrelated names (issue 3, precision)."""

from __future__ import annotations

from typing import Any

import pytest

from claimgraph.nlp.rel_fallback import entities_from_doc
from claimgraph.nlp.relations import find_relations

NO_RELATION = [
    # titles without a named organisation (corpus)
    "Health Minister Veronika Skvortsova indicated on Monday the chances of those trapped being found alive "
    "were already diminishing.",
    "Defence Minister Piotr Nowak said the ministry would respond.",  # the issue's own example
    "An Iranian commander, Qasem Soleimani, was killed in Baghdad on Friday.",
    # leaving a country is no membership ending (corpus)
    "She subsequently left the UK and returned to the US.",
    "Despite the assurances, she and her husband Jonathan Socoolas left the country, police revealed on Saturday.",
    # lists of places and names (corpus)
    "It has Iran's largest fleet, and is still operating in Europe with destinations including Spain, Greece, "
    "France, and Italy.",
    "China, Iran, and Russia have pledged funds and Syria is taxing certain goods toward the cost of reconstruction.",
    "Governor Alexander Pimentel told CNN the towns damaged were primarily Carrascal, Cantilan, Madrid, Carmen, "
    "Lanuza, and Cortes.",
    # negations
    "Brazil is not a member of the G7.",
    "Ivan Lis is not a member of the Carpathian Battalion.",
    "Kino Gabriel never joined the Syrian Democratic Forces.",
    "Ahmed al-Assadi is no longer a spokesman for the PMF.",
    # hypotheticals, intentions and questions
    "If Ivan Lis joins the Carpathian Battalion, the unit will grow.",
    "Ivan Lis plans to join the Carpathian Battalion next year.",
    "Ivan Lis would lead the Carpathian Battalion if he were elected.",
    "Did Ivan Lis join the Carpathian Battalion?",
]


@pytest.mark.parametrize("text", NO_RELATION)
def test_relations_precision_no_relation(nlp: Any, text: str) -> None:
    doc = nlp(text)
    ents = entities_from_doc(doc)
    name = {e.id: e.name for e in ents}
    found = [(name[r.subject], r.predicate, name[r.object]) for r in find_relations(doc, ents, [])]
    assert found == []


def test_relations_precision_negation_keeps_other_clause(nlp: Any) -> None:
    # the negated clause is dropped, the affirmed one in the same sentence is kept
    text = "Brazil is not a member of the G7, but Ahmed al-Assadi, a spokesman for the PMF, said it should be."
    doc = nlp(text)
    ents = entities_from_doc(doc)
    name = {e.id: e.name for e in ents}
    found = {(name[r.subject], r.predicate, name[r.object]) for r in find_relations(doc, ents, [])}
    assert found == {("Ahmed al-Assadi", "member_of", "PMF")}
