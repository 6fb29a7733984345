"""Plain text (typed, exported or pasted from a web page) to a `Document`.

Layout of ``Document.text``: the headline, a blank line, then the standfirst and body
paragraphs separated by one blank line. Metadata lines (date, byline, publisher tagline,
copyright) become fields of the document; page furniture is dropped (see boilerplate.py).
"""

from __future__ import annotations

import itertools
import logging
import re
from collections import Counter
from dataclasses import dataclass, field

from claimgraph.errors import EMPTY, InputError
from claimgraph.ingest import blocks
from claimgraph.ingest import boilerplate as bp
from claimgraph.ingest import metadata as md
from claimgraph.model import Document
from claimgraph.nlp.datelines import WIRE_SERVICES, dateline_at

log = logging.getLogger(__name__)

LINE_BREAK = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
BULLET = re.compile(r"^[*•·▪►]\s+")
# A time of day or "Updated 3 hours ago" beside the date in a metadata line ("Sept 12, 2019 / 8:41 AM").
TIME_ITEM = re.compile(r"\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,5})?", re.IGNORECASE)
# An author line without "By" is trusted only this close to a date line, in the page header.
AUTHOR_NEAR_DATE = 2
# Lines above a pasted article that are not its headline: time stamps, bylines, captions in
# parentheses, quote attributions, labels ("Publish date:"), breadcrumbs ("Software ›").
NOT_HEADLINE = re.compile(
    rf"{md._DATE}|\b\d{{1,2}}:\d\d\b|\bago\b|^by\s|\sby\s*:?\s+[A-Z]|^\(.*\)$|^[—–-]|[:›»>|/]$"
    r"|\s[›»>/]\s.*\s[›»>/]\s",
    re.IGNORECASE,
)
# A photo caption with its credit run on by the browser's text: the caption's full stop, then the
# photographer or agency with no space between ("... in Braunau am Inn, Austria.Leonhard Foeger /
# Reuters file", "... isn't easy.Kathrin Ziegler/Getty", "... in New York.Reuters").
GLUED_CREDIT = re.compile(r"[a-z\d][.!?][”’\"']?[A-Z][\w'’-]*(?:(?: | ?/ ?)[A-Z][\w'’-]*){0,4}(?: file)?$")
SHARE_WORD = re.compile(r"\b(?:facebook|twitter|email|linkedin|reddit|pinterest|whatsapp|copy|link|print|tweet)\b", re.IGNORECASE)
QUOTED = re.compile(r"[\"“‘'].*[\"”’']")  # a pull quote, whole in quote marks
HEADLINE_LOOKBACK = 25
LEAD_LINES = 12  # first lines of a pasted article whose words a headline shares
# Words of four letters or more that say nothing of a story's subject.
_FUNCTION_WORDS = {
    "that", "this", "with", "from", "have", "will", "been", "were", "they", "their", "there", "which",
    "would", "could", "about", "after", "what", "when", "more", "than", "said", "says", "into", "over",
}
BYLINE_BELOW = 4  # first lines of a pasted article searched for a byline  # lines above a pasted article searched for its headline


@dataclass(slots=True)
class Page:
    """What the cleaner found in one report."""

    title: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    publisher: str | None = None

    @property
    def text(self) -> str:
        return "\n\n".join(([self.title] if self.title else []) + self.byline + self.paragraphs)

    @property
    def byline(self) -> list[str]:
        """The reporters as a paragraph of their own under the headline ("By Jane Doe and Oleh
        Bondar"), so each is a person of the report with offsets like any other (the page's own
        byline line, often joined with dates and outlets, is metadata and left out)."""
        body = " ".join(self.paragraphs)
        names = [a for a in self.authors if a not in body]
        if not names or not self.paragraphs:
            return []
        return ["By " + (names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1])]


HEADLINE_WORDS = 20  # at most, in a headline that reads as a sentence


def split_lines(raw: str) -> list[str]:
    """Lines with normalised line endings, no surrounding spaces and no Markdown heading marks."""
    raw = LINE_BREAK.sub("\n", raw.replace("\ufeff", ""))
    return [MARKDOWN_HEADING.sub("", line.strip()) for line in raw.split("\n")]


def clean_page(raw: str, *, title: str | None = None, unwrap: bool = True, locate: bool = True) -> Page:
    """Find the headline, metadata and body paragraphs of a report's text.

    ``locate``: look for the article among the page around it (text pasted from a browser);
    off for text an extractor already cut out of the page (trafilatura's, from HTML).
    """
    lines = split_lines(raw)
    parts = blocks.main_span(lines) if locate else None
    header_end = parts[0][0] if parts else next((i for i, line in enumerate(lines) if bp.is_prose(line)), len(lines))
    if header_end == 0 and title is None and _headline_as_sentence(lines):
        header_end = 1
    page = Page(title=title.strip() if title and title.strip() else None)
    kept = _take_metadata(lines, header_end, page)
    # Repeated lines are widgets when nothing else shows where the article is; inside a located
    # article they are its own (the same step in two meal plans, two tables with the same rows).
    kept = bp.remove_furniture(kept, header_end, repeats=locate and parts is None)
    page.publisher = page.publisher or _site_name(lines, kept)
    if parts:
        inside = {i for start, end in parts for i in range(start, end)}
        for i in range(parts[0][0], len(kept)):
            if i not in inside:
                kept[i] = None  # widgets in the body; below it lists, comments, footer
        header_end = _standfirst(kept, lines, parts[0][0])
        page.authors = _authors_in_header(lines, header_end) or page.authors
    body = _take_title(kept, lines, header_end, page, pasted=parts is not None)
    page.paragraphs = _paragraphs(body, lines, unwrap)
    page.publisher = page.publisher or (md.site_in_title(page.title) if page.title else None)
    page.publisher = page.publisher or _wire_agency(page.paragraphs[:2]) or _closing_agency(page.paragraphs)
    if page.title and not page.paragraphs and title is None:
        page.paragraphs, page.title = [page.title], None  # a lone line is text, not a headline
    return page


# CNN's dateline: the place in title case and the outlet in parentheses, with no dash after it
# ("Hong Kong (CNN Business) A muddled view ..."); taken when the outlet's first word is a wire service.
_PLACE_AND_AGENCY = re.compile(
    r"(?:[A-Z][\w.'’-]*(?:,? [A-Z][\w.'’-]*){0,3} )?\((?P<agency>[A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){0,2})\)\s+(?=[A-Z“\"‘])"
)


def _wire_agency(paragraphs: list[str]) -> str | None:
    """The agency of a wire dateline opening the article ("WASHINGTON (AP) — ...", "Hong Kong (CNN
    Business) ..."): its publisher when the page names no other."""
    for paragraph in paragraphs:
        if (line := dateline_at(paragraph, 0)) is not None and line.agency is not None:
            return paragraph[slice(*line.agency)]
        m = _PLACE_AND_AGENCY.match(paragraph)
        if m and m.group("agency").split()[0].casefold() in WIRE_SERVICES:
            return m.group("agency")
    return None


def _closing_agency(paragraphs: list[str]) -> str | None:
    """The wire service credited by the article's last word ("... into the US. PTI")."""
    m = md.CLOSING_AGENCY.search(paragraphs[-1]) if paragraphs else None
    return m.group("agency") if m and m.group("agency").casefold() in WIRE_SERVICES else None


def _take_metadata(lines: list[str], header_end: int, page: Page) -> list[str | None]:
    """Lines with date lines, bylines, taglines and copyright lines taken out (None)."""
    out: list[str | None] = list(lines)
    updated: str | None = None
    credits: list[str] = []
    date_lines: list[int] = []
    copyright_holder: str | None = None
    originally: str | None = None  # a syndicated report's first publisher: before the reprint's notice
    for i, line in enumerate(lines):
        if not line or len(line) > 200:
            continue
        found = _meta_items(line, page)
        if found == "date":
            date_lines.append(i)
        if found or md.RELATIVE_DATE_LINE.fullmatch(line):
            out[i] = None
        elif md.CREDIT_LINE.fullmatch(line):
            named = re.sub(r"^.*?\bby\b|[;].*$|[)\]]\W*$", "", line, flags=re.IGNORECASE)
            credits += md.names_in(named) or []
            out[i] = None
        elif i < header_end and (publisher := md.parse_tagline(line)):
            page.publisher, out[i] = publisher, None
        elif first_publisher := md.parse_originally(line):
            originally = originally or first_publisher  # the line stays: it names the outlet
        elif holder := md.parse_copyright(line):
            copyright_holder = holder  # the last notice: the page's footer, not a wire story's
            out[i] = None
        elif (date := md.parse_date_line(line)) is not None:
            updated = updated or date[0]
            out[i] = None
    page.published = page.published or updated
    page.publisher = page.publisher or originally or copyright_holder
    if not page.authors:
        page.authors = _authors_near_dates(out, date_lines) or credits
    return out


def _meta_items(line: str, page: Page) -> str | None:
    """Read a line made only of metadata items ("By Jane Doe | 29 Sep 2019 | 3 min read").

    Returns "date" when it held the publication date, "byline" when it held only names, else None
    (and then records nothing).
    """
    items = [line] if md.DATE_LINE.fullmatch(line) else bp.split_items(line)
    dates: list[str] = []
    names: list[str] = []
    for item in items:
        date = md.parse_date_line(item)
        if date is not None:
            if not date[1] and date[0]:
                dates.append(date[0])
            continue
        byline = md.parse_byline(item)
        if byline:
            names += byline
        elif not (re.fullmatch(r"\d+\s*min(?:ute)?s?(?: read)?", item, re.IGNORECASE) or TIME_ITEM.fullmatch(item)
                  or md.RELATIVE_DATE_LINE.fullmatch(item)):
            return None
    if not dates and not names:
        return None
    page.published = page.published or (dates[0] if dates else None)
    page.authors += [n for n in names if n not in page.authors]
    return "date" if dates else "byline"


def _authors_near_dates(lines: list[str | None], date_lines: list[int]) -> list[str]:
    """Names on a line of their own next to the date line ("Jane Doe in Beirut"); taken out."""
    first_content = next((i for i, line in enumerate(lines) if line), len(lines))
    for d in date_lines:
        for i in range(max(0, d - AUTHOR_NEAR_DATE), min(len(lines), d + AUTHOR_NEAR_DATE + 1)):
            line = lines[i]
            if line and i != first_content and len(line) <= 80 and (names := md.names_in(line, strict=True)):
                lines[i] = None
                return names
    return []


def _site_name(lines: list[str], kept: list[str | None]) -> str | None:
    """The site named most often in menu and footer items ("About Wikinews", "Search Wikinews")."""
    names: Counter[str] = Counter()
    for line, after in zip(lines, kept):
        if line and after is None:
            names.update(filter(None, (md.site_name_in(item.strip()) for item in bp.split_items(line))))
    return names.most_common(1)[0][0] if names else None


def _take_title(
    kept: list[str | None], lines: list[str], header_end: int, page: Page, *, pasted: bool = False
) -> list[str | None]:
    """Choose the headline among the header lines; menu entries before it are dropped.

    ``pasted``: the text is a page from a browser and the article starts at ``header_end``; the
    headline is the line the article follows, and nothing above the article is kept.
    """
    out = list(kept)
    header = [i for i in range(min(header_end, len(out))) if out[i]]
    if pasted:
        if page.title is None and (chosen := _line_before_body(lines, header_end)) is not None:
            page.title = lines[chosen]
        for i in header:
            out[i] = None
    elif page.title is None:
        # The headline sits just above the date or byline: take the last headline-like line before
        # them (site names, taglines and menu entries come earlier); else the first non-menu line.
        # (A standfirst may end the header before the byline: look a few lines past it.)
        meta_at = next((i for i in range(min(header_end + 8, len(out))) if out[i] is None and _dateline(lines[i])), None)
        before = [i for i in header if meta_at is not None and i < meta_at and _headline_candidate(out[i] or "")]
        chosen = before[-1] if before else None
        if chosen is None:
            chosen = next((i for i in header if not bp.short_caps(out[i] or "") and len(out[i] or "") <= 250), None)
        if chosen is None and header:
            alone = [i for i in header if _alone(lines, i)]
            chosen = alone[-1] if alone else header[-1]
        if chosen is None:
            return out
        page.title = out[chosen]
        for i in header:
            if i < chosen:
                out[i] = None  # menu entries above the headline
    title_key = bp.key(page.title or "")
    for i, line in enumerate(out):
        if line and bp.key(line) == title_key:
            out[i] = None
    return out


def _standfirst(kept: list[str | None], lines: list[str], start: int) -> int:
    """Where a pasted article starts once its standfirst is counted: a paragraph under the
    headline, parted from the body by the byline, date, share buttons and caption (taken out)."""
    met_meta = False
    for i in range(start - 1, -1, -1):
        line = kept[i]
        if not lines[i]:
            continue
        if line is None:
            met_meta = met_meta or _dateline(lines[i])
            continue
        if met_meta and blocks.prose_words(line) and len(line) <= 400:
            above = next((kept[j] for j in range(i - 1, -1, -1) if kept[j]), None)
            if above and _headline_candidate(above):
                return i
        return start
    return start


def _authors_in_header(lines: list[str], start: int) -> list[str]:
    """The byline of a pasted article: in the lines around its headline, nearest the body first,
    then in its first lines ("By Jane Doe | Nov. 19, 2019", "Jane Doe, Reuters")."""
    above = [i for i in range(start - 1, -1, -1) if lines[i]][:HEADLINE_LOOKBACK]
    below = [i for i in range(start, len(lines)) if lines[i]][:BYLINE_BELOW]
    for i in above + below:
        if names := md.byline_in(lines[i]):
            return names
        if lines[i].casefold() == "by":  # "By" on a line of its own, the names under it
            after = next((line for line in lines[i + 1 :] if line), "")
            if names := md.names_in(after, strict=True):
                return names
    return []


def _line_before_body(lines: list[str], start: int) -> int | None:
    """The headline of a pasted page: the nearest line above the article that reads like a
    headline, skipping the bylines, dates, share buttons, captions and labels between them.
    A headline next to a date or byline comes first (lists of other stories sit between a
    headline and its body too); lines of four words or more before shorter ones (kickers)."""
    # share bars and menus between a headline and its body do not count toward the look-back
    above = (i for i in range(start - 1, -1, -1) if lines[i] and not bp.line_furniture(lines[i], True))
    window = list(itertools.islice(above, HEADLINE_LOOKBACK))
    lead = _content_words(" ".join(line for line in lines[start : start + LEAD_LINES] if line))
    for least in (4, 2):
        found = [i for i in window if _pasted_headline(lines[i], least)]
        dated = [i for i in found if _next_to_dateline(lines, i)]
        if dated or found:
            chosen = (dated or found)[0]
            if _content_words(lines[chosen]) & lead:
                return chosen
            # a label or widget line ("Election 2019", "You are signed in as") shares no word with
            # the article; the nearest candidate that shares two is its headline, else the
            # article's own first line when its date or byline follows it
            sharing = (i for i in window
                       if _pasted_headline(lines[i], 2) and len(_content_words(lines[i]) & lead) >= 2)
            nearest = next(sharing, None)
            if nearest is not None:
                return nearest
            return start if _headline_over_metadata(lines, start) else chosen
    return start if _headline_over_metadata(lines, start) else None


def _headline_over_metadata(lines: list[str], i: int) -> bool:
    """Whether line ``i`` is a headline the located article took in: a short line with its date or
    byline right below it ("What is the value of drugs ...?" over "By Matthew Digby, ...")."""
    below = _nearest(lines, i, 1)
    line = lines[i]
    return (4 <= blocks.size(line) <= 30 and len(line) <= 250 and not QUOTED.fullmatch(line)
            and (md.parse_date_line(below) is not None or bool(md.byline_in(below))))


def _content_words(text: str) -> set[str]:
    """The words of four letters or more, cut to their first five (a crude stem: "shutoff" and
    "shutting" stay apart, "police" and "policing" meet), in lower case."""
    return {w[:5] for w in re.findall(r"[^\W\d_]{4,}", text.casefold()) if w not in _FUNCTION_WORDS}


def _nearest(lines: list[str], i: int, step: int) -> str:
    """The nearest line above (``step`` -1) or below (1) line ``i`` that is not blank, or ""."""
    return next((lines[j] for j in range(i + step, -1 if step < 0 else len(lines), step) if lines[j]), "")


def _next_to_dateline(lines: list[str], i: int) -> bool:
    """Whether the nearest line above or below line ``i`` is a date or a byline."""
    above, below = _nearest(lines, i, -1), _nearest(lines, i, 1)
    return any(
        md.parse_date_line(line) is not None or md.byline_in(line) or line.casefold() == "by" for line in (above, below)
    )


def _pasted_headline(line: str, least: int) -> bool:
    n = blocks.size(line)
    return (
        least <= n <= 30
        and len(line) <= 250
        and not line.endswith(".")
        and (n > 4 or not bp.short_caps(line))  # "Latest News", not a CJK headline of three "words"
        and not NOT_HEADLINE.search(line)
        and not GLUED_CREDIT.search(line)
        and not bp.line_furniture(line, header=True)
        and not blocks.WIDGET_WORD.search(line)
        and len(SHARE_WORD.findall(line)) < 2
        and not QUOTED.fullmatch(line)
        and md.parse_tagline(line) is None
        and md.parse_copyright(line) is None
        and md.parse_credit(line) is None
    )


def _dateline(line: str) -> bool:
    """A date or byline line of the page header (already taken out as metadata)."""
    return bool(line) and (md.parse_date_line(line) is not None or md.parse_byline(line) is not None)


def _headline_as_sentence(lines: list[str]) -> bool:
    """Whether the text opens with a headline that reads as a sentence: a line of its own, short,
    before prose, that asks a question ("What is the value of drugs that come to the U.S. border?")
    or is written in title case ("Home Depot Stock Is Falling After Its Earnings Release. Why You
    Shouldn't Worry.")."""
    if len(lines) < 3 or not lines[0] or lines[1] or bp.words(lines[0]) > HEADLINE_WORDS:
        return False
    following = next((line for line in lines[1:] if line), "")
    long_words = [w for w in lines[0].split() if len(w) >= 4 and w[:1].isalpha()]
    title_case = len(long_words) >= 3 and sum(w[:1].isupper() for w in long_words) >= 0.75 * len(long_words)
    return bp.is_prose(following) and (lines[0].endswith("?") or title_case)


def _headline_candidate(line: str) -> bool:
    return not bp.short_caps(line) and len(line) <= 250 and not line.endswith(".")


def _alone(lines: list[str], i: int) -> bool:
    """A line with blank lines (or the edge of the text) on both sides."""
    return (i == 0 or not lines[i - 1]) and (i + 1 >= len(lines) or not lines[i + 1])


def _paragraphs(kept: list[str | None], lines: list[str], unwrap: bool) -> list[str]:
    """Kept lines grouped into paragraphs: a block of lines between blank lines is one paragraph
    when it is hard-wrapped prose, else each of its lines is one."""
    paragraphs: list[str] = []
    block: list[str] = []
    for line, after in zip([*lines, ""], [*kept, ""]):
        if not line:
            paragraphs += _join_block(block) if unwrap else block
            block = []
        elif after:
            block.append(BULLET.sub("", after) if not bp.SEPARATOR_LINE.fullmatch(after) else after)
    return paragraphs


def _join_block(block: list[str]) -> list[str]:
    if len(block) < 2:
        return block
    width = max(len(line) for line in block)
    wrapped = width <= 100 and all(len(line) >= max(40, 0.6 * width) for line in block[:-1])
    continues = any(not a.endswith((".", "!", "?", '"', "”", ":")) or b[:1].islower() for a, b in zip(block, block[1:]))
    return [" ".join(block)] if wrapped and continues else block


def document_from_text(
    raw: str,
    source: str | None = None,
    *,
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
) -> Document:
    """A `Document` from a report's plain text; raises InputError(EMPTY) when no text is left.

    ``title``, ``published`` and ``url`` are metadata the caller already knows (JSON Lines
    fields); they win over what the text says.
    """
    page = clean_page(raw, title=title)
    if not page.paragraphs and (not page.title or title is not None):
        raise InputError(source or "<text>", "no text left once page furniture is removed", EMPTY)
    return Document(
        text=page.text,
        source=source,
        title=page.title,
        authors=page.authors,
        publisher=page.publisher or md.publisher_from_url(url),
        published=(md.normalise_date(published) or published) if published else page.published,
        url=url,
    )
