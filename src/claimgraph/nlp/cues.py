"""Reporting cues in a parse: the verb that reports speech, who its subject is, what it reports."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.symbols import NOUN, VERB  # type: ignore[import-not-found]
from spacy.tokens import Doc, Token

from claimgraph.nlp.doc_arrays import column
from claimgraph.nlp.lexicon import PERSON_NOUNS, institution_nouns, reporting_verbs, state_bodies, titles
from claimgraph.nlp.rel_index import DOCUMENT_NOUNS, SPEAKING_ORG_NOUNS
from claimgraph.nlp.syntax import subject_of

# "In a statement, X found ...": the frame makes any main verb a report of speech.
_FRAME_NOUNS = {
    "statement", "message", "letter", "interview", "tweet", "speech", "address", "remarks", "comments",
    "briefing", "op-ed",
}
# Particles that keep a reporting verb a report ("point out", "call for", "call on"); any other
# makes it another verb ("call off the search", "tell apart").
_SPEECH_PARTICLES = {"out", "on", "for", "back", "up"}
_NOT_SPEECH = {("call", "off"), ("call", "up"), ("call", "in"), ("tell", "apart"), ("point", "to")}
# Say-verbs whose object is news even without a clause: what was announced, reported, warned of.
_NEWS_VERBS = {"announce", "report", "warn", "promise", "predict"}
# Verbs that report only a document's words: "'...,' the statement read", "the statement continued".
_DOCUMENT_VERBS = {"read", "continue"}
# Say-verbs that report only with a clause the parse found ("added that ...", "adding it required",
# "sharing that all professional fursuit makers had developed ..."), never through an object:
# after them a noun phrase is what they act on ("add a question about citizenship to the census,
# attempting to ...", "agreed to add two members to ... but did not accede"). ("maintain" and
# "write" are not: "wrote denying American Samoans citizenship violated ..." reports.) Measured
# again (round 5): allowing "add" a clause the parse did not find adds four wrong quotes on train
# ("add two members to ...", "added the question, before reversing course") and no right one; the
# two train uses of "adding <clause>" without "that" are parsed as clauses already; dev unchanged.
_CLAUSE_ONLY = {"add", "share"}
# Verbs by which a writer gives someone's words "as saying" them.
_QUOTING_VERBS = {"quote", "cite"}
# Reports named as a clause's source with "by" or "in": "By reports on Saturday, ...".
_SOURCE_NOUNS = {"report"}
# Say-verbs whose impersonal passive reports news with no one reporting it: "it was reported ...".
_IMPERSONAL = {"report", "say", "announce", "claim", "allege", "confirm", "state"}
# Subordinators of a clause that says when or why a cue's act happened, not what was said.
_CIRCUMSTANCE_MARKS = {
    "as", "when", "while", "until", "because", "after", "before", "since", "once", "though", "although",
}
# Prepositions of whom a verdict was told to, where and when.
_CIRCUMSTANCE_PREPS = {"to", "in", "on", "at", "during"}
# What an object's predicate hangs on in the parse ("reported the attack the deadliest").
_PREDICATE_DEPS = {"oprd", "npadvmod", "acomp", "attr"}
_CONTENT_DEPS = {"ccomp", "xcomp", "dobj", "oprd", "attr", "prep", "dative", "acomp"}
_SKIP_CHILD_DEPS = {"nsubj", "nsubjpass", "aux", "auxpass", "neg", "punct", "advmod", "cc", "conj", "mark", "npadvmod"}


@dataclass(slots=True)
class Cue:
    verb: Token
    kind: str  # say, direct, judge, frame, according, document
    subject: Token | None

    @property
    def text(self) -> str:
        if self.kind == "according":
            return "according to" if self.verb.lower_ == "according" else self.verb.lower_
        particle = next((c.text for c in self.verb.children if c.dep_ == "prt"), None)
        return f"{self.verb.text} {particle}" if particle else self.verb.text


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _according(token: Token) -> Cue | None:
    if token.lower_ != "according":
        return None
    to = next((c for c in token.children if c.lower_ == "to"), None)
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    return Cue(token, "according", pobj) if pobj is not None else None


def _by_report(token: Token) -> Cue | None:
    """"By reports on Saturday, ...", "..., by BTP's report", "In a situational report of NDRRMC,
    ...": a report named as the source of a clause whose verb reports nothing itself (not "said
    in a report that"). Its subject is the report, which speaks for whoever issued it."""
    if token.lower_ not in ("by", "in") or token.dep_ != "prep" or token.head.pos_ not in ("VERB", "AUX"):
        return None
    report = next((c for c in token.children if c.dep_ == "pobj" and c.lemma_.lower() in _SOURCE_NOUNS), None)
    if report is None or reporting_verbs().get(token.head.lemma_.lower()) or _framed(token.head):
        return None
    return Cue(token, "according", report)


def cue_at(token: Token) -> Cue | None:
    """The reporting cue this token heads, or None."""
    acc = _according(token) or _by_report(token)
    if acc is not None:
        return acc
    if token.pos_ not in ("VERB",) or _negated(token) and token.lemma_ != "deny":
        return None
    kind = reporting_verbs().get(token.lemma_.lower())
    particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
    if particle and (particle not in _SPEECH_PARTICLES or (token.lemma_.lower(), particle) in _NOT_SPEECH):
        kind = None
    if kind is None and _framed(token):
        kind = "frame"
    if kind is None and _document_speaks(token):
        kind = "say"
    if kind is not None and _naming_participle(token):
        return None  # "a song called "Day after Day,"": a name, no one speaking
    if kind == "say" and _directive(token):
        kind = "direct"  # "TfL told morning rush-hour passengers to take a longer way around"
    if kind is None:
        return None
    subject = (_quoted_as(token) or _subject_misattached(token) or _participle_on_object(token)
               or (_named_after(token) if kind == "say" else None) or subject_of(token, speech=True))
    if subject is None and token.dep_ == "ROOT":
        subject = _name_before(token)
    if subject is not None:
        subject = _past_thing(token, subject) or subject
    if subject is not None and subject.pos_ not in ("NOUN", "PROPN", "PRON"):
        subject = None  # "1,217 pledged delegates": a number is no speaker
    return Cue(token, kind, subject)


def _document_speaks(verb: Token) -> bool:
    """A document whose words a verb gives with nothing else: "'...,' the statement read", "the
    statement continued" (not "the statement continued to draw criticism", "she read the letter")."""
    if verb.lemma_.lower() not in _DOCUMENT_VERBS or any(c.dep_ in ("dobj", "xcomp") for c in verb.children):
        return False
    subj = subject_of(verb)
    return subj is not None and subj.lemma_.lower() in DOCUMENT_NOUNS


def _naming_participle(verb: Token) -> bool:
    """"called" as a participle that names the noun before it, with no speaker of its own (not a
    demand: "called for"), also where the parse tagged it a past tense ("a script called "Wild
    Rose"") or hung it on a preposition before it ("a sample came in called "Glasgow"")."""
    if verb.lemma_.lower() != "call" or verb.tag_ not in ("VBN", "VBD") or verb.dep_ not in ("acl", "pcomp"):
        return False
    if (verb.tag_, verb.dep_) != ("VBN", "acl") and sum(c.dep_ in ("dobj", "oprd", "attr", "ccomp")
                                                       for c in verb.children) != 1:
        return False  # a verb the parse hung on a noun ("called Omar a "terrorist""): a verdict
    return not any(
        c.dep_ in ("nsubj", "nsubjpass", "agent", "prt") or c.dep_ == "prep" and c.lower_ in ("for", "on")
        for c in verb.children)


def _directive(verb: Token) -> bool:
    """A say-verb with an object and an infinitive after it tells someone to do something."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    return obj is not None and any(
        c.dep_ == "xcomp" and c.i > obj.i and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in verb.children)


def _quoted_as(verb: Token) -> Token | None:
    """The person a writer quotes or cites "as saying": "Politico quoted Tim Manning, formerly a
    deputy administrator at FEMA, as saying "..."" (Manning speaks, not Politico)."""
    prep = verb.head
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or prep.lower_ != "as" or prep.dep_ != "prep":
        return None
    if prep.head.lemma_.lower() not in _QUOTING_VERBS:
        return None
    return next((c for c in prep.head.children if c.dep_ == "dobj" and c.i < prep.i), None)


def _subject_misattached(verb: Token) -> Token | None:
    """The noun right before a conjoined verb with no subject of its own, which the parse joined to
    the noun before it: "the National Weather Service has issued a flash flood warning covering an
    area from Gulfport to New Orleans and other forecasters predicted a storm surge" (the
    forecasters predicted, not the Weather Service)."""
    if verb.dep_ != "conj" or verb.i == 0 or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    prev = verb.doc[verb.i - 1]
    return prev if prev.dep_ == "conj" and prev.pos_ in ("NOUN", "PROPN") and prev.head.i < verb.i else None


def _participle_on_object(verb: Token) -> Token | None:
    """The subject of the clause a speech participle goes on, where the parse hung the participle on
    the object of a preposition: "Taylor Swift posted on Twitter accusing Big Machine of ..." (Swift
    accuses, not Twitter); a document there speaks itself ("in a letter saying ...")."""
    noun = verb.head
    if verb.tag_ != "VBG" or verb.dep_ != "acl" or noun.dep_ != "pobj" or (
            noun.lemma_.lower() in DOCUMENT_NOUNS):
        return None
    prep = noun.head
    if prep.dep_ != "prep" or prep.head.pos_ != "VERB":
        return None
    return subject_of(prep.head, speech=True)


def _named_after(verb: Token) -> Token | None:
    """The person a say-verb set off after a comma (or opening its sentence) names right after it, up
    to the next comma or the sentence end: "The bomb was placed on a motorcycle in a market, stated
    Minister of Information Moammar al-Eryani, and was left outside a restaurant" (the parse made the
    bomb the subject). Not a verb with a subject before it, nor one that tells someone."""
    doc, sent = verb.doc, verb.sent
    if verb.lemma_.lower() in _TELLING or not (verb.i == sent.start or doc[verb.i - 1].text == ","):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i for c in verb.children):
        return None
    person = None
    for tok in doc[verb.i + 1 : sent.end]:
        if tok.text in (",", ".", ";", ":") or tok.is_space:
            break
        if tok.is_quote or not (tok.pos_ in ("PROPN", "NOUN", "DET", "ADJ") or tok.lower_ in ("of", "-")):
            return None
        if tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN":
            person = tok
    return person


# Say-verbs whose object is whom they told, not who spoke ("..., told John Smith that ...").
_TELLING = {"tell", "inform", "notify", "assure", "remind", "brief", "ask", "answer", "reply"}


def _inverted_content(cue: Cue) -> tuple[int, int] | None:
    """What a say-verb set off after a comma with its speaker after it reports: the clause before
    the comma ("The bomb was placed on a motorcycle in a market, stated Minister ... al-Eryani")."""
    verb, subj = cue.verb, cue.subject
    if subj is None or subj.i < verb.i or verb.i == verb.sent.start or _named_after(verb) is None:
        return None
    doc, end, first = verb.doc, verb.i - 1, verb.sent.start
    start = max((t.i + 1 for t in doc[first:end] if t.text in (";", ":")), default=first)
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return (start, end) if end - start >= 3 else None


def _past_thing(verb: Token, subject: Token) -> Token | None:
    """The speaker of a speech participle whose parsed subject is a thing, not someone who speaks:
    the subject of the verb the participle goes with. "Mehrdad Pahlavanzadeh ... explained the
    decision to ban the players saying, "..."" (hung on the object), "The governor tweeted her
    reasoning saying, "..."" (the object parsed as the participle's own subject). None otherwise."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("acl", "advcl") or not _thing(subject):
        return None
    if verb.dep_ == "acl" and subject.i == verb.head.i and subject.dep_ == "dobj":
        governor = subject.head
    elif verb.dep_ == "advcl" and subject.head.i == verb.i and subject.dep_ == "nsubj":
        governor = verb.head
    else:
        return None
    found = subject_of(governor, speech=True) if governor.pos_ == "VERB" else None
    return found if found is not None and found.i != subject.i and not _thing(found) else None


def _thing(noun: Token) -> bool:
    """A common noun no one named that neither speaks nor stands for a speaker: "the decision", "her
    reasoning", "a speech" (not a person's noun, "witnesses", a body's, "the ministry", nor a document,
    which speaks for its issuer)."""
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or noun.ent_type_ or lemma in PERSON_NOUNS or lemma in titles():
        return False
    if lemma in DOCUMENT_NOUNS or lemma in SPEAKING_ORG_NOUNS:
        return False
    return lemma not in institution_nouns() and lemma not in state_bodies() and not lemma.endswith(_AGENTS)


# Endings of nouns for people by what they do ("users", "campaigners", "scientists", "physicians").
_AGENTS = ("er", "or", "ist", "ian", "ant", "ent", "eer")


def _name_before(verb: Token) -> Token | None:
    """A name right before a speech verb the parse left without a subject: "the president of
    the League, Jamel Msallem, said" (parsed as an apposition of an earlier noun)."""
    i = verb.i - 1
    while i >= verb.sent.start and verb.doc[i].text == ",":
        i -= 1
    tok = verb.doc[i] if i >= verb.sent.start else None
    if tok is not None and tok.pos_ == "PROPN" and tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return tok
    return _person_set_off(verb, i)


def _person_set_off(verb: Token, i: int) -> Token | None:
    """A person named before a description set off by commas that ends right before the verb:
    "Anna Franowska of "Have no fear", an abuse victim support charity, told Reuters" (the parse hung
    the name on a noun before it). Only nouns, their modifiers and quoted names stand between."""
    doc, quoted = verb.doc, False
    if i < verb.sent.start or doc[i].pos_ not in ("NOUN", "PROPN") or doc[i + 1].text != ",":
        return None
    while i >= verb.sent.start:
        tok = doc[i]
        if tok.is_quote:
            quoted = not quoted
        elif tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN" and not quoted:
            return tok
        elif not quoted and tok.pos_ not in _DESCRIPTION_POS:
            return None
        i -= 1
    return None


# What a description set off by commas before a verb may hold (see ``_person_set_off``).
_DESCRIPTION_POS = {"NOUN", "PROPN", "ADJ", "DET", "ADP", "NUM", "PUNCT", "CCONJ", "PART"}


def _framed(verb: Token) -> bool:
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            if any(c.dep_ == "pobj" and c.lemma_.lower() in _FRAME_NOUNS for c in prep.children):
                return True
    return verb.dep_ == "conj" and verb.head.pos_ == "VERB" and _framed(verb.head)


def impersonal(verb: Token) -> bool:
    """A passive report with no one reporting: "it was reported (that) ...", "It was initially
    reported the fire started in an electric vehicle" (not a decision: "it was agreed that")."""
    kids = list(verb.children)
    return (verb.lemma_.lower() in _IMPERSONAL and verb.tag_ == "VBN"
            and any(c.dep_ == "auxpass" for c in kids)
            and any(c.dep_ in ("nsubjpass", "expl") and c.lower_ == "it" for c in kids)
            and not any(c.dep_ == "agent" for c in kids))


def find_cues(doc: Doc) -> list[Cue]:
    """Every reporting cue of the document, in order (with the documents that state a clause)."""
    tokens = (doc[i] for i in _may_cue(doc))
    return [cue for tok in tokens if (cue := cue_at(tok) or _document_cue(tok)) is not None]


_CUE_POS = frozenset({VERB, NOUN})
_CUE_WORDS = frozenset({"according", "by", "in"})


def _may_cue(doc: Doc) -> list[int]:
    """The tokens that may head a cue at all (a verb, a document noun, "according", "by" or
    "in"), read off the Doc's arrays: most tokens are none, and no Token is built for them."""
    words = {doc.vocab.strings[w] for w in _CUE_WORDS}
    return [i for i, (pos, low) in enumerate(zip(column(doc, "POS"), column(doc, "LOWER")))
            if pos in _CUE_POS or low in words]


def _document_cue(token: Token) -> Cue | None:
    """A document that states a clause of its own: "The Department issued a statement that an
    inmate had been stabbed", "the palace issued a statement to the effect the king considered
    it inappropriate ...". It speaks for whoever issued it (its own subject)."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in DOCUMENT_NOUNS:
        return None
    return Cue(token, "document", token) if _stated(token) is not None else None


def _stated(document: Token) -> Token | None:
    """The verb of the clause a document noun states, with a subject of its own."""
    return next((c for c in document.children if c.dep_ in ("acl", "ccomp") and c.i > document.i
                 and c.pos_ == "VERB" and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)), None)


def content_span(cue: Cue) -> tuple[int, int] | None:
    """Token range [start, end) of what the cue reports, or None when it reports nothing.

    say: its clausal complement ("said (that) ..."); direct and judge: from the object to the
    end of what the verb governs ("urged the CIA to release ...", "blamed Israel for ...").
    """
    verb = cue.verb
    if cue.kind == "according":
        return _according_content(cue)
    if cue.kind == "document":  # the clause the document states, past its "that"
        clause = _stated(verb)
        if clause is None:
            return None
        sub = [t for t in clause.subtree if not (t.dep_ == "mark" and t.head.i == clause.i or t.is_punct)]
        return sub[0].i, sub[-1].i + 1
    kids = [c for c in verb.children if c.dep_ not in _SKIP_CHILD_DEPS]
    if (aside := parenthetical(cue) or _inverted_content(cue)) is not None:
        return aside
    if cue.kind == "say":
        # a bare report with its own speaker relays the words before it, not this verb's content
        ccomp = [c for c in kids if c.dep_ == "ccomp" and not _bare_report(c) and not _own_sentence(c, verb)]
        ccomp.sort(key=lambda c: c.i < verb.i)  # "X said that ..." before "..., X said"
        if not ccomp:
            # "denied all claims that ..."; "told reporters that ..."
            obj = [c for c in kids if c.dep_ == "dobj" and verb.lemma_.lower() not in _CLAUSE_ONLY
                   and any(g.dep_ in ("acl", "relcl", "ccomp") and _own_verb(g, verb) for g in c.children)]
            ccomp = obj
        if not ccomp:
            # "said in a statement that ...": the clause hangs on the statement in the parse
            ccomp = [
                g for c in kids if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"
                for g in p.children if g.dep_ in ("acl", "ccomp", "relcl") and _that_clause(g)
            ]
        if not ccomp:
            return (_clause_before(verb) or _clause_after(verb) or _small_clause(verb) or _news_object(verb)
                    or _as_clause(verb))
        sub = list(ccomp[0].subtree)
        if ccomp[0].i > verb.i:
            # "fires ..., which state media said were under control": not the fronted relative pronoun
            sub = [t for t in sub if t.i > verb.i]
            subject = _object_as_subject(verb, ccomp[0])
            if subject is not None:
                return subject.left_edge.i, sub[-1].i + 1
        return sub[0].i, sub[-1].i + 1
    content = [c for c in kids if (c.dep_ in _CONTENT_DEPS or _purpose_clause(c)) and c.i > verb.i]
    if not content:
        return None
    start = min(t.i for c in content for t in c.subtree)
    end = max(t.i for c in content for t in c.subtree) + 1
    words = verb.doc[start:end]
    # a verdict on something ("blamed Israel for the attack", "called its actions defensive") or a
    # demand ("called for an investigation") reports words; a bare object ("condemned the attack",
    # "a device he called Flyboard Air") and a demand for a thing ("demands justice") do not
    # what it was said to, where and when is no part of the verdict ("described Day to the BBC in 2002")
    told = [c for c in content if not (c.dep_ == "prep" and c.lower_ in _CIRCUMSTANCE_PREPS)]
    verdict = cue.kind == "judge" and (
        len(told) > 1 or words[0].lower_ == "for" or bool(told) and _predicated(told[0])
    )
    if not verdict and not any(t.pos_ == "VERB" or t.is_quote for t in words):
        return None
    return start, end


def _that_clause(clause: Token) -> bool:
    """A clause opened by the conjunction "that", also where the parse took it for a relative word with
    no part in the clause ("claimed at the time that they were being treated well": *that* an adverb
    of a relative clause on *time*, the clause with a subject of its own)."""
    return any(m.lower_ == "that" and (m.dep_ == "mark" or m.dep_ == "advmod" and m.i < clause.i and any(
        c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children)) for m in clause.children)


def _bare_report(clause: Token) -> bool:
    """A complement that is a say-verb with its own speaker, which another speaker only relays:
    "..., CNN Philippines reported the governor said." (the governor's words). Not one the verb
    reports as its own words, with "that" or before it: "Pompeo said that after legal consultation
    Washington had concluded ..." is Pompeo's report; "Sondland said he had relayed ...,
    Morrison testified" is Morrison's testimony."""
    if not _says(clause) or subject_of(clause, speech=True) is None:
        return False
    that = any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
    return not (clause.i < clause.head.i or that)


def _own_sentence(clause: Token, verb: Token) -> bool:
    """A clause before the verb that a semicolon ends is a sentence of its own, not what the verb
    reports: "That September, the Fridays for Future movement launched; Thunberg promised protests"."""
    if clause.i > verb.i:
        return False
    return any(t.text == ";" for t in verb.doc[clause.right_edge.i + 1 : verb.i])


def _object_as_subject(verb: Token, clause: Token) -> Token | None:
    """The verb's object that is really its clause's subject, which the parse split off: "Rappler
    reported three malls in Davao City ... were damaged", "Emergency workers have indicated a
    homicide probe is ongoing" (the object between the verb and a clause with no subject)."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in clause.children):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < clause.i
                 and c.right_edge.i < clause.left_edge.i), None)


def _small_clause(verb: Token) -> tuple[int, int] | None:
    """An object with its predicate after it, a clause without a finite verb: "Reuters reported
    Monday's attack the deadliest since an assault in Ghazni", "the WHO declared the ongoing outbreak
    of COVID-19 ... to be a pandemic" (not "announced the deal Tuesday"): from the object to the end
    of what the verb governs after it."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None:
        return None
    pred = next((c for c in verb.children if c.dep_ in _PREDICATE_DEPS and c.i > obj.right_edge.i), None)
    if pred is not None and (pred.ent_type_ in ("DATE", "TIME") or not (
            pred.pos_ == "ADJ" or any(d.dep_ == "det" for d in pred.children))):
        pred = None
    # "to be" after the object, hung on the verb or the object
    pred = pred or next((c for c in (*verb.children, *obj.children) if c.lemma_ == "be" and c.i > obj.i
                         and c.dep_ in ("xcomp", "acl", "advcl", "relcl") and any(
                             a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
    if pred is None:
        return None
    rest = [c for c in verb.children if c.i > obj.i and c.dep_ not in ("punct", "cc", "conj", "mark")]
    return obj.left_edge.i, max(c.right_edge.i for c in (obj, *rest)) + 1


def _news_object(verb: Token) -> tuple[int, int] | None:
    """What a verb that makes news reports as a thing ("reported 36 infections with COVID-19",
    "announced the death of cosmonaut Alexei Leonov", "warned of potential flash floods"): its
    object, or its "of" phrase, when it has a few words of their own."""
    if verb.lemma_.lower() not in _NEWS_VERBS or verb.tag_ == "VBG" or any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None  # "reporting abuse", "to predict oxygen levels": a task, not news
    if any(c.dep_ in ("prep", "dative") and c.lower_ == "to" for c in verb.children):
        return None  # "report cases of sexual abuse ... to the higher church authorities": a filing
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None:
        of = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "of" and c.i > verb.i), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if obj is None or obj.pos_ == "PRON":
        return None
    if any(c.dep_ == "poss" or c.lower_ in ("the", "this", "that") for c in obj.children) and not any(
            c.dep_ == "prep" and c.lower_ == "of" for c in obj.children):
        return None  # "announced the schedule", "his candidacy": a thing known, not news; "the death of X" is
    # the object and what else the verb governs after it ("a total of 5667 cases during the outbreak")
    rest = [c for c in verb.children if c.i > obj.i and c.dep_ not in ("punct", "cc", "conj", "mark")]
    start, end = obj.left_edge.i, max([obj.right_edge.i, *(c.right_edge.i for c in rest)]) + 1
    return (start, end) if end - start >= 3 else None


def parenthetical(cue: Cue) -> tuple[int, int] | None:
    """The clause a say-cue set off by commas stands inside ("The guardrail would be examined,
    Roberts said, to determine ..."; "The larger landers, Clarke said, could deliver tools"):
    from the clause's start (the sentence's or a semicolon's) to its end, the cue included. None
    when the cue is not such an aside or a quotation follows it (the marks carry that quote)."""
    verb, subj = cue.verb, cue.subject
    doc = verb.doc
    if cue.kind != "say" or subj is None or verb.dep_ != "parataxis" or not subj.i < verb.i:
        return None
    left, after = subj.left_edge.i, verb.i + 1
    if left == 0 or doc[left - 1].text != "," or after + 1 >= len(doc) or doc[after].text != ",":
        return None
    if doc[after + 1].is_quote or doc[after + 1].is_sent_start:
        return None
    sent = verb.sent
    start = max((t.i + 1 for t in doc[sent.start : left] if t.text in (";", ":")), default=sent.start)
    end = next((t.i for t in doc[after : sent.end] if t.text in (";", ":")), sent.end)
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and _trailing(doc[end - 1]):
        end -= 1
    return (start, end) if left - start >= 3 else None


def _trailing(tok: Token) -> bool:
    """Punctuation or space that ends a reported clause without being part of it ("95%" keeps its sign)."""
    return tok.is_space or tok.is_punct and tok.text != "%"


def _predicated(obj: Token) -> bool:
    """An object with a complement after it: "called its actions defensive" (parsed as a
    modifier of *actions*), where a verdict is stated."""
    return any(c.dep_ in ("acl", "amod", "oprd", "advcl") and c.i > obj.i for c in obj.children)


def _clause_before(verb: Token) -> tuple[int, int] | None:
    """The words a sentence opens with before ", <speaker> <say-verb> [whom]." when the parse did
    not make them the verb's clause: "The official ... way that Customs and Border Protection
    measures seizures is by pounds, not by value, an agency spokesman told us." (parsed as an
    adverbial noun). They need a verb of their own and the verb nothing after it but whom it told."""
    sent, doc = verb.sent, verb.doc
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if verb.dep_ != "ROOT" or subject is None:
        return None
    comma = subject.left_edge.i - 1
    if comma <= sent.start + 2 or doc[comma].text != ",":
        return None
    if any(not (t.is_punct or t.dep_ in ("dobj", "dative") and (
            t.pos_ == "PRON" or t.lemma_.lower() in PERSON_NOUNS)) for t in doc[verb.i + 1 : sent.end]):
        return None  # "..., X told us", "told reporters", not "..., X announced a payment system"
    words = doc[sent.start : comma]
    if words[0].pos_ in ("SCONJ", "ADP") or words[0].tag_ == "VBG":
        return None  # "While many transactions ...", "According to local news, ..."
    if not any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound") for t in words):
        return None
    return sent.start, comma


def _clause_after(verb: Token) -> tuple[int, int] | None:
    """When the parse gives a say-verb no complement but a clause follows it ("Brudziński said
    Adamowicz required resuscitation", parsed as an object): the words after the verb, past a
    "to journalists" and the verb's own "on Facebook on Tuesday", up to a semicolon or the
    sentence end, if they hold a verb of their own. Not for a verb that reports only with a
    clause the parse found ("added that ..."): after it, such words are a thing it acts on."""
    if verb.lemma_.lower() in _CLAUSE_ONLY:
        return None
    sent = verb.sent
    i = verb.i + 1
    doc = verb.doc
    if i < sent.end and doc[i].lower_ == "to" and doc[i].dep_ in ("prep", "dative"):
        i = max(t.i for t in doc[i].subtree) + 1
    # where and when it was said, hung on the verb: "announced on Facebook on Tuesday there were ..."
    past = i
    while i < sent.end and (mod := next((c for c in verb.children if c.left_edge.i == i and c.dep_ in (
            "prep", "npadvmod") and c.right_edge.i + 1 < sent.end), None)) is not None:
        i = mod.right_edge.i + 1
    if i > past and i + 1 < sent.end and doc[i].is_punct:
        if doc[i].text != "," or doc[i + 1].pos_ == "CCONJ":
            return None  # "responded with X, but others ...": the verb's own words end there
        i += 1  # "reported in mid-2019, 62 Tesco outlets had closed"
    if i + 1 < sent.end and doc[i].text == "," and doc[i + 1].pos_ == "CCONJ":
        return None  # "more complicated than McKinley suggests, but he appears ...": a clause of the writer's
    if i < sent.end and doc[i].lower_ == "that":
        i += 1
    end = next((t.i for t in doc[i : sent.end] if t.text in (";", ":")), sent.end)
    while end > i and _trailing(doc[end - 1]):
        end -= 1
    words = doc[i:end]
    # a verb of its own: not the cue's own conjunct ("announced the schedule and followed it up")
    # nor an infinitive ("announced stricter measures to inhibit ..." reports a thing, not words);
    # three words make a clause ("announcing to journalists Adamowicz remained alive")
    if len(words) < 3 or not any(_heads_clause(t, verb) for t in words):
        return None
    if words[0].pos_ in ("ADP", "ADV") and words[0].lower_ != "that":
        return None  # "said in a statement on Monday, which was ..." is no report
    return i, end


def _as_clause(verb: Token) -> tuple[int, int] | None:
    """What a passive report with its agent calls someone: "the assailant, reported by The
    Guardian as convicted of assaults" -> "as convicted of assaults"."""
    if not any(c.dep_ == "agent" for c in verb.children):
        return None
    clause = next((c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i
                   and any(m.dep_ == "mark" and m.lower_ == "as" for m in c.children)), None)
    if clause is None:
        return None
    # up to a conjoined second source ("and by Associated Press of bank robberies")
    words = [t for t in clause.subtree
             if not any(a.dep_ == "conj" and a.lower_ == "by" for a in [t, *t.ancestors] if a.i > clause.i)]
    while words and (words[-1].dep_ == "cc" or words[-1].is_punct):
        words.pop()
    return (words[0].i, words[-1].i + 1) if len(words) >= 3 else None


def _heads_clause(t: Token, verb: Token) -> bool:
    """Whether ``t`` is a verb that makes the words after the say-verb ``verb`` a clause it reports
    (which the parse did not make its complement): not a verb that modifies the noun phrase the verb
    acts on ("Hong Kong's existing police oversight council"), nor a participle that works as a
    preposition ("declared a state of calamity following Wednesday's quake"), nor one in a
    circumstance of the act ("declared a state of emergency ..., with Tropical Storm Barry
    approaching the coast"; "expressed their outrage ... as the incident became known"), nor another
    report set off after the words ("the investigations, Morrison testified")."""
    if not _own_verb(t, verb) or t.dep_ == "prep":
        return False
    if t.dep_ == "amod" and t.i < t.head.i and not _split_clause(t):
        return False
    path = [t]
    while path[-1].head.i not in (verb.i, path[-1].i):
        path.append(path[-1].head)
    if path[-1].head.i != verb.i:  # hung elsewhere by the parse: a clause, unless a report of its own
        return not (_says(t) and any(c.dep_ in ("nsubj", "nsubjpass") and c.i > verb.i for c in t.children))
    top = path[-1]  # the verb's own child on the way
    return not (top.dep_ == "prep" or top.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in _CIRCUMSTANCE_MARKS for c in top.children))


def _split_clause(t: Token) -> bool:
    """A past form the parse made an adjective after a name: "said Adamowicz required resuscitation"
    (*Adamowicz required* a modifier of *resuscitation*), not "22 sold units"."""
    before = t.doc[t.i - 1] if t.i > 0 else None
    return (t.tag_ in ("VBD", "VBN") and before is not None and before.pos_ in ("PROPN", "NOUN", "PRON")
            and before.head.i == t.head.i)


def _own_verb(t: Token, cue_verb: Token) -> bool:
    """Whether ``t`` is a verb that makes the words after a cue a clause of their own."""
    if t.pos_ not in ("VERB", "AUX") or t.dep_ == "aux" or (t.dep_ == "conj" and t.head.i == cue_verb.i):
        return False
    if t.dep_ == "acl" and t.tag_ in ("VBG", "VBN"):
        return False  # a participle describes a noun ("charges pertaining to", "the risks posed by")
    # an infinitive states a purpose ("measures to inhibit ...") or a demand ("asked them to help"), no claim
    return not (t.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children))


def _reports(verb: Token) -> bool:
    return verb.lemma_.lower() in reporting_verbs() and verb.pos_ == "VERB"


def _says(verb: Token) -> bool:
    """A say-verb: a complement headed by one with its own speaker is that speaker's report, not
    the outer verb's content; one headed by another report verb is ("Both officers indicated they
    would appeal": the appeal is what they indicated)."""
    return reporting_verbs().get(verb.lemma_.lower()) == "say" and verb.pos_ == "VERB"


def _purpose_clause(tok: Token) -> bool:
    """"calling for the killers to be brought to justice": a clause marked for/that/whether."""
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("for", "that", "whether", "if") for c in tok.children)


def _according_content(cue: Cue) -> tuple[int, int] | None:
    """The sentence on the longer side of "according to X"."""
    sent = cue.verb.sent
    # "according to X" itself, not all the parser hung on "according" (it may root the sentence)
    to = next((c for c in cue.verb.children if c.lower_ == "to"), None)
    if cue.verb.lower_ != "according":
        to = cue.verb  # "by reports on Saturday": the phrase itself
    # an "apposition" that is what the source says, not the source: an adjective ("according to
    # Turkey, supportive of the PKK") or, before a verb with no subject, that verb's subject
    # ("According to a Twitter post by Amy Cook, director of the event, the ... tusk came from")
    verb = cue.verb.head
    bare = verb.pos_ in ("VERB", "AUX") and not any(
        c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)
    said = {t.i for c in (to.subtree if to is not None else ()) if c.dep_ == "appos" and (
            c.pos_ == "ADJ" or bare and c.right_edge.i + 1 == verb.i) for t in c.subtree}
    last = max(t.i for t in to.subtree if t.i not in said) if to is not None else cue.verb.i
    before = (sent.start, cue.verb.i)
    after = (last + 1, sent.end)
    doc = sent.doc
    start, end = max(before, after, key=lambda r: r[1] - r[0])
    # "... specified no cause, but, according to his agent, Hunter had undergone surgery": a clause
    # that ends in a conjunction before the phrase is another statement; the source's follows it
    if (start, end) == before and any(t.pos_ == "CCONJ" for t in doc[before[0] : before[1]][-2:]):
        start, end = after
    elif (start, end) == after and after[0] < sent.end and doc[after[0]].tag_ in ("WP", "WDT") and (
            before[1] > before[0]):
        start, end = before  # "... according to CNN who reported that ...": the source's own report follows
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and _trailing(doc[end - 1]):
        end -= 1
    return (start, end) if end - start >= 3 else None
