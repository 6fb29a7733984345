"""A report written to attack the pages that show it: markup, event handlers and script links in
its title, text, metadata, entity names and quotes. Nothing of it may run in a browser."""

from __future__ import annotations

from claimgraph.model import Document, Entity, Extraction, Quote, Relation, Span

TITLE = "<script>window.__pwned='title'</script><img src=x onerror=\"window.__pwned='img'\"> Hostile report"
BODY = (
    "Officials said </textarea><script>window.__pwned='text'</script> nothing at all.\n\n"
    "Click <a href=\"javascript:window.__pwned='link'\">here</a> for more, "
    "or \" onmouseover=\"window.__pwned='attr'.\n\n"
    "\"<img src=y onerror=window.__pwned='quote'> is our answer,\" said Mallory Hacker.\n\n"
    "Mallory Hacker leads the <svg onload=window.__pwned='svg'> Brigade, officials said."
)
URL = "javascript:window.__pwned='url'"
ORG = "<svg onload=window.__pwned='svg'> Brigade"


# The same attack as a line of a JSON Lines feed, read and extracted like any report
FEED_LINE = {
    "url": "javascript:window.__pwned='feed-url'",
    "date": "2020-01-08",
    "title": "<script>window.__pwned='feed-title'</script>Feed attack</textarea>",
    "text": (
        "Mallory Hacker said on Tuesday that <img src=z onerror=\"window.__pwned='feed-img'\"> was harmless. "
        "\"We will <script>window.__pwned='feed-quote'</script> win,\" Mallory Hacker told reporters in Paris.\n\n"
        "Read more at <a href=\"javascript:window.__pwned='feed-link'\">this link</a></textarea>."
    ),
}


def _span(text: str, words: str, after: int = 0) -> Span:
    start = text.index(words, after)
    return Span(start, start + len(words), words)


def hostile() -> Extraction:
    text = f"{TITLE}\n\n{BODY}"
    doc = Document(
        text,
        source=URL,
        title=TITLE,
        authors=["<script>window.__pwned='author'</script>"],
        publisher="<b onmouseover=\"window.__pwned='publisher'\">Evil Press</b>",
        published="2020-01-07",
        url=URL,
    )
    person_mentions = [
        _span(text, "Mallory Hacker"),
        _span(text, "Mallory Hacker", text.index("Mallory Hacker") + 1),
    ]
    quote = _span(text, "<img src=y onerror=window.__pwned='quote'> is our answer,")
    return Extraction(
        doc,
        [
            Entity("e1", "Mallory Hacker", "PERSON", [], person_mentions),
            Entity("e2", ORG, "ORG", [], [_span(text, ORG)]),
        ],
        quotes=[Quote("q1", quote.text, quote.start, quote.end, "direct", "e1", "Mallory Hacker", "said")],
        relations=[Relation("r1", "e1", "leader_of", "e2", _span(text, f"Mallory Hacker leads the {ORG}"))],
    )
