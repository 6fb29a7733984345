"""Relation candidates, type fits and patterns on phrasings of other outlets' train reports
(tests/data/reports/train/, the 16 added after every earlier rule): a wire dateline with a state's
abbreviation, "Company, City, State" lines, a title the recogniser ran into an organisation's name,
role titles the role table lacks, officials of a state, and the mention of a side nearest the
other."""

from __future__ import annotations

from typing import Any

from claimgraph.nlp.components import index_of
from claimgraph.nlp.rel_candidates import Candidate, candidates, features
from claimgraph.nlp.rel_patterns import fits
from claimgraph.nlp.rel_fallback import entities_from_doc
from claimgraph.nlp.relations import find_relations


def cands(nlp: Any, text: str) -> tuple[Any, dict[tuple[str, str], Candidate]]:
    """The index and (subject name, object name) -> candidate of every candidate of the text."""
    doc = nlp(text)
    idx = index_of(doc)
    name = {e.id: e.name for e in idx.entity_list}
    return idx, {(name[c.subject], name[c.object]): c for sent in doc.sents for c in candidates(sent, idx)}


def rule_triples(nlp: Any, text: str) -> set[tuple[str, str, str]]:
    """The patterns' relations by entity name."""
    doc = nlp(text)
    ents = entities_from_doc(doc)
    name = {e.id: e.name for e in ents}
    return {(name[r.subject], r.predicate, name[r.object]) for r in find_relations(doc, ents, [])}


# the-latest-man-stabbed-to-death
HAYWARD = ("The Latest: Man stabbed to death on San Francisco Bay train\n\nHAYWARD, Calif. (AP) — The Latest "
           "on a deadly stabbing on a San Francisco Bay Area commuter train (all times local):\n")


def test_rel_unseen_dateline_with_abbreviated_state_is_one_sentence(nlp: Any) -> None:
    doc = nlp(HAYWARD)
    assert "HAYWARD, Calif. (AP) —" in [s.text.strip() for s in doc.sents]
    _idx, got = cands(nlp, HAYWARD)
    assert ("HAYWARD", "Calif.") in {(s.upper(), o) for s, o in got}


# nasa-picks-spacex-blue-origin-and: the selected companies, one a line
NASA_LIST = ("NASA has selected five companies.\n\nThe newly selected five are:\n\n"
             "Blue Origin, Kent, Washington\nSierra Nevada Corporation, Louisville, Colorado\n"
             "SpaceX, Hawthorne, California\n")


def test_rel_unseen_company_city_state_line_is_no_list(nlp: Any) -> None:
    got = rule_triples(nlp, NASA_LIST)
    assert {("Kent", "located_in", "Washington"), ("Hawthorne", "located_in", "California")} <= got


def test_rel_unseen_headline_list_with_a_verb_stays_a_list(nlp: Any) -> None:
    # benin-nigeria-join-african-union-co: two countries, no "and", in a headline with a verb
    got = rule_triples(nlp, "Benin, Nigeria join African Union continental free trade bloc\n\nLeaders met.")
    assert ("Benin", "located_in", "Nigeria") not in got


def test_rel_unseen_list_with_a_conjunction_stays_a_list(nlp: Any) -> None:
    # the-guardian-view-on-hong-kong style list of places: "X, Y and Z" pairs no two of them
    got = rule_triples(nlp, "Protesters marched in Hong Kong, Taipei and Beijing on Monday.")
    assert not {t for t in got if t[1] == "located_in"}


# nasa-picks-spacex-blue-origin-and: the recogniser tags "NASA Administrator" as the organisation
BRIDENSTINE = ("NASA announced the selection of SpaceX and Blue Origin on Monday. "
               "\"American aerospace companies of all sizes are joining the Artemis program,\" NASA "
               "Administrator Jim Bridenstine said in a statement.")


def test_rel_unseen_title_run_into_organisation_pairs_the_organisation(nlp: Any) -> None:
    # "Administrator" is now a title (data/titles.txt), so the mention step cuts it off the
    # organisation; a title the table lacks stays run into the name and pairs as `o_titlerun`
    # (rel_candidates.py)
    _idx, got = cands(nlp, BRIDENSTINE)
    assert ("Jim Bridenstine", "NASA") in got  # before: only "NASA Administrator", no NASA to pair


# new-york-man-pleads-guilty-to-threatening; esper-accuses-china-of-intimidating-smaller
KENNEDY = ("A New York man pleaded guilty on Monday. U.S. Attorney James Kennedy Jr. said in the release "
           "this case demonstrates that free speech does not protect people.")
ESPER = ("HANOI, Vietnam (AP) — U.S. Defense Secretary Mark Esper on Wednesday accused China of using "
         "coercion and intimidation against smaller Asian nations.")


def test_rel_unseen_title_the_role_table_lacks_is_read(nlp: Any) -> None:
    idx, got = cands(nlp, KENNEDY)
    pair = next(c for (s, o), c in got.items() if s == "James Kennedy Jr." and o in ("U.S.", "United States"))
    assert "titleword" in features(pair, idx).split()


def test_rel_unseen_official_of_a_state_fits_member_of(nlp: Any) -> None:
    idx, got = cands(nlp, ESPER)
    pair = next(c for (s, o), c in got.items() if s == "Mark Esper" and o in ("U.S.", "United States"))
    assert fits(idx, pair.subject, "member_of", pair.object)
    assert not fits(idx, pair.subject, "part_of", pair.object)


# pge-begins-new-mass-power-shutoff
PGE = ("PG&E begins new mass power shutoff in California\n\nThe outages have been “terribly disruptive” and "
       "PG&E is taking steps to avoid them in the future but at the moment, “we won’t roll the dice on "
       "public safety,” company CEO Andy Vesey said.")


def test_rel_unseen_nearest_mention_is_the_side(nlp: Any) -> None:
    _idx, got = cands(nlp, PGE)
    pair = next(c for (s, o), c in got.items() if s == "Andy Vesey" and o == "PG&E")
    assert pair.object_token.text == "company"  # "company CEO Andy Vesey", not the "PG&E" 30 words back


def test_rel_unseen_professional_roles_are_membership(nlp: Any) -> None:
    # home-depot-stock-is-falling-after, pge-begins-new-mass-power-shutoff: an analyst or a meteorologist
    # of a company works for it (roles of data/rel_lexicon.json), as a spokesman does
    fadem = ("Wells Fargo analyst Zachary Fadem points out a couple of additional reasons investors "
             "shouldn’t fret.")
    strenfel = ("“This lack of rain is keeping the threat of fire very real,” said Scott Strenfel, PG&E's "
                "principal meteorologist.")
    assert ("Zachary Fadem", "member_of", "Wells Fargo") in rule_triples(nlp, fadem)
    assert ("Scott Strenfel", "member_of", "PG&E") in rule_triples(nlp, strenfel)
