"""Round 11: forms of one actor the report writes apart (train sentences of other outlets)."""

from __future__ import annotations

from typing import Any

from claimgraph.nlp.entities import dictionary_words, find_entities
from tests.nlp.entity_forms import holding as _holding
from tests.nlp.entity_forms import holds


def test_company_names_before_a_legal_form_are_the_company(nlp: Any) -> None:
    # train: "NASA's commercial moon shot" (the model called "Ceres Robotics" a person, "Tyvak" a place)
    text = ("NASA also chose to receive bids from two relatively smaller organisations, Ceres Robotics and "
            "Tyvak Nano-Satellite Systems Inc, for indefinite delivery services. "
            "\u201cThere are the big established players, as for example around the table SpaceX and Blue "
            "Origin, Sierra Nevada and Tyvak, but there are also small players,\u201d said Michael Sims, CEO "
            "and Founder of Ceres Robotics Inc.")
    assert _holding(nlp, text, "Tyvak Nano-Satellite Systems Inc", "Tyvak")
    assert _holding(nlp, text, "Ceres Robotics Inc.", "Ceres Robotics")


def test_acronym_in_brackets_after_a_possessive_ending(nlp: Any) -> None:
    # train: "Home Depot stock is falling after ..."
    text = ("Still, the stock has slid, and peer Lowe\u2019s (LOW) stock is off too, down 1.8%. "
            "Lowe\u2019s reports earnings Wednesday.")
    assert _holding(nlp, text, "Lowe", "LOW")


def test_first_surname_alone_is_the_full_name(nlp: Any) -> None:
    # train: "Puerto Rico governor announces resignation ..."
    text = ("Rossell\u00f3 is set to be replaced by Wanda V\u00e1zquez Garced, the Secretary of Justice for "
            "Puerto Rico. In a statement, V\u00e1zquez said, \"I understand he made the right decision.\"")
    assert _holding(nlp, text, "Wanda V\u00e1zquez Garced", "V\u00e1zquez")


def test_given_name_and_first_surname_are_the_full_name(nlp: Any) -> None:
    # train: "South Sudanese politician John Luk Jok dies aged about 68"
    text = ("John Luk Jok, the South Sudanese minister for East African Affairs, died yesterday in Juba. "
            "Michael Makuei, the Information Minister paid tribute to Luk. He said \"John Luk had "
            "contributed a lot.\"")
    assert _holding(nlp, text, "John Luk Jok", "John Luk", "Luk")


def test_surname_alone_as_a_person_makes_the_full_name_a_persons(nlp: Any) -> None:
    # train: "Scooter Braun allegedly 'frustrated' ..." (the model called "Scooter Braun" an
    # organisation; "Scooter" is no known given name and "Braun" a dictionary word)
    text = ("Scooter Braun is allegedly unhappy with the way his business partner Scott Borchetta has "
            "handled their ongoing public schism with Taylor Swift, according to a new report by E! News. "
            "\"Scooter is frustrated because his name is being dragged in the mud,\" an insider told the "
            "outlet on Monday. Braun, 38, has been trying to get a hold of Swift, 29, however the songstress "
            "allegedly hasn\u2019t been returning Braun\u2019s calls. On Thursday, Swift took to social "
            "media "
            "and accused Braun, Borchetta and Big Machine of also disallowing the production of a Netflix "
            "documentary. A rep for Braun did not immediately respond to Fox News\u2019 request for comment.")
    assert _holding(nlp, text, "Scooter Braun", "Braun")


def test_surname_read_as_a_word_is_the_persons_mention_and_speaker() -> None:
    # train: "Google bets on the future with Stadia" ("but Early still says", "Early says there is a
    # possibility ...": the tagger reads "Early" as an adverb)
    ex = _report("google-bets-on-the-future-with")
    early = next(e for e in ex.entities if e.name == "Chris Early")
    assert "Early" in early.aliases
    said = [q for q in ex.quotes if "there is a possibility that future Ubisoft games" in q.text]
    assert said and said[0].speaker == early.id


def test_short_name_of_the_first_letters_of_a_long_ones_words(nlp: Any) -> None:
    # train: "Aftershocks increase death toll of magnitude 6.3 earthquake ..."
    text = ("The Philippine Institute of Volcanology and Seismology (Phivolcs) reported the first quake "
            "occurred at 7:37 p.m. local time on Wednesday. Phivolcs recorded 611 aftershocks as of "
            "Saturday.")
    assert _holding(nlp, text, "Philippine Institute of Volcanology and Seismology", "Phivolcs")


def _report(name: str) -> Any:
    """The extraction of a train report."""
    from claimgraph.extract import extract
    from claimgraph.ingest import read_documents
    from tests.conftest import DATA

    (document,) = list(read_documents([str(DATA / "reports" / "train" / f"{name}.txt")]))
    return extract(document)  # type: ignore[arg-type]


def test_description_before_a_body_is_no_part_of_its_name() -> None:
    # train: "Beauty company Coty is breaking out" (the model took the description in with the name)
    names = {e.name for e in _report("one-of-the-top-performing-beauty-stocks").entities}
    assert "Coty" in names
    assert not any(n.startswith("Beauty") for n in names)


def test_plural_name_after_the_is_a_team() -> None:
    # train: "... his opponent in a fight early last season while he was with the Rockets." (untagged)
    names = {e.name: e.type for e in _report("lebron-sets-triple-double-mark-lakers-hold").entities}
    assert names.get("Rockets") == "ORG"


def test_untagged_name_ending_in_a_bodys_head_word_is_a_body(nlp: Any) -> None:
    # train: "Economy in stress and markets on ..." and "The weird plumes of Jupiter's moon ..."
    text = ("\"The market will go higher,\" said Rusmik Oza, Head of Fundamental Research at Kotak "
            "Securities. "
            "Paganini and his colleagues used the W.M. Keck Observatory in Hawaii to study Europa.")
    names = {e.name: e.type for e in find_entities(nlp(text), dictionary_words(nlp))}
    assert names.get("Kotak Securities") == "ORG"
    assert names.get("W.M. Keck Observatory") == "ORG"


def test_service_named_with_a_plus_is_no_company() -> None:
    # train: "'We had some issues,' exec says on Disney+ glitches" (gold keeps Disney+ apart from the
    # Walt Disney Company and ESPN+ apart from ESPN)
    forms = [{e.name, *e.aliases} for e in _report("we-had-some-issues-exec-says").entities]
    assert not any({"Disney+", "Walt Disney Co."} <= f for f in forms)
    assert any("ESPN+" in f for f in forms)
    assert not any({"ESPN+", "ESPN"} <= f for f in forms)


def test_acronym_and_the_words_the_model_took_for_a_person_are_one_name(nlp: Any) -> None:
    # train: "A man develops feather duvet lung ..." (the model gave "BMJ" and a person "Case Reports")
    text = "The findings were published today (Nov. 18) in the journal BMJ Case Reports."
    names = {e.name: e.type for e in find_entities(nlp(text), dictionary_words(nlp))}
    assert names.get("BMJ Case Reports") == "ORG"


def test_place_and_a_lower_case_body_or_facility_after_it_are_one_name(nlp: Any) -> None:
    # train: "Video shows dramatic rescue of 8-year-old ..." and "With shattered dreams, deportees ..."
    text = ("Later that evening, he admitted that he took the child to Forest Hill's WoodSpring Suites "
            "hotel. It was around midnight when a tip led Forest Hill police officers to Webb's room. "
            "The special aircraft carrying the deportees landed at the T3 terminal of the Delhi airport at "
            "6am, an airport official said.")
    names = {e.name for e in find_entities(nlp(text), dictionary_words(nlp))}
    assert {"Forest Hill police", "Forest Hill", "Delhi airport"} <= names


def test_a_facilitys_own_name_before_its_kind_stays_the_name(nlp: Any) -> None:
    # train: "Nevada prop plane crash ..." ("Gillespie Field airport": the name is the airport's)
    text = ("Officials said the single-engine propeller plane, a Beechcraft Sierra, was flying to Gillespie "
            "Field airport, located near San Diego in El Cajon, California.")
    names = {e.name for e in find_entities(nlp(text), dictionary_words(nlp))}
    assert "Gillespie Field airport" not in names


def test_company_by_its_name_without_several_kind_words(nlp: Any) -> None:
    # train: "New York State attorney general investigating WeWork" ("SoftBank Group Corp" / "SoftBank")
    text = ("WeWork agreed to a rescue by its largest shareholder, Japanese technology investment company "
            "SoftBank Group Corp, last month as it faced a cash crunch. SoftBank agreed to inject $6.5 "
            "billion. \u201cWe are going to eliminate certain functions,\u201d added Claure, who is also an "
            "executive at SoftBank.")
    assert _holding(nlp, text, "SoftBank Group Corp", "SoftBank")


def test_company_name_the_model_read_as_a_persons_is_the_company() -> None:
    # train: "Column: The Gannett-GateHouse merger ..." ("New Media", a person's to the model, of "New
    # Media Investment Group"; "Alden", a place's, of "Alden Capital")
    ents = _report("column-the-gannett-gatehouse-merger-sends").entities
    media = next(e for e in ents if e.name == "New Media Investment Group")
    assert "New Media" in media.aliases and media.type == "ORG"
    assert holds(ents, "Alden Capital", "Alden")


def test_given_name_before_a_surname_that_is_a_word_is_a_persons() -> None:
    # train: "The wild story of how Mary Steenburgen ..." ("Caitlyn Smith and Kate York", the model's
    # place; "York said"; "York" is a dictionary word)
    ents = _report("the-wild-story-of-how-mary").entities
    york = next(e for e in ents if e.name == "Kate York")
    assert york.type == "PERSON" and {"York", "Kate"} <= set(york.aliases)



def _aliases(nlp: Any, text: str) -> dict[str, list[str]]:
    return {e.name: e.aliases for e in find_entities(nlp(text), dictionary_words(nlp))}


def test_a_person_and_a_show_named_after_her_stay_apart(nlp: Any) -> None:
    # train (a Wikinews report): the model reads the show as a person's name, but "Show" is a word, no
    # second surname
    text = ("Actor Doris Day dies at 97. Day made her last movie in 1968 and, with debts left behind after "
            "the death of her third husband, hosted The Doris Day Show on television until 1973.")
    names = _aliases(nlp, text)
    assert "Doris Day" in names and "Doris Day" not in names.get("Doris Day Show", [])


def test_a_continent_is_no_clipped_name(nlp: Any) -> None:
    # train: "Africa" beside the African Continental Free Trade Area (AfCFTA) is the place, not the
    # area's clipped short name ("afri-c-a")
    text = ("Benin and Nigeria joined the African Continental Free Trade Area (AfCFTA) on Sunday. The use of "
            "third-party currencies \"costs Africa between $5 and $7 billion,\" he said.")
    names = _aliases(nlp, text)
    assert "Africa" not in names["African Continental Free Trade Area"]
