"""Where out-of-fold relation recall is lost, and where the wrong relations come from.

    python training/relations/losses.py SCORES.pkl [--threshold 0.55] [--floor 0.05] [--split train]

SCORES.pkl is what ``crossval.py --save`` writes (``oof`` for train, ``dev`` for dev), over the
candidates of ``training/relations/cache/`` (the same code's). Every positive gold relation the
relation component (replayed as ``crossval.decide``) does not find is put in one category:

- no candidate: a side is no extracted entity (or one the scorer cannot tell from another gold
  entity), the two are never named in one sentence (the evidence spans sentences, or one side is
  only a pronoun or a description there), or they are but give no candidate (a list sentence,
  a nested name);
- a candidate, but: the scorer's best predicate for it is under the threshold, or another
  predicate, or it is vetoed, refused by the entity types, or in a negated clause; or only the
  reverse pair has the predicate.

The wrong relations are counted by whether the patterns or the scorer gave them, and by predicate.
The split is run through the pipeline again (about 30 s) to see why a pair has no candidate.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))

from build_data import NONE, ReportData, pipeline  # noqa: E402
from crossval import Cats, collect, decide, sources  # noqa: E402
from tests.evaluation import _relation_matches, score, split_files  # noqa: E402

from claimgraph.extract import make_doc  # noqa: E402
from claimgraph.ingest import read_documents  # noqa: E402
from claimgraph.model import SYMMETRIC_PREDICATES  # noqa: E402
from claimgraph.nlp.components import index_of  # noqa: E402
from claimgraph.nlp.rel_candidates import MAX_ENTITIES_PER_SENTENCE, _heads  # noqa: E402
from claimgraph.nlp.rel_index import PERSONAL_PRONOUNS  # noqa: E402

PRONOUNS = PERSONAL_PRONOUNS | {"they", "them", "it", "hers", "theirs"}


def _ids(res: Any, name: str) -> list[str]:
    return [eid for eid in res.forms if res.is_(eid, name)]


def no_candidate_reason(doc: Any, res: Any, g: dict[str, Any]) -> str:
    """Why a gold relation's pair never makes a candidate."""
    subj, obj = _ids(res, g["subject"]), _ids(res, g["object"])
    if not subj or not obj:
        ambiguous = any(g["subject" if not subj else "object"] in res.gold_names(e) for e in res.forms)
        return "entity " + ("ambiguous" if ambiguous else "missing") + (" (subject)" if not subj else " (object)")
    idx = index_of(doc)
    together, listed = False, False
    for sent in doc.sents:
        named = {idx.token_entity.get(t.i) for t in sent} | {idx.nested.get(t.i) for t in sent}
        heads = _heads(sent, idx)
        if set(subj) & named and set(obj) & named:
            together = True
            if set(subj) & heads.keys() and set(obj) & heads.keys():
                listed = listed or len(heads) > MAX_ENTITIES_PER_SENTENCE
    if together:
        return "one sentence, list (> max entities)" if listed else "one sentence, nested / same mention"
    ev = g.get("evidence") or ""
    start = doc.text.find(ev) if ev else -1
    if start < 0:
        return "never in one sentence (no evidence)"
    span = doc.char_span(start, start + len(ev), alignment_mode="expand")
    sents = {t.sent.start for t in span} if span is not None else set()
    if len(sents) > 1:
        return "evidence spans sentences"
    toks = list(span.sent) if span is not None else []
    in_ev = {idx.token_entity.get(t.i) for t in toks}
    other = obj if set(subj) & in_ev else subj
    if not (set(subj) & in_ev or set(obj) & in_ev):
        return "evidence names neither"
    if any(t.lower_ in PRONOUNS for t in toks):
        kind = "pronoun"
    elif any(t.pos_ == "NOUN" and any(c.lower_ == "the" for c in t.children) for t in toks):
        kind = "description"
    else:
        kind = "implicit"
    side = "subject" if other is subj else "object"
    return f"other sentence; {side} as {kind}?"


def scored_reason(r: ReportData, cats: Cats, res: Any, g: dict[str, Any], threshold: float, floor: float
                  ) -> str | None:
    """Why a pair with candidates does not give the gold relation (None: it has no candidate)."""
    ok = set(r.gold.get("relations_lenient", {}).get(g["predicate"], [g["predicate"]]))
    fwd, rev = [], []
    for c, p in zip(r.cands, cats):
        if res.is_(c.subject, g["subject"]) and res.is_(c.object, g["object"]):
            fwd.append((c, p))
        elif res.is_(c.subject, g["object"]) and res.is_(c.object, g["subject"]):
            rev.append((c, p))
    if g["predicate"] in SYMMETRIC_PREDICATES:
        fwd, rev = fwd + rev, []
    if not fwd and not rev:
        return None
    best: tuple[str, float] = ("", -1.0)
    for c, p in fwd:
        if c.rules & ok and any(p.get(k, 0.0) < floor for k in c.rules & ok):
            return "vetoed pattern"
        rel = {k: v for k, v in p.items() if k != NONE}
        label, prob = max(rel.items(), key=lambda kv: kv[1])
        if label in ok and prob >= threshold:
            if label not in c.fitting:
                return "refused by types"
            if c.blocked:
                return "negated / hypothetical"
            return "decided, but not matched (?)"
        got = max(p.get(k, 0.0) for k in ok)
        if got > best[1]:
            best = (label, got)
    for c, p in rev:
        rel = {k: v for k, v in p.items() if k != NONE}
        label, prob = max(rel.items(), key=lambda kv: kv[1])
        if label in ok and prob >= threshold:
            return "wrong direction"
    if not fwd:
        return "only the reverse pair"
    if best[1] < 0.1:
        return "scored < 0.10"
    if best[0] in ok:
        return f"scored 0.10-{threshold:.2f}"
    return "another predicate ranked first"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("scores", type=Path)
    ap.add_argument("--threshold", type=float, default=0.55)
    ap.add_argument("--floor", type=float, default=0.05)
    ap.add_argument("--split", default="train")
    ap.add_argument("--tag", default="", help="the cache's tag (crossval.collect)")
    ap.add_argument("--show", default="", help="print the gold relations of categories holding this text")
    ap.add_argument("--source", default="",
                    help="only the reports of this source in the manifest (\"other\")")
    args = ap.parse_args()
    with args.scores.open("rb") as f:
        scores = pickle.load(f)["oof" if args.split == "train" else "dev"]
    reports = collect(args.split, cached=True, tag=args.tag)
    nlp = pipeline()
    lost: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    total = found = 0
    chosen = sources(args.source) if args.source else None
    for r, cats, path in zip(reports, scores, split_files(args.split)):
        assert path.name == r.name
        if chosen is not None and r.name not in chosen:
            continue
        kept = decide(r, cats, args.threshold, args.floor)
        rels = [{"subject": s, "predicate": p, "object": o} for s, p, o, _ in kept]
        res = score.Resolver(r.extraction, r.gold)
        lenient = r.gold.get("relations_lenient", {})
        positive = [g for g in r.gold.get("relations", []) if g.get("modality", "asserted") != "denied"]
        doc = None
        for g in positive:
            total += 1
            if any(_relation_matches(x, g, res, lenient) for x in rels):
                found += 1
                continue
            why = scored_reason(r, cats, res, g, args.threshold, args.floor)
            if why is None:
                if doc is None:
                    (document,) = list(read_documents([str(path)]))
                    doc = nlp(make_doc(nlp, document))  # type: ignore[arg-type]
                why = "no candidate: " + no_candidate_reason(doc, res, g)
            lost[why] += 1
            if args.show and args.show in why:
                print(f"{r.name}: {g['subject']} {g['predicate']} {g['object']} | {g.get('evidence', '')}")
        rule_keys = {(s, p, o) for s, p, o, *_ in r.rules}
        for s, p, o, _ in kept:
            x = {"subject": s, "predicate": p, "object": o}
            if not any(_relation_matches(x, g, res, lenient) for g in positive):
                by = "pattern" if (s, p, o) in rule_keys else "scorer"
                wrong[f"{by} {p}"] += 1
    print(f"{args.split}: {found} of {total} gold relations found ({found / max(1, total):.3f})")
    print(f"\n{'lost because':58} {'n':>4}")
    for k, n in sorted(lost.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"{k:58} {n:>4}")
    print(f"{'total lost':58} {sum(lost.values()):>4}")
    print(f"\n{'wrong relations (by whom, predicate)':58} {'n':>4}")
    for k, n in sorted(wrong.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"{k:58} {n:>4}")
    print(f"{'total wrong':58} {sum(wrong.values()):>4}")


if __name__ == "__main__":
    main()
