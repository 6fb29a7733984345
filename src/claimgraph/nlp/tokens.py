"""Tokenize any text in time linear in its length.

spaCy's tokenizer peels prefixes and suffixes off a whitespace-free run one character at a time,
re-scanning the rest each time: a run of 20,000 closing brackets takes about a minute and one of
200,000 does not finish. Runs longer than ``MAX_RUN`` characters (no word, URL or hashtag is that
long) are cut into tokens of ``MAX_RUN`` characters without the tokenizer; everything else goes
through the tokenizer unchanged, so ordinary text tokenizes exactly as before.
"""

from __future__ import annotations

import re
import weakref

from spacy.language import Language
from spacy.tokens import Doc

MAX_RUN = 100
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")


_TEXTS: weakref.WeakKeyDictionary[Doc, str] = weakref.WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy joins every token's text again on each access."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


def make_doc(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)``, with over-long whitespace-free runs cut into fixed-size tokens."""
    if not _LONG_RUN.search(text):
        doc = nlp.make_doc(text)
        _TEXTS[doc] = text  # the tokenizer keeps every character: doc.text is the text
        return doc
    if len(text) > nlp.max_length:
        return nlp.make_doc(text)  # spaCy's own E088 error
    words: list[str] = []
    spaces: list[bool] = []
    pos = 0
    for run in _LONG_RUN.finditer(text):
        _tokenize(nlp, text[pos : run.start()], words, spaces)
        for i in range(run.start(), run.end(), MAX_RUN):
            words.append(text[i : min(i + MAX_RUN, run.end())])
            spaces.append(False)
        pos = run.end()
    _tokenize(nlp, text[pos:], words, spaces)
    return Doc(nlp.vocab, words=words, spaces=spaces)


def _tokenize(nlp: Language, segment: str, words: list[str], spaces: list[bool]) -> None:
    if words and segment.startswith(" ") and not words[-1].isspace() and not spaces[-1]:
        spaces[-1] = True  # one space after a cut run is that run's trailing space, as spaCy does
        segment = segment[1:]
    if not segment:
        return
    for token in nlp.tokenizer(segment):
        words.append(token.text)
        spaces.append(bool(token.whitespace_))
