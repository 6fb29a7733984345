"""Numbers as a report writes them: runs of number words ("2.5 million", "twenty - five", "tens
of thousands"), their values, vague plurals ("dozens") as ranges, ranges ("between 20 and 30",
"15–25"), qualifiers ("at least", "about"), sums written with their currency ("SEK9 million"),
and ages and dates, which are no counts."""

from __future__ import annotations

import functools
import re
import weakref

from spacy.tokens import Doc, Span, Token

from claimgraph.model import Qualifier
from claimgraph.nlp.doc_arrays import column
from claimgraph.nlp.quant_lexicon import table

SKIPPED_ENTS = frozenset({"DATE", "TIME", "ORDINAL", "PERCENT"})

# Words that make a DATE or TIME entity a real date, not a count the model mislabelled
# ("Between 20 and 30 members" is tagged DATE by the small English model).
DATE_WORDS = frozenset(
    {"year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "minute", "minutes",
     "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
     "am", "pm", "a.m.", "p.m.", "century", "decade", "decades", "ago", "old", "aged", "age"}
)  # fmt: skip


_YEAR = re.compile(r"(1[5-9]|20)\d\d")
_CLOCK = re.compile(r"\d{1,2}:\d\d")
_DECIMAL = re.compile(r"\d+(\.\d+)?")


def _date_like(t: Token) -> bool:
    if t.ent_type_ not in SKIPPED_ENTS:
        return False
    if t.ent_type_ in ("ORDINAL", "PERCENT") or _YEAR.fullmatch(t.text):
        return True
    lo, hi = t.i, t.i
    while lo > 0 and t.doc[lo - 1].ent_type_ == t.ent_type_ and t.doc[lo].ent_iob_ != "B":
        lo -= 1
    while hi + 1 < len(t.doc) and t.doc[hi + 1].ent_iob_ == "I":
        hi += 1
    window = t.doc[lo : min(len(t.doc), hi + 2)]
    return any(w.lower_ in DATE_WORDS for w in window)

# A figure written with its currency: "SEK9", "USD910", "CDN$11,000", "₿7300".
_PREFIXED = re.compile(r"^(?P<cur>[A-Za-z]{2,3}\$?|[^\w\s])(?P<num>\d[\d,]*(?:\.\d+)?)$")


def _prefixed(t: Token) -> tuple[str, str] | None:
    """(currency unit, digits) of a figure written with its currency code or sign."""
    return _prefixed_text(t.text)


def _prefixed_text(text: str) -> tuple[str, str] | None:
    m = _PREFIXED.match(text)
    unit = table()["currencies"].get(m.group("cur").lower()) if m else None
    return (unit, m.group("num")) if m and unit else None

# A figure written with its multiplier: "12.9bn", "$4m" as one token.
_SUFFIXED = re.compile(r"^(?P<num>\d[\d,]*(?:\.\d+)?)(?P<mult>[A-Za-z]{1,2})$")


def _suffixed(text: str) -> tuple[str, float] | None:
    """(digits, multiplier) of a figure written with its multiplier: "12.9bn", "10tn"."""
    m = _SUFFIXED.match(text)
    mult = table()["multipliers"].get(m.group("mult").lower()) if m else None
    return (m.group("num"), float(mult)) if m and mult else None

# A range written as one token: "15–25", "20-30".
_JOINED = re.compile(r"^(\d[\d,]*(?:\.\d+)?)[\u2013-](\d[\d,]*(?:\.\d+)?)$")


@functools.lru_cache(maxsize=1 << 16)  # asked of every token of every sentence
def _figure(text: str) -> bool:
    """A figure by its text alone: with its currency ("USD910"), its multiplier ("12.9bn") or a range as
    one token ("15–25")."""
    return _prefixed_text(text) is not None or _JOINED.match(text) is not None or _suffixed(text) is not None


def _is_number(t: Token) -> bool:
    text = t.text
    if _figure(text):
        return True
    if _date_like(t):
        return False
    low = t.lower_
    return (t.like_num and not _CLOCK.fullmatch(text)) or low in table()["number_words"] or (
        low in table()["vague"] or low in table()["multipliers"] and t.i > 0 and t.doc[t.i - 1].like_num
    )


def may_be_number(doc: Doc) -> list[bool]:
    """Per token: whether :func:`_is_number` may hold for it, by its word alone (a number-like word,
    a number word or a figure): the others are passed over without building a Token. Kept per Doc."""
    found = _MAY_BE_NUMBER.get(doc)
    if found is None:
        orth, lower, like_num = column(doc, "ORTH"), column(doc, "LOWER"), column(doc, "LIKE_NUM")
        strings = doc.vocab.strings
        words = {(o, low): _numeric_word(strings[o], strings[low]) for o, low in set(zip(orth, lower))}
        found = _MAY_BE_NUMBER[doc] = [bool(n) or words[o, low] for o, low, n in zip(orth, lower, like_num)]
    return found


_MAY_BE_NUMBER: weakref.WeakKeyDictionary[Doc, list[bool]] = weakref.WeakKeyDictionary()


def _numeric_word(text: str, low: str) -> bool:
    t = table()
    return _figure(text) or low in t["number_words"] or low in t["vague"] or low in t["multipliers"]


def _joins(tok: Token, sent: Span) -> bool:
    """A hyphen inside a spelled-out number ("twenty - five") or a stray space between a number's
    words ("5.7  million")."""
    if tok.i + 1 >= sent.end:
        return False
    after = tok.doc[tok.i + 1]
    if tok.text == "-":
        return after.lower_ in table()["number_words"]
    return tok.is_space and _is_number(after)


# "and a half" after a number ("three-and-a-half million", "one and a half million"), hyphens
# apart: what the tokenizer makes of it.
_A_HALF = ("and", "a", "half")


def _past_a_half(sent: Span, j: int) -> int:
    """The index past an "and a half" that starts at ``j`` (``j`` itself when none does)."""
    words: list[str] = []
    k = j
    while k < sent.end and len(words) < 3:
        if sent.doc[k].text != "-":
            words.append(sent.doc[k].lower_)
        k += 1
    return k if tuple(words) == _A_HALF else j


def number_groups(sent: Span) -> list[Span]:
    """Runs of number words ("2.5 million", "twenty - five", "tens of thousands")."""
    groups, i = [], sent.start
    doc = sent.doc
    maybe = may_be_number(doc)
    while i < sent.end:
        if maybe[i] and _is_number(doc[i]):
            j = i + 1
            while j < sent.end:
                if maybe[j] and _is_number(doc[j]) or _joins(doc[j], sent):
                    j += 1
                elif (past := _past_a_half(sent, j)) > j:
                    j = past  # "three-and-a-half million"
                else:
                    break
            of_what = f"{doc[i:j].text.lower()} of {doc[j + 1].lower_}" if j + 1 < sent.end else ""
            if j + 1 < sent.end and doc[j].lower_ == "of" and of_what in table()["vague"]:
                j += 2
            start = i  # "several thousand", "a few hundred": a vague amount, not 1,000 or 100
            for k in (2, 1):
                if i - k >= sent.start and f"{doc[i - k : j].text.lower()}" in table()["vague"]:
                    start = i - k
                    break
            if start == i and i - 2 >= sent.start and doc[i - 2 : i].text.lower() in ("half a", "half an"):
                start = i - 2  # "half a million": 500,000, not a million
            groups.append(doc[start:j])
            i = j
        else:
            i += 1
    return groups


def vague_range(group: Span) -> tuple[float, float] | None:
    """The range a vague plural means ("dozens" -> 24..99), or None for a plain number."""
    bounds = table()["vague"].get(group.text.lower().replace(" - ", "-"))
    return (float(bounds[0]), float(bounds[1])) if bounds else None


def value_of(group: Span) -> tuple[float, bool] | None:
    """The value of a number group (a vague plural's least value), and whether it is vague."""
    t = table()
    vague = vague_range(group)
    if vague is not None:
        return vague[0], True
    if len(group) == 1 and group[0].lower_ in ("a", "an", "another"):
        return 1.0, False  # an article that counts one: "arrested a man"
    total, current = 0.0, 0.0
    for tok in group:
        low = tok.lower_.replace(",", "")
        pre = _prefixed(tok)
        if pre is not None:
            low = pre[1].replace(",", "")
        if (suffixed := _suffixed(low)) is not None:  # "12.9bn"
            current += float(suffixed[0]) * suffixed[1]
            total, current = total + current, 0.0
            continue
        joined = _JOINED.match(low)
        if joined:
            low = joined.group(1)  # "15-25 million": the low end; the high is read by _range_high
        if low in ("-", "and", "a") or tok.is_space:
            continue  # "twenty - five", "three - and - a - half"
        if low == "half":
            current += 0.5
            continue
        if low in t["multipliers"]:
            current = (current or 1) * t["multipliers"][low]
            if t["multipliers"][low] >= 1000:
                total, current = total + current, 0.0
        elif low in t["number_words"]:
            current += t["number_words"][low]
        elif _DECIMAL.fullmatch(low):
            current += float(low)
        else:
            return None
    return total + current, False


def qualifier_of(group: Span) -> Qualifier:
    """How a figure is bounded by the words before it ("at least", "about") or after it ("or more")."""
    doc, quals = group.doc, table()["qualifiers"]
    start = group.start
    if start > 0 and doc[start - 1].lower_ in table()["currencies"]:  # "around US$ 400 million"
        start -= 1
    if start > 0 and doc[start - 1].lower_ in ("a", "an"):  # "at least a dozen"
        start -= 1
    for k in (3, 2, 1):
        phrase = doc[max(0, start - k) : start].text.lower()
        if phrase in quals:
            return quals[phrase]  # type: ignore[no-any-return]
    after = doc[group.end : group.end + 2].text.lower()  # "a million or more Uighurs"
    return "at_least" if after == "or more" else "at_most" if after in ("or fewer", "or less") else "exact"


def _range_next(group: Span, groups: list[Span]) -> Span | None:
    """The upper bound's group of "between 20 and 30", "20 to 30", "between $5 and $7 billion"."""
    doc, cur = group.doc, table()["currencies"]
    if group.end >= len(doc) or doc[group.end].lower_ not in ("to", "-", "and", "\u2013"):
        return None
    before = group.start - 1
    if before > 0 and doc[before].lower_ in cur:
        before -= 1  # "between $5 and $7 billion"
    if doc[group.end].lower_ == "and" and doc[max(0, before)].lower_ != "between":
        return None
    start = group.end + 1
    if start < len(doc) and doc[start].lower_ in cur:
        start += 1
    return next((g for g in groups if g.start == start), None)


def range_end(group: Span, groups: list[Span]) -> int:
    """Where a range that starts with ``group`` ends ("200 and 300")."""
    nxt = _range_next(group, groups)
    return nxt.end if nxt is not None else group.end


def range_high(group: Span, groups: list[Span]) -> float | None:
    """The upper bound of "between 20 and 30", "20 to 30", "20-30"."""
    joined = _JOINED.match(group[0].text)
    parsed = value_of(group)
    if joined and parsed:  # "15–25 million dollars"
        low, high = (float(x.replace(",", "")) for x in joined.groups())
        return high * parsed[0] / low if low and high > low else None
    nxt = _range_next(group, groups)
    v = value_of(nxt) if nxt is not None else None
    return v[0] if v else None


def range_low(group: Span, groups: list[Span]) -> float | None:
    """The value of a group, scaled by the multiplier a range's upper bound ends with when the
    group has none of its own: "between $5 and $7 billion" is 5 billion to 7 billion."""
    parsed = value_of(group)
    nxt = _range_next(group, groups)
    if parsed is None or nxt is None or parsed[1]:
        return parsed[0] if parsed else None
    multipliers = table()["multipliers"]
    if any(t.lower_ in multipliers for t in group) or nxt[-1].lower_ not in multipliers:
        return parsed[0]
    scaled = parsed[0] * multipliers[nxt[-1].lower_]
    high = range_high(group, groups)
    return scaled if high is not None and scaled <= high else parsed[0]


def currency_of(group: Span) -> str | None:
    """The currency a figure is written with: "SEK9", "$ 5", "Rs. 24 lakh", "5 euros", "88 billion
    Hong Kong dollars" (a dollar with its country's name)."""
    doc, cur = group.doc, table()["currencies"]
    pre = _prefixed(group[0])
    if pre is not None:
        return pre[0]
    before = group.start - 1
    if before > 0 and doc[before].text == "." and doc[before - 1].lower_ + "." not in cur:
        before -= 1  # "Rs. 24 lakh"
    if before >= 0 and (unit := cur.get(doc[before].lower_)):
        return unit  # type: ignore[no-any-return]
    named: list[str] = []  # "Hong Kong" of "Hong Kong dollars"
    for t in doc[group.end : min(len(doc), group.end + 4)]:
        unit = cur.get(" ".join([*named, t.lemma_.lower()])) or cur.get(t.lower_) or cur.get(t.lemma_.lower())
        if unit or t.pos_ not in ("PROPN", "ADJ"):
            return unit  # type: ignore[no-any-return]
        named.append(t.lower_)
    return None


def an_age(group: Span) -> bool:
    """ "died aged 95", "at the age of 95", "95 years old", "a 95-year-old"."""
    doc, ages = group.doc, table()["age_words"]
    before = doc[max(0, group.start - 2) : group.start]
    after = doc[group.end : group.end + 3].text.lower()
    return any(t.lower_ in ages for t in before) or after.startswith(
        ("years old", "year old", "-year-old", "- year - old"))
