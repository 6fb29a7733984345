"""Quote speakers, round 16 (issue #7: attribution on other outlets' reports), on train sentences and
reports; each test fails on the code before the change."""

from __future__ import annotations

from typing import Any

from tests.nlp.entity_forms import entities_of
from tests.nlp.test_quotes_round14 import _train_speakers


def _speakers(nlp: Any, text: str) -> list[str | None]:
    doc = nlp(text)
    names = {e.id: e.name for e in doc._.claimgraph_entities}
    return [names.get(q.speaker or "") for q in doc._.claimgraph_quotes]


def test_a_body_and_a_role_before_a_name_are_no_part_of_the_person(nlp: Any) -> None:
    # train fed-lifts-rates-sees-faster-pace: "Fed Chair Janet Yellen said" was one organisation, so
    # "Yellen said" and "she said" found no speaker
    ents = entities_of(nlp, "In a news conference following the decision, Fed Chair Janet Yellen said the "
                            "economy was strong. \u201cWe are ready,\u201d Yellen said.")
    assert any(e.name == "Janet Yellen" and e.type == "PERSON" for e in ents)
    assert any(e.name == "Fed" and e.type == "ORG" for e in ents)
    assert _train_speakers(nlp, "fed-lifts-rates-sees-faster-pace",
                           "I am not going to offer the incoming president advice") == ["Janet Yellen"]


def test_a_role_description_with_a_body_inside_is_the_person(nlp: Any) -> None:
    # train the-few-the-proud-the-new: "... aboard the destroyer USS Higgins, the Pentagon chief said the
    # Corps had "gotten too big"": the chief the report is about, not the ship named before
    assert _train_speakers(nlp, "the-few-the-proud-the-new", "gotten too big") == ["Robert Gates"]
    text = ("Mark Zuckerberg started the site from his dormitory. Asked what was next, the Facebook founder "
            "said, \u201cThere doesn\u2019t necessarily have to be more.\u201d")
    assert _speakers(nlp, text) == ["Mark Zuckerberg"]


def test_a_hyphened_title_and_a_rank_describe_one_person(nlp: Any) -> None:
    # train investor-icahn-to-advise-trump-on: "President-elect Donald Trump's transition team announced
    # ... "Carl was with me from the beginning ...," the president-elect said"
    assert _train_speakers(nlp, "investor-icahn-to-advise-trump-on",
                           "Carl was with me from the beginning") == ["Donald Trump"]
    # train michelle-obama-suggests-america-has-lost: "Michelle Obama sees despair in America. The first
    # lady suggested that ..."
    assert _speakers(nlp, "Michelle Obama sees despair in America.\n\nThe first lady suggested that the "
                          "election has drained the country of hope.") == ["Michelle Obama"]


def test_a_given_name_of_either_gender_starts_a_person_s_name(nlp: Any) -> None:
    # train schools-safe-amidst-surge: "Kay", a given name of men and women (so not in the gender
    # list), did not end the title before it: "Minister of Education Kay McConney" gave "Education Kay
    # McConney"; data/given_names.txt holds the common names of either gender
    ents = entities_of(nlp, "This was all revealed yesterday in a televised press conference by Minister of "
                            "Education Kay McConney and Acting Chief Medical Officer Dr Anton Best.")
    assert any(e.name == "Kay McConney" for e in ents)
    assert not any("Education Kay" in e.name for e in ents)
