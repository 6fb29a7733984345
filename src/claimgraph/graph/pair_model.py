"""How likely two profiles are one actor: a logistic model over what links and separates them.

The name rules in ``resolve.py`` say *which kind* of evidence links two names (the same full
name, a spelling or transliteration variant, a partial name such as a surname alone or a short
name, or two lone words) and veto what cannot be one actor (two countries' bodies, two first
names). How much each kind is worth, and how much shared company, a shared report, a shared
country or (for a partial name or an acronym) two different ones, other people whose full names
hold a word written alone ('Robert': many; 'Burisma': none), an acronym's length and disagreeing
entity types add or take away, is learned from the labelled pairs (``tests/data/resolution/``) by
``training/resolution/train_pair_model.py``: a logistic regression whose prior is the hand-set
scores the resolver used before, so a kind of evidence the labels rarely show keeps its prior
weight. Weights: ``data/pair_model.json``.

Scoring is a dot product and a sigmoid in plain Python: resolution must not import numpy.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources

from claimgraph.graph.features import Features, meet

KINDS = ("full", "variant", "partial", "acronym", "lone")
FEATURES = (*KINDS, "context", "same_report", "same_country", "other_country", "namesakes", "two_letters",
            "type_differs", "four_letters")
NAMESAKES_CAP = 4  # this many other people's full names holding a lone word make it fully ambiguous
# what each reason of the name rules is evidence of, when neither name is a lone word
_VARIANT = frozenset(["transliteration", "spelling variant", "initial", "nickname", "acronym expansion",
                      "second surname", "same body", "name of country"])
_PARTIAL = frozenset(["surname+context", "short name", "first name+role"])


@dataclass(frozen=True, slots=True)
class PairModel:
    """Weights of a logistic model over ``FEATURES``; ``bias`` is folded into the kind weights."""

    weights: Mapping[str, float]

    def probability(self, x: Mapping[str, float]) -> float:
        z = sum(self.weights.get(k, 0.0) * v for k, v in x.items())
        return 1.0 / (1.0 + math.exp(-z))

    def to_dict(self) -> dict[str, float]:
        return {k: round(self.weights.get(k, 0.0), 4) for k in FEATURES}


@functools.cache
def default_model() -> PairModel:
    """The model shipped in ``data/pair_model.json``."""
    text = resources.files("claimgraph.data").joinpath("pair_model.json").read_text(encoding="utf-8")
    return PairModel(json.loads(text)["weights"])


def kind(a: Features, b: Features, reason: str) -> str:
    """The kind of evidence behind a reason of the name rules: 'full', 'variant', 'partial',
    'acronym', 'lone'."""
    if a.family == "person" and a.people and b.people:
        lone_a, lone_b = _lone(a), _lone(b)
        if lone_a and lone_b:
            return "lone"
        if lone_a or lone_b:
            return "partial"
    if reason in _PARTIAL:
        return "partial"
    if reason == "acronym":
        return "acronym"
    return "variant" if reason in _VARIANT else "full"


def _lone(f: Features) -> bool:
    """A person named by one word: a surname alone, a first name alone ('Elizabeth')."""
    p = f.people[0]
    return p.mononym or (not p.surname and len(p.given) == 1)


def pair_features(a: Features, b: Features, reason: str, context: float) -> dict[str, float]:
    """The model's inputs for one pair the name rules linked for ``reason``; ``context`` is the
    shared company, 0..1."""
    how = kind(a, b, reason)
    x = dict.fromkeys(FEATURES, 0.0)
    x[how] = 1.0
    x["context"] = context
    x["same_report"] = 1.0 if meet(a.documents, b.documents) else 0.0
    x["same_country"] = 1.0 if a.country and a.country == b.country else 0.0
    # a partial name or an acronym of an organisation in a report about another country ('CBC' in
    # a Canadian report, the Congressional Black Caucus in an American one); a full name says who
    # is meant wherever it is reported ('Agence France-Presse'); two states' bodies never get here
    weak = how in ("partial", "acronym", "lone")
    x["other_country"] = 1.0 if weak and a.country and b.country and a.country != b.country else 0.0
    if how == "lone":  # a partial name's rivals are weighed by `partial.settle_partial_names`
        x["namesakes"] = min(NAMESAKES_CAP, len(a.namesakes | b.namesakes)) / NAMESAKES_CAP
    if how == "acronym":  # two letters stand for many more bodies than four ('PM', 'CBC', 'PNAS')
        letters = min(len(k) for k in (a.short_forms | b.short_forms))
        x["two_letters"] = 1.0 if letters <= 2 else 0.0
        x["four_letters"] = 1.0 if letters >= 4 else 0.0
    x["type_differs"] = 1.0 if a.type and b.type and a.type != b.type else 0.0
    return x


def fit(rows: Sequence[Mapping[str, float]], labels: Sequence[int], prior: PairModel,
        strength: float = 1.0, steps: int = 50) -> PairModel:
    """Maximum a posteriori logistic regression: Newton steps on the log-likelihood plus a
    Gaussian prior of precision ``strength`` centred on ``prior``'s weights. Hand-written (a
    dozen lines of numpy) because scikit-learn's penalties shrink towards zero, not towards a
    prior; imported only when training."""
    import numpy as np

    X = np.array([[r.get(k, 0.0) for k in FEATURES] for r in rows], dtype=float).reshape(len(rows), len(FEATURES))
    y = np.array(labels, dtype=float)
    mu = np.array([prior.weights.get(k, 0.0) for k in FEATURES])
    w = mu.copy()
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(X @ w)))
        grad = X.T @ (p - y) + strength * (w - mu)
        hess = (X * (p * (1 - p))[:, None]).T @ X + strength * np.eye(len(FEATURES))
        step = np.linalg.solve(hess, grad)
        w -= step
        if float(np.abs(step).max()) < 1e-8:
            break
    return PairModel({k: float(v) for k, v in zip(FEATURES, w)})

