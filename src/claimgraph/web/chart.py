"""Numbers claimed about an actor over time, laid out as a small chart the template draws in SVG.

Server-side layout keeps the page free of inline script: the template only places circles and
lines at the coordinates computed here. One series per source (the speaker, else the report's
own voice), one colour each.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from claimgraph.graph.claims import ClaimGroup

WIDTH, HEIGHT, PAD_LEFT, PAD_RIGHT, PAD_Y = 560, 150, 48, 12, 18
SERIES = 8  # series colours in the stylesheet: .series-0 ... .series-7


@dataclass(slots=True)
class Point:
    x: float
    y: float
    value: float
    published: str
    source: str
    series: int
    document_id: str
    start: int
    end: int
    modality: str


@dataclass(slots=True)
class Chart:
    title: str
    width: int = WIDTH
    height: int = HEIGHT
    points: list[Point] = field(default_factory=list)
    legend: list[tuple[int, str]] = field(default_factory=list)
    y_ticks: list[tuple[float, str]] = field(default_factory=list)
    x_ticks: list[tuple[float, str, str]] = field(default_factory=list)  # x, label, text-anchor


def _day(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def quantity_charts(groups: list[ClaimGroup]) -> list[Chart]:
    """One chart per quantity group with at least one dated number."""
    return [c for c in (_chart(g) for g in groups) if c.points]


def _chart(g: ClaimGroup) -> Chart:
    unit = f" ({g.unit})" if g.unit else ""
    chart = Chart(f"{g.predicate}{unit}")
    raw: list[tuple[date, Any]] = []
    for sources in g.sources.values():
        for s in sources:
            day = _day(s.published)
            if day is not None and s.value is not None:
                raw.append((day, s))
    if not raw:
        return chart
    days = [d for d, _ in raw]
    values = [s.value for _, s in raw]
    d0, d1 = min(days), max(days)
    v1 = max(max(values), 1.0)
    span_days = max((d1 - d0).days, 1)
    series: dict[str, int] = {}
    for day, s in sorted(raw, key=lambda r: r[0]):
        source = s.by_name or "the report"
        if source not in series:
            series[source] = len(series) % SERIES
            chart.legend.append((series[source], source))
        x = PAD_LEFT + (WIDTH - PAD_LEFT - PAD_RIGHT) * (((day - d0).days / span_days) if d1 != d0 else 0.5)
        y = HEIGHT - PAD_Y - (HEIGHT - 2 * PAD_Y) * (s.value / v1)
        chart.points.append(
            Point(
                round(x, 1),
                round(y, 1),
                s.value,
                day.isoformat(),
                source,
                series[source],
                s.document_id,
                s.start,
                s.end,
                s.modality,
            )
        )
    chart.y_ticks = [(float(HEIGHT - PAD_Y), "0"), (float(PAD_Y), f"{v1:,.0f}")]
    if d1 != d0:
        chart.x_ticks = [
            (float(PAD_LEFT), d0.isoformat(), "start"),
            (float(WIDTH - PAD_RIGHT), d1.isoformat(), "end"),
        ]
    else:
        chart.x_ticks = [((WIDTH + PAD_LEFT - PAD_RIGHT) / 2, d0.isoformat(), "middle")]
    return chart
