"""Where the article sits in a pasted page: block-level features, not single lines.

A page pasted from a browser holds the article among menus laid out one link per line, teaser
lists, share and newsletter widgets, comment threads and footers. Line by line these look like
short paragraphs; as blocks they do not. The page is cut into regions of prose separated by
gaps; a gap is a run of lines that are not prose, and it splits the page when its cost (short
lines, menu items, furniture) passes a limit or when it holds a heading that ends an article
("Comments", "Related", "Most read", "Sign up for our newsletter"). The article is the region
holding the most prose, discounted when its lines read like comments or teasers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from claimgraph.ingest import boilerplate as bp
from claimgraph.ingest import metadata as md

# Headings after which a page holds no more of the article: comment threads, teaser lists,
# widgets. Matched against a whole line.
END_HEADING = re.compile(
    r"(?:\d+\s+)?(?:(?:top|most|best|highest|recent|latest|reader|readers'?|user|popular) (?:rated )?)?"
    r"(?:comments?|responses?|replies|reactions|discussion|conversation)(?:\s*\(\d+\))?"
    r"|(?:leave|post|add|write|submit) a (?:comment|reply|response)|(?:show|view|load|read) (?:all )?comments?"
    r"|join the (?:discussion|conversation|debate)|comments? (?:are|is) closed|you must be logged in.*"
    r"|you must log in to post a comment\.?|(?:\d+\s+)?thoughts? on .{1,200}|(?:\d+\s+)?responses? to .{1,200}"
    r"|share (?:this|the) (?:article|story|post|page)\s*:?|share this\s*:?|sharing is caring.*"
    r"|(?:sign up|subscribe) (?:for|to) (?:our|the) .{0,40}newsletters?.{0,60}|newsletters?"
    r"|more (?:stories|news|articles|videos|from [\w .&'-]{1,40})|popular (?:stories|articles|posts|on [\w .&'-]{1,30})"
    r"|(?:read|watch) (?:these )?next|up next|what to read next|latest (?:news|stories|articles|posts|videos)"
    r"|about the author|(?:tags?|topics)\s*:?|you may have missed|don'?t miss|more in [\w .&'-]{1,40}"
    r"|(?:sponsored|partner) (?:content|stories|links)|from (?:our|the) (?:partners|web)|promoted (?:stories|links)"
    r"|trending(?: now| news| stories| topics)?|view the discussion thread\.?"
    # the same headings in the other languages of the benchmark's outlets (pt, es, fr, de, it, ru)
    r"|voc[êe] (?:pode|também pode) gostar.{0,5}|leia (?:também|mais).{0,5}|veja (?:também|mais).{0,5}"
    r"|(?:lee|ver) también.{0,5}|te puede interesar.{0,5}|(?:à|a) lire aussi.{0,5}|vous aimerez aussi.{0,5}"
    r"|lesen sie auch.{0,5}|das könnte sie auch interessieren.{0,5}|leggi anche.{0,5}|potrebbe interessarti.{0,5}"
    r"|читайте также.{0,5}|похожие (?:статьи|записи|новости).{0,5}|комментарии.{0,5}|comentários?.{0,5}"
    r"|commenti.{0,5}|kommentare.{0,5}|commentaires?.{0,5}",
    re.IGNORECASE,
)
COMMENTS_HEADING = re.compile(
    r"(?:\d+\s+)?(?:(?:top|most|best|highest|recent|latest|reader|readers'?|user|popular|read all|view all|show) "
    r"(?:rated )?)?(?:comments?|responses?|replies)(?:\s*\(\d+\))?|(?:leave|post|add|write) a (?:comment|reply)"
    r"|(?:\d+\s+)?thoughts? on .{1,200}|(?:\d+\s+)?responses? to .{1,200}|join the (?:discussion|conversation)",
    re.IGNORECASE,
)
# Lines that give a comment away: a commenter's "says:", "Reply" buttons, vote counts.
COMMENT_LINE = re.compile(
    r".{1,60}\s(?:says|said|wrote)\s*:|reply|report(?: abuse)?|(?:\d+\s+)?(?:likes?|points?|votes?|upvotes?)"
    r"|flag|permalink|in reply to .{1,60}|log in to reply|\d+ (?:replies|reply)"
    r"|(?:rating|score)\s*:?\s*[+-]?\d+(?:\s*(?:votes?|points?))?",
    re.IGNORECASE,
)
# A time stamp of a teaser or a comment: "2 days ago at 08:58 am", "Wednesday November 20, 2019".
DATED = re.compile(
    rf"(?:.{{0,30}}\b)?(?:(?:\d+|an?|one)\s*(?:second|minute|min|hour|hr|day|week|month|year|[smhd])s?\s+ago"
    rf"|{md._DATE}).{{0,30}}",
    re.IGNORECASE,
)
# Two texts run together where a link ended and the next began ("...OptionsThe 49ers"): a
# teaser list of headlines and their standfirsts, as a browser copies it.
GLUED = re.compile(r"[a-z]{3}[?!]?[A-Z](?:[a-z]{2}|\s)")
# Words of page furniture that, often in one block, mark it as a widget or a banner.
WIDGET_WORD = re.compile(
    r"\b(?:cookies?|consent|privacy|subscribe|subscription|newsletters?|sign up|log ?in|comments?|share|"
    r"advertis\w*|terms|policy|reply|browser|javascript|unsubscribe|inbox|notifications?)\b",
    re.IGNORECASE,
)
SOCIAL = re.compile(
    r"\b(?:facebook|twitter|whatsapp|pinterest|pint|linkedin|reddit|telegram|email|e-mail)\b", re.IGNORECASE
)
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef]")
SENTENCE_MARK = re.compile(r"[.!?。！？][\"'”’)\]」]*(?:\s|$)")
PUNCTUATION = re.compile(r"[.,;:!?。，、！？]")
TRUNCATED = re.compile(r"(?:\.\.\.|…)\s*$")
LIST_ITEM_COST = 0.5  # a line of four words or more that is not furniture
MIN_LIST = 3  # lines of a list closing an article
MAX_INTERRUPTION = 25  # lines of a widget inside an article's body
MIN_CONTINUATION = 40  # words of prose below such a widget, at least, to be more of the body
CONTINUATION_SHARE = 0.2  # ... and at least this share of the article's words above it
DATELINE_BONUS = 1.5  # a region right under a date or byline is more likely the article
HEADER_LINES = 6  # lines above a region searched for its date or byline
DATELINE_COST = 2.0  # a date or byline line, alone or not
GAP_LIMIT = 4.0  # cost of the non-prose lines between two prose lines that splits the page
DISCOUNT = 0.2  # a region that reads like comments, teasers or a widget counts for this share
WIDGET_DENSITY = 40  # words of prose per furniture word ("cookies", "subscribe") in a widget
MIN_OUTSIDE = 6  # lines in runs outside the article that show a page around it (twice that if alone)


@dataclass(frozen=True, slots=True)
class Region:
    """Lines ``start`` to ``end`` (exclusive) of prose with small gaps; ``score`` its weight."""

    start: int
    end: int
    words: float
    score: float
    body_like: bool = True  # no discount for its own lines (comments, teasers, widgets)


@lru_cache(maxsize=8192)  # a line is weighed many times: regions, gaps, widgets, continuations
def prose_words(line: str) -> float:
    """The weight of a line as article text: the words of a prose line (a paragraph, as far as
    one line tells), half the words of a table row (cells separated by tabs), else 0."""
    if not line or TRUNCATED.search(line):
        return 0
    n = size(line)
    if line.count("\t") >= 2:
        return n / 2
    ends = line.rstrip()[-1:] in '.!?"”’)。！？」'
    if not (n >= 25 or (n >= 12 and ends and bool(SENTENCE_MARK.search(line)))):
        return 0
    if n >= 25 and len(PUNCTUATION.findall(line)) * 30 < n:
        return 0  # a tag cloud or a list of links run together has no punctuation
    return n


def size(line: str) -> float:
    """Words in a line; Chinese and Japanese, written without spaces, count a word per two characters."""
    cjk = len(CJK.findall(line))
    return len(CJK.sub(" ", line).split()) + cjk / 2 if cjk else bp.words(line)


def sentence_like(line: str) -> bool:
    """A short paragraph: ends like a sentence and holds a few words ("He was 42.")."""
    return size(line) >= 3 and line.rstrip()[-1:] in '.!?"”’)。！？」' and not TRUNCATED.search(line)


@lru_cache(maxsize=8192)
def gap_cost(line: str) -> float:
    """What a non-prose line costs the gap it sits in: menu items most, short sentences least."""
    if not line:
        return 0.0
    if END_HEADING.fullmatch(_bare(line)):
        return GAP_LIMIT + 1
    if md.parse_copyright(line):
        return GAP_LIMIT + 1  # a copyright notice closes the article (or the page)
    if bp.line_furniture(line, header=False) or bp.list_heading(line):
        return 1.0
    if md.parse_date_line(line) is not None or md.parse_byline(line) is not None:
        return DATELINE_COST  # a date or byline under a headline starts another article or teaser
    n = size(line)
    if sentence_like(line):
        return 0.25
    if n <= 3:
        return 1.0
    if n <= 7:
        return 0.5
    return 0.35


def _costs(lines: Sequence[str]) -> list[float]:
    """The gap cost of each line. A short line standing alone between blank lines or prose (a
    subheading, a one-line paragraph) costs a third of one among other short lines: menus and
    link lists are runs of short lines with no blank line between them."""
    costs = [0.0 if not line or prose_words(line) else gap_cost(line) for line in lines]
    for i, line in enumerate(lines):
        if costs[i] and costs[i] <= GAP_LIMIT and costs[i] != DATELINE_COST:
            alone = all(
                j < 0 or j >= len(lines) or not lines[j] or prose_words(lines[j]) for j in (i - 1, i + 1)
            )
            if alone:
                costs[i] /= 3
    return costs


def regions(lines: Sequence[str]) -> list[Region]:
    """The prose regions of a page, in order."""
    found: list[Region] = []
    start = last = -1
    gap = 0.0
    heading = after_comments = False  # a comments heading above the current region
    listing = after_list = False  # an end-of-article heading in the gap just above it
    costs = _costs(lines)
    for i, line in enumerate(lines):
        if prose_words(line):
            if start >= 0 and gap > GAP_LIMIT:
                found.append(_region(lines, start, last + 1, found, after_comments, after_list))
                start = -1
            if start < 0:
                start, after_comments, after_list = i, heading, listing
            last = i
            gap = 0.0
            listing = False
        elif line:
            gap += costs[i]
            heading = heading or bool(COMMENTS_HEADING.fullmatch(_bare(line)))
            listing = listing or _ends(line)
    if start >= 0:
        found.append(_region(lines, start, last + 1, found, after_comments, after_list))
    return found


def _bare(line: str) -> str:
    return line.strip(" :.|›»[]()")


def _region(
    lines: Sequence[str], start: int, end: int, before: list[Region], after_comments: bool, after_list: bool
) -> Region:
    """A region weighed: its prose words, discounted when it reads like a comment thread (or
    follows a comments heading below an article), a teaser list (time stamps, headlines run into
    standfirsts) or a widget (cookie banner, sign-up box)."""
    inside = [line for line in lines[start:end] if line]
    prose = [line for line in inside if prose_words(line)]
    words = sum(prose_words(line) for line in prose)
    score = float(words)
    comments = sum(1 for line in inside if COMMENT_LINE.fullmatch(_bare(line)))
    if (comments >= 2 and comments * 6 >= len(inside)) or (
        after_comments and any(r.words >= 100 for r in before)
    ):
        score *= DISCOUNT
    dated = sum(1 for line in inside if len(line) <= 80 and DATED.fullmatch(line))
    if dated >= 3 and dated * 2 >= len(prose):
        score *= DISCOUNT
    glued = sum(1 for line in prose if GLUED.search(line))
    if glued >= 3 and glued * 2 >= len(prose):
        score *= DISCOUNT
    led = sum(
        1 for k, line in enumerate(inside[1:], 1) if prose_words(line) and not prose_words(inside[k - 1])
    )
    if len(prose) >= 3 and led * 10 >= len(prose) * 7:
        score *= DISCOUNT  # each paragraph under a headline of its own: a teaser list
    widget = sum(_widget_words(line) for line in inside)
    if widget * WIDGET_DENSITY >= words:
        score *= DISCOUNT
    body_like = score == words
    if after_list and any(r.words >= 100 and r.body_like for r in before):
        score *= DISCOUNT  # under a "Related" or "You may like" heading, below an article
    if _under_dateline(lines, start):
        score *= DATELINE_BONUS
    return Region(start, end, words, score, body_like)


def _under_dateline(lines: Sequence[str], start: int) -> bool:
    """Whether a date or byline sits just above the region, as under an article's headline."""
    above = [line for line in lines[max(0, start - 12) : start] if line][-HEADER_LINES:]
    return any(md.parse_date_line(line) is not None or md.parse_byline(line) is not None for line in above)


def main_span(lines: Sequence[str]) -> list[tuple[int, int]] | None:
    """The parts of the page holding the article, as line ranges (start, end exclusive), or
    None when the text shows no page around its prose (a clean report: headline, date, body).

    The article is the heaviest region; a region below it (or above it, when no date or byline
    parts them) joins when the box between them is short and holds no comments heading or
    widget, and the region reads like more of the article (no discount), as when a "Most read"
    box interrupts the body. Sign-up, share and comment boxes inside the parts are cut out.
    """
    found = regions(lines)
    if not found:
        return None
    at = max(range(len(found)), key=lambda k: found[k].score)
    best = found[at]
    parts = [(best.start, best.end)]
    for before, after in zip(found[at:], found[at + 1 :]):
        if not _continues(lines, before, after, after, best):
            break
        parts.append((after.start, after.end))
    for before, after in zip(found[at - 1 :: -1] if at else [], found[at:0:-1]):
        # Above the heaviest part too, but not across a date or byline (an article's header).
        if not _continues(lines, before, after, before, best) or any(
            _dated(line) for line in lines[before.end : after.start] if line
        ):
            break
        parts.insert(0, (before.start, before.end))
    start, end = parts[-1]
    # Short closing paragraphs right after the last long one ("He was 42.") belong to it.
    while end < len(lines) and (not lines[end] or sentence_like(lines[end])) and gap_cost(lines[end]) < 1:
        end += 1
    end = _list_after(lines, end)
    while end > parts[-1][1] and not lines[end - 1]:
        end -= 1
    parts[-1] = (start, end)
    parts = [piece for part in parts for piece in _without_widgets(lines, *part)]
    if not parts or (len(found) == 1 and not _page_around(lines, parts[0][0], end)):
        return None
    return parts


def _continues(lines: Sequence[str], before: Region, after: Region, joining: Region, best: Region) -> bool:
    """Whether ``joining`` (``before`` or ``after``) is more of the article whose heaviest part is
    ``best``: the box between them is short, not a comments heading or a widget, and ``joining``
    reads like body (no discount) and holds enough of it."""
    gap = [line for line in lines[before.end : after.start] if line]
    return not (
        not joining.body_like
        or joining.words < max(MIN_CONTINUATION, CONTINUATION_SHARE * best.words)
        or len(gap) > MAX_INTERRUPTION
        or any(COMMENTS_HEADING.fullmatch(_bare(line)) for line in gap)
        or sum(_widget_words(line) for line in gap) >= 2  # a "Related" or "Trending" heading may sit in it
    )


def _dated(line: str) -> bool:
    return md.parse_date_line(line) is not None or md.byline_in(line) is not None


def _without_widgets(lines: Sequence[str], start: int, end: int) -> list[tuple[int, int]]:
    """A part of the article with the widgets in it cut out: a run of non-prose lines between
    paragraphs (or closing the part) whose words are those of sign-up, share or comment boxes
    ("Stay up to date", "Subscribe", "No thanks"), two such words at least."""
    pieces: list[tuple[int, int]] = []
    piece = start
    i = start
    while i < end:
        if prose_words(lines[i]):
            i += 1
            continue
        j = i
        while j < end and not prose_words(lines[j]):
            j += 1
        if _widget(lines[i:j]):
            first = next(
                (k for k in range(i, j) if lines[k] and (_widget_words(lines[k]) or _ends(lines[k]))), i
            )
            if first > piece:
                pieces.append((piece, first))
            piece = j
        i = j
    if end > piece:
        pieces.append((piece, end))
    return pieces


def _widget(run: Sequence[str]) -> bool:
    """Lines that make a sign-up, share or comments box: two furniture words or an end heading."""
    return sum(_widget_words(line) for line in run if line) >= 2 or any(_ends(line) for line in run if line)


def _widget_words(line: str) -> int:
    """Furniture words in a line; the names of social networks count in a share bar (a short line)."""
    return len(WIDGET_WORD.findall(line)) + (len(SOCIAL.findall(line)) if bp.words(line) <= 6 else 0)


def _ends(line: str) -> bool:
    return bool(END_HEADING.fullmatch(_bare(line)))


def _list_after(lines: Sequence[str], end: int) -> int:
    """The end of the article once a list closing it is counted ("Tour dates" and one line a
    date): lines of four words or more right under the body, none of them a menu item,
    furniture or a heading that ends an article; a list needs three lines or more."""
    items = 0
    last = end
    for j in range(end, len(lines)):
        line = lines[j]
        if not line:
            continue
        if prose_words(line) or gap_cost(line) > LIST_ITEM_COST:
            break
        items += 1
        last = j + 1
    return last if items >= MIN_LIST else end


def _page_around(lines: Sequence[str], start: int, end: int) -> bool:
    """Whether lines outside the article show a web page: menus and lists are runs of lines with
    no blank line between; a clean report has at most a headline, a date and a few lone lines."""
    outside = [i for i, line in enumerate(lines) if line and not start <= i < end]
    runs = sum(1 for i in outside if (i > 0 and lines[i - 1]) or (i + 1 < len(lines) and lines[i + 1]))
    return runs >= MIN_OUTSIDE or len(outside) >= 2 * MIN_OUTSIDE
