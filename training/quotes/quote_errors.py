"""Quote errors of the train split, grouped by cause: spurious quotes, missed gold quotes and
attribution errors; and the quote figures of any split (train, dev) from one extraction.

    python training/quotes/quote_errors.py train            # figures and errors of train
    python training/quotes/quote_errors.py dev --figures    # dev's aggregate figures only
    python training/quotes/quote_errors.py train --cache /tmp/train.json   # reuse an extraction

A quote is spurious as the shared scorer counts it (`../shared/eval/score.py`): no gold quote's
key nor optional quote lies in its text. Errors are listed for train only (rules are written
from train); dev gives figures only, and the test split is refused.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.evaluation import evaluate, extract_split, load_gold, score  # noqa: E402

MEASURES = ("quote_recall", "quote_attribution", "quote_precision")


def _covers(key: str, q: dict[str, Any]) -> bool:
    return score.norm(key) in score.norm(q.get("text", ""))


def spurious(ex: dict[str, Any], gold: dict[str, Any]) -> list[dict[str, Any]]:
    """Our quotes that hold no gold key nor optional quote."""
    keys = [g["key"] for g in gold.get("quotes", [])] + list(gold.get("optional_quotes", []))
    return [q for q in ex["quotes"] if not any(_covers(k, q) for k in keys)]


def missed(ex: dict[str, Any], gold: dict[str, Any]) -> list[dict[str, Any]]:
    """Gold quotes none of our quotes holds."""
    return [g for g in gold.get("quotes", []) if not any(_covers(g["key"], q) for q in ex["quotes"])]


def _cause(q: dict[str, Any]) -> str:
    """A coarse group for a spurious quote: its kind and its cue's verb."""
    cue = (q.get("cue") or "-").lower()
    return f"{q['kind']}/{cue}"


def _sentence(q: dict[str, Any]) -> str:
    return " ".join(((q.get("sentence") or {}).get("text") or q["text"]).split())[:300]


def _load(split: str, cache: str | None) -> list[tuple[Path, dict[str, Any]]]:
    if cache and Path(cache).exists():
        return [(Path(p), ex) for p, ex in json.loads(Path(cache).read_text(encoding="utf-8"))]
    pairs = extract_split(split)
    if cache:
        Path(cache).write_text(json.dumps([(str(p), ex) for p, ex in pairs]), encoding="utf-8")
    return pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("split", choices=("train", "dev"))
    parser.add_argument("--figures", action="store_true", help="only the aggregate quote figures")
    parser.add_argument("--cache", help="JSON file to read the extraction from, or to write it to")
    args = parser.parse_args()
    pairs = _load(args.split, args.cache)
    figures = evaluate(pairs)
    print(f"== {args.split}: " + " ".join(f"{m}={figures[m]:.3f}" for m in MEASURES))
    if args.figures or args.split != "train":
        return
    groups: dict[str, list[str]] = defaultdict(list)
    misses: list[str] = []
    wrong: list[str] = []
    for path, ex in pairs:
        gold = load_gold(path)
        names = {e["id"]: e["name"] for e in ex["entities"]}
        for q in spurious(ex, gold):
            groups[_cause(q)].append(f"{path.stem[:30]} spk={names.get(q.get('speaker') or '')!r}\n"
                                     f"      Q: {' '.join(q['text'].split())[:200]}\n      S: {_sentence(q)}")
        for g in missed(ex, gold):
            kind = g.get("kind", "direct")
            misses.append(f"{path.stem[:30]} gold={g['speaker']!r} kind={kind}: {g['key']!r}")
        res = score.Resolver(ex, gold)
        for g in gold.get("quotes", []):
            hits = [q for q in ex["quotes"] if _covers(g["key"], q)]
            if not hits:
                continue
            ok = (any(not res.gold_names(q.get("speaker")) for q in hits) if g["speaker"] is None
                  else any(res.is_(q.get("speaker"), g["speaker"]) for q in hits))
            if not ok:
                q = hits[0]
                ours = names.get(q.get("speaker") or "")
                wrong.append(f"{path.stem[:30]} gold={g['speaker']!r} ours={ours!r} "
                             f"words={q.get('speaker_text')!r} cue={q.get('cue')!r} ({q['kind']})\n"
                             f"      S: {_sentence(q)}")
    total = sum(map(len, groups.values()))
    print(f"\n== spurious quotes: {total}")
    for cause, items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        print(f"-- {cause}: {len(items)}")
        for it in items:
            print("   " + it)
    print(f"\n== missed gold quotes: {len(misses)}")
    for m in misses:
        print("   " + m)
    print(f"\n== attribution errors: {len(wrong)}")
    for w in wrong:
        print("   " + w)


if __name__ == "__main__":
    main()
