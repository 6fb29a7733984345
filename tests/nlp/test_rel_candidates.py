"""Relation candidates whose side is a pronoun, and the scorer's veto over the patterns, on train
reports' sentences (tests/data/reports/train/)."""

from __future__ import annotations

from typing import Any

from claimgraph.nlp.components import index_of
from claimgraph.nlp.rel_candidates import candidates, features
from claimgraph.nlp.rel_scorer import RelationComponent, RelationScorer, load_scorer


PEEBLES = ("Canadian-US scientist James Peebles won his half of the prize for his work in predicting cosmic "
           "microwave background and creating a theoretical framework from which other scientists have been "
           "able to calculate the age and structure of the universe, including the calculation that the "
           "universe is 95% dark matter and dark energy. He is a professor at Princeton University.")


def pairs(nlp: Any, text: str, sentence_start: str) -> dict[tuple[str, str], str]:
    """(subject name, object name) -> the subject's word, for the candidates of one sentence."""
    doc = nlp(text)
    idx = index_of(doc)
    sent = next(s for s in doc.sents if s.text.startswith(sentence_start))
    return {(idx.get(c.subject).name, idx.get(c.object).name): c.subject_token.text
            for c in candidates(sent, idx)}


def test_rel_candidates_pronoun_stands_for_the_person_named_before(nlp: Any) -> None:
    # swedish-academy-announces-2019-nobel
    text = PEEBLES
    found = pairs(nlp, text, "He is")
    assert found.get(("James Peebles", "Princeton University")) == "He"


def test_rel_candidates_pronoun_side_is_a_feature(nlp: Any) -> None:
    text = PEEBLES
    doc = nlp(text)
    idx = index_of(doc)
    sent = list(doc.sents)[1]
    words = [features(c, idx).split() for c in candidates(sent, idx) if c.subject_token.text == "He"]
    assert words and all("s_pronoun" in w for w in words)


class _Doubting(RelationScorer):
    """A scorer that gives every candidate NONE."""

    def cats(self, feature_texts: list[str]) -> list[dict[str, float]]:
        return [{"NONE": 1.0, "leader_of": 0.0} for _ in feature_texts]


def test_rel_scorer_rule_floor_drops_a_pattern_the_scorer_rules_out(nlp: Any) -> None:
    # sars-cov-2-surpasses-one-million-worldwide: the role pattern finds it
    text = "On Thursday, Sergei Sobyanin, the mayor of Moscow, extended the city lockdown to May 1."
    scorer = _Doubting(load_scorer("claimgraph.models/relation_scorer"), 0.4)
    kept = RelationComponent("both", scorer, rule_floor=0.0)(nlp(text))._.claimgraph_relations
    assert [r.predicate for r in kept] == ["leader_of"]
    vetoed = RelationComponent("both", scorer, rule_floor=0.05)(nlp(text))._.claimgraph_relations
    assert vetoed == []
