"""The faster ways of doing the extraction's hot steps give what the plain ways gave, on train
reports (tests/data/reports/train): finding a report's names without a pattern compiled per report,
and scoring relation candidates without a Doc per candidate."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from claimgraph.nlp.doc_arrays import heads, positions
from claimgraph.nlp.mentions import standalone
from claimgraph.nlp.rel_candidates import features, lowest_common_ancestor
from claimgraph.nlp.rel_scorer import DEFAULT_SCORER, RelationScorer, _bow_layers, doc_candidates, load_scorer

TRAIN = Path(__file__).resolve().parents[1] / "data" / "reports" / "train"
REPORTS = ["germany-says-alexei-navalny-poisoned-with", "french-inventor-franky-zapata-successfully-crosses"]


def _text(name: str) -> str:
    return (TRAIN / f"{name}.txt").read_text(encoding="utf-8")


def _pattern_finds(text: str, forms: list[str]) -> list[tuple[int, int, str]]:
    pattern = re.compile(r"(?<![\w.])(?:" + "|".join(map(re.escape, forms)) + r")(?![\w])")
    return [(m.start(), m.end(), m.group(0)) for m in pattern.finditer(text)]


def test_standalone_finds_what_the_pattern_finds(nlp: Any) -> None:
    for name in REPORTS:
        text = _text(name)
        forms = sorted({e.text for e in nlp(text).ents}, key=len, reverse=True)
        # surnames and a form inside another ("Navalny" in "Alexei Navalny"), a prefix of a word
        forms += [f.split()[-1] for f in forms if " " in f] + ["Nav", "s"]
        forms = list(dict.fromkeys(forms))
        found = standalone(text, forms)
        assert found == _pattern_finds(text, forms)
        assert any(f == "Navalny" for _s, _e, f in found) or name != REPORTS[0]
        for form in forms:
            assert standalone(text, [form]) == _pattern_finds(text, [form])


def test_standalone_prefers_the_earlier_form_at_one_start() -> None:
    text = "Alexei Navalny met Navalny's wife; see Navalny.com, not _Navalny or x.Navalny."
    assert standalone(text, ["Alexei Navalny", "Navalny"]) == [
        (0, 14, "Alexei Navalny"), (19, 26, "Navalny"), (39, 46, "Navalny")]


def test_relation_scores_without_docs_are_the_docs_scores(nlp: Any) -> None:
    scorer = RelationScorer(load_scorer(DEFAULT_SCORER), 0.4)
    doc = nlp(_text(REPORTS[0]))
    idx = doc._.claimgraph_index
    texts = [features(c, idx) for c in doc_candidates(doc, idx, doc._.claimgraph_relations)]
    assert len(texts) > 10
    textcat = scorer.nlp.get_pipe("textcat")
    assert _bow_layers(textcat) is not None  # the shipped scorer is scored from word ids
    by_docs = [dict(d.cats) for d in textcat.pipe((Doc(scorer.nlp.vocab, words=t.split()) for t in texts))]
    assert scorer.cats(texts) == by_docs


def test_doc_arrays_are_the_tokens_attributes(nlp: Any) -> None:
    doc = nlp(_text(REPORTS[1]))
    assert heads(doc) == [t.head.i for t in doc]
    assert positions(doc, "ORTH", "-", 0, len(doc)) == [t.i for t in doc if t.text == "-"]
    assert positions(doc, "LOWER", "the", 5, 50) == [t.i for t in doc[5:50] if t.lower_ == "the"]
    for sent in list(doc.sents)[:5]:
        for a in sent:
            for b in sent:
                above = [a, *a.ancestors]  # the plain way: Token by Token
                plain = next((t for t in [b, *b.ancestors] if t.i in {x.i for x in above}), above[-1])
                assert lowest_common_ancestor(a, b).i == plain.i


def test_relation_features_do_not_depend_on_the_order_asked(nlp: Any) -> None:
    """Feature words are kept per document (per token, climb and pair): asking for the
    candidates in reverse order gives each the same features."""
    texts = {}
    for order in (1, -1):
        doc = nlp(_text(REPORTS[0]))
        idx = doc._.claimgraph_index
        cands = doc_candidates(doc, idx, doc._.claimgraph_relations)[::order]
        texts[order] = [features(c, idx) for c in cands][::order]
    assert len(texts[1]) > 10 and texts[1] == texts[-1]
