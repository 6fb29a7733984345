"""Quantities alone, re-run on parses kept from one full extraction: seconds instead of minutes
per change of the quantity code (read only train and dev; never the test split).

    python training/quantities/rerun.py [train dev] [--parses DIR] [--fresh] [--list] [--save DIR]

The first run extracts each split in full and keeps its parses (``DocBin``) and extractions under
``--parses``; later runs rebuild each Doc, put the kept entities, quotes and relations back on it
and run only :func:`find_quantities`, then print the error table of ``errors.py``. The parses, the
entities, quotes and relations are those of the code that made them: pass ``--fresh`` after a
change to anything but the quantity modules. ``--save DIR`` writes the new extractions where
``errors.py --before DIR`` reads them.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from errors import analyse, print_tables  # noqa: E402

from tests.evaluation import split_files  # noqa: E402


def _keep(split: str, folder: Path) -> None:
    """Extract a split in full; keep its parses and extractions."""
    from spacy.tokens import DocBin

    from claimgraph.extract import extract_parsed, make_doc
    from claimgraph.ingest import read_documents
    from claimgraph.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    paths = split_files(split)
    documents = list(read_documents([str(p) for p in paths]))
    parses, extractions = DocBin(store_user_data=False), []
    for doc, document in nlp.pipe(((make_doc(nlp, d), d) for d in documents), as_tuples=True):
        parses.add(doc)
        extractions.append((str(doc._.claimgraph_title_end or 0), extract_parsed(document, doc).to_dict()))
    folder.mkdir(parents=True, exist_ok=True)
    parses.to_disk(folder / f"{split}.spacy")
    (folder / f"{split}.json").write_text(json.dumps([(str(p), e) for p, e in zip(paths, extractions)]))


def load_split(split: str, folder: Path) -> list[tuple[Path, Any, dict[str, Any], Any]]:
    """The kept parses of a split: (path, Doc, extraction dict, Extraction)."""
    from spacy.tokens import DocBin

    from claimgraph.model import Extraction
    from claimgraph.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    docs = list(DocBin().from_disk(folder / f"{split}.spacy").get_docs(nlp.vocab))
    kept = json.loads((folder / f"{split}.json").read_text())
    out = []
    for doc, (path, (title_end, data)) in zip(docs, kept):
        ex = Extraction.from_dict(data)
        doc._.claimgraph_title_end = int(title_end)
        doc._.claimgraph_relations = ex.relations
        out.append((Path(path), doc, data, ex))
    return out


def rerun(split: str, folder: Path) -> list[tuple[Path, dict[str, Any]]]:
    """The kept extractions of a split with their quantities found again by the current code."""
    from dataclasses import asdict

    from claimgraph.nlp.quantities import find_quantities
    from claimgraph.nlp.rel_index import EntityIndex

    out = []
    for path, doc, data, ex in load_split(split, folder):
        found = find_quantities(doc, ex.entities, ex.quotes, EntityIndex(doc, ex.entities))
        out.append((path, {**data, "quantities": [asdict(q) for q in found]}))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("splits", nargs="*", help="train, dev (both by default)")
    parser.add_argument("--parses", type=Path, default=Path("/tmp/quant-parses"))
    parser.add_argument("--fresh", action="store_true")
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--save", type=Path, help="write the extractions for errors.py --before")
    args = parser.parse_args()
    splits = args.splits or ["train", "dev"]
    tables = {}
    for split in splits:
        if args.fresh or not (args.parses / f"{split}.spacy").exists():
            _keep(split, args.parses)
        pairs = rerun(split, args.parses)
        if args.save is not None:
            args.save.mkdir(parents=True, exist_ok=True)
            (args.save / f"{split}.json").write_text(json.dumps([(str(p), ex) for p, ex in pairs]))
        tables[split] = analyse(split, pairs, args.list)
    print_tables(tables)

if __name__ == "__main__":
    main()
