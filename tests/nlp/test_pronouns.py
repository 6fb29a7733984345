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
    # "Day's son, Terry Melcher, predeceased her in 2004.": no subject before "her" in its
    # sentence, so the plain lookup leaves it open; in any role it is Day (a possessor), not
    # the man named last
    doc = _doc(nlp, "actor-doris-day-dies-at-97")
    idx = doc._.claimgraph_index
    her = next(t for s in doc.sents if "predeceased her" in s.text for t in s if t.lower_ == "her")
    assert idx.pronouns.resolve(her) is None
    assert idx.get(idx.pronouns.resolve(her, any_role=True)).name == "Doris Day"
