"""The quantity word tables of `data/quant_lexicon.json` (number words, counted nouns, states,
currencies, qualifiers ...), loaded once, and the word sets the quantity modules share."""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

# Counts of an event's toll, which are about the place it happened when no actor is named.
EVENT_COUNTS = frozenset(
    {"deaths", "injured", "casualties", "displaced", "missing", "arrested", "jailed", "hostages", "rescued"}
)

# Prepositions that join a bare figure to its clause: "came in first with 14", "rose to 86".
CLAUSE_PREPS = frozenset({"with", "to", "at"})

# Nouns that hold a figure: "a total of 441 delegates", "down from a peak of over three-and-a-half
# million" (tests/data/gold/syria-withdrawal).
TOTAL_NOUNS = frozenset({"total", "tally", "sum", "count", "peak", "high", "low", "maximum", "minimum"})


@functools.cache
def table() -> dict[str, Any]:
    text = resources.files("claimgraph.data").joinpath("quant_lexicon.json").read_text(encoding="utf-8")
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}
