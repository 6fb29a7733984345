"""Round 12 (issue #7 point 4): forms of one actor within a report, from the train split's errors
(`training/ner/entity_errors.py train`); each test fails on the code before the round, but three guards of
the round's new forms (a date after "was born", brackets after a person, a body "of" a form of the report),
which fail without their guard."""

from __future__ import annotations

from typing import Any

from claimgraph.nlp.entities import dictionary_words, find_entities
from tests.nlp.entity_forms import entities_of as _entities
from tests.nlp.entity_forms import holding as _holding
from tests.nlp.entity_forms import holds


def test_a_states_long_form_with_more_words_before_its_noun(nlp: Any) -> None:
    # train (tests/data/gold/syria-withdrawal): a map's key, then the body
    text = ("US President Trump announces troop withdrawal from Syria\n\n\u2588\u2588 Syrian Arab "
            "Republic\n\nLate on Sunday, the United States President Donald Trump, in a statement "
            "delivered via the press secretary, announced US troops would be leaving Syria.")
    assert _holding(nlp, text, "Syria", "Syrian Arab Republic")


def test_mainland_and_the_country(nlp: Any) -> None:
    # train: "Taiwan's legislature first in Asia to legalize same-sex marriage"
    text = ("The Chinese government has pointed to cultural tradition as a reason for same-sex marriage "
            "being unsuitable in China. In mainland China, which claims sovereignty over Taiwan, "
            "homosexuality is technically not illegal.")
    assert _holding(nlp, text, "China", "mainland China")


def test_birth_name_after_was_born(nlp: Any) -> None:
    # train: "Actor Doris Day dies at 97"
    text = ("American actress and singer Doris Day died on Monday at her home in Carmel Valley, "
            "California. Day was born Doris Mary Ann Kappelhoff in Cincinnati, Ohio in the United States "
            "in 1922.")
    assert _holding(nlp, text, "Doris Day", "Day", "Doris Mary Ann Kappelhoff")


def test_also_called(nlp: Any) -> None:
    # train: "Scientists report correlation between Easter Island statues and fresh water"
    text = ("A United-States-based team of scientists released findings on Thursday about the large "
            "statues that dot the island of Rapa Nui, also called Easter Island.")
    assert _holding(nlp, text, "Rapa Nui", "Easter Island")


def test_known_to_fans_as_the(nlp: Any) -> None:
    # train: "Radio host Don Imus dies aged 79"
    text = ("United States radio personality, television host, and philanthropist Don Imus, known to fans "
            "as the I-Man, died on Friday at the Baylor Scott and White Medical Center in College Station, "
            "Texas.")
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
    text = ("Wikinews accredited reporter William S. Saturn reached out to Unity Party of America "
            "presidential nominee Bill Hammons of Colorado to discuss Hammons's 2020 campaign for "
            "President of the United States.\n\n((WSS)) : Which past U.S. president(s) do you most admire "
            "and why?\n\n((WSS)) : How have your past experiences prepared you for the job of President?")
    assert _holding(nlp, text, "William S. Saturn", "WSS")


def test_a_record_label_signed_to_is_a_body(nlp: Any) -> None:
    # train: "The wild story of how Mary Steenburgen ..." (the model called "Universal" a person)
    text = ("The next thing she knew, Steenburgen had been signed to Universal as a songwriter and was on "
            "a plane to Nashville. Universal\u2019s music division provided some demos, but none of them "
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
    text = ("Governor John Bel Edwards addressed the public: \"No one should take this storm lightly. As "
            "we know all too well in Louisiana, low intensity does not necessarily mean low impact.\" He "
            "said he has requested U.S. President Donald Trump declare a state of emergency in Lousiana on "
            "the federal level.")
    assert _holding(nlp, text, "Louisiana", "Lousiana")


def test_an_acronym_of_the_place_after_of_is_the_places(nlp: Any) -> None:
    # train: "New South Wales decriminalizes abortion" (NSW was the parliament's acronym)
    text = ("New South Wales decriminalizes abortion\n\nYesterday, the Parliament of New South Wales "
            "(NSW), Australia voted to pass the \"Reproductive Health Care Reform Bill 2019\" which "
            "decriminalized abortion. Until the new legislation, NSW had the most restrictive "
            "anti-abortion law in Australia.")
    ents = _entities(nlp, text)
    assert holds(ents, "New South Wales", "NSW")
    assert not holds(ents, "NSW", "Parliament of New South Wales")


def test_the_outlet_ending_a_headline(nlp: Any) -> None:
    # train: "Nadal keeps Spain alive against Russia in Davis Cup Finals - Sportsnet.ca"
    title = "Nadal keeps Spain alive against Russia in Davis Cup Finals - Sportsnet.ca"
    text = title + ("\n\nMADRID \u2014 Rafael Nadal kept Spain\u2019s hopes alive, then Marcel Granollers "
                    "and Feliciano Lopez completed the comeback in the decisive doubles match.")
    ents = find_entities(nlp(text), dictionary_words(nlp), len(title))
    assert any(e.name == "Sportsnet.ca" and e.type == "ORG" for e in ents)


def test_a_bodys_other_name_in_brackets(nlp: Any) -> None:
    # train: "$200 in New Delhi, India drink cow urine ..." and "European Court of Justice says Facebook ..."
    text = ("The party was organised by Akhil Bharat Hindu Mahasabha (All India Hindu Union) president "
            "Swami Chakrapani where the attendees consumed cow urine.")
    assert _holding(nlp, text, "Akhil Bharat Hindu Mahasabha", "All India Hindu Union")
    text = ("As a result, the Supreme Court of Justice (Oberster Gerichtshof ) of Austria brought the case "
            "before the ECJ, asking for clarifications of EU law.")
    assert _holding(nlp, text, "Supreme Court of Justice", "Oberster Gerichtshof")


def test_a_persons_role_in_brackets_is_no_other_name(nlp: Any) -> None:
    # train: "The impeachment clock" (National Review); the guard of the bracket rule, which joins bodies only
    text = ("In the final scene from Braveheart, the once-hated Scottish hero William Wallace (Mel Gibson) "
            "is stretched, drawn and quartered, and variously tortured before an English crowd.")
    ents = _entities(nlp, text)
    assert not holds(ents, "William Wallace", "Mel Gibson")


def test_a_bodys_name_after_its_country_is_a_form_of_it(nlp: Any) -> None:
    # train: "Second US Biden-Trump debate cancelled amid safety controversy" and "US House of
    # Representatives impeaches President Trump"
    text = ("The United States Commission on Presidential Debates announced on Friday the second "
            "presidential debate between US President Donald Trump and former US Vice President Joe Biden "
            "has been cancelled.")
    assert _holding(nlp, text, "United States Commission on Presidential Debates",
                    "Commission on Presidential Debates")
    text = ("US House of Representatives impeaches President Trump\n\nOn Wednesday, the United States "
            "House of Representatives impeached President Donald Trump.")
    assert _holding(nlp, text, "United States House of Representatives", "House of Representatives")
    # a one-word body stays inside: "Senate" of "U.S. Senate" is no form of its own (see _short_forms)
    assert not _holding(nlp, "The bill went to the U.S. Senate on Monday.", "U.S. Senate", "Senate")


def test_no_inner_body_of_a_form_the_report_writes(nlp: Any) -> None:
    # train (tests/data/fresh/sacoolas-immunity): the guard of the rule above; "Department of State" would
    # be nested in the "State" the report writes ("The State Department") and give a false part_of
    text = ("The embassy declined the request and said the Socoolas family left per advice from the United "
            "States Department of State. Foreign Secretary Dominic Raab urged the embassy to reconsider "
            "and spoke with US Secretary of State Mike Pompeo about the case. The State Department gave "
            "its \"deepest sympathies\".")
    assert not any("Department of State" in e.aliases for e in _entities(nlp, text))

