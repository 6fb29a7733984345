"""Where sources disagree: denials, incompatible objects, and numbers that cannot both be true.

Three kinds, each between claims from *different sources* (another report, or another speaker
in the same report), so a report that counts two things in its own voice is not at odds with itself:

- ``denial``: the same subject, predicate and object stated by one source and denied by another
  (denials written as rebuttals of another's words, "dismissed the claim as groundless", are
  found in the report texts by ``graph/rebuttals.py``);
- ``incompatible``: a predicate that allows one value at a time (a body has one holder of an
  office) given two different values by reports published close together, each read as current
  at its report's date and in the same office (``graph/scope.py``: "former", "then-", a past
  year, "resigned" put a claim in the past; a president and a prime minister do not conflict);
- ``numbers``: the same count of the same subject whose ranges, read with their qualifiers
  ("about", "at least", "up to"), do not overlap, in reports of the same event window (a few
  days); a toll that only rises from one day to the next is an update, not a dispute, and a
  rate, share or projection is no count.

Each side lists its claims with the number of independent reports behind it; the side more
reports support comes first.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations
from typing import Protocol

from claimgraph.graph.claims import Claim
from claimgraph.graph.scope import Tenure, counted, is_count, tenure

# Predicates with one value at a time, and which side is fixed: one leader per unit at a time.
FUNCTIONAL = {"leader_of": "object"}
# How far a number stated with each qualifier reaches, as (low factor, high factor) of its value.
# "About 300" is read as 225-375: loose enough for rounding, tight enough that 300 is not 3,000.
SPREAD = {"exact": (1.0, 1.0), "approximately": (0.75, 1.25), "estimate": (0.75, 1.25)}
NOT_A_FACT = {"target"}  # a goal is not a count, so it cannot contradict one
# A sum of money names no thing it measures (a loss, a turnover, a book value: "amount" for all),
# so two sums of one subject are two facts, not one fact given two values.
UNCOMPARABLE = frozenset({"amount"})
WINDOW_DAYS = 3  # reports this close together describe the same moment (and event)
# Counts that only grow as an event unfolds: a higher number in a later report is an update.
CUMULATIVE = frozenset({"deaths", "dead", "killed", "injured", "wounded", "arrested", "detained", "cases",
                        "infected", "evacuated", "displaced", "casualties"})


@dataclass(slots=True)
class Conflict:
    kind: str  # denial | incompatible | numbers
    subject: str
    predicate: str
    object: str | None
    left: list[Claim] = field(default_factory=list)
    right: list[Claim] = field(default_factory=list)
    left_reports: int = 0  # independent reports behind each side
    right_reports: int = 0

    def rank(self) -> Conflict:
        """Count each side's reports and put the better supported side first."""
        self.left_reports = len({c.document_id for c in self.left})
        self.right_reports = len({c.document_id for c in self.right})
        if self.kind != "denial" and self.right_reports > self.left_reports:
            self.left, self.right = self.right, self.left
            self.left_reports, self.right_reports = self.right_reports, self.left_reports
        return self


@dataclass(frozen=True, slots=True)
class Shape:
    """What some claims say, without who says it or where: the store counts an actor's claims by
    shape from an index, and :func:`conflicting_predicates` reads them."""

    kind: str
    subject: str
    predicate: str
    object: str | None
    unit: str | None
    modality: str
    qualifier: str | None
    value: float | None
    high: float | None


def conflicting_predicates(shapes: Iterable[Shape]) -> set[str]:
    """The predicates (and numbers' properties) among whose claims :func:`find_conflicts` can find
    a conflict: a relation both stated and denied, a body given two holders of a one-at-a-time
    office, a count given two values that cannot both hold. A conflict never spans two
    predicates, so :func:`find_conflicts` over every claim of these predicates finds what it
    finds over them all, and an actor of thousands of claims is read only where it matters."""
    modalities: dict[tuple[str, str, str | None], set[str]] = defaultdict(set)
    holders: dict[tuple[str, str], set[str]] = defaultdict(set)
    spans: dict[tuple[str, str, str | None], set[tuple[float, float]]] = defaultdict(set)
    for x in shapes:
        if x.kind == "relation":
            modalities[(x.subject, x.predicate, x.object)].add(x.modality)
            if x.predicate in FUNCTIONAL and x.object is not None and _stated(x):
                fixed, other = (x.object, x.subject) if FUNCTIONAL[x.predicate] == "object" else (x.subject, x.object)
                holders[(x.predicate, fixed)].add(other)
        elif _stated(x) and x.qualifier not in NOT_A_FACT and x.value is not None \
                and x.predicate not in UNCOMPARABLE:
            spans[(x.subject, x.predicate, x.unit)].add(interval(x))
    out = {p for (_s, p, _o), ms in modalities.items() if "denied" in ms and any(m not in _UNSTATED for m in ms)}
    out |= {p for (p, _fixed), others in holders.items() if len(others) > 1}
    out |= {p for (_s, p, _u), found in spans.items() if min(h for _l, h in found) < max(lo for lo, _h in found)}
    return out


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


class Valued(Protocol):
    """A claim or a :class:`Shape`: what :func:`interval` and :func:`_stated` read."""

    @property
    def modality(self) -> str: ...
    @property
    def value(self) -> float | None: ...
    @property
    def qualifier(self) -> str | None: ...
    @property
    def high(self) -> float | None: ...


def interval(c: Valued) -> tuple[float, float]:
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
    claims: Iterable[Claim],
    published: Mapping[str, str | None],
    window_days: int = WINDOW_DAYS,
    names: Mapping[str, str] | None = None,
) -> list[Conflict]:
    """Every conflict among ``claims``; ``published`` maps document ids to ISO dates, ``names``
    graph ids to names (to find a leader's title next to the name in the sentence).

    An actor of thousands of reports has thousands of claims: a sentence is read (for a leader's
    office and time, or for what a number counts) only where a conflict is still possible, in
    a body that two leaders are said to lead, or a count given two values that cannot both hold.
    """
    return [c for _at, c in find_conflicts_at(list(claims), published, window_days, names)]


Place = tuple[int, tuple[int, ...], int]  # where find_conflicts puts a conflict: kind, claim positions, pair


def find_conflicts_at(
    claims: list[Claim],
    published: Mapping[str, str | None],
    window_days: int = WINDOW_DAYS,
    names: Mapping[str, str] | None = None,
) -> list[tuple[Place, Conflict]]:
    """:func:`find_conflicts` with the place of each conflict in its order: the kind's rank (denials,
    incompatible holders, numbers), the positions in ``claims`` of the claims that place its group
    (a group of claims of one statement: its first claim; a body's holders of an office: the first
    claim of the statement group, then its first claim in that office), and its pair's number in
    the group. The list is sorted by place; with the claims in ingest order, the places of two
    runs over different claims of one actor compare as positions in all its claims would."""
    days = {doc: _day(p) for doc, p in published.items()}
    relations: dict[tuple[str, str, str | None], list[Claim]] = defaultdict(list)
    numbers: dict[tuple[str, str, str | None], list[tuple[int, Claim]]] = defaultdict(list)
    first: dict[tuple[str, str, str | None], int] = {}  # each statement group's first claim
    at: dict[str, int] = {}
    for i, c in enumerate(claims):
        at[c.id] = i
        if c.kind == "relation":
            first.setdefault((c.subject, c.predicate, c.object), i)
            relations[(c.subject, c.predicate, c.object)].append(c)
        elif _stated(c) and c.qualifier not in NOT_A_FACT and c.value is not None \
                and c.predicate not in UNCOMPARABLE:
            numbers[(c.subject, c.predicate, c.unit)].append((i, c))
    read: dict[tuple[str, str | None, str | None], Tenure] = {}  # a sentence reported many times is read once
    tenures = {}
    for c in _rival_holders(relations):
        key = (c.evidence, published.get(c.document_id), (names or {}).get(c.subject))
        if key not in read:
            read[key] = tenure(*key)
        tenures[c.id] = read[key]
    out: list[tuple[Place, Conflict]] = [
        ((0, (first[(x.subject, x.predicate, x.object)],), 0), x) for x in _denials(relations)]
    out += [((1, (first[(c.subject, c.predicate, c.object)], at[c.id]), n), x)
            for c, n, x in _incompatible(relations, days, window_days, tenures)]
    out += [((2, (i,), n), x) for i, n, x in _numbers(_counts(numbers), days, window_days)]
    return [(place, c.rank()) for place, c in out]


_UNSTATED = ("denied", "uncertain")


def _stated(c: Valued) -> bool:
    return c.modality not in _UNSTATED


def _rival_holders(relations: Mapping[tuple[str, str, str | None], list[Claim]]) -> list[Claim]:
    """The stated claims of a one-at-a-time predicate whose fixed side is given two values (two
    leaders of one body): the only ones :func:`_incompatible` can pair."""
    by_fixed: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for (s, p, o), group in relations.items():
        if p in FUNCTIONAL and o is not None:
            by_fixed[(p, o if FUNCTIONAL[p] == "object" else s)] += [c for c in group if _stated(c)]
    out = []
    for (p, _fixed), group in by_fixed.items():
        side = "subject" if FUNCTIONAL[p] == "object" else "object"
        if len({getattr(c, side) for c in group}) > 1:
            out += group
    return out


def _counts(
    numbers: Mapping[tuple[str, str, str | None], list[tuple[int, Claim]]],
) -> dict[tuple[str, str, str | None], list[tuple[int, Claim]]]:
    """The numbers that count one thing at one moment (:func:`is_count`), grouped, the groups
    in the order of their first such claim (``numbers`` holds each claim's position); a group
    whose values all overlap cannot conflict, whatever is_count keeps, and is not read."""
    kept: dict[tuple[str, str, str | None], list[tuple[int, Claim]]] = {}
    read: dict[str, bool] = {}  # a sentence reported many times is read once
    for key, group in numbers.items():
        spans = [interval(c) for _i, c in group]
        if min(high for _low, high in spans) < max(low for low, _high in spans):
            for _i, c in group:
                if c.evidence not in read:
                    read[c.evidence] = is_count(c.evidence)
            if counts := [(i, c) for i, c in group if read[c.evidence]]:
                kept[key] = counts
    return {key: kept[key] for key in sorted(kept, key=lambda k: kept[k][0][0])}


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
    relations: Mapping[tuple[str, str, str | None], list[Claim]],
    days: Mapping[str, date | None],
    window: int,
    tenures: Mapping[str, Tenure],
) -> list[tuple[Claim, int, Conflict]]:
    """Two holders of one office of one body, both current, in reports close together; a
    sentence that reports a change of holder is a succession, not a dispute. Each with the first
    claim of its body and office and the number of its pair there."""
    by_fixed: dict[tuple[str, str, str | None], list[Claim]] = defaultdict(list)
    for (s, p, o), group in relations.items():
        if p in FUNCTIONAL and o is not None:
            fixed = o if FUNCTIONAL[p] == "object" else s
            for c in group:
                t = tenures.get(c.id)  # None: no rival holder, see _rival_holders
                if t is not None and _stated(c) and t.current and not t.change and t.office:
                    by_fixed[(p, fixed, t.office)].append(c)
    out = []
    for (p, fixed, _office), group in by_fixed.items():
        side = "subject" if FUNCTIONAL[p] == "object" else "object"
        values: dict[str, list[Claim]] = defaultdict(list)
        for c in group:
            values[str(getattr(c, side))].append(c)
        for n, (a, b) in enumerate(combinations(sorted(values), 2)):
            if _overlap_in_time(values[a], values[b], days, window):
                subject, obj = (a, fixed) if side == "subject" else (fixed, a)
                out.append((group[0], n, Conflict("incompatible", subject, p, obj, values[a], values[b])))
    return out


def _numbers(
    numbers: Mapping[tuple[str, str, str | None], list[tuple[int, Claim]]],
    days: Mapping[str, date | None],
    window: int,
) -> list[tuple[int, int, Conflict]]:
    """Counts that cannot both hold, each with the position of its group's first claim and the
    number of its pair there."""
    out = []
    read: dict[tuple[str, float | None], tuple[frozenset[str], frozenset[str]]] = {}

    def what(c: Claim) -> tuple[frozenset[str], frozenset[str]]:
        # a claim may be in many pairs, and a sentence reported many times is read once
        if (c.evidence, c.value) not in read:
            read[(c.evidence, c.value)] = counted(c.evidence, c.value)
        return read[(c.evidence, c.value)]

    for (s, p, _unit), placed in numbers.items():
        # the same number from many reports is one statement: compare distinct statements only
        statements: dict[tuple[float, float], list[Claim]] = defaultdict(list)
        for _i, c in placed:
            statements[interval(c)].append(c)
        for n, (a, b) in enumerate(combinations(sorted(statements), 2)):
            disjoint = a[1] < b[0] or b[1] < a[0]
            if not disjoint or not _same_thing(statements[a], statements[b], what):
                continue
            if p in CUMULATIVE:  # a toll that grows with time: only the same day, or a fall, disputes
                low, high = (statements[a], statements[b]) if a[1] < b[0] else (statements[b], statements[a])
                if not _same_day_or_falling(low, high, days, window):
                    continue
            if _overlap_in_time(statements[a], statements[b], days, window):
                out.append((placed[0][0], n, Conflict("numbers", s, p, None, statements[a], statements[b])))
    return out


def _same_thing(
    left: list[Claim], right: list[Claim], what: Callable[[Claim], tuple[frozenset[str], frozenset[str]]]
) -> bool:
    """Whether two counts count the same people: not 'fourteen civilians' against a total, nor
    '790 Azerbaijani soldiers' against '2,300 Artsakh soldiers' (``what``: :func:`counted`)."""
    a = {what(c) for c in left}  # many reports of one number mostly read alike
    b = {what(c) for c in right}
    for (pa, ca), (pb, cb) in ((x, y) for x in a for y in b):
        if pa == pb and not (ca and cb and not ca & cb):
            return True
    return False


def _same_day_or_falling(
    low: list[Claim], high: list[Claim], days: Mapping[str, date | None], window: int
) -> bool:
    """Whether a lower count is stated the same day as a higher one, or after it."""
    for x in low:
        for y in high:
            dx, dy = days.get(x.document_id), days.get(y.document_id)
            if _source(x) != _source(y) and (dx is None or dy is None or (dx >= dy and (dx - dy).days <= window)):
                return True
    return False


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
