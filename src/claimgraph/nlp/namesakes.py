"""What the text says of the gender of the person a name stands for, mention by mention: the cue the
alias rules read to tell namesakes of one family apart ("Michelle Obama" and "President Obama's
administration achieved the platform he promised": the bare "Obama" is a man, not her).

Read off the text alone, before the parse's pronouns are resolved (they need the entities): a
gendered honorific right before the name ("Mr.", "Mrs.", "Queen"), and the first he/she-pronoun after
it in its own sentence, before another person is named and before a quote opens (words inside marks
are someone's own, whose "he" is anyone).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from claimgraph.nlp.mentions import RawMention
from claimgraph.nlp.pronouns import FEMALE, MALE, honorific_gender

# Where the words after a name stop being about it: a quote mark, a line break, a sentence's end.
_STOP = re.compile(r"[\"\u201c\u201d\n]|[.!?](?=\s)")
_WORD = re.compile(r"[A-Za-z]+")
# How far after a name its pronoun may stand (characters).
_REACH = 120
# How many votes one gender needs over the other before a form's gender counts: one honorific, or two
# pronouns.
MARGIN = 2


def mention_gender(text: str, mention: RawMention, stop: int) -> Counter[str]:
    """The gender votes of one mention: 2 for a gendered honorific before it, 1 for the first he/she
    after it in its sentence, before ``stop`` (where the next person is named)."""
    votes: Counter[str] = Counter()
    if honorific := honorific_gender(text, mention.start):
        votes[honorific] += 2
    after = text[mention.end : min(stop, mention.end + _REACH)]
    after = _STOP.split(after, 1)[0]
    for word in _WORD.findall(after.lower()):
        if word in MALE or word in FEMALE:
            votes["m" if word in MALE else "f"] += 1
            break
    return votes


def form_genders(
    text: str, mentions: Sequence[RawMention], key: Callable[[str], str],
) -> dict[str, Counter[str]]:
    """The gender votes of every person's form (by ``key`` of its text), summed over its mentions."""
    people = sorted((m for m in mentions if m.label == "PERSON"), key=lambda m: m.start)
    out: dict[str, Counter[str]] = {}
    for m, nxt in zip(people, [*people[1:], None]):
        stop = nxt.start if nxt is not None else len(text)
        out.setdefault(key(m.text), Counter()).update(mention_gender(text, m, stop))
    return out


def voted_gender(votes: Counter[str] | None) -> str | None:
    """"m" or "f" when one gender has ``MARGIN`` votes more than the other, else None."""
    if not votes:
        return None
    lead = votes["m"] - votes["f"]
    return "m" if lead >= MARGIN else "f" if lead <= -MARGIN else None
