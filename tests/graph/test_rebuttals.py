"""Rebuttals found in corpus report texts and linked to the claim they deny (graph/rebuttals.py)."""

from __future__ import annotations

import re

from claimgraph.graph.rebuttals import Mention, find_rebuttals
from tests.store.reports import corpus_row

JET, JUNE, NAVALNY, JULY, AUGUST = 179, 249, 261, 257, 263


def mentions(text: str, **actors: tuple[str, str]) -> list[Mention]:
    """Every mention of each actor: id=(name as written, type)."""
    out = []
    for actor, (name, type_) in actors.items():
        out += [Mention(actor, m.start(), m.end(), type_) for m in re.finditer(re.escape(name), text)]
    return sorted(out, key=lambda m: m.start)


def test_rebuttals_an_accusation_denied_sentences_later() -> None:
    text = corpus_row(JET)["text"]
    ms = mentions(text, pompeo=("Mike Pompeo", "PERSON"), iran=("Iran", "GPE"), us=("US", "GPE"))
    (r,) = [r for r in find_rebuttals(text, ms) if r.denier == "iran"]
    assert r.claimant == "pompeo"
    assert text[r.claim[0] : r.claim[1]].startswith("US Secretary of State Mike Pompeo said the crash was")
    assert text[r.denial[0] : r.denial[1]] == "For several days Iran denied the accusation."


def test_rebuttals_dismissed_as_groundless() -> None:
    text = corpus_row(NAVALNY)["text"]
    ms = mentions(text, berlin=("German government", "ORG"), moscow=("Russian government", "ORG"),
                  navalny=("Navalny", "PERSON"))
    (r,) = [r for r in find_rebuttals(text, ms) if r.denier == "moscow"]
    assert r.claimant == "berlin" and "Novichok" in text[r.claim[0] : r.claim[1]]


def test_rebuttals_which_he_denied_links_the_first_half() -> None:
    text = corpus_row(JUNE)["text"]
    ms = mentions(text, bolton=("Bolton", "PERSON"), trump=("Trump", "PERSON"), xi=("Xi Jinping", "PERSON"))
    (r,) = [r for r in find_rebuttals(text, ms) if r.claimant == "bolton"]
    assert r.denier == "trump"
    assert text[r.claim[0] : r.claim[1]].endswith("for help in the 2020 election")


def test_rebuttals_not_denied_and_denied_entry_are_none() -> None:
    text = corpus_row(JULY)["text"]
    assert "West did not deny the suggestion" in text
    ms = mentions(text, west=("West", "PERSON"), biden=("Biden", "PERSON"))
    assert not [r for r in find_rebuttals(text, ms) if r.denier == "west"]
    entry = "Israeli chess players were denied visa. Iran said so."
    assert list(find_rebuttals(entry, mentions(entry, iran=("Iran", "GPE")))) == []


def test_rebuttals_a_suggestion_rejected_is_a_proposal_not_a_claim() -> None:
    # "Pelosi ... said she would prefer Biden not participate in the presidential debates with
    # Trump. Biden rejected Pelosi's suggestion": nothing Pelosi said is denied as untrue
    text = corpus_row(AUGUST)["text"]
    assert "Biden rejected Pelosi's suggestion" in text
    ms = mentions(text, pelosi=("Nancy Pelosi", "PERSON"), biden=("Biden", "PERSON"), trump=("Trump", "PERSON"))
    assert not [r for r in find_rebuttals(text, ms) if r.denier == "biden" and r.claimant == "pelosi"]
    # "the suggestion that ..." says something is so, and rejecting it is a denial
    said = "Pelosi said Biden would skip the debates. Biden rejected the suggestion that he would skip them."
    (r,) = find_rebuttals(said, mentions(said, pelosi=("Pelosi", "PERSON"), biden=("Biden", "PERSON")))
    assert (r.denier, r.claimant) == ("biden", "pelosi")
