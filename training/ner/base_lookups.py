"""The base pipeline's lookup tables (its `lexeme_norm`), for `spacy train --code`.

The sourced `ner` reads each token's NORM, which the base pipeline takes from its `lexeme_norm`
table ("colour" -> "color"); a pipeline trained without the table would see other features than
the one it is swapped into.
"""

from __future__ import annotations

import spacy
from spacy.lookups import Lookups


@spacy.registry.misc("claimgraph.base_lookups.v1")
def base_lookups(model: str) -> Lookups:
    """The lookups of the installed pipeline ``model``."""
    return spacy.load(model, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]).vocab.lookups
