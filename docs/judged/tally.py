"""Rebuild a round's judged.jsonl from its sample.jsonl and the hand verdicts its judge.py holds,
and print the counts (run a round's ``judge.py`` from its folder)."""
import json, math
from collections import Counter, defaultdict

Y, N = "yes", "no"


def judge(V: dict) -> None:
    """V: n -> (relation_right, lenient, modality_right, reason, error_kind)."""
    rows = [json.loads(l) for l in open("sample.jsonl")]
    assert len(rows) == 100 and set(V) == {r["n"] for r in rows}
    with open("judged.jsonl", "w") as f:
        for r in rows:
            rr, len_, mr, reason, kind = V[r["n"]]
            r.update(relation_right=rr, lenient=bool(len_), modality_right=mr, reason=reason, error_kind=kind)
            f.write(json.dumps(r, ensure_ascii=False) + "\n")

    def ci(k, n, z=1.96):
        p = k / n; d = 1 + z * z / n; c = (p + z * z / (2 * n)) / d
        h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
        return f"{100*(c-h):.0f}-{100*(c+h):.0f}%"

    ok = [r for r in rows if r["relation_right"] == Y]
    strict = [r for r in ok if not r["lenient"]]
    print(f"overall {len(ok)}/100 (Wilson 95% {ci(len(ok), 100)}); strict {len(strict)}/100 ({ci(len(strict), 100)})")
    for s in ("dev", "test"):
        sub = [r for r in rows if r["split"] == s]; k = sum(r["relation_right"] == Y for r in sub)
        ks = sum(r["relation_right"] == Y and not r["lenient"] for r in sub)
        print(f"{s} {k}/{len(sub)} = {100*k/len(sub):.1f}%  strict {ks}/{len(sub)}")
    per = defaultdict(lambda: [0, 0, 0])
    for r in rows:
        p = per[r["predicate"]]; p[1] += 1; p[0] += r["relation_right"] == Y; p[2] += r["relation_right"] == Y and not r["lenient"]
    for k, (a, n, s) in sorted(per.items(), key=lambda x: -x[1][1]):
        print(f"{k} {a}/{n} = {100*a/n:.1f}%  strict {s}/{n}")
    print("modality right among correct:", sum(r["modality_right"] == Y for r in ok), "/", len(ok))
    print("modalities:", Counter(r["modality"] for r in rows))
    print("lenient rows:", [r["n"] for r in ok if r["lenient"]])
    kinds = defaultdict(list)
    for r in rows:
        if r["error_kind"]: kinds[r["error_kind"]].append(r["n"])
    for k, v in sorted(kinds.items(), key=lambda x: -len(x[1])): print(k, len(v), v)
