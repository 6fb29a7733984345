"""The faster ways of doing the extraction's hot steps give what the plain ways gave, on train
reports (tests/data/reports/train): finding a report's names without a pattern compiled per report,
scoring relation candidates without a Doc (or a dict) per candidate, and scanning a Doc's arrays
instead of every Token."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from claimgraph.nlp.cues import _may_cue
from claimgraph.nlp.doc_arrays import column, heads, positions, positions_of
from claimgraph.nlp.mentions import _plus_words, _unlabelled_proper_nouns, standalone
from claimgraph.nlp.modality import _in_question
from claimgraph.nlp.pronouns import subjects_in
from claimgraph.nlp.quant_counted import ARTICLES
from claimgraph.nlp.quant_numbers import _is_number, may_be_number
from claimgraph.nlp.rel_candidates import feature_words, features, lowest_common_ancestor
from claimgraph.nlp.rel_lexicon import words
from claimgraph.nlp.rel_patterns import _lemmas_in
from claimgraph.nlp.rel_scorer import DEFAULT_SCORER, RelationScorer, _bow_layers, doc_candidates, load_scorer
from claimgraph.nlp.syntax import SUBJECT_DEPS

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


def _plain_best(cats: dict[str, float]) -> tuple[str, float]:
    """The most likely label but NONE, the first of equal ones (max() over the row's dict)."""
    labels = [x for x in cats if x != "NONE"]
    return max(((x, cats[x]) for x in labels), key=lambda xp: xp[1]) if labels else ("NONE", 1.0)


def test_relation_scores_read_without_dicts_are_the_dicts(nlp: Any) -> None:
    """Candidates' feature words are ``features(...).split()``; their scores' best label and a
    rule's probability read off the scores' array are those of each candidate's dict of labels."""
    scorer = RelationScorer(load_scorer(DEFAULT_SCORER), 0.4)
    doc = nlp(_text(REPORTS[0]))
    idx = doc._.claimgraph_index
    cands = doc_candidates(doc, idx, doc._.claimgraph_relations)
    words = [feature_words(c, idx) for c in cands]
    assert words == [features(c, idx).split() for c in cands]
    scores, cats = scorer.scores(words), scorer.cats([features(c, idx) for c in cands])
    assert len(cats) > 10 and scores.best() == [_plain_best(c) for c in cats]
    assert any(label != "NONE" for label, _p in scores.best())
    for row, c in enumerate(cats):
        for label in [*c, "no_such_label"]:
            assert scores.of(row, label) == c.get(label, 0.0)


def test_token_scans_on_doc_arrays_are_the_token_scans(nlp: Any) -> None:
    """The scans that read a Doc's arrays and build only the Tokens they keep find what a scan
    over every Token found: numbers, cue heads, articles, unlabelled names, "+" words, subjects,
    questions, a home's nouns (train reports, one with "Disney+", one with questions and a house)."""
    plus = questions = homes = False
    for name in [*REPORTS, "we-had-some-issues-exec-says", "7-key-questions-heading-into-the"]:
        doc = nlp(_text(name))
        maybe = may_be_number(doc)
        assert all(maybe[t.i] for t in doc if _is_number(t)) and not all(maybe)
        assert [doc[i] for i in _may_cue(doc)] == [
            t for t in doc if t.pos_ in ("VERB", "NOUN") or t.lower_ in ("according", "by", "in")]
        assert positions_of(doc, "LOWER", ARTICLES, 3, len(doc)) == [
            t.i for t in doc[3:] if t.lower_ in ARTICLES]
        assert _unlabelled_proper_nouns(doc) == [
            t.pos_ == "PROPN" and (t.is_title or t.is_upper) and not t.ent_type_ for t in doc]
        assert _plus_words(doc) == {t.i for t in doc if t.text.endswith("+")}
        for sent in doc.sents:
            end = sent[len(sent) // 2].idx
            assert list(subjects_in(sent, end)) == [t for t in sent if t.dep_ in SUBJECT_DEPS and t.idx < end]
            assert list(subjects_in(sent)) == [t for t in sent if t.dep_ in SUBJECT_DEPS]
            assert all(_in_question(t) == sent.text.rstrip().endswith("?") for t in sent)
        plus, questions = plus or bool(_plus_words(doc)), questions or any(_in_question(t) for t in doc)
        home = _lemmas_in(doc, column(doc, "LEMMA"), words("home"))
        assert home == {t.lemma for t in doc if t.lemma_.lower() in words("home")}
        homes = homes or bool(home)
    assert plus and questions and homes
