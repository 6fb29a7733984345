"""End to end in headless Chromium against `claimgraph serve` on a store of real corpus reports.

Each test drives the pages as a reader would; the page fixture fails a test on any console
error, so a Content-Security-Policy violation (an inline script, a foreign resource) fails too.
Screenshots of the main pages land in tests/artifacts/ (ignored by git).
"""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest

from tests.web.conftest import Server, shot

pytestmark = pytest.mark.browser


def _actor_id(server: Server, name: str) -> str:
    found = httpx.get(f"{server.base}/api/search", params={"q": name}).json()["results"]["actors"]
    return next(a["id"] for a in found if a["name"] == name)


def test_web_search_finds_an_actor_as_you_type(server: Server, page: Any) -> None:
    page.goto(server.base + "/")
    page.locator("#q").press_sequentially("Soleim", delay=60)
    hit = page.locator("[data-kind=actors] a.hit", has_text="Qasem Soleimani")
    hit.first.wait_for()
    assert page.locator("[data-kind=reports] .hit").count() >= 1
    # the address follows the box, so a search can be shared (after the last keystroke's search:
    # an earlier prefix already finds the actor)
    page.wait_for_url(re.compile(r"[?&]q=Soleim\b"))
    shot(page, "search")
    hit.first.click()
    page.wait_for_url(re.compile(r"/actor/"))
    assert page.locator("h1").first.inner_text().startswith("Qasem Soleimani")


def test_web_search_filters_narrow_the_results(server: Server, page: Any) -> None:
    page.goto(server.base + "/?q=Iraq")
    page.locator("[data-kind=reports] .hit").first.wait_for()
    before = page.locator("[data-kind=reports] .hit").count()
    page.locator("input[name=until]").fill("2019-12-31")
    page.wait_for_function(
        "n => document.querySelectorAll('[data-kind=reports] .hit').length < n", arg=before
    )
    page.locator("select[name=type]").select_option("PERSON")
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-kind=actors] .chip')]"
        ".every(c => c.textContent === 'PERSON')"
    )


def test_web_actor_shows_a_relation_with_modality_and_source_and_the_source_marks_the_sentence(
    server: Server, page: Any
) -> None:
    page.goto(f"{server.base}/actor/{_actor_id(server, 'Adil Abdul-Mahdi')}")
    claim = page.locator("#relations .claim", has_text="leader_of").filter(has_text="Iraq")
    stance = claim.locator(".stance", has_text="reported")
    assert "by NPR" in stance.inner_text()
    assert claim.locator(".badge.m-reported").count() == 1
    assert "independent report" in claim.inner_text()
    names = page.locator("#names").inner_text()
    assert "Abdul-Mahdi" in names and "Adil Abdul-Mahdi" in names  # merged across reports
    shot(page, "actor")
    stance.locator("a.source").first.click()
    page.wait_for_url(re.compile(r"/report/.*start=\d+&end=\d+#mark"))
    marked = page.locator("#text .marked")
    assert "Adil Abdul-Mahdi, the caretaker Prime Minister" in "".join(marked.all_inner_texts())
    assert page.locator("#mark").count() == 1
    assert page.evaluate(
        "() => { const r = document.querySelector('#text .marked').getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= window.innerHeight; }"
    ), "the marked sentence is scrolled into view"


def test_web_report_colours_each_quote_in_its_speakers_colour(server: Server, page: Any) -> None:
    found = httpx.get(f"{server.base}/api/search", params={"q": "an aggression on Iraq"}).json()
    quote = found["results"]["quotes"][0]
    page.goto(f"{server.base}/report/{quote['document_id']}")
    span = page.locator("#text .q", has_text="an aggression on").first
    colour_class = next(c for c in span.get_attribute("class").split() if c.startswith("speaker-"))
    legend = page.locator(".legend-list li", has_text="Adil Abdul-Mahdi")
    assert legend.locator(f".dot.{colour_class}").count() == 1
    background = span.evaluate("e => getComputedStyle(e).backgroundColor")
    dot = legend.locator(".dot").evaluate("e => getComputedStyle(e).backgroundColor")
    assert background == dot and background not in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.locator("#text a.ent.type-PERSON", has_text="Soleimani").count() >= 1
    # the picture: a report where several people speak, opened at a quote
    found = httpx.get(f"{server.base}/api/search", params={"q": "EastMed pipeline"}).json()["results"]
    doc = httpx.get(f"{server.base}/api/reports/{found['reports'][0]['id']}").json()
    quote = doc["quotes"][2]
    page.goto(f"{server.base}/report/{doc['id']}?start={quote['start']}&end={quote['end']}#mark")
    assert page.locator(".legend-list li .dot").count() >= 3
    page.evaluate("window.scrollTo(0, 0)")  # the picture shows the head of the report too
    shot(page, "report")


def test_web_network_draws_nodes_and_a_click_opens_the_actor(server: Server, page: Any) -> None:
    page.goto(f"{server.base}/actor/{_actor_id(server, 'Iran')}/network?hops=2")
    page.wait_for_selector("#graph[data-ready=true]")
    assert page.locator("#graph canvas").count() >= 1
    nodes = page.evaluate("() => window.claimgraphNetwork.nodes().length")
    assert nodes >= 3
    page.wait_for_timeout(200)
    shot(page, "network")
    target = page.evaluate(
        """() => {
            const cy = window.claimgraphNetwork;
            const n = cy.nodes('[hop = 1]')[0];
            const box = document.getElementById('graph').getBoundingClientRect();
            const p = n.renderedPosition();
            return {id: n.id(), x: box.left + p.x, y: box.top + p.y};
        }"""
    )
    page.mouse.click(target["x"], target["y"])
    page.wait_for_url(re.compile(r"/actor/[^/]+$"))
    assert target["id"] in httpx.URL(page.url).path or page.locator("h1").count() == 1


def test_web_timeline_orders_claims_and_quotes_and_marks_conflicts(server: Server, page: Any) -> None:
    # Iran denies Mike Pompeo's claim in one report: the store's one real conflict
    page.goto(f"{server.base}/actor/{_actor_id(server, 'Iran')}/timeline")
    days = [d.strip() for d in page.locator(".timeline .day").all_inner_texts()]
    assert days == sorted(days) and len(days) >= 2
    assert page.locator(".event.conflict").count() >= 1
    shot(page, "timeline")


def test_web_actor_flags_conflicts_and_charts_numbers(server: Server, page: Any) -> None:
    page.goto(f"{server.base}/actor/{_actor_id(server, 'Iran')}")
    assert page.locator("#conflicts .conflict").count() >= 1
    page.goto(f"{server.base}/actor/{_actor_id(server, 'Wuhan')}")
    assert page.locator("#numbers svg circle").count() >= 2
    shot(page, "actor-conflicts")
    shot(page, "actor-full", full_page=True)


def test_web_review_judgement_persists_and_undoes(server: Server, page: Any) -> None:
    def graph_of(member: str) -> str:
        return httpx.get(f"{server.base}/api/actors/{member}").json()["actor"]["id"]

    undecided = httpx.get(f"{server.base}/api/review").json()
    assert undecided["pairs"], "the web store has no pair left to a person: widen FIRST..LAST in conftest"
    page.goto(server.base + "/review")
    assert page.locator("form.judge").count() == 0  # no token yet: no buttons
    page.goto(server.login)
    pair = page.locator("section.pair").first
    pair.wait_for()
    left, right = pair.get_attribute("data-left"), pair.get_attribute("data-right")
    actors = sorted((graph_of(left), graph_of(right)))  # "same" merges the two actors: judged by their ids
    assert actors[0] != actors[1]
    pair.locator("button.same").click()
    page.wait_for_load_state()
    assert graph_of(left) == graph_of(right)
    page.reload()
    row = page.locator(f"li.judgement[data-left='{actors[0]}'][data-right='{actors[1]}']").first
    assert "same" in row.locator(".badge").inner_text()
    shot(page, "review")
    row.locator("button.undo").click()
    page.wait_for_load_state()
    assert graph_of(left) != graph_of(right)
    assert "unsure" in page.locator("li.judgement").first.locator(".badge").inner_text()


def test_web_hostile_report_runs_nothing(server: Server, page: Any) -> None:
    def first_report(words: str) -> str:
        found = httpx.get(f"{server.base}/api/search", params={"q": words}).json()["results"]
        return str(found["reports"][0]["id"])

    doc = first_report("Hostile report")  # hand-built: markup in entity names and quotes too
    feed = first_report("Feed attack")  # a feed line read and extracted like any report
    mallory = _actor_id(server, "Mallory Hacker")
    actor = httpx.get(f"{server.base}/api/actors/{mallory}").json()
    brigade = actor["relations_by_predicate"]["leader_of"][0]["object"]
    urls = [
        f"/report/{doc}",
        f"/report/{feed}",
        f"/actor/{mallory}",
        f"/actor/{brigade}",
        f"/actor/{mallory}/timeline",
        f"/actor/{mallory}/network",
    ]
    for url in urls:
        page.goto(server.base + url)
        page.wait_for_load_state("networkidle")
        page.mouse.move(300, 300)
        for a in page.locator("a").all():  # hovering over everything would fire any onmouseover
            if a.is_visible():
                a.hover(timeout=2000)
        assert page.evaluate("() => window.__pwned") is None, url
        assert page.locator("#text img, #text svg, #text script, h1 img").count() == 0
    page.goto(f"{server.base}/report/{doc}")
    assert "<script>window.__pwned='title'</script>" in page.locator("h1.report-title").inner_text()
    page.goto(f"{server.base}/report/{feed}")
    assert "</textarea>" in page.locator("#text").inner_text()
    assert page.locator("a[href^='javascript:']").count() == 0
    # typed into the search box: the results come through the page's own script
    page.goto(server.base + "/")
    page.locator("#q").press_sequentially("Mallory", delay=30)
    page.locator("[data-kind=actors] a.hit", has_text="Mallory Hacker").wait_for()
    page.locator("#q").fill("")
    page.locator("#q").press_sequentially("script", delay=30)
    page.locator("[data-kind=reports] .hit").first.wait_for()
    assert page.evaluate("() => window.__pwned") is None
