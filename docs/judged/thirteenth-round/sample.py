import json, random, sys
sys.path.insert(0, '.')
from tests.evaluation import extract_split
rows = []
for split in ("dev", "test"):
    for path, ex in extract_split(split):
        names = {e["id"]: e["name"] for e in ex["entities"]}
        for r in ex["relations"]:
            rows.append({"split": split, "file": str(path).replace(str(__import__("pathlib").Path.cwd()) + "/", ""), "subject": names.get(r["subject"]), "predicate": r["predicate"],
                         "object": names.get(r["object"]), "modality": r["modality"],
                         "attributed_to": names.get(r["attributed_to"]) if r.get("attributed_to") else None,
                         "evidence": r["evidence"]["text"]})
random.Random(13).shuffle(rows)
print(len(rows), file=sys.stderr)
with open("docs/judged/thirteenth-round/sample.jsonl", "w") as f:
    for i, r in enumerate(rows[:100]):
        f.write(json.dumps({"n": i + 1, **r}, ensure_ascii=False) + "\n")
