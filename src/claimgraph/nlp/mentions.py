"""Collect entity mentions from a parsed Doc: the model's entities, cleaned, plus the forms
the model misses that the text itself defines (acronyms in parentheses, also-known-as names).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.symbols import PROPN  # type: ignore[import-not-found]
from spacy.tokens import Doc, Span, Token

from claimgraph.graph.names import lookup_place, singular
from claimgraph.nlp.coordinated import coordinated_parts
from claimgraph.nlp.datelines import find_datelines
from claimgraph.nlp.doc_arrays import column

from claimgraph.nlp.lexicon import (
    PERSON_NOUNS,
    country_forms,
    demonym_key,
    demonyms,
    first_name_gender,
    given_names,
    institution_nouns,
    norm,
    org_words,
    state_bodies,
    titles,
    unit_nouns,
)
from claimgraph.nlp.tokens import doc_text
from claimgraph.nlp.us_states import PARTY_CODE, abbreviated_states

# spaCy labels we keep, and how they map onto the schema's types.
LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "NORP": "NORP", "FAC": "LOC"}

_ACRONYM = r"[A-Z][A-Za-z&.\-]{0,2}[A-Z.][A-Za-z&.\-]{0,8}"
# after the name or its possessive ending: "peer Lowe’s (LOW) stock" (train), "the United Kingdom's (UK)"
_DEFINED_ACRONYM = re.compile(r"(?:['\u2019]s)?\s*[(\[](?:the\s+)?(" + _ACRONYM + r")[)\]]")
# "X, also known as Y", "X (aka Y)", "X, known as Y", "X (real name Y)", "X, better known as Y"; "X,
# also called Y", "X, known to fans as the Y", "X was born Y", "X was founded in 1991 as the Y" (train)
_AKA = re.compile(
    r"^[\s,(]*(?:also known as|a\.?k\.?a\.?|better known as|known (?:to \w+ )?as|real name|"
    r"(?:was |is )?born|née|alias|nicknamed|dubbed|(?:also|otherwise) called|"
    r"(?:was |were )?founded (?:in \d{4} )?as)\s+(?:the\s+)?",
    re.IGNORECASE,
)
# a body's other name in brackets, two or more capitalised words: its translation or its name in full
_CAPITAL = r"[A-Z][\w'\u2019\-]+"
_OTHER_NAME = re.compile(
    rf"\s*\(({_CAPITAL}(?:\s+(?:of|for|and|the|de|du|der|des|{_CAPITAL}))*\s+{_CAPITAL})\s*\)")
# a name the actor had before: "X was born Y", "X, née Y", "X was founded as Y" (not its canonical name)
_FORMER = re.compile(r"born|née|founded", re.IGNORECASE)
_CALENDAR = frozenset({"january", "february", "march", "april", "may", "june", "july", "august",
                       "september", "october", "november", "december", "monday", "tuesday", "wednesday",
                       "thursday", "friday", "saturday", "sunday"})
_NAME_RUN = re.compile(r"(?:[A-Z][\w'’\-]*\.?)(?:\s+(?:(?:bin|al|de|van|von|der|da|la|el)\s+)?[A-Z][\w'’\-]*)*")
_LEADING = {"the", "a", "an"}
# Words that lead a title ("Most Rev.", "Right Honourable") and words that make a compound title
# with the title after them ("Press Secretary", "Managing Director").
_TITLE_LEADS = {"most", "right", "very"}
_TITLE_MODIFIERS = {"press", "managing", "general", "executive", "assistant", "deputy", "vice"}
_REGNAL_TITLES = {"pope", "queen", "king", "emperor", "empress", "tsar", "sultan", "prince", "princess"}
_ROMAN = re.compile(r"(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3}|XIV|XV|XVI{1,3})")


@dataclass(slots=True)
class RawMention:
    start: int
    end: int
    text: str
    label: str
    source: str = "ner"  # ner, acronym, aka, unit


@dataclass(slots=True)
class AliasLink:
    """Two surface forms the text itself says are one actor (definition or also-known-as)."""

    first: RawMention
    second: RawMention
    kind: str  # "acronym", "aka" or "former" (the second is a name the actor had before)


def _given_name_start(doc: Doc, start: int, end: int, common_words: frozenset[str]) -> int:
    """Where a person's name of three or more words starts: at its given name when only role or
    common words stand before it ("Broadcaster Piers Morgan", "Presidential Spokesperson Harry
    Roque", "Ukraine Kurt Volker"), which the model and the extension above take in. A word that
    is a given name itself, or no dictionary word ("Nguyen Xuan Phuc"), is kept, but for a role word that
    is a given name too before a given name of a known gender ("Farmer Chad Smith")."""
    if end - start < 3:
        return start
    given = given_names()
    nxt = doc[start + 1]
    first = doc[start].lower_
    if (not is_title(first) and _role_word(first, common_words) and nxt.is_title
            and nxt.lower_ in first_name_gender()):
        return start + 1  # "Farmer Chad Smith": a role word that is a given name too, before a given name
    for k in range(start, end - 1):
        word = doc[k].lower_.rstrip(".")
        if k > start and word in given and not is_title(word) and doc[k].is_title:
            return k
        if word in given or not (is_title(word) or word in common_words or form_key_country(doc[k].text)):
            return start
    return start


def is_title(word: str) -> bool:
    """A title word before a name, in the singular or the plural ("Senators Marco Rubio and Mike
    Lee"), with or without its abbreviation's dot ("Rev.")."""
    w = word.lower().rstrip(".")
    return w in titles() or w.endswith("s") and w[:-1] in titles()


def _person_start(doc: Doc, start: int, end: int) -> bool:
    """Whether the token at ``start`` is a title (or a word that leads one, "Most Rev.") before a
    person's name."""
    word = doc[start].lower_
    return is_title(word) or word in _TITLE_LEADS and start + 1 < end and is_title(doc[start + 1].lower_)


def _clean(span: Span, label: str, common_words: frozenset[str] = frozenset()) -> tuple[int, int] | None:
    """Token range of an entity without determiners, titles, possessive 's and punctuation."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end - 1 and (
        label == "PERSON" and _person_start(doc, start, end) or doc[start].lower_ in _LEADING
    ):
        if label == "PERSON" and _regnal(doc, start, end):
            break  # "Pope Francis", "Queen Elizabeth II": a sovereign's title is part of the name
        start += 1
    for i in range(start + 1, end):
        if doc[i].text in "([":
            end = i  # "National Hurricane Center (NHC": the acronym is read as its own form
            break
    if label == "ORG":
        end = _drop_trailing_title(doc, start, _extend_name(doc, end))
        # a description the model took in before the name: "Beauty company Coty" (train)
        kinds = [t.i for t in doc[start : end - 1] if t.is_lower and t.lower_ in org_words("beside")]
        if kinds and all(t.text[:1].isupper() for t in doc[kinds[-1] + 1 : end]):
            start = kinds[-1] + 1
    elif label == "PERSON":
        start, end = _extend_person(doc, start, end)
        start = _given_name_start(doc, start, end, common_words)
        while (end - start > 1 and doc[end - 1].is_lower and doc[end - 1].is_alpha
               and doc[end - 2].whitespace_):
            end -= 1  # "Beto O'Rourke supporter": a name's words are capitalised (not "Chan-o-cha")
        while end - start > 1 and _figure(doc[end - 1]):
            end -= 1  # "placed Humberto 75 miles north", "beat Gael Monfils 7-5": no name ends in a figure
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    end = _before_running_words(doc, start, end)
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    if start >= end or label == "PERSON" and all(t.lower_.rstrip(".") in titles() for t in doc[start:end]):
        return None  # nothing but titles: "Deputy Prime Minister"
    return _after_sentence_word(doc, start, end, common_words), end


def _after_sentence_word(doc: Doc, start: int, end: int, common_words: frozenset[str]) -> int:
    """Where a name starts that a sentence's first word, capitalised as the first, was run into: a
    verb, auxiliary or adverb, or a dictionary word the tagger does not read as a proper noun or the
    report writes in lower case ("Ousted WeWork CEO Adam Neumann", "Should Nostrand Houses elect",
    "Make Trump just go away", train). The word is no part of the name when the report writes the
    name without it elsewhere (not after the word) and never writes the two together inside a
    sentence; a given name, a title, a place's or a nationality's word is kept ("Scooter Braun" ...
    "Braun": a given name no list holds)."""
    first = doc[start]
    word = first.lower_
    if (end - start < 2 or not first.is_sent_start or not common_words or not first.is_title
            or word not in common_words and word not in STOP_WORDS and first.pos_ not in ("VERB", "AUX", "ADV")
            or word in given_names()
            or is_title(word) or demonym_key(word) in demonyms() or not doc[start + 1].text[:1].isupper()):
        return start
    whole, rest = doc[start:end].text, doc[start + 1 : end].text
    if demonym_key(whole) in demonyms() or any(
            lookup_place(form) is not None or form_key_country(form) for form in (whole, first.text)):
        return start  # "South Korean thriller", "U.S. House"
    text = doc_text(doc)
    if first.tag_ in ("NNP", "NNPS") and not re.search(rf"\b{re.escape(word)}\b", text):
        return start  # "Scooter Braun" ... "Braun": a given name no list holds, unless written in lower case
    uses = [m.start() for m in re.finditer(rf"(?<![\w.]){re.escape(rest)}(?!\w)", text)]
    alone = [i for i in uses if not text[:i].rstrip().endswith(first.text)]
    inside = [i for i in uses if i != doc[start + 1].idx and text[:i].rstrip().endswith(first.text)
              and not _opens_sentence(doc, i - len(first.text) - 1)]
    return start + 1 if alone and not inside else start


def _opens_sentence(doc: Doc, char: int) -> bool:
    """Whether the token at or after ``char`` starts a sentence."""
    span = doc.char_span(max(char, 0), max(char, 0) + 1, alignment_mode="expand")
    return span is None or bool(span[0].is_sent_start)


# lower-case words that need a name's part after them ("Bank of America", "Musée d'Orsay"): a name the
# model ended on one was cut short, not run on ("the Pueblo of" of "the Pueblo of Laguna Indian tribe")
_PART_JOINS = frozenset({"of", "for", "the", "de", "du", "des", "la", "le", "les", "von", "van", "der", "den",
                         "da", "di", "del", "al", "el", "bin"})


def _before_running_words(doc: Doc, start: int, end: int) -> int:
    """Where a name ends that the model ran on into the words after it: before a preposition,
    conjunction or article in lower case after which only lower-case words and pronouns follow
    ("University of Washington for law school", "Martha's Vineyard and I", "the Musée Guimet and",
    train), unless it ends the name and needs a part after it ("Pueblo of")."""
    for i in range(start + 1, end):
        tok = doc[i]
        if not tok.is_lower or tok.pos_ not in ("ADP", "CCONJ", "SCONJ", "DET") or not doc[i - 1].whitespace_:
            continue
        rest = doc[i + 1 : end]
        if all(t.is_lower or t.pos_ == "PRON" or t.is_punct for t in rest) and (
                len(rest) > 0 or tok.lower_ not in _PART_JOINS):
            return i
    return end


def _figure(tok: Token) -> bool:
    """A number or a score ("75", "7-5" in its three tokens): digits and punctuation, no letters."""
    if any(c.isalpha() for c in tok.text):
        return False
    return any(c.isdigit() for c in tok.text) or tok.is_punct and tok.i > 0 and tok.nbor(-1).is_digit


def _drop_trailing_title(doc: Doc, start: int, end: int) -> int:
    """An organisation's name without the title of one of its people after it: "House of Commons
    Speaker", "White House Press Secretary", "Congress President" (train and dev reports), when a
    person's name (or what the title is "of") follows, the title is that person's; with no one named
    after it, when what is left names a body by its head noun ("the Iranian Chess Federation
    President announced") or the title is an abbreviation in capitals ("The Minnesota Vikings QB said").
    Else the title word is the name's ("Burger King said", "Best Actor at").
    A title that a preposition governs is part of the name ("Office of the President")."""
    cut = end
    while cut - start > 1 and (doc[cut - 1].lower_.rstrip(".") in titles() or doc[cut - 1].text in _HYPHENS
                               and cut - start > 2 and doc[cut - 2].lower_ in titles()):
        cut -= 1  # "NATO Secretary-General": both words of a hyphened title
    if cut == end or doc[cut - 1].lower_ in ("of", "the", "for", "to"):
        return end
    if cut - start > 1 and doc[cut - 1].lower_ in _TITLE_MODIFIERS:
        cut -= 1  # "Press Secretary"
    while cut - start > 1 and doc[cut - 1].lower_ in ("and", "&", ","):
        cut -= 1  # "Barmouth Publicity and Director" of Mid Wales Tourism Partnership
    someone = end < len(doc) and (_names_person(doc[end]) or doc[end].lower_ == "of")
    # a title written as an abbreviation in capitals ("Minnesota Vikings QB", "Apple CEO") is no word of
    # a body's name: its holder's, named or not
    abbreviated = doc[cut].text.rstrip(".").isupper() and len(doc[cut].text) > 1
    return cut if someone or abbreviated or doc[cut - 1].lower_ in _body_heads() else end


@functools.cache
def _body_heads() -> frozenset[str]:
    """Head nouns that end an organisation's name: "Federation", "Council", "Congress"."""
    return frozenset(org_words("head") | institution_nouns() | state_bodies() | unit_nouns())


def _names_person(tok: Token) -> bool:
    """Whether a person's name starts at ``tok``: the model's, or a capitalised proper noun."""
    return tok.ent_type_ == "PERSON" or tok.pos_ == "PROPN" and tok.is_title


_HYPHENS = {"-", "\u2010", "\u2011"}


def _regnal(doc: Doc, start: int, end: int) -> bool:
    """A sovereign's or pope's title before one regnal name (and its number)."""
    rest = [t for t in doc[start + 1 : end] if not _ROMAN.fullmatch(t.text)]
    return doc[start].lower_ in _REGNAL_TITLES and len(rest) == 1 and rest[0].is_title


def _name_word(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and tok.is_title and not tok.ent_type_ and tok.lower_.rstrip(".") not in titles()


def _extend_person(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Take in the name words the model cut off: "Graciano" + "Mijares", "Arnel" + "dela Vega",
    "Elizabeth" + "II"."""
    if end < len(doc) and _ROMAN.fullmatch(doc[end].text) and doc[end - 1].whitespace_:
        end += 1
    if start > 0 and doc[start - 1].is_title and _regnal(doc, start - 1, end):
        start -= 1
    for _ in range(2):
        if end < len(doc) and _name_word(doc[end]) and doc[end - 1].whitespace_ != "":
            end += 1
        if start > 0 and _name_word(doc[start - 1]) and doc[start - 1].whitespace_:
            start -= 1
    return start, end


def _extend_name(doc: Doc, end: int) -> int:
    """Carry an organisation's name over a following run of capitalised words the model cut off:
    "Office of the UN" + "High Commissioner for Human Rights"."""
    i = end
    last = end
    while i < len(doc) and i - end < 8:
        tok = doc[i]
        if tok.is_title and tok.pos_ == "PROPN" and not tok.ent_type_ or tok.text == "-":
            last = i + 1
        elif tok.lower_ not in ("of", "for", "and", "the") or tok.ent_type_:
            break
        i += 1
    return _before_office(doc, end, last)


# Words for an office that end a run of capitalised words after a body's name: the run is the title
# of someone in the body, not more of its name ("the Senate Majority Leader", "PAHO Director", "a
# Labour Member of Parliament", train), besides the titles before a name (`titles()`).
_OFFICES = frozenset({"leader", "member", "head", "official", "commandant", "magistrate", "dean", "whip"})
_OFFICE_MODIFIERS = _TITLE_MODIFIERS | {"majority", "minority", "chief", "senior", "principal"}


def _before_office(doc: Doc, end: int, last: int) -> int:
    """Where the words carried over after a body's name (``end`` to ``last``) end once an office's
    title at their end is left out, with the words that make it a compound title ("Majority Leader",
    "Public Works Director" keeps "Public Works"). A title that a preposition or article governs is
    the name's ("Office" + "of the President")."""
    cut = last

    def office(i: int) -> bool:
        return doc[i].lower_ in _OFFICES or is_title(doc[i].lower_) and not doc[i].lower_.endswith("s")

    while cut > end and (office(cut - 1) or doc[cut - 1].text in _HYPHENS and cut - 1 > end and office(cut - 2)):
        cut -= 1  # "NATO Secretary-General Jens Stoltenberg" (train): both words of a hyphened title
    if cut == last or cut > 0 and doc[cut - 1].lower_ in ("of", "the", "for", "to"):
        return last
    while cut > end and doc[cut - 1].lower_ in _OFFICE_MODIFIERS:
        cut -= 1
    while cut > end and doc[cut - 1].lower_ in ("and", "&", ",", "-"):
        cut -= 1  # "Barmouth Publicity and Director" of Mid Wales Tourism Partnership (train)
    return cut


def form_key_country(text: str) -> bool:
    """Whether a name is one of a country's names in the demonym table."""
    return norm(text) in country_forms()


# A US lawmaker's party and state after the name ("Sen. Ben Sasse, R-Neb.", "D-N.Y.", "I-Vt."): a
# label in the American press's house style, not a place or a person.
_PARTY_STATE = re.compile(r"[RDI]-[A-Z][A-Za-z.]*")


def _keep(text: str, label: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 2 or not any(c.isupper() for c in text) or _PARTY_STATE.fullmatch(text):
        return False
    if text.isupper() and text.lower() in titles():
        return False  # "former CEO": a title, not a name
    return not (label == "PERSON" and text.isupper() and len(text) <= 3)


def _joined(doc: Doc) -> list[Span]:
    """The model's entities, with two joined into one where the model split one name: across a
    hyphen ("Islamic Revolutionary Guard Corps-Quds Force") or a proper-noun word tagged NORP
    before an organisation ("Kataeb Hezbollah")."""
    out: list[Span] = []
    text = doc_text(doc)
    for ent in doc.ents:
        prev = out[-1] if out else None
        between = text[prev.end_char : ent.start_char] if prev is not None else ""
        if ent.label_ == "ORG":
            ent = _with_name_before(doc, ent)
            ent = _office_of_title(doc, ent)
            while out and out[-1].start >= ent.start:  # "U.S." of "U.S. Attorney's Office" (a place in it)
                out.pop()
            prev = out[-1] if out else None
            between = text[prev.end_char : ent.start_char] if prev is not None else ""
        if prev is not None and ent.label_ == "ORG" and (
            text[prev.end_char : ent.start_char] == "-"
            # "the Tunisian League for the Defence of Human Rights": one name the model cut in two
            or prev.label_ == "ORG" and between in (" for the ", " of the ", " for ") and doc[ent.start].is_title
            or prev.label_ == "NORP" and prev.end == ent.start and doc[prev.start].pos_ == "PROPN"
            and text[prev.end_char : ent.start_char] == " "
        ):
            out[-1] = Span(doc, prev.start, ent.end, label="ORG")
        elif prev is not None and _name_goes_on(prev, ent, between):
            out[-1] = Span(doc, prev.start, ent.end, label="ORG")
        else:
            out.append(ent)
    return out


def _name_goes_on(prev: Span, ent: Span, between: str) -> bool:
    """An organisation's acronym the model cut before capitalised words it took for a person's, with
    no given name among them: "BMJ" + "Case Reports" (train, twice; not "Republican" + "Cory Gardner")."""
    return (prev.label_ == "ORG" and len(prev) == 1 and _ALL_CAPS.fullmatch(prev.text) is not None
            and ent.label_ == "PERSON" and between == " "
            and all(t.is_title and t.lower_ not in given_names() for t in ent))


def _with_name_before(doc: Doc, ent: Span) -> Span:
    """An organisation's name with the words before it the model left out: a capitalised plural
    noun's possessive ("People's Liberation Army", "Workers' Party") and a country before a body
    of it ("US Air Force": the place stays a mention of its own, see ``leading_places``)."""
    start = ent.start
    if (start >= 2 and doc[start - 1].tag_ == "POS" and doc[start - 2].tag_ == "NNPS"
            and doc[start - 2].is_title and not doc[start - 2].ent_type_):
        start -= 2
    elif (start >= 1 and not doc[start - 1].ent_type_ and doc[start - 1].whitespace_
          and form_key_country(doc[start - 1].text) and ent[-1].lower_ in _body_heads()):
        start -= 1
    return ent if start == ent.start else Span(doc, start, ent.end, label=ent.label_)


def _office_of_title(doc: Doc, ent: Span) -> Span:
    """An office named by its holder's title, which the model cut after the possessive: "the U.S.
    Attorney's Office for the Western District of New York" gave "Office for the Western District
    of New York" (train); the title and the capitalised words before it (a place) belong to it."""
    start = ent.start
    if not (start >= 2 and ent[0].lower_ in _body_heads() and doc[start - 1].tag_ == "POS"
            and doc[start - 2].is_title and doc[start - 2].lower_ in titles()):
        return ent
    start -= 2
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper():
        start -= 1
    return Span(doc, start, ent.end, label=ent.label_)


def _list_items(ent: Span) -> list[Span]:
    """An organisation's name the model ran across a comma of a list it stands in: "Astrobotic,
    Deep Space Systems, Draper, Firefly Aerospace, Intuitive Machines" gave "Draper, Firefly
    Aerospace" (dev): a list's comma stands both before and after it. A name with a comma inside
    that stands alone, whatever follows it, stays whole ("from University of California, Los
    Angeles, Munk was", "Stavanger Airport, Sola")."""
    doc = ent.doc
    if ent.label_ != "ORG" or ent.end >= len(doc) or doc[ent.end].text != "," or not any(
            t.text == "," for t in ent[1:-1]) or ent.start == 0 or doc[ent.start - 1].text != ",":
        return [ent]
    out, start = [], ent.start
    for t in ent[1:]:
        if t.text == ",":
            out.append(Span(doc, start, t.i, label="ORG"))
            start = t.i + 1
    return [*out, Span(doc, start, ent.end, label="ORG")]


def model_mentions(doc: Doc, common_words: frozenset[str] = frozenset()) -> list[RawMention]:
    """The model's entities (and the unit ruler's), cleaned of determiners and possessives.

    ``common_words``: the language's dictionary words (nouns and adjectives), which tell a role
    before a name from a name ("Assemblywoman Selena Torres")."""
    out = []
    items = (item for joined in _joined(doc) for item in _list_items(joined))
    for ent in (part for item in items for part in coordinated_parts(item)):
        label = LABELS.get(ent.label_)
        if label is None:
            continue
        if label == "ORG":
            # an organisation label on "Assemblywoman Selena Torres" or "Cardinal Marc Ouellet" (of
            # the Holy See): a person after a role, read before the name is carried on
            given = _given_name_start(doc, ent.start, ent.end, common_words)
            body = any(t.lower_ in _body_words() for t in doc[given : ent.end])
            if given > ent.start and ent.end - given in (2, 3) and not body and _roles(doc[ent.start : given], common_words):
                label, ent = "PERSON", doc[given : ent.end]
                out += _body_after_of(doc, ent.end)
            elif (of := _person_of(doc, ent)) is not None:
                label, ent = "PERSON", doc[ent.start : of]
                out += _body_after_of(doc, of)
            elif (named := _name_after_body_title(doc, ent.start, ent.end, common_words)) is not None:
                out += _body_before_title(doc, ent.start, named, common_words)
                label, ent = "PERSON", doc[named : ent.end]
        if label == "PERSON" and len(ent) > 1 and ent[-1].lower_ in org_words("head"):
            label = "ORG"  # "Deep Space Systems", "Masten Space Systems" tagged as people (dev)
        elif label in ("PERSON", "GPE", "LOC") and len(ent) > 1 and ent[-1].lower_ in org_words("press"):
            label = "ORG"  # "Sacramento Bee" tagged a person, "Chicago Tribune" a place
        if label == "ORG":
            ent = _without_role(ent)
        rng = _clean(ent, label, common_words)
        if rng is None:
            continue
        if label == "PERSON" and (named := _name_after_body_title(doc, *rng, common_words)) is not None:
            rng = (named, rng[1])
        if label == "ORG" and rng[1] < ent.end and form_key_country(doc[rng[0] : rng[1]].text):
            label = "GPE"  # a country before a title the model took in: "U.S. Magistrate Judge ..." (train)
        for span, part_label in _split_possessive(doc[rng[0] : rng[1]], label):
            text = span.text
            if text.endswith(("'s", "’s")):
                text = text[:-2]
            if _keep(text, part_label) and not _capitalised_word(span):
                out.append(RawMention(span.start_char, span.start_char + len(text), text, part_label))
    _rejoin_hyphenated(doc_text(doc), out)
    return out


# endings of nouns for a person by what they do ("broadcaster", "podcaster", "assemblywoman", "novelist")
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "man", "woman", "ant", "ent")


def _roles(words: Span, common_words: frozenset[str]) -> bool:
    """Whether the words before a given name inside an organisation's label can be a person's role:
    no dictionary word among them but titles, nouns for people and a country's name ("Assemblywoman",
    "Presidential Spokesperson", "Ukraine", a player's position "F"), not the first words of a body's
    name that holds a given name ("Southern" of the "Southern Christian Leadership Conference",
    "Port" of "Port Gamble S'Klallam Singers", train)."""
    return all(len(t) <= 2 or t.lower_ not in common_words or is_title(t.lower_) or t.lower_ in PERSON_NOUNS
               or form_key_country(t.text) or t.lower_.endswith(_AGENT_ENDINGS) for t in words)


def _without_role(ent: Span) -> Span:
    """An organisation's name without a job title the model took in before it ("Founder of Ceres
    Robotics Inc.", "Head of Research at ICICI Securities", "Head of Platform Solutions for Ascom"):
    after the title's 'of', the body one works 'at', or the unit before 'for'."""
    if len(ent) < 3 or not (ent[0].lower_ in titles() or ent[0].lower_ == "head") or ent[1].lower_ != "of":
        return ent
    rest = ent[2:]
    at = [t.i for t in rest if t.lower_ == "at"]
    if at and at[0] + 1 < ent.end:
        return ent.doc[at[0] + 1 : ent.end]
    cut = [t.i for t in rest if t.lower_ == "for"]
    end = cut[0] if cut and cut[0] > rest.start else ent.end
    return ent.doc[rest.start : end]


def _role_word(word: str, common_words: frozenset[str]) -> bool:
    """A title or a noun for what a person does, the last word of a role before a name."""
    return is_title(word) or word in PERSON_NOUNS or word in common_words and word.endswith(_AGENT_ENDINGS)


def _name_after_body_title(doc: Doc, start: int, end: int, common_words: frozenset[str]) -> int | None:
    """Where a person's name starts that the model took in with the body and the role before it, all
    capitalised: "Fed Chair Janet Yellen" (train), "NASA Administrator Bill Nelson": a given name after
    a role word, with at least one more name word after it. None if the span is no such."""
    given = given_names()
    for k in range(start + 2, end - 1):
        word = doc[k].lower_
        if word in given and doc[k].is_title and not is_title(word):
            words = doc[start:end]
            if (_role_word(doc[k - 1].lower_, common_words) and doc[k - 1].is_title
                    and all(t.is_title or t.is_upper for t in words)
                    and not any(t.lower_ in _body_words() for t in doc[k:end])):
                return k
            return None
    return None


def _body_before_title(doc: Doc, start: int, given: int, common_words: frozenset[str]) -> list[RawMention]:
    """The body's name before a role and a person's name ("Fed" of "Fed Chair Janet Yellen"): the
    capitalised words before the run of role words, as an organisation."""
    end = given
    while end > start and (_role_word(doc[end - 1].lower_, common_words)
                           or doc[end - 1].lower_ in _OFFICE_MODIFIERS):
        end -= 1
    if end == start:
        return []
    span = doc[start:end]
    return [RawMention(span.start_char, span.end_char, span.text, "ORG")] if _keep(span.text, "ORG") else []


def _capitalised_word(span: Span) -> bool:
    """A common word capitalised as a sentence's first ("Next steps will be divulged ..."): spaCy's
    stop words (a name such as "May" elsewhere in a sentence is kept)."""
    return len(span) == 1 and bool(span[0].is_sent_start) and span[0].is_title and span[0].lower_ in STOP_WORDS


def _person_of(doc: Doc, ent: Span) -> int | None:
    """Where "of" follows a person's name that the model took in with the body after it, as one
    organisation: "Penelope Muse Abernathy of the University of North Carolina" (a given name, then
    one or two more capitalised words, none of them an organisation's)."""
    for of in range(ent.start + 2, min(ent.start + 4, ent.end - 1)):
        if doc[of].lower_ == "of":
            name = doc[ent.start : of]
            body = _body_words() | _body_heads()
            if (name[0].lower_ in given_names() and all(t.is_title for t in name)
                    and lookup_place(name[0].text) is None and not form_key_country(name[0].text)
                    and not any(t.lower_ in body for t in name)):
                return of
            return None
    return None


def _body_after_of(doc: Doc, end: int) -> list[RawMention]:
    """The organisation a person is "of" when the model took the two for one organisation's name:
    "Cardinal Marc Ouellet of the Holy See" (dev)."""
    if end >= len(doc) or doc[end].lower_ != "of":
        return []
    start = end + 1 + (end + 1 < len(doc) and doc[end + 1].lower_ == "the")
    last = start
    while last < len(doc) and last - start < 8 and (
        doc[last].is_title and doc[last].pos_ == "PROPN"
        or doc[last].lower_ in ("of", "for", "and") and last + 1 < len(doc) and doc[last + 1].is_title
    ):
        last += 1
    if last == start:
        return []
    span = doc[start:last]
    return [RawMention(span.start_char, span.end_char, span.text, "ORG", "ner")]


def _rejoin_hyphenated(text: str, mentions: list[RawMention]) -> None:
    """A person's name the model cut at a hyphen ("Park Won" of "Park Won-soon's body") that the
    report writes whole elsewhere takes its hyphenated part back; a word joined to a name
    ("Bernie Sanders-backed") is no part of it, as no mention writes it whole."""
    whole = {m.text for m in mentions if m.label == "PERSON"}
    for m in mentions:
        tail = _HYPHEN_TAIL.match(text, m.end) if m.label == "PERSON" else None
        if tail is None:
            continue
        ends = [m.end + p.end() for p in _HYPHEN_PART.finditer(tail.group(0))]
        end = next((e for e in reversed(ends) if m.text + text[m.end : e] in whole), None)
        if end is not None:  # the longest written whole: "Prayuth Chan" of "Prayuth Chan-o-cha"
            m.text += text[m.end : end]
            m.end = end


def _split_possessive(span: Span, label: str) -> list[tuple[Span, str]]:
    """An organisation named inside another's possessive is two entities: "the Defense
    Ministry's Main Directorate of Intelligence" is the ministry and its directorate (the
    relation step links them with part_of); "Ukraine's Security Service" is a state and a body."""
    if label != "ORG":
        return [(span, label)]
    cut = next((t for t in span[1:-1] if t.tag_ == "POS" and t.text in ("'s", "\u2019s")), None)
    if cut is None or not span.doc[cut.i + 1].is_title:
        return [(span, label)]
    owner, body = span.doc[span.start : cut.i], span.doc[cut.i + 1 : span.end]
    country = form_key_country(owner.text)
    named = owner[-1].lower_ in _owner_words() \
        or len(owner) == 1 and _ALL_CAPS.fullmatch(owner.text) is not None
    if not country and not named:
        return [(span, label)]  # "Gen. Santos Doctors' Hospital", "McDonald's Corporation": one name
    owner_label = "GPE" if country else "ORG"
    return [(owner, owner_label), (body, "ORG")]


_ALL_CAPS = re.compile(r"[A-Z][A-Z0-9]{1,5}")
_NONSPACE = re.compile(r"\S+")


@functools.cache
def _body_words() -> frozenset[str]:
    """Nouns that make a name a body's, not a person's."""
    return frozenset(org_words("beside") | institution_nouns() | unit_nouns())


@functools.cache
def _owner_words() -> frozenset[str]:
    """Head nouns of a body that owns another name in its possessive."""
    return frozenset(institution_nouns() | unit_nouns() | org_words("head"))


_HYPHEN_PART = re.compile(r"[-\u2010\u2011][^\W\d_]+")
_HYPHEN_TAIL = re.compile(rf"(?:{_HYPHEN_PART.pattern})+")


def unlabelled_names(doc: Doc, common_words: frozenset[str] = frozenset()) -> list[RawMention]:
    """Proper-noun runs the model left unlabelled that the syntax shows to be actors: an
    organisation beside an organisation noun, or a two- or three-word name that speaks or acts
    (a subject, or in apposition): "Alexis Boon, the head of ..., said"."""
    out = []
    i = 0
    named, plus = _unlabelled_proper_nouns(doc), _plus_words(doc)
    while i < len(doc):
        if i in plus and _ALL_CAPS.fullmatch(doc[i].text[:-1]) and not doc[i].ent_type_:
            # a service named by its company's acronym and a plus, whatever its tag ("its ESPN+ app", train)
            out.append(RawMention(doc[i].idx, doc[i].idx + len(doc[i]), doc[i].text, "ORG", "syntax"))
        if not named[i]:
            i += 1
            continue
        j = i
        while j < len(doc) and named[j]:
            j += 1
        span = doc[i:j]
        if len(span) == 1 and _ALL_CAPS.fullmatch(span.text) and span.text.lower() not in titles():
            # an acronym the model left untagged ("the YPG", "TVN24 reported") names an organisation
            out.append(RawMention(span.start_char, span.end_char, span.text, "ORG", "syntax"))
            i = j
            continue
        i = _after_sentence_word(doc, i, j, common_words)  # "Make Trump just go away" (train)
        span = doc[i:j]
        before = doc[i - 1].lower_ if i > 0 else ""
        after = doc[j].lower_ if j < len(doc) else ""
        if _regnal(doc, i, j):
            out.append(RawMention(span.start_char, span.end_char, span.text, "PERSON", "syntax"))
        elif (before in org_words("beside") or after in org_words("beside") or _team(doc, i, j)
              or j - i >= 2 and doc[j - 1].lower_ in org_words("head")):  # "at Kotak Securities" (train)
            out.append(RawMention(span.start_char, span.end_char, span.text, "ORG", "syntax"))
        elif (
            2 <= len(span) <= 3
            and span.root.dep_ in ("nsubj", "nsubjpass")
            and all(t.is_title for t in span)
            and not any(t.lower_ in titles() for t in span)
        ):
            span = doc[_given_name_start(doc, i, j, common_words) : j]  # "Broadcaster Piers Morgan"
            out.append(RawMention(span.start_char, span.end_char, span.text, "PERSON", "syntax"))
        i = j
    return out


def _unlabelled_proper_nouns(doc: Doc) -> list[bool]:
    """Per token: a capitalised proper noun the model left unlabelled, read off the Doc's arrays."""
    return [p == PROPN and bool(title or upper) and not ent for p, title, upper, ent in zip(
        column(doc, "POS"), column(doc, "IS_TITLE"), column(doc, "IS_UPPER"), column(doc, "ENT_TYPE"))]


def _plus_words(doc: Doc) -> set[int]:
    """The tokens whose text ends with "+", found among the Doc's distinct words."""
    if "+" not in doc_text(doc):
        return set()
    orth, strings = column(doc, "ORTH"), doc.vocab.strings
    ends = {o for o in set(orth) if strings[o].endswith("+")}
    return {i for i, o in enumerate(orth) if o in ends}


def _team(doc: Doc, i: int, j: int) -> bool:
    """A plural name after 'the' inside a sentence, no people's nor a place's: a team or band ("while
    he was with the Rockets", train)."""
    tok = doc[i]
    return (j == i + 1 and i > 0 and doc[i - 1].lower_ == "the" and not doc[i - 1].is_sent_start
            and tok.tag_ == "NNPS" and tok.is_title and demonym_key(singular(tok.lower_)) not in demonyms()
            and lookup_place(tok.text) is None and not form_key_country(tok.text))


def headline_names_in_body(text: str, title_end: int, mentions: list[RawMention]) -> list[RawMention]:
    """The mentions, without those of a headline in title case ("6th Fatality Linked To Eastern
    Equine Encephalitis Reported": every word of four letters or more capitalised) whose words the
    body never writes: the model reads names into such a headline that are none."""
    words = re.findall(r"[^\W\d_]{4,}", text[:title_end])
    if len(words) < 4 or not all(w[0].isupper() for w in words):
        return mentions
    body = text[title_end:]
    return [m for m in mentions if m.start >= title_end or m.text in body]


def dateline_mentions(text: str, mentions: list[RawMention]) -> list[RawMention]:
    """``mentions`` with every dateline's names read as the wire writes them: the place (and its
    region) a GPE, the agency an organisation, and whatever the tagger made of the line's words
    ("WASHINGTON (AP" as one organisation, "HANOI" a person) dropped. A place alone before the dash
    is kept only where the tagger found a name in it."""
    for line in find_datelines(text):
        tagged = [m for m in mentions if m.start < line.end and m.end > line.start]
        if not tagged and line.region is None and line.agency is None:
            continue
        mentions = [m for m in mentions if m not in tagged]
        parts = [(line.place, "GPE")] if line.place else []
        if line.region and any(m.start < line.region[1] and m.end > line.region[0] for m in tagged):
            parts.append((line.region, "GPE"))
        if line.agency:
            parts.append((line.agency, "ORG"))
        mentions += [RawMention(a, b, text[a:b], label, "dateline") for (a, b), label in parts]
    return mentions


def state_abbreviations(text: str, mentions: list[RawMention]) -> list[RawMention]:
    """``mentions`` with each US state written as an abbreviation after a place or in a party code
    ("Hayward, Calif.", "Rep. Ilhan Omar (D-Minn.)") a GPE mention of its own; the model's mention
    of a party code ("D-Minn.") gives way to it."""
    out = list(mentions)
    for start, end, _state in abbreviated_states(text):
        over = [m for m in out if m.start < end and start < m.end]
        if any(m.start <= start and end <= m.end and not PARTY_CODE.fullmatch(m.text) for m in over):
            for m in over:
                if (m.start, m.end) == (start, end):
                    m.label = "GPE"
            continue  # the model's own mention ("Calif.", "Orange County, Calif.")
        out = [m for m in out if m not in over]
        out.append(RawMention(start, end, text[start:end], "GPE", "state"))
    return out


def common_word_before_surname(
    text: str, mentions: list[RawMention], common_words: frozenset[str]
) -> list[RawMention]:
    """A two-word person's name written once, whose first word is no given name but a dictionary
    word the report also writes in lower case, while it names someone else of that surname with a
    given name, is that surname after a word of a title-cased headline ("House Hitler was born in
    ..." beside "Adolf Hitler" and "the house"): the mention keeps the surname alone. ("Hunter
    Biden" and "Ginger Baker" recur, and "hunter" or "ginger" are not written.)"""
    given = given_names()
    surnames = {words[-1] for m in mentions if m.label == "PERSON" and len(words := m.text.split()) >= 2
                and words[0].casefold() in given}
    times = Counter(m.text for m in mentions)
    out = []
    for m in mentions:
        words = m.text.split()
        if (m.label == "PERSON" and len(words) == 2 and words[1] in surnames and times[m.text] == 1
                and words[0].isalpha() and words[0].casefold() in common_words
                and words[0].casefold() not in given and re.search(rf"\b{words[0].lower()}\b", text)):
            at = m.end - len(words[1])
            m = RawMention(at, m.end, words[1], m.label, m.source)
        out.append(m)
    return out


def relabel_people(doc: Doc, mentions: list[RawMention]) -> None:
    """Give PERSON to a two- or three-word name the model called something else when the
    parse puts it in apposition with a noun for a person, or a title modifies it ("executive chair
    Marcelo Claure")."""
    for m in mentions:
        if m.label == "PERSON" or not 2 <= len(m.text.split()) <= 3 or form_key_country(m.text):
            continue  # "United States senator ... Robert F. Kennedy" parsed with the senator in apposition
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not all(t.is_title for t in span):
            continue
        root = span.root
        # a title's words written out in brackets after it ("Finals MVP (Most Valuable Player)") name no holder
        bracketed = any(c.text in "([" for c in root.children if c.i < span.start)
        partners = [root.head] if root.dep_ == "appos" and not bracketed else []
        partners += [c for c in root.children if c.dep_ == "appos"]
        titled = [c for c in root.children if c.dep_ == "compound" and c.i < span.start and c.lower_ in titles()]
        if titled or any(p.lemma_.lower() in PERSON_NOUNS or p.lower_ in titles() for p in partners):
            m.label = "PERSON"


def relabel_company_names(mentions: list[RawMention]) -> None:
    """Give ORG to a one-word name the model called a person or a place when the report also writes
    it before a company's legal form or suffix ("Gannett" of "Gannett Co.", "Disney" of "Walt Disney
    Co."), no person's full name ends in it ("Gerald Ford" keeps "Ford" a person's) and it is no
    country's or region's name."""
    endings = org_words("legal") | org_words("suffix")
    named = [words for m in mentions if m.label == "ORG" for words in [m.text.split()]
             if len(words) >= 2 and words[-1].lower().rstrip(".") in endings]
    companies = {words[-2].rstrip(",") for words in named}  # "Dräger, Inc."
    # the name without its legal form ("Ceres Robotics" of "Ceres Robotics Inc.", train) and the first
    # word of a longer one that is no given name ("Tyvak" of "Tyvak Nano-Satellite Systems Inc", train)
    legal = [words for words in named
             if len(words) >= 3 and words[-1].lower().rstrip(".") in org_words("legal")]
    companies |= {" ".join(words[:-1]).rstrip(",") for words in legal}
    companies |= {words[0] for words in legal if words[0].lower() not in given_names()}
    surnames = {m.text.split()[-1] for m in mentions if m.label == "PERSON" and " " in m.text}
    for m in mentions:
        if m.label in ("PERSON", "GPE", "LOC") and m.text in companies and m.text not in surnames and (
                m.label == "PERSON" or lookup_place(m.text) is None):
            m.label = "ORG"


def _mention_at(text: str, start: int, label: str, source: str) -> RawMention | None:
    m = _NAME_RUN.match(text, start)
    if not m:
        return None
    value = m.group(0).rstrip(".’'")
    return RawMention(start, start + len(value), value, label, source) if value else None


def _initial_letters(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper())


def _place_after_of(name: str, acronym: str) -> bool:
    """Whether an acronym after "X of Y (ACR)" is the initials of the place Y only ("the Parliament of
    New South Wales (NSW)", train): the place's, not the body's."""
    head, of, place = name.partition(" of ")
    letters = acronym.replace(".", "")
    return bool(of) and letters == _initial_letters(place.split()) != _initial_letters(name.split()) and (
        lookup_place(place) is not None or form_key_country(place))


def defined_forms(text: str, mentions: list[RawMention]) -> tuple[list[RawMention], list[AliasLink]]:
    """Acronyms defined in parentheses and also-known-as names, linked to the mention they name.

    Returns the new mentions (forms the model did not tag) and the links between forms.
    """
    by_start = {m.start: m for m in mentions}
    new: list[RawMention] = []
    links: list[AliasLink] = []
    for m in mentions:
        after = text[m.end : m.end + 60]
        acr = _DEFINED_ACRONYM.match(after) if m.source != "dateline" else None  # "HANOI (AP) —"
        if acr and PARTY_CODE.fullmatch(acr.group(1)):
            continue  # "Rep. Ilhan Omar (D-Minn.)": her party and state, no second name
        if acr and m.label in ("ORG", "GPE", "LOC", "NORP", "PERSON") and acr.group(1) != m.text:
            start = m.end + acr.start(1)
            place = _place_after_of(m.text, acr.group(1))
            other = by_start.get(start) or RawMention(start, m.end + acr.end(1), acr.group(1),
                                                      "GPE" if place else m.label, "acronym")
            if other.start not in by_start:
                new.append(other)
                by_start[other.start] = other
            if not place:
                links.append(AliasLink(m, other, "acronym"))
            continue
        other_name = _OTHER_NAME.match(after) if m.label == "ORG" else None
        if other_name:  # "Akhil Bharat Hindu Mahasabha (All India Hindu Union)" (train)
            start = m.end + other_name.start(1)
            body = by_start.get(start) or RawMention(start, m.end + other_name.end(1), other_name.group(1),
                                                     "ORG", "aka")
            if body.label == "ORG" and lookup_place(body.text) is None and not form_key_country(body.text):
                if body.start not in by_start:
                    new.append(body)
                    by_start[body.start] = body
                links.append(AliasLink(m, body, "aka"))
            continue
        aka = _AKA.match(after)
        if aka:
            start = m.end + aka.end()
            found = by_start.get(start) or _mention_at(text, start, m.label, "aka")
            if found is None or found.text.split()[0].lower() in _CALENDAR:
                continue  # a date is no name ("born June 23")
            if found.start not in by_start:
                new.append(found)
                by_start[found.start] = found
            links.append(AliasLink(m, found, "former" if _FORMER.search(aka.group(0)) else "aka"))
    return new, links


def repeated_forms(
    doc: Doc, mentions: list[RawMention], common_words: frozenset[str] = frozenset()
) -> list[RawMention]:
    """Every other occurrence of a form the model tagged somewhere in the document.

    The model tags "Facebook" in one sentence and misses it in the next; a name keeps its
    meaning within one report (one sense per discourse), so each occurrence is a mention.
    ``common_words``: dictionary words, which a surname opening a sentence must not be.
    """
    label_of: dict[str, str] = {}
    surnames = set()
    for m in mentions:
        label_of.setdefault(m.text, m.label)
        words = m.text.split()
        if m.label == "PERSON" and len(words) > 1 and len(words[-1]) > 2 and words[-1][0].isupper():
            label_of.setdefault(words[-1], "PERSON")  # "Chris Fallows" ... "Fallows remarked"
            surnames.add(words[-1])
    if not label_of:
        return []
    taken = sorted((m.start, m.end) for m in mentions)
    out = []
    for start, end, form in standalone(doc_text(doc), sorted(label_of, key=len, reverse=True)):
        if any(s < end and start < e for s, e in taken):
            continue
        span = doc.char_span(start, end)
        allowed = ("PROPN", "NOUN") if form in surnames else ("PROPN",)
        # a surname the tagger reads as a common word, capitalised inside a sentence ("but Early still
        # says", of "Chris Early", train), or opening one when it is no dictionary word ("Legere will
        # hand over", of "John Legere", train)
        written = form in surnames and span is not None and (
            not span[0].is_sent_start or bool(common_words) and form.lower() not in common_words
            and form.lower() not in STOP_WORDS)
        if span is None or (len(span) == 1 and span[0].pos_ not in allowed and not written):
            continue
        out.append(RawMention(start, end, form, label_of[form], "repeat"))
    return out


def _word_char(c: str) -> bool:
    """What ``\\w`` matches in a str pattern: a Unicode letter or digit, or the underscore."""
    return c.isalnum() or c == "_"


def standalone(text: str, forms: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, form) of the standalone uses of ``forms`` in ``text``, left to right, as
    ``re.finditer(r"(?<![\\w.])(?:form1|form2|...)(?![\\w+])", text)`` finds them (the earlier
    form wins where two start at one place; a use inside another is skipped), without compiling a
    pattern for each document's forms."""
    if not all(forms):  # an empty form is found everywhere: the pattern itself says how
        pattern = re.compile(r"(?<![\w.])(?:" + "|".join(map(re.escape, forms)) + r")(?![\w+])")
        return [(m.start(), m.end(), m.group(0)) for m in pattern.finditer(text)]
    hits = []
    n = len(text)
    for rank, form in enumerate(forms):
        i = text.find(form)
        while i >= 0:
            j = i + len(form)
            before_ok = i == 0 or not (_word_char(text[i - 1]) or text[i - 1] == ".")
            # not a service named with a plus after its company's name ("ESPN+" is no "ESPN")
            if before_ok and (j == n or not (_word_char(text[j]) or text[j] == "+")):
                hits.append((i, rank, j))
            i = text.find(form, i + 1)
    hits.sort()
    out, pos = [], 0
    for start, rank, end in hits:
        if start >= pos:
            out.append((start, end, forms[rank]))
            pos = end
    return out


def acronym_occurrences(text: str, forms: set[str], known: set[int], label_of: dict[str, str]) -> list[RawMention]:
    """Every standalone use of a defined acronym the model did not tag ("the FVB said")."""
    out = []
    for form in forms:
        for start, end, _form in standalone(text, [form]):
            if start not in known:
                out.append(RawMention(start, end, form, label_of[form], "acronym"))
    return out


# Bodies whose common noun after a proper name says the name is their place ("Tbilisi city court");
# not a party, nor troops ("Democratic party", "Humvee military").
_PLACED_BODIES = (institution_nouns() | state_bodies()) - {
    "party", "military", "troops", "forces", "army", "navy", "authorities", "intelligence", "regime", "junta",
    "coast", "guard",
    # bodies named after the person at their head ("Trump administration", "Erdogan government")
    "administration", "government", "campaign", "cabinet", "office"}
# Words that qualify a government, not a place ("Federal government", "Liberal minority government").
_GOVERNMENT_KINDS = {
    "federal", "liberal", "national", "central", "local", "regional", "provincial", "state", "interim",
    "transitional", "provisional", "coalition", "conservative", "labour", "democratic", "republican",
    "military", "caretaker", "unity"}


def _place_heads(mentions: list[RawMention]) -> list[tuple[RawMention, str]]:
    """Organisations' mentions whose name starts with a place, with the place's words: the place is
    a country or region by its name (rigour's territories), a form the report tags as a place
    elsewhere, or a proper name before a body's common noun ("Tbilisi city court") that is no
    kind of government and no person's name ("Federal government", "Morrison government").
    Nationality words are no places ("Russian government")."""
    places = {norm(m.text) for m in mentions if m.label == "GPE"}
    people = {norm(w) for m in mentions if m.label == "PERSON" for w in (m.text, m.text.split()[-1])}
    out = []
    for m in mentions:
        if m.label != "ORG":
            continue
        words = list(_NONSPACE.finditer(m.text))
        for n in (3, 2, 1):
            if n >= len(words) or not all(w.group()[0].isupper() for w in words[:n]):
                continue
            head = m.text[: words[n - 1].end()]
            head = head[:-2] if head.endswith(("'s", "’s")) else head
            if demonym_key(head) in demonyms() and norm(head) not in country_forms() or norm(head) in people:
                break
            # "Tbilisi city court", "Riverside County criminal court", "Hajo assembly" (train)
            common = (all(w.group().islower() for w in words[n:]) and words[-1].group() in _PLACED_BODIES
                      and head.lower() not in _GOVERNMENT_KINDS)
            if norm(head) in places or lookup_place(head) or common:
                out.append((m, head))
                break
    return out


# a place's facilities written after its name in lower case ("the Delhi airport", "the city's Hoa Lo
# prison", train), besides its bodies (_PLACED_BODIES: "Forest Hill police", train)
_PLACED_FACILITIES = frozenset({"airport", "prison", "jail"})
_LOWER_AFTER = re.compile(
    r"(?: (?:city|county|state|district|regional|municipal|provincial|international))? ([a-z]+)\b")


def bodies_after_places(text: str, mentions: list[RawMention]) -> list[RawMention]:
    """A place's name and the body or facility noun after it, written in lower case, as one name besides
    the place's own mention: "a tip led Forest Hill police officers", "flying to Gillespie Field
    airport" (train). A country's name keeps its own ("Vietnam's coast guard")."""
    out = []
    for m in mentions:
        after = _LOWER_AFTER.match(text, m.end) if m.label != "NORP" else None
        noun = after.group(1) if after else ""
        # a name the model called a body or a person before a facility or "police" ("Hoa Lo prison")
        nouns = _PLACED_BODIES if m.label in ("GPE", "LOC") else frozenset({"police"})
        if (after is None or noun not in nouns | _PLACED_FACILITIES or form_key_country(m.text)
                or " " in after.group(0).strip() and noun in _PLACED_FACILITIES and noun != "airport"
                or m.label == "LOC" and noun in _PLACED_FACILITIES):  # "Gillespie Field airport": its name
            out.append(m)
            continue
        end = after.end()
        out.append(RawMention(m.start, end, text[m.start : end], "ORG", m.source))
        place = m.label if m.label in ("GPE", "LOC") else "GPE"  # "Forest Hill" the model called a body
        out.append(RawMention(m.start, m.end, m.text, place, "nested"))  # the place, inside it
    return out


def leading_places(mentions: list[RawMention]) -> list[RawMention]:
    """A place at the head of an organisation's name, as a mention of its own (inside the
    organisation's): "U.S." in "U.S. Senate", "United States" in "United States General Services
    Administration", "Russia" in "Russia's foreign ministry", "Tbilisi" in "Tbilisi city court"."""
    heads = _place_heads(mentions)
    return [RawMention(m.start, m.start + len(head), head, "GPE", "nested") for m, head in heads]


_NAME_TAIL = re.compile(r"(?:[A-Z][\w\-]*)(?: (?:of|on|for|and|the|[A-Z][\w\-]*))*(?: [A-Z][\w\-]*)")


def bodies_after_leading_places(mentions: list[RawMention]) -> tuple[list[RawMention], list[AliasLink]]:
    """A body's name of two or more capitalised words after the place that heads a longer name, as a
    mention of the same body inside it: "House of Representatives" of "United States House of
    Representatives", "Commission on Presidential Debates" of "United States Commission on Presidential
    Debates" (train; gold lists the inner name as a form the report writes). The place is a country's
    name, and the inner name no form of its own in the report nor inside another body's name: it would
    join them ("Supreme Court" of the "Wisconsin Supreme Court" and the "United States Supreme Court"); nor
    "X of Y" where Y is a form of the report: "Department of State" would nest in "State" (train)."""
    found: dict[str, list[tuple[RawMention, RawMention, str]]] = {}
    for m, head in _place_heads(mentions):
        rest = m.text[len(head):]
        offset = len(head) + len(rest) - len(rest.lstrip())
        tail = _NAME_TAIL.fullmatch(m.text[offset:])
        if tail is None or form_key_country(tail.group(0)):
            continue
        inner = RawMention(m.start + offset, m.end, tail.group(0), "ORG", "nested")
        found.setdefault(norm(inner.text), []).append((m, inner, country_forms().get(norm(head), norm(head))))
    written = {norm(m.text) for m in mentions}
    new: list[RawMention] = []
    links: list[AliasLink] = []
    for key, pairs in found.items():
        # one country's body however the country is written ("US House ...", "United States House ...")
        if key in written or key.partition(" of ")[2] in written or len({c for _, _, c in pairs}) > 1:
            continue
        for m, inner, country in pairs:
            if country in country_forms().values():
                new.append(inner)
                links.append(AliasLink(m, inner, "aka"))
    return new, links


def place_led_bodies(text: str, mentions: list[RawMention]) -> list[RawMention]:
    """A body named by its place and its name ("the Paris Police Prefecture") is named by the name
    alone too ("this appalling attack on the Police Prefecture", dev): every standalone use of
    the name, when it has two capitalised words or more."""
    taken = [(m.start, m.end) for m in mentions]
    out = []
    for m, head in _place_heads(mentions):
        rest = m.text[len(head):].removeprefix("'s").removeprefix("’s").strip()
        words = rest.split()
        if len(words) < 2 or not all(w[0].isupper() or w in ("of", "for", "and") for w in words):
            continue
        for start, end, _form in standalone(text, [rest]):
            if not any(s < end and start < e for s, e in taken):
                out.append(RawMention(start, end, rest, "ORG", "repeat"))
                taken.append((start, end))
    return out
