"""Draw a round's sample of extracted relations to judge by hand (run from the repository root).

    PYTHONPATH=src:. python docs/judged/sample.py ROUND_DIR SEED   # e.g. thirteenth-round 13

Every relation the current code extracts on dev and test, shuffled with ``random.Random(SEED)``;
the first 100 go to ``docs/judged/ROUND_DIR/sample.jsonl`` (the count of all goes to stderr).
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from tests.evaluation import extract_split

ROOT = Path(__file__).resolve().parents[2]


def relations() -> list[dict[str, object]]:
    """Each relation extracted on dev and test, its sides and source by name, with its sentence."""
    rows: list[dict[str, object]] = []
    for split in ("dev", "test"):
        for path, ex in extract_split(split):
            names = {e["id"]: e["name"] for e in ex["entities"]}
            for r in ex["relations"]:
                rows.append({
                    "split": split, "file": str(path.relative_to(ROOT)), "subject": names.get(r["subject"]),
                    "predicate": r["predicate"], "object": names.get(r["object"]), "modality": r["modality"],
                    "attributed_to": names.get(r["attributed_to"]) if r.get("attributed_to") else None,
                    "evidence": r["evidence"]["text"]})
    return rows


def main(round_dir: str, seed: int) -> None:
    rows = relations()
    random.Random(seed).shuffle(rows)
    print(len(rows), file=sys.stderr)
    with open(ROOT / "docs" / "judged" / round_dir / "sample.jsonl", "w", encoding="utf-8") as f:
        for i, r in enumerate(rows[:100]):
            f.write(json.dumps({"n": i + 1, **r}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
