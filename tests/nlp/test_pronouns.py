"""The shared pronoun resolver (nlp/pronouns.py) on whole train-split reports."""

from __future__ import annotations

from typing import Any

from tests.conftest import DATA

TRAIN = DATA / "reports" / "train"


def _doc(nlp: Any, stem: str) -> Any:
    from claimgraph.extract import make_doc
    from claimgraph.ingest import read_documents

    (document,) = read_documents([str(TRAIN / f"{stem}.txt")])
    return nlp(make_doc(nlp, document))


def test_pronouns_any_role_takes_an_earlier_non_subject_of_the_right_gender(nlp: Any) -> None:
    # "Day's son, Terry Melcher, predeceased her in 2004.": in any role "her" is Day (a
    # possessor), not the man named last
    doc = _doc(nlp, "actor-doris-day-dies-at-97")
    idx = doc._.claimgraph_index
    her = next(t for s in doc.sents if "predeceased her" in s.text for t in s if t.lower_ == "her")
    assert idx.get(idx.pronouns.resolve(her, any_role=True)).name == "Doris Day"


def test_pronouns_chain_through_an_earlier_subject_pronoun(nlp: Any) -> None:
    # "Day had one child ... with her first husband, musician Al Jorden.  She was also married in
    # turn to George Weidler, Marty Melcher, and Barry Comden ...  She said Jorden had been
    # physically abusive to her.": the second "She" is the first one's (Day), not a husband named
    # between them
    doc = _doc(nlp, "actor-doris-day-dies-at-97")
    idx = doc._.claimgraph_index
    she = next(s[0] for s in doc.sents if s.text.startswith("She said Jorden"))
    assert idx.get(idx.pronouns.resolve(she)).name == "Doris Day"


def test_pronouns_a_person_described_and_never_named_is_who_she_stands_for(nlp: Any) -> None:
    # "... after one of their daughters, aged 17, escaped and phoned 911 ... She did not know what
    # address her house was ... and said some of her siblings were chained into their beds": "she"
    # is the unnamed daughter, not Louise Turpin named before (the person nouns are one list,
    # lexicon.PERSON_NOUNS, for the mention, pronoun and speaker steps)
    doc = _doc(nlp, "california-court-sentences-parents-who-kept")
    quote = next(q for q in doc._.claimgraph_quotes if q.text.startswith("some of her siblings were chained"))
    assert quote.speaker is None


def test_pronouns_a_role_word_past_the_names_sentence_gives_it_no_gender(nlp: Any) -> None:
    # the headline "... threatening to kill Omar" and then "A New York man pleaded guilty": "man" is
    # no cue to Omar's gender, so "She added" after "Omar asked ..." is Omar
    doc = _doc(nlp, "new-york-man-pleads-guilty-to-threatening")
    idx = doc._.claimgraph_index
    she = next(t for t in doc if t.text == "She" and doc[t.i + 1].text == "added")
    assert idx.get(idx.pronouns.resolve(she)).name == "Ilhan Omar"


def _speaker_of(doc: Any, opening: str) -> str | None:
    idx = doc._.claimgraph_index
    quote = next(q for q in doc._.claimgraph_quotes if q.text.startswith(opening))
    return idx.get(quote.speaker).name if quote.speaker else None


def test_pronouns_a_name_the_parse_made_its_sentences_root_is_a_subject(nlp: Any) -> None:
    # "Buckley, who hadn't sung in a long time ..., worried about doing justice to a song ... "But the
    # story of it really moved me," she said": the parse made "worried" a modifier of the name, the
    # sentence's root; she is Buckley, not Steenburgen, who spoke paragraphs before
    doc = _doc(nlp, "the-wild-story-of-how-mary")
    assert _speaker_of(doc, "But the story of it really moved me") == "Jessie Buckley"


def test_pronouns_a_definite_role_that_introduced_a_person_is_that_person(nlp: Any) -> None:
    # "Oscar-winning actress Mary Steenburgen ... the actress wasn't exactly itching to do something else.
    # "I had been somebody who really liked music," she said": the actress is Steenburgen, not someone
    # unnamed
    doc = _doc(nlp, "the-wild-story-of-how-mary")
    assert _speaker_of(doc, "I had been somebody who really liked music") == "Mary Steenburgen"


def test_pronouns_a_one_word_person_owning_a_division_is_a_body(nlp: Any) -> None:
    # "Universal's music division provided some demos ... "It grabbed me by the heart ...," he said":
    # Universal, which the model tags PERSON, owns a division, so it is a body and "he" is Harper
    doc = _doc(nlp, "the-wild-story-of-how-mary")
    idx = doc._.claimgraph_index
    assert next(e.type for e in idx.entity_list if e.name == "Universal") == "ORG"
    assert _speaker_of(doc, "It grabbed me by the heart") == "Tom Harper"


def test_pronouns_past_the_chains_depth_a_subject_she_outranks_other_names(nlp: Any) -> None:
    # "she was more nervous about going there than Rose-Lynn Harlan has ever been ... "It was
    # terrifying," she said. ... But she also felt ... "I was back at it by the next morning," she
    # said": the film's character, named only after "than", is no antecedent where the chain of
    # she's stops
    doc = _doc(nlp, "the-wild-story-of-how-mary")
    assert _speaker_of(doc, "I was back at it by the next morning") == "Mary Steenburgen"
