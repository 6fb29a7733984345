"""NER examples from the annotated reports, as spaCy DocBins.

    python training/ner/build_data.py OUT_DIR [--without LIST]

Writes OUT_DIR/train.spacy (the train split) and OUT_DIR/dev.spacy (the dev split); the test split
is never read. `--without LIST` leaves out of train the reports LIST names (one `train/X.txt` a
line, as `tests/data/reports/` names them), for a check on reports the recogniser did not learn.
Gold gives each entity's type and every surface form but no offsets, so each report is labelled by
matching the forms in its text:

- every gold form of a PERSON, ORG, GPE or LOC, at word boundaries, longest first, where no
  longer form already matched, is an entity of the gold type;
- the base model's own entities of the labels gold does not annotate (NORP, DATE, CARDINAL, ...)
  are kept where they overlap no gold form (rehearsal: the fine-tuned model keeps them);
- the base model's PERSON, ORG, GPE, LOC or FAC entities that overlap no gold form, and gold forms
  that cut a token, are left unannotated (gold leaves out forms that mean two things);
- every other token is outside any entity.

Each report is cut into its paragraphs (lines), one Doc each.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.evaluation import load_gold, split_files

from claimgraph.ingest import read_documents
from claimgraph.nlp import tokens
from claimgraph.settings import MODEL

GOLD_LABELS = ("PERSON", "ORG", "GPE", "LOC")
UNSURE = {*GOLD_LABELS, "FAC"}  # base labels gold would have annotated


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in taken)


def gold_spans(text: str, gold: dict[str, Any]) -> list[tuple[int, int, str]]:
    """Character spans of every gold form in the text, longest form first, no overlaps."""
    forms = sorted(
        ((a, g["type"]) for g in gold["entities"] if g["type"] in GOLD_LABELS for a in g["aliases"]),
        key=lambda f: -len(f[0]),
    )
    out: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    for form, label in forms:
        for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text):
            if not _overlaps(m.start(), m.end(), taken):
                out.append((m.start(), m.end(), label))
                taken.append(m.span())
    return sorted(out)


def labelled_doc(nlp: Language, text: str, gold: dict[str, Any]) -> Doc:
    """The report tokenized as claimgraph tokenizes it, with gold and rehearsal entities set."""
    doc = tokens.make_doc(nlp, text)
    predicted = nlp.get_pipe("ner")(tokens.make_doc(nlp, text))
    ents: list[Span] = []
    missing: list[Span] = []
    taken: list[tuple[int, int]] = []
    for start, end, label in gold_spans(text, gold):
        span = doc.char_span(start, end, label=label)
        taken.append((start, end))
        if span is None:  # the form cuts a token: leave its tokens unannotated
            loose = doc.char_span(start, end, alignment_mode="expand")
            if loose is not None:
                missing.append(loose)
        else:
            ents.append(span)
    for ent in predicted.ents:
        if _overlaps(ent.start_char, ent.end_char, taken):
            continue
        span = doc[ent.start : ent.end]
        (missing if ent.label_ in UNSURE else ents).append(Span(doc, span.start, span.end, ent.label_))
    missing = filter_spans([m for m in missing if not any(e.start < m.end and m.start < e.end for e in ents)])
    doc.set_ents(ents, missing=missing, default="outside")
    return doc


def paragraphs(doc: Doc) -> list[Doc]:
    """The Doc cut at line breaks into one Doc per paragraph (whitespace tokens left out)."""
    out = []
    start = 0
    for tok in doc:
        if "\n" in tok.text_with_ws:
            if any(not t.is_space for t in doc[start : tok.i + 1]):
                out.append(doc[start : tok.i + 1].as_doc())
            start = tok.i + 1
    if any(not t.is_space for t in doc[start:]):
        out.append(doc[start:].as_doc())
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=Path("training/ner/corpus"))
    parser.add_argument("--without", type=Path, help="a list of train reports to leave out")
    args = parser.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    left_out = set(args.without.read_text().split()) if args.without else set()
    nlp = spacy.load(MODEL.get(), disable=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"])
    for split in ("train", "dev"):
        db = DocBin()
        n_ents = n_docs = 0
        for path in split_files(split):
            if f"{path.parent.name}/{path.name}" in left_out:
                continue
            (document,) = list(read_documents([str(path)]))
            for para in paragraphs(labelled_doc(nlp, document.text, load_gold(path))):  # type: ignore[union-attr]
                db.add(para)
                n_docs += 1
                n_ents += sum(e.label_ in GOLD_LABELS for e in para.ents)
        db.to_disk(out / f"{split}.spacy")
        print(f"{split}: {n_docs} paragraphs, {n_ents} PERSON/ORG/GPE/LOC entities")


if __name__ == "__main__":
    main()
