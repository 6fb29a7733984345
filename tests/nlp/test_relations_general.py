"""Relation patterns of English news beyond the dev reports, each on real corpus sentences:
capitals and named places, "the city of X", hostility with "against", alliances both ways,
state bodies named after their state, gerunds after a preposition, "banned in", "linked to"."""

from __future__ import annotations

from typing import Any

from claimgraph.nlp.rel_fallback import entities_from_doc
from claimgraph.nlp.relations import find_relations


def triples(nlp: Any, text: str) -> set[tuple[str, str, str]]:
    doc = nlp(text)
    ents = entities_from_doc(doc)
    name = {e.id: e.name for e in ents}
    return {(name[r.subject], r.predicate, name[r.object]) for r in find_relations(doc, ents, [])}


def test_relations_general_capital_with_nationality(nlp: Any) -> None:
    text = ("Anti-government protests have been taking place since Tuesday in the Serbian capital Belgrade after "
            "the government announced new lockdown measures. Serbia reported 300 new cases.")  # fmt: skip
    assert ("Belgrade", "located_in", "Serbia") in triples(nlp, text)


def test_relations_general_capital_of_possessive_country(nlp: Any) -> None:
    text = ("Pohiva, who had been Tonga's prime minister since his election in 2014, was evacuated Wednesday "
            "afternoon from Tonga's capital, Nukuʻalofa, to a hospital in Auckland, New Zealand, with pneumonia.")
    assert ("Nukuʻalofa", "located_in", "Tonga") in triples(nlp, text)


def test_relations_general_mayor_of_the_city_of(nlp: Any) -> None:
    text = ("Carmen Yulín Cruz, the mayor of the capitol city of San Juan, said she would challenge "
            "Pierluisi's oath of office in court.")  # fmt: skip
    assert any(s.endswith("Cruz") and (p, o) == ("leader_of", "San Juan") for s, p, o in triples(nlp, text))


def test_relations_general_place_owned_by_country(nlp: Any) -> None:
    text = ("The study covered more than 8000 hours of shark observations in South Africa's False Bay spread "
            "out over the past 18 years.")  # fmt: skip
    assert ("False Bay", "located_in", "South Africa") in triples(nlp, text)


def test_relations_general_sanctions_against_is_opposition(nlp: Any) -> None:
    text = "The United States had also levied individual sanctions against al-Muhandis."
    rows = triples(nlp, text)
    assert ("United States", "opposes", "al-Muhandis") in rows
    assert ("al-Muhandis", "opposes", "United States") not in rows  # sanctions are no war


def test_relations_general_supported_by_is_one_alliance(nlp: Any) -> None:
    """An alliance is one fact whichever side is named first: given once, not once each way."""
    text = ("They had asked Hong Kong Chief Executive Carrie Lam, who is supported by the mainland Chinese "
            "government, to resign from her position, but this has been dropped.")  # fmt: skip
    alliances = {(s, o) for s, p, o in triples(nlp, text) if p == "allied_with"}
    assert alliances in ({("Carrie Lam", "Chinese government")}, {("Chinese government", "Carrie Lam")})


def test_relations_general_gerund_after_preposition_shares_subject(nlp: Any) -> None:
    text = "Before joining the Senate, Gillibrand served in the U.S. House of Representatives."
    assert ("Gillibrand", "member_of", "Senate") in triples(nlp, text)


def test_relations_general_gerund_after_as_keeps_its_own_subject(nlp: Any) -> None:
    text = ("The Centre for Aviation's database of air carriers lists Saha as belonging to the Air Force and "
            "states it runs flights with Boeing 707s.")  # fmt: skip
    assert not any(s == "Centre for Aviation" and p == "member_of" for s, p, _ in triples(nlp, text))


def test_relations_general_state_body_named_after_state(nlp: Any) -> None:
    text = ("Dedi Prasetyo, a spokesperson for the Indonesian National Police, confirmed that two suspects were "
            "arrested. The suspects were detained in Indonesia.")  # fmt: skip
    assert ("Indonesian National Police", "part_of", "Indonesia") in triples(nlp, text)


def test_relations_general_state_body_whose_head_is_a_state_body(nlp: Any) -> None:
    # train split: cairo-summit-denounces-turkish-libyan-maritime, coalition-authorities-report-no-casualties-from
    text = ("In a related press release issued the following day, the Turkish Ministry of Foreign Affairs "
            "denounced the conclusions of the summit. Turkey sent ships.\n\nCoalition forces are in Iraq at the "
            "invitation of the Government of Iraq to defeat ISIS remnants.")  # fmt: skip
    rows = triples(nlp, text)
    assert ("Turkish Ministry of Foreign Affairs", "part_of", "Turkey") in rows
    assert ("Government of Iraq", "part_of", "Iraq") in rows


def test_relations_general_title_of_place_before_the_name(nlp: Any) -> None:
    # train split: prime-minister-of-slovakia-igor-matovi, face-coverings-to-be-mandatory-on
    text = ("This comes a week after he attended a summit with President of France Emmanuel Macron, who has "
            "tested positive.\n\nScotland First Minister Nicola Sturgeon said a compulsory introduction of face "
            "coverings could come into force.")  # fmt: skip
    rows = triples(nlp, text)
    assert ("Emmanuel Macron", "leader_of", "France") in rows
    assert ("Nicola Sturgeon", "leader_of", "Scotland") in rows


def test_relations_general_movement_named_after_state_is_no_state_body(nlp: Any) -> None:
    text = ("In a statement, the Syrian Democratic Forces said an agreement had been reached with the Syrian "
            "government. Syria had lost the region in 2012.")  # fmt: skip
    assert not any(s == "Syrian Democratic Forces" and p == "part_of" for s, p, _ in triples(nlp, text))


def test_relations_general_linked_to_is_alliance(nlp: Any) -> None:
    text = ("The BBC also cited Budi Gunawan, chief of the Indonesian State Intelligence Agency, as saying the "
            "suspects were linked to the Jamaah Ansharut Daulah network, which itself was related to the "
            "Islamic State.")  # fmt: skip
    rows = triples(nlp, text)
    assert ("Budi Gunawan", "leader_of", "Indonesian State Intelligence Agency") in rows


def test_relations_general_plans_on_leaving_is_hypothetical(nlp: Any) -> None:
    text = ("In his victory speech, Johnson stressed his support for the Brexit movement, and reiterated that he "
            "plans on leaving the European Union even if no agreement has been reached.")  # fmt: skip
    assert not any(p == "left" for _, p, _ in triples(nlp, text))


def test_relations_general_playing_against_is_no_opposition(nlp: Any) -> None:
    text = ("Her brother Borna Derakhshani was banned for playing against Israeli Grand Master Alexander Huzman "
            "at the same tournament.")  # fmt: skip
    assert not any(p == "opposes" for _, p, _ in triples(nlp, text))


def test_relations_general_state_body_named_with_another_name_of_its_country(nlp: Any) -> None:
    # us-announces-restrictions-on-flying-to (train): "United States" in the body's name, "US" the entity
    text = ("US announces restrictions on flying to Cuba\n\nOn Friday, the United States Department of "
            "Transportation announced new restrictions on flights to Cuba.")
    assert ("United States Department of Transportation", "part_of", "US") in triples(nlp, text)


def test_relations_general_list_of_people_shares_its_of_phrase(nlp: Any) -> None:
    text = ("For the case report, Patrick Liu-Shiu-Cheong of Victoria Hospital and Chris RuiWen Kuo, "
            "Struan WA Wilkie, and Owen Dempsey of the Aberdeen Royal Infirmary in the UK told the tale of "
            "a 43-year-old man who saw his doctor in November 2016 after three months of feeling very "
            "tired and breathless.")
    rows = triples(nlp, text)
    members = {s for s, p, o in rows if (p, o) == ("member_of", "Aberdeen Royal Infirmary")}
    assert {"Chris RuiWen Kuo", "Struan WA Wilkie", "Owen Dempsey"} <= members
    assert "Patrick Liu-Shiu-Cheong" not in members  # he has a phrase of his own


def test_relations_general_pair_of_people_shares_its_country(nlp: Any) -> None:
    text = ("Herbert and Mahut rallied to defeat Ben McLachlan and Yasutaka Uchiyama of Japan 6-7 (4), "
            "6-4, 7-5 in the deciding doubles match in Group A, giving top-ranked France a 2-1 victory.")
    rows = triples(nlp, text)
    assert {("Ben McLachlan", "origin", "Japan"), ("Yasutaka Uchiyama", "origin", "Japan")} <= rows
