"""The relation component's scorer veto over the patterns (``rule_floor``), on a train report's
sentence (tests/data/reports/train/sars-cov-2-surpasses-one-million-worldwide)."""

from __future__ import annotations

from typing import Any

from claimgraph.nlp.rel_scorer import RelationComponent, RelationScorer, load_scorer

TEXT = "On Thursday, Sergei Sobyanin, the mayor of Moscow, extended the city lockdown to May 1."


class _Doubting(RelationScorer):
    """A scorer that gives every candidate NONE."""

    def cats(self, feature_texts: list[str]) -> list[dict[str, float]]:
        return [{"NONE": 1.0, "leader_of": 0.0} for _ in feature_texts]


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
