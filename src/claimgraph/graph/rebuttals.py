"""Denials written as rebuttals of someone else's words, linked to the claim they deny (issue #8).

"Mike Pompeo said the crash was "likely" Iran's doing. For several days Iran denied the
accusation." The denial names no relation a parser could match against a stated one; it points
back at an earlier claim ("the accusation", "the claim", "which ... denied", "denied that ...").
This module finds such sentences in a report's text and links each to the claim it answers: the
nearest earlier sentence (at most ``LOOKBACK`` back) in which another actor claims, says, accuses
or alleges; or, for "X claims ..., which Y denied", the first half of the same sentence.
Pure functions over one report's text and its entity mentions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

LOOKBACK = 3  # sentences
# A suggestion is a claim when it says something is so ("the suggestion that ..."); without a
# "that" it proposes ("Biden rejected Pelosi's suggestion" not to debate), which nothing denies.
_SUGGESTION = r"suggestions?(?=\s+that\b)"
# A denial cue. Passive or object uses ("was denied entry", "denied funding") are no rebuttal.
_DENY = re.compile(r"\b(denied|denies|deny|denying)\b(?!\s+(?:access|entry|visas?|funding|bail|permission|health|from|the (?:right|effect)))")
_REJECT = re.compile(
    r"\b(dismissed|rejected|refuted|disputed|rebuffed)\b[^.]{0,60}?"
    r"\b(claims?|accusations?|allegations?|charges?|story|reports?|" + _SUGGESTION + r")\b"
)
_FALSE = re.compile(
    r"\b(?:said|called|described|labell?ed|termed|dismissed|rejected)\b[^.]{0,80}?\b(?:patently |completely |totally |entirely )?"
    r"(?:false|untrue|groundless|baseless|fabricated|a lie|lies|fake news|a hoax|disinformation)\b"
)
_PASSIVE = re.compile(r"\b(?:was|were|be|been|being|is|are)\s+$")
# What the denial points back at.
_ANAPHOR = re.compile(r"\b(?:the|these|those|this|that|such|all|any|his|her|their)\s+(?:\w+\s+)?"
                      r"(?:accusations?|allegations?|claims?|charges?|story|reports?|" + _SUGGESTION + r")\b")
_WHICH = re.compile(r",\s*which\b[^,]*$")
# A sentence in which someone claims something.
_CLAIM = re.compile(
    r"\b(?:said|says|claimed|claims|claiming|alleged|alleges|accused|accuses|reported|according to|told|wrote|"
    r"tweeted|suggested|asserted|stated|announced|signed a letter saying)\b"
)
_NEGATED = re.compile(r"\b(?:not|never|n't)\s+(?:\w+\s+)?$")
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"”’]?|\n|$)")
_STOP = frozenset(["that", "this", "with", "from", "have", "been", "were", "their", "there", "which", "would", "about", "after", "before"])


@dataclass(frozen=True, slots=True)
class Mention:
    entity: str  # the actor's id (a graph id in the store)
    start: int
    end: int
    type: str = "PERSON"  # PERSON, ORG, GPE...: a person or an organisation speaks before a place


@dataclass(frozen=True, slots=True)
class Rebuttal:
    denier: str | None
    claimant: str | None
    claim: tuple[int, int]  # offsets of the denied claim's sentence (or clause)
    denial: tuple[int, int]  # offsets of the denial's sentence


def sentences(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _SENTENCE.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end - start > 2:
            out.append((start, end))
    return out


def _cue(sentence: str) -> re.Match[str] | None:
    for pattern in (_DENY, _REJECT, _FALSE):
        for m in pattern.finditer(sentence):
            if _NEGATED.search(sentence[: m.start()]):  # 'West did not deny the suggestion'
                continue
            passive = pattern is _DENY and _PASSIVE.search(sentence[: m.start()])
            if passive and " by " not in sentence[m.end() : m.end() + 5]:  # 'was denied by X' is one
                continue
            return m
    return None


def _actor_before(mentions: Sequence[Mention], start: int, end: int) -> str | None:
    """The actor that says or denies, named in [start, end) before the cue: the person named
    last ('US Secretary of State Mike Pompeo said'), else the organisation, else any actor
    ('Iran denied')."""
    before = [m for m in mentions if start <= m.start and m.end <= end]
    for kind in ("PERSON", "ORG"):
        speakers = [m for m in before if m.type == kind]
        if speakers:
            return speakers[-1].entity
    return before[-1].entity if before else None


def _actor_after_by(text: str, mentions: Sequence[Mention], cue_end: int, end: int) -> str | None:
    if text[cue_end : cue_end + 4] != " by ":
        return None
    after = [m for m in mentions if cue_end <= m.start < end]
    return after[0].entity if after else None


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in _STOP}


def find_rebuttals(text: str, mentions: Sequence[Mention]) -> Iterator[Rebuttal]:
    """Every rebuttal in one report, with the claim it denies."""
    spans = sentences(text)
    ordered = sorted(mentions, key=lambda m: m.start)
    for i, (s, e) in enumerate(spans):
        sentence = text[s:e]
        cue = _cue(sentence)
        if cue is None:
            continue
        cue_start, cue_end = s + cue.start(), s + cue.end()
        denier = _actor_after_by(text, ordered, cue_end, e) or _actor_before(ordered, s, cue_start)
        which = _WHICH.search(sentence[: cue.start()] + " ")
        if which and which.start() > 0:  # 'Bolton claims Trump asked Xi ..., which Trump denied'
            said = _CLAIM.search(sentence[: which.start()])
            claimant = _actor_before(ordered, s, s + said.start()) if said else None
            if said and claimant != denier:
                yield Rebuttal(denier, claimant, (s, s + which.start()), (s, e))
            continue
        anaphoric = bool(_ANAPHOR.search(sentence[cue.start() :])) or cue.re is not _DENY
        content = _words(re.split(r"[,;]", sentence[cue.end() :])[0])  # what is denied: the clause after the cue
        for j in range(i - 1, max(-1, i - 1 - LOOKBACK), -1):
            ps, pe = spans[j]
            previous = text[ps:pe]
            claim = _CLAIM.search(previous)
            if not claim:
                continue
            claimant = _actor_before(ordered, ps, ps + claim.start())
            if claimant is None or claimant == denier:
                continue
            if anaphoric or len(content & _words(previous)) >= 2:
                yield Rebuttal(denier, claimant, (ps, pe), (s, e))
            break
