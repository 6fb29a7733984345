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
    # a name that is nothing but its country is no body of it ('U.S.' and 'American' tagged ORG)
    bare = all_features([R("us", "U.S.", "ORG", ("d1",), country="us"),
                         R("am", "American", "ORG", ("d2",), country="us")])
    assert link_reason(bare["us"], bare["am"]) != "same body"


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


def test_resolve_a_name_the_extractor_cut_joins_through_the_acronym_both_reports_write() -> None:
    """'Scheduled power outages in Northern California begin' writes 'Pacific Gas and Electric
    Company (PG&E)', which the extractor cut to 'Electric Company' (alias PG&E); the Fairfield
    helicopter report writes 'Pacific Gas and Electric (PG&E)'. Two full names of their own that
    share an acronym stay two bodies."""
    profiles = [R("cut", "Electric Company", "ORG", ("d1",), country="us", aliases=("PG&E",)),
                R("pge", "Pacific Gas and Electric", "ORG", ("d2",), country="us", aliases=("PG&E",)),
                R("dnc1", "Democratic National Committee", "ORG", ("d3",), aliases=("DNC",)),
                R("dnc2", "Democratic National Convention", "ORG", ("d4",), aliases=("DNC",)),
                R("fsb1", "Federal Security Service", "ORG", ("d5",), aliases=("FSB",)),
                R("fsb2", "Financial Stability Board", "ORG", ("d6",), aliases=("FSB",))]
    feats = all_features(profiles)
    assert link_reason(feats["cut"], feats["pge"]) == "also known as"
    assert link_reason(feats["dnc1"], feats["dnc2"]) is None
    assert link_reason(feats["fsb1"], feats["fsb2"]) is None
    mapping = resolve(profiles)
    assert mapping["cut"] == mapping["pge"] and mapping["fsb1"] != mapping["fsb2"]


def test_resolve_one_name_tagged_a_place_and_an_organisation_joins_when_its_company_agrees() -> None:
    """The EastMed gas pipeline is tagged LOC in 'Greece, Cyprus and Israel sign EastMed pipeline
    deal' and ORG in the report on Turkey's maritime deal with Libya: both name Cyprus, Greece,
    Israel, Italy, Egypt. 'Atlantic' the ocean and the magazine share no company; a country's name
    ('Iran' tagged ORG) is never joined to the country this way."""
    east = ("Cyprus", "Greece", "Israel", "Italy", "Egypt", "Kyriakos Mitsotakis", "Crete")
    profiles = [R("p1", "EastMed", "LOC", ("d1",), context=east + ("Benjamin Netanyahu",)),
                R("p2", "EastMed", "ORG", ("d2",), context=east + ("Jean-Yves Le Drian",)),
                R("a1", "Atlantic", "LOC", ("d3",), context=("Bermuda", "Hurricane Dorian")),
                R("a2", "The Atlantic", "ORG", ("d4",), context=("Joe Biden", "Washington")),
                R("i1", "Iran", "GPE", ("d5",), context=east), R("i2", "Iran", "ORG", ("d6",), context=east)]
    mapping = resolve(profiles)
    assert mapping["p1"] == mapping["p2"]
    assert mapping["a1"] != mapping["a2"] and mapping["i1"] != mapping["i2"]


def test_names_a_plural_in_ies_is_singular_in_a_key() -> None:
    """'Emergencies Ministry' (the Magnitogorsk gas explosion report) is keyed like the
    'Emergency Situations Ministry' it is short for."""
    assert N.org_key("Emergencies Ministry") == "emergency ministry"
    assert N.org_key("Revolutionary Guards") == "revolutionary guard"


def test_resolve_a_ministry_written_with_a_word_fewer_in_one_country() -> None:
    """Russia's 'Emergency Situations Ministry' (the Magnitogorsk gas explosion report) is the
    'Emergencies Ministry' of another Russian report; the same titles of two countries stay
    apart."""
    profiles = [R("e1", "Emergency Situations Ministry", "ORG", ("d1",), country="ru"),
                R("e2", "Emergencies Ministry", "ORG", ("d2",), country="ru"),
                R("e3", "Emergencies Ministry", "ORG", ("d3",), country="ua")]
    feats = all_features(profiles)
    assert link_reason(feats["e1"], feats["e2"]) == "same body"
    assert link_reason(feats["e1"], feats["e3"]) is None
    mapping = resolve(profiles)
    assert mapping["e1"] == mapping["e2"] != mapping["e3"]


def test_resolve_a_geographic_feature_with_and_without_its_kind() -> None:
    """'Mediterranean' (the Catalonia apartment block fire report) and 'Mediterranean Sea' (the
    migrant rescue ship renamed after a drowned Syrian toddler) are one sea; 'Panama Canal' is not
    Panama, nor the 'South China Sea' 'South China'."""
    profiles = [R("m1", "Mediterranean", "LOC", ("d1",)), R("m2", "Mediterranean Sea", "LOC", ("d2",)),
                R("p1", "Panama", "GPE", ("d3",)), R("p2", "Panama Canal", "LOC", ("d4",)),
                R("s1", "South China", "LOC", ("d5",)), R("s2", "South China Sea", "LOC", ("d6",))]
    mapping = resolve(profiles)
    assert mapping["m1"] == mapping["m2"]
    assert mapping["p1"] != mapping["p2"] and mapping["s1"] != mapping["s2"]


def test_names_an_acronym_without_a_country_written_first_or_a_word_added_after_and() -> None:
    """Reports of ``pairs_fresh.jsonl``: 'Former U.S. intelligence agent Tony Mendez...' writes the
    'United States Central Intelligence Agency', the Khashoggi report 'the CIA'; 'US study finds
    correlation between youth suicide, household gun ownership' the 'Centers for Disease Control
    and Prevention', the August 2020 campaign report 'the CDC'. A name that writes an acronym of
    its own ('California Department of Corrections and Rehabilitation', CDCR) keeps to it, and a
    nationality written first stays in the acronym ('British Broadcasting Corporation', BBC)."""
    assert N.acronym_before_and("Centers for Disease Control and Prevention") == "CDC"
    assert N.acronym_before_and("Pacific Gas and Electric") is None  # two letters: too few
    profiles = [R("cia", "CIA", "ORG", ("d1",), country="us"),
                R("agency", "United States Central Intelligence Agency", "ORG", ("d2",), country="us"),
                R("cdc", "CDC", "ORG", ("d3",), country="us"),
                R("centers", "Centers for Disease Control and Prevention", "ORG", ("d4",), country="us"),
                R("cdcr", "California Department of Corrections and Rehabilitation", "ORG", ("d5",),
                  country="us", aliases=("CDCR",)),
                R("bbc", "British Broadcasting Corporation", "ORG", ("d6",))]
    feats = all_features(profiles)
    assert "cia" in feats["agency"].initials and "cdc" in feats["centers"].initials
    assert "cdc" not in feats["cdcr"].initials and "bbc" in feats["bbc"].initials
    assert link_reason(feats["cia"], feats["agency"]) == link_reason(feats["cdc"], feats["centers"]) == "acronym"
    assert link_reason(feats["cdc"], feats["cdcr"]) is None


def test_bodies_a_legislatures_chamber_is_one_states() -> None:
    """Reports of ``pairs_fresh3.jsonl``: 'UK Prime Minister Johnson suspends parliament...' and
    'Canada 2019 general election...' (train) both name the 'House of Commons'; the Puerto Rico
    report's and the Australian Groom by-election's 'House of Representatives' are not the
    'United States House of Representatives' of 'U.S. House issues subpoena...' (train), which a
    US report's 'House of Representatives' is. 'White House' is no chamber."""
    assert B.is_state_body("House of Commons") and B.is_state_body("House of Representatives")
    assert not B.is_state_body("White House")
    profiles = [R("gb", "House of Commons", "ORG", ("d1",), country="gb"),
                R("ca", "House of Commons", "ORG", ("d2",), country="ca"),
                R("pr", "House of Representatives", "ORG", ("d3",), country="pr"),
                R("au", "House of Representatives", "ORG", ("d4",), country="au"),
                R("us", "House of Representatives", "ORG", ("d5",), country="us"),
                R("usa", "United States House of Representatives", "ORG", ("d6",), country="us")]
    feats = all_features(profiles)
    assert link_reason(feats["gb"], feats["ca"]) is None
    assert link_reason(feats["pr"], feats["usa"]) is None and link_reason(feats["au"], feats["usa"]) is None
    assert link_reason(feats["us"], feats["usa"]) == "same body"
    merged = resolve(profiles)
    assert merged["gb"] != merged["ca"] and merged["us"] == merged["usa"] != merged["pr"]


def test_names_of_two_given_names_the_first_is_the_first() -> None:
    """The CentOS reports of ``pairs_fresh3.jsonl`` tag software PERSON: 'Red Hat Linux' (given
    names 'Red Hat') is not 'Fedora/Red Hat Enterprise Linux' (first given name 'Fedora'), which
    joined Red Hat to the project. A middle name may still be left out ('George W. Bush' /
    'George Bush') and a single given name may be the other's second ('Mitt' / 'Willard Mitt')."""
    red, fedora = N.parse_person("Red Hat Linux"), N.parse_person("Fedora/Red Hat Enterprise Linux")
    assert red.surname == fedora.surname and N.given_compatible(red.given, fedora.given) is None
    assert N.given_compatible(("george",), ("george", "w")) == "same"
    assert N.given_compatible(("mitt",), ("willard", "mitt")) == "same"
    feats = all_features([R("a", "Red Hat Linux", "PERSON", ("d1",)),
                          R("b", "Fedora/Red Hat Enterprise Linux", "PERSON", ("d2",))])
    assert link_reason(feats["a"], feats["b"]) is None


def test_resolve_a_name_written_with_of_and_a_country() -> None:
    """'Bombs kill at least 20 at cathedral in Mindanao, Philippines' names the 'Islamic State of
    Iraq and the Levant', 'Iraqi Parliament votes for expulsion of United States troops' the
    'Islamic State': a variant when the shorter's reports are about Iraq, else a short name that
    the context has to support; a region written after 'of' is a region's body ('Republican Party
    of Idaho', 'On the campaign trail in the USA, June 2020')."""
    profiles = [R("isil", "Islamic State of Iraq and the Levant", "ORG", ("d1",), country="ph"),
                R("is", "Islamic State", "ORG", ("d2",), country="iq", aliases=("ISIS",)),
                R("elsewhere", "Islamic State", "ORG", ("d3",), country="id"),
                R("idaho", "Republican Party of Idaho", "ORG", ("d4",), country="us"),
                R("gop", "Republican Party", "ORG", ("d5",), country="us")]
    feats = all_features(profiles)
    assert link_reason(feats["isil"], feats["is"]) == "name of country"
    assert link_reason(feats["isil"], feats["elsewhere"]) == "short name"
    assert link_reason(feats["idaho"], feats["gop"]) is None
    assert resolve(profiles)["isil"] == resolve(profiles)["is"]
