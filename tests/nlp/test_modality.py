"""Modality, negation and hypotheticals shared by quotes, relations and quantities."""

from __future__ import annotations

from typing import Any

from claimgraph.nlp.modality import is_hypothetical, is_negated, modality_at, modality_of, reporter_of


def _tok(doc: Any, word: str) -> Any:
    return next(t for t in doc if t.text == word)


def test_modality_of_cue_gives_reported_claimed_denied(nlp: Any) -> None:
    span = nlp("the rocket strikes were carried out by sympathizers of the PMF")[:]
    assert modality_of(span) == "asserted"
    assert modality_of(span, "reported") == "reported"
    assert modality_of(span, "claimed") == "claimed"
    assert modality_of(span, "denied") == "denied"


def test_modality_of_hedges_make_uncertain(nlp: Any) -> None:
    doc = nlp("The claim could not be independently verified.")
    assert modality_of(doc[:]) == "uncertain"
    doc = nlp("The CIA and other intelligence agencies reportedly believe the crown prince ordered Khashoggi's killing.")
    assert modality_of(doc[:], "believe") == "uncertain"


def test_modality_at_reads_only_the_triggers_clause(nlp: Any) -> None:
    # "may" hedges the second clause, not the apposition of the first
    doc = nlp("Ahmed al-Assadi, a spokesman for the PMF, said the strike may have been a mistake.")
    assert modality_at(_tok(doc, "spokesman")) == "asserted"
    assert modality_at(_tok(doc, "mistake")) == "uncertain"


def test_modality_is_negated_stops_at_the_noun_phrase(nlp: Any) -> None:
    doc = nlp("Brazil is not a member of G7, but it is part of a pact between the European Union and Mercosur.")
    assert is_negated(_tok(doc, "member"))
    assert not is_negated(_tok(doc, "part"))
    doc = nlp("Ahmed al-Assadi, a spokesman for the PMF, did not comment.")
    assert not is_negated(_tok(doc, "spokesman"))


def test_modality_is_hypothetical_conditionals_and_intent(nlp: Any) -> None:
    doc = nlp("If Ivan Lis joins the battalion, the unit will grow.")
    assert is_hypothetical(_tok(doc, "joins"))
    doc = nlp("Ivan Lis plans to join the battalion.")
    assert is_hypothetical(_tok(doc, "join"))
    doc = nlp("Ivan Lis joined the battalion in 2019.")
    assert not is_hypothetical(_tok(doc, "joined"))


def test_modality_reporter_of_finds_the_source(nlp: Any) -> None:
    doc = nlp("The SDF said hundreds of ISIS fighters escaped following Turkish airstrikes.")
    who, cue = reporter_of(_tok(doc, "fighters")) or (None, None)
    assert who is not None and who.text == "SDF" and cue == "said"
    doc = nlp("According to CNN, Turkey has an estimated two million Syrian refugees.")
    who, cue = reporter_of(_tok(doc, "refugees")) or (None, None)
    assert who is not None and who.text == "CNN" and cue == "according to"
