"""The relation scorer averaged over seeds (training/relations/average.py): the mean of the weights
scores a real sentence's candidates with the mean of the scorers' logits."""

from __future__ import annotations

import math
import sys
from importlib import resources
from pathlib import Path
from typing import Any

import spacy

from claimgraph.nlp.components import index_of
from claimgraph.nlp.rel_candidates import candidates, features
from claimgraph.nlp.rel_scorer import NONE, RelationScorer

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "training" / "relations"))

from average import average  # noqa: E402

# sars-cov-2-surpasses-one-million-worldwide (train)
TEXT = "On Thursday, Sergei Sobyanin, the mayor of Moscow, extended the city lockdown to May 1."


def _log_odds(cats: dict[str, float]) -> dict[str, float]:
    return {k: math.log(p) - math.log(cats[NONE]) for k, p in cats.items() if k != NONE}


def test_rel_average_scores_with_the_mean_of_the_seeds_logits(nlp: Any, tmp_path: Path) -> None:
    shipped = str(resources.files("claimgraph.models").joinpath("relation_scorer"))
    one, other = spacy.load(shipped), spacy.load(shipped)
    textcat: Any = other.get_pipe("textcat")
    linear = next(n for n in textcat.model.walk() if n.has_param("W"))
    linear.set_param("W", linear.get_param("W") * 3)  # another seed's weights, for the test
    one.to_disk(tmp_path / "one")
    other.to_disk(tmp_path / "other")
    average([tmp_path / "one", tmp_path / "other"], tmp_path / "mean")
    doc = nlp(TEXT)
    idx = index_of(doc)
    texts = [features(c, idx) for sent in doc.sents for c in candidates(sent, idx)]
    assert len(texts) >= 2
    scored = [RelationScorer(spacy.load(tmp_path / name), 0.5).cats(texts)
              for name in ("one", "other", "mean")]
    for a, b, mean in zip(*scored, strict=True):
        la, lb, lm = _log_odds(a), _log_odds(b), _log_odds(mean)
        assert la != lb
        for label, value in lm.items():
            assert math.isclose(value, (la[label] + lb[label]) / 2, abs_tol=1e-3)
