"""Who a speaker phrase refers to: a named entity, an apposition, a pronoun, "the ministry".

Pronouns are resolved with the parse, gender cues and recency, since no coreference model
installs offline here. The resolver is one class with one public method, so a coreference
model can replace it (anything with ``resolve(token, quote_spans) -> (entity id, text)``).
"""

from __future__ import annotations

from typing import Protocol

from spacy.tokens import Doc, Token

from claimgraph.nlp.lexicon import (
    ANONYMOUS_SOURCES, ASKING_VERBS, PERSON_NOUNS, demonym_key, org_words, reporting_verbs, titles,
)
from claimgraph.nlp.pronouns import FEMALE, MALE, PRONOUNS, RANK_GENDER, ROLE_GENDER
from claimgraph.nlp.rel_index import DOCUMENT_NOUNS, PLACE_NOUNS, SPEAKING_ORG_NOUNS, EntityIndex
from claimgraph.nlp.syntax import SUBJECT_DEPS, bare_definite
from claimgraph.nlp.tokens import doc_text

_DEICTIC = {"i", "me", "you", "we", "us"}
_PLURAL = {"they", "them", "their"}
# Nouns whose phrase names a source through an entity inside it ("a UN report", "a spokesman
# for the PMF"), and how deep to look: compounds, possessives and of/for phrases only.
_INNER_DEPS = {"compound", "poss", "nmod", "amod", "prep", "pobj", "appos", "acl", "agent"}
# Speakers described, not named (lexicon.ANONYMOUS_SOURCES): the organisation inside the phrase is
# where they work, not who speaks ("a source within the Interior Ministry", "officials at the embassy").
# Bodies named after a person that speak for themselves, not as that person (issue #8): "the Trump
# campaign", "the Obama administration", "the Khashoggi family". ("Erdogan's office" is his voice.)
_BODIES_OF_PEOPLE = {
    "administration", "campaign", "government", "regime", "foundation", "family", "camp", "estate",
}
# Speakers who together speak for the body a compound before them names ("PG&E officials said",
# "Company management said"), and its spokespeople ("an agency spokesman told us": the agency named before).
_OFFICERS = {
    "official", "management", "leadership", "executive", "spokesman", "spokeswoman", "spokesperson",
}
# People (in the plural: a singular one is a person of their own, "the FAO's chief veterinary officer")
# who speak for the organisation whose possessive they stand in ("NASA's scientists"), unlike
# those only about it ("Trump's critics") or where they work, unnamed ("officials at the embassy").
_STAFF = {"official", "officer", "scientist", "researcher", "representative", "employee", "staff", "expert"}
# People named by where they stand towards someone, who do not speak for that one.
_PEOPLE_ABOUT = {"defender", "supporter", "critic", "opponent", "fan", "follower", "rival", "detractor"}
# Prepositions of where a document was made public ("an announcement on Twitter", "a post via Facebook").
_WHERE_POSTED = {"on", "via", "in", "through"}
# Nouns for a part of a document, which speaks as the document: "Part of the court order declared".
_PARTS = {"part", "section", "portion", "passage", "paragraph", "excerpt", "rest", "remainder"}
# Participles by which an outlet passes on what unnamed sources said: "sources cited by DigiTimes".
_RELAYING_VERBS = {"cite", "quote", "interview", "contact"}
# Participles that give a described speaker a name: "a student named Wong", "a nurse called Ann".
_NAMING_VERBS = {"name", "call"}
# Verbs of an answer, whose he/she is the one just asked.
_REPLYING = {"reply", "respond", "answer", "retort"}
# Bodies that govern a place and speak as it: "Goa's government" is Goa.
_RULERS = {"government", "administration"}
# Words that may stand between a place or body and the office holder it introduces.
_TITLE_GAP = 5
# Words of the noun phrase before a speech verb, read back from the verb: names, roles, "of"/"from"
# phrases, possessives and commas ("The US's National Institute ...'s director, Dr. Anthony Fauci,").
_PHRASE_POS = {"PROPN", "NOUN", "ADJ", "DET", "PUNCT", "PART", "NUM", "SPACE"}
_PHRASE_PREPS = {"of", "from", "at"}
# Roles held for someone else, which a definite description never takes up from the person named
# before it ("Trump said ... The spokesman said" is not Trump).
_ROLES_FOR_OTHERS = {
    "spokesman", "spokeswoman", "spokesperson", "representative", "aide", "adviser", "advisor", "lawyer",
    "attorney", "friend", "relative", "neighbour", "neighbor", "parent", "journalist", "reporter",
    "correspondent", "prosecutor", "interviewer",
}
# Endings of nouns for a person by what they do ("the maker", "the attacker", "the economist").
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "eer")
# Words with those endings that are no person ("the former", "the latter") or most often a company
# ("The regulator said", "the insurer"): those speak for a body, not the person named before.
_NOT_AGENTS = {
    "former", "latter", "other", "order", "letter", "paper", "number", "matter", "member", "regulator",
    "operator", "insurer", "lender", "publisher", "developer", "manufacturer", "provider", "supplier",
    "distributor", "producer", "exporter", "importer", "investor", "sponsor", "contractor", "processor",
}


class Resolver(Protocol):
    def resolve(self, token: Token, quotes: list[tuple[int, int]]) -> tuple[str | None, str]: ...


def _sentence_before(token: Token) -> Token:
    """The first token of the sentence before ``token``'s, or of its own when it opens the text."""
    sent = token.sent
    return token.doc[sent.start - 1].sent[0] if sent.start > 0 else sent[0]


class SpeakerResolver:
    """Resolve the head token of a speaker phrase to an entity id of the document."""

    def __init__(self, doc: Doc, index: EntityIndex) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.index = index
        self.types = {e.id: e.type for e in index.entity_list}
        self.last_speaker: str | None = None
        self.last_said = -1  # where the last speaker's quote starts
        # nationality word -> country entity, as the relation patterns read it
        self.countries = index.country_of

    def _phrase_text(self, token: Token) -> str:
        left = min((t.i for t in token.subtree if t.dep_ in ("det", "compound", "amod", "poss", "nummod") or t.i == token.i), default=token.i)
        return self.doc[left : token.i + 1].text

    def resolve(self, token: Token, quotes: list[tuple[int, int]]) -> tuple[str | None, str]:
        """(entity id or None, the words that name the speaker)."""
        if token.tag_ in ("WP", "WDT") and token.head.dep_ == "relcl" and token.head.head is not token:
            token = token.head.head  # "CNN, who reported": the noun the clause describes
        elif token.tag_ == "WP" and token.i > 0 and self.doc[token.i - 1].pos_ == "PROPN":
            token = self.doc[token.i - 1]  # the same where the parse lost the clause ("CNN who reported")
        found = self.index.at_offset(token.idx, token.idx + len(token)) or self.surname(token)
        if found is not None and self.types.get(found) != "PERSON":
            person = self._titled_person(token)
            if person is not None:
                return person, self._mention_text(person, self.doc[self._token_at(person, token)])
        if found is not None:
            return found, self._mention_text(found, token)
        for child in token.children:
            # "Retired FBI agent and terrorism specialist Ali Soufan told": the named conjunct
            if child.dep_ == "conj" and self.types.get(self.index.at(child) or "") == "PERSON":
                return self._named(child)
            # "According to these videos and NPR": the named source
            if child.dep_ == "conj" and token.pos_ == "NOUN" and self.types.get(
                    self.index.at(child) or "") == "ORG":
                return self._named(child)
            # "A university student named Wong said": the person the description names
            if child.dep_ == "acl" and child.lemma_.lower() in _NAMING_VERBS:
                named = next((g for g in child.children if g.dep_ in ("oprd", "dobj", "attr")
                              and self.types.get(self.index.at(g) or "") == "PERSON"
                              and not any(s <= g.idx < e for s, e in quotes)), None)  # a song called "..."
                if named is not None:
                    return self._named(named)
            if child.dep_ == "appos":
                inner = self._inside(child)
                # "researchers from GT and University of South Carolina Beaufort" (the second
                # parsed as an apposition): where unnamed people work, not who they are
                if inner is not None and not (
                        token.lemma_.lower() in ANONYMOUS_SOURCES and self.types.get(inner) != "PERSON"):
                    return inner, self._mention_text(inner, child)
        lower = token.lower_
        if lower == "you" and not any(s <= token.idx < e for s, e in quotes):
            # "On your website you state "..."" in "Wikinews interviews ... Adam Kokesh": the interviewee
            return self._interviewee(), token.text
        if lower in _DEICTIC:
            return None, token.text  # "I", "you", "we" speak from inside a quote or an interview
        if lower in PRONOUNS:
            return self._pronoun(token, quotes), token.text
        if token.pos_ == "PRON":  # "some of the protesters", "others": who is named inside, if anyone
            return self._inside(token), self.doc[token.i : token.right_edge.i + 1].text
        if (document := _document_part(token)) is not None:
            # "Part of the court order that was not overturned declared that ...": the order's issuer
            return self.resolve(document, quotes)[0], self._phrase_text(token)
        if token.pos_ == "NOUN" and (person := self._titled_person(token)) is not None:
            return self._named(self.doc[self._token_at(person, token)])  # "the first selectman, X,"
        if token.lemma_.lower() in _OFFICERS and (body := self._officers_of(token, quotes)) is not None:
            return body, self._phrase_text(token)  # "PG&E officials said", "agency officials said"
        if token.tag_ == "NNS" and token.lemma_.lower() in _STAFF and (
                body := self._staff_of(token)) is not None:
            return body, self._phrase_text(token)  # "NASA's scientists have confirmed": NASA's word
        if token.lemma_.lower() in ANONYMOUS_SOURCES:
            # "a source within the ministry": unnamed; "the analyst" after "analyst Jonathan
            # Matuszewski": the person the report introduced with that word; "industry sources cited by
            # ... DigiTimes": the outlet that relays them
            found = self.index.pronouns.introduced_as(token, quotes) or self._relayed_by(token)
            return found, self._phrase_text(token)
        if token.lemma_.lower() in _RULERS:
            # "Goa's government announced": the place it governs speaks
            place = next((self.index.at(c) for c in token.children if c.dep_ in ("poss", "compound")
                          and self.types.get(self.index.at(c) or "") == "GPE"), None)
            if place is not None:
                return place, self._phrase_text(token)
        if token.lemma_.lower() in _BODIES_OF_PEOPLE and any(
            c.dep_ in ("compound", "poss") and self.types.get(self.index.at(c) or "") == "PERSON"
            for c in token.children
        ):
            # "the Trump campaign said": not Trump himself, but the body when the text names it in
            # full ("Day's animal foundation": the Doris Day Animal Foundation)
            return self._body_named(token), self._phrase_text(token)
        if _describes_one_person(token) and (holder := self._role_holder(token, quotes)) is not None:
            # "Eyamba Sowers didn't know ... The real estate agent said": the person the sentences
            # before are about; "the Facebook founder said": the founder, not the company inside
            return holder, self._phrase_text(token)
        inner = self._inside(token)
        if inner is None and token.lemma_.lower() in DOCUMENT_NOUNS:
            # "Their statement also read": whose, as a speaker pronoun (the speaker before goes on)
            owner = next((c for c in token.children if c.dep_ == "poss" and c.lower_ in PRONOUNS), None)
            # "the Turkish statement": Turkey's; "its website", "X issued a statement saying"
            inner = (self._pronoun(owner, quotes) if owner is not None else None) or self._nationality(
                token) or self.index.issuer(token, exclude=quotes) or self._body_described(token) or (
                self._source_before(token))
        if inner is not None:
            return inner, self._phrase_text(token)
        found = self._apposed_before(token, quotes) or self.index.description(
            token, speaker=True, exclude=quotes)
        if found is None and _describes_no_person(token):
            # "Don't Hug Cacti ... said ... The couple encouraged attendees ..., sharing that ...": a
            # word no lexicon knows for the organisation whose words were given just before
            found = self._source_before(token)
        return found, self._phrase_text(token)

    def _role_holder(self, description: Token, quotes: list[tuple[int, int]]) -> str | None:
        """The person a definite description by a role stands for: the one the report introduced
        with that word, else the person the sentences before are about, unless an earlier sentence
        tells the two apart."""
        pronouns = self.index.pronouns
        lemma = _role_lemma(description)
        found = pronouns.introduced_as(description, quotes) or pronouns.subject_before(
            description, ROLE_GENDER.get(lemma) or RANK_GENDER.get(lemma), quotes)
        if found is not None and self._told_apart(description, found, quotes):
            return None  # "Dempsey talked with the man ... the man wrote": someone else, unnamed
        return found

    def _told_apart(self, description: Token, found: str, quotes: list[tuple[int, int]]) -> bool:
        """Whether an earlier sentence names ``found`` beside the same definite description as someone
        else ("Dempsey talked with the man over the phone", "After questioning the patient ..., Dempsey
        and his team found"): the description is another person, not the one the sentences are about.
        A description in apposition to the name ("Dempsey, the pulmonologist,") is that person."""
        lemma, owner = description.lemma_.lower(), self.index.token_entity
        for tok in self.doc[: description.sent.start]:
            if tok.lemma_.lower() != lemma or tok.pos_ != description.pos_ or not any(
                    c.dep_ == "det" and c.lower_ in ("the", "this") for c in tok.children) or any(
                    s <= tok.idx < e for s, e in quotes):
                continue
            apposed = {owner.get(t.i) for t in (tok.head, *tok.children) if "appos" in (t.dep_, tok.dep_)}
            if found not in apposed and any(owner.get(t.i) == found and not any(
                    s <= t.idx < e for s, e in quotes) for t in tok.sent):
                return True
        return False

    def _source_before(self, document: Token) -> str | None:
        """The organisation whose words were last given, in the two sentences before, for a definite
        document noun no issuer is found for: "..., according to industry sources cited by ...
        DigiTimes. A preview of the report was shared ... The report claims ...": DigiTimes' report."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in document.children):
            return None
        last = self.last_speaker
        start = _sentence_before(_sentence_before(document))
        if last is None or self.types.get(last) != "ORG" or not start.idx <= self.last_said < document.idx:
            return None
        return last

    def _relayed_by(self, token: Token) -> str | None:
        """The outlet or person named as relaying unnamed sources: "sources cited by ... DigiTimes",
        "officials quoted by Reuters" (the agent of a participle on the sources' noun)."""
        for verb in token.children:
            if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.lemma_.lower() not in _RELAYING_VERBS:
                continue
            for agent in verb.children:
                for obj in agent.children:
                    eid = self.index.at(obj) if agent.dep_ == "agent" and obj.dep_ == "pobj" else None
                    if eid is not None and self.types.get(eid) in ("ORG", "PERSON"):
                        return eid
        return None

    def _apposed_before(self, token: Token, quotes: list[tuple[int, int]]) -> str | None:
        """The organisation last named in apposition to the same noun with "the" before a bare definite
        description: "the group said" after "The group, WeWorkers Coalition, formed ..."."""
        if token.pos_ != "NOUN" or not bare_definite(token):
            return None
        lemma, found = token.lemma_.lower(), None
        for tok in self.doc[: token.i]:
            if tok.lemma_.lower() != lemma or not any(c.lower_ == "the" for c in tok.children):
                continue
            named = next((self.index.at(c) for c in tok.children if c.dep_ == "appos" and c.i > tok.i
                          and not any(s <= c.idx < e for s, e in quotes)), None)
            if named is not None and self.types.get(named) == "ORG":
                found = named  # a person's title is the description step's ("the minister")
        return found

    def _interviewee(self) -> str | None:
        """The one person an interview's headline names ("Wikinews interviews ... candidate Adam
        Kokesh"), whom the interviewer's "you" addresses; None in a report that is no interview."""
        title = self.text.split("\n", 1)[0]
        if "interview" not in title.lower():
            return None
        people = {eid for _s, _e, eid in self.index.mentions_between(0, len(title))
                  if self.types.get(eid) == "PERSON"}
        return people.pop() if len(people) == 1 else None

    def surname(self, token: Token) -> str | None:
        """The one person named before whose last name a capitalised word that is no mention is:
        ""...," says Early" after Chris Early (a name that is also a word the entity finder left)."""
        sentence_start = token.i == token.sent.start and token.pos_ != "PROPN"
        if not token.is_title or sentence_start:
            return None
        if (eid := self.index.at(token)) is not None:  # the entity finder took it as the surname it is
            return eid if self.types.get(eid) == "PERSON" else None
        people = {e.id for e in self.index.entity_list if e.type == "PERSON" and len(e.name.split()) > 1
                  and e.name.split()[-1] == token.text and any(m.end <= token.idx for m in e.mentions)}
        return people.pop() if len(people) == 1 else None

    def person_before(self, verb: Token, found: str | None) -> tuple[str, str] | None:
        """The one person named in the noun phrase right before a speech verb, when the parse made
        an organisation or place in that phrase the subject: "African Export-Import Bank president
        Okey Oramah said", "Adrian Wojnarowski, US sport columnist from ESPN, said", "Jo Anne Val
        Tilburg of the University of California disagreed"; or, when ``found`` is a person, another
        person named right before the verb inside ``found``'s phrase. None when the phrase names
        no person or two. (entity id, its words)"""
        if found is not None and self.types.get(found) == "PERSON" and verb.i > 0:
            # "Longtime Imus in the Morning writer and performer Rob Bartlett tweeted": the parse made
            # the show's namesake the subject; the person named right before the verb speaks
            last = self.doc[verb.i - 1]
            eid = self.index.at(last)
            # not two people joined by "and": "Biden and Sanders announced"
            joined = last.dep_ == "conj" and self.index.at(last.head) == found
            if eid is not None and eid != found and self.types.get(eid) == "PERSON" and not joined and any(
                    self.index.at(t) == found for t in last.ancestors):
                return eid, self._mention_text(eid, last)
            return None
        if found is None:
            return None
        people: dict[str, Token] = {}
        seen_found = False
        i = verb.i - 1
        while i >= verb.sent.start:
            tok = self.doc[i]
            if not (tok.pos_ in _PHRASE_POS and tok.text not in (";", ":", "(", ")", '"', "\u201c", "\u201d")
                    or tok.lower_ in _PHRASE_PREPS or tok.pos_ == "CCONJ" and tok.lower_ == "and"):
                break
            eid = self.index.at(tok)
            if tok.text == "," and seen_found and self.index.at(self.doc[i - 1]) != found and all(
                    self.index.at(t) == found for t in self.doc[i + 1 : verb.i]):
                break  # "... the use of Swift's music, Dick Clark Productions denied": a clause before it
            seen_found |= eid == found
            if eid is not None and self.types.get(eid) == "PERSON":
                people[eid] = tok
            i -= 1
        if not seen_found or len(people) != 1:
            return None
        eid, tok = next(iter(people.items()))
        return eid, self._mention_text(eid, tok)

    def _body_named(self, token: Token) -> str | None:
        """The organisation whose name holds a person's body phrase's words ("Day's animal
        foundation" -> "Doris Day Animal Foundation"), if the text names one."""
        words_ = {t.lower_ for t in token.subtree if t.pos_ in ("PROPN", "NOUN", "ADJ")}
        for e in self.index.entity_list:
            if e.type == "ORG" and words_ <= {w.lower() for w in e.name.split()}:
                return e.id
        return None

    def _body_described(self, document: Token) -> str | None:
        """The organisation a document's noun modifiers describe by words of its name, the last one
        named before it: "according to a fire service statement" after North Wales Fire and Rescue
        Service."""
        described, stack = set(), [document]
        while stack:  # the compounds before the noun and theirs, not its conjuncts' ("... and a ladder platform")
            kids = [c for c in stack.pop().children if c.dep_ == "compound" and c.pos_ == "NOUN"]
            described |= {c.lower_ for c in kids}
            stack += kids
        if not described:
            return None
        found = None
        for _start, _end, eid in self.index.mentions_between(0, document.idx):
            if self.types.get(eid) == "ORG" and described <= {w.lower() for w in self.index.get(eid).name.split()}:
                found = eid
        return found

    def _titled_person(self, token: Token) -> str | None:
        """The person a place or body introduces as its office holder: "Niger's president Mahamadou
        Issoufou", "Connecticut Senator Richard Blumenthal". Only role words, a possessive and
        proper nouns may stand between the two, so "the ministry, Putin said" stays the ministry."""
        doc = self.doc
        for tok in doc[token.i + 1 : token.i + 1 + _TITLE_GAP]:
            eid = self.index.at(tok)
            if eid is not None and self.index.at(token) != eid:
                return eid if self.types.get(eid) == "PERSON" else None
            if tok.text == "," and tok.i + 1 < len(doc):
                # "Windsor Locks' first selectman, Chris Kervick,": a name in apposition only
                after = doc[tok.i + 1]
                eid = self.index.at(after)
                if eid is None or self.types.get(eid) != "PERSON":
                    return None
                mention = [t for t in doc[after.i : after.i + 6] if self.index.at(t) == eid]
                closing = mention[-1].i + 1 < len(doc) and doc[mention[-1].i + 1].text == ","
                return eid if closing or any(t.dep_ == "appos" for t in mention) else None
            if not (tok.tag_ == "POS" or tok.pos_ in ("PROPN", "NOUN", "ADJ") or tok.lower_ in ("-", "of")):
                return None
        return None

    def _token_at(self, entity_id: str, after: Token) -> int:
        return next(t.i for t in self.doc[after.i + 1 :] if self.index.at(t) == entity_id)

    def _named(self, token: Token) -> tuple[str | None, str]:
        eid = self.index.at(token)
        return eid, self._mention_text(eid, token) if eid else token.text

    def _nationality(self, token: Token) -> str | None:
        for child in token.children:
            if child.dep_ in ("amod", "compound", "nmod"):
                eid = self.countries.get(demonym_key(child.text))
                if eid is not None:
                    return eid
        return None

    def _mention_text(self, entity_id: str, token: Token) -> str:
        for m in self.index.get(entity_id).mentions:
            if m.start <= token.idx < m.end or token.idx <= m.start < token.idx + len(token) + 1:
                return m.text
        return token.text

    def _inside(self, token: Token) -> str | None:
        """An entity named inside the phrase: "a UN report", "a spokesman for the PMF", a person
        first, but a document's own "for"/"by"/"of" object before all ("The account for The Bernie
        and Sid Show, ..., hosted by Bernard McGuirk" is the show's)."""
        best: tuple[int, str] | None = None
        document = token.lemma_.lower() in DOCUMENT_NOUNS
        stack = [(token, 0)]
        while stack:
            tok, depth = stack.pop()
            eid = self.index.at_offset(tok.idx, tok.idx + len(tok))
            if tok.dep_ == "amod" and tok.pos_ == "ADJ":
                eid = None  # "polling by Democratic organizations": a kind of body, not the party
            if tok.dep_ == "poss" and tok.head.lemma_.lower() in _PEOPLE_ABOUT:
                eid = None  # "some of Trump's defenders": people about him, not his voice
            if document and tok.dep_ == "pobj" and tok.head.lower_ in _WHERE_POSTED and (
                    tok.head.head.i == token.i):
                eid = None  # "a surprise announcement on Twitter": where it was made, not whose
            if eid is not None and tok.i != token.i and self.types.get(eid) in ("PERSON", "ORG"):
                own = document and tok.dep_ == "pobj" and tok.head.head.i == token.i  # "the account for X"
                rank = -1 if own else 0 if self.types.get(eid) == "PERSON" else 1
                if best is None or (rank, depth) < (best[0], 0):
                    best = (rank, eid)
            if depth < 4:
                stack.extend((c, depth + 1) for c in tok.children if c.dep_ in _INNER_DEPS)
        return best[1] if best else None

    def _staff_of(self, token: Token) -> str | None:
        """The organisation named in the possessive before a staff noun ("NASA's scientists")."""
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        eid = self.index.at(owner) if owner is not None else None
        return eid if eid is not None and self.types.get(eid) == "ORG" else None

    def _officers_of(self, token: Token, quotes: list[tuple[int, int]]) -> str | None:
        """The organisation whose officers speak together, named or described in a compound before
        them: "PG&E officials said", "agency officials have stressed" (the agency named before).
        Officials "at", "within" or "of" a body are where unnamed people work."""
        for c in token.children:
            if c.dep_ != "compound" or c.i != token.i - 1:
                continue
            eid = self.index.at(c)
            if eid is not None:
                return eid if self.types.get(eid) == "ORG" else None
            if c.pos_ == "NOUN" and c.lemma_.lower() in SPEAKING_ORG_NOUNS:
                return self.index.pronouns.resolve(c, quotes, organisation=True)
        return None

    def _document_before(self, token: Token, quotes: list[tuple[int, int]]) -> str | None:
        """Whoever issued the document a speaking "it" that stands for no organisation takes up: the
        last one named in the sentence before ("Now they've put out another statement ... '...,' it
        says")."""
        start = _sentence_before(token).i
        for tok in reversed(self.doc[start : token.i]):
            if tok.lemma_.lower() in DOCUMENT_NOUNS and not any(s <= tok.idx < e for s, e in quotes):
                subj = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None and subj.lower_ in PRONOUNS and subj.lower_ != "it":
                    return self._pronoun(subj, quotes)  # "they've put out another statement"
                return self.index.issuer(tok, exclude=quotes)
        return None

    def _pronoun(self, token: Token, quotes: list[tuple[int, int]]) -> str | None:
        last = self.last_speaker
        if token.head.lemma_.lower() in _REPLYING and (asked := self._asked_before(token, quotes)) is not None:
            # "a reporter asked Montoya-Lewis, "...?" / "...," she replied": the one asked answers
            return asked
        found = self.index.pronouns.resolve(token, exclude=quotes, prefer=last)
        if found is None and token.lower_ == "it":
            return self._document_before(token, quotes)
        if found is None and token.dep_ in ("nsubj", "nsubjpass") and self._spoke_just_before(last, token):
            # "He says transit officers ... found a man bleeding ... He says the man died": the person
            # who spoke in the sentence before goes on, past the people his words were about
            return last
        if found is not None and self._only_aside(found, token) and (
                speaker := self._reported_just_before(token)) is not None:
            # "Early says there is a possibility that future Ubisoft games could be built ... "...," he
            # says": the person who spoke just before goes on, past a name the words only mention
            return speaker
        if token.lower_ not in _PLURAL:
            return found
        if self.types.get(found or "") == "GPE" and found != last:
            found = None  # "they said" is people or a body, not a place ("They stated arrests were made")
        before = _sentence_before(token).idx
        if found is None and self.types.get(last or "") == "ORG" and before <= self.last_said < token.idx:
            # "Day's animal foundation said she had been in excellent health ... Day, they said, desired
            # no memorials": the body that spoke in the sentence before goes on
            return last
        return found

    def _asked_before(self, pronoun: Token, quotes: list[tuple[int, int]]) -> str | None:
        """The person, of the pronoun's gender, last asked (the object of a verb that asks) in the
        pronoun's sentence before it or in the sentence before."""
        lower = pronoun.lower_
        want = "m" if lower in MALE else "f" if lower in FEMALE else None
        if want is None:
            return None
        for verb in reversed(self.doc[_sentence_before(pronoun).i : pronoun.i]):
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in ASKING_VERBS or any(
                    s <= verb.idx < e for s, e in quotes):
                continue
            obj = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
            eid = self.index.at(obj) if obj is not None else None
            if eid is not None and self.types.get(eid) == "PERSON" and (
                    self.index.pronouns.gender.get(eid, want) == want):
                return eid
        return None

    def _only_aside(self, found: str | None, pronoun: Token) -> bool:
        """Whether ``found`` is never the subject of a verb in the pronoun's sentence or the one
        before: named there only as a modifier or an object ("future Ubisoft games"), or not named
        there at all (a person of an earlier paragraph, when the speaker just before is a last name
        the parse took for a word, "Early says")."""
        start = _sentence_before(pronoun).i
        owner = self.index.token_entity
        heads = [t for t in self.doc[start : pronoun.i] if owner.get(t.i) == found
                 and owner.get(t.head.i) != found]
        return not any(t.dep_ in SUBJECT_DEPS for t in heads)

    def _reported_just_before(self, pronoun: Token) -> str | None:
        """The person, of the pronoun's gender, last named (or named by last name alone) as the subject
        of a speech verb in the pronoun's sentence or the one before."""
        lower = pronoun.lower_
        want = "m" if lower in MALE else "f" if lower in FEMALE else None
        start = _sentence_before(pronoun).i
        for verb in reversed(self.doc[start : pronoun.i]):
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in reporting_verbs():
                continue
            # the subject, or a last name that is also a word the parse took for an adverb ("Early says")
            subj = next((c for c in verb.children if c.dep_ == "nsubj" or c.dep_ == "advmod"
                         and c.i == verb.i - 1 and c.is_title), None)
            eid = (self.index.at(subj) or self.surname(subj)) if subj is not None else None
            if eid is not None and self.types.get(eid) == "PERSON" and want is not None and (
                    self.index.pronouns.gender.get(eid, want) == want):
                return eid
        return None

    def _spoke_just_before(self, last: str | None, pronoun: Token) -> bool:
        """Whether ``last``, a person a he/she may stand for, was the speaker of a quote that starts
        in the pronoun's sentence or the one before."""
        lower = pronoun.lower_
        want = "m" if lower in MALE else "f" if lower in FEMALE else None
        if want is None or last is None or self.types.get(last) != "PERSON" or self.index.pronouns.gender.get(
                last, want) != want:
            return False
        before = _sentence_before(pronoun).idx
        return before <= self.last_said < pronoun.idx


def _document_part(token: Token) -> Token | None:
    """The document a part noun's "of" phrase names: "Part of the court order", "a section of the report"."""
    if token.lemma_.lower() not in _PARTS:
        return None
    return next((p for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                 if p.dep_ == "pobj" and p.lemma_.lower() in DOCUMENT_NOUNS), None)


def _role_lemma(token: Token) -> str:
    """The role a noun names, read whole over a hyphen: "president" of "the president-elect"
    (parsed "president - elect", the last word its head), else the noun's lemma."""
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_ and (
            doc[token.i - 2].head.i == token.i and not doc[token.i - 2].whitespace_):
        first = doc[token.i - 2].lemma_.lower()
        if first in titles() or first in PERSON_NOUNS:
            return first
    return token.lemma_.lower()


def _describes_one_person(token: Token) -> bool:
    """A bare definite description of one person by what they are or do: "the real estate agent",
    "The maker", "the foreign minister", "the Conservative MP", "the president-elect", "The duchess"
    (not "the head of X", "his lawyer", "the spokesman", "the decree", "the network", "the couple")."""
    lemma = _role_lemma(token)
    # a title the parse tagged a proper noun ("the Conservative MP", "The Prime Minister") is a role too
    titled = token.pos_ == "PROPN" and token.tag_ == "NNP" and (lemma in titles() or lemma in PERSON_NOUNS)
    if not (token.pos_ == "NOUN" and token.tag_ == "NN" or titled) or lemma in _ROLES_FOR_OTHERS or (
            lemma in ANONYMOUS_SOURCES):
        return False
    if not bare_definite(token):
        return False
    if lemma in DOCUMENT_NOUNS or lemma in PLACE_NOUNS or lemma in _NOT_AGENTS or lemma in org_words("beside") or (
            lemma in org_words("head")):
        return False
    return (lemma in PERSON_NOUNS or lemma in titles() or lemma in ROLE_GENDER or lemma in RANK_GENDER
            or len(lemma) > 4 and lemma.endswith(_AGENT_ENDINGS))


def _describes_no_person(token: Token) -> bool:
    """A bare definite singular noun that no lexicon reads as a person, place, document or body:
    "the couple", "the agreement" (what the text calls someone it named just before)."""
    lemma = token.lemma_.lower()
    if token.pos_ != "NOUN" or token.tag_ != "NN" or not bare_definite(token):
        return False
    return not (lemma in PERSON_NOUNS or lemma in titles() or lemma in ROLE_GENDER
                or lemma in _ROLES_FOR_OTHERS or lemma in DOCUMENT_NOUNS or lemma in PLACE_NOUNS
                or lemma in SPEAKING_ORG_NOUNS
                or len(lemma) > 4 and lemma.endswith(_AGENT_ENDINGS) and lemma not in _NOT_AGENTS)
