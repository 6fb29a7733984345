"""A span of publication dates, as `--since` and `--until` give it: whole days, both ends included."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _bounds(text: str) -> tuple[date, date]:
    """The first and last day that an ISO date, month ('2020-01') or year ('2020') covers."""
    m = _ISO.match(text.strip())
    if not m:
        raise ValueError(f"{text!r} is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)")
    year, month, day = int(m[1]), int(m[2] or 0), int(m[3] or 0)
    try:
        if day:
            first = last = date(year, month, day)
        elif month:
            first = date(year, month, 1)
            last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        else:
            first, last = date(year, 1, 1), date(year, 12, 31)
    except ValueError as exc:
        raise ValueError(f"{text!r} is not a date: {exc}") from exc
    return first, last


@dataclass(frozen=True, slots=True)
class Period:
    """Reports published from ``since`` up to and including ``until`` (None: open at that end).

    ``start`` and ``end`` are what the store compares ISO publication dates with:
    ``start <= published < end``. A report without a date falls outside every bounded period.
    """

    since: date | None = None
    until: date | None = None

    @classmethod
    def parse(cls, since: str | None = None, until: str | None = None) -> Period:
        """From ISO dates; a month or a year covers all its days ('--until 2020' ends on 31 December)."""
        first = _bounds(since)[0] if since else None
        last = _bounds(until)[1] if until else None
        if first and last and first > last:
            raise ValueError(f"--since {since} is after --until {until}")
        return cls(first, last)

    def __bool__(self) -> bool:
        return self.since is not None or self.until is not None

    @property
    def start(self) -> str | None:
        return self.since.isoformat() if self.since else None

    @property
    def end(self) -> str | None:
        return (self.until + timedelta(days=1)).isoformat() if self.until else None

    def contains(self, published: str | None) -> bool:
        if not self:
            return True
        if not published:
            return False
        return (self.start is None or published >= self.start) and (self.end is None or published < self.end)


ALWAYS = Period()
