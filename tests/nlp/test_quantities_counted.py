"""What holds a count's place in its clause, and when a spelled-out "one" is a count, pinned on
hand-built parses of real train-split sentences (so the rule, not the small model's parse of the
day, is what is tested)."""

from __future__ import annotations

from typing import Any

import spacy
from spacy.tokens import Doc

from claimgraph.nlp.quant_counted import anchor_of, counted_noun
from claimgraph.nlp.quant_numbers import number_groups
from claimgraph.nlp.quantities import _one_counted

VOCAB = spacy.blank("en").vocab  # English lexical attributes: like_num, lower


def parsed(words: list[str], heads: list[int], deps: list[str], lemmas: list[str] | None = None,
           tags: list[str] | None = None) -> Doc:
    """A Doc with the given parse (heads as absolute indices)."""
    starts: list[bool | int | None] = [i == 0 for i in range(len(words))]
    pos = ["NUM" if w[0].isdigit() or w.lower() in ("one", "two") else "NOUN" for w in words]
    return Doc(VOCAB, words=words, heads=heads, deps=deps, lemmas=lemmas or [w.lower() for w in words],
               tags=tags, pos=pos, sent_starts=starts)


def test_quantities_counted_anchor_of_a_partitive_is_the_number() -> None:
    # train joe-biden-wins-2020-south-carolina: "Biden secured 39 of South Carolina's 54 delegates"
    words = ["Biden", "secured", "39", "of", "South", "Carolina", "'s", "54", "delegates"]
    doc = parsed(words, [1, 1, 1, 2, 5, 8, 5, 8, 3],
                 ["nsubj", "ROOT", "dobj", "prep", "compound", "poss", "case", "nummod", "pobj"])
    noun, num = counted_noun(number_groups(doc[:])[0])
    assert (noun.text if noun is not None else None, num.text) == ("delegates", "39")
    assert anchor_of(noun, num).text == "39"  # its clause's word is "secured", not "of"


def test_quantities_counted_anchor_of_a_participle_read_as_a_clause() -> None:
    # train us-state-of-wisconsin-holds-2020: "Joe Biden has amassed 1,217 pledged delegates",
    # which the small model parses as a clause "1,217 pledged" (delegates its object)
    words = ["Joe", "Biden", "has", "amassed", "1,217", "pledged", "delegates"]
    doc = parsed(words, [1, 3, 3, 3, 5, 3, 5], ["compound", "nsubj", "aux", "ROOT", "nsubj", "ccomp", "dobj"],
                 lemmas=["joe", "biden", "have", "amass", "1,217", "pledge", "delegate"],
                 tags=["NNP", "NNP", "VBZ", "VBN", "CD", "VBN", "NNS"])
    noun, num = counted_noun(number_groups(doc[:])[0])
    assert noun is not None and noun.text == "delegates"
    anchor = anchor_of(noun, num)
    assert anchor.text == "pledged" and anchor.head.text == "amassed"


def test_quantities_counted_anchor_of_a_plain_count_is_its_noun() -> None:
    # train jolo-cathedral (tests/data/gold): "90 civilians were wounded"
    doc = parsed(["90", "civilians", "were", "wounded"], [1, 3, 3, 3],
                 ["nummod", "nsubjpass", "auxpass", "ROOT"], lemmas=["90", "civilian", "be", "wound"])
    noun, num = counted_noun(number_groups(doc[:])[0])
    assert noun is not None and anchor_of(noun, num).text == "civilians"


def test_quantities_counted_one_is_a_count_when_its_clause_tolls_it() -> None:
    # train fire-at-historic-welsh-ex-hotel: "Fire at historic Welsh ex-hotel Bontddu Hall kills one"
    doc = parsed(["Fire", "kills", "one"], [1, 1, 1], ["nsubj", "ROOT", "dobj"],
                 lemmas=["fire", "kill", "one"])
    assert _one_counted(None, doc[2])
    # ... and as the subject of a passive toll: "one was pronounced dead" (train nevada-prop-plane-crash)
    doc = parsed(["one", "was", "pronounced", "dead"], [2, 2, 2, 2], ["nsubjpass", "auxpass", "ROOT", "oprd"],
                 lemmas=["one", "be", "pronounce", "dead"])
    assert _one_counted(None, doc[0])


def test_quantities_counted_one_picked_out_of_a_group_is_no_count() -> None:
    # "one of the best officers" (train), "one of them died": one of a group named elsewhere
    doc = parsed(["one", "of", "them", "died"], [3, 0, 1, 3], ["nsubj", "prep", "pobj", "ROOT"],
                 lemmas=["one", "of", "they", "die"])
    assert not _one_counted(None, doc[0])
    doc = parsed(["He", "was", "one", "of", "the", "best", "officers"], [1, 1, 1, 2, 6, 6, 3],
                 ["nsubj", "ROOT", "attr", "prep", "det", "amod", "pobj"])
    noun, num = counted_noun(number_groups(doc[:])[0])
    assert noun is not None and not _one_counted(noun, num)


def test_quantities_counted_the_number_of_a_toll_says_what_it_counts(nlp: Any) -> None:
    # corpus (Antarctic base outbreak): "On Thursday officials reported the number of cases in the
    # outbreak rose to 58", with a toll for the cases the lexicon does not count (no train or corpus
    # sentence words a measured count so): the noun or state after "the number of" says what it is
    from claimgraph.nlp.quant_counted import toll_told

    for text, prop in (("the number of deaths in the outbreak rose to 58", "deaths"),
                       ("the number of dead in the outbreak rose to 58", "deaths"),
                       ("the number of people injured in the outbreak rose to 58", "injured")):
        doc = nlp("On Thursday officials reported " + text + ".")
        assert toll_told(next(t for t in doc if t.text == "58")) == prop, text
