"""Conflict finding on claims taken from real corpus sentences (graph/conflicts.py, no store needed)."""

from __future__ import annotations

from claimgraph.graph.claims import Claim
from claimgraph.graph.conflicts import find_conflicts, interval
from tests.store.reports import corpus_row

MAGNITOGORSK = corpus_row(0)["text"]  # one report, two officials, two counts of the missing


def claim(
    cid: str,
    doc: str,
    evidence: str,
    *,
    kind: str = "quantity",
    subject: str = "magnitogorsk",
    predicate: str = "missing",
    obj: str | None = None,
    value: float | None = None,
    qualifier: str | None = "exact",
    modality: str = "reported",
    by: str | None = None,
    high: float | None = None,
    text: str = MAGNITOGORSK,
) -> Claim:
    start = text.index(evidence) if evidence in text else 0
    return Claim(
        cid,
        kind,
        subject,
        predicate,
        obj,
        value,
        qualifier,
        modality,
        by,
        doc,
        evidence,
        start,
        start + len(evidence),
        "people" if kind == "quantity" else None,
        high,
    )


ZINICHEV = claim(
    "z",
    "d0",
    "presumably between 36 and 40 people under the rubble",
    value=36,
    high=40,
    qualifier="range",
    by="zinichev",
)
KLIMOV = claim("k", "d0", "Oleg Klimov indicated 68 people were missing", value=68, by="klimov")
DATES = {"d0": "2019-01-04", "d1": "2019-01-05", "d2": "2019-06-01"}


def test_conflicts_numbers_from_two_officials_in_one_report() -> None:
    (found,) = find_conflicts([ZINICHEV, KLIMOV], DATES)
    assert found.kind == "numbers" and found.subject == "magnitogorsk" and found.predicate == "missing"
    assert {c.id for c in found.left + found.right} == {"z", "k"}


def test_conflicts_numbers_read_with_their_qualifiers() -> None:
    assert interval(ZINICHEV) == (36, 40)
    dead = claim("t", "d0", "A total of 39 are confirmed dead", predicate="deaths", value=39, by="officials")
    about = claim(
        "a",
        "d1",
        "A total of 39 are confirmed dead",
        predicate="deaths",
        value=40,
        qualifier="approximately",
        by="other",
    )
    at_least = claim(
        "l",
        "d1",
        "recovered at least ten survivors",
        predicate="deaths",
        value=10,
        qualifier="at_least",
        by="other",
    )
    assert find_conflicts([dead, about, at_least], DATES) == []  # 'about 40' allows 39; 'at least 10' too
    tenfold = claim("x", "d0", "A total of 39 are confirmed dead", predicate="deaths", value=390, by="other")
    assert [c.kind for c in find_conflicts([dead, tenfold], DATES)] == ["numbers"]
    next_day = claim("y", "d1", "A total of 39 are confirmed dead", predicate="deaths", value=390, by="other")
    assert find_conflicts([dead, next_day], DATES) == []  # a toll that rises the next day is an update
    falling = claim("f", "d0", "A total of 39 are confirmed dead", predicate="deaths", value=390, by="other")
    lower_later = claim("g", "d1", "A total of 39 are confirmed dead", predicate="deaths", value=39, by="o2")
    assert [c.kind for c in find_conflicts([falling, lower_later], DATES)] == ["numbers"]  # a fall disputes


def test_conflicts_need_two_sources_and_the_same_moment() -> None:
    own_voice = [claim("z", "d0", "x", value=36), claim("k", "d0", "y", value=68)]
    assert find_conflicts(own_voice, DATES) == []  # one report counting two things is not a dispute
    months_later = claim("k", "d2", "Oleg Klimov indicated 68 people were missing", value=68, by="klimov")
    assert find_conflicts([ZINICHEV, months_later], DATES) == []
    assert len(find_conflicts([ZINICHEV, months_later], DATES, window_days=365)) == 1


def test_conflicts_denial_against_a_statement() -> None:
    text = corpus_row(88)["text"]
    denied = claim(
        "n",
        "d0",
        "Brazil is not a member of G7",
        kind="relation",
        subject="brazil",
        predicate="member_of",
        obj="g7",
        modality="denied",
        text=text,
    )
    stated = claim(
        "s",
        "d1",
        "Members of the G7 Summit",
        kind="relation",
        subject="brazil",
        predicate="member_of",
        obj="g7",
        modality="claimed",
        by="someone",
        text=text,
    )
    (found,) = find_conflicts([denied, stated], DATES)
    assert (found.kind, found.left[0].id, found.right[0].id) == ("denial", "s", "n")
    assert find_conflicts([denied], DATES) == []


def test_conflicts_two_leaders_of_one_body_at_once() -> None:
    text = corpus_row(172)["text"]
    a = claim(
        "a",
        "d0",
        "Adil Abdul-Mahdi, the acting Prime Minister of Iraq",
        kind="relation",
        subject="abdul-mahdi",
        predicate="leader_of",
        obj="iraq",
        modality="asserted",
        text=text,
    )
    b = claim(
        "b",
        "d1",
        "Adil Abdul-Mahdi, the acting Prime Minister of Iraq",
        kind="relation",
        subject="someone-else",
        predicate="leader_of",
        obj="iraq",
        modality="asserted",
        text=text,
    )
    (found,) = find_conflicts([a, b], DATES)
    assert found.kind == "incompatible" and found.object == "iraq"
    later = claim(
        "c",
        "d2",
        "x",
        kind="relation",
        subject="someone-else",
        predicate="leader_of",
        obj="iraq",
        modality="asserted",
        text=text,
    )
    assert find_conflicts([a, later], DATES) == []  # months apart: a successor, not a contradiction


IMPEACH = corpus_row(117)["text"]  # 'only two presidents have been impeached: Andrew Johnson and Bill Clinton'
NAMES = {"johnson": "Andrew Johnson", "trump": "Donald Trump", "duda": "Andrzej Duda",
         "morawiecki": "Mateusz Morawiecki", "us": "United States", "poland": "Poland"}


def leader(cid: str, doc: str, evidence: str, subject: str, obj: str, text: str) -> Claim:
    return claim(cid, doc, evidence, kind="relation", subject=subject, predicate="leader_of", obj=obj,
                 modality="asserted", text=text)


def test_conflicts_presidents_of_other_eras_do_not_conflict_with_the_current_one() -> None:
    then = leader("j", "d0", "In the history of the United States, only two presidents have been impeached: "
                  "Andrew Johnson and Bill Clinton.", "johnson", "us", IMPEACH)
    now = leader("t", "d1", "US President Trump announces troop withdrawal from Syria", "trump", "us", IMPEACH)
    assert find_conflicts([then, now], DATES, names=NAMES) == []


def test_conflicts_a_president_and_a_prime_minister_lead_at_once() -> None:
    gdansk = corpus_row(11)["text"]  # the mayor of Gdańsk stabbed; Poland's leaders respond
    pm = leader("m", "d0", 'Prime Minister Mateusz Morawiecki tweeted "We are with Mayor Adamowicz in our '
                'thoughts and prayers."', "morawiecki", "poland", gdansk)
    president = leader("d", "d0", 'President Andrzej Duda remarked, "Today I am unconditionally with him and '
                       'his loved ones', "duda", "poland", gdansk)
    assert find_conflicts([pm, president], DATES, names=NAMES) == []


def test_conflicts_numbers_of_one_event_from_two_sources_ranked_by_reports() -> None:
    el_paso = corpus_row(81)["text"]
    six = claim("six", "d0", "six Mexican nationals were killed in the attack", subject="mexico",
                predicate="deaths", value=6, by="amlo", text=el_paso)
    eight = claim("eight", "d0", "eight Mexicans died in the attack", subject="mexico", predicate="deaths",
                  value=8, by="government", text=el_paso)
    again = claim("again", "d1", "eight Mexicans died in the attack", subject="mexico", predicate="deaths",
                  value=8, by="government", text=el_paso)
    (found,) = find_conflicts([six, eight, again], DATES)
    assert (found.left_reports, found.right_reports) == (2, 1)  # the better supported side first
    assert {c.id for c in found.left} == {"eight", "again"}


def test_conflicts_a_part_or_another_event_is_no_rival_count() -> None:
    mindanao = corpus_row(19)["text"]
    part = claim("p", "d0", "the confirmed deaths are fourteen civilians, five Armed Forces personnel, and one "
                 "member of the Coast Guard", subject="mindanao", predicate="deaths", value=14, by="police",
                 text=mindanao)
    total = claim("t", "d0", "Bombs kill at least 20 at cathedral in Mindanao, Philippines", subject="mindanao",
                  predicate="deaths", value=20, qualifier="at_least", text=mindanao)
    earlier = claim("e", "d0", "This revised downwards an earlier toll of 27 dead.", subject="mindanao",
                    predicate="deaths", value=27, by="other", text=mindanao)
    assert find_conflicts([part, total, earlier], DATES) == []


def test_conflicts_two_sums_of_money_are_two_facts() -> None:
    # a book value and a turnover of the same sold units: both "amount", neither contradicts the other
    text = corpus_row(239)["text"]
    value = claim("v", "d0", "the sold units held a value of 681 million pounds", subject="tesco",
                  predicate="amount", value=681e6, modality="asserted", text=text)
    turnover = claim("t", "d0", "a 947 million pounds turnover", subject="tesco", predicate="amount",
                     value=947e6, by="tesco", text=text)
    assert value.start > 0 and turnover.start > 0
    assert find_conflicts([value, turnover], DATES) == []
    # the same two figures as counts of one thing do conflict
    counts = [claim(c.id, "d0", c.evidence, subject="tesco", predicate="stores", value=c.value, by=c.attributed_to,
                    modality=c.modality, text=text) for c in (value, turnover)]
    assert len(find_conflicts(counts, DATES)) == 1
