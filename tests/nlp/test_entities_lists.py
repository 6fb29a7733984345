"""Entities in lists and score lines: names the model ran together or ran into a figure."""

from __future__ import annotations

from claimgraph.nlp.entities import find_entities


def _names(nlp, text: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {e.name: e.type for e in find_entities(nlp(text))}


def test_score_after_a_name_is_no_part_of_it(nlp) -> None:  # type: ignore[no-untyped-def]
    # train: "Nadal keeps Spain alive against Russia" (the model took "Gael Monfils 7-5")
    text = ("The teams were tied after Jo-Wilfried Tsonga cruised past Uchiyama 6-2, 6-1 and Yoshihito "
            "Nishioka defeated Gael Monfils 7-5, 6-2.")
    assert "Gael Monfils" in _names(nlp, text)
