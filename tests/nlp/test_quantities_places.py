"""Whose toll an event's count is, on whole train-split reports (tests/data/reports/train/,
extracted as `claimgraph extract` would): the attack's place per the gold convention
(tests/data/gold/README.md, "Extension: quantities") — a named venue before its town, a town
before a street or square of it, a place by its best mention, a headline's toll at the lead's
place."""

from __future__ import annotations

from typing import Any

from tests.conftest import DATA

TRAIN = DATA / "reports" / "train"
Row = tuple[str, str, float]


def rows(extractions: Any, stem: str) -> set[Row]:
    """(subject name, property, value) of every quantity of a train report."""
    from claimgraph.ingest import read_documents

    (doc,) = read_documents([str(TRAIN / f"{stem}.txt")])
    (data,) = [ex.to_dict() for ex in extractions.many([doc])]
    names = {e["id"]: e["name"] for e in data["entities"]}
    return {(names[q["subject"]], q["property"], q["value"]) for q in data["quantities"]}


def test_quantities_places_town_before_its_street(extractions: Any) -> None:
    # "On Friday, on Route 2 in Randolph, New Hampshire, ..." then "The incident left seven
    # motorcyclists dead" and "Three other cyclists were hospitalized.": Randolph's, not the road's
    got = rows(extractions, "new-hampshire-crash-kills-seven-including")
    assert ("Randolph", "deaths", 7) in got
    assert ("Randolph", "injured", 3) in got
    assert not any(s == "Route 2" for s, _, _ in got)


def test_quantities_places_town_before_its_square(extractions: Any) -> None:
    # "several thousand people rallied at Freedom Plaza in the US capital city of Washington, DC"
    # ... "twenty people were arrested, and two police officers were injured"
    got = rows(extractions, "violence-breaks-out-in-washington-dc")
    assert ("Washington, DC", "arrested", 20) in got
    assert ("Freedom Plaza", "arrested", 20) not in got


def test_quantities_places_venue_before_its_town_in_the_lead(extractions: Any) -> None:
    # title "Nevada prop plane crash near Las Vegas leaves two dead, three injured"; lead "a
    # propeller plane in Nevada, United States crashed following departure from Henderson
    # Executive Airport, near Las Vegas": the headline's toll is the lead's venue's
    got = rows(extractions, "nevada-prop-plane-crash-near-las")
    assert ("Henderson Executive Airport", "deaths", 2) in got
    assert ("Henderson Executive Airport", "injured", 3) in got
    assert not any(s in ("Las Vegas", "Nevada") for s, _, _ in got)


def test_quantities_places_headline_toll_is_the_leads_place(extractions: Any) -> None:
    # title "Catalonia apartment block fire kills three, injures sixteen": the lead names the town
    got = rows(extractions, "catalonia-apartment-block-fire-kills-three")
    assert not any(s == "Catalonia" for s, _, _ in got)
    assert ("Badalona", "deaths", 3) in got


def test_quantities_places_place_ranked_by_its_lead_mention(extractions: Any) -> None:
    # "Hong Kong" opens the title and recurs in the lead ("the chief executive of Hong Kong"), where
    # China is named too: "More than 1000 people have been arrested since the protests began in
    # June" is Hong Kong's
    got = rows(extractions, "hong-kong-leader-announces-withdrawal-of")
    assert ("Hong Kong", "arrested", 1000) in got
    assert ("China", "arrested", 1000) not in got


def test_quantities_places_lead_is_the_sentence_that_places_the_event(extractions: Any) -> None:
    # title "Earthquake injures 25 people in southern Philippines"; lead "an earthquake struck
    # Surigao del Sur, Philippines, injuring at least 25 people"; the next sentence lists the
    # towns damaged ("primarily Carrascal, Cantilan, Madrid ..."): the headline's toll is where the
    # earthquake struck, not the first town of a list
    got = rows(extractions, "earthquake-injures-25-people-in-southern")
    assert ("Surigao del Sur", "injured", 25) in got
    assert ("Carrascal", "injured", 25) not in got


def test_quantities_places_toll_of_the_event_the_sentence_before_places(extractions: Any) -> None:
    # "the same aircraft was involved in an incident in Beaver Falls, Pennsylvania on August 23,
    # 1987. The report said there was one passenger seriously injured, and two more with minor
    # injuries": that incident's toll, not the report's crash at Bradley International Airport
    got = rows(extractions, "world-war-ii-era-plane-crashes")
    assert ("Beaver Falls", "injured", 2) in got
    assert ("Beaver Falls", "injured", 1) in got  # "there was one passenger seriously injured"
    assert ("Bradley International Airport", "injured", 2) not in got
    assert ("Bradley International Airport", "injured", 14) in got


def test_quantities_places_an_article_counts_one_of_a_toll(extractions: Any) -> None:
    # "On Friday, Indian officials in Kerala arrested a man in connection with the death of a
    # pregnant female elephant": one arrested, Kerala's
    assert ("Kerala", "arrested", 1) in rows(extractions, "suspect-arrested-in-death-of-elephant")
    # "A second fire ..., eighteen kilometres away in a another block of flats in La Llagosta,
    # killed another person"
    assert ("La Llagosta", "deaths", 1) in rows(extractions, "catalonia-apartment-block-fire-kills-three")


def test_quantities_places_where_someone_is_from_is_not_where_the_toll_was(extractions: Any) -> None:
    # "A resident of Antioch, Illinois, Rittenhouse is accused of crossing state lines and shooting
    # and killing two people ...": Antioch is where he lives, the shooting was in Kenosha
    got = rows(extractions, "suspect-in-kenosha-wisconsin-protester-killings")
    assert not any(s == "Antioch" for s, _, _ in got), got
    assert ("Kenosha", "deaths", 2) in got, got


def test_quantities_places_a_toll_counted_over_the_world_has_no_place(extractions: Any) -> None:
    # "the total number of cases ... surpassed one million worldwide, Johns Hopkins University data
    # indicated. At least 52 thousand deaths were linked to COVID-19": the world's toll, not the
    # report's place's
    got = rows(extractions, "sars-cov-2-surpasses-one-million-worldwide")
    assert not any(v == 52000 for _, _, v in got), got
    # "at least 126,000 cases of COVID-19 worldwide, resulting in over 4,600 deaths"
    got = rows(extractions, "world-health-organization-declares-covid-19")
    assert not any(v == 4600 for _, _, v in got), got


def test_quantities_places_jailed_is_no_arrest(extractions: Any) -> None:
    # "Nine jailed over sexual abuse in Bradford, England children's home": a sentence served, not
    # an arrest; like an arrest, a toll of the place where it happened
    got = rows(extractions, "nine-jailed-over-sexual-abuse-in")
    assert ("Bradford", "jailed", 9) in got, got
    assert not any(p == "arrested" for _, p, _ in got), got
