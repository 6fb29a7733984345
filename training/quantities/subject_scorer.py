"""A ranking scorer over a figure's subject candidates (``candidates.py``): a conditional logit (a
softmax over the candidates and "no subject") of the candidates' feature words, fitted by
``scorer.py``. An experiment: it is not shipped (see README.md, round 12)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from candidates import Candidate


def null_features(cands: list[Candidate]) -> list[str]:
    """The feature words of "no subject": the kind of count the figure is."""
    first = cands[0].features if cands else []
    cls = next((f for f in first if f.startswith("class_")), "class_none")
    return ["null", f"null_{cls}"]


@dataclass(frozen=True)
class SubjectScorer:
    """Weights of feature words; the probability from which the best candidate is taken
    (``threshold``); ``mode``: ``fill`` takes it only where the rules name no subject,
    ``override`` also in place of the rules' subject, ``far`` in place of one the rules took from
    outside the figure's sentence."""

    weights: dict[str, float]
    threshold: float = 0.5
    mode: str = "fill"

    def _score(self, features: list[str]) -> float:
        return sum(self.weights.get(f, 0.0) for f in features)

    def probabilities(self, cands: list[Candidate]) -> tuple[float, list[float]]:
        """The probability of "no subject" and of each candidate."""
        scores = [self._score(null_features(cands)), *(self._score(c.features) for c in cands)]
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        return exp[0] / total, [e / total for e in exp[1:]]

    def choose(self, cands: list[Candidate], chosen: list[str]) -> list[str]:
        """The subjects of a figure, given the rules' (``chosen``)."""
        if not cands or (chosen and self.mode == "fill"):
            return chosen
        if chosen and self.mode == "far" and any(
                "where_sentence" in c.features for c in cands if c.eid in chosen):
            return chosen  # "far": override only a choice from outside the figure's sentence
        null, probs = self.probabilities(cands)
        p, best = max(zip(probs, (c.eid for c in cands)))
        if best in chosen or p < self.threshold or p < null:
            return chosen  # "Both Sanders and Buttigieg earned 9": the rules' several
        return [best]
