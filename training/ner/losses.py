"""Where entity recall is lost on a split: the NER in use, or claimgraph's own steps after it.

    python training/ner/losses.py [train|dev]

A gold surface form (alias) counts as found as the shared scorer counts it: some extracted entity
has it as a name, alias or mention text. Each missed form is put in the first class that fits
one of its occurrences in the text (verbatim, at word boundaries), against the entities of the
NER that `load_pipeline` uses (the shipped fine-tuned one; ``--base``: the base model's own):

- ``post``: the NER tags exactly that span with a kept label (PERSON, ORG, GPE, LOC, NORP,
  FAC), yet claimgraph's mentions/aliases steps drop or change it;
- ``type``: the NER tags exactly that span, with a label claimgraph does not keep;
- ``boundary``: an NER entity overlaps the span without matching it;
- ``missed``: no NER entity overlaps it;
- ``absent``: the form does not occur verbatim in the text.

The test split is never read (it is not a choice).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.evaluation import load_gold, score, split_files

from claimgraph.extract import extract_parsed, make_doc
from claimgraph.ingest import read_documents
from claimgraph.nlp.mentions import LABELS
from claimgraph.nlp.pipeline import load_pipeline
from claimgraph.nlp.trained_ner import use_trained_ner
from claimgraph.settings import MODEL

ORDER = ("post", "type", "boundary", "missed", "absent")


def occurrences(text: str, alias: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"(?<!\w)" + re.escape(alias) + r"(?!\w)", text)]


def classify(alias: str, text: str, ents: list[tuple[int, int, str]]) -> tuple[str, str]:
    """The cause of a missed form, and the base entity nearest to it ("" when none)."""
    best, near = len(ORDER) - 1, ""
    for s, e in occurrences(text, alias):
        for es, ee, label in ents:
            if score.form(text[es:ee].replace("’", "'")) == score.form(alias):  # "the X", "X's"
                cls = "post" if label in LABELS else "type"
            elif es < e and s < ee:
                cls = "boundary"
            else:
                continue
            if ORDER.index(cls) < best:
                best, near = ORDER.index(cls), f"{text[es:ee]!r}/{label}"
        best = min(best, ORDER.index("missed"))
    return ORDER[best], near


def main() -> None:
    split = sys.argv[1] if len(sys.argv) > 1 else "train"
    assert split in ("train", "dev"), "the test split is never read"
    nlp = load_pipeline()
    base = spacy.load(MODEL.get())
    if "--base" not in sys.argv:
        base = use_trained_ner(base)
    forms: Counter[str] = Counter()
    ents_by: Counter[str] = Counter()
    labels: Counter[str] = Counter()
    n_aliases = n_ents = 0
    examples: dict[str, list[str]] = {k: [] for k in ORDER}
    for path in split_files(split):
        (document,) = list(read_documents([str(path)]))
        text = document.text
        doc = nlp(make_doc(nlp, document))
        res = score.Resolver(extract_parsed(document, doc).to_dict(), load_gold(path))
        bdoc = base(text)
        ents = [(e.start_char, e.end_char, e.label_) for e in bdoc.ents]
        for g in load_gold(path)["entities"]:
            n_ents += 1
            worst = None
            for alias in g["aliases"]:
                n_aliases += 1
                if res.entity_holding(alias):
                    continue
                cls, near = classify(alias, text, ents)
                forms[cls] += 1
                if cls == "type":
                    labels[near.rsplit("/", 1)[1]] += 1
                examples[cls].append(f"{path.stem[:30]} {g['type']} {alias!r} {near}")
                worst = cls if worst is None or ORDER.index(cls) < ORDER.index(worst) else worst
            if worst:
                ents_by[worst] += 1
    print(f"{split}: {n_ents} gold entities, {n_aliases} forms")
    print("missed forms by cause:", dict(forms), "total", sum(forms.values()))
    print("entities not found, by their nearest cause:", dict(ents_by), "total", sum(ents_by.values()))
    print("base labels of wrongly typed forms:", dict(labels))
    if "-v" in sys.argv:
        for k, v in examples.items():
            print(f"--- {k}")
            print("\n".join(v))


if __name__ == "__main__":
    main()
