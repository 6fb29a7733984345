"""Wire-service datelines: "HANOI, Vietnam (AP) — U.S. Defense Secretary Mark Esper ...", "(Reuters) — ...".

News agencies and the outlets that reprint them open a report's first paragraph with the place
it was filed from, in capitals, an optional region or country, the agency in parentheses and a
dash. The line is no part of the first sentence: the place is neither its subject nor its
speaker, and the agency in parentheses is no acronym of the place before it. The pattern is the
wire style itself (AP, Reuters, AFP, CNN, UPI all write it), not one outlet's page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_CAPS_WORD = r"[A-Z][A-Z.'’\-]*[A-Z.]"
_TITLE_WORD = r"[A-Z][\w.'’\-]*"
_DATELINE = re.compile(
    rf"(?:(?P<place>{_CAPS_WORD}(?: {_CAPS_WORD})*)(?![\w'’\-])"
    rf"(?:, (?P<region>{_TITLE_WORD}(?: {_TITLE_WORD}){{0,3}}))?)?"
    r"(?:(?(place) )\((?P<agency>[A-Z][\w.&’' -]{0,30}[\w.])\))?"
    r"(?:[ \t]*[—–][ \t]*|[ \t]+--?[ \t]+)(?=\S)"  # a dash; a hyphen only between spaces ("ABS-CBN")
)


# Agencies that open a report with their name alone, "(Reuters) — ...": the closed list of the big
# wire services, so that "(Updated) — ..." or "(Photo) - ..." is no dateline.
WIRE_SERVICES = frozenset({
    "ap", "afp", "reuters", "upi", "cnn", "bloomberg", "dpa", "efe", "ansa", "xinhua", "kyodo", "yonhap",
    "tass", "interfax", "pti", "ani", "ians", "aap", "pa", "anadolu", "bernama", "cna",
})


@dataclass(frozen=True, slots=True)
class Dateline:
    """Character offsets of one dateline's parts in the document text."""

    start: int
    end: int  # where the first sentence begins, after the dash
    place: tuple[int, int] | None  # None in "(Reuters) — ..."
    region: tuple[int, int] | None
    agency: tuple[int, int] | None


def paragraph_starts(text: str) -> Iterator[int]:
    """The offset of the first character of every line of ``text``."""
    yield 0
    at = text.find("\n")
    while at != -1:
        yield at + 1
        at = text.find("\n", at + 1)


def dateline_at(text: str, start: int) -> Dateline | None:
    """The dateline that opens the line at ``start``, if there is one.

    A word in capitals and a dash alone ("WASHINGTON —", but also "UPDATE —") match too: a caller
    takes such a place for an entity only where the tagger found a name there."""
    m = _DATELINE.match(text, start)
    if m is None or not m.group("place") and (m.group("agency") or "").casefold() not in WIRE_SERVICES:
        return None
    if m.group("place") and len(m.group("place").replace(".", "")) < 2:
        return None
    place, region, agency = (m.span(g) if m.group(g) else None for g in ("place", "region", "agency"))
    return Dateline(m.start(), m.end(), place, region, agency)


def find_datelines(text: str) -> list[Dateline]:
    """Every line of ``text`` that opens with a dateline."""
    return [d for at in paragraph_starts(text) if (d := dateline_at(text, at)) is not None]

