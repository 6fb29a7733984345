"""Loading the pipeline by name, and our components on a user's own pipeline."""

from __future__ import annotations

import pytest
import spacy

from claimgraph.errors import ModelError
from claimgraph.nlp.pipeline import PARAGRAPHS, add_claimgraph_components, load_pipeline
from claimgraph.nlp.units import RULER_NAME


def test_pipeline_unknown_model_is_a_clear_error() -> None:
    with pytest.raises(ModelError) as info:
        load_pipeline("en_core_web_nonexistent")
    assert "en_core_web_nonexistent" in str(info.value) and "--model" in str(info.value)


def test_pipeline_components_join_a_users_pipeline_once() -> None:
    nlp = spacy.blank("en")
    add_claimgraph_components(nlp)
    add_claimgraph_components(nlp)
    assert nlp.pipe_names.count(PARAGRAPHS) == 1 and nlp.pipe_names.count(RULER_NAME) == 1


def test_pipeline_no_sentence_crosses_a_paragraph(nlp) -> None:  # type: ignore[no-untyped-def]
    # a stray attribution line above a paragraph (london-knife dev report)
    doc = nlp("—The mayor of London, Sadiq Khan\n\nAlexis Boon, the head of the command, said about Amman.")
    assert [s.text.strip() for s in doc.sents][0] == "—The mayor of London, Sadiq Khan"
