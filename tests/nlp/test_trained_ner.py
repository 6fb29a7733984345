"""The shipped entity recogniser (training/ner): swapped into its base pipeline only, and finding
on real train-split sentences the names the base model misses or mislabels."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import spacy

from claimgraph.nlp.entities import find_entities
from claimgraph.nlp.trained_ner import NER_DIR, SWAPPED, trained_meta, use_trained_ner
from claimgraph.settings import MODEL

TRAIN = Path(__file__).resolve().parents[1] / "data" / "reports" / "train"


def _line(report: str, needle: str) -> str:
    """The line of a train-split report that holds ``needle``."""
    text = (TRAIN / f"{report}.txt").read_text(encoding="utf-8")
    return next(line for line in text.splitlines() if needle in line)


@pytest.fixture(scope="module")
def base() -> Any:
    return spacy.load(MODEL.get())


def test_trained_ner_is_loaded_into_the_default_pipeline(nlp, base) -> None:  # type: ignore[no-untyped-def]
    meta = trained_meta()
    assert meta is not None and nlp.meta.get(SWAPPED) == str(NER_DIR)
    assert (base.meta["name"], base.meta["version"]) == (meta["claimgraph_base"]["name"],
                                                         meta["claimgraph_base"]["version"])
    # the swapped component is the shipped one, not the base's: their weights differ
    assert nlp.get_pipe("ner").model.to_bytes() != base.get_pipe("ner").model.to_bytes()


@pytest.mark.parametrize(("report", "needle", "name", "label"), [
    # base: "Vermont Bernie Sanders" as one ORG
    ("bernie-sanders-endorses-joe-biden-in", "Senator from Vermont Bernie Sanders", "Bernie Sanders", "PERSON"),
    # base: "Prakash" as an ORG
    ("200-in-new-delhi-india-drink", "attendee Om Prakash said", "Om Prakash", "PERSON"),
])
def test_trained_ner_finds_what_the_base_model_missed(  # type: ignore[no-untyped-def]
    nlp, base, report: str, needle: str, name: str, label: str
) -> None:
    line = _line(report, needle)
    assert (name, label) not in {(e.text, e.label_) for e in base(line).ents}
    doc = nlp(line)
    assert (name, label) in {(e.text, e.label_) for e in doc.ents}
    assert any(e.name == name and e.type == label for e in find_entities(doc))


def test_trained_ner_leaves_another_pipeline_its_own() -> None:
    other = spacy.load(MODEL.get())
    version = other.meta["version"]
    other.meta["version"] = "0.0.1"  # not the pipeline the recogniser was trained from
    own = other.get_pipe("ner")
    assert use_trained_ner(other).get_pipe("ner") is own and not other.meta.get(SWAPPED)
    other.meta["version"] = version  # the base itself takes it, once
    swapped = use_trained_ner(other).get_pipe("ner")
    assert swapped is not own and use_trained_ner(other).get_pipe("ner") is swapped
    assert other.pipe_names[-1] == "ner"
