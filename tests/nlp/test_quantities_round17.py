"""Round 17 (issue 7, point 6): quantities on the train reports written after the rules (the
fifteenth round's reports of other outlets), whole reports extracted as `claimgraph extract`
would: a toll's venue named by an unnamed venue noun, a dateline split from its lead, the place
the report names a toll's event with ("the attack" of "the Berlin attack")."""

from __future__ import annotations

from typing import Any

from tests.nlp.test_quantities_subjects import rows


def test_quantities_round17_venue_noun_of_a_toll_is_the_named_venue(nlp: Any) -> None:
    # "Brazil has declared three days of national mourning for 231 people killed in a nightclub fire in
    # the southern city of Santa Maria." / "... a band playing at the Kiss nightclub ...": the nightclub's
    # toll, not the city's; and the lead's nightclub is the report's place ("Three people were arrested
    # over the fire")
    got = rows(nlp, "brazil-mourns-nightclub-fire-dead")
    assert ("Kiss", "deaths", 231, "exact") in got
    assert ("Santa Maria", "deaths", 231, "exact") not in got
    assert ("Kiss", "arrested", 3, "exact") in got


def test_quantities_round17_dateline_is_no_lead_and_the_leads_venue_is_the_place(nlp: Any) -> None:
    # "CAIRO — Gunmen opened fire on visitors at Tunisia’s most renowned museum on Wednesday, ..."
    # (the parser splits "CAIRO —" off) ... "The attackers ... stormed the Bardo National Museum ..."
    # ... "About 50 other people were wounded, according to local news reports."
    got = rows(nlp, "attack-stokes-instability-fears-in-north")
    assert ("Bardo National Museum", "injured", 50, "approximately") in got
    assert ("CAIRO", "injured", 50, "approximately") not in got


def test_quantities_round17_a_vehicle_named_by_a_venue_noun_is_no_venue(nlp: Any) -> None:
    # "... killed five children in a church bus and two truck drivers." / "The Avoyelles House of Mercy,
    # a Pentecostal church, ...": the bus is no venue, the toll not the church's
    got = {(s, p, v) for s, p, v, _ in rows(nlp, "florida-highway-pileup-fire-kills-five")}
    church = {"Pentecostal", "Avoyelles House of Mercy"}
    assert not {s for s, p, v in got if p == "deaths" and v == 5} & church


def test_quantities_round17_toll_of_the_event_the_report_names_with_its_place(nlp: Any) -> None:
    # "Initial reports said Amri had arrived in Milan ..., since fleeing Berlin Monday after the attack
    # that killed 12 and wounded 48." / "Anis Amri, the suspect in the Berlin attack, ...": the attack's
    # toll is Berlin's, not that of the place the sentence's other clause names
    got = {(s, p, v) for s, p, v, _ in rows(nlp, "berlin-terrorist-shot-dead-in-milan")}
    assert {("Berlin", "deaths", 12), ("Berlin", "injured", 48)} <= got
    assert not {r for r in got if r[0] == "Milan" and r[2] in (12, 48)}


def test_quantities_round17_price_of_a_buyout_is_the_bought_companys(nlp: Any) -> None:
    # "After all, he's the man behind his company's $19 billion acquisition of WhatsApp, he personally
    # brokered its $1 billion buyout of Instagram ...": the price of what is bought, not the buyer's
    got = rows(nlp, "zuckerberg-offers-peek-at-facebooks-acquisition")
    assert ("Instagram", "amount", 1_000_000_000, "exact") in got
    assert ("Facebook", "amount", 1_000_000_000, "exact") not in got
    assert ("WhatsApp", "amount", 19_000_000_000, "exact") in got


def test_quantities_round17_a_common_noun_typed_as_a_place_keeps_no_toll(nlp: Any) -> None:
    # "Gunmen opened fire on visitors at Tunisia’s most renowned museum on Wednesday, killing at least
    # 19 people, ...": the model types "Gunmen" a place; who killed them has no toll, the museum has
    got = rows(nlp, "attack-stokes-instability-fears-in-north")
    assert ("Bardo National Museum", "deaths", 19, "at_least") in got
    assert ("Gunmen", "deaths", 19, "at_least") not in got


def test_quantities_round17_crowd_of_an_event_the_report_places(nlp: Any) -> None:
    # "In 2011, massive street demonstrations broke out in Moscow protesting ..." / "The demonstrations,
    # which saw as many as 100,000 people march, morphed into a larger protest against Putin ...": the
    # marchers of the demonstrations the report placed in Moscow
    got = {(s, p, v) for s, p, v, _ in rows(nlp, "hillary-clinton-putins-alleged-involvement-in")}
    assert ("Moscow", "protesters", 100_000) in got


def test_quantities_round17_verbs_of_killing_count_their_objects(nlp: Any) -> None:
    # "The black man who assassinated two New York City cops last week went by the name ..."; "In January,
    # Libyan militants loyal to the Islamic State beheaded 21 Christians ... along the country’s coast."
    got = {(s, p, v) for s, p, v, _ in rows(nlp, "happy-kwanzaa-the-holiday-brought-to")}
    assert ("New York City", "deaths", 2) in got
    got = {(s, p, v) for s, p, v, _ in rows(nlp, "attack-stokes-instability-fears-in-north")}
    assert ("Libya", "deaths", 21) in got


def test_quantities_round17_people_who_took_to_the_streets_protest(nlp: Any) -> None:
    # "About 15,000 people took to the streets in Tokyo on Sunday to protest against the nuclear power
    # industry ..."
    got = rows(nlp, "japanese-rally-against-nuclear-power-industry")
    assert ("Tokyo", "protesters", 15_000, "approximately") in got


def test_quantities_round17_a_vehicles_region_is_no_tolls_place(nlp: Any) -> None:
    # "HAYWARD, Calif. (AP) — ..." / "Authorities say a stabbing that killed a passenger on a San Francisco
    # Bay Area commuter train may have occurred ...": the region names where the train runs
    got = {(s, p, v) for s, p, v, _ in rows(nlp, "the-latest-man-stabbed-to-death")}
    assert ("Hayward", "deaths", 1) in got
    assert ("San Francisco Bay Area", "deaths", 1) not in got
