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

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from spacy.tokens import DocBin
from claimgraph.model import Extraction
from claimgraph.nlp.pipeline import load_pipeline
from claimgraph.nlp.rel_index import EntityIndex
from claimgraph.nlp.quant_subjects import _most_named
from claimgraph.nlp.quant_places import main_place
from tests.evaluation import load_gold, known_properties
from errors import score  # noqa: E402

args = sys.argv[1:]
folder = Path(args[args.index("--parses") + 1]) if "--parses" in args else Path("/tmp/quant-parses")
split = "dev" if "dev" in args else "train"
nlp = load_pipeline()
docs = list(DocBin().from_disk(folder / f"{split}.spacy").get_docs(nlp.vocab))
kept = json.loads((folder / f"{split}.json").read_text())
known = known_properties()
c = Counter()
def norm(s): return " ".join(s.split())
for doc, (path, (title_end, data)) in zip(docs, kept):
    ex = Extraction.from_dict(data)
    doc._.claimgraph_title_end = int(title_end)
    doc._.claimgraph_relations = ex.relations
    idx = EntityIndex(doc, ex.entities)
    gold = load_gold(Path(path))
    res = score.Resolver(data, gold)
    sents = list(doc.sents)
    text = norm(doc.text)
    for g in gold.get("quantities", []):
        if g["property"] not in known:
            continue
        c["gold"] += 1
        ev = norm(g.get("evidence", ""))
        sent_i = None
        for i, s in enumerate(sents):
            st = norm(s.text)
            if ev and (ev[:60] in st or st in ev and len(st) > 20):
                sent_i = i; break
        if sent_i is None:
            c["no sentence"] += 1
            continue
        def ents(span):
            return {idx.token_entity[t.i] for t in span if t.i in idx.token_entity}
        s_ents = ents(sents[sent_i])
        p_ents = ents(sents[sent_i - 1]) if sent_i > 0 else set()
        main = {e for e in (_most_named(idx, "PERSON"), _most_named(idx, "ORG"), main_place(idx, doc)) if e}
        title = ents(doc[: next((s.end for s in sents if s.end_char >= int(title_end)), 0)]) if int(title_end) else set()
        alld = set(idx.token_entity.values())
        hit = lambda S: any(res.is_(e, g["subject"]) for e in S)
        k = "sentence" if hit(s_ents) else "previous" if hit(p_ents) else "main actor/place" if hit(main) \
            else "title" if hit(title) else "elsewhere in doc" if hit(alld) else "not extracted"
        c[k] += 1
        c[f"n_cands_{min(9, len(s_ents | p_ents | main))}"] += 1
        if "-v" in args and split == "train" and k not in ("sentence",):
            print(k, "|", g["subject"], g["property"], g["value"], "|", ev[:150])
print(sorted(c.items()))
