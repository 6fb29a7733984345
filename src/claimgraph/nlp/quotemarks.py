"""Find quoted stretches of text by their quotation marks, robust to odd and missing marks.

Written by hand because no maintained library does this safely: textacy's quotation
extractor raises on an odd number of marks and loses every quote of the article. Here a
quotation never crosses a paragraph break, so a missing closing mark costs one paragraph at
most, and unbalanced marks are skipped, never fatal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Opening mark -> closing marks that may end it. Straight marks are resolved by context.
_CURLY = {"\u201c": "\u201d", "\u201e": "\u201c\u201d", "\u00ab": "\u00bb", "\u2039": "\u203a", "\u2018": "\u2019"}
_PARAGRAPH = re.compile(r"\n\s*\n")
_WORDCHAR = re.compile(r"\w")
_WORDS = re.compile(r"\w+")
# At most this many words make a quote inside a quote with the same straight marks (a term or name).
_NESTED_WORDS = 4
# Spaces typesetters put between a nested closing mark and the outer one ('... drummer'\u2009").
_THIN_SPACES = "\u2009\u200a\u202f"
# What a quote may end with before a stray space and its closing mark.
_SENTENCE_END = ".?!,"


@dataclass(frozen=True, slots=True)
class Quoted:
    """The content between a pair of marks: ``start``/``end`` exclude the marks themselves."""

    start: int
    end: int
    open_mark: str
    closed: bool

    @property
    def single(self) -> bool:
        return self.open_mark in "'\u2018\u2039"


def _is_opening(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-/:;,") and not after.isspace()


def _is_closing(text: str, i: int) -> bool:
    j = i - 1
    while j > 0 and text[j] in _THIN_SPACES:
        j -= 1  # "I thought, 'Bloody hell, I'm a drummer'\u2009": nested marks kept apart
    before = text[j] if j >= 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before == " " and j > 0 and text[j - 1] in _SENTENCE_END and after.isspace():
        return True  # a pasted page's space before the closing mark: '"... ourselves? " she wrote'
    return not before.isspace() and (after.isspace() or not _WORDCHAR.match(after))


def _is_apostrophe(text: str, i: int) -> bool:
    """An apostrophe inside or at the end of a word (it's, Jamal's, the Smiths' house)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return True
    # plural possessive or elision: "voters' rights", "'90s", "rock 'n' roll"
    return before in "sS" and after.isspace() and i >= 2 and text[i - 2].isalpha()


def _scan_paragraph(text: str, start: int, end: int) -> list[Quoted]:
    found: list[Quoted] = []
    open_at: int | None = None
    open_mark = ""
    i = start
    while i < end:
        ch = text[i]
        if open_at is None:
            if ch in _CURLY and ch != "\u2018" or ch == '"' and _is_opening(text, i) or ch in "'\u2018" and _is_opening(text, i) and not _is_apostrophe(text, i):
                open_at, open_mark = i, ch
        else:
            closes = _closes(open_mark)
            if open_mark == "\u201c" and ch == '"' and _is_closing(text, i) and _unpaired(text, i, end):
                closes += '"'  # '“When removing ... extra monitoring," said Lisa Boesky': mixed marks
            if ch in closes and (open_mark in _CURLY and open_mark not in "'\u2018" or _is_closing(text, i)):
                if open_mark in "'\u2018" and _is_apostrophe(text, i) and ch != "\u2019":
                    i += 1
                    continue
                if open_mark in "'\u2018" and ch == "\u2019" and text[i + 1 : i + 2].isalnum():
                    i += 1  # an apostrophe (it’s) inside a single-quoted phrase
                    continue
                if i > open_at + 1:
                    found.append(Quoted(open_at + 1, i, open_mark, True))
                open_at = None
            elif open_mark == '"' and ch == '"' and _is_opening(text, i):
                nested = _nested_end(text, i, end)
                if nested is not None:
                    i = nested + 1  # 'The "United States" is not holding ...': a short quote inside
                    continue
                # a new opening straight mark before any close: the previous one was stray
                open_at = i
        i += 1
    if open_at is not None and open_mark not in "'\u2018" and end > open_at + 1:
        # A missing closing mark: the quotation runs to the end of its paragraph, no further.
        found.append(Quoted(open_at + 1, _rstrip(text, open_at + 1, end), open_mark, False))
    return found


def _unpaired(text: str, i: int, end: int) -> bool:
    """Whether no curly closing mark follows ``i`` before the next curly opening one (or the
    paragraph's ``end``): a straight mark there closes a curly-opened quote, not a nested one."""
    nxt = text.find("\u201c", i, end)
    return text.find("\u201d", i, nxt if nxt != -1 else end) == -1


def _nested_end(text: str, i: int, end: int) -> int | None:
    """Where a short quote opened at ``i`` inside a straight-quoted one closes, when the outer
    quote closes after it: '"... demonstrates a complete lack of understanding. The "United
    States" is not holding any ISIS detainees. ... served up to Turkey."'. None when the mark
    after it opens a new quote (then the earlier opening mark was stray)."""
    marks = [j for j in range(i + 1, end) if text[j] == '"']
    if len(marks) < 2 or not _is_closing(text, marks[0]) or _is_opening(text, marks[1]):
        return None
    if len(_WORDS.findall(text[i + 1 : marks[0]])) > _NESTED_WORDS or not _is_closing(text, marks[1]):
        return None
    return marks[0]


def _closes(open_mark: str) -> str:
    if open_mark == '"':
        return '"\u201d'
    if open_mark == "'":
        return "'\u2019"
    return _CURLY[open_mark]


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: stretches separated by blank lines."""
    spans = []
    pos = 0
    for m in _PARAGRAPH.finditer(text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return spans


def find_quoted(text: str) -> list[Quoted]:
    """Every top-level quoted stretch of ``text``, in order; nested quotes stay inside."""
    found: list[Quoted] = []
    for start, end in paragraphs(text):
        found.extend(_scan_paragraph(text, start, end))
    return found
