"""Copy a trained NER pipeline into the package, naming the base pipeline it was sourced from.

    python training/ner/package.py MODEL_DIR DEST

Writes DEST (the `ner` pipeline of MODEL_DIR, e.g. `spacy train`'s model-best) with
``claimgraph_base`` in its meta: the name and version of the installed base pipeline
(`CLAIMGRAPH_MODEL`'s default). claimgraph swaps the recogniser only into that pipeline.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from claimgraph.nlp.trained_ner import BASE_KEY
from claimgraph.settings import MODEL


def main() -> None:
    src, dest = Path(sys.argv[1]), Path(sys.argv[2])
    base = spacy.load(MODEL.get(), exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"])
    shutil.rmtree(dest, ignore_errors=True)
    shutil.copytree(src, dest)
    meta_path = dest / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta[BASE_KEY] = {"name": base.meta["name"], "version": base.meta["version"]}
    meta["name"], meta["version"] = "claimgraph_ner", base.meta["version"]
    meta["description"] = f"{base.meta['name']}'s ner fine-tuned on claimgraph's train split (training/ner)"
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(f"{dest}: ner for {meta[BASE_KEY]}")


if __name__ == "__main__":
    main()
