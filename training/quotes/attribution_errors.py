"""Every quote attribution error of a split, with its sentence, the gold speaker and ours.

    python training/quotes/attribution_errors.py train dev

A gold quote counts as the shared scorer counts it (`../shared/eval/score.py`): found when one of
our quotes holds its key, attributed when one of those quotes' speaker is the gold entity and no
other (a null gold speaker: when the speaker is no named gold entity). Run on train and dev only.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.evaluation import extract_split, load_gold, score


def errors(path: Path, ex: dict[str, Any]) -> list[dict[str, Any]]:
    """The attribution errors of one report's extraction."""
    gold = load_gold(path)
    res = score.Resolver(ex, gold)
    names = {e["id"]: e["name"] for e in ex["entities"]}
    out = []
    for g in gold.get("quotes", []):
        key = score.norm(g["key"])
        hits = [q for q in ex["quotes"] if key in score.norm(q.get("text", ""))]
        if not hits:
            continue
        if g["speaker"] is None:
            right = any(not res.gold_names(q.get("speaker")) for q in hits)
        else:
            right = any(res.is_(q.get("speaker"), g["speaker"]) for q in hits)
        if not right:
            q = hits[0]
            out.append({"report": path.stem, "gold": g["speaker"], "ours": names.get(q.get("speaker") or ""),
                        "words": q.get("speaker_text"), "cue": q.get("cue"), "kind": q["kind"],
                        "sentence": (q.get("sentence") or {}).get("text", q["text"])})
    return out


def main() -> None:
    for split in sys.argv[1:] or ["train", "dev"]:
        if split == "test":
            raise SystemExit("the test split is not read while writing rules")
        found = [e for path, ex in extract_split(split) for e in errors(path, ex)]
        print(f"== {split}: {len(found)} attribution errors")
        for e in found:
            print(f"- {e['report'][:40]} gold={e['gold']!r} ours={e['ours']!r} words={e['words']!r} "
                  f"cue={e['cue']!r} ({e['kind']})\n    {' '.join(e['sentence'].split())[:300]}")


if __name__ == "__main__":
    main()
