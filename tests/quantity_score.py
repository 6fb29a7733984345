"""Score quantities against gold: our extension of the shared gold format ("quantities").

A gold quantity is found when an extracted quantity has the same value and property and a
subject that resolves to the gold subject (the shared scorer's surface-form resolution).
"""

from __future__ import annotations

from typing import Any


def quantity_scores(extraction: dict[str, Any], gold: dict[str, Any], resolver: Any) -> tuple[int, int, int]:
    """(gold quantities, found with value and property, found with the right subject too)."""
    got = extraction.get("quantities", []) or []
    total = found = subject = 0
    for g in gold.get("quantities", []):
        total += 1
        same = [q for q in got if float(q["value"]) == float(g["value"]) and q["property"] == g["property"]]
        if same:
            found += 1
            subject += any(resolver.is_(q["subject"], g["subject"]) for q in same)
    return total, found, subject
