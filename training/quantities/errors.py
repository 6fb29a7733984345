"""Every quantity miss, wrong subject and false positive on train and dev, with its sentence, the
gold and ours, sorted into causes (read only train and dev; never the test split).

    python training/quantities/errors.py [train dev] [--cache DIR] [--list]

Extractions are cached as JSON under ``--cache`` (delete it after a code change, or pass
``--fresh``); the table counts each error once, by its first matching cause.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.evaluation import extract_split, known_properties, load_gold, score, split_files  # noqa: E402

VAGUE = re.compile(r"\b(?:dozens|hundreds|thousands|tens of|scores|several|a few|some|many|millions)\b", re.I)
QUALIFIED = re.compile(r"\b(?:more than|over|at least|nearly|almost|about|around|approximately|some|up to)\b",
                       re.I)
RANGE = re.compile(r"\b(?:between|to|-|–)\b", re.I)
YEAR = re.compile(r"^(1[5-9]|20)\d\d$")
EVENT = {"deaths", "injured", "casualties", "displaced", "missing", "arrested", "hostages", "rescued"}


def extractions(split: str, cache: Path, fresh: bool) -> list[tuple[Path, dict[str, Any]]]:
    path = cache / f"{split}.json"
    if path.exists() and not fresh:
        data = json.loads(path.read_text())
        return [(Path(p), ex) for p, ex in data]
    pairs = extract_split(split)
    cache.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps([(str(p), ex) for p, ex in pairs]))
    return pairs


def entity_types(ex: dict[str, Any]) -> dict[str, str]:
    out: dict[str, str] = {}
    for e in ex.get("entities", []):
        for n in (e.get("id"), e.get("name"), *e.get("aliases", [])):
            if n:
                out[n] = e.get("type", "")
    return out


def _sentence(text: str, evidence: str) -> str:
    return " ".join(evidence.split())[:220]


def _place_like(etype: str) -> bool:
    return etype in ("GPE", "LOC", "FAC")


def cause_of_subject(g: dict[str, Any], qs: list[dict[str, Any]], types: dict[str, str],
                     gold_types: dict[str, str]) -> str:
    gt = gold_types.get(g["subject"], "?")
    ours = [q["subject"] for q in qs]
    if any(q.get("attributed_to") and q["attributed_to"] == q["subject"] for q in qs):
        return "subject: speaker taken as subject"
    ot = [types.get(s, "?") for s in ours]
    event = g["property"] in EVENT
    if _place_like(gt) and all(_place_like(t) for t in ot):
        return f"subject: other place ({'event' if event else 'non-event'})"
    if _place_like(gt):
        return f"subject: gold place, ours {'/'.join(sorted(set(ot)))} ({'event' if event else 'non-event'})"
    if any(_place_like(t) for t in ot):
        return f"subject: gold {gt}, ours place ({'event' if event else 'non-event'})"
    return f"subject: gold {gt}, ours {'/'.join(sorted(set(ot)))}"


def cause_of_miss(g: dict[str, Any], got: list[dict[str, Any]]) -> str:
    ev = g.get("evidence", "")
    same_value = [q for q in got if float(q["value"]) == float(g["value"])]
    if same_value:
        return f"property wrong ({'/'.join(sorted({q['property'] for q in same_value}))} for {g['property']})"
    same_prop_near = [q for q in got if q["property"] == g["property"] and q.get("evidence_text") and
                      (q["evidence_text"] in ev or ev in q["evidence_text"])]
    if same_prop_near:
        return "value wrong (same property, same sentence)"
    if re.search(r"\d\s*(?:%|percent)", ev):
        return "number not found: a percentage"
    if g["property"] == "amount":
        return "number not found: money (no subject)"
    if g.get("qualifier") == "range" or VAGUE.search(ev):
        return "number not found: vague/range"
    if g.get("qualifier") in ("at_least", "approximately", "at_most") or QUALIFIED.search(ev):
        return "number not found: qualified"
    if any(q.get("evidence_text") and (q["evidence_text"] in ev or ev in q["evidence_text"]) for q in got):
        return "number not found: sentence read, figure skipped"
    return "number not found: plain"


def cause_of_fp(q: dict[str, Any], gold: list[dict[str, Any]], text: str) -> str:
    words = q.get("text") or ""
    value = float(q["value"])
    same = [g for g in gold if float(g["value"]) == value and g["property"] == q["property"]]
    if same:
        return "fp: subject wrong (gold has value+property)"
    near = [g for g in gold if float(g["value"]) == value]
    if near:
        return "fp: property differs from gold"
    ev = q.get("evidence_text") or ""
    if YEAR.match(words) and not q.get("unit"):
        return "fp: year-like"
    if re.search(r"\b(?:aged?|years? old|-year-old)\b", ev[max(0, ev.find(words) - 20): ev.find(words) + 40]):
        return "fp: age"
    if q.get("unit") or q["property"] == "amount":
        return "fp: money not in gold"
    if any(g.get("evidence") and (g["evidence"] in ev or ev in g["evidence"]) for g in gold):
        return "fp: other figure of a gold sentence"
    return f"fp: unlisted count ({q['property']})"


def _readable(ex: dict[str, Any]) -> dict[str, Any]:
    """The extraction with quantity subjects and speakers as names and evidence as text."""
    names = {e["id"]: e["name"] for e in ex.get("entities", [])}
    qs = []
    for q in ex.get("quantities", []) or []:
        q = dict(q)
        q["subject_name"] = names.get(q["subject"], q["subject"])
        q["speaker_name"] = names.get(q.get("attributed_to") or "", q.get("attributed_to"))
        ev = q.get("evidence")
        q["evidence_text"] = ev.get("text", "") if isinstance(ev, dict) else (ev or "")
        qs.append(q)
    return {**ex, "quantities": qs}


def analyse(split: str, pairs: list[tuple[Path, dict[str, Any]]], listing: bool) -> Counter[str]:
    table: Counter[str] = Counter()
    known = known_properties()
    for path, ex in pairs:
        ex = _readable(ex)
        gold = load_gold(path)
        text = path.read_text()
        res = score.Resolver(ex, gold)
        got = ex.get("quantities", []) or []
        types = entity_types(ex)
        gold_types = entity_types(gold)
        gq = [g for g in gold.get("quantities", []) if g["property"] in known]
        for g in gq:
            same = [q for q in got
                    if float(q["value"]) == float(g["value"]) and q["property"] == g["property"]]
            if same and any(res.is_(q["subject"], g["subject"]) for q in same):
                table["ok"] += 1
                continue
            cause = cause_of_subject(g, same, types, gold_types) if same else cause_of_miss(g, got)
            table[cause] += 1
            if listing:
                print(f"[{split}] {path.stem[:40]} | {cause}\n"
                      f"   S: {_sentence(text, g.get('evidence', ''))}\n"
                      f"   G: {g['subject']} {g['property']} {g['value']} {g.get('qualifier')}\n"
                      f"   O: {[(q['subject_name'], q['property'], q['value']) for q in same]}")
        for q in got:
            if any(float(q["value"]) == float(g["value"]) and q["property"] == g["property"]
                   and res.is_(q["subject"], g["subject"]) for g in gold.get("quantities", [])):
                table["tp"] += 1
                continue
            cause = cause_of_fp(q, gold.get("quantities", []), text)
            table[cause] += 1
            if listing:
                print(f"[{split}] {path.stem[:40]} | {cause}\n"
                      f"   S: {_sentence(text, q.get('evidence_text') or '')}\n"
                      f"   O: {q['subject_name']} {q['property']} {q['value']} {q.get('qualifier')} "
                      f"'{q.get('text')}'")
    return table


def print_tables(tables: dict[str, Counter[str]]) -> None:
    """The causes side by side, then each table's measures (those of tests/evaluation.py)."""
    causes = sorted({c for t in tables.values() for c in t}, key=lambda c: (c.split(":")[0], c))
    print(f"{'cause':56}" + "".join(f"{s:>13}" for s in tables))
    for c in causes:
        print(f"{c[:56]:56}" + "".join(f"{tables[s][c]:13}" for s in tables))
    for s, t in tables.items():  # the measures of tests/evaluation.py, from the same counts
        missed = ("subject", "number", "value", "property")
        gold = t["ok"] + sum(n for c, n in t.items() if c.startswith(missed))
        found = t["ok"] + sum(n for c, n in t.items() if c.startswith("subject"))
        extracted = t["tp"] + sum(n for c, n in t.items() if c.startswith("fp"))
        print(f"{s}: recall {found / max(1, gold):.3f} subject {t['ok'] / max(1, gold):.3f} "
              f"precision {t['tp'] / max(1, extracted):.3f} ({gold} gold, {extracted} extracted)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("splits", nargs="*", help="train, dev (both by default)")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/quant-errors"))
    parser.add_argument("--fresh", action="store_true")
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--before", type=Path,
                        help="a cache of an earlier code's extractions: columns side by side")
    args = parser.parse_args()
    splits = args.splits or ["train", "dev"]
    tables = {s: analyse(s, extractions(s, args.cache, args.fresh), args.list) for s in splits}
    if args.before is not None:
        before = {f"{s} before": analyse(s, extractions(s, args.before, False), False) for s in splits}
        tables = {k: t for s in splits for k, t in ((f"{s} before", before[f"{s} before"]), (s, tables[s]))}
    print_tables(tables)


if __name__ == "__main__":
    main()
