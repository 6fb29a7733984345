"""Round 13: actors kept apart within a report, from the older train reports' wrong merges; each test
fails on the code before the round."""

from __future__ import annotations

from typing import Any

from tests.nlp.entity_forms import entities_of as _entities
from tests.nlp.entity_forms import holds


def test_a_town_before_its_state_is_no_surname(nlp: Any) -> None:
    # train: "El Paso Walmart shooting" (tests/data/fresh/el-paso-walmart)
    text = ("U.S. officials identified the suspect as 21-year-old Patrick Crusius of Allen, Texas, near the "
            "city of Dallas.\n\nEl Paso's police chief Greg Allen said late Sunday the police were attributing "
            "authorship of the document to Crusius.")
    ents = _entities(nlp, text)
    assert holds(ents, "Greg Allen") and not holds(ents, "Greg Allen", "Allen")
