"""Type evidence beyond the model's label: a one-word name the model called a person that nothing
in the report shows to be one ("senior vp at Ubisoft", "Jefferies analysts") is a body or a place."""

from __future__ import annotations

from spacy.tokens import Doc

from claimgraph.graph.names import lookup_place
from claimgraph.nlp.lexicon import given_names, titles
from claimgraph.nlp.mentions import RawMention

_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lady", "lord", "st"})
# words after a name (or its possessive) that only a business or body has: "Jefferies analysts",
# "Microsoft's shares", "Ubisoft games"
_BODY_AFTER = frozenset({"analyst", "analysts", "shares", "stock", "stocks", "games", "customers", "subscribers",
                         "users", "employees", "staff", "spokesman", "spokeswoman", "spokesperson", "ceo",
                         "executives", "board", "inc", "inc.", "corp", "corp.", "ltd", "ltd.", "co.", "app",
                         "platform", "service", "products", "stores", "headquarters", "division", "divisions",
                         "subsidiary", "shareholders"})
# a body's people or parts before "of" ("CEO of Take-Two"), a verb's "to" ("signed to Universal", train)
_BODY_OF = frozenset({"ceo", "chairman", "chairwoman", "founder", "co-founder", "shareholders", "subsidiary",
                      "division", "employees", "spokesperson", "spokesman", "spokeswoman"})
_SIGNED = frozenset({"signed", "sold", "licensed"})

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
    """After 'at' or 'from' ("senior vp at Ubisoft"), a body's people or parts and 'of' ("CEO of"), or
    'signed to'; before a word only a body has ("Jefferies analysts", "Microsoft's shares", "Universal's
    music division"); or owning a body's part wherever the parse puts it ("Universal's division")."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    before = [t.lower_ for t in doc[max(0, span.start - 2) : span.start]]
    after = [t for t in doc[span.end : span.end + 3] if t.tag_ != "POS"][:2]
    if before[-1:] in (["at"], ["from"]) or len(before) == 2 and (
            before[1] == "of" and before[0] in _BODY_OF
            or before[1] in ("to", "with") and before[0] in _SIGNED):
        return True
    owned = span.root.head if span.root.dep_ == "poss" else None
    if owned is not None and owned.lower_ in _BODY_PARTS:
        return True
    # the word after, or the one after a lower-case word ("music division")
    noun = bool(after) and after[0].is_lower and after[0].pos_ == "NOUN"
    return bool(after) and (after[0].lower_ in _BODY_AFTER or noun and after[1:2] != []
                            and after[1].lower_ in _BODY_AFTER)


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
    if word.lower() in given_names() or any(_titled(doc, m) for m in cluster):
        return None
    if any(word in m.text.split() for c in others if c is not cluster for m in c if " " in m.text):
        return None
    if lookup_place(word) is not None:
        return "GPE"
    return "ORG" if any(_body_context(doc, m) for m in cluster) else None
