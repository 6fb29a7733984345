"""Helpers for the tests of an actor's forms within one report: the entities of a text, and whether
one of them holds every given form."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from claimgraph.model import Entity
from claimgraph.nlp.entities import dictionary_words, find_entities


def entities_of(nlp: Any, text: str) -> list[Entity]:
    """The entities claimgraph finds in ``text``."""
    return find_entities(nlp(text), dictionary_words(nlp))


def holds(entities: Iterable[Entity], *forms: str) -> bool:
    """Whether one of ``entities`` holds every form (as its name or an alias)."""
    return any(set(forms) <= {e.name, *e.aliases} for e in entities)


def holding(nlp: Any, text: str, *forms: str) -> bool:
    """Whether one entity of the text holds every form."""
    return holds(entities_of(nlp, text), *forms)


def forms_of(nlp: Any, text: str) -> set[str]:
    """Every name and alias of the entities claimgraph finds in ``text``."""
    return {form for e in entities_of(nlp, text) for form in (e.name, *e.aliases)}
