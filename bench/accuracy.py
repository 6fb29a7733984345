"""Accuracy per split of the annotated reports (see `tests/evaluation.py` for the splits).

    python bench/accuracy.py [train dev test] [--files]

Prints the shared scorer's measures (averaged over files) and our pooled relation precision,
modality and quantity measures. Read the test split's figures only to report them: rules and the
relation scorer are written and trained from train, chosen on dev.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.evaluation import SPLITS, evaluate, extract_split


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("splits", nargs="*", default=["train", "dev"], choices=SPLITS)
    parser.add_argument("--files", action="store_true", help="also print each file's scores")
    args = parser.parse_args()
    rows = {}
    for split in args.splits:
        pairs = extract_split(split)
        rows[split] = evaluate(pairs)
        if args.files:
            from tests.evaluation import load_gold, score

            for path, ex in pairs:
                s = score.score(ex, load_gold(path))
                print(f"{split:5} {path.stem[:40]:40} " + " ".join(f"{k[:8]}={v:.2f}" for k, v in s.items()))
    measures = list(next(iter(rows.values())))
    print(f"{'measure':22}" + "".join(f"{s:>9}" for s in rows))
    for m in measures:
        print(f"{m:22}" + "".join(f"{rows[s][m]:9.3f}" for s in rows))


if __name__ == "__main__":
    main()
