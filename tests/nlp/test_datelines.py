"""Wire datelines on real reports: the place and the agency are entities of their own, and the
place is no part of the first sentence (neither its subject nor a quote's speaker)."""

from __future__ import annotations

import gzip
import json

from claimgraph import Document, extract
from claimgraph.nlp.datelines import find_datelines
from tests.conftest import DATA

# train: "Unpredictable Sondland faces questions about Trump" (AP, reprinted by another outlet)
SONDLAND = DATA / "reports" / "train" / "unpredictable-sondland-faces-questions-about-trump.txt"
ESPER_URL = "https://www.chron.com/news/world/article/Esper-says-US-providing-Vietnam-with-coast-guard-14848382.php"


def _tune_page(url: str) -> str:
    """A page of the pasted-page tune set (tests/data/pages), as the browser's text."""
    with gzip.open(DATA / "pages" / "pages-tune.jsonl.gz", "rt", encoding="utf-8") as f:
        return next(row["pasted"] for line in f if (row := json.loads(line))["url"] == url)


def _parts(text: str) -> list[tuple[str, str | None, str | None]]:
    def cut(span: tuple[int, int] | None) -> str | None:
        return text[span[0] : span[1]] if span else None

    return [(cut(d.place) or "", cut(d.region), cut(d.agency)) for d in find_datelines(text)]


def test_datelines_found_with_region_and_agency() -> None:
    assert _parts(SONDLAND.read_text(encoding="utf-8")) == [("WASHINGTON", None, "AP")]
    assert ("HANOI", "Vietnam", "AP") in _parts(_tune_page(ESPER_URL))


def test_datelines_not_found_in_ordinary_lines() -> None:
    text = "U.S. Defense Secretary Mark Esper on Wednesday accused China.\nEsper said - and others agreed."
    assert find_datelines(text) == []


def test_dateline_place_and_agency_are_two_entities() -> None:
    ex = extract(Document(text=SONDLAND.read_text(encoding="utf-8")))
    holding = {form: [e for e in ex.entities if form in {m.text for m in e.mentions}] for form in ("WASHINGTON", "AP")}
    assert [e.type for e in holding["WASHINGTON"]] == ["GPE"]
    assert [e.type for e in holding["AP"]] == ["ORG"]
    assert holding["WASHINGTON"][0].id != holding["AP"][0].id


def test_dateline_place_is_not_the_first_sentences_speaker() -> None:
    text = _tune_page(ESPER_URL)
    ex = extract(Document(text=text))
    names = {e.id: e.name for e in ex.entities}
    accused = next(q for q in ex.quotes if q.text.startswith("China of using coercion"))
    assert names[accused.speaker or ""] == "Mark Esper"
    # the city, named in the dateline and a caption, is not the prison nicknamed after it
    hanoi = [e for e in ex.entities if "HANOI" in {m.text for m in e.mentions}]
    assert [e.type for e in hanoi] == ["GPE"]
    assert "Hanoi Hilton" not in {m.text for m in hanoi[0].mentions}


def test_datelines_not_found_in_hyphenated_names() -> None:
    # train: "Philippines' largest television network shut down by government"
    assert find_datelines("Foo\nABS-CBN Corporation is the largest television network.") == []
    assert _parts("LONDON (Reuters) - Britain said.\nBEIRUT—Lebanon said.") == [
        ("LONDON", None, "Reuters"), ("BEIRUT", None, None)]


def test_dateline_agency_is_the_publisher_when_the_page_names_none() -> None:
    from claimgraph.ingest import read_documents

    doc = next(iter(read_documents([str(SONDLAND)])))
    assert isinstance(doc, Document) and doc.publisher == "AP"


def test_datelines_agency_alone_only_for_a_wire_service() -> None:
    # tune page (venturebeat.com reprinting Reuters): "(Reuters) — The New York State Attorney General ..."
    assert _parts("(Reuters) — The New York State Attorney General (NYAG) is investigating WeWork.") == [
        ("", None, "Reuters")]
    assert find_datelines("(Updated) — The company said.") == []
