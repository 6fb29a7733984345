"""Relations on real sentences of the corpus and the dev reports (issue 3)."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

import pytest
from tests.conftest import DEV

from claimgraph.model import Quote
from claimgraph.nlp.rel_fallback import entities_from_doc
from claimgraph.nlp.relations import find_relations

Row = tuple[str, str, str, str | None, str]


def relations(nlp: Any, text: str, quotes: tuple[Quote, ...] = ()) -> set[Row]:
    """(subject, predicate, object, source, modality) by entity names, entities taken from doc.ents."""
    doc = nlp(text)
    ents = entities_from_doc(doc)
    name = {e.id: e.name for e in ents}
    found = find_relations(doc, ents, [q for q in quotes])
    for r in found:
        assert doc.text[r.evidence.start : r.evidence.end] == r.evidence.text
        assert r.subject != r.object
    return {(name[r.subject], r.predicate, name[r.object], name.get(r.attributed_to or ""), r.modality) for r in found}


def triples(rows: set[Row]) -> set[tuple[str, str, str]]:
    return {(s, p, o) for s, p, o, _, _ in rows}


def test_relations_apposition_spokesman_is_member(nlp: Any) -> None:
    text = ("In a statement following the attack, Ahmed al-Assadi, a spokesman for the PMF, blamed both "
            "Israel and the United States for the attack.")  # fmt: skip
    assert ("Ahmed al-Assadi", "member_of", "PMF") in triples(relations(nlp, text))


def test_relations_nationality_title_maps_to_country(nlp: Any) -> None:
    text = ("Ahmed al-Assadi blamed both Israel and the United States for the attack. In his statement, "
            "Israeli Prime Minister Benjamin Netanyahu found the air strike justified.")  # fmt: skip
    assert ("Benjamin Netanyahu", "leader_of", "Israel") in triples(relations(nlp, text))


def test_relations_nationality_title_without_country_entity_gives_nothing(nlp: Any) -> None:
    text = "In his statement, Israeli Prime Minister Benjamin Netanyahu found the air strike justified."
    assert relations(nlp, text) == set()


def test_relations_title_of_country_after_name(nlp: Any) -> None:
    text = ("The previous day, television broadcaster PBS revealed that in December, Crown Prince Mohammad "
            "bin Salman of Saudi Arabia accepted responsibility for the murder of journalist Jamal Khashoggi.")
    rows = triples(relations(nlp, text))
    assert any(p == "leader_of" and o == "Saudi Arabia" and "Salman" in s for s, p, o in rows)


def test_relations_prime_minister_of_country_in_apposition(nlp: Any) -> None:
    text = "Adil Abdul-Mahdi, the acting Prime Minister of Iraq, spoke out against the attack."
    assert ("Adil Abdul-Mahdi", "leader_of", "Iraq") in triples(relations(nlp, text))


def test_relations_deputy_commander_is_member_and_backed_militia_is_ally(nlp: Any) -> None:
    text = ("Thursday, United States military forces killed Qasem Soleimani, head of Iran's Quds Force, in an "
            "airstrike. al-Muhandis was the deputy commander of the Popular Mobilization Forces (PMF), an "
            "Iranian-backed militia.")  # fmt: skip
    rows = triples(relations(nlp, text))
    assert ("Qasem Soleimani", "leader_of", "Quds Force") in rows
    assert ("al-Muhandis", "member_of", "Popular Mobilization Forces") in rows
    assert ("al-Muhandis", "leader_of", "Popular Mobilization Forces") not in rows
    assert ("Popular Mobilization Forces", "allied_with", "Iran") in rows
    assert not any(s == "al-Muhandis" and p == "allied_with" for s, p, _ in rows)


def test_relations_relative_clause_includes_gives_part_of(nlp: Any) -> None:
    text = ('The Iranian Revolutionary Guard Corps (IRGC), which includes the Quds Force, declared that '
            'Soleimani was "martyred" by the airstrike.')  # fmt: skip
    assert ("Quds Force", "part_of", "Iranian Revolutionary Guard Corps") in triples(relations(nlp, text))


def test_relations_passive_founded_and_commanded_by(nlp: Any) -> None:
    # the issue's own examples: passive agents and a relative clause with two verbs
    rows = triples(relations(nlp, "The FVB was founded by Oleh Marchuk."))
    assert rows == {("Oleh Marchuk", "founder_of", "FVB")}
    text = "The Carpathian Battalion, which is commanded by Ivan Savchuk and includes Ivan Lis, fought on."
    rows = triples(relations(nlp, text))
    assert ("Ivan Savchuk", "leader_of", "Carpathian Battalion") in rows
    assert ("Ivan Lis", "member_of", "Carpathian Battalion") in rows


def test_relations_agency_of_and_based_in(nlp: Any) -> None:
    rows = triples(relations(nlp, "UNESCO, a specialized agency of the United Nations, is based in Paris."))
    assert ("UNESCO", "located_in", "Paris") in rows
    assert ("UNESCO", "part_of", "United Nations") in rows


def test_relations_born_in_and_native_of_give_origin(nlp: Any) -> None:
    text = ("Robert Gabriel Mugabe was born in 1924 in Kutama, Zimbabwe, when the country was a British colony. "
            "Van Halen was a native of the Netherlands, eventually relocating to Pasadena, California.")
    rows = triples(relations(nlp, text))
    assert ("Robert Gabriel Mugabe", "origin", "Kutama") in rows
    assert ("Kutama", "located_in", "Zimbabwe") in rows
    assert ("Van Halen", "origin", "Netherlands") in rows
    assert ("Pasadena", "located_in", "California") in rows
    assert not any(p == "origin" and o == "United States" for _, p, o in rows)


def test_relations_city_comma_country_is_located_in(nlp: Any) -> None:
    text = "Khashoggi was murdered last October in the Saudi consulate in Istanbul, Turkey."
    assert ("Istanbul", "located_in", "Turkey") in triples(relations(nlp, text))


def test_relations_mayor_of_city_then_name(nlp: Any) -> None:
    text = 'The mayor of London, Sadiq Khan, thanked "the police, security and emergency services staff".'
    assert ("Sadiq Khan", "leader_of", "London") in triples(relations(nlp, text))


def test_relations_person_of_organisation_is_member(nlp: Any) -> None:
    text = "Bill Gerstenmaier of NASA spoke of the collaboration between his agency and SpaceX."
    assert ("Bill Gerstenmaier", "member_of", "NASA") in triples(relations(nlp, text))


def test_relations_inside_quote_attributed_to_speaker(nlp: Any) -> None:
    text = ('The Pentagon said: "The U.S. military has killed Qasem Soleimani, the head of the Quds Force, a '
            'designated terrorist organization."')  # fmt: skip
    doc = nlp(text)
    ents = entities_from_doc(doc)
    speaker = next(e for e in ents if e.name == "Pentagon")
    start = text.index("The U.S.")
    quote = Quote("q1", text[start:-2], start, len(text) - 2, "direct", speaker.id, "Pentagon", "said")
    rows = relations(nlp, text, (quote,))
    assert ("Qasem Soleimani", "leader_of", "Quds Force", "Pentagon", "reported") in rows


def test_relations_according_to_is_reported(nlp: Any) -> None:
    text = ("Saudi Arabia initially denied all claims. According to Reuters, Mohammad bin Salman is the de facto "
            "Saudi ruler.")  # fmt: skip
    assert ("Mohammad bin Salman", "leader_of", "Saudi Arabia", "Reuters", "reported") in relations(nlp, text)


def test_relations_modality_uncertain_denied_claimed(nlp: Any) -> None:
    rows = relations(nlp, "The Carpathian Battalion may have been founded by Ivan Lis.")
    assert {m for *_, m in rows} == {"uncertain"}
    rows = relations(nlp, "Ivan Lis denied being a member of the Carpathian Battalion.")
    assert rows == {("Ivan Lis", "member_of", "Carpathian Battalion", "Ivan Lis", "denied")}
    rows = relations(nlp, "The volunteers of the Carpathian Battalion claim to have fought against Russia.")
    assert {(p, m) for _, p, _, _, m in rows} == {("opposes", "claimed")}


def test_relations_deduplicated_first_evidence_kept(nlp: Any) -> None:
    text = ("Ahmed al-Assadi, a spokesman for the PMF, spoke first. Later Ahmed al-Assadi, a spokesman for "
            "the PMF, spoke again.")  # fmt: skip
    doc = nlp(text)
    found = find_relations(doc, entities_from_doc(doc), [])
    assert len(found) == 1 and found[0].evidence.start == 0 and found[0].id == "r1"


def _score_dev(nlp: Any, name: str) -> float:
    import sys

    sys.path.insert(0, str(DEV.parent))
    import score  # the shared scorer

    text = (DEV / f"{name}.txt").read_text(encoding="utf-8")
    gold = json.loads((DEV / f"{name}.gold.json").read_text(encoding="utf-8"))
    doc = nlp(text)
    ents = entities_from_doc(doc)
    extraction = {"document": {"text": text}, "entities": [asdict(e) for e in ents], "quotes": [],
                  "relations": [asdict(r) for r in find_relations(doc, ents, [])]}  # fmt: skip
    return float(score.score(extraction, gold)["relation_recall"])


@pytest.mark.parametrize("name", ["khashoggi-fiancee", "london-knife", "soleimani"])
def test_relations_dev_gold_recall(nlp: Any, name: str) -> None:
    # measured 0.85 / 0.80 / 0.91 with plain doc.ents entities; misses are NER splits, not patterns
    assert _score_dev(nlp, name) >= 0.75


def test_relations_organisation_possessive_person_is_member(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus (Saudi oil facilities, 2019-09-15)
    from claimgraph import extract

    ex = extract("The BBC's Jonathan Marcus said the drones could have come from Iraq.")
    names = {e.id: e.name for e in ex.entities}
    assert ("Jonathan Marcus", "member_of", "BBC") in {(names[r.subject], r.predicate, names[r.object]) for r in ex.relations}
