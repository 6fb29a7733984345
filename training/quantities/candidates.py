"""(Experiment of round 12, not shipped: see README.md.) The entities a figure may be about, and
the feature words a subject scorer reads of each: the entities of the figure's sentence and of the
sentence before it, the report's most named person and organisation and its main place, and
whatever the rules chose. The features name no entity and no word of the report: the entity's
type, what the figure counts, where the candidate is (its dependency path to the figure, its role
in the clause, its distance), whether it is the speaker, the report's most named actor or the
rules' choice."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from claimgraph.nlp.quant_lexicon import EVENT_COUNTS
from claimgraph.nlp.quant_places import is_place, main_place
from claimgraph.nlp.rel_index import EntityIndex

# What kind of count a property is: a toll's subject is a place or its victims' group, an
# organisation's own people are the organisation's, a sum is whoever pays or owns it.
PROPERTY_CLASSES = {
    "seats": "body", "members": "body", "employees": "body", "personnel": "body", "fighters": "body",
    "supporters": "body", "protesters": "crowd", "votes": "votes", "delegates": "votes",
}

# Prepositions whose object's role the scorer tells apart; any other is "prep".
ROLE_PREPS = frozenset({"in", "of", "for", "by", "from", "at", "to", "with", "near", "on"})


@dataclass
class Candidate:
    """An entity a figure may be about, with its feature words."""

    eid: str
    features: list[str] = field(default_factory=list)


def property_class(prop: str) -> str:
    """The kind of count a property is (see ``PROPERTY_CLASSES``)."""
    if prop in EVENT_COUNTS:
        return "toll"
    return PROPERTY_CLASSES.get(prop, "sum" if prop in ("amount", "fine", "bail", "debt", "net_worth",
                                                            "prize_money") else "thing")


def _kind(idx: EntityIndex, eid: str) -> str:
    return "place" if is_place(idx, eid) else idx.type(eid) or "other"


def _role(tok: Token) -> str:
    """The candidate mention's role in its clause, by its dependency to its head (past a name's
    compound words)."""
    while tok.dep_ in ("compound", "flat") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "pobj":
        prep = tok.head.lower_
        return f"pobj_{prep if prep in ROLE_PREPS else 'prep'}"
    if tok.dep_ in ("nsubj", "nsubjpass"):
        return "root_subj" if tok.head.dep_ == "ROOT" else tok.dep_
    if tok.dep_ in ("poss", "dobj", "appos", "attr", "conj", "dative", "agent", "npadvmod", "amod"):
        return tok.dep_
    return "other"


def _path(a: Token, b: Token) -> tuple[int, int]:
    """Steps up from ``a`` and from ``b`` to their lowest common ancestor (within a sentence)."""
    up_a = [a, *a.ancestors]
    index = {t.i: n for n, t in enumerate(up_a)}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in index:
            return index[t.i], n
    return len(up_a), 9


def _bucket(n: int, edges: tuple[int, ...] = (0, 1, 2, 3, 5, 8)) -> str:
    return str(next((e for e in edges if n <= e), f"{edges[-1]}+"))


def _mentions(idx: EntityIndex, span: Span) -> dict[str, list[Token]]:
    out: dict[str, list[Token]] = {}
    for t in span:
        eid = idx.token_entity.get(t.i)
        if eid is not None:
            out.setdefault(eid, []).append(t)
    return out


def _named_counts(idx: EntityIndex) -> dict[str, int]:
    counts: dict[str, int] = {}
    last = None
    for i in sorted(idx.token_entity):
        eid = idx.token_entity[i]
        if eid != last:
            counts[eid] = counts.get(eid, 0) + 1
        last = eid if i + 1 in idx.token_entity else None
    return counts


def candidates(
    idx: EntityIndex, group: Span, base: Token, prop: str, chosen: list[str], speaker: str | None,
) -> list[Candidate]:
    """The candidates for the subject of the figure ``group`` (its counted noun or number
    ``base``), with their feature words; ``chosen``: the rules' subjects."""
    doc, sent = group.doc, group.sent
    cls = property_class(prop)
    here = _mentions(idx, sent)
    before = _mentions(idx, doc[sent.start - 1].sent) if sent.start > 0 else {}
    counts = _named_counts(idx)
    top = {max((e for e in counts if _kind(idx, e) == k), key=lambda e: counts[e], default=None)
           for k in ("PERSON", "ORG")}
    main = main_place(idx, doc)
    title_end = int(doc._.claimgraph_title_end or 0)
    titled = {idx.token_entity[t.i] for t in doc if t.idx < title_end and t.i in idx.token_entity}
    pool = [*here, *(e for e in before if e not in here), *(e for e in (*top, main, *chosen) if e)]
    out: list[Candidate] = []
    for eid in dict.fromkeys(pool):
        kind = _kind(idx, eid)
        feats = [f"type_{kind}", f"class_{cls}", f"type_{kind}_class_{cls}"]
        if eid in here:
            tok = min(here[eid], key=lambda t: abs(t.i - base.i))
            up, down = _path(base, tok)
            role = _role(tok)
            side = "before" if tok.i < group.start else "after"
            feats += ["where_sentence", f"role_{role}", f"role_{role}_class_{cls}", f"side_{side}",
                      f"up_{_bucket(up)}", f"down_{_bucket(down)}", f"path_{_bucket(up)}_{_bucket(down)}",
                      f"path_{_bucket(up)}_{_bucket(down)}_class_{cls}",
                      f"dist_{_bucket(abs(tok.i - base.i), (1, 3, 6, 10, 20))}", f"{side}_{kind}_class_{cls}"]
            if any(t.i >= group.start and t.i < group.end for t in here[eid]):
                feats.append("inside_figure")
            nearest = min(here, key=lambda e: min(abs(t.i - base.i) for t in here[e]))
            if nearest == eid:
                feats += ["nearest", f"nearest_class_{cls}"]
        elif eid in before:
            feats += ["where_previous", f"where_previous_class_{cls}", f"where_previous_{kind}_class_{cls}"]
        else:
            feats += ["where_document", f"where_document_class_{cls}"]
        if eid in chosen:
            feats += ["rule_chose", f"rule_chose_class_{cls}", f"rule_chose_{kind}"]
        elif chosen:
            feats += ["rule_chose_other", f"rule_chose_other_class_{cls}"]
        else:
            feats += ["rule_none", f"rule_none_class_{cls}", f"rule_none_{kind}_class_{cls}"]
        if eid == speaker:
            feats += ["speaker", f"speaker_class_{cls}"]
        if eid in top:
            feats += ["most_named", f"most_named_{kind}_class_{cls}"]
        if eid == main:
            feats += ["main_place", f"main_place_class_{cls}"]
        if eid in titled:
            feats += ["in_title", f"in_title_class_{cls}"]
        feats.append(f"named_{_bucket(counts.get(eid, 0), (1, 2, 4, 8))}")
        out.append(Candidate(eid, feats))
    return out
