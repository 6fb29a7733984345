"""Name rules that keep different actors apart and join one actor's names (issue #8, part 5).

The names are those the extractor writes in the corpus reports of the tuned pair sets
(``tests/data/resolution/pairs_tune.jsonl``, ``pairs_tune2.jsonl``, ``pairs_holdout.jsonl``) or
that a store of those reports merged wrongly; the report is named beside each.
"""

from __future__ import annotations

from claimgraph.graph import bodies as B
from claimgraph.graph import names as N
from claimgraph.graph.features import all_features, person_tails
from claimgraph.graph.pair_model import pair_features
from claimgraph.graph.resolve import EntityProfile, candidate_pairs, link_reason, resolve


def R(pid: str, name: str, type_: str, docs: tuple[str, ...], *, country: str | None = None,
      aliases: tuple[str, ...] = (), context: tuple[str, ...] = ()) -> EntityProfile:
    return EntityProfile(pid, name, type_, list(aliases), list(context), list(docs), country)


def test_resolve_a_party_named_with_words_before_another_is_another_party() -> None:
    """'On the campaign trail in the USA, July 2020': 'The party was founded in 2011 as the
    Christian Democratic Party', which the report also calls 'Democratic Party'."""
    profiles = [R("cdp", "Christian Democratic Party", "ORG", ("d1",), country="us",
                  aliases=("Democratic", "Democratic Party")),
                R("dp", "Democratic Party", "ORG", ("d2",), country="us"),
                R("lnp", "Liberal National Party", "ORG", ("d3",), country="au"),
                R("ln", "Liberal National", "ORG", ("d4",), country="au")]
    feats = all_features(profiles)
    assert link_reason(feats["cdp"], feats["dp"]) is None
    assert link_reason(feats["lnp"], feats["ln"]) is not None  # a short name without 'Party'
    assert resolve(profiles)["cdp"] != resolve(profiles)["dp"]


def test_resolve_a_longer_name_with_another_head_is_another_thing() -> None:
    """'Middle East Respiratory Syndrome' is no 'Middle East', 'Women for America First' no
    'America First', the 'Legislative Council Complex' no 'Legislative Council'; 'Revolutionary
    Guards' are still the 'Islamic Revolutionary Guard Corps'."""
    cases = [("Middle East Respiratory Syndrome", "Middle East", None),
             ("Women for America First", "America First", None),
             ("Legislative Council Complex", "Legislative Council", None),
             ("Islamic Revolutionary Guard Corps", "Revolutionary Guards", "short name")]
    for long, short, reason in cases:
        feats = all_features([R("a", long, "ORG", ("d1",)), R("b", short, "ORG", ("d2",))])
        assert link_reason(feats["a"], feats["b"]) == reason, (long, short)


def test_resolve_acronym_expansions_differing_in_their_head_or_a_place_are_two_bodies() -> None:
    """'Democratic National Committee' / 'Convention' and 'Melbourne' / 'Minneapolis City Council'
    (one initials each) were merged, and 'Senate Majority' / 'Minority Leader', whose initials no
    report writes; 'Islamic' / 'Iranian Revolutionary Guard Corps' (IRGC written) are one."""
    pairs = [("Democratic National Committee", "Democratic National Convention", None),
             ("Melbourne City Council", "Minneapolis City Council", None),
             ("Senate Majority Leader", "Senate Minority Leader", None),
             ("Islamic Revolutionary Guard Corps", "Iranian Revolutionary Guard Corps", "acronym expansion")]
    for a, b, reason in pairs:
        written = ("DNC",) if a.startswith("Democratic") else ("MCC",) if "Council" in a else ()
        written = ("IRGC",) if "Guard" in a else written
        feats = all_features([R("a", a, "ORG", ("d1",)), R("b", b, "ORG", ("d2",), aliases=written)])
        assert link_reason(feats["a"], feats["b"]) == reason, (a, b)


def test_resolve_a_country_written_in_one_name_of_one_countrys_organisation() -> None:
    """'Man sets himself on fire outside US White House' and the 'White House' of American
    reports; a state party keeps its state ('Iowa Democratic Party')."""
    profiles = [R("wh", "White House", "ORG", ("d1",), country="us"),
                R("uswh", "US White House", "ORG", ("d2",), country="us"),
                R("iowa", "Iowa Democratic Party", "ORG", ("d3",), country="us"),
                R("dem", "Democratic Party", "ORG", ("d4",), country="us")]
    feats = all_features(profiles)
    assert link_reason(feats["wh"], feats["uswh"]) == "same body"
    assert B.uncountried(N.org_key("US White House")) == "white house"
    assert B.uncountried(N.org_key("Iowa Democratic Party")) != "democratic party"
    mapping = resolve(profiles)
    assert mapping["wh"] == mapping["uswh"] and mapping["iowa"] != mapping["dem"]


def test_bodies_an_embassy_is_also_of_the_country_it_is_in() -> None:
    """'According to the U.S. embassy in Beijing' (a report about China) and 'the attack on the
    United States Embassy in Baghdad' are two embassies."""
    assert B.body_country(["U.S. embassy"], "cn") == "us>cn"
    assert B.body_country(["United States Embassy"], "us") == "us"
    assert B.body_country(["U.S. Senate"], "cn") == "us"  # a body at home is of its country
    assert B.body_country(["United States Embassy"], "iq") == "us>iq"
    profiles = [R("bj", "U.S. embassy", "ORG", ("d1",), country="us>cn"),
                R("bg", "United States Embassy", "ORG", ("d2",), country="us>iq"),
                R("home", "U.S. Embassy", "ORG", ("d3",), country="us")]
    mapping = resolve(profiles)
    assert len({mapping["bj"], mapping["bg"]}) == 2


def test_types_titles_written_in_a_name_and_a_misspelt_title() -> None:
    """'Roman Catholic Pope Francis' in two reports shares the role 'pope', which says more than
    'Francis' alone; 'House Intelligence Committee Represenative Adam Schiff' (tagged ORG, a
    title misspelt) is Adam Schiff."""
    church = ("Catholic Church",)
    profiles = [R("f1", "Pope Francis", "PERSON", ("d1",), context=church),
                R("f2", "Pope Francis", "PERSON", ("d2",), context=church),
                R("g1", "Francis", "PERSON", ("d3",), context=church),
                R("g2", "Francis", "PERSON", ("d4",), context=church),
                R("org", "House Intelligence Committee Represenative Adam Schiff", "ORG", ("d5",)),
                R("as", "Adam Schiff", "PERSON", ("d6",))]
    assert "Adam Schiff" in person_tails("House Intelligence Committee Represenative Adam Schiff")
    assert "Adam Schiff" not in person_tails("Friends of Adam Schiff")
    feats = all_features(profiles)
    assert "pope" in feats["f1"].roles and "~pope" in feats["f1"].context & feats["f2"].context
    assert feats["org"].family == "person" and feats["org"].key == "adam schiff"
    scores = {(a, b): s for a, b, s, _ in candidate_pairs(profiles, min_score=0.0)}
    assert scores[("f1", "f2")] >= 0.85 > scores[("g1", "g2")]
    mapping = resolve(profiles)
    assert mapping["f1"] == mapping["f2"] and mapping["org"] == mapping["as"]


def test_types_a_place_tagged_person() -> None:
    """'Chikmagalur' tagged PERSON in one report and LOC in another is the district; 'American
    Samoa' tagged PERSON is the territory; a first name ('Elizabeth') stays a person."""
    profiles = [R("c1", "Chikmagalur", "PERSON", ("d1",)), R("c2", "Chikmagalur", "LOC", ("d2",)),
                R("s1", "American Samoa", "PERSON", ("d3",)), R("s2", "American Samoa", "GPE", ("d4",)),
                R("e1", "Elizabeth", "PERSON", ("d5",)), R("e2", "Elizabeth", "GPE", ("d6",))]
    feats = all_features(profiles)
    assert feats["c1"].family == feats["s1"].family == "place" and feats["e1"].family == "person"
    mapping = resolve(profiles)
    assert mapping["c1"] == mapping["c2"] and mapping["s1"] == mapping["s2"]
    assert mapping["e1"] != mapping["e2"]


def test_names_a_nickname_is_the_given_name() -> None:
    """'Bill Weld' (New Hampshire primaries) and 'William Weld' (the Adam Kokesh interview) are one
    former governor; Hunter and Joe Biden stay two."""
    assert N.given_compatible(("bill",), ("william",)) == "nickname"
    assert N.given_compatible(("hunter",), ("joe",)) is None
    feats = all_features([R("b", "Bill Weld", "PERSON", ("d1",)), R("w", "William Weld", "PERSON", ("d2",))])
    assert link_reason(feats["b"], feats["w"]) == "nickname"


def test_names_two_words_one_a_code_are_no_two_letter_acronym() -> None:
    """'PA Media' was merged with a report's 'PM', 'IBM Power' with 'IP'."""
    assert N.acronyms("PA Media") == frozenset() and N.acronyms("IBM Power") == frozenset()
    assert N.acronyms("US Geological Survey") and N.acronyms("Commission on Presidential Debates")


def test_pair_model_an_acronym_of_four_letters_says_more() -> None:
    """'PNAS' (an interview on Neanderthals) and the 'Proceedings of the National Academy of
    Sciences' (the Florida frog skull survey) join; 'PM' and a two-word name do not."""
    profiles = [R("pnas", "PNAS", "ORG", ("d1",)),
                R("proc", "Proceedings of the National Academy of Sciences", "ORG", ("d2",), country="us")]
    feats = all_features(profiles)
    assert pair_features(feats["pnas"], feats["proc"], "acronym", 0.0)["four_letters"] == 1.0
    scores = {(a, b): s for a, b, s, _ in candidate_pairs(profiles, min_score=0.0)}
    assert scores[("pnas", "proc")] >= 0.85
