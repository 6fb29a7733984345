"""A report's text cut into pieces for the page: each piece knows the entity mention, the quote
and the marked sentence it lies in, so the template can wrap it (and Jinja escape it).

Mentions, quotes and the marked range may overlap in any way; the text is cut at every
boundary of any of them, and each piece carries all that covers it.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Any

_BREAK = re.compile(r"\n[ \t]*\n\s*")
PALETTE = 10  # speaker colours in the stylesheet: .speaker-0 ... .speaker-9


@dataclass(slots=True)
class Piece:
    text: str
    entity: dict[str, Any] | None  # the mention's entity: graph id, name, type
    quote: dict[str, Any] | None  # the quote: id, speaker, speaker_name, colour
    marked: bool
    anchor: bool  # the first marked piece: the page scrolls here
    paragraph_break: bool = False


@dataclass(slots=True)
class Speaker:
    id: str | None
    name: str
    colour: int
    quotes: int


def speakers(quotes: list[dict[str, Any]]) -> list[Speaker]:
    """One colour per speaker, in order of first quote; unattributed quotes share the last slot."""
    out: dict[str | None, Speaker] = {}
    for q in quotes:
        key = q.get("speaker")
        if key not in out:
            colour = len([s for s in out.values() if s.id]) % (PALETTE - 1) if key else PALETTE - 1
            out[key] = Speaker(key, q.get("speaker_name") or "unattributed", colour, 0)
        out[key].quotes += 1
    return list(out.values())


def pieces(
    text: str,
    mentions: list[dict[str, Any]],
    quotes: list[dict[str, Any]],
    mark: tuple[int, int] | None = None,
) -> list[Piece]:
    n = len(text)
    colour = {s.id: s.colour for s in speakers(quotes)}
    cuts = {0, n}
    for span in (*mentions, *quotes):
        cuts.update((_clip(span["start"], n), _clip(span["end"], n)))
    if mark:
        mark = (_clip(mark[0], n), _clip(mark[1], n))
        cuts.update(mark)
    # paragraph breaks (blank lines, however many) become pieces of their own, shown as one
    breaks = [(m.start(), m.end()) for m in _BREAK.finditer(text)]
    for a, b in breaks:
        cuts.update((a, b))
    is_break = {a: b for a, b in breaks}
    bounds = sorted(cuts)
    mention_at = _cover(mentions, bounds)
    quote_at = _cover(quotes, bounds)
    out: list[Piece] = []
    anchored = False
    for k, (a, b) in enumerate(itertools.pairwise(bounds)):
        if a >= b:
            continue
        chunk = text[a:b]
        marked = bool(mark and mark[0] <= a and b <= mark[1] and mark[0] < mark[1])
        anchor = marked and not anchored
        anchored = anchored or anchor
        if is_break.get(a) == b:
            out.append(Piece(chunk, None, None, marked, anchor, paragraph_break=True))
            continue
        q = quote_at[k]
        quote = {**q, "colour": colour.get(q.get("speaker"), PALETTE - 1)} if q else None
        out.append(Piece(chunk, mention_at[k], quote, marked, anchor))
    return out


def _clip(x: int, n: int) -> int:
    return max(0, min(int(x), n))


def _cover(spans: list[dict[str, Any]], bounds: list[int]) -> list[dict[str, Any] | None]:
    """For each piece between consecutive bounds, the innermost (shortest) span covering it."""
    at: list[dict[str, Any] | None] = [None] * max(len(bounds) - 1, 0)
    index = {b: i for i, b in enumerate(bounds)}
    for span in sorted(spans, key=lambda s: -(s["end"] - s["start"])):
        lo, hi = index.get(span["start"]), index.get(span["end"])
        if lo is None or hi is None:
            continue
        for k in range(lo, hi):
            at[k] = span
    return at
