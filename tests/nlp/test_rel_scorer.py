"""The relation component's scorer veto over the patterns (``rule_floor``), on a train report's
sentence (tests/data/reports/train/sars-cov-2-surpasses-one-million-worldwide); and that the shipped
scorer was built on today's candidates."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import numpy

from claimgraph.nlp.components import index_of
from claimgraph.nlp.rel_candidates import candidates, features
from claimgraph.nlp.rel_scorer import RelationComponent, RelationScorer, Scores, load_scorer

TEXT = "On Thursday, Sergei Sobyanin, the mayor of Moscow, extended the city lockdown to May 1."


class _Doubting(RelationScorer):
    """A scorer that gives every candidate NONE."""

    def scores(self, words: list[list[str]]) -> Scores:
        return Scores(["NONE", "leader_of"], numpy.array([[1.0, 0.0]] * len(words)).reshape(len(words), 2))


def test_rel_scorer_rule_floor_drops_a_pattern_the_scorer_rules_out(nlp: Any) -> None:
    scorer = _Doubting(load_scorer("claimgraph.models/relation_scorer"), 0.4)
    kept = RelationComponent("both", scorer, rule_floor=0.0)(nlp(TEXT))._.claimgraph_relations
    assert [r.predicate for r in kept] == ["leader_of"]  # the role pattern: "X, the mayor of Y"
    vetoed = RelationComponent("both", scorer, rule_floor=0.05)(nlp(TEXT))._.claimgraph_relations
    assert vetoed == []


def test_rel_scorer_shipped_scorer_keeps_a_clear_pattern(nlp: Any) -> None:
    scorer = RelationScorer(load_scorer("claimgraph.models/relation_scorer"), 0.4)
    kept = RelationComponent("both", scorer, rule_floor=0.05)(nlp(TEXT))._.claimgraph_relations
    assert [r.predicate for r in kept] == ["leader_of"]


# new-york-man-pleads-guilty-to (train): the office's name is one entity since the tenth round, so
# "felon" stands between two of the sentence's entities ("b_felon"); a scorer built before that
# never saw the word
CARLINEO = ("Patrick W. Carlineo Jr., 55, of Addison, a village southwest of Ithaca, pleaded guilty to "
            "threatening to assault and murder a United States official, and being a felon in possession of "
            "firearms, the U.S. Attorney’s Office for the Western District of New York said in a statement.")


def test_rel_scorer_was_trained_on_todays_candidates(nlp: Any) -> None:
    """The shipped scorer is what `make train` builds from today's code: every feature word of a
    train sentence's candidates is among the words it was trained on (its vocabulary)."""
    trained = set(json.loads(resources.files("claimgraph.models").joinpath(
        "relation_scorer/vocab/strings.json").read_text(encoding="utf-8")))
    doc = nlp(CARLINEO)
    idx = index_of(doc)
    words = {w for sent in doc.sents for c in candidates(sent, idx) for w in features(c, idx).split()}
    assert "b_felon" in words
    assert words <= trained
