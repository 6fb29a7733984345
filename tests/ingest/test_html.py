"""document_from_html on a page written around a corpus report (nav, header, aside, footer)."""

from __future__ import annotations

import gzip
from typing import Any

import pytest

from claimgraph.errors import EMPTY, InputError
from claimgraph.ingest import document_from_html
from tests.conftest import DATA
from tests.ingest.conftest import INGEST, body_paragraphs, expectations

PAGE = INGEST / "sea-eye-page.html"


@pytest.mark.parametrize("as_bytes", [False, True], ids=["str", "bytes"])
def test_html_page_main_text_and_metadata(as_bytes: bool, corpus_by_url: dict[str, dict[str, Any]]) -> None:
    want = expectations(PAGE)
    html: str | bytes = PAGE.read_bytes() if as_bytes else PAGE.read_text(encoding="utf-8")
    doc = document_from_html(html, str(PAGE))
    assert doc.title == want["title"]
    assert doc.text.startswith(want["title"] + "\n\n")
    assert doc.published == want["published"]
    assert doc.publisher and want["publisher_contains"] in doc.publisher
    assert doc.authors == want["authors"]
    assert doc.source == str(PAGE)
    assert doc.url == "https://www.harbourpost.example/world/2019/02/12/sea-eye-alan-kurdi"
    assert [s for s in want["absent"] if s in doc.text] == []
    article = corpus_by_url[want["corpus_url"]]
    assert [p[:60] for p in body_paragraphs(article["text"]) if p not in doc.text] == []
    assert "\n\n\n" not in doc.text


def test_html_page_without_text_is_empty() -> None:
    with pytest.raises(InputError) as err:
        document_from_html(
            '<html><body><nav><a href="/">Home</a> | <a href="/w">World</a> | <a href="/s">Sport</a></nav>'
            "<footer><a>Privacy policy</a> · <a>Terms of use</a></footer></body></html>",
            "blank.html",
        )
    assert err.value.code == EMPTY


def test_a_box_beside_the_article_does_not_stand_for_it() -> None:
    # A saved Press-Enterprise page (train, tests/data/reports/html/): trafilatura's precise setting
    # keeps only the 64-word comment policy under the story; the default setting finds the story.
    page = DATA / "reports" / "html" / "train" / "perris-woman-ordered-hit-on-father.html.gz"
    doc = document_from_html(gzip.decompress(page.read_bytes()), source=page.name)
    assert "Judy Avalos" in doc.text
    assert "Comments are encouraged" not in doc.text
