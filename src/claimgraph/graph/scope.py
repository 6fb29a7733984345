"""When and in which office a claim holds, read from its evidence sentence (issue #8).

A leadership claim is about the moment of its report unless the sentence says otherwise:
"former", "late", "then-", "resigned", a year before the report's, "in the history of", "the
first president" all put it in the past, so successive office holders do not conflict. The office
('president', 'prime minister', 'supreme leader') is the title written next to the leader's name:
a president and a prime minister lead one state at once. A number is a count of one event at one moment only if
its sentence is no rate, share, projection or part ("per 100,000", "annually", "may cause",
"were of children").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimgraph.nlp.lexicon import demonym_key

# Offices, longest first so 'prime minister' wins over 'minister'. From news style guides' titles.
OFFICES = (
    "supreme leader", "prime minister", "vice president", "vice-president", "secretary-general",
    "secretary general", "first minister", "chief minister", "opposition leader", "president",
    "premier", "chancellor", "king", "queen", "emperor", "governor", "mayor", "chairman",
    "chairwoman", "chair", "speaker", "minister", "secretary", "commander", "chief", "director",
    "leader", "head",
)
_OFFICE = re.compile(r"\b(" + "|".join(re.escape(o) for o in OFFICES) + r")\b", re.IGNORECASE)
# Words that put a leadership claim in the past or at its end.
_PAST = re.compile(
    r"\b(former|formerly|late|then|ex|previous|previously|predecessor|resigned|resigns|resignation|"
    r"stepped down|steps down|ousted|removed|impeached|assassinated|died|dies|history|historical|"
    r"served as|who served|who led|who ruled|who governed|who headed|world war|cold war|statue|statues|"
    r"memorial|until|once|founding)\b|\bthen-|\bex-"
    # the first holder of an office ("the country's first president, George Washington"); "first
    # female president" may well be in office, so only the office word right after
    r"|\bfirst (?:president|prime minister|king|queen|emperor|governor|mayor|chancellor|premier)\b",
    re.IGNORECASE,
)
# Words that mark a change of holder: a claim beside them is one side of a succession.
_CHANGE = re.compile(r"\b(sworn in|new|became|becomes|elected|appointed|named|succeed\w*|replac\w*|took office)\b",
                     re.IGNORECASE)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# A number that is no count of one event at one moment.
_NOT_A_COUNT = re.compile(
    r"\bper (?:\d[\d,]*|capita|cent|year|day|week|month)\b|%|\bpercent\b|\bannually\b|\ba year\b|\beach year\b|"
    r"\bevery year\b|\b(?:may|could|would|might) (?:cause|kill|die|rise|reach)\b|\bprojected\b|\bmore deaths\b|"
    r"\bwere of\b|\bof them\b|\bof whom\b|\bincluding\b|\bamong them\b|\bthat week\b|\bsince\b|\bso far this year\b|"
    r"\bnew (?:deaths|cases|infections)\b|\bmore (?:deaths|cases|people)\b|\blast (?:week|month|year)\b|\bearlier\b|"
    r"\bprevious\b|\b(?:arrested|detained|charged)\b[^.]*\bfor\b",
    re.IGNORECASE,
)
# Nouns after a number that count a part of the victims ('fourteen civilians, five Armed Forces
# personnel'): such a count is no rival of the total unless the other counts the same part.
SUBGROUPS = frozenset({"civilians", "children", "women", "men", "soldiers", "personnel", "police", "officers",
                       "troops", "members", "foreigners", "students", "workers", "crew", "passengers", "fighters",
                       "militants", "terrorists", "firefighters", "staff", "tourists", "minors"})
_NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]


@dataclass(frozen=True, slots=True)
class Tenure:
    office: str | None  # 'president', 'prime minister'; None when the sentence names none
    current: bool  # held at the report's date, as far as the sentence says
    change: bool  # the sentence reports a change of holder ('was sworn in as', 'new governor')


def _near_name(evidence: str, name: str | None) -> tuple[int, int]:
    """Where the leader's name (or its last word) is written in the sentence; (0, 0) if not."""
    for form in ([name, name.split()[-1]] if name else []):
        i = evidence.find(form)
        if i >= 0:
            return i, i + len(form)
    return 0, 0


def tenure(evidence: str, published: str | None, name: str | None = None) -> Tenure:
    """The office and time a leadership claim's sentence gives its leader."""
    start, end = _near_name(evidence, name)
    if end:  # the title before the name ('US President Donald Trump') or in apposition after it
        before = evidence[max(0, start - 60) : start]
        after = evidence[end : end + 80]
        after = after[: after.index(",", 1)] if after.startswith(",") and "," in after[1:] else after[:60]
        window = before + " " + after
    else:
        window = evidence
    if end:  # the title nearest before the name, else the first after it
        found = [m.group(1) for m in _OFFICE.finditer(before)][-1:] or [m.group(1) for m in _OFFICE.finditer(after)][:1]
    else:
        found = [m.group(1) for m in _OFFICE.finditer(evidence)][:1]
    office = found[0].lower().replace("-", " ") if found else None
    years = [int(y) for y in _YEAR.findall(evidence)]
    year = int(published[:4]) if published and published[:4].isdigit() else None
    past = bool(_PAST.search(window if end else evidence)) or (year is not None and any(y < year for y in years))
    return Tenure(office, not past, bool(_CHANGE.search(evidence)))


def is_count(evidence: str) -> bool:
    """Whether a number's sentence counts one event at one moment (not a rate, share or part)."""
    return not _NOT_A_COUNT.search(evidence)


def counted(evidence: str, value: float | None) -> tuple[frozenset[str], frozenset[str]]:
    """What a number in a sentence counts: (part nouns, countries) of the words just after it.
    '790 Azerbaijani soldiers' -> ({'soldiers'}, {'azerbaijani'}); '2,300 Artsakh soldiers' -> ({'soldiers'},
    {'artsakh'}); 'killed twelve' -> ((), ()). 'Mexicans' and 'Mexican' are one word."""
    if value is None:
        return frozenset(), frozenset()
    forms = [f"{value:,.0f}", f"{value:.0f}"]
    if 0 <= value < len(_NUMBER_WORDS) and value == int(value):
        forms.append(_NUMBER_WORDS[int(value)])
    for form in forms:
        m = re.search(rf"(?<![\w,.]){re.escape(form)}(?![\w,])\s+((?:[\w'’-]+\s*){{1,3}})", evidence, re.IGNORECASE)
        if m:
            words = m.group(1).split()[:3]
            parts = frozenset(w.lower() for w in words if w.lower() in SUBGROUPS)
            places = frozenset(demonym_key(w) for w in words if w[:1].isupper())
            return parts, places
    return frozenset(), frozenset()
