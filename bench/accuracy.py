"""Accuracy per split of the annotated reports (see `tests/evaluation.py` for the splits).

    python bench/accuracy.py [train dev test] [--files] [--by-source] [--only FILE] [--html]

Prints the shared scorer's measures (averaged over files) and our pooled relation precision,
modality and quantity measures. `--by-source` adds a column per split for the reports of other
outlets and one for Wikinews (by `tests/data/reports/manifest.json`; the older gold sets are
Wikinews); `--only FILE` keeps the reports whose file names (one per line, as the manifest writes
them: `test/x.txt`) FILE lists; `--html` keeps the reports that have a saved page
(`tests/data/reports/html/`) and scores, beside their `.txt` (`split:txt`), the extraction of the
page itself (`split:html`, as `claimgraph extract page.html` reads it) and the difference
(`split:gap`), with the page cleaning's body token F1 against the `.txt` body. Read the test
split's figures only to report them: rules and the relation scorer are written and trained from
train, chosen on dev.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.evaluation import REPORTS, SPLITS, evaluate, extract_split


def sources() -> dict[str, str]:
    """Each manifest report's source ("wikinews" or "other"), keyed by its file name."""
    manifest = json.loads((REPORTS / "manifest.json").read_text(encoding="utf-8"))
    return {Path(row["file"]).name: row["source"] for row in manifest}


def html_rows(split: str, pairs: list[tuple[Path, dict[str, Any]]]) -> dict[str, dict[str, float]]:
    """A split's paged reports scored from their `.txt` and from their saved page, and the gap."""
    from tests.html_pages import extract_pages

    kept = {path for path, _ in pairs}  # the reports `--only` keeps
    pages = [page for page in extract_pages(split) if page.text_path in kept]
    if not pages:
        return {}
    paged = {page.text_path for page in pages}
    txt = evaluate([(path, ex) for path, ex in pairs if path in paged])
    html = evaluate([(page.text_path, page.extraction) for page in pages])
    html["body_f1"] = statistics.mean(page.body_f1 for page in pages)
    counts = ("reports", "quantities_measured", "quantities_unmeasured")
    gap = {k: html[k] - txt[k] for k in txt if k not in counts}
    return {f"{split}:txt": txt, f"{split}:html": html, f"{split}:gap": gap}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("splits", nargs="*", default=["train", "dev"], choices=SPLITS)
    parser.add_argument("--files", action="store_true", help="also print each file's scores")
    parser.add_argument("--by-source", action="store_true", help="also a column per source (other outlets, Wikinews)")
    parser.add_argument("--only", type=Path, help="a file listing the reports to keep, one per line")
    parser.add_argument("--html", action="store_true", help="also extract the reports' saved HTML pages")
    args = parser.parse_args()
    only = {Path(line.strip()).name for line in args.only.read_text().splitlines() if line.strip()} if args.only else None
    source_of = sources()
    rows = {}
    for split in args.splits:
        pairs = extract_split(split)
        if only is not None:
            pairs = [(path, ex) for path, ex in pairs if path.name in only]
        if args.html:
            rows.update(html_rows(split, pairs))
            continue
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
    measures = list(dict.fromkeys(m for row in rows.values() for m in row))
    width = max(9, *(len(s) + 2 for s in rows))
    name_width = max(len(m) for m in measures) + 1
    print(f"{'measure':{name_width}}" + "".join(f"{s:>{width}}" for s in rows))
    for m in measures:
        print(f"{m:{name_width}}" + "".join(
            f"{rows[s][m]:{width}.3f}" if m in rows[s] else f"{'-':>{width}}" for s in rows))


if __name__ == "__main__":
    main()
