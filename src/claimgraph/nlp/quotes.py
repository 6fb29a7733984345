"""Every quotation of a document with its speaker: direct, indirect (reported speech) and mixed.

Direct quotes come from quotation marks (`quotemarks`), their speaker from the nearest reporting
cue around them in the parse (`cues`), a colon introduction, or the current speaker when a
quote stands in its own paragraph. Indirect quotes are what a cue reports without marks. A post that
a pasted page embeds ("— Name (@handle) Date" after it) is its signer's direct quote.
Scare quotes and named terms (the so-called "peace plan", Operation "Dawn") are not quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from claimgraph.model import Quote, Span
from claimgraph.nlp.cues import Cue, content_span, cue_at, find_cues, impersonal, parenthetical
from claimgraph.nlp.lexicon import ASKING_VERBS, PERSON_NOUNS, reporting_verbs, titles
from claimgraph.nlp.quotemarks import Quoted, find_quoted, paragraphs
from claimgraph.nlp.rel_index import DOCUMENT_NOUNS, EntityIndex
from claimgraph.nlp.speakers import SpeakerResolver
from claimgraph.nlp.syntax import subject_of
from claimgraph.nlp.tokens import doc_text

# Words before an opening mark that make the quoted words a name or a term, not speech.
_TERM_BEFORE = re.compile(
    r"(?:so[- ]called|dubbed|termed|nicknamed|codenamed|code-named|named|titled|entitled|labell?ed|"
    r"branded|the (?:word|words|term|phrase|slogan|hashtag|motto)|operation|known as|a|an|the|his|her|their|its)\s*$",
    re.IGNORECASE,
)
_SHORT_WORDS = 4
_FIRST_SECOND = {"i", "we", "you"}  # a quoted phrase this short needs a cue to be someone's speech
# Verbs that, right after a closing mark, introduce the speaker after them ("..." tweeted Mayor of
# London Sadiq Khan; "..." reads an AEW press release): the say-verbs and a document's "read".
_INVERTED_EXTRA = {"read"}
# At most this many words make a sentence after a quote its bare cue (""..." Holmes testified.").
_CUE_SENTENCE = 5
# How many tokens after such a verb the speaker's phrase may run, up to a comma or the sentence end.
_INVERTED_SPAN = 12


# The line a pasted page signs an embedded post with: "— Rep. Ilhan Omar (@Ilhan) November 19, 2019".
_POST_SIGNATURE = re.compile(
    r"^[ \t]*[\u2014\u2013-]+[ \t]*(?P<name>[^\n(@]+?)[ \t]*\(@\w+\)"
    r"[ \t]+[A-Z][a-z]+\.?[ \t]+\d{1,2},[ \t]+\d{4}[ \t]*$",
    re.MULTILINE,
)

# What a post is at most (Twitter's 280 characters), its links aside; words that introduce one.
_POST_LENGTH = 280
_POST_LINK = re.compile(r"(?:https?://|pic\.twitter\.com/)\S+")
_POST_WORDS = re.compile(
    r"\b(?:tweet(?:s|ed)?|post(?:s|ed)?|wrote|Twitter|Instagram|Facebook)\b", re.IGNORECASE)


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    kind: str
    cue: Cue | None
    speaker: str | None = None
    speaker_text: str | None = None


_NAME_WORD = re.compile(r"[\w'’-]+")
_WORD = re.compile(r"\w+")
_MINOR_WORDS = {"of", "the", "and", "for", "in", "on", "to", "a", "an", "at", "by", "with", "or", "&"}


# Words of its own (outside the quote marks) that make a reported clause a mixed quote even when a
# long quotation fills most of it: "said naming the virus after Wuhan would place "...""
_OWN_WORDS = 5
# Verbs that give a name: the quoted words they govern are the name, not speech ("The International
# Committee on Taxonomy of Viruses named the virus that causes it "severe acute respiratory syndrome
# coronavirus 2""). "call" names only as a participle with no subject of its own ("a song called
# "Day after Day,""); with one it is a verdict ("called it "a retrograde step"").
_NAMING = {"name", "rename", "dub", "nickname", "christen", "designate", "term", "title", "entitle"}
# Verbs that go on with what the last speaker said: "The Wooster professor added, "..."" after a
# quote of study co-author Karen Alley is her.
_GOING_ON = {"add", "continue"}
# Speech acts left out of the verb list (their objects are no claim: "criticized the decision"), whose
# subject still speaks the quote that opens the next sentence: "Brett McGurk ... also criticized the
# decision via Twitter. "The WH statement tonight ...""
_SPEECH_ACTS = {"criticize", "criticise", "condemn", "respond", "reply", "answer", "react", "slam", "blast"}


def _title_cased(text: str) -> bool:
    """Every major word capitalised and no sentence end: a name, not a sentence."""
    words = _NAME_WORD.findall(text)
    if not 2 <= len(words) <= 10 or text.rstrip().endswith((".", "!", "?", ",")):
        return False
    major = [w for w in words if w.lower() not in _MINOR_WORDS]
    return bool(major) and all(w[0].isupper() or w[0].isdigit() for w in major)


def _relayed(cue: Cue) -> Token | None:
    """The source a report after its words relays: "..., CNN Philippines reported the governor
    said." is the governor's (a bare "X said" after the verb, saying nothing of its own)."""
    verb = cue.verb
    if cue.kind != "say" or cue.subject is None or not cue.subject.i < verb.i:
        return None
    inner = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if inner is None or reporting_verbs().get(inner.lemma_.lower()) != "say" or any(
            t.i > inner.i and not t.is_punct for t in inner.subtree):
        return None  # the clause after is the report's content ("reported the governor said the road was shut")
    if not any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        return None  # the words reported stand before the verb
    return next((c for c in inner.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < inner.i), None)


def _relative(verb: Token) -> bool:
    """A verb of a relative clause: one with a relative pronoun among its own words."""
    return any(c.tag_ in ("WDT", "WP") and c.dep_ in ("dobj", "nsubj", "nsubjpass") for c in verb.children)


def _governs(verb: Token, q: Quoted) -> bool:
    """Whether the quoted words stand inside what a verb governs ("who was described as "knife-obsessed"")."""
    return verb.left_edge.idx <= q.start and q.end <= verb.right_edge.idx + len(verb.right_edge) + 1


def _words(text: str) -> int:
    return len(_WORD.findall(text))


class QuoteFinder:
    def __init__(
        self, doc: Doc, index: EntityIndex, resolver: SpeakerResolver | None = None, title_end: int = 0
    ) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.index = index
        self.resolver = resolver or SpeakerResolver(doc, index)
        self.quoted = find_quoted(self.text)
        self.spans = [(q.start - 1, q.end + 1) for q in self.quoted]
        self.paras = paragraphs(self.text)
        self.title_end = title_end
        self.terms: list[tuple[int, int]] = []  # the marks' span of quoted names and terms

    def _inside_quote(self, tok: Token) -> bool:
        return any(s <= tok.idx < e for s, e in self.spans)

    def _para_of(self, pos: int) -> int:
        return next((i for i, (s, e) in enumerate(self.paras) if s <= pos <= e), -1)

    def _speaker(self, cue: Cue) -> tuple[str | None, str | None]:
        """The cue's speaker: its subject resolved, or the person named in the phrase before the
        verb when the parse made an organisation or a place in it the subject."""
        assert cue.subject is not None
        # "The palace issued the following statement from the king": the document's own source speaks
        document = next(
            (c for c in cue.verb.children if c.dep_ == "dobj" and c.lemma_.lower() in DOCUMENT_NOUNS), None)
        source = next((p for c in (document.children if document is not None else ()) if c.dep_ == "prep"
                       and c.lower_ in ("from", "by") for p in c.children if p.dep_ == "pobj"), None)
        if source is not None and (found := self.resolver.resolve(source, self.spans))[0] is not None:
            return found
        relayed = _relayed(cue)
        if relayed is not None:
            return self.resolver.resolve(relayed, self.spans)
        speaker, said = self.resolver.resolve(cue.subject, self.spans)
        person = self.resolver.person_before(cue.verb, speaker) if cue.subject.i < cue.verb.i else None
        if person is None and speaker is None and cue.subject.pos_ == "NOUN":
            person = self._named_in_apposition(cue.verb, cue.subject)
        if person is None and self.index.type(speaker) != "PERSON" and cue.subject.i < cue.verb.i:
            person = self._named_before_role(cue.subject)
        return person or (speaker, said)

    def _named_before_role(self, subject: Token) -> tuple[str, str] | None:
        """The person named right before a role set off by a comma the parse made the subject: "In
        the blog post Chris Wright, the Chief Technological Officer of Red Hat said ..." (the
        apposition's closing comma missing). (entity id, its words)"""
        doc, first = self.doc, subject.left_edge.i
        if subject.lemma_.lower() not in PERSON_NOUNS and subject.lemma_.lower() not in titles():
            return None
        if first < 2 or doc[first - 1].text != "," or not (first == subject.i or doc[first].dep_ == "det"):
            return None
        name = doc[first - 2]
        eid = self.index.at(name)
        if eid is None or self.index.type(eid) != "PERSON":
            return None
        mention = next((m for m in self.index.mentions_between(0, name.idx + len(name))
                        if m[0] <= name.idx < m[1]), None)
        return eid, self.text[mention[0] : mention[1]] if mention is not None else name.text

    def _named_in_apposition(self, verb: Token, subject: Token) -> tuple[str, str] | None:
        """The name set off by commas right before the verb that a described subject stands for,
        whatever the parse hung it on: "The company that runs the AMAs, Dick Clark Productions,
        denies ..." (entity id, its words)."""
        doc, i, start = self.doc, verb.i - 1, subject.i
        if i <= start or doc[i].text != ",":
            return None
        eid = self.index.at(doc[i - 1])
        j = i - 1
        while j > start and self.index.at(doc[j - 1]) == eid:
            j -= 1
        if eid is None or j <= start or doc[j - 1].text != ",":
            return None
        if self.index.type(eid) not in ("ORG", "PERSON"):
            return None
        return eid, doc[j:i].text

    # --- direct quotes -------------------------------------------------------------------
    def _frame(self, q: Quoted) -> list[Token]:
        """Tokens outside any quote in the sentences around a quote, nearest first."""
        first = self.doc.char_span(q.start, q.end, alignment_mode="expand")
        if first is None:
            return []
        start_sent, end_sent = first[0].sent, first[-1].sent
        lo, hi = start_sent.start, end_sent.end
        para = self.paras[self._para_of(q.start)]
        # a cue after the closing mark may be parsed as its own sentence: "...," he said.
        if hi < len(self.doc) and self.doc[hi].idx < para[1] and self._continues_after(q, self.doc[hi]):
            hi = self.doc[hi].sent.end
        if lo > 0 and self.doc[lo - 1].idx >= para[0] and self.text[: q.start - 1].rstrip().endswith((":", ",")):
            lo = self.doc[lo - 1].sent.start
        toks = [t for t in self.doc[lo:hi] if not self._inside_quote(t)]
        own = (first[0].sent.start, first[-1].sent.end)
        # cues in the quote's own sentences first, then the nearest
        return sorted(toks, key=lambda t: (not own[0] <= t.i < own[1], min(abs(t.idx - q.start), abs(t.idx - q.end))))

    def _continues_after(self, q: Quoted, nxt: Token) -> bool:
        """The sentence after a quote carries its cue: the quote ends in a comma, or the next
        words are lower case ("...," he said. / "...?" asked Marchuk)."""
        last = self.text[q.end - 1 : q.end]
        if last in ",?!" or nxt.is_lower or nxt.pos_ == "PRON":
            return True
        # a sentence that is only its speaker and a say-verb: ""...trial." Pelosi said." (not
        # "Nobody said otherwise.": its verb has a named or nominal subject, no negation, no object)
        sent = [t for t in nxt.sent if not (t.is_punct or t.is_space)]
        root = nxt.sent.root
        deps = {c.dep_: c for c in root.children}
        says = (reporting_verbs().get(root.lemma_.lower()) == "say" and "nsubj" in deps
                and deps["nsubj"].pos_ in ("PROPN", "NOUN") and not deps.keys() & {"neg", "dobj", "ccomp"})
        return len(sent) <= _CUE_SENTENCE and says

    def _inverted_cue(self, q: Quoted) -> Cue | None:
        """A say-verb right after the closing mark with its speaker after it, which the parse
        often misses: ""...," tweeted Mayor of London Sadiq Khan", ""...," said a protester using
        the pseudonym Katya", ""...," reads Judge Miller's statement". The speaker is the first
        person named in the phrase after the verb, else its first organisation, else its first noun."""
        after = self.doc.char_span(q.end + 1, len(self.text), alignment_mode="expand")
        if after is None:
            return None
        toks = [t for t in after[:3] if not t.is_punct]
        verb = toks[0] if toks and "\n" not in self.text[q.end : toks[0].idx] else None
        lemma = verb.lemma_.lower() if verb is not None else ""
        says = reporting_verbs().get(lemma) == "say" or lemma in _INVERTED_EXTRA
        if verb is None or not verb.is_lower or not says:
            return None
        phrase: list[Token] = []
        for t in self.doc[verb.i + 1 : verb.i + 1 + _INVERTED_SPAN]:
            if t.is_sent_start or t.text in (",", ".", ";", ":", "\u201c", '"') or (
                    t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBG", "VBN") and phrase):
                break
            phrase.append(t)
        if not phrase or phrase[0].pos_ == "PRON":
            return None  # "said he", "said it": the parse's own cue handles a pronoun
        types = [(t, self.index.type(self.index.at(t))) for t in phrase]
        speaker = (next((t for t, k in types if k == "PERSON"), None)
                   or next((t for t, k in types if k == "ORG"), None)
                   or next((t for t in phrase if t.pos_ == "NOUN"), None)
                   or next((t for t in phrase if self.resolver.surname(t) is not None), None))  # "says Early"
        return Cue(verb, "say", speaker) if speaker is not None else None

    def _question_cue(self, q: Quoted, frame: list[Token]) -> Cue | None:
        """A quoted question's asker: the subject of a verb that asks in the sentences around it
        (""What is it about Joe Biden ...?" King asked Scott.", "Bell asked "Why has this taken four
        months ...?""), before any other cue there, or the name right after such a verb after the
        closing mark (""...?" asked Marchuk")."""
        if not self.text[q.start : q.end].rstrip(" ,\u201d\"'").endswith("?"):
            return None
        for tok in frame:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in ASKING_VERBS:
                continue
            subject = subject_of(tok, speech=True)
            if subject is None and tok.idx > q.end and tok.i + 1 < len(self.doc):
                subject = self.doc[tok.i + 1]  # "asked Marchuk": the parse's object, the speaker
                if self.index.at(subject) is None:
                    subject = None
            if subject is not None and not self._inside_quote(subject):
                return Cue(tok, "say", subject)
        return None

    def _direct_cue(self, q: Quoted) -> Cue | None:
        frame = self._frame(q)
        if (asked := self._question_cue(q, frame)) is not None:
            return asked
        cues = [c for c in map(cue_at, frame) if c is not None and c.subject is not None
                and not self._inside_quote(c.subject)]
        # a cue in a relative clause that does not govern the quote speaks of the thing before it: "Bercow
        # commented on the matter — which the BBC noted as an unusual move — "..."" is Bercow's
        own = next((c for c in cues if not _relative(c.verb) or _governs(c.verb, q)), None)
        if own is not None and self.text[: q.start - 1].rstrip().endswith(":"):
            own = self._reporting_over(own, q)
        if own is not None or cues:
            return own or cues[0]
        inverted = self._inverted_cue(q)
        if inverted is not None:
            return inverted
        before = self.text[: q.start - 1].rstrip()
        if before.endswith(":") or _words(self.text[q.start : q.end]) > _SHORT_WORDS:
            # "In his message, he appreciated X: "...""; "X thanked "the police ..."": the
            # verb that governs the quote, when its subject names someone
            for tok in frame:
                if tok.pos_ == "VERB" and tok.idx < q.start:
                    subj = subject_of(tok, speech=True)
                    if subj is not None and not self._inside_quote(subj):
                        return Cue(tok, "frame", subj)
        return None

    def _reporting_over(self, cue: Cue, q: Quoted) -> Cue:
        """The outermost cue whose clause holds ``cue``'s verb in the sentence that ends in the colon
        before a quote: the quote is the words of whoever that sentence reports, not of a subject
        inside what they said ("Kurtzer explained the reason to call the OS as Rocky Linux: "...""
        is Kurtzer's, not the reason's)."""
        verb = cue.verb
        colon = self.doc.char_span(0, q.start - 1, alignment_mode="contract")
        if colon is None or not len(colon) or colon[-1].sent.start != verb.sent.start:
            return cue
        for head in verb.ancestors:
            if head.sent.start != verb.sent.start:
                break
            outer = cue_at(head)
            if outer is None or outer.kind != "say" or outer.subject is None:
                continue
            if not self._inside_quote(outer.subject) and outer.subject.i < head.i:
                cue = outer
        return cue

    def _is_term(self, q: Quoted) -> bool:
        inner = self.text[q.start : q.end]
        if _title_cased(inner):
            return True  # a name of a law, a work or an operation: "Reproductive Health Care Reform Bill 2019"
        if self._named(q):
            return True
        if _words(inner) > _SHORT_WORDS:
            return False
        before = self.text[max(0, q.start - 30) : q.start - 1]
        if _TERM_BEFORE.search(before):
            return True
        words = inner.split()  # one capitalised word: a name ("Jannah"); longer names are caught above
        return len(words) == 1 and words[0][:1].isupper() and not inner.rstrip().endswith((".", "!", "?"))

    def _named(self, q: Quoted) -> bool:
        """The quoted words are the name a naming verb gives (see ``_NAMING``): the first verb the
        quote hangs on, past relative clauses, names, or is "called" with no subject of its own."""
        span = self.doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None:
            return False
        for verb in span.root.ancestors:
            if verb.pos_ != "VERB" or verb.dep_ == "relcl":
                continue
            lemma = verb.lemma_.lower()
            return lemma in _NAMING or lemma == "call" and not any(
                c.dep_ in ("nsubj", "nsubjpass", "agent") for c in verb.children)
        return False

    def direct(self) -> list[_Candidate]:
        out: list[_Candidate] = []
        title_end = self.title_end
        last: _Candidate | None = None
        for q in self.quoted:
            if self._is_term(q):
                self.terms.append((q.start - 1, q.end + 1))
                continue
            cue = self._direct_cue(q)
            cand = _Candidate(q.start, q.end, "direct", cue)
            if cue is not None and cue.subject is not None:
                cand.speaker, cand.speaker_text = self._speaker(cue)
                if last is not None and self._goes_on(cue, cand.speaker, last, q):
                    cand.speaker = last.speaker
                if cand.speaker is None and cue.kind in ("frame", "say") and q.start >= title_end and (
                        cue.verb.lemma_.lower() not in reporting_verbs()):
                    # a verb that only governs the quote, its subject no one named ("Without the need for
                    # eyeholes, fursuit makers would have "more options ...""), or a document whose issuer
                    # is not named ("Matty Roberts posted a event invitation ... The event description
                    # read, "..."): the speaker goes on ("One of the children said" is someone unnamed)
                    self._goes_on_speaking(cand, q, last, cue)
            elif (_words(self.text[q.start : q.end]) <= _SHORT_WORDS and q.start >= title_end
                  and not self._sentence_after(q, last)):
                continue  # a short quoted phrase with no cue: a scare quote
            elif q.start >= title_end:
                self._goes_on_speaking(cand, q, last)
            if cand.speaker is not None:
                self.resolver.last_speaker, self.resolver.last_said = cand.speaker, cand.start
            out.append(cand)
            if q.start >= title_end:
                last = cand
        self._headline_speakers(out, title_end)
        return out

    def _sentence_after(self, q: Quoted, last: _Candidate | None) -> bool:
        """A short quote that is a whole sentence of its own right after the last quote in its
        paragraph: ""We will see the industry shake out a bit," Mayer said. "Not everyone will
        succeed."" (the speaker goes on; a scare quote is no sentence)."""
        inner = self.text[q.start : q.end].strip()
        if last is None or not inner[:1].isupper() or not inner.endswith((".", "!", "?")):
            return False
        if self._para_of(q.start) != self._para_of(last.start):
            return False
        between = self.text[last.end + 1 : q.start - 1]
        return between.rstrip().endswith((".", "!", "?")) and not find_quoted(between)

    def embedded_posts(self, direct: list[_Candidate]) -> list[_Candidate]:
        """Posts a pasted page embeds: the paragraph right before a signature line ("— The Nigerian
        Senate (@NGRSenate) October 9, 2018") is the words of whoever the signature names."""
        out: list[_Candidate] = []
        for sig in _POST_SIGNATURE.finditer(self.text):
            para = self._para_of(sig.start())
            start, end = self.paras[para]
            if start < sig.start():  # the post and its signature in one paragraph
                end = sig.start()
            else:  # its lines, each a paragraph of its own, back to what introduces or quotes it
                first, taken = para, 0
                while para > 0 and (length := self._post_line(*self.paras[para - 1], taken)) is not None:
                    para, taken = para - 1, taken + length
                if para == first:
                    continue
                start, end = self.paras[para][0], self.paras[first - 1][1]
            while end > start and self.text[end - 1].isspace():
                end -= 1
            if end <= start or _POST_SIGNATURE.match(self.text, start) or any(
                    d.start < end and start < d.end for d in direct):
                continue  # no words, another post's signature, or quoted already
            name_start, name_end = sig.span("name")
            # a person or a body first; else whatever the account is named for, as the model typed it
            # ("— Stansted Airport (@STN_Airport)": the airport, a place to the model, posts)
            named = [eid for _s, _e, eid in self.index.mentions_between(name_start, name_end)]
            speaker = next((eid for eid in named if self.index.type(eid) in ("PERSON", "ORG")),
                           named[0] if named else None)
            out.append(_Candidate(start, end, "direct", None, speaker, sig.group("name")))
        return out

    def _post_line(self, start: int, end: int, taken: int) -> int | None:
        """The length of a paragraph before a post's signature (its links aside) when it is a line of
        the post: no signature of another post, no quotation marks, no words on the post ("See
        tweets :"), within a post's length with the ``taken`` characters after it; else None."""
        line = _POST_LINK.sub("", self.text[start:end]).strip()
        if _POST_SIGNATURE.search(line) or find_quoted(line) or _POST_WORDS.search(line) or (
                taken + len(line) > _POST_LENGTH):
            return None
        return len(line)

    def _goes_on_speaking(
        self, cand: _Candidate, q: Quoted, last: _Candidate | None, own: Cue | None = None
    ) -> None:
        """The current speaker goes on: the last quote's, or a later reporting cue's (not ``own``, the
        quote's own cue) since the previous paragraph ("Erekat said it was ... \n\n "They wanted us
        on our knees ...")."""
        para = self._para_of(q.start)
        near = last if last is not None and para - self._para_of(last.start) <= 1 else None
        since = max(self.paras[max(0, para - 1)][0], near.end if near is not None else 0)
        skip = [c.verb.i for c in (near.cue if near is not None else None, own) if c is not None]
        before = self._cue_before(q.start, since, skip) or self._speech_act_before(q)
        if before is not None:
            cand.speaker, cand.speaker_text = self._speaker(before)
        elif near is not None:
            cand.speaker, cand.speaker_text = near.speaker, near.speaker_text

    def _speech_act_before(self, q: Quoted) -> Cue | None:
        """The speech act (``_SPEECH_ACTS``) of the sentence right before a quote that opens a sentence
        of its paragraph, with its subject, outside quotes."""
        opening = self.doc.char_span(q.start, q.end, alignment_mode="expand")
        if opening is None or opening[0].sent.start == 0:
            return None
        first = opening[0].sent[0]
        if first.idx < q.start - 1 or self._para_of(first.idx) != self._para_of(first.idx - 2):
            return None
        root = self.doc[first.i - 1].sent.root
        subject = subject_of(root) if root.lemma_.lower() in _SPEECH_ACTS else None
        if subject is None or self._inside_quote(subject) or self._inside_quote(root):
            return None
        return Cue(root, "say", subject)

    def _goes_on(self, cue: Cue, found: str | None, last: _Candidate, q: Quoted) -> bool:
        """Whether a quote's cue goes on with the last quote's speaker: "added" or "continued"
        with a definite description, in the last quote's paragraph or the next, that names nobody
        ("The spokesperson added") or only the body a person works for ("The Wooster professor
        added" after study co-author Karen Alley)."""
        subject = cue.subject
        if not (subject is not None and cue.verb.lemma_.lower() in _GOING_ON and subject.pos_ == "NOUN"
                and any(c.lower_ in ("the", "this") for c in subject.children)
                and 0 <= self._para_of(q.start) - self._para_of(last.start) <= 1):
            return False
        if found is None:
            return True
        # the body is named inside the phrase, its head a person's role ("The ministry added" is the ministry)
        inside = any(self.index.at(t) == found for t in subject.subtree if t.i != subject.i)
        person = self.index.type(last.speaker) == "PERSON"
        return person and inside and self.index.type(found) != "PERSON" and self.index.at(subject) is None

    def _cue_before(self, pos: int, since: int, skip: list[int]) -> Cue | None:
        """The last reporting cue with a subject between ``since`` and ``pos``, outside quotes
        (not one whose verb is at ``skip``: the cue of the quote it would continue, its own)."""
        span = self.doc.char_span(since, pos, alignment_mode="contract")
        for tok in reversed(span or []):
            if self._inside_quote(tok) or tok.i in skip:
                continue
            cue = cue_at(tok)
            if cue is not None and self._speaking(cue):
                return self._outer_reporter(cue, since)
        return None

    def _speaking(self, cue: Cue) -> bool:
        """A cue with a subject outside quotes that says something (not a frame)."""
        return cue.kind != "frame" and cue.subject is not None and not self._inside_quote(cue.subject)

    def _outer_reporter(self, cue: Cue, since: int) -> Cue:
        """The outermost cue (after ``since``) whose verb reports the clause ``cue``'s verb stands in:
        "Favre said the billboards that Vikings fans rented near his Mississippi home urging him to return
        had an effect on him": who goes on speaking after it is Favre, not the fans."""
        outer = cue
        for anc in cue.verb.ancestors:
            if anc.idx < since or self._inside_quote(anc):
                break
            found = cue_at(anc)
            if found is not None and found.kind == "say" and self._speaking(found):
                outer = found
        return outer

    def _headline_speakers(self, cands: list[_Candidate], title_end: int) -> None:
        """A headline or pull-quote repeating a later quote takes that quote's speaker."""

        def norm(s: str) -> str:
            return " ".join(_WORD.findall(s.lower()))

        for c in cands:
            if c.speaker is not None or c.cue is not None:
                continue
            said = norm(self.text[c.start : c.end])
            for other in cands:
                if other is not c and other.speaker and said and said in norm(self.text[other.start : other.end]):
                    c.speaker, c.speaker_text = other.speaker, other.speaker_text
                    break
        cands[:] = [c for c in cands if c.start >= title_end or c.speaker is not None or _words(self.text[c.start : c.end]) > _SHORT_WORDS]

    # --- indirect quotes -----------------------------------------------------------------
    def _surname_subject(self, cue: Cue) -> Cue:
        """A cue whose subject the parse took for an adverb, a last name that is also a word ("Early
        says there is a possibility ...", after Chris Early), with that subject."""
        named = next((c for c in cue.verb.children if c.dep_ == "advmod" and c.i < cue.verb.i
                      and self.resolver.surname(c) is not None), None)
        return Cue(cue.verb, cue.kind, named) if named is not None else cue

    def indirect(self, direct: list[_Candidate]) -> list[_Candidate]:
        out: list[_Candidate] = []
        for cue in find_cues(self.doc):
            if cue.subject is None:
                cue = self._surname_subject(cue)
            unsaid = cue.subject is None and cue.kind == "say" and impersonal(cue.verb)  # "it was reported"
            if self._inside_quote(cue.verb) or cue.subject is None and not unsaid or (
                    cue.subject is not None and cue.subject.lower_ in _FIRST_SECOND):
                continue  # "we concluded", "you mentioned": an interview's own voice, not a report
            rng = content_span(cue)
            if rng is None or rng[1] - rng[0] < 2:
                continue
            span = self.doc[rng[0] : rng[1]]
            start, end = span.start_char, span.end_char
            while end > start and self.text[end - 1].isspace():
                end -= 1
            if self.text[end : end + 1] == ")" and self.text.count("(", start, end) > self.text.count(")", start, end):
                end += 1  # "not rape (viol)": the parse hangs the closing bracket on the main verb
            if _words(self.text[start:end]) < 2:
                continue  # a parse fragment ("he '"), not a reported statement
            if any(s <= start and end <= e for s, e in self.terms):
                continue  # a quoted name: "a program ... called "Learning Together""
            if cue.subject is not None and rng[0] <= cue.subject.i < rng[1] and parenthetical(cue) is None:
                continue
            overlapping = [d for d in direct if d.start < end and start < d.end]
            covered = sum(min(end, d.end) - max(start, d.start) for d in overlapping)
            own = _words(self.text[start:end]) - sum(_words(self.text[d.start : d.end]) for d in overlapping)
            if covered >= 0.5 * (end - start) and own < _OWN_WORDS:
                continue  # the marks already quote it: the direct quote carries it
            kind = "mixed" if covered else "indirect"
            cand = _Candidate(start, end, kind, cue)
            if cue.subject is not None:
                # the speaker of the quote before this one is who "they said" most likely goes on with
                last = next((c for c in sorted(direct + out, key=lambda c: -c.start)
                             if c.start < start and c.speaker is not None), None)
                self.resolver.last_speaker = last.speaker if last is not None else None
                self.resolver.last_said = last.start if last is not None else -1
                cand.speaker, cand.speaker_text = self._speaker(cue)
            out.append(cand)
        return out


def find_quotes(
    doc: Doc, index: EntityIndex, resolver: SpeakerResolver | None = None, title_end: int = 0
) -> list[Quote]:
    """Direct, indirect and mixed quotes of a parsed document, in text order.

    ``title_end``: where the headline ends (0 when there is none); a headline quote with no cue
    of its own takes the speaker of the later quote it repeats.
    """
    finder = QuoteFinder(doc, index, resolver, title_end)
    text = finder.text
    direct = finder.direct()
    # a headline's reported speech ("Germany says Alexei Navalny poisoned with Novichok") sums up
    # the report's own later words: the body carries the quote
    indirect = [c for c in finder.indirect(direct) if c.start >= title_end]
    direct += finder.embedded_posts(direct)
    # a short quoted fragment inside a mixed quote is part of it, not a quote of its own
    mixed = [c for c in indirect if c.kind == "mixed"]
    direct = [
        d for d in direct
        if not (_words(text[d.start : d.end]) <= _SHORT_WORDS and any(m.start <= d.start and d.end <= m.end for m in mixed))
    ]
    quotes = []
    for n, c in enumerate(sorted(direct + indirect, key=lambda c: (c.start, c.end)), start=1):
        sent = doc.char_span(c.start, c.end, alignment_mode="expand")
        sentence = None
        if sent is not None:
            s0, s1 = sent[0].sent, sent[-1].sent
            sentence = Span(s0.start_char, s1.end_char, text[s0.start_char : s1.end_char])
        quotes.append(
            Quote(
                id=f"q{n}",
                text=text[c.start : c.end],
                start=c.start,
                end=c.end,
                kind=c.kind,  # type: ignore[arg-type]
                speaker=c.speaker,
                speaker_text=c.speaker_text,
                cue=c.cue.text if c.cue else None,
                sentence=sentence,
            )
        )
    return quotes
