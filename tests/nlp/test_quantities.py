"""Numbers claimed about entities, on real sentences of the corpus (issue 3)."""

from __future__ import annotations

from typing import Any

import pytest

from claimgraph.model import Quote
from claimgraph.nlp.quantities import find_quantities
from claimgraph.nlp.rel_fallback import entities_from_doc

Row = tuple[str, str, float, str, str | None, str]


def quantities(nlp: Any, text: str, quotes: tuple[Quote, ...] = ()) -> set[Row]:
    """(subject, property, value, qualifier, source, modality) by entity names."""
    doc = nlp(text)
    ents = entities_from_doc(doc)
    name = {e.id: e.name for e in ents}
    found = find_quantities(doc, ents, list(quotes))
    for q in found:
        assert doc.text[q.evidence.start : q.evidence.end] == q.evidence.text
    return {(name[q.subject], q.property, q.value, q.qualifier, name.get(q.attributed_to or ""), q.modality)
            for q in found}  # fmt: skip


def test_quantities_target_attributed_to_speaker(nlp: Any) -> None:
    # the issue's own example
    rows = quantities(nlp, "The Carpathian Battalion hopes to reach 500 fighters by spring, Oleh Marchuk said.")
    assert rows == {("Carpathian Battalion", "fighters", 500, "target", "Oleh Marchuk", "reported")}


@pytest.mark.parametrize(
    "text",
    [
        "The Carpathian Battalion's goal of 500 fighters has not yet been reached, Oleh Marchuk said.",
        "The Carpathian Battalion has not yet reached 500 fighters, Oleh Marchuk said.",
    ],
)
def test_quantities_unreached_target_is_a_target_not_a_negated_count(nlp: Any, text: str) -> None:
    # issue 7: an interview "states a membership target that has not yet been reached"
    assert quantities(nlp, text) == {("Carpathian Battalion", "fighters", 500, "target", "Oleh Marchuk", "reported")}


def test_quantities_vague_plural_is_a_range_with_its_words(nlp: Any) -> None:
    # corpus sentence, without its parenthesised expansion of ISIS that the small parser misreads
    text = "The SDF said hundreds of ISIS fighters escaped following Turkish airstrikes from a camp at Ain Issa."
    rows = quantities(nlp, text)
    assert ("ISIS", "fighters", 200, "range", "SDF", "reported") in rows
    doc = nlp(text)
    (q,) = find_quantities(doc, entities_from_doc(doc), [])
    assert (q.high, q.text) == (999, "hundreds")  # never an invented exact value


def test_quantities_age_is_no_death_toll(nlp: Any) -> None:
    # a corpus headline (its report is in no gold set)
    text = "Longtime leader of Zimbabwe Robert Mugabe dies aged 95"
    assert not {r for r in quantities(nlp, text) if r[1] == "deaths"}


def test_quantities_hyphenated_membership_count(nlp: Any) -> None:
    # corpus sentences (tests/data/reports/train/benin-nigeria-join-african-union-continental.txt)
    text = ("Leaders of African Union (AU) member states met in Niamey, Niger's capital, for an AU summit. "
            "With Sunday's signings, all but one of the member states of the 55-member AU have signed on to "
            "the agreement, with Eritrea the only state unsigned.")
    doc = nlp(text)  # the whole pipeline
    forms = {e.id: {e.name, *e.aliases} for e in doc._.claimgraph_entities}
    rows = [(q.property, q.value, q.qualifier) for q in doc._.claimgraph_quantities if "AU" in forms[q.subject]]
    assert rows == [("members", 55, "exact")]


def test_quantities_estimate_spelled_out_according_to(nlp: Any) -> None:
    text = ("According to CNN, Turkey has an estimated two million Syrian refugees, down from a peak of over "
            "three-and-a-half million at the height of the Syrian Civil War.")  # fmt: skip
    rows = quantities(nlp, text)
    assert ("Turkey", "displaced", 2_000_000, "estimate", "CNN", "reported") in rows


def test_quantities_at_least_dead_in_place(nlp: Any) -> None:
    rows = quantities(nlp, "At least 20 people were killed in Baghdad on Monday.")
    assert rows == {("Baghdad", "deaths", 20, "at_least", None, "asserted")}


def test_quantities_money_with_unit(nlp: Any) -> None:
    doc = nlp("NASA's contract with Boeing is currently valued at US$4.2 billion.")
    ents = entities_from_doc(doc)
    found = find_quantities(doc, ents, [])
    assert [(q.property, q.value, q.unit) for q in found] == [("amount", 4.2e9, "USD")]


def test_quantities_range_has_high(nlp: Any) -> None:
    doc = nlp("Between 20 and 30 members of the Carpathian Battalion left the front.")
    found = find_quantities(doc, entities_from_doc(doc), [])
    assert [(q.property, q.value, q.high, q.qualifier) for q in found] == [("members", 20, 30, "range")]


def test_quantities_inside_quote_is_the_speakers(nlp: Any) -> None:
    text = 'Marchuk said: "The Carpathian Battalion has about 300 members."'
    doc = nlp(text)
    ents = entities_from_doc(doc)
    marchuk = next(e for e in ents if e.name == "Marchuk")
    start = text.index("The Carpathian")
    quote = Quote("q1", text[start:-1], start, len(text) - 1, "direct", marchuk.id, "Marchuk", "said")
    rows = quantities(nlp, text, (quote,))
    assert rows == {("Carpathian Battalion", "members", 300, "approximately", "Marchuk", "reported")}


@pytest.mark.parametrize(
    "text",
    [
        "Stevens was born in 1920 in Chicago, Illinois and studied law at Northwestern University.",
        "The attacker, identified as Sudesh Amman, 20, was placed under police surveillance.",
        "Russia suffers one of the highest death tolls from road accidents in the world, reportedly 18.9 deaths "
        "per 100,000 people.",
        "Hungary spent 1.15% of its GDP on military expenditures in 2018.",
        "The Carpathian Battalion does not have 500 fighters.",
    ],
)
def test_quantities_no_count(nlp: Any, text: str) -> None:
    # years, ages, rates, percentages and negated counts are no numeric claims
    doc = nlp(text)
    assert find_quantities(doc, entities_from_doc(doc), []) == []


def test_quantities_toll_verb_wins_over_noun_and_hedge_is_uncertain(nlp: Any) -> None:
    # corpus sentences: the verb says what is counted; "reportedly" hedges the count
    rows = quantities(nlp, "As of yesterday, the virus had reportedly killed at least 813 in China and infected "
                           "around 35,000 worldwide.")  # fmt: skip
    assert ("China", "deaths", 813, "at_least", None, "uncertain") in rows
    rows = quantities(nlp, "The Carpathian Battalion has lost 40 fighters since spring, Oleh Marchuk said.")
    assert rows == {("Carpathian Battalion", "casualties", 40, "exact", "Oleh Marchuk", "reported")}


def test_quantities_part_of_a_whole_belongs_to_the_winner(nlp: Any) -> None:
    # the shape of a training report's sentence (donald-trump-wins-2020-us-republican): "he secured
    # 39 of the state's 40 delegates": the 39 are Trump's, not the state's
    doc = nlp("Donald Trump won the Iowa caucuses on Monday. He secured 39 of the state's 40 delegates.")
    names = {e.id: e.name for e in doc._.claimgraph_entities}
    rows = {(names[q.subject], q.property, q.value) for q in doc._.claimgraph_quantities}
    assert ("Donald Trump", "delegates", 39) in rows
    assert ("Iowa", "delegates", 39) not in rows


def test_quantities_a_figure_the_report_corrects_is_only_claimed(nlp: Any) -> None:
    from claimgraph.extract import extract

    text = ("Toll disputed\n\nThe Syrian Observatory said 500 fighters of the Kurdish militia died in Afrin. "
            "In fact, about 200 fighters died in Afrin, according to the Pentagon. A local official falsely "
            "claimed 900 people were killed in Afrin.")
    ex = extract(text, nlp=nlp)
    modality = {q.value: q.modality for q in ex.quantities}
    assert modality[500] == "claimed" and modality[900] == "claimed" and modality[200] == "reported"


def test_quantities_votes_passed_with_are_exact_and_the_voters(nlp: Any) -> None:
    # train: sars-cov-2-surpasses-one-million. The votes are the body that voted (the clause's
    # subject is "the vote"), and "passed with 215 votes" is no floor ("exceeded 100" is)
    text = ("The parliament of Portugal voted to extend the national state of emergency by 15 days; "
            "the vote passed with 215 votes in favor, ten abstentions, and one vote against.")
    rows = quantities(nlp, text)
    assert {(s, v, q) for s, p, v, q, _, _ in rows if p == "votes"} == {
        ("parliament of Portugal", 215, "exact"), ("parliament of Portugal", 10, "exact"),
        ("parliament of Portugal", 1, "exact")}


@pytest.mark.parametrize(
    ("text", "row"),
    [
        # issue 7's forms "N of X's fighters", "X, a force of N" and "X is a force of N"; no train or
        # corpus report (test and dev left unread) words a count so, hence sentences made for it
        ("Two of Hamas's fighters were killed in the strike.",
         ("Hamas", "deaths", 2, "exact", None, "asserted")),
        ("The Wagner Group, a mercenary force of 5,000 fighters, denied the report.",
         ("Wagner Group", "fighters", 5000, "exact", None, "asserted")),
        ("The Wagner Group is a mercenary force of 5,000 fighters.",
         ("Wagner Group", "fighters", 5000, "exact", None, "asserted")),
    ],
)
def test_quantities_a_groups_own_people_and_what_it_is_said_to_be(nlp: Any, text: str, row: Row) -> None:
    assert quantities(nlp, text) == {row}


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        # train london-bridge-tusk and donald-trump-wins-2020-us-republican: a part of an attacker's
        # victims or of a state's delegates is neither the attacker's nor the state's
        ("By reports on Saturday, two of Khan's victims died, and three others were seriously injured.",
         "Khan"),
        ("On Saturday, incumbent United States President Donald Trump secured all 25 of Nevada's delegates "
         "to the Republican Party's National Convention.", "Nevada"),
    ],
)
def test_quantities_a_part_of_anothers_pool_is_not_the_possessors(nlp: Any, text: str, owner: str) -> None:
    assert not any(r[0] == owner for r in quantities(nlp, text))


@pytest.mark.parametrize(
    "said",
    ['"We have 300 fighters now," Marchuk said.', '"Our battalion has 300 fighters now," Marchuk said.'],
)
def test_quantities_a_speakers_we_is_the_body_he_leads(nlp: Any, said: str) -> None:
    # issue 7: an interview with a commander gave no quantity; "we" and "our battalion" are not the
    # commander himself but the body the relation step says he leads (a sentence made for the
    # test: no train report words a count so)
    from claimgraph.extract import extract
    from claimgraph.model import Document

    text = f"Title\n\nOleh Marchuk is the commander of the Carpathian Battalion.\n\n{said}\n"
    ex = extract(Document(text, title="Title"), nlp=nlp)
    names = {e.id: e.name for e in ex.entities}
    assert {(names[q.subject], q.property, q.value) for q in ex.quantities} == {
        ("Carpathian Battalion", "fighters", 300)}


def test_quantities_seats_won_by_a_leader_are_the_partys(nlp: Any) -> None:
    # train gold gives all 13 counts of seats to a party; a sentence made for the test (no train
    # report gives seats to a person)
    from claimgraph.extract import extract
    from claimgraph.model import Document

    text = "Title\n\nBenjamin Netanyahu, leader of Likud, won 36 seats.\n"
    ex = extract(Document(text, title="Title"), nlp=nlp)
    names = {e.id: e.name for e in ex.entities}
    assert {(names[q.subject], q.property, q.value) for q in ex.quantities} == {("Likud", "seats", 36)}


def test_quantities_our_company_in_a_statement_is_the_speakers(nlp: Any) -> None:
    # train scooter-braun-allegedly-frustrated-with-'s sentence, its cue ("the statement continued",
    # whose speaker the quote step does not find) naming the company whose statement it is
    from claimgraph.extract import extract
    from claimgraph.model import Document

    text = ('Title\n\n"The truth is, Taylor has admitted to contractually owing millions of dollars and '
            'multiple assets to our company, which is responsible for 120 hardworking employees who helped '
            'build her career," Big Machine Records said.\n')
    ex = extract(Document(text, title="Title"), nlp=nlp)
    names = {e.id: e.name for e in ex.entities}
    rows = {(names[q.subject], q.property, q.value) for q in ex.quantities}
    assert ("Big Machine Records", "employees", 120) in rows


def test_quantities_a_number_inside_a_name_is_no_count(nlp: Any) -> None:
    # tests/data/reports/train/google-stadia-red-dead-redemption-2.txt: the game's "2" after "Dead"
    assert quantities(nlp, "Google Stadia Red Dead Redemption 2 doesn't run at a stable 60fps.") == set()


@pytest.mark.parametrize("text", [
    # tests/data/reports/train/2012-map-takes-unfamiliar-shape.txt, lou-holtz-ohio-state-defender-on.txt
    "New York, the nation’s third-largest state and an Obama stronghold in 2008, is likely to lose two "
    "electoral votes.",
    "\"I lost two 'Final Verdicts' and doggone it both of them turned out that Rece was wrong,\" "
    "Holtz said in "
    "New Orleans.",
])
def test_quantities_losing_things_is_no_toll(nlp: Any, text: str) -> None:
    assert not any(row[1] == "casualties" for row in quantities(nlp, text))


def test_quantities_losing_people_is_still_a_toll(nlp: Any) -> None:
    rows = quantities(nlp, "The Syrian Democratic Forces lost 11,000 fighters in Syria.")
    assert any(p == "casualties" and v == 11000 for _, p, v, *_ in rows), rows


def test_quantities_a_plural_noun_is_no_state_of_the_people_counted(nlp: Any) -> None:
    # tests/data/reports/train/donald-trump-has-skipped-nearly-all.txt: rallies attended, not protesters
    text = "Since Election Day, Donald Trump has attended more rallies (five) than the intelligence " \
        "briefings (four)."
    assert quantities(nlp, text) == set()


def test_quantities_bail_a_court_sets_is_not_the_courts(nlp: Any) -> None:
    # tests/data/reports/train/georgian-tennis-player-nikoloz.txt
    text = (
        "Nikoloz Basilashvili, a Georgian tennis player with current world ranking number 27, was arrested "
        "on Friday on a charge of domestic violence in front of a minor. The arrest came after an allegation "
        "he assaulted Neka Dorokashvili, his ex-wife.  The Tbilisi city court set bail yesterday at 100,000 "
        "Georgian lari (about US$30,000)."
    )
    bail = {(s, v) for s, p, v, *_ in quantities(nlp, text) if p == "bail"}
    assert bail == {("Nikoloz Basilashvili", 100000), ("Nikoloz Basilashvili", 30000)}, bail


@pytest.mark.parametrize("text", [
    "Judge Mary Brown imposed a fine of $5,000 on John Smith.",
    "Judge Mary Brown set bail at $5,000 for John Smith.",
])
def test_quantities_a_sum_imposed_on_someone_is_theirs_not_the_judges(nlp: Any, text: str) -> None:
    assert {s for s, *_ in quantities(nlp, text)} == {"John Smith"}
