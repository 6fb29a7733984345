"""Entity errors per report of a split, sorted into causes (the shared scorer's terms).

    python training/ner/entity_errors.py [train|dev] [--cached EXTRACTIONS.json]

Lists, per report, the gold entities with a form no extracted entity holds ("missed"), those whose
forms are all held but by no one entity ("split"), and the gold "distinct" pairs whose sides share
an entity ("merged"), each with a rough cause; then the count of each cause. ``--cached`` reads a
JSON list of [text path, extraction] pairs instead of extracting. Never run it on the test split.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.evaluation import extract_split, load_gold, score

# a photo caption or credit line ("... with supporters. Image: Gage Skidmore."), which ingest takes out
_CREDIT = re.compile(r"\b(?:image|photo|picture)(?: credit)?s?\s*:", re.I)


def _missed_cause(alias: str, doc_text: str, file_text: str, ex: dict[str, Any]) -> str:
    """Why no entity holds a gold form."""
    if alias not in file_text:
        return "absent from the file"
    if alias not in doc_text:
        line = next((ln for ln in file_text.splitlines() if alias in ln), "")
        return "caption or credit (stripped)" if _CREDIT.search(line) else "stripped by ingest"
    starts = [m.start() for m in re.finditer(re.escape(alias), doc_text)]
    overlapping = [m["text"] for e in ex["entities"] for m in e.get("mentions", [])
                   if any(m["start"] < s + len(alias) and s < m["end"] for s in starts)]
    if overlapping:
        return "boundary"
    return "no mention"


def _holders(res: Any, aliases: list[str], ents: dict[str, Any]) -> str:
    out = []
    for a in aliases:
        ids = res.entity_holding(a)
        out.append(f"{a!r}->" + "|".join(f"{i}:{ents[i]['name']}/{ents[i]['type']}" for i in sorted(ids)))
    return "; ".join(out)


def report(path: Path, ex: dict[str, Any], causes: Counter[str]) -> list[str]:
    gold = load_gold(path)
    res = score.Resolver(ex, gold)
    ents = {e["id"]: e for e in ex["entities"]}
    doc_text = ex["document"].get("text", "")
    file_text = path.read_text(encoding="utf-8")
    lines = []
    for g in gold.get("entities", []):
        holders = [res.entity_holding(a) for a in g["aliases"]]
        if not all(holders):
            for a, h in zip(g["aliases"], holders):
                if not h:
                    cause = _missed_cause(a, doc_text, file_text, ex)
                    causes["missed: " + cause] += 1
                    lines.append(f"  MISSED [{cause}] {g['type']} {a!r} (of {g['name']!r})")
        elif not set.intersection(*holders):
            causes["split"] += 1
            lines.append(f"  SPLIT {g['type']} {g['name']!r}: {_holders(res, g['aliases'], ents)}")
    for a, b in gold.get("distinct", []):
        ida = set().union(*(res.entity_holding(x) for x in res.gold.get(a, {a})))
        idb = set().union(*(res.entity_holding(x) for x in res.gold.get(b, {b})))
        if ida & idb:
            causes["merged"] += 1
            shared = ", ".join(f"{i}:{ents[i]['name']}/{ents[i]['type']}" for i in sorted(ida & idb))
            lines.append(f"  MERGED {a!r} / {b!r} in {shared} (aliases {ents[min(ida & idb)]['aliases']})")
        elif not (ida and idb):
            causes["distinct side missing"] += 1
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("split", choices=("train", "dev"))
    parser.add_argument("--cached")
    args = parser.parse_args()
    if args.cached:
        pairs = [(Path(p), ex) for p, ex in json.loads(Path(args.cached).read_text())]
    else:
        pairs = extract_split(args.split)
    causes: Counter[str] = Counter()
    for path, ex in pairs:
        lines = report(path, ex, causes)
        if lines:
            print(path.stem)
            print("\n".join(lines))
    for cause, n in causes.most_common():
        print(f"{n:5} {cause}")


if __name__ == "__main__":
    main()
