"""Relation candidates (``nlp/rel_candidates.py``): which entity pairs of a sentence the scorer
sees, on sentences of train reports (tests/data/reports/train/)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from claimgraph.nlp.components import index_of
from claimgraph.nlp.rel_candidates import Candidate, candidates, features, features_with_frames, frame_words

T = TypeVar("T")


def by_pair(nlp: Any, text: str, read: Callable[[Candidate, Any], T]) -> dict[tuple[str, str], T]:
    """(subject name, object name) -> what ``read`` gives of every candidate of the text."""
    doc = nlp(text)
    idx = index_of(doc)
    name = {e.id: e.name for e in idx.entity_list}
    return {(name[c.subject], name[c.object]): read(c, idx)
            for sent in doc.sents for c in candidates(sent, idx)}


def pairs(nlp: Any, text: str) -> dict[tuple[str, str], str]:
    """(subject name, object name) -> feature words of every candidate of the text."""
    return by_pair(nlp, text, features)


# florida-highway-pileup-fire-kills-five
FLORIDA = ("A road accident followed by a fire on a Florida highway near Gainesville on Thursday killed "
           "five children in a church bus and two truck drivers. Florida Department of Transportation "
           "official Troy Roberts said yesterday morning the road itself will be examined as part of "
           "investigations.")


def test_rel_candidates_name_inside_another_name(nlp: Any) -> None:
    got = pairs(nlp, FLORIDA)
    assert ("Florida Department of Transportation", "Florida") in got
    assert "o_nested" in got["Florida Department of Transportation", "Florida"].split()


def test_rel_candidates_country_by_another_of_its_names(nlp: Any) -> None:
    # us-announces-restrictions-on-flying-to: the country is "US" in the headline
    text = ("US announces restrictions on flying to Cuba\n\nOn Friday, the United States Department of "
            "Transportation announced new restrictions on flights to Cuba.")
    found = pairs(nlp, text)  # the country is named by its fullest name ('United States') or as 'US'
    assert {("United States Department of Transportation", us) for us in ("US", "United States")} & found.keys()


def test_rel_candidates_long_list_is_one_side(nlp: Any) -> None:
    # hundreds-arrested-for-dark-web-child: 24 places in one sentence
    text = ("Authorities in the United States announced the arrests. Listed US states as having members "
            "from the site were: Alabama, Arkansas, California, Connecticut, Florida, Georgia, Kansas, "
            "Louisiana, Maryland, Massachusetts, Nebraska, New Jersey, New York, North Carolina, Ohio, "
            "Oregon, Pennsylvania, Rhode Island, South Carolina, Texas, Utah, Virginia, Washington and "
            "Washington, D.C.")
    got = {(s, o) for s, o in pairs(nlp, text) if o in ("US", "United States")}
    assert {"Alabama", "Ohio", "Utah"} <= {s for s, _ in got}
    assert ("Alabama", "Arkansas") not in pairs(nlp, text)  # the list's members are not paired


# taliban-say-they-freed-us-australian
TALIBAN = ("Two hostages who had been held by the Taliban in Afghanistan since 2016 were released Tuesday. "
           "American Kevin King and Australian Timothy Weeks were handed over to US forces in the country's "
           "southern Zabul province, an insurgent source told Agence France-Presse.")


def test_rel_candidates_possessed_place_noun(nlp: Any) -> None:
    assert ("Zabul province", "Afghanistan") in pairs(nlp, TALIBAN)


def test_rel_candidates_features_name_no_entity(nlp: Any) -> None:
    # a scorer that reads names learns the training reports' names: a name's word stands as its type
    got = pairs(nlp, TALIBAN)
    names = {"afghanistan", "zabul", "taliban", "france", "presse", "agence", "timothy", "weeks", "kevin"}
    for feats in got.values():
        assert not any(w.split("_")[-1] in names for w in feats.split())
    assert "top_entgpe" in got["Afghanistan", "Zabul province"].split()  # "the country's ... province"


def test_rel_candidates_features_name_word_lists(nlp: Any) -> None:
    # "forces" is a state's body word (state_parts of data/rel_lexicon.json), "in" a place preposition
    feats = pairs(nlp, TALIBAN)["US forces", "Zabul province"].split()
    assert {"cls_state_parts", "cls_place_preps"} <= set(feats)


def test_rel_candidates_organisation_word_before_a_title(nlp: Any) -> None:
    # wash-your-hands-or-else-spread-superbug
    text = ("The Royal Pharmaceutical Society said handwashing mattered. Society President Ash Soni told the "
            "public, \"If we can reduce the number of illnesses, we can reduce antibiotic resistance.\"")
    assert ("Ash Soni", "Royal Pharmaceutical Society") in pairs(nlp, text)


# swedish-academy-announces-2019-nobel: the professor is named only in the sentence before
NOBEL = ("Canadian-US scientist James Peebles won his half of the prize for his work in predicting cosmic "
         "microwave background. He is a professor at Princeton University.")


def test_rel_candidates_person_taken_up_by_a_pronoun(nlp: Any) -> None:
    got = pairs(nlp, NOBEL)
    assert ("James Peebles", "Princeton University") in got
    assert "s_pronoun" in got["James Peebles", "Princeton University"].split()


def test_rel_candidates_pronoun_needs_a_name_beside_it(nlp: Any) -> None:
    # a sentence naming no one pairs nothing: "He won." gives no pair of Peebles with himself
    text = "James Peebles won the prize. He won it for his work."
    assert pairs(nlp, text) == {}


# senator-ted-cruz-proposes-amendment-to: the Senate is named in the sentence before
SENATORS = ("On Thursday, former United States presidential candidate Senator Ted Cruz proposed to set "
            "lifetime limits for service in the Senate. It was co-sponsored by Senators Marco Rubio of "
            "Florida, Mike Lee of Utah, and David Perdue of Georgia, all Republicans.")


def test_rel_candidates_body_a_title_stands_for(nlp: Any) -> None:
    got = pairs(nlp, SENATORS)
    assert ("Marco Rubio", "Senate") in got
    assert "o_title" in got["Marco Rubio", "Senate"].split()


def test_rel_candidates_title_modifier_must_be_in_the_body_name(nlp: Any) -> None:
    # world-community-lashes-out-at-us: a Foreign Minister sits in no named Ministry of Health
    text = ("Jordan's Ministry of Health said it was ready. Jordanian Foreign Minister Ayman Safadi warned "
            "of \"dangerous consequences\" in Amman.")
    assert not any(o == "Ministry of Health" for s, o in pairs(nlp, text) if s == "Ayman Safadi")


def test_rel_candidates_title_of_another_country_names_no_body(nlp: Any) -> None:
    # cairo-summit-denounces-turkish-libyan-maritime: Italy's foreign minister, Turkey's ministry
    text = ("The Italian Foreign Minister, Luigi Di Maio, joined the talks as an observer. The following day, "
            "the Turkish Ministry of Foreign Affairs denounced the conclusions of the summit.")
    assert not any(s == "Luigi Di Maio" and "Ministry" in o for s, o in pairs(nlp, text))



# us-house-of-representatives-holds-two: a Commerce Secretary heads no Department of Justice
CABINET = ("The United States House of Representatives voted to hold two current Cabinet officers, Commerce "
           "Secretary Wilbur Ross and Attorney General William Barr, in contempt of Congress. Historically, the "
           "Department of Justice has not pursued criminal charges against those held in contempt of Congress.")


def test_rel_candidates_title_modifier_tagged_as_a_name(nlp: Any) -> None:
    # the recogniser tags "Commerce" an organisation: still the title's modifier
    assert ("Wilbur Ross", "Department of Justice") not in pairs(nlp, CABINET)
    assert ("Wilbur Ross", "Department of Justice") in pairs(nlp, CABINET.replace("Commerce Secretary", "Secretary"))


def frames(nlp: Any, text: str) -> dict[tuple[str, str], list[str]]:
    """(subject name, object name) -> the argument frame words of every candidate of the text."""
    return by_pair(nlp, text, frame_words)


# esper-accuses-china-of-intimidating-smaller: gold "Mark Esper opposes China" by this sentence
ESPER = ("U.S. Defense Secretary Mark Esper on Wednesday accused China of using coercion and intimidation "
         "against smaller Asian nations to impose its will in the South China Sea.")


def test_rel_candidates_argument_frame_of_the_governing_verb(nlp: Any) -> None:
    # who holds the stance towards whom: Esper is the subject of "accuse", China its object
    got = frames(nlp, ESPER)
    assert got["Mark Esper", "China"] == ["frame_nsubj_accuse_dobj", "sarg_nsubj_accuse", "oarg_dobj_accuse"]
    assert got["China", "Mark Esper"][0] == "frame_dobj_accuse_nsubj"  # the reverse pair: China is accused
    # crossval.py --frames trains on them, after today's feature words
    doc = nlp(ESPER)
    idx = index_of(doc)
    esper = next(c for s in doc.sents for c in candidates(s, idx)
                 if idx.get(c.subject).name == "Mark Esper" and idx.get(c.object).name == "China")
    assert features_with_frames(esper, idx).startswith(features(esper, idx))
    assert features_with_frames(esper, idx).split()[-3:] == got["Mark Esper", "China"]


def test_rel_candidates_argument_frame_through_a_preposition(nlp: Any) -> None:
    # us-professional-wrestler-jon-huber-dies: a mention that is a preposition's object plays that
    # preposition's role ("signed with AEW"); "from WWE" hangs on "release", not on "sign"
    text = "After asking for his release from WWE, Huber signed with AEW around the beginning of this year."
    got = frames(nlp, text)
    assert "frame_nsubj_sign_with" in got["Huber", "AEW"]
    assert "ogov_from_release" in got["Huber", "WWE"]
    assert not any(w.startswith("ogov_") for w in got["Huber", "AEW"])  # AEW hangs on "sign" itself
