"""Merge precision and recall on the labelled pair sets (issue #8), end to end: the corpus
reports the pairs come from go through the real pipeline into a store, which resolves them.

Three sets are tuned on: ``pairs_tune.jsonl`` from the start, ``pairs_holdout.jsonl`` since its errors
were read to make the scoring general, and ``pairs_tune2.jsonl`` (142 pairs over reports none of the
fresh set's, labelled from the texts, its errors read to add the country titles of bodies, type
reconciliation and the other-country feature); all three train the pair model
(``training/resolution/train_pair_model.py``). ``pairs_fresh.jsonl`` (122 pairs over 132 reports,
labelled from the texts after the first two) was never tuned on until the eighth round; since then it is
a tuned set too: its errors were read to add the report's country named by its headline, parties named
after their members, acronyms without a country written first or a word added after 'and', and a person's
name that ends in no figure (it does not train the pair model). ``pairs_fresh3.jsonl`` (below) was the
never-tuned check of the eighth round and is tuned on from the ninth; a new blind set, labelled by
someone else, takes its place. The floors sit a few points under what this store measures. One backend is
enough here: the resolver is the same Python on both, and ``test_resolution.py`` runs the store's
resolution on SQLite and PostgreSQL.

``pairs_fresh2.jsonl`` (167 pairs, 80 same / 87 different, over 98 reports) is a second never-tuned
set, labelled blind from the texts alone (no resolver or extractor run).
Its first 96 pairs (41 same / 55 different) come from the 26 corpus reports no other pair set, dev or
test uses (14 are train reports); those share few actors, so their "same" pairs are mostly places and
outlets (United States / U.S., India, Wikinews in ten pairs) and their "different" pairs near names
(Michael / Michel, PLOS One / PLoS Computational Biology), same-titled bodies and bodies named after
places (UCLA / Los Angeles); a review pass reworded three reasons. The next 71 pairs (39 same / 32
different; 40 of people, 27 of organisations, 4 of an organisation and a person) come from 73 reports
outside dev and test, 51 of which the tuned sets also use: no side names an entity (url and name) of
``pairs_tune*.jsonl`` or ``pairs_holdout.jsonl``, and no pair repeats one of ``pairs_fresh.jsonl``.
Their "same" pairs join surnames to full names (Pelosi, Bolton, Giuliani, Amash, Carrie Lam),
transliterations (Erdogan / Erdoğan), acronyms (NTSB, FAA, NHC, RIAA, EFF, SDF, PKK, AP, EU) and
title variants (US / United States Supreme Court); their "different" pairs are namesakes (Kamala / Sam
Harris, Boris / Gary Johnson, Spike / Sacha Baron Cohen), father and son (Joe / Hunter Biden), shared
first names (Rocky, Mike, Bill, Tony, John, Richard, Francis), same-titled bodies of two states (coast
guards, senates, houses of representatives, supreme courts, Green and Alliance parties) and bodies
against the people they are named after or led by (Rocky Linux / Rocky McGaugh, Trump campaign /
Donald Trump, Free Software Foundation / Richard Stallman). A second review pass re-read both texts
of each: one name corrected (a surname that never stands alone in its report), one reason reworded.

``pairs_fresh3.jsonl`` (130 pairs, 69 same / 61 different, over 100 reports outside dev and test: 50
train, 50 unlisted) was a third never-tuned set, labelled blind from the texts alone in round 8 and
measured once, on the round's resolver: precision 0.914, recall 0.955 (6 wrong merges in 70; 3 pairs
missing). From the ninth round it is a tuned set: its errors were read to make a legislature's chamber
('House of Representatives', 'House of Commons') one state's body, to read the first of two given names
as the other name's first ('Red Hat Linux' is no 'Fedora/Red Hat Enterprise Linux'), to keep a region's
body ('Constitution Party of Idaho') apart from the national one its report names by the title alone, and
to read a name written with 'of' and a country as a variant of the name alone in reports about that
country ('Islamic State of Iraq and the Levant'): 0.914 / 0.955 -> 0.971 / 0.985. What it still gets
wrong: the two 'presidential election' pairs (the extractor keeps no events, and both sides fall on the
'United States' their names hold) and 'Space X' (the extractor writes 'NASA-Space'). It does not train
the pair model. 62 pairs are of two people, 3 of a person and an organisation or facility, 45 of
organisations, 14 of places and 6 of events; no side names an entity (url and name, or url and a shared
name word, read by hand) of another set, and no pair repeats one (``python -m tests.store.pair_set_check
pairs_fresh3.jsonl`` checks this and that each name stands in its report). Its "same" pairs follow actors
of the 2020 US campaign across reports (Sanders, Biden, Warren, Jorgensen, Hawkins, La Riva), officials
(Pompeo, Putin, Assad, Corbyn, May) and name variants (SpaceX / Space X, New York Times / The New York
Times, United States Commission on Presidential Debates, U.S. Supreme Court / Supreme Court, Islamic
State of Iraq and the Levant / Islamic State, UK / United Kingdom, Britain / United Kingdom); its
"different" pairs are shared first names (Mike Pence / Pompeo / Maturen / Bost, Donald Tusk / Trump, Joe
Scarborough / Schriner / Biden, Tony, Robert, Richard, John, David, Chris, George, Bill, Eric, Ron,
Susan, Ali, Steve, Andrew, James), a relative (Jared Kushner / Donald Trump), same-titled bodies (House
of Representatives of Puerto Rico, Australia, Michigan and the US; the UK and Canadian House of Commons;
Republican Party / Republican Party of Idaho), things named after people (George Washington Bridge, Trump
administration, John Radcliffe Hospital / John Ratcliffe) and near names (Niger / Nigeria, Sudan / South
Sudan, Mexico / New Mexico, Wales / New South Wales, Iraq War / Iran–Iraq War, 2016 / 2020 presidential
elections). A review pass re-read both texts of each pair: three sides replaced (one named an entity of
another set, two shared their report with another set's side for the same country), three reasons
requoted. A second reviewer re-read both texts of all 130 and kept every label, name and type: three
changes (the "Space X" pair's other side moved to the report of the launch it names, two reasons
requoted).

``pairs_fresh4.jsonl`` (127 pairs, 67 same / 60 different, over 131 corpus reports outside dev and
test: 53 pairs of two people, 48 of organisations, 18 of places, 5 of events) is the never-tuned set
of the ninth and tenth rounds, labelled blind from the texts alone by one helper (a self-review
re-read both texts of every pair) and reviewed in full by a second (8 pairs changed, 1 dropped, 1
added); ``pair_set_check`` finds no side naming another set's entity. Measured once, on the tenth
round's final resolver and extractor: precision 1.000, recall 0.908 (no wrong merge; 6 of 65 same
pairs missed, 3 entities not extracted). Its errors were not read.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from claimgraph.model import Extraction
from claimgraph.store import Store, open_store
from tests.conftest import CORPUS
from tests.extractions import Extractions
from tests.store.pairs import graph_id, load, score, urls

TUNE, HOLDOUT, FRESH = "pairs_tune.jsonl", "pairs_holdout.jsonl", "pairs_fresh.jsonl"
TUNE2, FRESH2, FRESH3 = "pairs_tune2.jsonl", "pairs_fresh2.jsonl", "pairs_fresh3.jsonl"
FRESH4 = "pairs_fresh4.jsonl"
# (precision, recall); measured on this store (ninth round) 0.980 / 0.962, 1.000 / 1.000, 0.989 /
# 0.989, fresh (tuned on from the eighth round) 0.981 / 0.912 and fresh3, tuned on from the ninth,
# 0.971 / 0.985 (0.914 / 0.955 before: its errors were read; issue #8 asks for 0.97 / 0.90 on tuned
# sets); the never-tuned fresh2 0.987 / 0.987, measured once at the end of the round, unchanged (its first
# 96 pairs 1.000 / 1.000 when it was merged); the never-tuned fresh4 1.000 / 0.908, measured once at the
# end of the tenth round (the other sets unchanged with its reports in the store)
FLOORS = {TUNE: (0.95, 0.93), HOLDOUT: (0.97, 0.97), TUNE2: (0.96, 0.96), FRESH: (0.95, 0.88),
          FRESH2: (0.95, 0.95), FRESH3: (0.94, 0.95), FRESH4: (0.97, 0.87)}
# pairs whose entity the extractor does not find in its report (tune 2, fresh 5: storms and wars are
# no entity type it keeps, one name is not in the text; fresh2 1, fresh3 3, fresh4 3 measured)
MISSING = {TUNE: 2, HOLDOUT: 0, TUNE2: 0, FRESH: 5, FRESH2: 2, FRESH3: 4, FRESH4: 4}


@pytest.fixture(scope="module")
def pair_store(extractions: Extractions, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    import json

    from claimgraph.ingest import read_documents

    wanted = urls(TUNE, HOLDOUT, TUNE2, FRESH, FRESH2, FRESH3, FRESH4)
    tmp = tmp_path_factory.mktemp("pairs")
    reports = tmp / "reports.jsonl"
    with CORPUS.open(encoding="utf-8") as f:
        reports.write_text("".join(line for line in f if line.strip() and json.loads(line)["url"] in wanted), encoding="utf-8")
    store = open_store(str(tmp / "pairs.db"))
    documents = (d for d in read_documents([str(reports)]) if not isinstance(d, Exception))
    for ex in extractions.many(documents):
        assert isinstance(ex, Extraction)
        store.add(ex)
    store.resolve()
    yield store
    store.close()


def test_resolution_pairs_are_labelled_with_reasons() -> None:
    sizes = ((TUNE, 80), (HOLDOUT, 40), (TUNE2, 100), (FRESH, 80), (FRESH2, 160), (FRESH3, 120),
             (FRESH4, 120))
    for name, least in sizes:
        pairs = load(name)
        assert len(pairs) >= least
        assert all(p["label"] in ("same", "different") and p["reason"] for p in pairs)
        assert all(p[s]["url"].startswith("https://en.wikinews.org/") for p in pairs for s in "ab")
    assert {p["label"] for p in load(HOLDOUT)} == {"same", "different"}
    # the new tuning set reads no report of the never-tuned one
    assert not urls(TUNE2) & urls(FRESH)
    assert sum(p["label"] == "different" for p in load(TUNE2)) >= 40


@pytest.mark.parametrize("name", [TUNE, HOLDOUT, TUNE2, FRESH, FRESH2, FRESH3, FRESH4])
def test_resolution_pairs_precision_and_recall(pair_store: Store, name: str) -> None:
    result = score(pair_store, name)
    assert len(result.missing) <= MISSING[name], result.missing
    least_precision, least_recall = FLOORS[name]
    assert result.precision >= least_precision, result.errors
    assert result.recall >= least_recall, result.errors


def test_resolution_pairs_issue_cases(pair_store: Store) -> None:
    """The issue's wrong merges stay apart and its missed merges are made; so do a party named
    with words before another's, a country written in one name, a title written in both names,
    a nickname and one name tagged a place and an organisation (EastMed)."""
    errors = set(score(pair_store, TUNE).errors)
    for kept_apart in ("Labour Party / Labor Party", "Interior Minister / Interior Ministry",
                       "First Lady Michelle Obama / Obama", "Elizabeth / Elizabeth II",
                       "Christian Democratic Party / Democratic Party"):
        assert not any(e.startswith("wrong merge: " + kept_apart) for e in errors), errors
    for joined in ("Revolutionary Guards / Islamic Revolutionary Guard Corps",
                   "Islamic Revolutionary Guard Corps / Iranian Revolutionary Guard Corps",
                   "Pedro R. Pierluisi Urrutia / Pedro Pierluisi", "White House / White House",
                   "Francis / Francis", "Bill Weld / William Weld", "EastMed / EastMed"):
        assert not any(e.startswith("missed: " + joined) for e in errors), errors
    # "Trump" alone is Donald Trump; the pair labelled from "the Trump administration" is the one
    # exception: the fine-tuned recogniser reads that as one organisation, which issue #8 asks for
    trump = [p for p in load(TUNE) if (p["a"]["name"], p["b"]["name"]) == ("Trump", "Donald Trump")]
    assert len(trump) >= 5
    for pair in trump:
        if "administration" not in pair["reason"]:
            assert graph_id(pair_store, pair["a"]) == graph_id(pair_store, pair["b"]), pair["reason"]


def test_resolution_pairs_bodies_and_types(pair_store: Store) -> None:
    """Bodies of one country under their titles join and two countries' stay apart; a party
    tagged as a nationality, an organisation's word tagged as a person's and a person's name
    tagged ORG (also after a misspelt title) join their actor; an acronym of another country's
    report stays apart, two countries' embassies too; a four-letter acronym joins its expansion; a
    name the extractor cut joins through the acronym both reports write (PG&E), an organisation
    owning another name in its possessive is split from it (the European Southern Observatory's
    Very Large Telescopes), a ministry written with a word fewer joins (the Emergencies Ministry)."""
    errors = set(score(pair_store, TUNE2).errors)
    for kept_apart in ("Senate / Senate (different)", "Supreme Court / Supreme Court (different)",
                       "CBC / Congressional Black Caucus", "Labour Party / Labor Party",
                       "Parliament / Parliament (different)", "Congress / Congress (different)",
                       "U.S. embassy / United States Embassy"):
        assert not any(e.startswith("wrong merge: " + kept_apart) for e in errors), errors
    for joined in ("Senate / US Senate", "Parliament / Parliament of the United Kingdom",
                   "U.S. Justice Department / Department of Justice", "Labor / Labor Party",
                   "Republican Party / Republican Party", "Instagram / Instagram",
                   "Elijah Eugene Cummings / Elijah Cummings", "ECJ / European Court of Justice",
                   "Twitter / Twitter", "PNAS / Proceedings of the National Academy of Sciences",
                   "House Intelligence Committee Represenative Adam Schiff / Adam Schiff",
                   "PG&E / PG&E", "European Southern Observatory / European Southern Observatory"):
        assert not any(e.startswith("missed: " + joined) for e in errors), errors
    held = set(score(pair_store, HOLDOUT).errors)
    assert "missed: Emergency Situations Ministry / Emergencies Ministry (same)" not in held, held


def test_resolution_pairs_fresh_cases(pair_store: Store) -> None:
    """What reading ``pairs_fresh.jsonl``'s errors made general: a report's country named by its
    headline keeps Samoa's Ministry of Foreign Affairs apart from Zimbabwe's and joins the Thames
    Valley Police of a report about a toilet called 'America'; parties named after their members
    are of one country; acronyms of names that write a country first (United States Central
    Intelligence Agency) or a word added after 'and' (Centers for Disease Control and Prevention);
    a storm's name the extractor no longer ends with a figure ('Humberto 75')."""
    errors = set(score(pair_store, FRESH).errors)
    for kept_apart in ("Ministry of Foreign Affairs / Ministry of Foreign Affairs",
                       "Liberal Democrats / Liberal Democrats"):
        assert not any(e.startswith("wrong merge: " + kept_apart) for e in errors), errors
    for joined in ("Thames Valley Police / Thames Valley Police", "CIA / Central Intelligence Agency",
                   "CDC / Centers for Disease Control and Prevention", "Tropical Storm Humberto / Humberto"):
        assert not any(e.startswith("missed: " + joined) for e in errors), errors



def test_resolution_pairs_fresh3_cases(pair_store: Store) -> None:
    """What reading ``pairs_fresh3.jsonl``'s errors made general: a legislature's chamber is one
    state's body (Puerto Rico's and Australia's House of Representatives are not the US House, the
    UK's and Canada's House of Commons two); of two given names the first is the other name's
    first (the CentOS report's 'Fedora/Red Hat Enterprise Linux' is not 'Red Hat Linux', so not
    Red Hat); a region's party ('Constitution Party of Idaho') is not the national one the report
    names by its title alone; a name written with 'of' and a country is a variant of the name
    alone ('Islamic State of Iraq and the Levant')."""
    errors = set(score(pair_store, FRESH3).errors)
    for kept_apart in ("House of Representatives / United States House of Representatives",
                       "House of Commons / House of Commons", "CentOS / Red Hat"):
        assert not any(e.startswith("wrong merge: " + kept_apart) for e in errors), errors
    for joined in ("Constitution Party / Constitution Party",
                   "Islamic State of Iraq and the Levant / Islamic State"):
        assert not any(e.startswith("missed: " + joined) for e in errors), errors
