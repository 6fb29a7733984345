"""Metadata lines: dates, bylines, taglines and copyright notices as news sites write them."""

from __future__ import annotations

import gzip

import pytest

from claimgraph.ingest import document_from_html
from claimgraph.ingest import metadata as md
from claimgraph.ingest.metadata import headline_without_site
from tests.conftest import DATA


@pytest.mark.parametrize(
    ("line", "iso", "flag"),
    [
        ("Sunday, September 29, 2019", "2019-09-29", ""),
        ("29 September 2019", "2019-09-29", ""),
        ("2019-09-29", "2019-09-29", ""),
        ("Published: 29 Sep 2019 14:05 BST", "2019-09-29", ""),
        ("Wed 18 Sep 2019 09.14 BST", "2019-09-18", ""),
        ("Posted on April 28, 2019", "2019-04-28", ""),
        ("Last updated: 30 September 2019", "2019-09-30", "updated"),
    ],
)
def test_metadata_date_line(line: str, iso: str, flag: str) -> None:
    assert md.parse_date_line(line) == (iso, flag)


@pytest.mark.parametrize("line", ["May 2019 be a better year", "The attack on 29 September 2019 killed two."])
def test_metadata_date_inside_a_sentence_is_not_a_date_line(line: str) -> None:
    assert md.parse_date_line(line) is None


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Jane Doe", ["Jane Doe"]),
        ("By Hatice Cengiz and Agnès Callamard", ["Hatice Cengiz", "Agnès Callamard"]),
        ("Author: Martin Smith", ["Martin Smith"]),
        ("By Reuters staff", []),
        ("By the end of the day, rescuers had ended their work.", None),
        ("By Monday", None),
    ],
)
def test_metadata_byline(line: str, names: list[str] | None) -> None:
    assert md.parse_byline(line) == names


def test_metadata_publisher_lines() -> None:
    assert md.parse_tagline("From Wikinews, the free news source you can write!") == "Wikinews"
    assert md.parse_copyright("© 2024 The Guardian") == "The Guardian"
    assert md.parse_copyright("Copyright © 2019 BBC. The BBC is not responsible for the content of external sites.") == "BBC"
    assert md.parse_copyright("The copyright of the photograph is disputed, the court heard.") is None
    assert md.site_name_in("About Wikinews") == "Wikinews"
    assert md.publisher_from_url("https://en.wikinews.org/wiki/Foo") == "wikinews.org"


def test_metadata_normalise_date_forms() -> None:
    assert md.normalise_date("2019-01-04") == "2019-01-04"
    assert md.normalise_date("4 January 2019") == "2019-01-04"
    assert md.normalise_date("Jan 4th, 2019 at noon") == "2019-01-04"
    assert md.normalise_date("") is None


@pytest.mark.parametrize(("title", "site", "headline"), [
    # window titles of saved train pages (tests/data/reports/html/train/) and trafilatura's sitename
    ("15-year-old driver killed, 14-year-old passenger critical in SW Miami-Dade crash - WSVN 7News | "
     "Miami News, Weather, Sports | Fort Lauderdale",
     "WSVN 7News | Miami News, Weather, Sports | Fort Lauderdale",
     "15-year-old driver killed, 14-year-old passenger critical in SW Miami-Dade crash"),
    ("Berlin confronts Germany's colonial past with new initiative | DW | 19.01.2020", "DW.COM",
     "Berlin confronts Germany's colonial past with new initiative"),
    ("Margaret Thatcher feared GCSEs would lower school standards - Telegraph", "Telegraph.co.uk",
     "Margaret Thatcher feared GCSEs would lower school standards"),
    ("Amazon Liable for Defective Third-Party Products Rules CA Appellate Court - California Globe",
     "California Globe", "Amazon Liable for Defective Third-Party Products Rules CA Appellate Court"),
    ("UK university student halls too full to be safe, experts warn",
     "UK university student halls too full to be safe, experts warn",
     "UK university student halls too full to be safe, experts warn"),
    ("Axios Future", "axios.com", "Axios Future"),
    ("Markets rally as Apple unveils its new phones - Apple stock up", "AP",
     "Markets rally as Apple unveils its new phones - Apple stock up"),
])
def test_the_site_leaves_the_headline(title: str, site: str, headline: str) -> None:
    assert headline_without_site(title, site) == headline


def test_a_saved_page_headline_names_no_site() -> None:
    page = DATA / "reports" / "html" / "train" / "15-year-old-driver-killed-14-year-old.html.gz"
    doc = document_from_html(gzip.decompress(page.read_bytes()), source=page.name)
    assert doc.title == "15-year-old driver killed, 14-year-old passenger critical in SW Miami-Dade crash"
    assert doc.publisher and "WSVN" in doc.publisher
