"""Who a speaker phrase refers to: a named entity, an apposition, a pronoun, "the ministry".

Pronouns are resolved with the parse, gender cues and recency, since no coreference model
installs offline here. The resolver is one class with one public method, so a coreference
model can replace it (anything with ``resolve(token, quote_spans) -> (entity id, text)``).
"""

from __future__ import annotations

from collections import Counter
from typing import Protocol

from spacy.tokens import Doc, Token

from claimgraph.model import Entity
from claimgraph.nlp.lexicon import first_name_gender, titles
from claimgraph.nlp.rel_index import EntityIndex
from claimgraph.nlp.syntax import SUBJECT_DEPS
from claimgraph.nlp.rel_index import demonym_key

_MALE = {"he", "him", "his", "himself"}
_FEMALE = {"she", "her", "hers", "herself"}
_GROUP = {"they", "them", "their", "it", "its"}
_DEICTIC = {"i", "me", "you", "we", "us"}
_HONORIFIC_GENDER = {
    "mr": "m", "sir": "m", "king": "m", "prince": "m", "lord": "m", "father": "m",
    "mrs": "f", "ms": "f", "miss": "f", "lady": "f", "dame": "f", "queen": "f", "princess": "f",
}
_ROLE_GENDER = {
    "fiancée": "f", "wife": "f", "mother": "f", "daughter": "f", "woman": "f", "sister": "f",
    "spokeswoman": "f", "chairwoman": "f", "businesswoman": "f", "actress": "f", "girlfriend": "f",
    "grandmother": "f", "widow": "f", "congresswoman": "f",
    "fiancé": "m", "husband": "m", "son": "m", "man": "m", "brother": "m", "spokesman": "m",
    "chairman": "m", "businessman": "m", "actor": "m", "boyfriend": "m", "grandfather": "m",
    "widower": "m", "congressman": "m",
}
# Nouns whose phrase names a source through an entity inside it ("a UN report", "a spokesman
# for the PMF"), and how deep to look: compounds, possessives and of/for phrases only.
_INNER_DEPS = {"compound", "poss", "nmod", "amod", "prep", "pobj", "appos", "acl", "agent"}
_LOOKBACK_SENTENCES = 4
# Speakers described, not named: the organisation inside the phrase is where they work, not who
# speaks ("a source within the Interior Ministry", "officials at the embassy").
_ANONYMOUS = {
    "source", "official", "insider", "witness", "eyewitness", "resident", "diplomat", "analyst",
    "expert", "observer", "member", "officer", "employee", "worker", "aide", "person", "people",
}
# Documents that speak for their author's country: "the Turkish statement".
_DOCUMENTS = {"statement", "report", "announcement", "communique", "communiqué", "message", "letter", "decree"}


class Resolver(Protocol):
    def resolve(self, token: Token, quotes: list[tuple[int, int]]) -> tuple[str | None, str]: ...


def _in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


class SpeakerResolver:
    """Resolve the head token of a speaker phrase to an entity id of the document."""

    def __init__(self, doc: Doc, index: EntityIndex) -> None:
        self.doc = doc
        self.text = doc.text  # Doc.text is rebuilt on every access: read it once
        self.index = index
        self.types = {e.id: e.type for e in index.entity_list}
        self.gender = self._gender_cues(index.entity_list)
        self.last_speaker: str | None = None
        # nationality word -> country entity, as the relation patterns read it
        self.countries = index.country_of

    def _gender_cues(self, entities: list[Entity]) -> dict[str, str]:
        votes: dict[str, Counter[str]] = {}
        for e in entities:
            if e.type != "PERSON":
                continue
            c: Counter[str] = Counter()
            for m in e.mentions:
                before = self.text[max(0, m.start - 40) : m.start].replace(".", "").lower().split()
                if before and before[-1] in _HONORIFIC_GENDER:
                    c[_HONORIFIC_GENDER[before[-1]]] += 2
                after = self.text[m.end : m.end + 40].lower().replace(",", " ").split()
                for word in after[:4]:
                    if word in _ROLE_GENDER:
                        c[_ROLE_GENDER[word]] += 1
                        break
                span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None and span.root.dep_ in SUBJECT_DEPS:
                    for tok in span.root.head.subtree:
                        if tok.lower_ in ("his", "himself"):
                            c["m"] += 1
                        elif tok.lower_ in ("her", "herself"):
                            c["f"] += 1
            if c:
                votes[e.id] = c
        cues = {eid: c.most_common(1)[0][0] for eid, c in votes.items()}
        names = first_name_gender()
        for e in entities:  # no cue in the text: the first name, when it is near certain
            words = e.name.split()
            if e.type == "PERSON" and e.id not in cues and len(words) > 1 and words[0].lower() in names:
                cues[e.id] = names[words[0].lower()]
        return cues

    def _phrase_text(self, token: Token) -> str:
        left = min((t.i for t in token.subtree if t.dep_ in ("det", "compound", "amod", "poss", "nummod") or t.i == token.i), default=token.i)
        return self.doc[left : token.i + 1].text

    def resolve(self, token: Token, quotes: list[tuple[int, int]]) -> tuple[str | None, str]:
        """(entity id or None, the words that name the speaker)."""
        if token.tag_ in ("WP", "WDT") and token.head.dep_ == "relcl" and token.head.head is not token:
            token = token.head.head  # "CNN, who reported": the noun the clause describes
        found = self.index.at_offset(token.idx, token.idx + len(token))
        if found is not None:
            return found, self._mention_text(found, token)
        for child in token.children:
            if child.dep_ == "appos":
                inner = self._inside(child)
                if inner is not None:
                    return inner, self._mention_text(inner, child)
        lower = token.lower_
        if lower in _DEICTIC:
            return None, token.text  # "I", "you", "we" speak from inside a quote or an interview
        if token.pos_ == "PRON" or lower in _MALE | _FEMALE | _GROUP:
            return self._pronoun(token, quotes), token.text
        if token.lemma_.lower() in _ANONYMOUS:
            return None, self._phrase_text(token)  # "a source within the ministry": unnamed
        inner = self._inside(token)
        if inner is None and token.lemma_.lower() in _DOCUMENTS:
            inner = self._nationality(token)  # "the Turkish statement": Turkey's
        if inner is not None:
            return inner, self._phrase_text(token)
        return self.index.description(token), self._phrase_text(token)

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
        """An entity named inside the phrase: "a UN report", "a spokesman for the PMF"."""
        best: tuple[int, str] | None = None
        stack = [(token, 0)]
        while stack:
            tok, depth = stack.pop()
            eid = self.index.at_offset(tok.idx, tok.idx + len(tok))
            if eid is not None and tok.i != token.i and self.types.get(eid) in ("PERSON", "ORG"):
                rank = 0 if self.types.get(eid) == "PERSON" else 1
                if best is None or (rank, depth) < (best[0], 0):
                    best = (rank, eid)
            if depth < 4:
                stack.extend((c, depth + 1) for c in tok.children if c.dep_ in _INNER_DEPS)
        return best[1] if best else None

    def _pronoun(self, token: Token, quotes: list[tuple[int, int]]) -> str | None:
        lower = token.lower_
        want = "m" if lower in _MALE else "f" if lower in _FEMALE else None
        group = lower in _GROUP
        sent = token.sent
        sents = [sent]
        prev = sent.start - 1
        while prev >= 0 and len(sents) <= _LOOKBACK_SENTENCES:
            sents.append(self.doc[prev].sent)
            prev = sents[-1].start - 1
        for distance, s in enumerate(sents):
            end = token.idx if distance == 0 else s.end_char
            candidates = []
            for start, mend, eid in self.index.mentions_between(s.start_char, end):
                if _in_spans(start, quotes):
                    continue
                etype = self.types.get(eid)
                if group != (etype in ("ORG", "NORP", "GPE")) or (not group and etype != "PERSON"):
                    continue
                if want and self.gender.get(eid, want) != want:
                    continue
                span = self.doc.char_span(start, mend, alignment_mode="expand")
                root = span.root if span is not None else None
                # a subject, or in apposition to one ("a spokesperson, Morgan Ortagus, indicated")
                is_subject = root is not None and (
                    root.dep_ in SUBJECT_DEPS or root.dep_ == "appos" and root.head.dep_ in SUBJECT_DEPS
                )
                if distance == 0 and not is_subject:
                    continue  # "Speaking to Martin Smith of PBS, he said": he is not Smith
                candidates.append((is_subject, eid == self.last_speaker, start, eid))
            if candidates:
                return max(candidates)[3]
        return self.last_speaker if not group and self.types.get(self.last_speaker or "") == "PERSON" else None
