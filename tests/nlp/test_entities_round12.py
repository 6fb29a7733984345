"""Round 12 (issue #7 point 4): forms of one actor within a report, from the train split's errors
(`training/ner/entity_errors.py train`); each test fails on the code before the round but the date guard
of the new "was born" form, which fails without that guard."""

from __future__ import annotations

from typing import Any

from claimgraph.nlp.entities import dictionary_words, find_entities
from claimgraph.model import Entity


def _entities(nlp: Any, text: str) -> list[Entity]:
    return find_entities(nlp(text), dictionary_words(nlp))


def _holding(nlp: Any, text: str, *forms: str) -> bool:
    """Whether one entity of the text holds every form."""
    return any(set(forms) <= {e.name, *e.aliases} for e in _entities(nlp, text))


def test_a_states_long_form_with_more_words_before_its_noun(nlp: Any) -> None:
    # train (tests/data/gold/syria-withdrawal): a map's key, then the body
    text = ("US President Trump announces troop withdrawal from Syria\n\n"
            "\u2588\u2588 Syrian Arab Republic\n\n"
            "Late on Sunday, the United States President Donald Trump, in a statement delivered via the "
            "press secretary, announced US troops would be leaving Syria.")
    assert _holding(nlp, text, "Syria", "Syrian Arab Republic")


def test_mainland_and_the_country(nlp: Any) -> None:
    # train: "Taiwan's legislature first in Asia to legalize same-sex marriage"
    text = ("The Chinese government has pointed to cultural tradition as a reason for same-sex marriage being "
            "unsuitable in China. In mainland China, which claims sovereignty over Taiwan, homosexuality is "
            "technically not illegal.")
    assert _holding(nlp, text, "China", "mainland China")


def test_birth_name_after_was_born(nlp: Any) -> None:
    # train: "Actor Doris Day dies at 97"
    text = ("American actress and singer Doris Day died on Monday at her home in Carmel Valley, California. "
            "Day was born Doris Mary Ann Kappelhoff in Cincinnati, Ohio in the United States in 1922.")
    assert _holding(nlp, text, "Doris Day", "Day", "Doris Mary Ann Kappelhoff")


def test_also_called(nlp: Any) -> None:
    # train: "Scientists report correlation between Easter Island statues and fresh water"
    text = ("A United-States-based team of scientists released findings on Thursday about the large statues "
            "that dot the island of Rapa Nui, also called Easter Island.")
    assert _holding(nlp, text, "Rapa Nui", "Easter Island")


def test_known_to_fans_as_the(nlp: Any) -> None:
    # train: "Radio host Don Imus dies aged 79"
    text = ("United States radio personality, television host, and philanthropist Don Imus, known to fans as "
            "the I-Man, died on Friday at the Baylor Scott and White Medical Center in College Station, Texas.")
    assert _holding(nlp, text, "Don Imus", "I-Man")


def test_founded_as(nlp: Any) -> None:
    # train: "Wikinews interviews Don Blankenship, U.S. Constitution Party presidential nominee"
    text = ("The Constitution Party was founded in 1991 as the U.S. Taxpayers Party.  It changed to its "
            "current name in 1999.")
    assert _holding(nlp, text, "Constitution Party", "U.S. Taxpayers Party")


def test_a_birth_name_is_no_canonical_name(nlp: Any) -> None:
    # train: "Influential rock drummer Ginger Baker dies aged 80"
    text = ("Ginger Baker was born Peter Edward Baker in Lewisham, London, in 1939. Baker joined Cream in "
            "1966.")
    baker = [e for e in _entities(nlp, text) if "Peter Edward Baker" in {e.name, *e.aliases}]
    assert baker and baker[0].name == "Ginger Baker"


def test_born_before_a_date_is_no_name(nlp: Any) -> None:
    # corpus (Wikinews 2020, Kamala Harris): the guard of the "was born" form, a month after it is a date
    text = ("Harris was born October 20, 1964 in Oakland, California to an Indian-born mother, the late "
            "Shyamala Gopalan, and a Jamaican-born father, Donald J. Harris.")
    assert not any("October" in {e.name, *e.aliases} for e in _entities(nlp, text))


def test_interview_label_is_the_interviewers_initials(nlp: Any) -> None:
    # train: "Wikinews interviews Bill Hammons, Unity Party of America presidential nominee"
    text = ("Wikinews accredited reporter William S. Saturn reached out to Unity Party of America presidential "
            "nominee Bill Hammons of Colorado to discuss Hammons's 2020 campaign for President of the United "
            "States.\n\n"
            "((WSS)) : Which past U.S. president(s) do you most admire and why?\n\n"
            "((WSS)) : How have your past experiences prepared you for the job of President?")
    assert _holding(nlp, text, "William S. Saturn", "WSS")


def test_a_record_label_signed_to_is_a_body(nlp: Any) -> None:
    # train: "The wild story of how Mary Steenburgen ..." (the model called "Universal" a person)
    text = ("The next thing she knew, Steenburgen had been signed to Universal as a songwriter and was on a "
            "plane to Nashville. Universal\u2019s music division provided some demos, but none of them "
            "clicked.")
    universal = [e for e in _entities(nlp, text) if e.name == "Universal"]
    assert universal and universal[0].type == "ORG"


def test_a_surname_opening_a_sentence_the_tagger_misread(nlp: Any) -> None:
    # train: "10 things in tech you need to know today" ("Legere" tagged an adverb)
    text = ("T-Mobile CEO John Legere is stepping down in May 2020. Legere will hand over the reins to COO "
            "Mike Sievert.")
    assert _holding(nlp, text, "John Legere", "Legere")


def test_a_misspelt_place_joins_the_known_place(nlp: Any) -> None:
    # train: "Louisiana declares state of emergency as Tropical Storm Barry approaches U.S. coast"
    text = ("Governor John Bel Edwards addressed the public: \"No one should take this storm lightly. As we "
            "know all too well in Louisiana, low intensity does not necessarily mean low impact.\" He said he "
            "has requested U.S. President Donald Trump declare a state of emergency in Lousiana on the "
            "federal level.")
    assert _holding(nlp, text, "Louisiana", "Lousiana")
