"""Relation candidates of the annotated reports, labelled from their gold, as spaCy DocBins.

    python training/relations/build_data.py OUT_DIR

Writes OUT_DIR/train.spacy (the train split) and OUT_DIR/dev.spacy (the dev split); the test split
is never read. Each candidate (an ordered entity pair in one sentence, see
`claimgraph.nlp.rel_candidates`) becomes one Doc of feature words whose `cats` give its gold
predicate, or NONE. Entities are matched to gold entities by the shared scorer's surface forms.
A gold relation with `evidence` labels only the sentence holding that evidence (other sentences
naming the pair are left out, neither positive nor negative); older gold without evidence labels
every sentence naming the pair.

:func:`report_data` also keeps what the relation component needs to decide on each candidate
(type fit, negation, speaker), so `crossval.py` can replay the component on any scorer's output.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.evaluation import load_gold, score, split_files

from claimgraph.extract import extract_parsed, make_doc
from claimgraph.ingest import read_documents
from claimgraph.model import PREDICATES, SYMMETRIC_PREDICATES
from claimgraph.nlp.components import index_of
from claimgraph.nlp.pipeline import add_claimgraph_components
from claimgraph.nlp.rel_candidates import Candidate, features
from claimgraph.nlp.rel_index import EntityIndex, ruled_out, voice
from claimgraph.nlp.rel_patterns import fits
from claimgraph.nlp.rel_scorer import NONE, doc_candidates
from claimgraph.nlp.trained_ner import use_trained_ner
from claimgraph.settings import MODEL

LABELS = [*PREDICATES, NONE]
Featurizer = Callable[[Candidate, EntityIndex], str]


@dataclass
class CandidateData:
    """One candidate: its feature words, gold label ("" = left out of training) and what the
    relation component checks before it keeps a scored predicate."""

    subject: str
    object: str
    sent: int  # the sentence's first character
    feats: dict[str, str]  # featurizer name -> feature words
    label: str
    rules: frozenset[str]
    fitting: frozenset[str]  # predicates whose entity types fit the pair
    blocked: bool  # negated or hypothetical clause
    speaker: str | None
    modality: str


@dataclass
class ReportData:
    """A report's extraction (relations left out), gold, pattern relations and candidates."""

    name: str
    extraction: dict[str, Any]
    gold: dict[str, Any]
    rules: list[tuple[str, str, str, int, str | None, str]] = field(default_factory=list)
    cands: list[CandidateData] = field(default_factory=list)


def pipeline() -> Language:
    """claimgraph's pipeline with relations from the patterns alone (their verdicts are features)."""
    return add_claimgraph_components(use_trained_ner(spacy.load(MODEL.get())), relations={"mode": "rules"})


def _gold_name(res: Any, eid: str) -> str | None:
    names = res.gold_names(eid)
    return next(iter(names)) if len(names) == 1 else None


def _stated(gold: dict[str, Any], text: str) -> dict[tuple[str, str], list[tuple[str, tuple[int, int] | None]]]:
    """(gold subject, gold object) -> [(predicate, evidence span or None)] of positive relations."""
    stated: dict[tuple[str, str], list[tuple[str, tuple[int, int] | None]]] = {}
    for g in gold.get("relations", []):
        if g.get("modality") == "denied":
            continue
        where = None
        if g.get("evidence") and g["evidence"] in text:
            start = text.index(g["evidence"])
            where = (start, start + len(g["evidence"]))
        stated.setdefault((g["subject"], g["object"]), []).append((g["predicate"], where))
        if g["predicate"] in SYMMETRIC_PREDICATES:  # either way round: the same fact
            stated.setdefault((g["object"], g["subject"]), []).append((g["predicate"], where))
    return stated


def report_data(nlp: Language, path: Path, featurizers: dict[str, Featurizer] | None = None) -> ReportData:
    """Every relation candidate of one annotated report, labelled from its gold."""
    featurizers = featurizers or {"features": features}
    (document,) = list(read_documents([str(path)]))
    doc = nlp(make_doc(nlp, document))  # type: ignore[arg-type]
    rules = doc._.claimgraph_relations  # the patterns' relations: features of the candidates
    extraction = extract_parsed(document, doc).to_dict()  # type: ignore[arg-type]
    gold = load_gold(path)
    res = score.Resolver(extraction, gold)
    stated = _stated(gold, document.text)  # type: ignore[union-attr]
    extraction.pop("relations", None)
    out = ReportData(path.name, extraction, gold,
                     [(r.subject, r.predicate, r.object, r.evidence.start, r.attributed_to, r.modality) for r in rules])
    idx = index_of(doc)
    quotes = doc._.claimgraph_quotes or []
    for c in doc_candidates(doc, idx, rules):
        a, b = _gold_name(res, c.subject), _gold_name(res, c.object)
        label = NONE
        for pred, where in stated.get((a, b), []) if a and b else []:
            if where is None or (where[0] < c.sent.end_char and c.sent.start_char < where[1]):
                label = pred
                break
            label = ""  # stated elsewhere: no label for this sentence
        trig = c.trigger
        speaker, modality = voice(trig, quotes, idx, relation=True)
        out.cands.append(CandidateData(
            c.subject, c.object, c.sent.start_char, {k: f(c, idx) for k, f in featurizers.items()}, label,
            frozenset(c.rules), frozenset(p for p in PREDICATES if fits(idx, c.subject, p, c.object)),
            ruled_out(trig, idx), speaker, modality))
    return out


def labelled(split: str) -> list[tuple[str, str]]:
    """(feature words, label) of every candidate of a split's reports."""
    nlp = pipeline()
    return [(c.feats["features"], c.label) for path in split_files(split)
            for c in report_data(nlp, path).cands if c.label]


def docbin(rows: Iterable[tuple[str, str]]) -> DocBin:
    """Labelled feature words as a DocBin for ``spacy train``."""
    blank = spacy.blank("en")
    db = DocBin()
    for text, label in rows:
        d = Doc(blank.vocab, words=text.split())  # as the component scores: words split on spaces
        d.cats = {lab: float(lab == label) for lab in LABELS}
        db.add(d)
    return db


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "training/relations/corpus")
    out.mkdir(parents=True, exist_ok=True)
    for split in ("train", "dev"):
        rows = labelled(split)
        docbin(rows).to_disk(out / f"{split}.spacy")
        positives = sum(label != NONE for _, label in rows)
        print(f"{split}: {len(rows)} candidates, {positives} positive")


if __name__ == "__main__":
    main()
