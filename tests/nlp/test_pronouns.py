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
