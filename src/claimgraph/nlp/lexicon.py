"""Word lists that are data, loaded once from `claimgraph/data/`: reporting verbs, unit nouns."""

from __future__ import annotations

import functools
from importlib import resources


def _lines(name: str) -> list[str]:
    text = resources.files("claimgraph.data").joinpath(name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@functools.cache
def reporting_verbs() -> dict[str, str]:
    """Lemma -> kind ("say", "direct" or "judge") of verbs that report speech."""
    return dict(line.split()[:2] for line in _lines("reporting_verbs.txt"))


@functools.cache
def unit_nouns() -> frozenset[str]:
    """Head nouns of armed groups and units: battalion, brigade, regiment, legion..."""
    return frozenset(_lines("unit_nouns.txt"))


@functools.cache
def titles() -> frozenset[str]:
    """Words of titles that stand before a name and are not part of it."""
    return frozenset(_lines("titles.txt"))


@functools.cache
def institution_nouns() -> frozenset[str]:
    """Nouns naming a state's institution after a country or nationality ("Saudi government")."""
    return frozenset(_lines("institution_nouns.txt"))


@functools.cache
def state_bodies() -> frozenset[str]:
    """Words that make a name the title of one state's body: party, ministry, office, court..."""
    return frozenset(_lines("state_bodies.txt"))
