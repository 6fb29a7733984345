"""Quote speakers and entity forms, round 17 (issue #7: attribution on unseen reports), on train
sentences and reports; each test fails on the code before the change."""

from __future__ import annotations

from typing import Any

from tests.nlp.entity_forms import entities_of, holds
from tests.nlp.test_quotes_round14 import TRAIN


def _train_entities(nlp: Any, stem: str) -> list[Any]:
    """The entities of train report ``stem``."""
    return entities_of(nlp, (TRAIN / f"{stem}.txt").read_text(encoding="utf-8"))


def test_a_bare_surname_of_the_other_gender_is_not_the_full_names_namesake(nlp: Any) -> None:
    # train michelle-obama-suggests-america-has-lost: "Michelle Obama said he believes President Obama's
    # administration achieved the platform he promised", "She said Obama is the calm dad who tells his
    # injured child": the bare "Obama" is a man, her husband (written "Barack" alone), not her; it took
    # all her quotes to the gold Barack Obama
    ents = _train_entities(nlp, "michelle-obama-suggests-america-has-lost")
    assert holds(ents, "Michelle Obama")
    assert not holds(ents, "Michelle Obama", "Obama")
    assert holds(ents, "Obama", "Barack")


def test_a_bare_surname_s_gender_chooses_between_namesakes(nlp: Any) -> None:
    # the general form of the same cue where both namesakes are named in full: the surname the text
    # gives a man's honorific is the man, not the one named first
    text = ("Jill Biden visited a school in Ohio on Monday. Joe Biden stayed in Washington. "
            "Mr. Biden said the bill would pass.")
    ents = entities_of(nlp, text)
    assert holds(ents, "Joe Biden", "Biden")
    assert not holds(ents, "Jill Biden", "Biden")
