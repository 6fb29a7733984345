"""The one pronoun resolver: who "he", "she", "his", "they" stand for.

Shared by speakers ("she said") and relations and quantities ("his party"), through
``EntityIndex.pronouns``. The antecedent is the nearest compatible mention looking back a few
sentences: the right kind (a person for he/she, a group for they/it), the right gender (from the
text's own cues: honorifics, role nouns, possessive pronouns after the name; else from the first
name), and in the pronoun's own sentence only a subject ("Speaking to Martin Smith, he said": he
is not Smith). Subjects and the caller's preferred entity (the last speaker) win ties.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from claimgraph.model import Entity
from claimgraph.nlp.doc_arrays import column
from claimgraph.nlp.lexicon import (
    FAMILY_ROLES,
    PERSON_NOUNS,
    first_name_gender,
    institution_nouns,
    org_words,
    reporting_verbs,
    state_bodies,
    titles,
)
from claimgraph.nlp.rel_index import titled
from claimgraph.nlp.syntax import SUBJECT_DEPS, bare_definite

if TYPE_CHECKING:
    from claimgraph.nlp.rel_index import EntityIndex

MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
GROUP = frozenset({"they", "them", "their", "it", "its"})
THEY = frozenset({"they", "them", "their"})
PRONOUNS = MALE | FEMALE | GROUP
HONORIFIC_GENDER = {
    "mr": "m", "sir": "m", "king": "m", "prince": "m", "lord": "m", "father": "m", "duke": "m", "earl": "m",
    "mrs": "f", "ms": "f", "miss": "f", "lady": "f", "dame": "f", "queen": "f", "princess": "f",
    "duchess": "f", "countess": "f",
}
# Nobles and ladies by their rank ("The duchess also revealed", "The first lady suggested"): one
# person each, of a known gender.
RANK_GENDER = {k: v for k, v in HONORIFIC_GENDER.items() if len(k) > 3 and k != "father"}
_ROLE_GENDER = {
    "fiancée": "f", "wife": "f", "mother": "f", "daughter": "f", "woman": "f", "sister": "f",
    "spokeswoman": "f", "chairwoman": "f", "businesswoman": "f", "actress": "f", "girlfriend": "f",
    "grandmother": "f", "widow": "f", "congresswoman": "f",
    "fiancé": "m", "husband": "m", "son": "m", "man": "m", "brother": "m", "spokesman": "m",
    "chairman": "m", "businessman": "m", "actor": "m", "boyfriend": "m", "grandfather": "m",
    "widower": "m", "congressman": "m",
}
# A family role's gender ("the father" is a man); see ``EntityIndex.description``.
ROLE_GENDER = {**_ROLE_GENDER, "father": "m"}
LOOKBACK_SENTENCES = 4
# Officers whose title names a state's office ("the Attorney General (NYAG)"), beside state_bodies.txt.
_STATE_OFFICERS = frozenset({"attorney", "prosecutor", "ombudsman", "comptroller"})
# Nouns for a business, which no state's body is ("the company said" after an attorney general's office).
_BUSINESSES = frozenset({"company", "firm", "business", "corporation", "retailer", "automaker", "carmaker",
                         "startup", "airline", "lender", "insurer", "manufacturer"})
# Where the words after a name stop being about it: a line break, or a sentence end before a capital.
_SENTENCE_BREAK = re.compile(r"\n|[.!?](?=\s+[A-Z\u201c\"])")
# How many sentences back a definite description of a person ("the real estate agent") looks for
# the subject it takes up.
DESCRIPTION_LOOKBACK = 3
# How many definite descriptions of a person back, each the subject before the next, that look-up may
# go on through ("the QB said ... the three-time NFL MVP said").
DESCRIPTION_CHAIN = 2


def honorific_gender(text: str, start: int) -> str | None:
    """The gender of a gendered honorific written right before ``start`` ("Mr. Biden", "Queen
    Elizabeth"), if one is."""
    before = text[max(0, start - 40) : start].replace(".", "").lower().split()
    return HONORIFIC_GENDER.get(before[-1]) if before else None


def _in_spans(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


class PronounResolver:
    """Personal pronouns -> entity ids, for one document."""

    def __init__(self, index: EntityIndex) -> None:
        self.index = index
        self.doc = index.doc
        self.text = index.text
        self.gender = self._gender_cues(index.entity_list)
        self._resolved: dict[tuple[int, tuple[tuple[int, int], ...]], str | None] = {}

    def _gender_cues(self, entities: Sequence[Entity]) -> dict[str, str]:
        votes: dict[str, Counter[str]] = {}
        names = first_name_gender()
        for e in entities:
            if e.type != "PERSON":
                continue
            c: Counter[str] = Counter()
            for m in e.mentions:
                if honorific := honorific_gender(self.text, m.start):
                    c[honorific] += 2
                # within the name's own sentence: "... to kill Omar\n\nA New York man pleaded" is no cue
                own = _SENTENCE_BREAK.split(self.text[m.end : m.end + 40], 1)[0]
                after = own.lower().replace(",", " ").split()
                for word in after[:4]:
                    if word in _ROLE_GENDER:
                        c[_ROLE_GENDER[word]] += 1
                        break
                span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None and span.root.dep_ in SUBJECT_DEPS:
                    head = span.root.head
                    # the words a verb reports before its subject are another's ("“She said she was
                    # wrong ...,” Cornett wrote"): their pronouns say nothing of the subject's gender
                    fronted = {t.i for c in head.children if c.dep_ in ("ccomp", "parataxis")
                               and c.i < span.root.i for t in c.subtree}
                    subtree = [t for t in head.subtree if t.i not in fronted]
                    # the first other person named after the mention, within the clause: the words
                    # past it are no longer this one's (one scan, not one per word)
                    other = self._first_person(span.end, subtree[-1].i, e.id)
                    for tok in subtree:
                        if tok.i > span.root.i and other is not None and other < tok.i:
                            break  # "Trump, who appointed Murphy to her position": her is Murphy's
                        if tok.lower_ in ("his", "himself"):
                            c["m"] += 1
                        elif tok.lower_ in ("her", "herself"):
                            c["f"] += 1
            words = e.name.split()
            if len(words) > 1 and words[0].lower() in names:
                c[names[words[0].lower()]] += 2  # a near-certain first name outweighs a stray pronoun
            if c:
                votes[e.id] = c
        return {eid: c.most_common(1)[0][0] for eid, c in votes.items()}

    def _first_person(self, start: int, end: int, eid: str) -> int | None:
        """The first token in [start, end) of a person other than ``eid``
        (``_person_between(start, i, eid)`` holds exactly for the i past it)."""
        owner, index = self.index.token_entity, self.index
        return next((i for i in range(start, end) if i in owner and owner[i] != eid
                     and index.type(owner[i]) == "PERSON"), None)

    def _person_between(self, start: int, end: int, eid: str) -> bool:
        """Whether another person is named between two tokens."""
        return any(t.i in self.index.token_entity and self.index.token_entity[t.i] != eid
                   and self.index.type(self.index.token_entity[t.i]) == "PERSON" for t in self.doc[start:end])

    def resolve(
        self, token: Token, exclude: Sequence[tuple[int, int]] = (), prefer: str | None = None,
        *, any_role: bool = False, organisation: bool = False,
    ) -> str | None:
        """The entity a pronoun stands for; mentions inside ``exclude`` (quotes) are skipped;
        ``prefer`` wins ties and is the fallback for a person pronoun. ``any_role``: in the
        pronoun's own sentence a mention that is no subject counts too, below the subjects
        ("Trump's victory in Iowa, where he secured 39"). A person pronoun that is the subject of an
        earlier sentence, of the same gender, counts as a mention of whoever it stands for.
        ``organisation``: ``token`` describes an organisation ("the utility said"), which stands for
        the nearest organisation named before it, as "it" would."""
        lower = token.lower_
        want = "m" if lower in MALE else "f" if lower in FEMALE else None
        group = lower in GROUP or organisation
        business = organisation and token.lemma_.lower() in _BUSINESSES
        index = self.index
        sent = token.sent
        sents = [sent]
        prev = sent.start - 1
        while prev >= 0 and len(sents) <= LOOKBACK_SENTENCES:
            sents.append(self.doc[prev].sent)
            prev = sents[-1].start - 1
        reported = _reported_before(token, exclude)
        for distance, s in enumerate(sents):
            end = token.idx if distance == 0 else s.end_char
            candidates = []
            for start, mend, eid in index.mentions_between(s.start_char, end):
                if _in_spans(start, exclude):
                    continue
                etype = index.type(eid)
                if group != (etype in ("ORG", "NORP", "GPE")) or (not group and etype != "PERSON") or (
                        organisation and etype != "ORG"):
                    continue
                if want and self.gender.get(eid, want) != want:
                    continue
                span = self.doc.char_span(start, mend, alignment_mode="expand")
                root = span.root if span is not None else None
                if business and root is not None and _state_body(root):
                    continue  # "the company" is no public office ("The New York State Attorney General")
                if organisation and root is not None and _part_of_described(root, token):
                    continue  # "The network's news channel, ABS-CBN News Channel, ..., as the network claims"
                # a subject, or in apposition to one ("a spokesperson, Morgan Ortagus, indicated"), or a
                # name the parse made its sentence's root, finding no verb for it ("Buckley, who hadn't
                # sung ..., worried about ...": the verb parsed as the name's modifier)
                is_subject = root is not None and (
                    root.dep_ in SUBJECT_DEPS or root.dep_ == "appos" and root.head.dep_ in SUBJECT_DEPS
                    or _verbless_root(root)
                )
                if distance == 0 and (not is_subject and not any_role or root is not None and (
                        root.i in reported)):
                    continue  # in its own sentence: a subject of what its verb reports is no antecedent
                if is_subject and distance > 0 and want and root is not None and _acts_on_other(root, want):
                    is_subject = False  # "teammates Jared Allen ... arrived ... and convinced him": not Allen
                candidates.append((is_subject, eid == prefer, start, eid))
            if want:
                candidates.extend(self._described(s, end, want, exclude, prefer))
            if want:
                # in the pronoun's own sentence only a speaker's ("He said Zelensky is "..."; however,
                # "...," he added": he is who said, not Zelensky, the subject of what he said)
                own = end if distance == 0 else None
                candidates.extend(self._chained(s, want, exclude, prefer, before=own))
            skip = reported if distance == 0 else frozenset()
            unnamed = (self._unnamed_subject(s, end, want, exclude, skip) if want
                       else self._unnamed_group(s, end, exclude) if lower in THEY else None)
            if unnamed is not None and not any(c[0] and c[2] > unnamed for c in candidates):
                return None  # the nearest subject is someone the text never names
            if candidates:
                return max(candidates)[3]
        if group or index.type(prefer) != "PERSON":
            return None
        return prefer if not want or self.gender.get(prefer or "", want) == want else None

    def _chained(
        self, sent: Span, want: str, exclude: Sequence[tuple[int, int]], prefer: str | None,
        before: int | None = None,
    ) -> list[tuple[bool, bool, int, str]]:
        """The people that the subject pronouns of ``want``'s gender in an earlier sentence stand for,
        as subject candidates at the pronoun's place; with ``before``, those in the pronoun's own
        sentence before it that are the subjects of a reporting verb."""
        same = MALE if want == "m" else FEMALE
        out = []
        for tok in subjects_in(sent, before):
            if before is not None and tok.head.lemma_.lower() not in reporting_verbs():
                continue
            if tok.lower_ in same and tok.dep_ in SUBJECT_DEPS and not _in_spans(tok.idx, exclude):
                eid = self._own(tok, exclude)
                if eid is not None:
                    out.append((True, eid == prefer, tok.idx, eid))
        return out

    def _own(self, token: Token, exclude: Sequence[tuple[int, int]]) -> str | None:
        """Whom an earlier subject pronoun stands for, resolved from its own place (once per pronoun and
        quotes): a chain of he's goes back as far as its pronouns do."""
        spans = tuple(exclude)
        if (token.i, spans) not in self._resolved:
            # the earlier ones first, in the text's order, so each finds those before it resolved and
            # a long chain recurses no deeper than one pronoun
            for tok in [*subjects_in(self.doc[: token.i + 1]), token]:
                key = (tok.i, spans)
                if key not in self._resolved and tok.lower_ in MALE | FEMALE and not _in_spans(
                        tok.idx, spans):
                    self._resolved[key] = None  # a pronoun's chain reads earlier ones only: no cycle
                    self._resolved[key] = self.resolve(tok, exclude)
        return self._resolved.get((token.i, spans))

    def subject_before(
        self, token: Token, want: str | None, exclude: Sequence[tuple[int, int]] = (), _depth: int = 0,
    ) -> str | None:
        """The person a definite description of one stands for when it names no one and no one was
        called so: the subject of the nearest earlier sentence's main clause, past sentences about
        a thing ("Grivik was demonstrating miniature computer screens ... The electronic displays
        projected an animation ... The maker has also developed"), of the right gender. None when
        that subject is someone else: unnamed ("U.S. officials identified the suspect ... police
        were investigating ... the writer supposes"), a body, or a person of the other gender."""
        prev, breaks = token.sent.start - 1, 0
        for _ in range(DESCRIPTION_LOOKBACK):
            if prev < 0:
                return None
            sent = self.doc[prev].sent
            words = [t for t in sent if not t.is_space]
            breaks += "\n" in self.text[words[-1].idx if words else sent.start_char : self.doc[prev + 1].idx]
            if breaks > 1:
                return None  # no further back than the paragraph before
            prev = sent.start - 1
            subject = _main_subject(sent)
            if subject is None or _in_spans(subject.idx, exclude):
                continue
            about_thing, found = self._person_of(subject, want, exclude)
            if found is None and not about_thing and _depth < DESCRIPTION_CHAIN and _role_subject(subject):
                # "..., the QB said. "I've done it all," the three-time NFL MVP said": the description
                # before is the same person, whom the sentences before it name
                found = self.subject_before(subject, want, exclude, _depth + 1)
            if not about_thing:
                return found
        return None

    def _person_of(
        self, subject: Token, want: str | None, exclude: Sequence[tuple[int, int]],
    ) -> tuple[bool, str | None]:
        """Who a main clause's subject is, for :meth:`subject_before`: (False, a person of the right
        gender, named, in apposition or a he/she), (False, None) for anyone or anything else that
        may speak, (True, None) for a thing (the sentences go on about the same person)."""
        index = self.index
        named = [index.at(t) for t in (subject, *(c for c in subject.children if c.dep_ in ("appos", "compound")))]
        eid = next((e for e in named if e is not None), None)
        if eid is None and subject.lower_ in MALE | FEMALE:
            eid = self.resolve(subject, exclude)
        if eid is not None:
            person = index.type(eid) == "PERSON" and (not want or self.gender.get(eid, want) == want)
            return False, eid if person else None
        lemma = subject.lemma_.lower()
        if subject.pos_ in ("PRON", "PROPN") or lemma in PERSON_NOUNS or lemma in titles() or lemma in ROLE_GENDER:
            return False, None  # "police", "officials", "they", a name the recogniser missed
        bodies = (org_words("head"), org_words("beside"), state_bodies(), institution_nouns())
        return not any(lemma in words for words in bodies), None  # a body speaks; a thing does not

    def _described(
        self, sent: Span, end: int, want: str, exclude: Sequence[tuple[int, int]], prefer: str | None,
    ) -> list[tuple[bool, bool, int, str]]:
        """The people of ``want``'s gender that the subjects of ``sent`` (before ``end``) name by a bare
        definite description, as subject candidates: "the actress wasn't exactly itching ..." after
        "actress Mary Steenburgen", "the Prime Minister" after the one so titled."""
        out = []
        for tok in sent:
            if tok.idx >= end or tok.dep_ not in SUBJECT_DEPS or tok.pos_ != "NOUN" or (
                    not bare_definite(tok) or _in_spans(tok.idx, exclude)):
                continue
            eid = self.introduced_as(tok, exclude) or self.index.description(
                tok, speaker=True, exclude=exclude)
            if eid is not None and self.index.type(eid) == "PERSON" and self.gender.get(eid, want) == want:
                out.append((True, eid == prefer, tok.idx, eid))
        return out

    def introduced_as(self, token: Token, exclude: Sequence[tuple[int, int]] = ()) -> str | None:
        """The person last named right after the role word a bare definite description repeats:
        "the analyst" -> "Jefferies analyst Jonathan Matuszewski"; "the staff member" -> "staff
        member X". None for an indefinite or modified phrase ("an analyst", "the analyst at X")."""
        # a word after a hyphen may be tagged a proper noun ("the president-elect")
        hyphenated = token.i > 0 and self.doc[token.i - 1].tag_ == "HYPH"
        if not (token.pos_ == "NOUN" and token.tag_ == "NN" or hyphenated) or not bare_definite(token):
            return None
        compounds = [c for c in token.lefts if c.dep_ == "compound"]
        # the role's words as written, over a hyphen too ("the president-elect" after "President-elect X")
        role = self.doc[compounds[0].i : token.i + 1].text.lower() if compounds else token.lower_
        found = None
        for start, _end, eid in self.index.mentions_between(0, token.idx):
            if self.index.type(eid) == "PERSON" and not _in_spans(start, exclude) and titled(
                    self.text[max(0, start - 60) : start].lower(), role):
                found = eid
        return found

    def _unnamed_group(self, sent: Span, end: int, exclude: Sequence[tuple[int, int]]) -> int | None:
        """Where the last subject of ``sent`` (before ``end``) that is people described in the
        plural without a name stands ("The researchers used satellite imagery ... which, they
        observed, occurred ...": they are the researchers, no body named before), or None."""
        found = None
        for tok in subjects_in(sent, end):
            if _in_spans(tok.idx, exclude):
                continue
            lemma = tok.lemma_.lower()
            if tok.tag_ == "NNS" and (lemma in PERSON_NOUNS or lemma in titles()) and not any(
                    self.index.at(t) is not None for t in tok.subtree):
                found = tok.idx
        return found

    def _unnamed_subject(
        self, sent: Span, end: int, want: str, exclude: Sequence[tuple[int, int]],
        skip: frozenset[int] = frozenset(),
    ) -> int | None:
        """Where the last subject of ``sent`` (before ``end``, not at ``skip``) that describes a person
        of the right gender without naming anyone stands ("one of their daughters, aged 17, escaped",
        "The head of the police's internal investigators told the court"), or None."""
        index = self.index
        found = None
        for tok in subjects_in(sent, end):
            if _in_spans(tok.idx, exclude) or tok.i in skip:
                continue
            noun = tok
            if tok.lower_ == "one":  # "one of the victims"
                of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                noun = next((c for c in of.children if c.dep_ == "pobj"), tok) if of is not None else tok
            lemma = noun.lemma_.lower()
            if noun is tok and tok.tag_ != "NN":
                continue  # "all male permanent residents": no one person
            if noun.pos_ != "NOUN" or not (lemma in PERSON_NOUNS or lemma in titles() or lemma in ROLE_GENDER
                                           or lemma in FAMILY_ROLES):
                continue
            if ROLE_GENDER.get(lemma, want) != want or any(
                    index.type(index.at(t)) == "PERSON" for t in tok.subtree):
                continue  # "the spokesman" for "she"; "the head of X, John Smith,": named
            if noun is tok and (index.description(tok, speaker=True) or self.introduced_as(tok, exclude)):
                continue  # "the Prime Minister", "the actress": the person last named so
            found = tok.idx
        return found


def subjects_in(sent: Span, end: int | None = None) -> Iterator[Token]:
    """The tokens of ``sent`` (starting before the character ``end``) that are a clause's subject,
    in order, found on the Doc's arrays: no Token is built for the others."""
    doc = sent.doc
    deps = {doc.vocab.strings[d] for d in SUBJECT_DEPS}
    dep, first = column(doc, "DEP"), column(doc, "IDX")
    for i in range(sent.start, sent.end):
        if dep[i] in deps and (end is None or first[i] < end):
            yield doc[i]


def _main_subject(sent: Span) -> Token | None:
    """The subject of a sentence's main verb (of a verb conjoined to it when it has none); of two
    parsed subjects the one nearest before the verb ("According to the mayor, Dee Margo, police
    were investigating": police)."""
    for verb in [sent.root, *(c for c in sent.root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))]:
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            before = [c for c in subjects if c.i < verb.i]
            return before[-1] if before else subjects[0]
    return None


def _reported_before(pronoun: Token, quotes: Sequence[tuple[int, int]]) -> frozenset[int]:
    """The tokens of the quoted words a subject pronoun's verb reports before it, a clause whose verb
    stands inside quote marks: "That person "has to put in the work and earn it," he said" (that
    person is whom he speaks of, not who he is). A clause of the writer's the parse hung on the verb
    ("Sondland has already amended his testimony once — "I now do recall," he said") is no such one."""
    if pronoun.dep_ not in SUBJECT_DEPS:
        return frozenset()
    return frozenset(t.i for c in pronoun.head.children if c.dep_ in ("ccomp", "parataxis")
                     and c.i < pronoun.i and _in_spans(c.idx, quotes) for t in c.subtree)


def _acts_on_other(subject: Token, want: str) -> bool:
    """Whether a subject's verb, or one conjoined to it, takes a him/her of ``want``'s gender as its object:
    someone else of that gender, whom a later he/she goes on about ("teammates Jared Allen ... arrived at
    his home and convinced him to fly back ... But he said": he is the one convinced)."""
    objects = {"m": ("him",), "f": ("her",)}[want]
    head = subject.head.head if subject.dep_ == "appos" else subject.head
    verbs = [head, *(c for c in head.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))]
    return any(c.dep_ in ("dobj", "dative") and c.lower_ in objects for v in verbs for c in v.children)


def _role_subject(token: Token) -> bool:
    """A bare definite description of one person by a title or a person's noun, named by no entity: "the
    QB", "the actress" (not "the officials", "his lawyer", "the company")."""
    lemma = token.lemma_.lower()
    return token.tag_ in ("NN", "NNP") and bare_definite(token) and (
        lemma in titles() or lemma in PERSON_NOUNS or lemma in ROLE_GENDER or lemma in RANK_GENDER)


def _verbless_root(token: Token) -> bool:
    """A name that opens its sentence as the root of a parse that found it no verb: the subject of
    a verb the parse misread ("Buckley, who hadn't sung ..., worried about ...")."""
    return token.dep_ == "ROOT" and token.pos_ == "PROPN" and token.left_edge.i == token.sent.start and (
        not any(t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "conj") for t in token.sent))


def _state_body(mention: Token) -> bool:
    """Whether a mention names a state's body by its own words or by the phrase it stands in apposition
    to: "Justice Department", "The New York State Attorney General (NYAG)"."""
    phrase = [mention, *mention.lefts]
    if mention.dep_ == "appos":
        phrase += [mention.head, *mention.head.lefts]
    return bool({t.lower_ for t in phrase} & (state_bodies() | _STATE_OFFICERS))


def _part_of_described(mention: Token, description: Token) -> bool:
    """Whether a mention names a part that a possessive of the description's noun owns: "The network's news
    channel, ABS-CBN News Channel," is the network's channel, not the network."""
    owned = mention.head if mention.dep_ == "appos" else None
    return owned is not None and any(
        c.dep_ == "poss" and c.lemma_.lower() == description.lemma_.lower() for c in owned.children)
