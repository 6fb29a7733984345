"""Quotation marks: pairs found, odd and missing marks survived, apostrophes ignored."""

from claimgraph.nlp.quotemarks import find_quoted


def _texts(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quoted(text)]


def test_quotemarks_straight_and_curly() -> None:
    text = 'He said, "It happened under my watch." She replied: \u201cThat is so sad.\u201d'
    assert _texts(text) == ["It happened under my watch.", "That is so sad."]


def test_quotemarks_guillemets_and_single_quoted_headline() -> None:
    text = "Police shoot man dead after 'terrorist-related' knife attack\n\n\u00abNous resterons\u00bb, dit-il."
    assert _texts(text) == ["terrorist-related", "Nous resterons"]


def test_quotemarks_apostrophes_are_not_quotes() -> None:
    text = "It's the Smiths' house, and Jamal's killing wasn't 'forgotten', she said."
    assert _texts(text) == ["forgotten"]


def test_quotemarks_missing_close_stops_at_paragraph() -> None:
    text = 'Marchuk said: "We will hold the line.\n\nThe next paragraph is the reporter\'s own "words" here.'
    found = _texts(text)
    assert found[0] == "We will hold the line."
    assert "The next paragraph" not in found[0]
    assert "words" in found


def test_quotemarks_odd_marks_never_fail() -> None:
    for text in ['"', '""', '" " "', 'a "b" c " d', "'''", "\u201c\u201c\u201d", '"\n\n"x"']:
        find_quoted(text)  # must not raise
    assert _texts('one "two" three "four') == ["two", "four"]


from hypothesis import given
from hypothesis import strategies as st

_MARKS = st.sampled_from(['"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", " ", "\n\n", "a", "b."])


@given(st.lists(_MARKS, max_size=60).map("".join))
def test_quotemarks_any_mix_of_marks_gives_spans_inside_one_paragraph(text: str) -> None:
    for q in find_quoted(text):
        assert 0 <= q.start <= q.end <= len(text)
        assert "\n\n" not in text[q.start : q.end]


def test_quotemarks_thin_space_between_nested_closing_marks() -> None:
    # train influential-rock-drummer-ginger-baker: a thin space keeps the nested closing mark
    # apart from the outer one, which still closes the quotation
    text = ('"I\'d never sat behind a kit before, but I sat down \u2014 and I could play! One of the musicians '
            'turned round and said, \'Bloody hell, we\'ve got a drummer\', and I thought, \'Bloody hell, I\'m '
            'a drummer\'\u2009", he recalled in a 2009 retelling of the story to the The Independent.')
    (q,) = find_quoted(text)
    assert q.closed and text[q.start : q.end].startswith("I'd never sat")
    assert text[q.end + 1 :].startswith(", he recalled")


def test_a_short_quote_nested_in_the_same_straight_marks_stays_inside() -> None:
    # train syria-withdrawal: a tweet quoting "United States" inside straight marks
    text = ('Brett McGurk also criticized the decision via Twitter. "The WH statement tonight on Syria '
            "after Trump spoke with Erdogan demonstrates a complete lack of understanding of anything "
            'happening on the ground. The "United States" is not holding any ISIS detainees. They are all '
            'being held by the SDF, which Trump just served up to Turkey." McGurk later wrote, "The SDF '
            'suffered thousands of casualties in the Raqqa battle."')
    found = [text[q.start : q.end] for q in find_quoted(text)]
    assert found[0].startswith("The WH statement") and found[0].endswith("served up to Turkey.")
    assert found[1] == "The SDF suffered thousands of casualties in the Raqqa battle."
    # a stray opening mark before a new quote is still dropped
    stray = 'He said "no way. She said "yes indeed" and left.'
    assert [stray[q.start : q.end] for q in find_quoted(stray)] == ["yes indeed"]


def test_quotemarks_a_space_before_the_closing_mark_after_a_sentence_end() -> None:
    # train (new-york-man-pleads-guilty-to-threatening), a pasted page
    text = ('"But we must ask: who are we as a nation if we respond to threats of political retribution with '
            'retribution ourselves? " she wrote in her letter. "The answer to hate is not more hate; it is '
            'compassion."')
    found = [text[q.start : q.end].strip() for q in find_quoted(text)]
    assert found[0].startswith("But we must ask") and found[0].endswith("ourselves?")
    assert found[1] == "The answer to hate is not more hate; it is compassion."


def test_quotemarks_a_curly_opening_closed_by_a_straight_mark() -> None:
    # train (prison-guards-charged-in-connection-with): mixed marks; the old code ran the quote over
    # "said Lisa Boesky, ..." to the paragraph's end. A curly close later keeps the straight marks nested.
    text = ("\u201cWhen removing such a high-risk individual from suicide watch, it would be critical to "
            "do it in a step-down fashion so that there is still some extra monitoring,\" said Lisa Boesky, "
            "a clinical psychologist and jail suicide expert from San Diego.\n\n"
            '\u201cForty-five years of practicing law," he said, "has convinced me.\u201d')
    found = _texts(text)
    assert found[0].endswith("extra monitoring,") and found[1].endswith("has convinced me.")
