"""Accuracy per split of the annotated reports (see `tests/evaluation.py` for the splits).

    python bench/accuracy.py [train dev test] [--files] [--by-source] [--only FILE]

Prints the shared scorer's measures (averaged over files) and our pooled relation precision,
modality and quantity measures. `--by-source` adds a column per split for the reports of other
outlets and one for Wikinews (by `tests/data/reports/manifest.json`; the older gold sets are
Wikinews); `--only FILE` keeps the reports whose file names (one per line, as the manifest writes
them: `test/x.txt`) FILE lists. Read the test split's figures only to report them: rules and the
relation scorer are written and trained from train, chosen on dev.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.evaluation import REPORTS, SPLITS, evaluate, extract_split


def sources() -> dict[str, str]:
    """Each manifest report's source ("wikinews" or "other"), keyed by its file name."""
    manifest = json.loads((REPORTS / "manifest.json").read_text(encoding="utf-8"))
    return {Path(row["file"]).name: row["source"] for row in manifest}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("splits", nargs="*", default=["train", "dev"], choices=SPLITS)
    parser.add_argument("--files", action="store_true", help="also print each file's scores")
    parser.add_argument("--by-source", action="store_true", help="also a column per source (other outlets, Wikinews)")
    parser.add_argument("--only", type=Path, help="a file listing the reports to keep, one per line")
    args = parser.parse_args()
    only = {Path(line.strip()).name for line in args.only.read_text().splitlines() if line.strip()} if args.only else None
    source_of = sources()
    rows = {}
    for split in args.splits:
        pairs = extract_split(split)
        if only is not None:
            pairs = [(path, ex) for path, ex in pairs if path.name in only]
        rows[split] = evaluate(pairs)
        if args.by_source:
            for source in ("other", "wikinews"):
                kept = [(path, ex) for path, ex in pairs if source_of.get(path.name, "wikinews") == source]
                if kept:
                    rows[f"{split}:{source[:5]}"] = evaluate(kept)
        if args.files:
            from tests.evaluation import load_gold, score

            for path, ex in pairs:
                s = score.score(ex, load_gold(path))
                print(f"{split:5} {path.stem[:40]:40} " + " ".join(f"{k[:8]}={v:.2f}" for k, v in s.items()))
    measures = list(next(iter(rows.values())))
    width = max(9, *(len(s) + 2 for s in rows))
    name_width = max(len(m) for m in measures) + 1
    print(f"{'measure':{name_width}}" + "".join(f"{s:>{width}}" for s in rows))
    for m in measures:
        print(f"{m:{name_width}}" + "".join(f"{rows[s][m]:{width}.3f}" for s in rows))


if __name__ == "__main__":
    main()
