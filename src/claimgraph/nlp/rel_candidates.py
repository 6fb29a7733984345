"""Relation candidates and the features a trained scorer reads.

Every ordered pair of distinct entities named in one sentence is a candidate; so is a pair whose one
side is named in an earlier sentence and taken up by a definite description in this one ("the
group", "the party": the entity index resolves it), by a definite place noun or by an organisation's
word before a title; a name inside another entity's name is a side as well ("Florida" in "Florida
Highway Patrol"), so is the body a title stands for where the report names it ("Senator X": the
Senate, :mod:`claimgraph.nlp.rel_bodies`) and a person taken up by a pronoun in a sentence that
names someone else ("He is a professor at Princeton University"). Where a side is named more than
once in the sentence, the two mentions nearest each other stand for the pair. Each candidate is
described by words a bag of words classifier can weigh: the entity types, the dependency path
between the two mentions (relation, lemma at each hop), the words between them, the relation word
lists those words are in, negation and hedging on the path, and which of the hand-written patterns
(:mod:`claimgraph.nlp.rel_patterns`) fired for it. So the patterns become features, and a scorer
trained on annotated reports decides. No feature names a particular entity or sentence: a word of a
name stands as its entity's type ("entgpe"), other proper nouns as "propn", numbers as "num", and
the whole path is kept as one word only as its relations, not its lemmas; otherwise the scorer
learns the training reports' names and sentences, and they do not come back in unseen reports.
"""

from __future__ import annotations

import itertools
import re
import weakref
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.attrs import IS_SPACE  # type: ignore[import-not-found]
from spacy.symbols import NOUN, PRON, PROPN  # type: ignore[import-not-found]
from spacy.tokens import Doc, Span, Token

from claimgraph.nlp.doc_arrays import column, heads
from claimgraph.nlp.lexicon import titles
from claimgraph.nlp.modality import is_hypothetical, is_negated
from claimgraph.nlp.pronouns import FEMALE, MALE
from claimgraph.nlp.rel_bodies import title_body
from claimgraph.nlp.rel_index import PLACE_NOUNS, EntityIndex
from claimgraph.nlp.rel_lexicon import hyphen_rule, role_at, verb_rule, word_classes, words

# A sentence naming more entities than this is a list; its pairs are too many to be worth scoring.
MAX_ENTITIES_PER_SENTENCE = 12
MAX_PATH = 8  # dependency hops kept as features
MAX_BETWEEN = 12  # words between the mentions kept as features
PERSON_PRONOUNS = MALE | FEMALE  # "he", "her": a person named before, as a side of a candidate
_HEAD_POS = frozenset({NOUN, PROPN, PRON})  # the parts of speech that can stand for an entity
_WORD = re.compile(r"[^a-z0-9_]")  # feature words stay whole under spaCy's English tokenizer


@dataclass(slots=True)
class Candidate:
    """An ordered pair of entities in one sentence, with the tokens that name them there."""

    subject: str
    object: str
    sent: Span
    subject_token: Token
    object_token: Token
    rules: set[str] = field(default_factory=set)  # predicates the hand-written patterns found
    top: Token | None = field(default=None, repr=False, compare=False)  # the trigger, once found

    @property
    def trigger(self) -> Token:
        """The token that governs both mentions: whose clause states the relation."""
        if self.top is None:
            self.top = lowest_common_ancestor(self.subject_token, self.object_token)
        return self.top


def _heads(sent: Span, idx: EntityIndex) -> dict[str, list[Token]]:
    """Entity id -> the syntactic head of each of its mentions in the sentence; a nationality word
    ("Iranian"), a definite description ("the group"), a name inside another name ("Florida"
    in "Florida Highway Patrol", :attr:`EntityIndex.nested`), a title's body ("Senators": the Senate)
    and a person's pronoun ("he", :meth:`EntityIndex.antecedent`) count as mentions."""
    tokens: dict[str, list[Token]] = {}
    inner: dict[str, list[Token]] = {}
    implied: dict[str, list[Token]] = {}
    pronouns: list[Token] = []
    nested, named = idx.nested, idx.token_entity
    doc = sent.doc
    pos, dep, orth = column(doc, "POS"), column(doc, "DEP"), column(doc, "ORTH")
    kept_pos, kept_dep = _HEAD_POS, {doc.vocab.strings[d] for d in ("compound", "nmod")}
    for i in range(sent.start, sent.end):
        # none of the checks below takes a token that is no name, nationality word, noun, pronoun
        # or compound: those are passed over without building a Token
        if (pos[i] not in kept_pos and dep[i] not in kept_dep and i not in nested
                and not idx.may_name(i, orth[i])):
            continue
        tok = doc[i]
        eid = idx.at(tok) or _described(tok, idx)
        if eid is not None:
            tokens.setdefault(eid, []).append(tok)
        if tok.i in nested:
            inner.setdefault(nested[tok.i], []).append(tok)
        tag = tok.pos_
        if tag in ("NOUN", "PROPN") and tok.i not in named:  # a title is a noun that names no one
            body = title_body(tok, idx)
            if body is not None:
                implied.setdefault(body, []).append(tok)
        elif tag == "PRON" and tok.lower_ in PERSON_PRONOUNS and tok.i not in named:
            pronouns.append(tok)
    # named inside another name, implied by a title or taken up by a pronoun, only where not named
    # on its own (in that order); a pronoun counts only beside a name (its resolution is not free)
    for eid, toks in [*inner.items(), *implied.items()]:
        tokens.setdefault(eid, toks)
    for tok in pronouns if tokens else ():
        eid = idx.antecedent(tok)
        if eid is not None:
            tokens.setdefault(eid, [tok])
    return {eid: [_head(run) for run in _runs(toks)] for eid, toks in tokens.items()}


def _runs(toks: list[Token]) -> list[list[Token]]:
    """Tokens in runs of neighbours: one run a mention."""
    out: list[list[Token]] = []
    for t in toks:
        if out and out[-1][-1].i + 1 == t.i:
            out[-1].append(t)
        else:
            out.append([t])
    return out


def _head(run: list[Token]) -> Token:
    inside = {t.i for t in run}
    return next((t for t in run if t.head.i not in inside or t.head.i == t.i), run[0])


def _closest(a: list[Token], b: list[Token]) -> tuple[Token, Token]:
    """The two mentions of a pair nearest each other: "PG&E is taking steps ... company CEO Andy
    Vesey said" relates Vesey to "company", not to the first "PG&E"."""
    return min(((x, y) for x in a for y in b), key=lambda xy: abs(xy[0].i - xy[1].i))


def _described(tok: Token, idx: EntityIndex) -> str | None:
    """The entity a word that names none stands for: a definite description ("the group"), a
    definite or possessed place noun ("the country's southern Zabul province", "the town has no
    gas stations"; not "the city of X", where X is named), and an organisation's name word before
    a title ("Society President Ash Soni"), or a bare noun there ("company CEO Andy Vesey")."""
    if tok.pos_ == "NOUN":
        titled = tok.dep_ == "compound" and not any(True for _ in tok.children) and tok.tag_ == "NN" and (
            tok.head.lemma_.lower() in titles() or role_at(tok.head) is not None)
        eid = idx.description(tok, titled_by=titled)
        if eid is None and tok.lemma_.lower() in PLACE_NOUNS and not any(
                c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            eid = idx.place_noun(tok)  # (a place noun only: asked of the others, it gives None)
        return eid
    if tok.dep_ in ("compound", "nmod") and (tok.head.lemma_.lower() in titles() or role_at(tok.head)):
        return idx.name_word(tok)
    return None


def candidates(sent: Span, idx: EntityIndex) -> Iterator[Candidate]:
    """Every ordered pair of the sentence's entities. A sentence naming more entities than
    ``MAX_ENTITIES_PER_SENTENCE`` is a list: a coordinated list counts as one side there ("US
    states ... were: Alabama, Arkansas, ..." pairs each state with the US), and its members are
    not paired with each other."""
    heads = _heads(sent, idx)
    if len(heads) < 2:
        return
    group = {eid: eid for eid in heads}
    if len(heads) > MAX_ENTITIES_PER_SENTENCE:
        group = {eid: str(_list_root(t[0]).i) for eid, t in heads.items()}
        if len(set(group.values())) > MAX_ENTITIES_PER_SENTENCE:
            return
    for a, ats in heads.items():
        for b, bts in heads.items():
            if a == b or group[a] == group[b] or not idx.type(a) or not idx.type(b):
                continue
            at, bt = _closest(ats, bts)
            if _nest_ok(idx, a, at, b) and _nest_ok(idx, b, bt, a):
                yield Candidate(a, b, sent, at, bt)


def _nest_ok(idx: EntityIndex, eid: str, tok: Token, other: str) -> bool:
    """A name inside another name pairs with the name that holds it ("Florida" with "Florida
    Highway Patrol"), and with the sentence's others only where the holder ran on into a title
    ("NASA Administrator Jim Bridenstine"): its last word is a title, or a person's name follows
    it straight away (the title a recogniser took into an organisation's name)."""
    outer = idx.token_entity.get(tok.i)
    if outer is None or outer == eid or idx.nested.get(tok.i) != eid or other == outer:
        return True
    return idx.get(outer).name.split()[-1].lower() in titles() or _before_person(idx, tok, outer)


def _before_person(idx: EntityIndex, tok: Token, outer: str) -> bool:
    """Whether the mention of ``outer`` holding ``tok`` runs straight into a person's name."""
    end = tok.i
    while end + 1 < len(tok.doc) and idx.token_entity.get(end + 1) == outer:
        end += 1
    after = idx.token_entity.get(end + 1)
    return after is not None and idx.type(after) == "PERSON"


def _list_root(tok: Token) -> Token:
    """The first member of the coordinated list a token stands in (itself when in none)."""
    while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def lowest_common_ancestor(a: Token, b: Token) -> Token:
    doc = a.doc
    head = heads(doc)  # climbed as indices: no Token built on the way up
    above_a = [a.i]
    while head[above_a[-1]] != above_a[-1] and len(above_a) <= len(doc):
        above_a.append(head[above_a[-1]])
    seen = set(above_a)
    i, steps = b.i, 0
    while True:
        if i in seen:
            return doc[i]
        if head[i] == i or steps >= len(doc):
            return doc[above_a[-1]]
        i, steps = head[i], steps + 1


def _path_indices(a: Token, b: Token, top: Token | None = None) -> list[int]:
    """The tokens (indices) from each mention up to their common ancestor (``top``), both ends
    included."""
    top = lowest_common_ancestor(a, b) if top is None else top
    head = heads(a.doc)
    out = [top.i]
    for i in (a.i, b.i):
        while i != top.i and len(out) < 2 * MAX_PATH:
            out.append(i)
            i = head[i]
    return out


def _word(t: Token, idx: EntityIndex) -> str:
    """A token as a feature word that names nothing particular: a name's word as its entity's type
    ("entgpe"), another proper noun as "propn", a number as "num", any other word as its lemma."""
    eid = idx.token_entity.get(t.i)
    if eid is not None:
        return f"ent{idx.type(eid)}"
    if t.like_num:
        return "num"
    return "propn" if t.pos_ == "PROPN" else t.lemma_.lower()


def path(a: Token, b: Token, idx: EntityIndex, top: Token | None = None) -> list[str]:
    """The dependency path from ``a`` up to the common ancestor (``top``) and down to ``b``, as
    relation/word words: ["u_appos", "ul_adviser", "top_say", "toppos_VERB", "dl_to", "d_pobj"]."""
    top = lowest_common_ancestor(a, b) if top is None else top
    memo = _memo(idx)
    return [*_climb(a, top, "u", memo), f"top_{memo.word_of(top)}", f"toppos_{top.pos_}",
            *reversed(_climb(b, top, "d", memo))]


def _climb(t: Token, top: Token, side: str, memo: _Memo) -> list[str]:
    """Relation and word words from ``t`` up to (not including) ``top`` (kept: a mention climbs
    to the same top for many candidates)."""
    key = (t.i, top.i, side)
    found = memo.climbs.get(key)
    if found is not None:
        return found
    out: list[str] = []
    while t.i != top.i and len(out) < MAX_PATH:
        out.append(f"{side}_{t.dep_}")
        t = t.head
        if t.i != top.i:
            out.append(f"{side}l_{memo.word_of(t)}")
    memo.climbs[key] = out
    return out


def _near(tok: Token) -> list[Token]:
    """The words around a mention that name its role or kind: its compounds, modifiers,
    appositions and the head it hangs on ("Grateful Dead drummer Mickey Hart", "X, the mayor")."""
    out = [c for c in tok.children if c.dep_ in ("compound", "amod", "appos", "nmod", "poss", "attr")]
    if tok.dep_ in ("appos", "compound", "poss", "pobj", "nsubj", "attr"):
        out.append(tok.head)
        if tok.head.dep_ == "prep":
            out.append(tok.head.head)
    return out


class _Memo:
    """A document's per-token feature words, computed once: a token sits on the paths and beside
    the mentions of many candidates (one memo per entity index, so per Doc)."""

    __slots__ = ("idx", "word", "lexicon", "near", "classes", "space", "climbs", "between", "__weakref__")

    def __init__(self, idx: EntityIndex) -> None:
        self.idx = idx
        self.word: dict[int, str] = {}  # token -> _word
        self.lexicon: dict[int, tuple[str, ...]] = {}  # token -> _token_words
        self.near: dict[int, list[str]] = {}  # token -> the _token_words of the words near it
        self.classes: dict[int, list[str]] = {}  # token -> its lemma's "cls_" words
        self.space: list[bool] | None = None  # token -> is_space
        self.climbs: dict[tuple[int, int, str], list[str]] = {}  # (token, top, side) -> _climb
        # (first, last mention) -> the words between them, their classes, the gap and the word before
        self.between: dict[tuple[int, int], tuple[list[str], list[str], list[str]]] = {}

    def word_of(self, t: Token) -> str:
        w = self.word.get(t.i)
        if w is None:
            w = self.word[t.i] = _word(t, self.idx)
        return w

    def word_at(self, i: int) -> str:
        w = self.word.get(i)
        if w is None:
            w = self.word[i] = _word(self.idx.doc[i], self.idx)
        return w

    def lexicon_of(self, i: int) -> tuple[str, ...]:
        w = self.lexicon.get(i)
        if w is None:
            w = self.lexicon[i] = _token_words(self.idx.doc[i])
        return w

    def near_of(self, t: Token) -> list[str]:
        w = self.near.get(t.i)
        if w is None:
            w = self.near[t.i] = [x for n in _near(t) for x in self.lexicon_of(n.i)]
        return w

    def classes_of(self, i: int) -> list[str]:
        w = self.classes.get(i)
        if w is None:
            lemma = self.idx.doc[i].lemma_.lower()
            w = self.classes[i] = [f"cls_{name}" for name in word_classes().get(lemma, ())]
        return w

    def between_of(self, lo: Token, hi: Token) -> tuple[list[str], list[str], list[str]]:
        """The words between two mentions (``b_`` words, and their classes), the gap between
        them and the word before the first: the same for both orders of a pair."""
        found = self.between.get((lo.i, hi.i))
        if found is None:
            doc, named = lo.doc, self.idx.token_entity
            unnamed = (i for i in range(lo.i + 1, hi.i) if i not in named and not self.is_space(i, doc))
            between = list(itertools.islice(unnamed, MAX_BETWEEN))
            tail = [f"gap_{min(hi.i - lo.i, 20) // 3}"]
            if lo.i > 0:
                tail.append(f"before_{self.word_at(lo.i - 1)}")
            found = self.between[lo.i, hi.i] = ([f"b_{self.word_at(i)}" for i in between],
                                                 [w for i in between for w in self.classes_of(i)], tail)
        return found

    def is_space(self, i: int, doc: Doc) -> bool:
        if self.space is None:
            self.space = [bool(x) for x in doc.to_array(IS_SPACE).tolist()]
        return self.space[i]


_MEMOS: weakref.WeakKeyDictionary[EntityIndex, _Memo] = weakref.WeakKeyDictionary()


def _memo(idx: EntityIndex) -> _Memo:
    memo = _MEMOS.get(idx)
    if memo is None:
        memo = _MEMOS[idx] = _Memo(idx)
    return memo


def _token_words(t: Token) -> tuple[str, ...]:
    """The word tables' verdict on one token (role noun, relation verb, hyphenated modifier,
    "former")."""
    out = []
    role = role_at(t)
    if role is not None:
        out += [f"role_{role.predicate}_{role.kind}", f"roleword_{t.lemma_.lower()}"]
    verb = verb_rule(t)
    if verb is not None:
        out.append(f"verb_{verb.predicate}_{verb.direction}")
    if "-" in t.text:
        hy = hyphen_rule(t.text.rsplit("-", 1)[-1])
        if hy is not None:
            out.append(f"hyphen_{hy[0]}")
    if t.lower_ in titles() or t.lemma_.lower() in titles():
        out.append("titleword")  # a title the role table lacks: "U.S. Attorney", "executive"
    former = words("former")
    if t.lower_ in former or any(c.lower_ in former for c in t.children):
        out.append("former")  # "the former mayor of X": a role no longer held
    return tuple(out)


def _lexicon_words(c: Candidate, idx: EntityIndex, on_path: list[int] | None = None) -> list[str]:
    """What the relation word tables say about the words on and around the path (``on_path``,
    :func:`_path_indices`): role nouns (with their predicate), relation verbs, hyphenated
    modifiers, "former", nationality words."""
    a, b = c.subject_token, c.object_token
    memo = _memo(idx)
    on_path = _path_indices(a, b, c.trigger) if on_path is None else on_path
    out = [w for i in on_path for w in memo.lexicon_of(i)] + memo.near_of(a) + memo.near_of(b)
    if "former" in out:
        out = [w for w in out if w != "former"] + ["former"]
    for side, tok, eid in (("s", a, c.subject), ("o", b, c.object)):
        if idx.country(tok):
            out.append(f"{side}_nationality")
        if idx.nested.get(tok.i) == eid:
            out.append(f"{side}_nested")  # named inside the other's name: "Florida Highway Patrol"
            outer = idx.token_entity.get(tok.i)
            if outer is not None and _before_person(idx, tok, outer):
                out.append(f"{side}_titlerun")  # "NASA Administrator Jim Bridenstine"
        elif tok.i not in idx.token_entity and tok.lower_ in PERSON_PRONOUNS:
            out.append(f"{side}_pronoun")  # "he": named in an earlier sentence
        elif tok.i not in idx.token_entity and title_body(tok, idx) == eid:
            out.append(f"{side}_title")  # "Senator X": the Senate, named elsewhere in the report
    return out


def features(c: Candidate, idx: EntityIndex) -> str:
    """The candidate as a string of feature words for a bag-of-words text classifier."""
    return " ".join(_feature_words(c, idx))


def feature_words(c: Candidate, idx: EntityIndex) -> list[str]:
    """The words of :func:`features`, as ``features(c, idx).split()`` gives them (no empty word)."""
    return [w for w in _feature_words(c, idx) if w]


def _feature_words(c: Candidate, idx: EntityIndex) -> list[str]:
    """The candidate's feature words, cleaned to what the scorer reads (some may be empty)."""
    a, b = c.subject_token, c.object_token
    memo = _memo(idx)
    top = c.trigger
    on_path = _path_indices(a, b, top)
    st, ot = idx.type(c.subject), idx.type(c.object)
    words = [f"st_{st}", f"ot_{ot}", f"pair_{st}_{ot}", "order_so" if a.i < b.i else "order_os"]
    words += [f"sc_{idx.is_country(c.subject)}", f"oc_{idx.is_country(c.object)}",
              f"sp_{idx.is_place(c.subject)}", f"op_{idx.is_place(c.object)}"]
    words += [f"rule_{r}" for r in sorted(c.rules)] or ["rule_none"]
    words += _lexicon_words(c, idx, on_path)
    p = path(a, b, idx, top)
    words += p
    words.append(f"pathlen_{min(len(p), 9)}")
    words.append("path_" + "_".join(w for w in p if not w.startswith(("ul_", "dl_", "top_")))[:80])
    between, between_classes, tail = memo.between_of(*((a, b) if a.i < b.i else (b, a)))
    words += between
    words += [w for i in on_path for w in memo.classes_of(i)]
    words += between_classes
    words += tail
    words += _polarity(top)
    if ARGUMENT_FRAMES:
        words += frame_words(c, idx)
    return _cleaned(words)


def features_with_frames(c: Candidate, idx: EntityIndex) -> str:
    """:func:`features` with the argument frames (:func:`frame_words`) at the end, whether or not
    ``ARGUMENT_FRAMES`` puts them there (``crossval.py --frames`` trains on these)."""
    words = _feature_words(c, idx)
    return " ".join(w for w in words + ([] if ARGUMENT_FRAMES else _cleaned(frame_words(c, idx))) if w)


def _cleaned(words: list[str]) -> list[str]:
    clean = _CLEAN_WORDS
    return [clean[w] if w in clean else _clean_word(w) for w in words]


# Whether the argument frames (:func:`frame_words`) are among a candidate's feature words: must be what
# the shipped scorer was trained with (fourteenth round, training/relations/README.md).
ARGUMENT_FRAMES = False
_ROLE_THROUGH = frozenset({"conj", "appos"})  # a list's member or an apposition has its head's role
_PREPS = frozenset({"prep", "agent", "dative"})


def _argument(t: Token, stop: Token) -> tuple[str, Token]:
    """The role a mention plays for the word it hangs on, and that word: "nsubj" of "accuse",
    "with" of "partner" (a preposition's object as its preposition), "of" of "head". A member of a
    list or an apposition plays its head's role ("X and Y accused Z"); a mention that is ``stop``
    (the pair's common ancestor) or the sentence's root plays "self" for itself."""
    while t.i != stop.i and t.dep_ in _ROLE_THROUGH and t.head.i != t.i:
        t = t.head
    if t.i == stop.i or t.head.i == t.i:
        return "self", t
    head = t.head
    if t.dep_ == "pobj" and head.dep_ in _PREPS and head.i != stop.i and head.head.i != head.i:
        return head.lower_, head.head  # "for the Thunder": "for" of "play"
    if t.dep_ in _PREPS:
        return t.lower_, head  # a preposition on the path: "by" of "accuse"
    return t.dep_, head


def _top_role(t: Token, top: Token) -> str:
    """The role of the branch of ``top`` that holds the mention ``t``: its hop into ``top``, a
    preposition's object as its preposition ("the feud with Y": "with"), "self" where ``t`` is
    ``top``."""
    if t.i == top.i:
        return "self"
    head = heads(t.doc)  # climbed as indices: no Token built on the way up
    i = t.i
    while head[i] != top.i and head[i] != i:
        i = head[i]
    child = t.doc[i]
    return child.lower_ if child.dep_ in _PREPS else child.dep_


def frame_words(c: Candidate, idx: EntityIndex) -> list[str]:
    """Who stands in what role towards whom: the word that governs both mentions with each
    mention's role there ("frame_nsubj_accuse_dobj": X accused Y; "frame_poss_feud_with": X's feud
    with Y), each half of it ("sarg_nsubj_accuse"), and the word each mention hangs on directly
    where that is not the governing word ("ogov_of_head": "head of Y"; "ogov_for_play"). A few
    sparse words of the dependency path that say what the path's relations and lemmas say only
    apart, whatever words stand between the mentions."""
    a, b, top, memo = c.subject_token, c.object_token, c.trigger, _memo(idx)
    verb = memo.word_of(top)
    roles = [_top_role(t, top) for t in (a, b)]
    out = [f"frame_{roles[0]}_{verb}_{roles[1]}", f"sarg_{roles[0]}_{verb}", f"oarg_{roles[1]}_{verb}"]
    for side, t in (("s", a), ("o", b)):
        role, gov = _argument(t, top)
        if gov.i != top.i and role != "self":
            out.append(f"{side}gov_{role}_{memo.word_of(gov)}")
    return out


# Feature word -> the word as the scorer reads it: the same few thousand words make every
# candidate's features. Emptied when full, so a long run keeps it small.
_CLEAN_WORDS: dict[str, str] = {}


def _clean_word(word: str) -> str:
    if len(_CLEAN_WORDS) >= 1 << 15:
        _CLEAN_WORDS.clear()
    out = _CLEAN_WORDS[word] = _WORD.sub("", word.lower())
    return out


def _polarity(trigger: Token) -> tuple[str, ...]:
    """ "negated" / "hypothetical" for the clause of a trigger, kept on the Doc (many candidates
    of a sentence share their trigger)."""
    memo: dict[int, tuple[str, ...]] = trigger.doc.user_data.setdefault("claimgraph_polarity", {})
    if trigger.i not in memo:
        memo[trigger.i] = tuple(w for w, hit in (("negated", is_negated(trigger)),
                                                  ("hypothetical", is_hypothetical(trigger))) if hit)
    return memo[trigger.i]
