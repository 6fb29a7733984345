"""Entities in lists and score lines: names the model ran together or ran into a figure."""

from __future__ import annotations

from claimgraph.nlp.entities import find_entities


def _names(nlp, text: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {e.name: e.type for e in find_entities(nlp(text))}


def test_score_after_a_name_is_no_part_of_it(nlp) -> None:  # type: ignore[no-untyped-def]
    # train: "Nadal keeps Spain alive against Russia" (the model took "Gael Monfils 7-5")
    text = ("The teams were tied after Jo-Wilfried Tsonga cruised past Uchiyama 6-2, 6-1 and Yoshihito "
            "Nishioka defeated Gael Monfils 7-5, 6-2.")
    assert "Gael Monfils" in _names(nlp, text)


def test_two_people_joined_by_and_are_two_entities(nlp) -> None:  # type: ignore[no-untyped-def]
    # train: same report (the model took "Marcel Granollers and Feliciano Lopez" as one ORG)
    text = ("MADRID — Rafael Nadal kept Spain’s hopes alive, then Marcel Granollers and Feliciano Lopez "
            "completed the comeback in the decisive doubles match.")
    names = _names(nlp, text)
    assert names.get("Marcel Granollers") == "PERSON"
    assert names.get("Feliciano Lopez") == "PERSON"


def test_places_joined_before_a_plural_kind_are_two_places(nlp) -> None:  # type: ignore[no-untyped-def]
    # train: "PG&E begins new mass power shutoff" (the model took "Orange and Riverside" as one ORG)
    text = ("Voluntary evacuation warnings were issued for a few communities in an area of Orange and "
            "Riverside counties that was burned in a wildfire last year.")
    names = _names(nlp, text)
    assert {"Orange", "Riverside"} <= set(names)


def test_names_of_one_body_with_and_stay_whole(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Food and Agriculture Organization said the Centers for Disease Control and Prevention agreed."
    names = _names(nlp, text)
    assert "Food and Agriculture Organization" in names


def test_one_word_name_in_a_company_context_is_an_organisation(nlp) -> None:  # type: ignore[no-untyped-def]
    # train: "Google bets on the future with Stadia" (the model called Ubisoft a person and a place)
    text = ('"They help extend our reach," says Chris Early, senior vp partnerships and revenue at Ubisoft. '
            'Early still says Ubisoft are "believers" in game streaming.')
    names = _names(nlp, text)
    assert names.get("Ubisoft") == "ORG"
    assert names.get("Chris Early") == "PERSON"


def test_given_name_beside_people_in_a_list_is_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    # train: "How this man's bedding gave him..." (the model called "Struan WA Wilkie" an ORG)
    text = ("For the case report, Patrick Liu-Shiu-Cheong of Victoria Hospital and Chris RuiWen Kuo, "
            "Struan WA "
            "Wilkie, and Owen Dempsey of the Aberdeen Royal Infirmary in the UK told the tale.")
    names = _names(nlp, text)
    assert names.get("Struan WA Wilkie") == "PERSON"
    assert names.get("Victoria Hospital") != "PERSON"


def test_job_title_before_a_body_is_no_part_of_its_name(nlp) -> None:  # type: ignore[no-untyped-def]
    # train: "Economy in stress and markets on..." (the model took "Head of Research at ICICI Securities")
    names = _names(nlp, "Rusmik Oza, Head of Research at ICICI Securities, said the market fell.")
    assert "ICICI Securities" in names
    assert not any(name.startswith("Head of") for name in names)
