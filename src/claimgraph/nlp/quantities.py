"""Numbers claimed about an entity: members, fighters, casualties, arrests, money, targets.

:func:`find_quantities` reads every number of a sentence (digits, spelled-out numbers and
vague plurals such as "dozens"), what it counts (from the counted noun, or from the verb
or adjective of a group of people: "20 people were killed", "at least 20 dead"), how it is
stated (exact, approximately, at least, at most, range, estimate, target), which entity it
is about, and who says so. A number with no counted property or no entity is left out.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from claimgraph.model import Entity, Qualifier, Quantity, Quote
from claimgraph.nlp.modality import clause_chain, is_hypothetical, is_negated
from claimgraph.nlp.quant_counted import (
    ARTICLES, a_past_toll, anchor_of, article_counts, counted_noun, goal_noun, is_aimed, is_elliptic, is_held,
    money_kind, not_a_count, property_of, sibling_count,
)
from claimgraph.nlp.quant_lexicon import EVENT_COUNTS, table
from claimgraph.nlp.quant_numbers import (
    an_age, currency_of, number_groups, qualifier_of, range_end, range_high, range_low, vague_range, value_of,
)
from claimgraph.nlp.quant_subjects import subjects_of
from claimgraph.nlp.quant_tallies import tally_against, voter_of
from claimgraph.nlp.rel_index import EntityIndex, voice
from claimgraph.nlp.relations import evidence

__all__ = ["find_quantities", "table"]

# How a report says a source's figure is wrong: in the same sentence ("falsely claimed 50,000"),
# or by opening the next sentence with the correction ("In fact, about 2,000 ..."). The source's
# figure is then only its claim.
_WRONG = re.compile(r"\b(?:falsely|incorrectly|wrongly|erroneously|inaccurately|misstated|untrue|not true)\b",
                    re.IGNORECASE)
_CORRECTION_OPENING = re.compile(
    r"^\W*(?:but\s+)?(?:in fact|actually|in reality|in truth|the (?:real|actual|true|correct))\b",
    re.IGNORECASE,
)


def _corrected(sent: Span) -> bool:
    """Whether the report says the figures of this sentence are wrong."""
    doc = sent.doc
    following = doc[sent.end].sent if sent.end < len(doc) else None
    return _WRONG.search(sent.text) is not None or (
        following is not None and _CORRECTION_OPENING.search(following.text) is not None)


def find_quantities(
    doc: Doc, entities: Sequence[Entity], quotes: Sequence[Quote], idx: EntityIndex | None = None
) -> list[Quantity]:
    """Numeric claims about ``entities`` in ``doc``, with qualifier, source and modality."""
    idx = idx or EntityIndex(doc, entities)
    out: list[Quantity] = []
    seen: set[tuple[str, str, float, str | None]] = set()
    before: tuple[str, str] | None = None  # the last sentence's last count and its verb
    named = _within_names(entities)
    for sent in doc.sents:
        groups = sorted([*number_groups(sent), *article_counts(sent)], key=lambda g: g.start)
        highs = {g.start for h in groups if range_high(h, groups) is not None
                 for g in groups if g.start < range_end(h, groups) and g.start >= h.end}
        counted: str | None = None  # the property of the sentence's last counted figure
        counted_verb: str | None = None  # and the word it hangs on
        counted_subjects: list[str] = []  # and whose it is
        money: tuple[Span, list[str], str] | None = None  # the sentence's last sum, its subjects and kind
        for group in groups:
            if group.start in highs:
                continue  # the upper bound of a range already read
            parsed = value_of(group)
            if parsed is None:
                continue
            value, vague = range_low(group, groups) or parsed[0], parsed[1]
            if (against := tally_against(group)) is not None:  # "The vote passed ..., 230-to-198."
                out += _tally_quantities(idx, group, groups, against, quotes, len(out), seen)
                continue
            noun, num = counted_noun(group)
            unit = currency_of(group)
            prop = "amount" if unit else property_of(noun, num)
            sibling = counted or sibling_count(num)
            if noun is None and num.head.lemma_.lower() == "lose" and sibling not in (None, prop):
                prop = sibling  # "The SNP gained 13 seats and Liberal Democrats lost 10": no casualties
            elliptic = prop is None and is_elliptic(group, noun, num, sibling, counted_verb)
            if elliptic:  # "Sanders had the most delegates, with 60, followed by Biden, with 54"
                prop = sibling
            if prop is None and sibling is None and before is not None \
                    and is_held(group, noun, num, before[1]):
                prop, elliptic = before[0], True  # "X had the most delegates, with 60. Y had 54."
            if any(start < group.start_char < end for start, end in named):
                continue  # "Red Dead Redemption 2", "the Big Ten", "Interstate 75": a name's number
            if value == 1 and not group.text[0].isdigit() and not elliptic and not _one_counted(noun, num):
                continue  # "one of the best officers" is no count; "one member of the Coast Guard" is, and
                # so is the "one" of "Biden won 20 delegates and Sanders won one"
            if (not elliptic and not_a_count(group, noun, num)) or an_age(group):
                continue
            if vague and group.start_char < int(doc._.claimgraph_title_end or 0):
                continue  # a headline's "Hundreds arrested": its body says how many
            if prop in EVENT_COUNTS and a_past_toll(noun, num):
                continue  # "Typhoon Haiyan, which killed over 6,000 people in 2013": background
            if prop is None or (prop != "amount" and not value.is_integer()):
                continue  # a count of people or things is whole: "magnitude 6.3" counts nobody
            negated = is_negated(num) or (noun is not None and is_negated(noun))
            if negated and not is_aimed(noun or num):
                continue  # "did not lose 300 fighters"; "a goal of 5,000 members not yet reached" is a target
            counted, counted_verb = prop, (noun or num).head.lemma_.lower()
            said_by = voice(noun if noun is not None else num, quotes, idx)[0]
            subjects = subjects_of(idx, group, noun, num, prop, elliptic=elliptic, speaker=said_by)
            if elliptic and not subjects:  # "has two million refugees, down from a peak of 3.5 million"
                subjects = counted_subjects or subjects_of(idx, group, noun, num, prop)
            counted_subjects = subjects
            if not subjects and prop == "votes" and (voter := voter_of(idx, group.root)):
                subjects = [voter]  # "the parliament of Portugal voted ...; the vote passed with 215 votes"
            stated = (money_kind(noun, num) or prop) if unit else _changed(prop, noun, num)
            restated = unit is not None and money is not None and _restates(group, money[0])
            if restated and money is not None:
                # "SEK9 million (approximately GBP738 thousand)": the same sum, the same subject
                subjects, stated = money[1] or subjects, money[2]
            elif unit:
                money = (group, subjects, stated)
            for subject in subjects:
                qid = f"n{len(out) + 1}"
                q = _quantity(qid, subject, stated, group, groups, vague, unit, noun, num, quotes, idx)
                if restated and money is not None and q.qualifier == "exact":
                    # "up to $12.9bn (£10bn)": the conversion is bounded as the sum is
                    q = dataclasses.replace(q, qualifier=qualifier_of(money[0]))
                if (subject, prop, value, q.attributed_to) not in seen:
                    seen.add((subject, prop, value, q.attributed_to))
                    out.append(q)
        before = (counted, counted_verb) if counted is not None and counted_verb is not None else None
    return out


def _within_names(entities: Sequence[Entity]) -> list[tuple[int, int]]:
    """The character spans of the entities' mentions: a number past the first word of a name is part
    of the name ("Google Stadia Red Dead Redemption 2", "the Big Ten"; train google-stadia-red-dead-
    redemption-2, lou-holtz-ohio-state-defender-on), not a count; one that opens it may be a count
    the model took into the name ("5000 U.S. troops")."""
    return [(m.start, m.end) for e in entities for m in e.mentions]


def _changed(prop: str, noun: Token | None, num: Token) -> str:
    """The property a count of a change states: "The conservative party gained 66 seats" is
    ``seats_gained``, "Labour lost 42" ``seats_lost``; "totaling 365 seats" stays ``seats``."""
    t = table()
    if prop not in t["changing"]:
        return prop
    anchor = anchor_of(noun, num)
    verb = next((w for w in (anchor, *anchor.ancestors) if w.pos_ in ("VERB", "AUX")), None)
    change = t["change_verbs"].get(verb.lemma_.lower()) if verb is not None else None
    return f"{prop}_{change}" if change else prop


def _one_counted(noun: Token | None, num: Token) -> bool:
    """Whether a spelled-out "one" counts, rather than picking one out of a group counted or
    named elsewhere ("one of the best officers", "one of them died"): as a number of its noun
    ("one member of the Coast Guard"), or as the whole group its clause says died, was hurt or
    arrested ("kills one", "one was pronounced dead")."""
    if noun is not None:
        return num.dep_ == "nummod" or num.lower_ in ARTICLES  # "one member", "arrested a man"
    picked = any(c.dep_ == "prep" and c.lower_ == "of" for c in num.children)
    return not picked and property_of(None, num) is not None


def _tally_quantities(
    idx: EntityIndex, group: Span, groups: list[Span], against: float, quotes: Sequence[Quote], n: int,
    seen: set[tuple[str, str, float, str | None]],
) -> list[Quantity]:
    """The votes for and against of a tally "230-to-198", cast by the body that voted."""
    voter = voter_of(idx, group.root)
    if voter is None:
        return []
    first = _quantity("", voter, "votes", group, groups, False, None, None, group.root, quotes, idx)
    second = dataclasses.replace(first, value=against, text=group.doc[group.end + 1].text[3:])
    out: list[Quantity] = []
    for q in (first, second):
        if (voter, "votes", q.value, q.attributed_to) not in seen:
            seen.add((voter, "votes", q.value, q.attributed_to))
            out.append(dataclasses.replace(q, id=f"n{n + len(out) + 1}"))
    return out


def _restates(group: Span, money: Span) -> bool:
    """Whether a sum converts the one before it in parentheses: "900 million złotys (181
    million pounds)", "€20,000 (£17,500; US$22,900)"."""
    between = group.doc[money.end : group.start]
    opened = any(t.text == "(" for t in between) and not any(t.text == ")" for t in between)
    return len(between) <= 8 and opened


def _quantity(
    qid: str, subject: str, prop: str, group: Span, groups: list[Span], vague: bool, unit: str | None,
    noun: Token | None, num: Token, quotes: Sequence[Quote], idx: EntityIndex,
) -> Quantity:
    """The quantity a figure states, with its qualifier, words, speaker and modality."""
    t, doc, sent = table(), group.doc, group.sent
    value = range_low(group, groups) or 0.0
    qualifier: Qualifier = qualifier_of(group)
    high = range_high(group, groups)
    if vague:  # "dozens": the range the word means, never an invented exact value
        high = (vague_range(group) or (value, value))[1]
    chain = {w.lemma_.lower() for w in clause_chain(noun if noun is not None else num)}
    goal = goal_noun(noun if noun is not None else num)
    if goal is not None:
        chain.add(goal.lemma_.lower())
    exceeded = noun if noun is not None else num
    if high is not None:
        qualifier = "range"
    elif chain & set(t["target_words"]) or (is_hypothetical(num) and "will" not in chain):
        qualifier = "target"
    elif chain & set(t["estimate_words"]) and qualifier == "exact":
        qualifier = "estimate"
    elif exceeded.dep_ == "dobj" and exceeded.head.lemma_.lower() in t["exceed_words"] \
            and qualifier == "exact":
        qualifier = "at_least"  # "death tolls exceeded 100"; not "the vote passed with 215 votes"
    speaker, modality = voice(noun if noun is not None else num, quotes, idx)
    if speaker is not None and modality in ("asserted", "reported") and _corrected(sent):
        modality = "claimed"  # "..., he said. In fact, 5,000 ...": the report does not vouch
    words = doc[group.start : range_end(group, groups)].text if high is not None and not vague else group.text
    return Quantity(qid, subject, prop, value, evidence(sent), unit, qualifier, speaker, modality, high,
                    words)  # fmt: skip
