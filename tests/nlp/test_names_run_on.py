"""Names run on into the lower-case words after them (round 14, train reports); each test fails
on the code before the change."""

from __future__ import annotations

from typing import Any

from tests.nlp.entity_forms import forms_of as _names


def test_a_name_ends_before_the_words_it_was_run_into(nlp: Any) -> None:
    # train: state-of-washington-swears-in-first, the-wild-story-of-how-mary, multimillion-dollar-george-and
    text = ("She attended University of New Mexico for undergrad, then University of Washington for law "
            "school. After getting her law degree, she served as a judge.")
    names = _names(nlp, text)
    assert "University of Washington" in names and not any("law school" in name for name in names)
    text = "“I called a very talented friend of mine on Martha’s Vineyard and I said: ‘Look, if I come over.’"
    assert "Martha’s Vineyard" in _names(nlp, text)
    text = "It helped with the purchase of national treasures at the Musée Guimet and Château de Versailles."
    assert "Musée Guimet" in _names(nlp, text)
