"""Where a gold quantity's subject is among simple candidates: an entity of the quantity's
sentence, of the sentence before, the report's most named person or organisation or its main
place, the headline, elsewhere in the report, or not extracted at all.

    python training/quantities/coverage.py [train|dev] [--parses DIR] [-v]

Reads the parses ``rerun.py`` keeps; ``-v`` lists the quantities whose subject is not in their
own sentence (train only: dev is read as the counts alone; never the test split).
"""
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from errors import score  # noqa: E402
from spacy.tokens import DocBin  # noqa: E402

from claimgraph.model import Extraction  # noqa: E402
from claimgraph.nlp.pipeline import load_pipeline  # noqa: E402
from claimgraph.nlp.quant_places import main_place  # noqa: E402
from claimgraph.nlp.quant_subjects import _most_named  # noqa: E402
from claimgraph.nlp.rel_index import EntityIndex  # noqa: E402
from tests.evaluation import known_properties, load_gold  # noqa: E402


def norm(s: str) -> str:
    return " ".join(s.split())


def ents(idx: EntityIndex, span: Any) -> set[str]:
    return {idx.token_entity[t.i] for t in span if t.i in idx.token_entity}


def main() -> None:
    args = sys.argv[1:]
    folder = Path(args[args.index("--parses") + 1]) if "--parses" in args else Path("/tmp/quant-parses")
    split = "dev" if "dev" in args else "train"
    nlp = load_pipeline()
    docs = list(DocBin().from_disk(folder / f"{split}.spacy").get_docs(nlp.vocab))
    kept = json.loads((folder / f"{split}.json").read_text())
    known = known_properties()
    c: Counter[str] = Counter()
    for doc, (path, (title_end, data)) in zip(docs, kept):
        ex = Extraction.from_dict(data)
        doc._.claimgraph_title_end = int(title_end)
        doc._.claimgraph_relations = ex.relations
        idx = EntityIndex(doc, ex.entities)
        gold = load_gold(Path(path))
        res = score.Resolver(data, gold)
        sents = list(doc.sents)
        for g in gold.get("quantities", []):
            if g["property"] not in known:
                continue
            c["gold"] += 1
            ev = norm(g.get("evidence", ""))
            sent_i = None
            for i, s in enumerate(sents):
                st = norm(s.text)
                if ev and (ev[:60] in st or st in ev and len(st) > 20):
                    sent_i = i
                    break
            if sent_i is None:
                c["no sentence"] += 1
                continue
            s_ents = ents(idx, sents[sent_i])
            p_ents = ents(idx, sents[sent_i - 1]) if sent_i > 0 else set()
            main = {e for e in (_most_named(idx, "PERSON"), _most_named(idx, "ORG"), main_place(idx, doc))
                    if e}
            title_sent = next((s.end for s in sents if s.end_char >= int(title_end)), 0)
            title = ents(idx, doc[:title_sent]) if int(title_end) else set()
            alld = set(idx.token_entity.values())
            sets = [("sentence", s_ents), ("previous", p_ents), ("main actor/place", main), ("title", title),
                    ("elsewhere in doc", alld)]
            k = next((name for name, ids in sets if any(res.is_(e, g["subject"]) for e in ids)),
                     "not extracted")
            c[k] += 1
            c[f"n_cands_{min(9, len(s_ents | p_ents | main))}"] += 1
            if "-v" in args and split == "train" and k not in ("sentence",):
                print(k, "|", g["subject"], g["property"], g["value"], "|", ev[:150])
    print(sorted(c.items()))


if __name__ == "__main__":
    main()
