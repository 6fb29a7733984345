"""The relation step: candidates from every entity pair, scored by a trained classifier, plus
the hand-written patterns.

``claimgraph_relations`` is a spaCy component. Its ``mode`` says who decides:

- ``rules``: the dependency patterns alone (:mod:`claimgraph.nlp.relations`);
- ``model``: the trained scorer alone, reading the patterns' verdicts as features;
- ``both``: the patterns' relations, plus the scorer's where it is confident (``threshold``); a
  pattern's relation to which the scorer (which sees the pattern fire) gives less than
  ``rule_floor`` is dropped (0.05; with the threshold, 0.55, chosen on out-of-fold figures over the
  train reports, ``training/relations/crossval.py``, and confirmed on dev).

The scorer is an ordinary spaCy pipeline with one ``textcat`` component, trained with
``spacy train`` on candidates from the annotated reports (``make train``; see
``training/relations/``) and shipped in ``claimgraph/models/relation_scorer``. Any pipeline with
a ``textcat`` over the same labels can replace it (``scorer`` in the component's config).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import numpy
import spacy
from spacy.attrs import ORTH  # type: ignore[import-not-found]
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import Model, NumpyOps

from claimgraph.model import PREDICATES, SYMMETRIC_PREDICATES, Quote, Relation
from claimgraph.nlp.components import guarded, index_of
from claimgraph.nlp.rel_candidates import Candidate, candidates, feature_words
from claimgraph.nlp.rel_index import EntityIndex, ruled_out, voice
from claimgraph.nlp.rel_patterns import fits
from claimgraph.nlp.relations import evidence, find_relations

RELATIONS = "claimgraph_relations"
NONE = "NONE"
MODES = ("rules", "model", "both")
DEFAULT_SCORER = "claimgraph.models/relation_scorer"  # package/path inside it


@functools.lru_cache(maxsize=2)
def load_scorer(name: str) -> Language:
    """A scorer pipeline by path, or ``package/path`` inside an installed package."""
    if "/" in name and not Path(name).exists():
        package, _, sub = name.partition("/")
        name = str(resources.files(package).joinpath(sub))
    return spacy.load(name)


def tag_rules(cands: Sequence[Candidate], rules: Sequence[Relation]) -> None:
    """Mark on each candidate the predicates the patterns found for its pair in its sentence."""
    by_key: dict[tuple[str, str, int], set[str]] = {}
    for r in rules:
        by_key.setdefault((r.subject, r.object, r.evidence.start), set()).add(r.predicate)
    for c in cands:
        c.rules = by_key.get((c.subject, c.object, c.sent.start_char), set())


def doc_candidates(doc: Doc, idx: EntityIndex, rules: Sequence[Relation]) -> list[Candidate]:
    cands = [c for sent in doc.sents for c in candidates(sent, idx)]
    tag_rules(cands, rules)
    return cands


BOW_LAYERS = ("with_cpu(extract_ngrams>>resizable(sparse_linear))", "with_cpu(softmax_activation)")


def _bow_layers(textcat: Any) -> tuple[int, Model[Any, Any], Model[Any, Any]] | None:
    """The n-gram size, linear and softmax layers of a textcat that is spaCy's exclusive TextCatBOW
    over ORTH ids on the CPU (``extract_ngrams(n, ORTH) >> sparse_linear >> softmax``), or None.
    Such a model reads a Doc only as its words' ORTH ids: the scores come from the ids alone."""
    model = textcat.model
    if tuple(layer.name for layer in model.layers) != BOW_LAYERS or not isinstance(model.ops, NumpyOps):
        return None
    ngrams, linear = model.layers[0].layers[0].layers
    if ngrams.attrs.get("attr") != ORTH:
        return None
    return int(ngrams.attrs.get("ngram_size", 0)), linear, model.layers[1].layers[0]


class RelationScorer:
    """Scores relation candidates with a trained text classifier over their feature words."""

    def __init__(self, nlp: Language, threshold: float) -> None:
        self.nlp = nlp
        self.threshold = threshold
        self._orth: dict[str, int] = {}

    def cats(self, feature_texts: list[str]) -> list[dict[str, float]]:
        """Each candidate's probability per label."""
        # feature words are split on spaces, as when the scorer was trained (build_data.py): the
        # tokenizer is not needed, only the classifier
        scores = self.scores([text.split() for text in feature_texts])
        return [dict(zip(scores.labels, row)) for row in scores.probs.tolist()]

    def scores(self, words: list[list[str]]) -> Scores:
        """Each candidate's probabilities (one row per list of feature words, one column per label),
        from the words' ids alone where the classifier is a bag of words, else through Docs."""
        textcat: Any = self.nlp.get_pipe("textcat")
        labels = list(textcat.labels)
        layers = _bow_layers(textcat)
        if layers is None or not all(words):
            docs = (Doc(self.nlp.vocab, words=w) for w in words)
            cats = [d.cats for d in textcat.pipe(docs, batch_size=256)]
            probs = numpy.array([[c.get(x, 0.0) for x in labels] for c in cats], dtype="f8")
            return Scores(labels, probs.reshape(len(cats), len(labels)))
        ngram_size, linear, softmax = layers
        rows = [softmax.predict(linear.predict(self._bags(words[i : i + 256], ngram_size, linear.ops)))
                for i in range(0, len(words), 256)]  # textcat.pipe's batches
        return Scores(labels, numpy.concatenate(rows) if rows else numpy.zeros((0, len(labels)), dtype="f"))

    def _bags(self, words: list[list[str]], ngram_size: int, ops: Any) -> tuple[numpy.ndarray[Any, Any], ...]:
        """What ``extract_ngrams(ngram_size, ORTH)`` gives for Docs of these words: every Doc's
        distinct ORTH ids and n-gram hashes in order (``numpy.unique``), how often each occurs, and
        how many each Doc has. The n-grams are hashed over the whole batch's ids at once
        (``ops.ngrams`` hashes each run of n ids) and those that cross two Docs dropped."""
        orth, strings = self._orth, self.nlp.vocab.strings
        n = [len(ws) for ws in words]
        ids = numpy.fromiter(
            (orth[w] if w in orth else orth.setdefault(w, strings[w]) for ws in words for w in ws),
            dtype=numpy.uint64, count=sum(n))
        rows = numpy.repeat(numpy.arange(len(words)), n)
        keys, key_rows = [ids], [rows]
        for size in range(2, ngram_size + 1):
            if len(ids) >= size:
                grams = ops.ngrams(size, ids)
                inside = rows[: len(grams)] == rows[size - 1 :]  # the n ids are one Doc's
                keys.append(grams[inside])
                key_rows.append(rows[: len(grams)][inside])
        ids, rows = numpy.concatenate(keys), numpy.concatenate(key_rows)
        order = numpy.lexsort((ids, rows))  # by Doc, then by id
        ids, rows = ids[order], rows[order]
        first = numpy.ones(len(ids), dtype=bool)
        first[1:] = (ids[1:] != ids[:-1]) | (rows[1:] != rows[:-1])
        starts = numpy.flatnonzero(first)
        counts = numpy.diff(numpy.append(starts, len(ids))).astype("f")
        lengths = numpy.bincount(rows[starts], minlength=len(words)).astype("int32")
        return ids[starts], counts, lengths

    def best(self, feature_texts: list[str]) -> list[tuple[str, float]]:
        """The most likely predicate of each candidate and its probability (NONE, the most
        frequent class by far, competes only through the threshold)."""
        return self.scores([text.split() for text in feature_texts]).best()


class Scores:
    """Candidates' probabilities per label, one row per candidate, read without a dict per row."""

    def __init__(self, labels: list[str], probs: numpy.ndarray[Any, Any]) -> None:
        self.labels = labels
        self.probs = probs
        self._column = {label: j for j, label in enumerate(labels)}

    def best(self) -> list[tuple[str, float]]:
        """Each row's most likely label but NONE and its probability; the first of equal ones, as
        max() keeps over a row's dict of labels."""
        others = [j for j, label in enumerate(self.labels) if label != NONE]
        if not others:
            return [(NONE, 1.0)] * len(self.probs)
        probs = self.probs[:, others]
        top = probs.argmax(axis=1)
        values = probs[numpy.arange(len(probs)), top].tolist()  # Python floats, as the dicts held
        return [(self.labels[others[j]], p) for j, p in zip(top.tolist(), values)]

    def of(self, row: int, label: str) -> float:
        """The probability of ``label`` for the ``row``-th candidate (0 for a label not scored)."""
        j = self._column.get(label)
        return 0.0 if j is None else float(self.probs[row, j])


class RelationComponent:
    """The ``claimgraph_relations`` component (see the module docstring)."""

    def __init__(self, mode: str, scorer: RelationScorer | None, rule_floor: float = 0.0) -> None:
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
        if mode != "rules" and scorer is None:
            raise ValueError(f"mode {mode!r} needs a scorer")
        self.mode = mode
        self.scorer = scorer
        self.rule_floor = rule_floor

    def __call__(self, doc: Doc) -> Doc:
        idx = index_of(doc)
        quotes: list[Quote] = doc._.claimgraph_quotes or []
        rules = find_relations(doc, idx.entity_list, quotes, idx)
        if self.mode == "rules" or self.scorer is None:
            doc._.claimgraph_relations = rules
            return doc
        cands = doc_candidates(doc, idx, rules)
        scores = self.scorer.scores([feature_words(c, idx) for c in cands])
        scored = scores.best()
        if self.mode == "both":
            # a pattern's relation stays unless the scorer, which saw the pattern fire, all but
            # rules it out for the pair in that sentence
            doubted = {(c.subject, label, c.object, c.sent.start_char) for row, c in enumerate(cands)
                       for label in c.rules if scores.of(row, label) < self.rule_floor}
            kept = [r for r in rules if (r.subject, r.predicate, r.object, r.evidence.start) not in doubted]
        else:  # the scorer judges every pair it sees; the patterns keep only pairs it cannot see
            judged = {(c.subject, c.object, c.sent.start_char) for c in cands}
            kept = [r for r in rules if (r.subject, r.object, r.evidence.start) not in judged]
        seen = {(r.subject, r.predicate, r.object) for r in kept}
        seen |= {(r.object, r.predicate, r.subject) for r in kept if r.predicate in SYMMETRIC_PREDICATES}
        for c, (label, p) in zip(cands, scored):
            if label == NONE or p < self.scorer.threshold or label not in PREDICATES:
                continue
            if (c.subject, label, c.object) in seen or not fits(idx, c.subject, label, c.object):
                continue
            trig = c.trigger
            if ruled_out(trig, idx):
                continue
            speaker, modality = voice(trig, quotes, idx, relation=True)
            if speaker in (c.subject, c.object) and modality == "reported":
                modality = "claimed"
            seen.add((c.subject, label, c.object))
            if label in SYMMETRIC_PREDICATES:
                seen.add((c.object, label, c.subject))
            kept.append(Relation("", c.subject, label, c.object, evidence(c.sent), speaker, modality))
        for n, r in enumerate(kept, start=1):
            r.id = f"r{n}"
        doc._.claimgraph_relations = kept
        return doc


@Language.factory(
    RELATIONS,
    default_config={"mode": "both", "scorer": DEFAULT_SCORER, "threshold": 0.55, "rule_floor": 0.05},
    assigns=["doc._.claimgraph_relations"],
    requires=["doc._.claimgraph_index", "doc._.claimgraph_quotes"],
)
def make_relations(
    nlp: Language, name: str, mode: str, scorer: str, threshold: float, rule_floor: float
) -> Any:
    model = RelationScorer(load_scorer(scorer), threshold) if mode != "rules" else None
    component = RelationComponent(mode, model, rule_floor)
    return guarded(component)
