"""The entity recogniser fine-tuned on claimgraph's annotated reports (training/ner/README.md).

Only the trained `ner` component ships, in ``claimgraph/models/ner``; its meta names the base
pipeline it was sourced from (``claimgraph_base``: name and version). It replaces the `ner` of that
base pipeline only: any other model keeps its own recogniser.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

NER_DIR = Path(str(resources.files("claimgraph.models").joinpath("ner")))
BASE_KEY = "claimgraph_base"  # meta key: {"name": ..., "version": ...} of the pipeline sourced from
SWAPPED = "claimgraph_ner"  # meta key set on a pipeline whose ner was swapped: the trained model's path


def trained_meta(path: Path = NER_DIR) -> dict[str, Any] | None:
    """The shipped recogniser's meta, or None when none is shipped."""
    meta = path / "meta.json"
    return json.loads(meta.read_text(encoding="utf-8")) if meta.exists() else None


def fits(nlp: Language, path: Path = NER_DIR) -> bool:
    """Whether ``nlp`` is the base pipeline the recogniser at ``path`` was trained from."""
    meta = trained_meta(path)
    if meta is None or "ner" not in nlp.pipe_names:
        return False
    base = meta.get(BASE_KEY, {})
    return bool(base) and (nlp.lang, nlp.meta.get("name"), nlp.meta.get("version")) == (
        meta.get("lang"), base.get("name"), base.get("version"))


@functools.lru_cache(maxsize=1)
def _trained(path: Path) -> Language:
    return spacy.load(path)


def use_trained_ner(nlp: Language, path: Path = NER_DIR) -> Language:
    """Put the trained `ner` in place of ``nlp``'s own when ``nlp`` is its base pipeline
    (idempotent); any other pipeline is returned unchanged."""
    if not fits(nlp, path) or nlp.meta.get(SWAPPED):
        return nlp
    names = nlp.pipe_names
    at = names.index("ner")
    nlp.remove_pipe("ner")
    anchor = {"before": names[at + 1]} if at + 1 < len(names) else {"last": True}
    nlp.add_pipe("ner", source=_trained(path), **anchor)
    nlp.meta[SWAPPED] = str(path)
    return nlp
