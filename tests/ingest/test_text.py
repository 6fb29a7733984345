"""document_from_text on real reports: clean files, pasted pages with furniture, layout rules."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from claimgraph.errors import EMPTY, InputError
from claimgraph.ingest import document_from_text
from claimgraph.ingest import metadata as md
from tests.ingest.conftest import CLEAN_DEV, DEV, PASTED, body_paragraphs, expectations


def _check_layout(text: str) -> None:
    assert text == text.strip()
    assert "\r" not in text
    assert "\n\n\n" not in text
    assert not re.search(r"[ \t]+\n", text), "trailing spaces"


def test_text_pasted_page_gold_metadata_and_furniture() -> None:
    gold = json.loads((DEV / "pasted-page.gold.json").read_text(encoding="utf-8"))
    doc = document_from_text((DEV / "pasted-page.txt").read_text(encoding="utf-8"), "pasted-page.txt")
    meta = gold["metadata"]
    assert doc.title and meta["title_contains"] in doc.title
    assert doc.published == meta["published"]
    assert doc.publisher and meta["publisher_contains"] in doc.publisher
    assert [s for s in gold["boilerplate_absent"] if s in doc.text] == []
    assert [q["key"] for q in gold["quotes"] if q["key"] not in doc.text] == []
    assert doc.text.startswith(doc.title + "\n\n")
    assert doc.source == "pasted-page.txt"
    _check_layout(doc.text)


def test_text_pasted_page_keeps_every_body_paragraph() -> None:
    clean = (DEV / "khashoggi-fiancee.txt").read_text(encoding="utf-8")
    doc = document_from_text((DEV / "pasted-page.txt").read_text(encoding="utf-8"))
    missing = [p[:60] for p in body_paragraphs(clean) if not re.match(r"^\w+day, \w+ \d+, \d{4}$", p) and p not in doc.text]
    assert missing == []


@pytest.mark.parametrize("path", CLEAN_DEV, ids=lambda p: p.stem)
def test_text_clean_dev_file_keeps_all_body_text(path: Path) -> None:
    raw = path.read_text(encoding="utf-8")
    doc = document_from_text(raw, str(path))
    lines = [line.strip() for line in raw.splitlines() if line.strip()]
    assert doc.title == lines[0]
    dates = [line for line in lines[1:] if re.fullmatch(r"\w+day, \w+ \d{1,2}, \d{4}", line)]
    body = [line for line in lines[1:] if line not in dates]
    assert [p[:60] for p in body if p not in doc.text] == []
    for date_line in dates:
        assert date_line not in doc.text  # the date is metadata, not body
    if dates:
        assert doc.published and re.fullmatch(r"\d{4}-\d\d-\d\d", doc.published)
    _check_layout(doc.text)


@pytest.mark.parametrize("path", PASTED, ids=lambda p: p.stem)
def test_text_own_pasted_fixture(path: Path, corpus_by_url: dict[str, dict[str, Any]]) -> None:
    want = expectations(path)
    doc = document_from_text(path.read_text(encoding="utf-8"), str(path))
    assert doc.title == want["title"]
    assert doc.published == want["published"]
    if "publisher_contains" in want:
        assert doc.publisher and want["publisher_contains"] in doc.publisher
    assert doc.authors == want["authors"]
    assert [s for s in want["absent"] if s in doc.text] == []
    assert [s for s in want.get("present", []) if s not in doc.text] == []
    article = corpus_by_url[want["corpus_url"]]
    assert [p[:60] for p in body_paragraphs(article["text"]) if p not in doc.text] == []
    assert doc.text.startswith(want["title"] + "\n\n")
    _check_layout(doc.text)


def test_text_layout_normalises_line_endings_and_blank_runs(corpus: list[dict[str, Any]]) -> None:
    row = corpus[2]
    paras = body_paragraphs(row["text"])
    raw = f"{row['title']}   \r\n\r\n\r\n\r\n" + "  \r\n\r\n\r\n".join(paras) + "\r\n\r\n"
    doc = document_from_text(raw)
    assert doc.title == row["title"]
    assert doc.text == "\n\n".join([row["title"], *paras])


def test_text_hard_wrapped_paragraph_is_joined(corpus: list[dict[str, Any]]) -> None:
    row = corpus[30]
    first = body_paragraphs(row["text"])[0]
    wrapped, line = [], ""
    for word in first.split():
        if len(line) + len(word) + 1 > 60:
            wrapped.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    wrapped.append(line)
    doc = document_from_text(row["title"] + "\n\n" + "\n".join(wrapped) + "\n")
    assert first in doc.text


def test_text_given_metadata_wins_and_duplicate_title_goes(corpus: list[dict[str, Any]]) -> None:
    row = corpus[50]
    doc = document_from_text(row["title"] + "\n\n" + row["text"], "x", title=row["title"], published="28 April 2019", url=row["url"])
    assert doc.title == row["title"]
    assert doc.text.count(row["title"]) == 1
    assert doc.published == "2019-04-28"
    assert doc.url == row["url"]


def test_text_only_furniture_is_empty() -> None:
    furniture = "Skip to main content\nShare on Facebook   Share on X   Email this article\n__________\nPrivacy policy · Terms of use · Cookies\n"
    with pytest.raises(InputError) as err:
        document_from_text(furniture, "menu.txt")
    assert err.value.code == EMPTY
    assert "menu.txt" in str(err.value)
    with pytest.raises(InputError):
        document_from_text("  \n\t\n", "blank.txt")


TRAIN_REPORTS = Path(__file__).resolve().parents[1] / "data" / "reports" / "train"


@pytest.mark.parametrize(
    ("stem", "publisher"),
    [
        ("a-man-develops-feather-duvet-lung-after", "Live Science"),  # "Originally published on Live Science."
        ("investors-dont-seem-to-know-what", "CNN Business"),  # "Hong Kong (CNN Business) A muddled view"
        ("nadal-keeps-spain-alive-against-russia", "Sportsnet.ca"),  # the title's "... - Sportsnet.ca"
        ("the-impeachment-clock-national-review", "National Review"),  # "The Impeachment Clock | National Review"
        ("a-grant-to-evidence-action-beta", "The GiveWell Blog"),  # "... scale promising programs - The GiveWell Blog"
        ("with-shattered-dreams-deportees-return-home", "PTI"),  # the last words: "... into the US. PTI"
    ],
)
def test_text_publisher_from_syndication_datelines_titles_and_closing_credits(stem: str, publisher: str) -> None:
    (path,) = TRAIN_REPORTS.glob(f"{stem}*.txt")
    doc = document_from_text(path.read_text(encoding="utf-8"))
    assert doc.publisher == publisher
    assert publisher.split(".")[0] in doc.text  # a credit line naming the outlet stays in the text


def test_text_no_publisher_from_body_sentences_or_a_title_section() -> None:
    text = (
        "The Guardian view on Hong Kong: a city on the brink | Editorial\n\n"
        "The findings were published today in the journal BMJ Case Reports.\n\n"
        "Paris (Reuters reporters were there) Officials said the figures had been published first in Le Monde."
    )
    assert document_from_text(text).publisher is None
    assert md.parse_originally("This article was originally published on The Conversation. Read more.") == (
        "The Conversation"
    )
    assert md.site_in_title("Trump wins again - BBC News") == "BBC News"
    assert md.site_in_title("Coronavirus outbreak - live updates") is None
    assert md.site_in_title("Storm hits the coast | News") is None  # a section label after the pipe
    assert md.site_in_title("Brexit deal - What Happens Next") is None  # a dash may sit inside a headline


@pytest.mark.parametrize(
    "stem",
    [
        "what-is-the-value-of-drugs",  # a question
        "economy-in-stress-and-markets-on",  # "...; time to be careful?"
        "home-depot-stock-is-falling-after",  # two sentences in title case
    ],
)
def test_text_headline_that_reads_as_a_sentence(stem: str) -> None:
    (path,) = TRAIN_REPORTS.glob(f"{stem}*.txt")
    text = path.read_text(encoding="utf-8")
    doc = document_from_text(text)
    assert doc.title == text.split("\n", 1)[0].strip()


def test_text_opening_sentence_is_no_headline() -> None:
    text = (
        "The equity benchmark scaled a new high in the morning trade on November 20.\n\n"
        "Not just the Sensex, even the Nifty has been rallying at a time when concerns over the Indian "
        "economy are growing, with macroeconomic data pointing to a slowdown."
    )
    assert document_from_text(text).title is None
