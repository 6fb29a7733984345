"""US states as American news writes them after a city ("Hayward, Calif.") and in a lawmaker's
party code ("Rep. Ilhan Omar (D-Minn.)", "R-W.Va."): the AP style abbreviations, from the `us`
package's table of states."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator


# "(D-Minn.)", ", R-W.Va.,", "(R-TX)": party letter, hyphen, the state's AP or postal abbreviation
PARTY_CODE = re.compile(r"\b[RDI]-(?P<state>(?:[A-Z][a-z]{0,4}\.\s?){1,2}|[A-Z]{2}\b)")
# "Hayward, Calif.", "Rochester, N.Y.": a place's name, a comma, an abbreviation
_AFTER_PLACE = re.compile(r"(?<=[A-Za-z]), (?P<state>(?:[A-Z][a-z]{0,4}\.\s?){1,2})")


@functools.cache
def _states() -> tuple[dict[str, str], dict[str, str]]:
    """(AP abbreviation -> state, postal code -> state) for the 50 states; abbreviations are kept
    without inner spaces ("W. Va." is "W.Va.")."""
    import us

    # the states AP does not abbreviate ("Texas", "Ohio") have their name as ``ap_abbr``
    ap = {s.ap_abbr: s.name for s in us.states.STATES if s.ap_abbr and s.ap_abbr != s.name}
    postal = {s.abbr: s.name for s in us.states.STATES}
    return ap, postal


# Names that alone mean a city or the federal government as often as the state
_AMBIGUOUS = frozenset({"New York", "Washington"})


@functools.cache
def _names() -> dict[str, str]:
    """A state's name or AP abbreviation (case-folded, no inner spaces) -> the state, for the states
    AP abbreviates, but for those whose name is as often a city's or the government's."""
    ap, _ = _states()
    both = {abbr.casefold(): name for abbr, name in ap.items()} | {name.casefold(): name for name in ap.values()}
    return {k: v for k, v in both.items() if v not in _AMBIGUOUS}


def state_named(text: str) -> str | None:
    """The state a place's name or AP abbreviation names ("West Virginia", "W.Va."); None for New
    York and Washington."""
    return _names().get(text.replace(" ", "").casefold()) or _names().get(text.casefold())


def abbreviated_states(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, state) of every state abbreviation after a place's name or in a party code."""
    ap, postal = _states()
    for pattern in (PARTY_CODE, _AFTER_PLACE):
        for m in pattern.finditer(text):
            written = m.group("state").rstrip()
            state = ap.get(written.replace(" ", "")) or (postal.get(written) if pattern is PARTY_CODE else None)
            if state is not None:
                yield m.start("state"), m.start("state") + len(written), state
