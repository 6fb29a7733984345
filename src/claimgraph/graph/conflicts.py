"""Where sources disagree: denials, incompatible objects, and numbers that cannot both be true.

Three kinds, each between claims from *different sources* (another report, or another speaker
in the same report), so a report that counts two things in its own voice is not at odds with itself:

- ``denial``: the same subject, predicate and object stated by one source and denied by another;
- ``incompatible``: a predicate that allows one value at a time (a unit has one leader) given two
  different values by reports published close together;
- ``numbers``: the same count of the same subject whose ranges, read with their qualifiers
  ("about", "at least", "up to"), do not overlap, in reports published close together.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations

from claimgraph.graph.claims import Claim

# Predicates with one value at a time, and which side is fixed: one leader per unit at a time.
FUNCTIONAL = {"leader_of": "object"}
# How far a number stated with each qualifier reaches, as (low factor, high factor) of its value.
# "About 300" is read as 225-375: loose enough for rounding, tight enough that 300 is not 3,000.
SPREAD = {"exact": (1.0, 1.0), "approximately": (0.75, 1.25), "estimate": (0.75, 1.25)}
NOT_A_FACT = {"target"}  # a goal is not a count, so it cannot contradict one
WINDOW_DAYS = 31  # reports this close together describe the same moment


@dataclass(slots=True)
class Conflict:
    kind: str  # denial | incompatible | numbers
    subject: str
    predicate: str
    object: str | None
    left: list[Claim] = field(default_factory=list)
    right: list[Claim] = field(default_factory=list)


def _source(c: Claim) -> tuple[str, str | None]:
    return (c.document_id, c.attributed_to)


def _day(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def _close(a: date | None, b: date | None, window: int) -> bool:
    # an undated report could be from any time, so it is not held against a dated one
    if a is None or b is None:
        return a is None and b is None
    return abs((a - b).days) <= window


def interval(c: Claim) -> tuple[float, float]:
    """The values a quantity claim allows, read with its qualifier."""
    v = c.value or 0.0
    if c.qualifier == "at_least":
        return (v, float("inf"))
    if c.qualifier == "at_most":
        return (float("-inf"), v)
    if c.qualifier == "range":
        return (min(v, c.high if c.high is not None else v), max(v, c.high if c.high is not None else v))
    low, high = SPREAD.get(c.qualifier or "exact", (1.0, 1.0))
    return (v * low, v * high) if v >= 0 else (v * high, v * low)


def find_conflicts(
    claims: Iterable[Claim], published: Mapping[str, str | None], window_days: int = WINDOW_DAYS
) -> list[Conflict]:
    """Every conflict among ``claims``; ``published`` maps document ids to ISO dates."""
    days = {doc: _day(p) for doc, p in published.items()}
    relations: dict[tuple[str, str, str | None], list[Claim]] = defaultdict(list)
    numbers: dict[tuple[str, str, str | None], list[Claim]] = defaultdict(list)
    for c in claims:
        if c.kind == "relation":
            relations[(c.subject, c.predicate, c.object)].append(c)
        elif c.modality != "denied" and c.qualifier not in NOT_A_FACT and c.value is not None:
            numbers[(c.subject, c.predicate, c.unit)].append(c)
    out = _denials(relations) + _incompatible(relations, days, window_days)
    return out + _numbers(numbers, days, window_days)


def _denials(relations: Mapping[tuple[str, str, str | None], list[Claim]]) -> list[Conflict]:
    out = []
    for (s, p, o), group in relations.items():
        denied = [c for c in group if c.modality == "denied"]
        stated = [c for c in group if c.modality not in ("denied", "uncertain")]
        if (
            denied
            and stated
            and {_source(c) for c in stated} | {_source(c) for c in denied} != {_source(denied[0])}
        ):
            out.append(Conflict("denial", s, p, o, stated, denied))
    return out


def _incompatible(
    relations: Mapping[tuple[str, str, str | None], list[Claim]], days: Mapping[str, date | None], window: int
) -> list[Conflict]:
    by_fixed: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for (s, p, o), group in relations.items():
        if p in FUNCTIONAL and o is not None:
            fixed = o if FUNCTIONAL[p] == "object" else s
            by_fixed[(p, fixed)] += [c for c in group if c.modality not in ("denied", "uncertain")]
    out = []
    for (p, fixed), group in by_fixed.items():
        side = "subject" if FUNCTIONAL[p] == "object" else "object"
        values: dict[str, list[Claim]] = defaultdict(list)
        for c in group:
            values[str(getattr(c, side))].append(c)
        for a, b in combinations(sorted(values), 2):
            if _overlap_in_time(values[a], values[b], days, window):
                subject, obj = (a, fixed) if side == "subject" else (fixed, a)
                out.append(Conflict("incompatible", subject, p, obj, values[a], values[b]))
    return out


def _numbers(
    numbers: Mapping[tuple[str, str, str | None], list[Claim]], days: Mapping[str, date | None], window: int
) -> list[Conflict]:
    out = []
    for (s, p, _unit), group in numbers.items():
        # the same number from many reports is one statement: compare distinct statements only
        statements: dict[tuple[float, float], list[Claim]] = defaultdict(list)
        for c in group:
            statements[interval(c)].append(c)
        for a, b in combinations(sorted(statements), 2):
            disjoint = a[1] < b[0] or b[1] < a[0]
            if disjoint and _overlap_in_time(statements[a], statements[b], days, window):
                out.append(Conflict("numbers", s, p, None, statements[a], statements[b]))
    return out


def _overlap_in_time(
    left: list[Claim], right: list[Claim], days: Mapping[str, date | None], window: int
) -> bool:
    """Whether some claim on each side comes from different sources in reports close in time."""

    def by_day(claims: list[Claim]) -> dict[date | None, set[tuple[str, str | None]]]:
        out: dict[date | None, set[tuple[str, str | None]]] = defaultdict(set)
        for c in claims:
            out[days.get(c.document_id)].add(_source(c))
        return out

    right_days = by_day(right)
    for d1, s1 in by_day(left).items():
        for d2, s2 in right_days.items():
            if _close(d1, d2, window) and len(s1 | s2) > 1:
                return True
    return False
