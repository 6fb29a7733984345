"""Cutting a report's text into pieces: overlapping mentions, quotes and the marked sentence."""

from __future__ import annotations

from claimgraph.web.highlight import PALETTE, pieces, speakers

TEXT = 'Title\n\n\n"We will win," said Ana Rojas of Chile. Rojas left.'


def _at(text: str, words: str, after: int = 0) -> tuple[int, int]:
    start = text.index(words, after)
    return start, start + len(words)


def test_highlight_pieces_cover_the_text_exactly_once() -> None:
    quote = _at(TEXT, "We will win,")
    mentions = [
        {"start": s, "end": e, "entity": "g1", "name": "Ana Rojas", "type": "PERSON"}
        for s, e in (_at(TEXT, "Ana Rojas"), _at(TEXT, "Rojas", TEXT.index("Rojas left")))
    ]
    quotes = [{"id": "q1", "start": quote[0], "end": quote[1], "speaker": "g1", "speaker_name": "Ana Rojas"}]
    out = pieces(TEXT, mentions, quotes, mark=_at(TEXT, "said Ana Rojas of Chile."))
    assert "".join(p.text for p in out) == TEXT
    assert [p.text for p in out if p.entity] == ["Ana Rojas", "Rojas"]
    assert [p.text for p in out if p.quote] == ["We will win,"]
    assert "".join(p.text for p in out if p.marked) == "said Ana Rojas of Chile."
    assert sum(p.anchor for p in out) == 1 and next(p for p in out if p.anchor).text == "said "
    assert [p.text for p in out if p.paragraph_break] == ["\n\n\n"]


def test_highlight_mention_inside_a_quote_keeps_both() -> None:
    text = '"Chile will win," she said.'
    out = pieces(
        text,
        [{"start": 1, "end": 6, "entity": "g2", "name": "Chile", "type": "GPE"}],
        [{"id": "q1", "start": 1, "end": 15, "speaker": "g1", "speaker_name": "Ana"}],
    )
    chile = next(p for p in out if p.text == "Chile")
    assert chile.entity and chile.quote and chile.quote["speaker"] == "g1"


def test_highlight_speakers_get_one_colour_each_unattributed_the_last() -> None:
    quotes = [
        {"speaker": "a", "speaker_name": "A"},
        {"speaker": None},
        {"speaker": "b", "speaker_name": "B"},
        {"speaker": "a", "speaker_name": "A"},
    ]
    found = speakers(quotes)
    assert [(s.name, s.colour, s.quotes) for s in found] == [
        ("A", 0, 2),
        ("unattributed", PALETTE - 1, 1),
        ("B", 1, 1),
    ]


def test_highlight_offsets_out_of_range_are_clipped() -> None:
    out = pieces(
        "abc", [{"start": 1, "end": 99, "entity": "g", "name": "x", "type": "ORG"}], [], mark=(-5, 2)
    )
    assert "".join(p.text for p in out) == "abc"
