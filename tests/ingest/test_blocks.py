"""The pasted-page rules (ingest/blocks.py and the headline, byline and copyright rules of
text.py and metadata.py) on real snippets of the benchmark's tune pages (tests/data/pages/snippets/)."""

from __future__ import annotations

import pytest

from claimgraph.ingest import blocks, document_from_text
from claimgraph.ingest import boilerplate as bp
from claimgraph.ingest import metadata as md
from claimgraph.ingest.text import clean_page, split_lines
from tests.conftest import DATA

SNIPPETS = DATA / "pages" / "snippets"


def _snippet(name: str) -> str:
    return (SNIPPETS / f"{name}.txt").read_text(encoding="utf-8")


def test_blocks_link_menus_and_run_together_teasers_are_not_the_article() -> None:
    doc = document_from_text(_snippet("link-menus-teasers"))
    assert doc.title == "Michigan Officials: 6th Fatality Linked To Eastern Equine Encephalitis Reported"
    assert doc.published == "2019-11-19"
    body = doc.text.split("\n\n", 1)[1]
    assert body.startswith("ST. JOSEPH, Mich. (AP)")
    for furniture in (
        "Latest Sports",
        "Fantasy Football Waiver Wire",
        "You must log in",
        "Customers Leave Without Paying",
    ):
        assert furniture not in doc.text


def test_blocks_teasers_run_together_are_discounted() -> None:
    lines = split_lines(_snippet("link-menus-teasers"))
    teasers = next(r for r in blocks.regions(lines) if "Waiver Wire" in lines[r.start])
    assert teasers.score < teasers.words  # "...OptionsThe 49ers": headline and standfirst run together


def test_blocks_comment_thread_below_a_comments_heading_is_cut() -> None:
    doc = document_from_text(_snippet("comments-below"))
    assert "The entry-level 13-inch MacBook Pro was last updated in July" in doc.text
    assert "I agree but it begs the question" not in doc.text
    assert "Rating:" not in doc.text
    assert doc.authors == ["Joe Rossignol"]


def test_blocks_cookie_banner_is_a_widget_not_the_article() -> None:
    doc = document_from_text(_snippet("cookie-banner"))
    assert "I’ve worked on my own vehicles since I was 17" in doc.text
    assert "This website uses cookies" not in doc.text


def test_blocks_most_read_box_inside_the_body_is_cut_and_the_body_below_kept() -> None:
    doc = document_from_text(_snippet("most-read-box"))
    assert "The first two infected patients" in doc.text
    assert "Authorities in western" in doc.text  # the body goes on below the box
    assert "Most read in world news" not in doc.text
    assert "Conspiracy theorists say they've spotted Greta" not in doc.text


def test_blocks_list_closing_the_article_is_kept_and_sign_up_call_cut() -> None:
    doc = document_from_text(_snippet("closing-list"))
    assert "June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre" in doc.text
    assert "October 10 – Houston, TX @ The Cynthia Woods Mitchell Pavilion" in doc.text
    assert "Sign up for our newsletter" not in doc.text
    assert "In This Article" not in doc.text
    assert doc.authors == ["Ryan Reed"]  # "By" on a line of its own, the name under it


def test_blocks_headline_is_the_line_the_body_follows() -> None:
    doc = document_from_text(_snippet("headline-byline"))
    assert doc.title == "Google Stadia Red Dead Redemption 2 doesn’t run at a stable 60fps"
    assert doc.authors == ["Lewis White"]
    assert "Text Input" not in doc.text


def test_blocks_lone_short_lines_between_paragraphs_stay_in_the_body() -> None:
    doc = document_from_text(_snippet("lone-short-lines"))
    for kept in (
        "Pre-Workout Supplement",
        "Drink 20–30 minutes before your workout",
        "Asian Chicken Zoodles",
    ):
        assert kept in doc.text


def test_blocks_table_rows_count_as_article_text() -> None:
    doc = document_from_text(_snippet("table-rows"))
    assert "1\tKyle Busch\t5040" in doc.text
    assert "40\tCasey Mears" in doc.text


def test_blocks_cjk_lines_weighed_by_characters() -> None:
    page = clean_page(_snippet("cjk"))
    assert page.title == "Kindle for PCをCtrl＋Alt＋Kのショートカットキーで立ち上がらなくする方法"
    assert page.paragraphs[-1] == "これでようやく元の操作性を取り戻せました。"
    assert "プライバシーポリシー" not in page.text


def test_blocks_tag_cloud_is_not_prose() -> None:
    assert blocks.prose_words(" ".join(["adote um amigo agua alerta ambiente amizade atendimento"] * 4)) == 0


def test_blocks_clean_report_has_no_page_around_it() -> None:
    report = "A headline\n\nSunday, September 29, 2019\n\n" + "\n\n".join(
        ["A sentence of the report goes on here. " * 3] * 4
    )
    assert blocks.main_span(split_lines(report)) is None


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("by Lewis White", ["Lewis White"]),
        ("11/19/2019 by Lars Brandle", ["Lars Brandle"]),
        ("By Al Root Updated Nov. 19, 2019 8:21 am ET / Original Nov. 19, 2019 7:10 am ET", ["Al Root"]),
        ("Tom Krisher, Ap Auto Writer", ["Tom Krisher"]),
        ("Meg Kinnard and Errin Haines, Associated Press", ["Meg Kinnard", "Errin Haines"]),
        ("Kevin Johnson and Kevin McCoy USA TODAY", ["Kevin Johnson", "Kevin McCoy"]),
        ("By Michael HiltzikBusiness Columnist", ["Michael Hiltzik"]),
        ("Photo by Kirk Irwin/Getty Images", None),
        ("Donald Trump, Vladimir Putin Meet In Helsinki", None),
        ("Prime Minister Boris Johnson", None),
    ],
)
def test_metadata_byline_in_header_lines(line: str, names: list[str] | None) -> None:
    assert md.byline_in(line) == names


@pytest.mark.parametrize(
    ("line", "holder"),
    [
        ("© Copyright 2018 Rolling Stone, LLC, a subsidiary of Penske Business Media, LLC.", "Rolling Stone"),
        (
            "©All Rights Reserved Poynter Institute 2019, a 501(c)(3) nonprofit organization",
            "Poynter Institute",
        ),
        ("© 2019 MSPoweruser - All rights reservedNot associated with Microsoft", "MSPoweruser"),
        ("© The Detroit News, a Digital First Media Newspaper", "The Detroit News"),
        ("© Copyright Gannett 2018", "Gannett"),
        ("Copyright Policy", None),
        ("© 2019  All rights reserved.", None),
        ("Copyright © 2002-2019 - Designed by Gray Digital Media - Powered by Clickability", None),
    ],
)
def test_metadata_copyright_holder_of_real_footers(line: str, holder: str | None) -> None:
    assert md.parse_copyright(line) == holder


def test_metadata_about_us_is_no_site_name() -> None:
    assert md.site_name_in("About Us") is None


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("English", "language menu"),  # tune 95301fb7883e: "English", "Русский" one a line
        ("Русский", "language menu"),
        ("English Edition", "language menu"),  # tune 042bb7b5feda
        ("GLOBAL English", "language menu"),  # tune 5ae11e580afc
        ("Continue reading the main story", "paywall"),  # tune 04a6711caa7c
        ("Join 513 other subscribers", "paywall"),  # tune 0dd135704572
        ("Become a Subscriber", "paywall"),  # tune 833caf3bdba5
        ("Deutsche Bank", None),
        ("L.A. Times En Español", None),
        ("International", None),
    ],
)
def test_boilerplate_language_menus_and_paywall_lines(line: str, reason: str | None) -> None:
    assert bp.line_furniture(line, header=False) == reason


def test_blocks_language_menu_is_never_the_headline() -> None:
    page = "Menu\nEnglish\nРусский\nEspañol\n\nA short headline of the story\n\n"
    page += "\n\n".join(["The body of the story goes on in sentences, one after another, for a while."] * 6)
    page += "\nHome\nNews\nSport\nWeather\nContact\nEnglish\nРусский"
    assert document_from_text(page).title == "A short headline of the story"


def test_blocks_teasers_under_a_related_heading_below_the_article_are_cut() -> None:
    doc = document_from_text(_snippet("related-heading"))  # "Você pode gostar...", share bars between teasers
    assert "Só quem se ama pode encontrar em sua vida Um Amor de Verdade" in doc.text
    assert "A vida requer da gente otimismo" not in doc.text
    assert "Whatsapp" not in doc.text


def test_blocks_box_inside_the_body_above_its_heaviest_part() -> None:
    doc = document_from_text(_snippet("box-above-body"))  # "Trending News" after three paragraphs
    assert "Police released dramatic video showing the rescue" in doc.text
    assert "Meanwhile, friends, volunteers, and law enforcement" in doc.text
    assert "Man arrested after 7 trafficking victims" not in doc.text
    assert "paint their cows with zebra stripes" not in doc.text


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (
            "Tags Alexandria Ocasio-Cortez jeanine pirro Ilhan Omar death threat",
            "tag list",
        ),  # tune 6ebac05f637e
        ("Updated at 1:23 p.m.", "time stamp"),
        ("Tags are fitted to the birds before they leave.", None),
    ],
)
def test_boilerplate_tag_lists_and_time_stamps(line: str, reason: str | None) -> None:
    assert bp.line_furniture(line, header=False) == reason


@pytest.mark.parametrize(
    ("line", "holder"),
    [
        ("Copyright © 2000- MacRumors.com, LLC.", "MacRumors.com"),  # a domain as the holder
        ("© 2019 OregonLive.com. All rights reserved (About Us).", "OregonLive.com"),
        ("© 2000 - 2019 Al Bawaba (www.albawaba.com)", "Al Bawaba"),
        ("2019 Spacenews, Inc. All Rights Reserved", "Spacenews"),  # no ©, but all rights reserved
        (
            "© 2019 Business Insider Deutschland / finanzen.net GmbH Alle Rechte vorbehalten",
            "Business Insider Deutschland",
        ),
        ("In 2019 the company said all rights reserved for members.", None),
    ],
)
def test_metadata_copyright_holder_domains_and_no_sign(line: str, holder: str | None) -> None:
    assert md.parse_copyright(line) == holder


def test_blocks_photo_caption_with_its_credit_run_on_is_not_the_headline() -> None:
    # the caption's full stop and the photographer's credit with no space between them
    doc = document_from_text(_snippet("caption-credit"))
    assert doc.title == "House Hitler was born in will become a police station, Austria says"
    assert "Leonhard Foeger" not in doc.text


def test_blocks_headline_taken_into_the_article_over_its_byline() -> None:
    # the located article starts at its own headline; the nearest headline-like line above it is a
    # rating label ("Pants on Fire!") that shares no word with the article
    doc = document_from_text(_snippet("headline-in-article"))
    assert doc.title == "What is the value of drugs that come to the U.S. border?"
    assert doc.authors == ["Matthew Digby", "Minh Do"]
    assert doc.text.count("What is the value of drugs") == 1


def test_blocks_wire_credit_in_parentheses_gives_the_authors() -> None:
    # a Reuters report reprinted: "(Reuters) — The New York ..." and "(Reporting by ..., editing by ...)"
    doc = document_from_text(_snippet("wire-credit"))
    assert doc.title == "New York State Attorney General investigating WeWork and former CEO"
    assert doc.authors[:3] == ["Greg Roumeliotis", "Joshua Franklin", "Koh Gui Qing"]
    assert doc.publisher == "Reuters"
    assert "Reporting by" not in doc.text


def test_metadata_a_menu_item_by_the_date_is_no_author() -> None:
    # tune 360c732d1fdb (City A.M.): "City Talk", "CFA Institute Talk", a teaser, the date, the headline,
    # then the author's name twice
    lines = ["City Talk", "CFA Institute Talk", "Initial public offerings: Is there still a pulse?",
             "Wednesday 20 November 2019 9:22 am", "Alibaba to raise up to $12.9bn in landmark Hong Kong listing",
             "Anna Menin", "Anna Menin", "", "Share", "",
             "Alibaba is set to raise up to $12.9bn (£10bn) from its record-breaking second listing in Hong Kong, "
             "pricing its shares at a 2.8 per cent discount to their New York close."]
    assert md.names_in("CFA Institute Talk", strict=True) is None and md.names_in("City Talk", strict=True) is None
    assert md.names_in("Charlie Schmitz, HNN Intern", strict=True) is None  # tune: Hawaii News Now
    assert document_from_text("\n".join(lines)).authors == ["Anna Menin"]


def test_blocks_a_share_panel_between_headline_and_body_does_not_hide_the_headline() -> None:
    # BBC: forty lines of share buttons and their notes between the dated headline and the article
    doc = document_from_text(_snippet("share-panel"))
    assert doc.title == "Taylor Swift is allowed to play her music at the AMAs after all"
    assert "external links" not in doc.text and "Share this with" not in doc.text


@pytest.mark.parametrize(
    "line",
    ["you are here: HomeNewsBusinessMarkets",  # tune 65408257dbe4
     "You are signed in as",  # tune 3f65af7b6b98
     "These are external links and will open in a new window", "Copy this link",  # tune 70cb2d5bca75
     "https://www.bbc.com/news/newsbeat-50470672"],
)
def test_boilerplate_breadcrumbs_account_boxes_and_share_notes(line: str) -> None:
    assert bp.line_furniture(line, header=True) == "navigation"
