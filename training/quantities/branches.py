"""Which subject rule answers each counted figure, and how often it is right, per split: a rule
right on train but wrong on dev is tuned to train (read dev only as these counts, never its
sentences; never the test split).

    python training/quantities/branches.py [--parses DIR]

Reads the parses ``rerun.py`` keeps. A figure's rule is the line of ``_subjects`` (and, for a
toll's place, of ``event_place``) that returned its subjects; the figure is ``right`` when a gold
quantity has its value, property and subject, ``wrong`` when gold has its value and property with
another subject, ``unlisted`` when gold has no such quantity, ``none`` when the rules give no
subject to a figure gold lists.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path
from types import FrameType
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))

from errors import score  # noqa: E402
from rerun import load_split  # noqa: E402

from tests.evaluation import load_gold  # noqa: E402


def branches(split: str, folder: Path) -> dict[str, Counter[str]]:
    from claimgraph.nlp import quant_places, quant_subjects, quantities
    from claimgraph.nlp.quant_counted import money_kind
    from claimgraph.nlp.quant_numbers import currency_of, value_of
    from claimgraph.nlp.rel_index import EntityIndex

    watched = {quant_subjects._subjects.__code__: "subjects", quant_places.event_place.__code__: "place"}
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for path, doc, data, ex in load_split(split, folder):
        gold = load_gold(path)
        res = score.Resolver(data, gold)
        rules = quantities.subjects_of
        lines: dict[str, int] = {}

        def profile(frame: FrameType, event: str, arg: Any) -> None:
            if event == "return" and frame.f_code in watched:
                lines[watched[frame.f_code]] = frame.f_lineno

        def traced(idx: Any, group: Any, noun: Any, num: Any, prop: str, **kw: Any) -> list[str]:
            lines.clear()
            sys.setprofile(profile)
            try:
                chosen = rules(idx, group, noun, num, prop, **kw)
            finally:
                sys.setprofile(None)
            changed = quantities._changed(prop, noun, num)
            stated = (money_kind(noun, num) or prop) if currency_of(group) else changed
            value = (value_of(group) or (0.0,))[0]
            rule = f"subjects:{lines.get('subjects')}"
            if "place" in lines and chosen:
                rule += f" place:{lines['place']}"
            golds = [g for g in gold.get("quantities", [])
                     if g["property"] == stated and float(g["value"]) == value]
            if not golds:
                verdict = "unlisted"
            elif not chosen:
                verdict = "none"
            else:
                verdict = "right" if any(res.is_(s, g["subject"]) for s in chosen for g in golds) else "wrong"
            table[rule][verdict] += 1
            return chosen

        quantities.subjects_of = traced  # type: ignore[assignment]
        try:
            quantities.find_quantities(doc, ex.entities, ex.quotes, EntityIndex(doc, ex.entities))
        finally:
            quantities.subjects_of = rules
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--parses", type=Path, default=Path("/tmp/quant-parses"))
    args = parser.parse_args()
    tables = {s: branches(s, args.parses) for s in ("train", "dev")}
    rules = sorted({r for t in tables.values() for r in t})
    verdicts = ("right", "wrong", "unlisted", "none")
    print(f"{'rule (line)':28}" + "".join(f"{s[:5]} {v[:5]:>6}" for s in tables for v in verdicts))
    for r in rules:
        print(f"{r:28}" + "".join(f"{tables[s][r][v]:12}" for s in tables for v in verdicts))


if __name__ == "__main__":
    main()
