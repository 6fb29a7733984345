"""Bodies compared by their title within one country, and names the tagger typed wrongly (issue #8).

The names are those of the labelled pairs in ``tests/data/resolution/pairs_tune2.jsonl``, as the
extractor writes them in the corpus reports.
"""

from __future__ import annotations

from claimgraph.graph import bodies as B
from claimgraph.graph import names as N
from claimgraph.graph.features import all_features
from claimgraph.graph.pair_model import pair_features
from claimgraph.graph.resolve import EntityProfile, candidate_pairs, link_reason, resolve


def R(pid: str, name: str, type_: str, docs: tuple[str, ...], *, country: str | None = None,
      aliases: tuple[str, ...] = (), context: tuple[str, ...] = (), body: bool = False) -> EntityProfile:
    return EntityProfile(pid, name, type_, list(aliases), list(context), list(docs), country, body=body)


def test_bodies_title_within_a_country() -> None:
    scoped = {n: B.scoped_key(N.org_key(n)) for n in (
        "U.S. Senate", "Senate", "Parliament of the United Kingdom", "British parliament",
        "Department of Justice", "U.S. Justice Department", "Labor Party", "Labor",
        "Iowa Democratic Party", "Democratic Party")}
    assert scoped["U.S. Senate"] == scoped["Senate"] == "senate"
    assert scoped["Parliament of the United Kingdom"] == scoped["British parliament"] == "parliament"
    assert scoped["Department of Justice"] == scoped["U.S. Justice Department"] == "justice department"
    assert scoped["Labor Party"] == scoped["Labor"] == "labor"
    assert scoped["Iowa Democratic Party"] != scoped["Democratic Party"]  # a state's party keeps its state


def test_bodies_a_body_above_states_takes_no_country_from_its_report() -> None:
    assert B.body_country(["European Court of Justice", "ECJ"], "at") is None
    assert B.body_country(["Senate"], "us") == "us"
    assert B.body_country(["Parliament of New South Wales"], "gb") == "au"


def test_bodies_report_country_from_its_organisations_when_its_places_say_little() -> None:
    """'Nancy Pelosi again elected Speaker as 116th U.S. Congress sworn in': its only place name is
    Mexico, named once (the border wall); its bodies' names say the United States. The Puerto Rico
    report names Puerto Rico four times: the U.S. bodies it names do not outweigh that."""
    pelosi_places = [("116th United", 1), ("Democrats", 3), ("Mexico", 1)]
    pelosi_orgs = [("116th U.S. Congress", 2), ("U.S. federal government", 2), ("House", 5)]
    assert B.report_country(pelosi_places) == "mx"
    assert B.report_country(pelosi_places, pelosi_orgs) == "us"
    rico_places = [("Puerto Rico", 4), ("United States", 3)]
    rico_orgs = [("U.S. House of Representatives", 3), ("U.S. Senate", 1), ("U.S. Electoral College", 1)]
    assert B.report_country(rico_places, rico_orgs) == "pr"


def test_resolve_one_body_under_its_titles_and_two_countries_bodies_apart() -> None:
    ctx = ("Donald Trump", "Nancy Pelosi", "House of Representatives")
    profiles = [R("s1", "Senate", "ORG", ("d1",), country="us", context=ctx),
                R("s2", "US Senate", "ORG", ("d2",), country="us", context=ctx),
                R("pr", "Senate", "ORG", ("d3",), country="pr", context=("Pedro Pierluisi", "Puerto Rico")),
                R("j1", "U.S. Justice Department", "ORG", ("d4",), country="us", context=ctx),
                R("j2", "Department of Justice", "ORG", ("d5",), country="us", context=ctx),
                # the store marks 'Labor' a body: its report names the 'Labor State Government'
                R("l1", "Labor", "ORG", ("d6",), country="au", context=("Queensland",), body=True),
                R("l2", "Labor Party", "ORG", ("d7",), country="au", context=("Queensland",)),
                R("uk", "Labour Party", "ORG", ("d8",), country="gb", context=("Jeremy Corbyn",))]
    feats = all_features(profiles)
    assert link_reason(feats["s1"], feats["s2"]) == "same body"
    assert link_reason(feats["j1"], feats["j2"]) == "same body"
    assert link_reason(feats["s2"], feats["pr"]) is None  # Puerto Rico's Senate is not the US Senate
    mapping = resolve(profiles)
    assert mapping["s1"] == mapping["s2"] and mapping["j1"] == mapping["j2"]
    assert mapping["l1"] == mapping["l2"]
    assert mapping["pr"] != mapping["s1"] and mapping["uk"] != mapping["l2"]


def test_resolve_a_shortened_alias_gives_no_title() -> None:
    """The 'Christian Democratic Party' that a report also calls 'Democratic Party' is no title of
    the Democratic Party."""
    profiles = [R("cdp", "Christian Democratic Party", "ORG", ("d1",), country="us",
                  aliases=("Democratic Party",)),
                R("dp", "United States Democratic Party", "ORG", ("d2",), country="us")]
    feats = all_features(profiles)
    assert "democratic" not in feats["cdp"].scoped
    assert link_reason(feats["cdp"], feats["dp"]) != "same body"


def test_types_a_persons_name_tagged_org_and_an_organisations_word_tagged_person() -> None:
    profiles = [R("ec", "Elijah Eugene Cummings", "PERSON", ("d1",)),
                R("eo", "Elijah Cummings", "ORG", ("d2",)),
                R("rep", "United States Representative Elijah Cummings", "ORG", ("d1",)),
                R("friends", "Friends of Elijah Cummings", "ORG", ("d3",)),
                R("nba", "National Basketball Association", "ORG", ("d4",)),
                R("ig1", "Instagram", "PERSON", ("d5",)),
                R("ig2", "Instagram", "ORG", ("d6",)),
                R("rp1", "Republican Party", "NORP", ("d7",)),
                R("rp2", "Republican Party", "ORG", ("d8",), country="us")]
    feats = all_features(profiles)
    assert feats["eo"].family == feats["rep"].family == "person" and feats["rep"].key == "elijah cummings"
    assert feats["friends"].family == "org" and feats["nba"].family == "org"  # named after, not the person
    assert feats["ig1"].family == "org" and feats["rp1"].family == "org"
    mapping = resolve(profiles)
    assert mapping["ec"] == mapping["eo"] == mapping["rep"] != mapping["friends"]
    assert mapping["ig1"] == mapping["ig2"] and mapping["rp1"] == mapping["rp2"]


def test_types_a_word_written_alone_in_many_reports_that_names_no_one() -> None:
    """'Twitter' tagged PERSON in report after report, no one's surname and no first name, is one
    thing; 'Governor Rosselló', titled, stays a person; 'Elizabeth' is a first name."""
    profiles = [*(R(f"t{i}", "Twitter", "PERSON", (f"d{i}",)) for i in range(3)),
                *(R(f"e{i}", "Elizabeth", "PERSON", (f"d{i}",)) for i in range(3)),
                *(EntityProfile(f"r{i}", "Rosselló", "PERSON", [], [], [f"d{i}"], roles=["governor"])
                  for i in range(3)),
                R("k1", "Kepler", "PERSON", ("d1",)), R("k2", "Kepler", "PERSON", ("d2",))]
    feats = all_features(profiles)
    assert {feats[f"t{i}"].family for i in range(3)} == {"org"}
    # Kepler: written alone in two reports only
    assert feats["e0"].family == feats["r0"].family == feats["k1"].family == "person"
    mapping = resolve(profiles)
    assert mapping["t0"] == mapping["t1"] == mapping["t2"]
    assert mapping["e0"] != mapping["e1"]


def test_pair_model_an_acronym_in_a_report_about_another_country_says_less() -> None:
    """'CBC' in a report on British Columbia is the Canadian broadcaster, not the Congressional
    Black Caucus that Elijah Cummings chaired; a full name is the same wherever it is reported."""
    profiles = [R("cbc", "CBC", "ORG", ("d1",), country="ca"),
                R("caucus", "Congressional Black Caucus", "ORG", ("d2",), country="us"),
                R("afp1", "Agence France-Presse", "ORG", ("d3",), country="bd"),
                R("afp2", "Agence France-Presse", "ORG", ("d4",), country="fr")]
    feats = all_features(profiles)
    x = pair_features(feats["cbc"], feats["caucus"], "acronym", 0.0)
    assert x["other_country"] == 1.0
    assert pair_features(feats["afp1"], feats["afp2"], "same name", 0.0)["other_country"] == 0.0
    scores = {(a, b): s for a, b, s, _ in candidate_pairs(profiles, min_score=0.0)}
    assert scores[("caucus", "cbc")] < 0.85 <= scores[("afp1", "afp2")]


def test_types_a_name_of_words_that_are_no_first_name_tagged_person_is_the_organisations() -> None:
    """'Nature Astronomy', the journal, is tagged ORG in 'Astronomers find water vapour in
    atmosphere of exoplanet K2-18b' and PERSON in the interview with Dr Seager on hydrogen-rich
    atmospheres: one journal. A person whose name an organisation also bears ('Walt Disney') keeps
    a person's type: 'Walt' is a first name."""
    profiles = [R("n1", "Nature Astronomy", "ORG", ("d1",)), R("n2", "Nature Astronomy", "PERSON", ("d2",)),
                R("w1", "Walt Disney", "ORG", ("d3",)), R("w2", "Walt Disney", "PERSON", ("d4",))]
    feats = all_features(profiles)
    assert feats["n2"].family == "org" and feats["w2"].family == "person"
    mapping = resolve(profiles)
    assert mapping["n1"] == mapping["n2"]


def test_types_a_name_most_reports_tag_person_stays_a_persons() -> None:
    """'Jo Jorgensen', the Libertarian candidate, is named in six corpus reports and 'jo' is in no
    list of first names: one report tagging the name ORG made her an organisation in all of them.
    The reports that tag a name's type settle it: a person in two reports and an organisation in
    one is a person, the organisation's profile too; one of each stays the organisation's
    ('Nature Astronomy', above)."""
    profiles = [R("j1", "Jo Jorgensen", "PERSON", ("d1", "d2")), R("j2", "Jo Jorgensen", "ORG", ("d3",)),
                R("n1", "Nature Astronomy", "ORG", ("d4",)), R("n2", "Nature Astronomy", "PERSON", ("d5",))]
    feats = all_features(profiles)
    assert feats["j1"].family == feats["j2"].family == "person"
    assert feats["n1"].family == feats["n2"].family == "org"
    mapping = resolve(profiles)
    assert mapping["j1"] == mapping["j2"] and mapping["n1"] == mapping["n2"]
    # one more report of the organisation's makes the name's reports even: it is the organisation's
    feats = all_features([*profiles[:1], R("j2", "Jo Jorgensen", "ORG", ("d3", "d6"))])
    assert feats["j1"].family == feats["j2"].family == "org"


def test_bodies_a_countrys_federal_government_is_its_government() -> None:
    """'U.S. federal government' (the Pelosi report), 'United States federal government' (a Texas
    federal judge on the draft) and 'United States government' (the Mexican monarch butterfly
    report) are one body; a state's government is not the federal one."""
    profiles = [R("f1", "U.S. federal government", "ORG", ("d1",), country="us"),
                R("f2", "United States federal government", "ORG", ("d2",), country="us"),
                R("g", "United States government", "ORG", ("d3",), country="us"),
                R("s", "Labor State Government", "ORG", ("d4",), country="au"),
                R("a", "Australian government", "ORG", ("d5",), country="au")]
    mapping = resolve(profiles)
    assert mapping["f1"] == mapping["f2"] == mapping["g"]
    assert mapping["s"] != mapping["a"]


def test_bodies_report_country_named_by_its_headline() -> None:
    """Reports of ``pairs_fresh.jsonl``: 'Arrests made in theft of gold toilet in England' names the
    United States more often than England (the toilet is called 'America' and was shown in New
    York), and its Thames Valley Police was taken for an American body; 'Samoan government ends
    state of emergency over measles outbreak' (train) names six countries, none in half of its
    mentions, so its Ministry of Foreign Affairs joined Zimbabwe's. Each headline names one country;
    two countries in a headline leave it to the counts."""
    toilet = [("England", 2), ("New York", 1), ("American", 1), ("Blenheim", 1), ("Oxfordshire", 1),
              ("United States", 3), ("Italian", 1)]
    assert B.report_country(toilet) == "us"
    assert B.report_country(toilet, headline=(["England"], [])) == "gb"
    samoa = [("Australian", 1), ("Melbourne", 1), ("Philippines", 1), ("Samoa", 3), ("Tonga", 1), ("Fiji", 2),
             ("American Samoa", 1), ("New Zealand", 2)]
    assert B.report_country(samoa) is None
    assert B.report_country(samoa, headline=([], ["Samoan government"])) == "ws"
    assert B.report_country(toilet, headline=(["England", "United States"], [])) == "us"


def test_bodies_a_party_named_after_its_members_is_one_states() -> None:
    """The Liberal Democrats of the 2019 UK general election and those of Australia's 2020 Groom
    by-election (``pairs_fresh.jsonl``) are two parties; the one-word 'Democrats' is left as it was."""
    assert B.is_state_body("Liberal Democrats") and B.is_state_body("Sweden Democrats")
    assert not B.is_state_body("Democrats")
    profiles = [R("uk", "Liberal Democrats", "ORG", ("d1",), country="gb", context=("Boris Johnson",)),
                R("au", "Liberal Democrats", "ORG", ("d2",), country="au", context=("Craig Farquharson",))]
    mapping = resolve(profiles)
    assert mapping["uk"] != mapping["au"]
