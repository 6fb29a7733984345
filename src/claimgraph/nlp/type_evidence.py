"""Type evidence beyond the model's label: a one-word name the model called a person that nothing
in the report shows to be one ("senior vp at Ubisoft", "Jefferies analysts") is a body or a place."""

from __future__ import annotations

from spacy.tokens import Doc

from claimgraph.graph.names import lookup_place
from claimgraph.nlp.lexicon import first_name_gender, titles
from claimgraph.nlp.mentions import RawMention

_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lady", "lord", "st"})
# words after a name (or its possessive) that only a business or body has: "Jefferies analysts",
# "Microsoft's shares", "Ubisoft games"
_BODY_AFTER = frozenset({"analyst", "analysts", "shares", "stock", "stocks", "games", "customers", "subscribers",
                         "users", "employees", "staff", "spokesman", "spokeswoman", "spokesperson", "ceo",
                         "executives", "board", "inc", "inc.", "corp", "corp.", "ltd", "ltd.", "co.", "app",
                         "platform", "service", "products", "stores", "headquarters"})

# the parts of a body that a name owns in the possessive: "Universal's music division", "the
# company's board" (a person has no division)
_BODY_PARTS = frozenset({"division", "subsidiary", "subsidiaries", "unit", "branch", "department", "label",
                         "shareholders", "divisions", "units", "branches", "departments"})


def _titled(doc: Doc, m: RawMention) -> bool:
    """A title or honorific right before the mention ("Mr. Early", "Princess Ubolratana")."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    word = doc[span.start - 1].lower_.rstrip(".")
    return word in _HONORIFICS or word in titles()


def _body_context(doc: Doc, m: RawMention) -> bool:
    """After 'at' or 'from' ("senior vp at Ubisoft"), before a word only a body has ("Jefferies
    analysts", "Microsoft's shares"), or owning a body's part ("Universal's music division")."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    after = [t for t in doc[span.end : span.end + 2] if t.tag_ != "POS"]
    owned = span.root.head if span.root.dep_ == "poss" else None
    return before in ("at", "from") or bool(after) and after[0].lower_ in _BODY_AFTER or (
        owned is not None and owned.lower_ in _BODY_PARTS)


def unevidenced_person_type(
    doc: Doc, cluster: list[RawMention], others: list[list[RawMention]]
) -> str | None:
    """GPE for a cluster of one-word mentions, some of them PERSON, that names a known place ("Woking"), ORG for one
    in a body's context (see _body_context), when its word is no known given name, no word of another
    entity's longer name and never follows a title: a report writes a person's full name at least
    once. None: keep the cluster's type."""
    if not any(m.label == "PERSON" for m in cluster) or any(" " in m.text.strip() for m in cluster):
        return None
    word = cluster[0].text.strip()
    if any(m.text.strip() != word for m in cluster):
        return None
    if word.lower() in first_name_gender() or any(_titled(doc, m) for m in cluster):
        return None
    if any(word in m.text.split() for c in others if c is not cluster for m in c if " " in m.text):
        return None
    if lookup_place(word) is not None:
        return "GPE"
    return "ORG" if any(_body_context(doc, m) for m in cluster) else None
