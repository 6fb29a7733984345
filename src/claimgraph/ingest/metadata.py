"""Metadata written as lines of a report: date lines, bylines, publisher taglines and copyright.

Each parser takes one stripped line and returns what it found or None; they are strict on
purpose (the whole line must be the date, the byline...) so body sentences never match.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from urllib.parse import urlsplit

from tld import get_fld

log = logging.getLogger(__name__)

MONTHS = {
    name: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|urday|sday)?\.?,?\s+)"


def _month(g: str) -> str:
    return rf"(?P<{g}>{_MONTH_NAMES})\.?"


def _day(g: str) -> str:
    return rf"(?P<{g}>\d{{1,2}})(?:st|nd|rd|th)?"


def _year(g: str) -> str:
    return rf"(?P<{g}>(?:19|20)\d\d)"


# Group names carry the form's number: Python's re forbids repeating a name across alternatives.
_DATE = (
    rf"(?:{_month('m1')}\s+{_day('d1')},?\s+{_year('y1')}"  # September 29, 2019
    rf"|{_day('d2')}\s+(?:of\s+)?{_month('m2')},?\s+{_year('y2')}"  # 29 September 2019
    rf"|{_year('y3')}-(?P<m3>\d\d)-(?P<d3>\d\d)"  # 2019-09-29
    rf"|(?P<n1>\d{{1,2}})[/.](?P<n2>\d{{1,2}})[/.]{_year('y4')})"  # 29/09/2019
)
_TIME = (
    r"(?:\s*(?:,|at|-|–|—|•|\||·)?\s*\d{1,2}(?:[:.]\d\d)?(?::\d\d)?\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*\(?[A-Z]{2,5}(?:[+-]\d{1,2})?\)?)?)"
)
_ISO_TIME = r"(?:T\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)"
_PREFIX = (
    r"(?P<prefix>(?:first\s+|last\s+)?(?:published|posted|updated|modified|date|dated|issued)"
    r"(?:\s+on)?\s*:?\s*)?"
)
DATE_LINE = re.compile(rf"{_PREFIX}{_WEEKDAY}?{_DATE}{_ISO_TIME}?{_TIME}?\.?", re.IGNORECASE)
# "Updated 3 hours ago", "Published 2 days ago": time stamps with no date in them.
RELATIVE_DATE_LINE = re.compile(
    r"(?:(?:first\s+|last\s+)?(?:published|posted|updated|modified)\s*:?\s*)?"
    r"(?:\d+|an?|one)\s+(?:second|minute|min|hour|hr|day|week|month)s?\s+ago",
    re.IGNORECASE,
)

_NAME_TOKEN = (
    r"(?:[A-ZÀ-Þ][\w'’.-]*|(?:al|el|bin|ibn|abu)-[A-Z][\w'’.-]*"
    r"|(?:de|da|di|du|del|der|den|van|von|bin|ibn|al|el|la|le|dos|das)\b)"
)
NAME = re.compile(rf"[A-ZÀ-Þ][\w'’.-]*(?:\s+{_NAME_TOKEN}){{1,4}}")
BYLINE = re.compile(
    r"(?:by|written by|words by|story by|report by|posted by|author|authors|byline)\s*:?\s+(?P<names>.+)",
    re.IGNORECASE,
)
CREDIT_LINE = re.compile(  # also in parentheses, as Reuters closes a report: "(Reporting by ...)"
    r"[(\[]?(?:additional\s+)?(?:reporting|writing|editing|research|compiled)\s+by\b.{0,200}", re.IGNORECASE
)
NAME_SEPARATORS = re.compile(r"\s*(?:,|;|\band\b|&)\s*")
PLACE_SUFFIX = re.compile(r"\s+(?:in|at|from)\s+[A-Z][\w .'-]*$")
# Words that mark an organisation or a job title rather than a person in a byline.
NOT_PERSON = re.compile(
    r"\b(?:news|media|press|times|post|herald|tribune|guardian|journal|agency|agencies|reuters|"
    r"associated|afp|bbc|cnn|staff|correspondent|editor|reporter|writer|contributor|desk|team|"
    r"wikinews|monday|tuesday|wednesday|thursday|friday|saturday|sunday|stories|sign|entertainment|"
    r"sports|weather|newsletters?|subscribe|search|menu|home|latest|top|more|video|videos|"
    r"institute|university|college|foundation|council|association|society|company|group|talk|blog|"
    r"podcast|column|columnist|opinion|business|politics|magazine|club|world|city|insider|intern|producer|"
    r"photographer|anchor)\b",
    re.IGNORECASE,
)

GLUE = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z]{2})")
# "Photo by", "Design by": a credit that is not the article's.
CAPTION_BY = re.compile(
    r"\b(?:photo|photograph|image|picture|video|illustration|graphic|design|theme|powered|hosted|developed)s?\s+(?:by|:)",
    re.IGNORECASE,
)
BY_IN_LINE = re.compile(r"(?:^|[\s|/•·,])(?:written\s+)?by\s*:?\s+(?P<rest>[A-ZÀ-Þ].*)", re.IGNORECASE)
BYLINE_END = re.compile(
    r"\s+(?i:updated|published|posted|on|at|in|for)\b|\s*[|/•·]\s*|\s+[-–—]\s+|\s*\d|(?<=[a-z])(?=[A-Z])"
)
# Names, then an outlet or a job title: "Jane Doe, Reuters", "Jane Doe and John Roe USA TODAY".
CREDIT = re.compile(
    rf"(?P<names>{NAME.pattern}(?:\s*(?:,|\band\b|&)\s*{NAME.pattern})*?)"
    r"(?:\s*[,|–—-]\s*(?P<org>(?:[A-Z][\w.&'’-]*|of|the|and)(?:\s+(?:[A-Z][\w.&'’-]*|of|the|and)){0,5})"
    r"|\s+(?P<caps>[A-Z]{2,}(?:\s+[A-Z]{2,}){0,3}))"
)
# Words of an outlet or a reporter's job in a credit line.
CREDIT_WORD = re.compile(
    r"\b(?:press|news|reuters|ap|afp|associated|writer|correspondent|reporter|editor|staff|times|post|"
    r"bloomberg|cnn|bbc|journal|herald|tribune|agency|media|daily|columnist|contributor|bureau|wire)\b",
    re.IGNORECASE,
)
TAGLINE = re.compile(r"From (?:the )?(?P<pub>[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,4}), the\b[^.]{0,70}[!.]?")
# The holder may be a domain ("© 2019 OregonLive.com."): a dot followed by a letter stays in it.
COPYRIGHT = re.compile(
    r"(?:(?:copyright\s*)?(?:©|\(c\)|copyright)\s*|(?=(?:19|20)\d\d\b.*all rights reserved))"
    r"(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:(?:19|20)\d\d)?)?\s*,?\s*)?"
    r"(?P<pub>(?:[^.|]|\.(?=(?-i:[a-z]))){2,80}?)"
    r"\s*(?:,?\s*(?:19|20)\d\d)?\s*\.?\s*(?:all rights reserved\.?)?",
    re.IGNORECASE,
)
COMPANY_SUFFIX = re.compile(
    r"(?:[\s,]+(?:ltd\.?|limited|inc\.?|plc|llc|gmbh))?(?:\s+(?:or|and) its affiliate(?:d companies|s))?$",
    re.IGNORECASE,
)
# Words around the holder's name in a copyright line: "© Copyright 2018 Rolling Stone, LLC, a
# subsidiary of ...", "©All Rights Reserved Poynter Institute 2019", "MSPoweruser - All rights reserved".
HOLDER_NOISE = re.compile(r"^(?:copyright\s*|all rights reserved\.?\s*|(?:19|20)\d\d\s*[-–]?\s*)+", re.IGNORECASE)
HOLDER_TAIL = re.compile(
    r",\s+an?\s|\s+[-–|/]\s|alle rechte vorbehalten|tous droits réservés|tod[oa]s? (?:os|los) (?:direitos|derechos)|\s*\((?:www\.)?[\w-]+\.[a-z]|\s+(?:19|20)\d\d\b|\s*\ball rights reserved|(?<=\b(?:ltd|inc|llc|plc|pvt))\.?,?\s",
    re.IGNORECASE,
)
SITE_CREDIT = re.compile(r"(?:designed|powered|developed|hosted|built|theme) by\b", re.IGNORECASE)
NOT_HOLDER = {"author", "policy", "notice", "information", "us", "all rights reserved", "the author", "the authors"}
SITE_NAME_ITEM = re.compile(
    r"(?:about|contact|search|follow|support)\s+(?:the\s+)?(?P<site>[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,2})"
)

# A syndicated report's closing line naming its first publisher: "Originally published on Live
# Science.", "This article was originally published on The Conversation. Read the original article."
ORIGINALLY = re.compile(
    r"(?:this (?:article|story|post|piece|report|column) (?:was |is )?)?(?:originally|first) "
    r"(?:published|appeared|posted|ran) (?:on|in|at|by) "
    r"(?P<pub>(?-i:(?:the )?[A-Z][\w.&'’-]*(?: (?:of |the |and |& )?[A-Z][\w.&'’-]*){0,4}))\.?",
    re.IGNORECASE,
)
# A site's name after the headline, as a browser's window title writes it ("Nadal keeps Spain alive
# ... - Sportsnet.ca", "... | Reuters", "... - BBC News"): a domain, or a few capitalised words one
# of which is a word of the news trade, so that "... | Editorial" or "Virus - live" is no site.
TITLE_SITE = re.compile(r".{10,}\s[-|–—]\s(?P<site>[^-|–—]{2,40})")
# A window title's pipe rarely falls inside a headline, so a few capitalised words after it name the
# site ("... | National Review", "... | Inexhibit") unless they are one of a page's section labels
# ("... | Editorial"). After a dash they must also hold a word of the trade ("- The GiveWell Blog").
SECTION_LABEL = re.compile(
    r"(?:editorial|opinion|analysis|comment|commentary|column|reviews?|live|latest|updates?|breaking|video|"
    r"videos|photos?|gallery|podcast|letters?|obituary|obituaries|explainer|interview|features?|sports?|"
    r"business|world|politics|news|home|blog)",
    re.IGNORECASE,
)
SITE_WORD = re.compile(r"\b(?:blog|magazine|review|reporter|gazette|observer|guardian|digest|monitor|insider)\b",
                       re.IGNORECASE)
DOMAIN = re.compile(r"[A-Za-z][\w-]*(?:\.[a-z]{2,6}){1,2}")
# A wire story's closing credit, as Indian outlets end one: "... to sneak into the US. PTI"
CLOSING_AGENCY = re.compile(r"[.!?\"”’]\s+(?P<agency>[A-Z]{2,7})\s*$")


def parse_date_line(line: str) -> tuple[str | None, str] | None:
    """``(iso_date, flag)`` when the whole line (or menu item) is a date: flag is "" for a
    publication date ("Sunday, September 29, 2019", "Published: 29 Sep 2019 14:05 BST") and
    "updated" for an update or modification time; None when it is not a date."""
    line = line.strip()
    if len(line) > 100:
        return None
    m = DATE_LINE.fullmatch(line)
    if not m:
        return None
    g = m.groupdict()
    prefix = (g.get("prefix") or "").lower()
    flag = "updated" if re.search(r"updated|modified", prefix) else ""
    try:
        if g.get("y1"):
            day, month, year = int(g["d1"]), MONTHS[g["m1"].lower()], int(g["y1"])
        elif g.get("y2"):
            day, month, year = int(g["d2"]), MONTHS[g["m2"].lower()], int(g["y2"])
        elif g.get("y3"):
            day, month, year = int(g["d3"]), int(g["m3"]), int(g["y3"])
        else:
            # 29/09/2019: day first, as most of the world writes it, unless that cannot be.
            a, b, year = int(g["n1"]), int(g["n2"]), int(g["y4"])
            day, month = (a, b) if b <= 12 else (b, a)
        return dt.date(year, month, day).isoformat(), flag
    except (ValueError, KeyError):
        return None, flag


def normalise_date(value: str | None) -> str | None:
    """An ISO date (YYYY-MM-DD) for a date in any common form; None when it cannot be read."""
    if not value or not value.strip():
        return None
    value = value.strip()
    if re.match(r"\d{4}-\d{2}-\d{2}", value):
        return value[:10]
    parsed = parse_date_line(value)
    if parsed and parsed[0]:
        return parsed[0]
    import dateparser  # type: ignore[import-untyped]  # slow to import: only for the odd formats the patterns above miss

    found = dateparser.parse(value, languages=["en"], settings={"REQUIRE_PARTS": ["day", "month", "year"]})
    return found.date().isoformat() if found else None


def names_in(text: str, strict: bool = False) -> list[str] | None:
    """Person names in "Jane Doe and John Roe"; None when there are none.

    ``strict``: every part must be a person's name (a line of its own that only holds authors).
    """
    text = PLACE_SUFFIX.sub("", text.strip()).strip().rstrip(".")
    names: list[str] = []
    for part in NAME_SEPARATORS.split(text):
        part = PLACE_SUFFIX.sub("", part.strip())
        if not part:
            continue
        if NAME.fullmatch(part) and not NOT_PERSON.search(part) and not DATE_LINE.fullmatch(part):
            names.append(part)
        elif strict:
            return None
    return names or None


def parse_byline(line: str) -> list[str] | None:
    """The author names of a byline ("By Jane Doe and John Roe", "Author: Jane Doe").

    None when the line is not a byline; ``[]`` for a byline without a person ("By Reuters staff").
    """
    line = line.strip()
    if len(line) > 150:
        return None
    m = BYLINE.fullmatch(line)
    if not m:
        return None
    names_part = m.group("names").strip()
    first = NAME_SEPARATORS.split(names_part)[0]
    if not first[:1].isupper() or DATE_LINE.fullmatch(first) or re.match(
        r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the|this|that)\b", first, re.IGNORECASE
    ):
        return None  # "By the end of the day", "By Monday": prose, not a byline
    names = names_in(names_part)
    if names:
        return names
    if len(names_part.split()) <= 6 and not names_part.endswith(".") and all(
        w[:1].isupper() or w.lower() in ("staff", "and", "of", "the", "reporters", "writers") for w in names_part.split()
    ):
        return []
    return None


def parse_credit(line: str) -> list[str] | None:
    """The authors of a wire credit: "Tom Krisher, AP Auto Writer", "Meg Kinnard and Errin Haines,
    Associated Press", "Kevin Johnson and Kevin McCoy USA TODAY"; None when the line is not one."""
    line = line.strip()
    if len(line) > 120 or line.endswith("."):
        return None
    m = CREDIT.fullmatch(line)
    if not m or (m.group("org") and not CREDIT_WORD.search(m.group("org"))):
        return None
    names = names_in(m.group("names"), strict=True)
    if names and m.group("caps"):  # "Kevin McCoy USA TODAY": the outlet's capitals are not a name
        names = [re.sub(r"(?:\s+[A-Z]{2,})+$", "", n) for n in names]
        names = [n for n in names if len(n.split()) >= 2 and not n.isupper()]
    return names if names and all(len(n.split()) <= 4 for n in names) else None


def byline_in(line: str) -> list[str] | None:
    """The authors of a short header line holding a byline among other items: "11/19/2019 by
    Lars Brandle", "By Al Root Updated Nov. 19, 2019 8:21 am ET", "Jane Doe, Reuters"."""
    line = GLUE.sub(" | ", line.strip())  # "Michael HiltzikBusiness Columnist": two items run together
    if len(line) > 120 or CAPTION_BY.search(line):
        return None
    m = BY_IN_LINE.search(line)
    if m and (names := names_in(BYLINE_END.split(m.group("rest"))[0], strict=True)):
        return names
    return parse_byline(line) or parse_credit(line)


def parse_tagline(line: str) -> str | None:
    """The site in "From Wikinews, the free news source you can write!"."""
    m = TAGLINE.fullmatch(line.strip())
    return m.group("pub").strip() if m else None


def parse_originally(line: str) -> str | None:
    """The first publisher in "Originally published on Live Science." (its first sentence)."""
    line = line.strip()
    if len(line) > 200:
        return None
    m = ORIGINALLY.fullmatch(line) or ORIGINALLY.fullmatch(line.split(". ")[0])
    return m.group("pub").strip().rstrip(".") if m else None


def site_in_title(title: str) -> str | None:
    """The site a window title names after its headline: "... - Sportsnet.ca" gives "Sportsnet.ca"."""
    m = TITLE_SITE.fullmatch(title.strip())
    if not m:
        return None
    site = m.group("site").strip()
    if DOMAIN.fullmatch(site):
        return site
    words = site.split()
    capitalised = all(w[:1].isupper() or w in ("of", "the", "and", "&") for w in words)
    if len(words) > 4 or not capitalised or SECTION_LABEL.fullmatch(site):
        return None
    after_pipe = title.strip()[m.start("site") - 2] == "|"
    return site if after_pipe or CREDIT_WORD.search(site) or SITE_WORD.search(site) else None


TITLE_SEPARATOR = re.compile(r"\s[|\-–—]\s")


def _letters(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def headline_without_site(title: str, site: str | None) -> str:
    """A window title less the site that its page names (trafilatura's ``sitename``) and what follows
    it: "... crash - WSVN 7News | Miami News, Weather" with the site "WSVN 7News | Miami News, ..."
    gives "... crash"; "... | DW | 19.01.2020" with "DW.COM" gives the headline. A part names the site
    when the letters of one begin the other's ("Telegraph", "Telegraph.co.uk")."""
    site_letters = _letters(site or "")
    if not site_letters:
        return title
    for sep in TITLE_SEPARATOR.finditer(title):
        part_letters = _letters(title[sep.end():].split(" | ")[0])
        # a short site ("AP") begins too many words ("Apple ...") to be read at the start of a longer part
        names_site = site_letters.startswith(part_letters) or (
            len(site_letters) >= 5 and part_letters.startswith(site_letters))
        if len(part_letters) >= 2 and names_site:
            head = title[:sep.start()].strip()
            return head if len(head.split()) >= 3 else title
    return title


def parse_copyright(line: str) -> str | None:
    """The holder in "© 2024 The Guardian", "© 2019 Guardian News & Media Limited or its affiliated companies."."""
    line = line.strip()
    if len(line) > 200:
        return None
    # The notice is the first sentence: "Copyright © 2019 BBC. The BBC is not responsible for ...".
    m = COPYRIGHT.fullmatch(line) or COPYRIGHT.fullmatch(line.split(". ")[0])
    if not m or not re.search(r"©|\(c\)|(?:19|20)\d\d", line, re.IGNORECASE):
        return None  # "Copyright Policy": a footer link, not a notice
    name = HOLDER_NOISE.sub("", m.group("pub")).strip()
    name = HOLDER_TAIL.split(name)[0]
    name = COMPANY_SUFFIX.sub("", name.strip()).strip(" ,.-–")
    if not name[:1].isupper() or name.casefold() in NOT_HOLDER or SITE_CREDIT.match(name):
        return None
    return name


def site_name_in(item: str) -> str | None:
    """The site named by a menu or footer item: "About Wikinews", "Search Wikinews", "Contact the BBC"."""
    item = item.strip()
    m = SITE_NAME_ITEM.fullmatch(item[:1].lower() + item[1:])  # "About Wikinews" as a menu writes it
    return m.group("site") if m and m.group("site").casefold() not in NOT_HOLDER else None


def publisher_from_url(url: str | None) -> str | None:
    """The site of a URL: its registered domain ("wikinews.org"), else its host name."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    try:
        return str(get_fld(url, fail_silently=True) or "") or host.removeprefix("www.") or None
    except Exception:  # tld raises on odd hosts (IP addresses, localhost): fall back to the host
        return host.removeprefix("www.") or None
