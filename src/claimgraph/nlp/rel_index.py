"""Which resolved entity a token or a stretch of text stands for: the document's one entity index.

Quotes, speakers, relations and quantities are found on the dependency parse, but they must name
the document's resolved entities. :class:`EntityIndex` maps character offsets and tokens to entity
ids through the mentions' character offsets, turns nationality words into the country entity
("Israeli Prime Minister" -> Israel, when Israel is an entity of the document), and follows
appositions, relative pronouns, copulas and personal pronouns to the entity a noun phrase means.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from claimgraph.model import Entity, Modality, Quote
from claimgraph.nlp.lexicon import (
    FAMILY_ROLES,
    country_names,
    demonym_key,
    demonym_name_sets,
    norm,
    org_words,
    titles,
)
from claimgraph.nlp.modality import NEGATORS, is_hypothetical, is_negated, modality_at, reporter_of, voice_of
from claimgraph.nlp.rel_lexicon import role_at, words
from claimgraph.nlp.syntax import subject_of
from claimgraph.nlp.tokens import doc_text

if TYPE_CHECKING:
    from claimgraph.nlp.pronouns import PronounResolver

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
# A relation stated by a noun phrase's own words (not as a clause's predicate: "X is the ruler").
DESCRIPTIVE = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "PUNCT"})
PREDICATIVE = frozenset({"attr", "acomp", "oprd", "ROOT", "ccomp", "xcomp"})
COPULAS = frozenset({"be", "become", "remain", "serve", "appoint", "name", "elect"})
ACTOR_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom", "whose"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself", "its", "their"})
# Nouns that stand for an organisation named shortly before: "the unit", "the group".
GENERIC_ORG_NOUNS = org_words("generic")
# Nouns the text puts after an organisation's name to say what it is ("the Sustainable Australia party").
BESIDE_ORG_NOUNS = org_words("beside")
# Nouns for an organisation that, as a speaker, stand for the one named before ("the utility said").
SPEAKING_ORG_NOUNS = GENERIC_ORG_NOUNS | BESIDE_ORG_NOUNS | org_words("described")
# How far back (in characters) "the unit" looks for the organisation it stands for.
DESCRIPTION_WINDOW = 600
# Plural nouns for the rank and file of an organisation: "fighters of the FVB" speak and act for it.
GROUP_MEMBERS = frozenset({"volunteer", "fighter", "member", "militant", "soldier", "troop", "officer",
                           "official", "supporter", "activist", "leader", "commander", "representative"})
# Documents that speak for whoever issued them: "the statement said", "its website notes".
DOCUMENT_NOUNS = frozenset({
    "statement", "report", "announcement", "communique", "communiqué", "message", "letter", "decree",
    "release", "advisory", "website", "ruling", "order", "poll", "polling", "description", "post", "tweet",
    "notice", "bulletin", "memo", "document", "filing", "study", "survey", "publication", "account",
})
# Nouns that stand for a place named shortly before: "the city issued an advisory".
PLACE_NOUNS = frozenset({"city", "town", "village", "state", "province", "region", "county", "district",
                         "capital", "municipality", "country", "nation", "island", "territory"})
COUNTRY_NOUNS = frozenset({"country", "nation"})
# A report's places stay in scope longer than its organisations: "the city" looks this far back.
PLACE_WINDOW = 2000
# Words that make a title another, lower office: a "Deputy Prime Minister" is no "Prime Minister".
RANK_WORDS = frozenset({"deputy", "vice", "assistant", "acting", "former", "junior", "associate", "under",
                        "shadow", "ex"})
# Words inside a name after which another entity's name may follow ("Government of Samoa").
NAME_JOINS = frozenset({"of", "for", "the", "de"})
# How far back (in tokens) "the statement" looks for the statement it takes up.
DOCUMENT_WINDOW = 150
_SENTENCE_END = re.compile(r"[.!?]\s")


class EntityIndex:
    """Offsets and tokens -> entity id for one document, with the lookups quotes, speakers,
    relations and quantities need. Built once per document (the ``claimgraph_entities``
    component puts it on ``doc._.claimgraph_index``)."""

    def __init__(self, doc: Doc, entities: Sequence[Entity]) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.entity_list = list(entities)
        self.entities = {e.id: e for e in entities}
        self._spans = sorted((m.start, m.end, e.id) for e in entities for m in e.mentions)
        self._starts = [s[0] for s in self._spans]
        self.token_entity: dict[int, str] = {}
        # a token in two mentions (a place at the head of an organisation's name, "U.S. Senate")
        # is the longer one's
        for _, m, owner in sorted(((m.start - m.end, m, e.id) for e in entities for m in e.mentions),
                                  key=lambda x: x[0]):
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            for t in span or ():
                if not t.is_punct or t.text in "-.":
                    self.token_entity.setdefault(t.i, owner)
        forms: dict[str, str] = {}
        for e in entities:
            if e.type != "PERSON":
                for f in [e.name, *e.aliases, *(m.text for m in e.mentions)]:
                    forms.setdefault(norm(f), e.id)
        self.country_of: dict[str, str] = {}
        for dem, names in demonym_name_sets():
            eid = next((forms[n] for n in names if n in forms), None)
            if eid:
                self.country_of[dem] = eid
        self._is_country: dict[str, bool] = {}
        self._country_of_orth: dict[int, str | None] = {}  # a word's id -> country(word), as looked up
        self._by_types: dict[tuple[str, ...], tuple[list[tuple[int, int, str]], list[int]]] = {}

    def at_offset(self, start: int, end: int | None = None) -> str | None:
        """Id of the entity whose mention overlaps [start, end), or None."""
        end = start + 1 if end is None else end
        i = bisect.bisect_right(self._starts, end - 1) - 1
        while i >= 0 and self._spans[i][1] > start:
            if self._spans[i][0] < end:
                return self._spans[i][2]
            i -= 1
        return None

    def mentions_between(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """(start, end, entity id) of every mention inside [start, end)."""
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self._spans) and self._spans[i][0] < end:
            if self._spans[i][1] <= end:
                out.append(self._spans[i])
            i += 1
        return out

    def mentions_before(self, types: tuple[str, ...], end: int) -> list[tuple[int, int, str]]:
        """``mentions_between(0, end)`` of the entities of these types alone, in the same order."""
        spans, starts = self._typed_spans(types)
        return [s for s in spans[: bisect.bisect_left(starts, end)] if s[1] <= end]

    def _typed_spans(self, types: tuple[str, ...]) -> tuple[list[tuple[int, int, str]], list[int]]:
        """The mentions of entities of these types (and their starts), kept per tuple of types."""
        found = self._by_types.get(types)
        if found is None:
            spans = [s for s in self._spans if self.type(s[2]) in types]
            found = self._by_types[types] = (spans, [s[0] for s in spans])
        return found

    def get(self, entity_id: str) -> Entity:
        return self.entities[entity_id]

    @functools.cached_property
    def nested(self) -> dict[int, str]:
        """Token -> an entity named inside an organisation's mention, where a name opens it or
        follows one of its inner "of"/"for"/"the" ("United States" in "United States Air Force",
        "Florida" in "Florida Highway Patrol", "Samoa" in "government of Samoa", "NASA" in a
        mention the recogniser ran on into a title, "NASA Administrator"). A country counts under
        any of its names ("United States" for the entity "US"); a party under its name without
        "Party" ("Republican" for the Republican Party). Forms two entities share are left out."""
        forms: dict[str, str | None] = {}
        for e in self.entity_list:
            if e.type == "PERSON":
                continue
            for f in self.name_forms(e):
                forms[f] = e.id if forms.get(f, e.id) == e.id else None
        out: dict[int, str] = {}
        for e in self.entity_list:
            if e.type != "ORG":
                continue  # a place named after a place is no part of it: "New York City", "Gulf of Oman"
            for m in e.mentions:
                span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None or len(span) < 2:
                    continue
                starts = [span.start] + [t.i + 1 for t in span[:-1] if t.lower_ in NAME_JOINS]
                for i in starts:
                    if not (self.doc[i].is_title or self.doc[i].is_upper):
                        continue  # a name starts with a capital
                    for j in range(span.end, i, -1):
                        if (i, j) == (span.start, span.end):
                            continue
                        eid = forms.get(norm(self.doc[i:j].text))
                        if eid is not None and eid != e.id:
                            for k in range(i, j):
                                out.setdefault(k, eid)
                            break
        return out

    def name_forms(self, e: Entity) -> set[str]:
        """The normalised names an entity goes by in the text, with a country's other names and
        a party's name without "Party"."""
        out = {norm(f) for f in [e.name, *e.aliases, *(m.text for m in e.mentions)]}
        if self.is_country(e.id):
            out |= {n for _dem, names in demonym_name_sets() if not out.isdisjoint(names) for n in names}
        if e.type == "ORG":
            out |= {f.removesuffix(" party") for f in out if f.endswith(" party")}
        return {f for f in out if len(f) > 1}

    def description(
        self, token: Token, *, speaker: bool = False, titled_by: bool = False,
        exclude: Sequence[tuple[int, int]] = (),
    ) -> str | None:
        """The entity a definite description stands for: "the ministry", "the group" -> the
        latest organisation named before it with that word in its name; "the Prime Minister" ->
        the person last named with that title.

        ``speaker``: the phrase is the subject of a speech verb, where a state's body named bare
        ("police said"), a possessed one ("the city's police") and a place ("the city stated":
        the last city named) speak too. (As a relation's side, "the city of X" names X itself.) A
        speaking organisation described by what it is ("the utility said", "the company says") that
        no name holds the word of is the nearest organisation named before it, a subject first, as
        for "it" (:mod:`claimgraph.nlp.pronouns`); mentions inside ``exclude`` (quotes) are skipped.
        ``titled_by``: the bare noun stands before a title, as definite as "the company" there
        ("company CEO Andy Vesey")."""
        if token.pos_ not in ("NOUN", "PROPN"):
            return None
        lemma = token.lemma_.lower()
        definite = titled_by or any(
            c.lower_ in ("the", "this", "that") or (speaker and c.dep_ == "poss") for c in token.children)
        # a bare plural is a kind of body, not the one named before ("Aid agencies say"; "police" is no plural)
        bare = speaker and lemma in words("state_parts") and not (
            token.tag_ in ("NNS", "NNPS") and token.lower_ != lemma) and not any(
            c.dep_ == "det" for c in token.children)
        indefinite = speaker and any(c.lower_ in ("a", "an") for c in token.children)
        if speaker and lemma in titles() and not definite and indefinite:
            return self._named_after(token)  # "a federal judge in Texas ruled ... Judge Gray Miller"
        if not (definite or bare):
            return None
        best = None
        text = self.text
        if speaker and lemma in PLACE_NOUNS:
            return self.place_noun(token)
        if lemma in titles() or speaker and lemma in FAMILY_ROLES:
            # the person last named with that title, its full words first ("the Prime Minister" is
            # not the "Deputy Prime Minister for Finance and Minister of Economy" named last)
            words_ = [c.lower_ for c in token.lefts if c.dep_ in ("compound", "amod")] + [token.lower_]
            for role in dict.fromkeys([" ".join(words_), lemma]):
                for start, end, eid in self.mentions_before(("PERSON",), token.idx):
                    # the title before the name, or opening a mention that holds it ("Pope Francis")
                    if self.type(eid) == "PERSON" and (titled(text[max(0, start - 80) : start].lower(), role)
                                                       or text[start:end].lower().startswith(role + " ")):
                        best = eid
                if best is not None:
                    break
            if best is None and speaker and lemma in FAMILY_ROLES:
                best = self._family_member(token)
            if best is None and speaker and lemma in titles():
                best = self._named_after(token)
            return best
        recent = None
        for start, end, eid in self.mentions_before(("ORG", "NORP"), token.idx):  # no other type counts
            e = self.entities[eid]
            # a word of its name, or the text's word for it around it ("the Sustainable Australia party",
            # not "its Netto chain": a part of another)
            if e.type in ("ORG", "NORP") and any(lemma in w.lower() for w in e.name.split()) or (
                    e.type == "ORG" and lemma in BESIDE_ORG_NOUNS and text[max(0, start - 4) : start].lower() == "the "
                    and text[end : end + len(lemma) + 1].lower() == " " + lemma):
                best = eid
            if e.type == "ORG" and start >= token.idx - DESCRIPTION_WINDOW:
                recent = eid
        if best is None and speaker and token.tag_ in ("NN", "NNP"):
            # a body the model typed a place or a facility, its noun a word of its name: "according to the
            # airport" after "Stansted International Airport" (LOC)
            for _start, _end, eid in self.mentions_before(("FAC", "LOC"), token.idx):
                if lemma in self.entities[eid].name.lower().split():
                    best = eid
        if best is None and bare:
            # "police said" before the report names its force: the one organisation so named in it
            named = {e.id for e in self.entity_list if e.type == "ORG" and lemma in e.name.lower().split()}
            best = named.pop() if len(named) == 1 else None
        if best is None and speaker and lemma in SPEAKING_ORG_NOUNS and token.lower_ == lemma:
            best = self.pronouns.resolve(token, exclude, organisation=True)
        # "the unit" where no name has that word and none was found so: the organisation named just before
        # ("the companies" are several, no one of them)
        plural = token.tag_ in ("NNS", "NNPS") and token.lower_ != lemma
        return best or (recent if lemma in GENERIC_ORG_NOUNS and not plural else None)

    def name_word(self, token: Token) -> str | None:
        """The organisation a capitalised word that is no mention stands for: the latest one
        named before it with that word in its name ("Society President Ash Soni" after the Royal
        Pharmaceutical Society; "Company meteorologist Evan Duffey" after Pacific Gas and Electric
        Company)."""
        if not token.is_title or token.i in self.token_entity:
            return None
        word, best = token.lower_, None
        for _start, _end, eid in self.mentions_between(0, token.idx):
            e = self.entities[eid]
            if e.type == "ORG" and word in (w.lower() for w in e.name.split()) and e.name.lower() != word:
                best = eid
        return best

    def _named_after(self, token: Token) -> str | None:
        """A title no one named before had: the first person the text names later with it
        ("China's ambassador to Britain accused ..." ... "China's ambassador to Britain Liu
        Xiaming"; "a federal judge in Texas ruled" ... "U.S. District Judge Gray Miller")."""
        text, lemma = self.text, token.lemma_.lower()
        if token.tag_ in ("NNS", "NNPS"):
            return None  # "the physicians" are no one person
        words_ = [t for t in token.subtree if t.i >= token.i or t.dep_ != "det"]
        phrase = self.doc[words_[0].i : words_[-1].i + 1].text.lower()  # "china's ambassador to britain"
        # named in a later sentence, the title in that sentence: "... a family spokesperson.
        # Conyers, the former Dean" is no spokesperson
        for start, _end, eid in self.mentions_between(token.sent.end_char, len(text)):
            before = _SENTENCE_END.split(text[max(0, start - 80) : start].lower())[-1]
            if self.type(eid) == "PERSON" and (titled(before, lemma) or before.rstrip().endswith(phrase)):
                return eid
        return None

    def _family_member(self, token: Token) -> str | None:
        """"The father said" with no one introduced as the father: the last person of that
        gender named before ("sentenced David and Louise Turpin ... The mother said": Louise)."""
        from claimgraph.nlp.pronouns import ROLE_GENDER

        want = ROLE_GENDER.get(token.lemma_.lower())
        gender = self.pronouns.gender
        people = [eid for _s, _e, eid in self.mentions_between(0, token.idx)
                  if self.type(eid) == "PERSON" and gender.get(eid) == want]
        return people[-1] if want and people else None

    def place_noun(self, token: Token) -> str | None:
        """The place a definite place noun stands for ("the city stated", "the state's 41
        delegates"): the last place of that kind named before it (a country for "the country",
        else a place below one), one the text called so ("the city of X", "X city") first."""
        lemma = token.lemma_.lower()
        if lemma not in PLACE_NOUNS or not any(
            c.lower_ in ("the", "this", "that") or c.dep_ == "poss" for c in token.children
        ):
            return None
        text, best, described = self.text, None, None
        country = lemma in COUNTRY_NOUNS
        called, before, after = _place_noun_patterns(lemma)
        called_so: set[str] = set()  # the places the text called so, anywhere before
        outer_end = -1
        for start, end, eid in sorted(self.mentions_between(0, token.idx), key=lambda m: (m[0], -m[1])):
            if end <= outer_end:
                continue  # a place inside another name ('US' in 'US forces') is no place the text points back to
            outer_end = end
            if called.search(text[max(0, start - 30) : start].lower()) or self.type(eid) != "PERSON" and (
                    before.search(text[max(0, start - 12) : start].lower())
                    or after.match(text[end : end + 12].lower())):
                called_so.add(eid)  # the text's own word for it outweighs the tagger's type
            if start < token.idx - PLACE_WINDOW:
                continue
            if self.type(eid) == "GPE" and self.is_country(eid) == country:
                best = eid
            if eid in called_so:
                described = eid
        return described or best

    def type(self, eid: str | None) -> str:
        e = self.entities.get(eid or "")
        return e.type if e else ""

    def is_place(self, eid: str | None) -> bool:
        return self.type(eid) in PLACE_TYPES or self.is_country(eid)

    def is_country(self, eid: str | None) -> bool:
        key = eid or ""
        found = self._is_country.get(key)
        if found is None:
            e = self.entities.get(key)
            found = self._is_country[key] = bool(e) and any(
                norm(f) in country_names() for f in [e.name, *e.aliases])  # type: ignore[union-attr]
        return found

    def country(self, token: Token) -> str | None:
        """The country entity a nationality word names ("Iranian", "Saudi", "U.S.-backed")."""
        return self.country_by_orth(token.orth)  # an int: token.text decodes a new string each time

    def country_by_orth(self, orth: int) -> str | None:
        """:meth:`country` of the word with this string id."""
        try:
            return self._country_of_orth[orth]
        except KeyError:
            word = self.doc.vocab.strings[orth]
            found = self._country_of_orth[orth] = self.country_of.get(demonym_key(word))
            return found

    def may_name(self, i: int, orth: int) -> bool:
        """Whether :meth:`at` can give an entity for the token ``i`` (string id ``orth``)."""
        return i in self.token_entity or self.country_by_orth(orth) is not None

    def at(self, token: Token) -> str | None:
        """The entity this very token belongs to; a nationality word gives its country."""
        eid = self.token_entity.get(token.i)
        if eid is None or self.type(eid) == "NORP":
            return self.country(token) or eid
        return eid

    @functools.cached_property
    def pronouns(self) -> PronounResolver:
        """The document's pronoun resolver (built on first use)."""
        from claimgraph.nlp.pronouns import PronounResolver

        return PronounResolver(self)

    def antecedent(self, pronoun: Token) -> str | None:
        """The person a he/she/his/her stands for (see :mod:`claimgraph.nlp.pronouns`)."""
        return self.pronouns.resolve(pronoun)

    def of_phrase(self, token: Token, depth: int = 0) -> str | None:
        """The entity the noun phrase headed by ``token`` refers to, following
        appositions ("the PMF, an Iranian-backed militia"), relative pronouns,
        copulas ("X is a native of Lviv": native -> X) and personal pronouns."""
        eid = self.at(token)
        if eid or depth > 3:
            return eid
        low = token.lower_
        if low in PERSONAL_PRONOUNS:
            return self.antecedent(token)
        if low in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
            return self.of_phrase(token.head.head, depth + 1)
        if token.dep_ == "appos":
            return self.before_apposition(token) or self.of_phrase(token.head, depth + 1)
        if token.dep_ == "attr":
            subj = subject_of(token.head)
            return self.of_phrase(subj, depth + 1) if subj is not None else None
        for c in token.children:
            if c.dep_ == "appos" and self.at(c):
                return self.at(c)
        if token.lemma_.lower() in GROUP_MEMBERS:  # "the volunteers of the battalion" act for it
            for c in token.children:
                if c.dep_ == "prep" and c.lower_ in ("of", "from"):
                    org = next((self.at(p) for p in c.children if p.dep_ == "pobj"), None)
                    if org and self.type(org) in ("ORG", "NORP"):
                        return org
        return self.named_by(token, depth) or self.description(token) or self.issuer(token, depth)

    def named_by(self, token: Token, depth: int) -> str | None:
        """The entity a generic noun stands for: "the YPG militia" (compound), "the Afghan
        government" (nationality), "the city of Gdansk", "the centre of Helmand province"."""
        lemma = token.lemma_.lower()
        rulers = lemma in ("government", "regime", "administration")  # "the Trump administration"
        if lemma in words("named_heads"):
            for c in token.children:
                if c.dep_ in ("compound", "nmod") or (c.dep_ == "amod" and rulers):
                    eid = self.at(c)
                    if eid and (self.type(eid) != "PERSON" or rulers):
                        return eid
        if lemma in words("of_heads"):
            for c in token.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    p = next((g for g in c.children if g.dep_ == "pobj"), None)
                    if p is not None:
                        return self.of_phrase(p, depth + 1)
        return None

    def issuer(self, token: Token, depth: int = 0, exclude: Sequence[tuple[int, int]] = ()) -> str | None:
        """Who a document speaks for: its possessor ("its website", "the chain's press release"),
        its "by"/"from" phrase, the subject that issued it ("X released a statement saying ...",
        "Trump, in a statement delivered via the press secretary, announced"), and for "the
        statement" the issuer of the last statement named before it, not one that quoted speech
        (inside the ``exclude`` spans) speaks of (""... her tumblr statements," the statement read"),
        though one a quoted title names (The NHC's "... Intermediate Advisory ..." ... The advisory)."""
        if token.lemma_.lower() not in DOCUMENT_NOUNS or depth > 3:
            return None
        found = self._issued_by(token, depth)
        if found is None and any(c.lower_ in ("the", "this", "that") for c in token.children):
            lemma = token.lemma_.lower()
            earlier = self.doc[max(0, token.i - DOCUMENT_WINDOW) : token.i]
            prev = next((t for t in reversed(earlier) if t.lemma_.lower() == lemma
                         and (t.is_title or not any(s <= t.idx < e for s, e in exclude))), None)
            # that statement may itself be "the statement" of one before it
            found = self.issuer(prev, depth + 1, exclude) if prev is not None else None
            found = found or self._act_named(token, depth)
        return found

    def _act_named(self, token: Token, depth: int) -> str | None:
        """Whoever last did what a definite document noun names, when no such document was named
        before it: "the ECJ ... ruled in regard to the case ... According to the ruling" (the
        ruling is the ECJ's), "X announced ... the announcement"."""
        lemma = token.lemma_.lower()
        for verb in reversed(self.doc[: token.i]):
            if verb.pos_ != "VERB" or lemma not in _nominals(verb.lemma_.lower()):
                continue
            subj = subject_of(verb)
            if subj is not None:
                return self.of_phrase(subj, depth + 1)
        return None

    def _issued_by(self, token: Token, depth: int) -> str | None:
        for c in token.children:
            if c.dep_ == "poss":
                return self.of_phrase(c, depth + 1)
            # "a statement by X", "the decree signed by the Pope"
            by = [c] if c.dep_ in ("prep", "agent") else [
                g for g in c.children if g.dep_ == "agent"] if c.dep_ == "acl" and c.tag_ == "VBN" else []
            for b in by:
                p = next((g for g in b.children if g.dep_ == "pobj"), None)
                if p is not None and b.lower_ in ("by", "from"):
                    return self.of_phrase(p, depth + 1) or self.description(p, speaker=True)
        verb = token.head
        if token.dep_ == "pobj" and verb.lower_ in ("in", "via", "through"):
            verb = verb.head  # "Trump, in a statement ..., announced": the statement's issuer speaks
            if verb.dep_ == "dobj" and verb.head.pos_ == "VERB":
                verb = verb.head  # "X denied the allegations in a statement": hung on the object
        if verb.pos_ == "VERB" and (token.dep_ == "dobj" or verb is not token.head):
            subj = subject_of(verb)
            if subj is not None and subj.i != token.i:  # the issuer speaks: "the city issued a statement"
                subj = _determined_head(subj)
                # the issuer speaks: a description of it is read as a speaker's ("The company published
                # a blog post": the company a subject names, as for "the company said")
                described = subj.pos_ == "NOUN" and self.at(subj) is None
                spoken = self.description(subj, speaker=True) if described else None
                return spoken or self.of_phrase(subj, depth + 1)
        if token.dep_ == "compound" and token.head.pos_ in ("NOUN", "PROPN"):
            return self._issued_by(token.head, depth + 1)  # "The NHC's "... Advisory Number 25A""
        return None

    def before_apposition(self, token: Token) -> str | None:
        """The entity named just before an appositive, past its comma and a parenthesised
        acronym: in "the deputy commander of the PMF (PMF), an Iranian-backed militia" the
        militia is the PMF, whatever the parser attached it to."""
        doc, j = self.doc, token.left_edge.i - 1
        while j >= 0 and doc[j].is_punct:
            if doc[j].text == ")":
                while j >= 0 and doc[j].text != "(":
                    j -= 1
            j -= 1
        return self.at(doc[j]) if j >= 0 and doc[token.left_edge.i - 1].text in (",", "(", "\u2014") else None

    def objects(self, token: Token) -> list[str]:
        """The entity of a phrase and of the phrases conjoined with it ("Israel and the US")."""
        out = []
        for t in [token, *conjuncts(token)]:
            eid = self.of_phrase(t)
            if eid and eid not in out:
                out.append(eid)
        return out


def conjuncts(token: Token) -> list[Token]:
    """Tokens coordinated with ``token`` ("X, Y and Z")."""
    out, todo = [], [c for c in token.children if c.dep_ == "conj"]
    while todo:
        t = todo.pop()
        out.append(t)
        todo.extend(c for c in t.children if c.dep_ == "conj")
    return out


def voice(token: Token, quotes: Sequence[Quote], idx: EntityIndex, *, relation: bool = False) -> tuple[str | None, Modality]:
    """Who states ``token``'s clause and how: the covering quote's speaker, else the subject of
    a governing reporting verb or "according to" source, else the report's own voice.

    A relation stated by a description ("US President Donald Trump", "the London-based group",
    "Nashville, Tennessee") is the report's own wording even inside reported speech; only inside
    quote marks is it the speaker's."""
    described = token.pos_ in DESCRIPTIVE and token.dep_ not in PREDICATIVE and token.head.lemma_ not in COPULAS
    if relation and described and not any(q.kind == "direct" and q.start <= token.idx < q.end for q in quotes):
        return None, modality_at(token)
    speaker, modality = voice_of(token, quotes)
    if speaker is None and modality in ("asserted", "uncertain", "claimed", "denied"):
        inside = any(q.start <= token.idx < q.end for q in quotes)
        rep = None if inside else reporter_of(token)
        if rep is not None:
            return idx.of_phrase(rep[0]), modality_at(token, rep[1])
    return speaker, modality


def ruled_out(token: Token, idx: EntityIndex) -> bool:
    """Whether the clause that states a relation at ``token`` denies or only supposes it ("is not
    a member of", "if he joins"). A name or a role noun that is no clause's predicate states its
    relation whatever the clause around it says ("they did not play Raven Klaasen of South
    Africa", "the seat formerly held by X" under "would"): only its own negation counts ("no
    member of"). Any other noun ("his conversation with the president of Ukraine") keeps its clause's."""
    named = token.i in idx.token_entity or role_at(token) is not None
    phrase = named and token.dep_ not in PREDICATIVE and token.head.lemma_ not in COPULAS and (
        token.head.lower_ != "as")  # "served as head of X"
    if phrase:
        return any(c.dep_ in ("neg", "det") and c.lower_ in NEGATORS for c in token.children)
    return is_negated(token) or is_hypothetical(token)


@functools.lru_cache(maxsize=None)
def _place_noun_patterns(noun: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """How a text calls a place by ``noun``: "the territory of (the) X", "... city X", "X city" /
    "X, a city" (built once per noun: place nouns are looked up for every mention before them)."""
    called = re.compile(rf"\b{noun} of (?:the )?$")
    return called, re.compile(rf"\b{noun}\b"), re.compile(rf"(?:, a)? {noun}\b")


@functools.lru_cache(maxsize=4096)
def _titled_pattern(role: str) -> re.Pattern[str]:
    # the place a title is of, not a possessive's noun phrase after it ("duchess of sussex's discussion
    # with " is no title of the name after it)
    of_place, honorific = r"(?: of [^,.;:'\u2019]{1,40}?)?", r"(?:,? (?:dr|mr|mrs|ms|sir)\.?)?"
    return re.compile(rf"\b{re.escape(role)}\b{of_place}{honorific}\W*$")


def _determined_head(token: Token) -> Token:
    """The noun a determiner marks as the head of a subject the parse hung on a word after it: "The
    company flat-out denied" (``out`` parsed the subject, ``company`` its compound)."""
    if any(c.dep_ == "det" for c in token.children):
        return token
    return next((c for c in token.children if c.dep_ == "compound" and c.pos_ == "NOUN"
                 and any(g.dep_ == "det" and g.lower_ == "the" for g in c.children)), token)


def titled(before: str, role: str) -> bool:
    """Whether the lower-cased text ``before`` a name ends with ``role`` as whole words ("prime
    minister ", "his daughter ", "president of the united states "), not a lower rank of it
    ("deputy prime minister ") nor inside another word ("johnson" has no "son")."""
    if role not in before:
        return False  # what the pattern needs, checked without it
    found = _titled_pattern(role).search(before)
    if not found:
        return False
    previous = before[: found.start()].split()[-1:]
    return not previous or previous[0].strip("-") not in RANK_WORDS



def _nominals(verb: str) -> set[str]:
    """The nouns that name what a verb does: rule -> ruling, state -> statement, declare ->
    declaration, report -> report."""
    stem = verb.removesuffix("e")
    return {verb, verb + "ment", stem + "ing", verb + "ing", stem + "ation"}
