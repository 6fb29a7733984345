"""Page furniture in text pasted from a web page: menus, share buttons, captions, footers...

The rules are general shapes of furniture seen across news sites, not strings of one site:
a line is furniture when it is made of menu/share/footer items, when it starts the way calls
to action, captions or taxonomy lines start, or when it belongs to a "Related stories" or
"Sources" list. A real paragraph (a long line made of sentences) is never removed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

# Items of menus, share bars and footers, matched against a whole item (case-insensitive).
NAV_ITEM = (
    r"skip to (?:the )?(?:main )?(?:content|navigation|search|footer)|jump to (?:navigation|search|content)"
    r"|main (?:page|menu)|home(?: ?page)?|menu|navigation|toggle navigation|open menu|close"
    r"|search|search (?:the )?(?:site|web|news)|sign in|sign out|log ?in|log ?out|register|my account"
    r"|latest(?: news)?|sections?|back to top|go to top|advertisement|advert|sponsored(?: content)?"
    r"|listen(?: to this (?:article|story))?|random article|contents|donate|editions?|[a-z]{2} edition"
    r"|all (?:news|sections|topics)"
)
SHARE_ITEM = (
    r"share(?: this)?(?: (?:article|story|page|post|link))?(?: (?:on|via|with|to) [\w+ ]{1,20})?"
    r"|(?:tweet|email|e-mail|print|save|pin)(?: this)?(?: (?:article|story|page|link|it))?"
    r"|facebook|twitter|x|whatsapp|linkedin|reddit|messenger|pinterest|telegram|flipboard|tumblr|bluesky"
    r"|copy(?: the)? link|link copied|send|save for later|gift (?:this )?article|\d+ shares?"
    r"|(?:open|close) (?:the )?share (?:panel|menu|options|tools)|like(?: this)?|like loading|be the first to like this"
    r"|comments?(?: \(\d+\))?|\d+ comments?"
)
FOOTER_ITEM = (
    r"privacy(?: policy| notice| settings| centre| center)?|terms(?: of (?:use|service))?"
    r"|terms (?:and|&) conditions|cookies?(?: policy| settings| preferences| statement)?"
    r"|accessibility(?: help)?|contact(?: us)?|about(?: us)?|about [\w.&'’-]+(?: [\w.&'’-]+)?"
    r"|disclaimers?|mobile view|desktop view|advertise(?: with us)?|careers|jobs|help|sitemap|site map"
    r"|rss(?: feeds?)?|feedback|corrections|code of conduct|newsletters?|developers|statistics"
    r"|all rights reserved|do not sell my (?:personal )?info(?:rmation)?|subscriptions?|shop|podcasts?"
)
ITEM = re.compile(rf"(?:{NAV_ITEM}|{SHARE_ITEM}|{FOOTER_ITEM})\s*[:.…]*", re.IGNORECASE)
# Menus and footers put items on one line, separated by wide spaces, bars, dots or arrows.
ITEM_SEPARATOR = re.compile(r"\s{2,}|\t|\s*[|·•›»/]\s*|\s+[-–—>]\s+")

# Language menus: languages named in their own tongue, with the words menus put beside them
# ("English Edition", "GLOBAL English"). Names from the language pickers of international news sites.
LANGUAGE = (
    r"english|español|espanol|français|francais|deutsch|italiano|português|portugues|nederlands|polski|"
    r"русский|українська|türkçe|العربية|فارسی|עברית|中文|简体中文|繁體中文|日本語|한국어|हिन्दी|বাংলা|"
    r"bahasa(?: indonesia| melayu)?|tiếng việt|ไทย|svenska|norsk|dansk|suomi|ελληνικά|čeština|magyar|română"
)
LANGUAGE_WORD = r"en|es|fr|de|it|pt|ru|zh|ja|ar|edition|version|global|international|language|languages|select language"
SEPARATOR_LINE = re.compile(r"[\W_]+")  # no letter or digit at all: ____, ----, |, ***
LINE_FURNITURE: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "call to sign up",
        re.compile(
            r"(?:please\s+)?(?:sign up|subscribe|register|get|receive|join|follow|download|never miss|"
            r"don'?t miss|stay (?:informed|up to date))\b.{0,200}\b(?:newsletters?|inbox|digest|updates|"
            r"alerts|e-?mails?|app|us on|stories|headlines|daily|weekly|briefing|podcast)\b.{0,80}",
            re.IGNORECASE,
        ),
    ),
    (
        "taxonomy",
        re.compile(
            r"(?:topics?|categories|category|tags?|tagged(?: with)?|filed under|keywords|more about|in this (?:article|story)|"
            r"subjects?|related topics)\s*:.*",
            re.IGNORECASE,
        ),
    ),
    (
        "caption",
        re.compile(
            r"(?:image|photo|photograph|picture|pictured|credit|caption|image caption|image copyright|"
            r"image source|media caption|video caption|photo credit|illustration|graphic|video)\s*[:|].*"
            r"|(?:image|media|video) (?:source|caption|copyright)\s*,.*"
            r"|\(\s*(?:image|photo|photograph|picture|credit|file photo)s?\b[^)]*\)\.?"
            r"|(?:photos?|images?|pictures?) (?:by|courtesy of|via)\b.{1,100}",
            re.IGNORECASE,
        ),
    ),
    (
        "call to comment",
        re.compile(
            r"(?:have an opinion|have your say|what do you think|join the (?:discussion|conversation)|"
            r"leave a (?:comment|reply)|show comments|view comments|comment on this (?:story|article)|"
            r"discuss this (?:story|article)|tell us what you think|share your (?:thoughts|views)).{0,160}",
            re.IGNORECASE,
        ),
    ),
    (
        "licence or archive notice",
        re.compile(
            r".{0,60}\b(?:(?:content|text|material|this (?:article|work|page|story)) is (?:available|licensed|"
            r"published|released) under|unless otherwise (?:noted|stated)|this page (?:is|was) (?:archived|"
            r"last (?:edited|modified|updated))|no longer publicly editable|all rights reserved)\b.{0,160}",
            re.IGNORECASE,
        ),
    ),
    (
        "site credits",
        re.compile(
            r"(?:(?:proudly )?powered by|blog at|website by|site by|designed by|theme(?: by)?:?)\s+[\w.&' -]{1,60}\.?",
            re.IGNORECASE,
        ),
    ),
    ("reading time", re.compile(r"\d+\s*(?:min(?:ute)?s?)(?: read| listen)?", re.IGNORECASE)),
    (  # a breadcrumb ("you are here: HomeNewsBusinessMarkets"), an account box, a share panel's notes
        "navigation",
        re.compile(
            r"you are (?:here|at)\b.{0,120}|you are (?:signed|logged) in as\b.{0,60}"
            r"|(?:copy|share) this link|read more about sharing\.?|share this with"
            r"|these are external links and will open in a new window|https?://\S+",
            re.IGNORECASE,
        ),
    ),
    (  # "Tags Ilhan Omar death threat": a tag list with no colon and no sentence in it
        "tag list",
        re.compile(r"(?:tags|tagged|topics)\s+[^.!?:]{1,200}", re.IGNORECASE),
    ),
    (
        "time stamp",
        re.compile(
            r"(?:updated|published|posted|modified|last updated)(?: at| on)?\s*:?\s*\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?"
            r"(?:\s*[A-Z]{2,5})?\.?",
            re.IGNORECASE,
        ),
    ),
    (
        "paywall",
        re.compile(
            r"continue reading(?: the (?:main )?(?:story|article)| below)?\.?"
            r"|(?:subscribe|sign up|log ?in|register) (?:now )?to (?:continue|keep|read|unlock).{0,120}"
            r"|(?:this (?:article|story|content) is|available) (?:only )?(?:for|to) (?:paying )?(?:subscribers|members).{0,80}"
            r"|already an? (?:subscriber|member)\??.{0,60}|(?:become|join) (?:an? )?(?:subscriber|member)\.?"
            r"|you(?:'ve|’ve| have) (?:reached|used) (?:your|all).{0,20}(?:limit|free).{0,100}"
            r"|to read (?:the full|this|the rest of this) (?:article|story).{0,100}|join [\d,]+ other subscribers",
            re.IGNORECASE,
        ),
    ),
    (  # at least one language named: "International" alone is a section, not a language menu
        "language menu",
        re.compile(
            rf"(?=.*\b(?:{LANGUAGE})\b)(?:{LANGUAGE}|{LANGUAGE_WORD})(?:\s*[|/·•,]?\s*(?:{LANGUAGE}|{LANGUAGE_WORD}))*",
            re.IGNORECASE,
        ),
    ),
)
# A caption ending a short line: "Protesters on Sunday. Photograph: Jane Doe/AFP/Getty Images".
CAPTION_TAIL = re.compile(
    r"(?:\b|(?<=[a-z.]))(?:image|photo|photograph|picture|credit|illustration)s?\s*:\s*[^:!?]{1,100}\)?\.?$"
    r"|(?:/|\bvia\s)(?:getty images|afp|ap|reuters|epa|pa(?: media| wire)?|shutterstock|alamy|bloomberg)\)?\.?$",
    re.IGNORECASE,
)
RELATED_HEADING = re.compile(
    r"(?:related(?: news| stories| articles| content| coverage| links| reading| topics| tags)?|read more(?: on .{1,40})?"
    r"|more on this (?:story|topic)|more (?:from|in|on) [\w .&'-]{1,40}|see also|also read|read next"
    r"|you (?:may|might) also (?:like|be interested in)|recommended(?: for you| stories| reading)?"
    r"|most (?:read|popular|viewed|shared)|top stories|trending(?: now)?|elsewhere on [\w .&'-]{1,30}"
    r"|around the (?:web|bbc)|more stories|latest stories|editor'?s picks|popular now|in other news"
    r"|what to read next)\s*[:›»]?",
    re.IGNORECASE,
)
INLINE_RELATED = re.compile(r"(?:read more|related|see also|also read|read next)\s*[:›»|-]\s*\S.*", re.IGNORECASE)
SOURCES_HEADING = re.compile(
    r"(?:sources?|references|external links|notes|bibliography|citations)\s*:?", re.IGNORECASE
)
SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?:\s|$)")
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
URL = re.compile(r"https?://|www\.\w")
LONG_PARAGRAPH = 40  # words: a line this long is a paragraph whatever it starts with


def words(line: str) -> int:
    return len(line.split())


def is_prose(line: str) -> bool:
    """A real paragraph: a long line made of sentences."""
    n = words(line)
    return n >= 25 or (n >= 12 and bool(SENTENCE_END.search(line)) and line.rstrip()[-1:] in '.!?"”’)')


def headline_like(line: str) -> bool:
    """A line that reads like a headline in a list: short, no full stop at the end."""
    return 0 < len(line) <= 160 and words(line) <= 28 and not line.endswith(".")


def citation_like(line: str) -> bool:
    """A line of a Sources list: a cited title with its outlet, date or URL, not a paragraph."""
    if is_prose(line) and not (URL.search(line) or YEAR.search(line)):
        return False
    return len(line) <= 400 and bool(URL.search(line) or YEAR.search(line) or " — " in line or " - " in line)


def short_caps(line: str) -> bool:
    """A menu entry: 1-4 words, capitalised, no sentence punctuation ("Latest news", "World")."""
    n = words(line)
    return 1 <= n <= 4 and line[:1].isupper() and not re.search(r"[.!?,;:\"“”]$|\d", line)


def split_items(line: str) -> list[str]:
    return [item for item in ITEM_SEPARATOR.split(line) if item.strip()]


def item_line(line: str, header: bool) -> bool:
    """A menu, share bar or footer: every item a known one, or (before the headline) a menu entry."""
    items = split_items(line)
    if not items or len(line) > 300:
        return False
    known = sum(1 for item in items if ITEM.fullmatch(item.strip()))
    if known == len(items):
        return True
    if len(items) >= 3 and all(words(i) <= 4 for i in items):
        return known * 2 >= len(items) or (header and all(short_caps(i) for i in items))
    return False


def caption_tail(line: str) -> bool:
    """A line ending in a photo credit ("... on Sunday. Image: Jane Doe.") is a caption."""
    m = CAPTION_TAIL.search(line)
    return m is not None and len(line) <= 400 and not SENTENCE_END.search(line[m.start() : -1])


def line_furniture(line: str, header: bool) -> str | None:
    """Why a single line is furniture ("separator", "caption"...), or None when it may be content."""
    if SEPARATOR_LINE.fullmatch(line):
        return "separator"
    if caption_tail(line):
        return "caption"
    if words(line) >= LONG_PARAGRAPH or len(line) > 300:
        return None  # a real paragraph, whatever words it starts with
    if item_line(line, header):
        return "menu, share bar or footer"
    if header and re.fullmatch(r"search\b.{0,40}", line, re.IGNORECASE):
        return "search box"
    if INLINE_RELATED.fullmatch(line):
        return "related link"
    for reason, pattern in LINE_FURNITURE:
        if pattern.fullmatch(line):
            return reason
    return None


def list_heading(line: str) -> str | None:
    """'related' for a Related/Read more heading, 'sources' for a Sources heading, else None."""
    if RELATED_HEADING.fullmatch(line):
        return "related"
    if SOURCES_HEADING.fullmatch(line):
        return "sources"
    return None


def key(line: str) -> str:
    """A line compared loosely: case and spacing do not matter."""
    return " ".join(line.casefold().split())


def repeated(lines: Sequence[str | None]) -> set[str]:
    """Headline-like lines that occur twice or more: recommendation widgets, repeated menus."""
    counts = Counter(key(line) for line in lines if line and words(line) >= 3)
    # Not questions, not lines holding a sentence break (interview answers), not "—Name" attributions.
    return {
        k
        for k, n in counts.items()
        if n >= 2 and headline_like(k) and not k.endswith(("?", "!")) and not SENTENCE_END.search(k)
        and not k.startswith(("—", "–", "-"))
    }


def remove_furniture(lines: Sequence[str | None], header_end: int, *, repeats: bool = True) -> list[str | None]:
    """The lines with furniture replaced by None (blank lines stay "", None lines are skipped).

    ``header_end`` is the index of the first real paragraph; lines before it are the page
    header, where a repeated line keeps its first occurrence (it may be the headline).
    ``repeats``: drop headline-like lines seen twice (off for an extractor's text, where a
    repeated line is the article's own: the rows of two tables, a refrain).
    """
    out: list[str | None] = list(lines)
    twice = repeated(lines) if repeats else set()
    seen: set[str] = set()
    listing: str | None = None  # inside a Related or Sources list
    for i, line in enumerate(lines):
        if not line:
            continue
        if listing:
            member = headline_like(line) if listing == "related" else citation_like(line)
            if member and not is_prose(line):
                out[i] = None
                continue
            listing = None
        kind = list_heading(line)
        if kind:
            out[i], listing = None, kind
            continue
        k = key(line)
        if line_furniture(line, i < header_end) or (k in twice and (k in seen or i >= header_end)):
            out[i] = None
        seen.add(k)
    return out
