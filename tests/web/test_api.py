"""The JSON twins, the OpenAPI document and the safety rules, on SQLite and PostgreSQL.

The store here is the three hand-built corpus reports and the hostile report (no NLP), so the
whole file runs in seconds on both backends.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.routing import Route

from claimgraph.store import Store, open_store
from claimgraph.web import create_app
from tests.store import reports
from tests.web.hostile import hostile

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

TOKEN = "test-token"
BASE = "http://127.0.0.1:8765"


@pytest.fixture
def web_store(store_url: str) -> Iterator[Store]:
    s = open_store(store_url)
    for build in reports.ALL:
        s.add(build())
    s.add(hostile())
    s.resolve(threshold=0.99)  # Abdul-Mahdi / Adil Abdul-Mahdi (0.95) stays a candidate to review
    yield s
    s.close()


def client(store: Store, allow_write: bool = False) -> TestClient:
    return TestClient(create_app(store, allow_write=allow_write, token=TOKEN), base_url=BASE)


@pytest.fixture
def api(web_store: Store) -> TestClient:
    return client(web_store)


def actor(api: TestClient, name: str) -> dict[str, Any]:
    hits = api.get("/api/search", params={"q": name}).json()["results"]["actors"]
    return next(a for a in hits if a["name"] == name)


def test_api_search_groups_actors_quotes_and_reports(api: TestClient) -> None:
    found = api.get("/api/search", params={"q": "Soleim"}).json()["results"]
    assert [a["name"] for a in found["actors"]] == ["Qasem Soleimani"]
    assert {r["title"] for r in found["reports"]} >= {"United States military kills Qasem Soleimani"}
    iraq = api.get("/api/search", params={"q": "iraq"}).json()["results"]["actors"]
    assert iraq[0]["name"] == "Iraq"  # the exact name first, then names that start with it
    quotes = api.get("/api/search", params={"q": "aggression"}).json()["results"]["quotes"]
    assert quotes[0]["speaker_name"] == "Adil Abdul-Mahdi"


def test_api_home_lists_the_most_reported_actors(api: TestClient) -> None:
    html = api.get("/").text
    start = html.split('id="start"', 1)[1]
    assert "Most reported actors" in start and "Qasem Soleimani" in start and "Iraq" in start


def test_api_search_filters_by_date_publisher_and_type(api: TestClient) -> None:
    def titles(**params: str) -> set[str]:
        found = api.get("/api/search", params={"q": "Soleimani", **params}).json()["results"]
        return {r["title"] for r in found["reports"]}

    assert len(titles()) == 3
    assert titles(since="2020-01-06", until="2020-01-06") == {
        "Iraqi Parliament votes for expulsion of United States troops"
    }
    assert titles(publisher="nobody") == set()
    people = api.get("/api/search", params={"q": "Iraq", "type": "PERSON"}).json()["results"]["actors"]
    assert people == []
    assert api.get("/api/search", params={"q": "Iraq", "type": "BOGUS"}).status_code == 400


@pytest.mark.parametrize(
    "q",
    ["' OR 1=1 --", '"NEAR(zq xq)" *', "%", "zq_zq", "\\", "zq:* & !xq", "Robert'); DROP TABLE documents;--"],
)
def test_api_search_input_is_only_ever_a_bound_parameter(api: TestClient, web_store: Store, q: str) -> None:
    response = api.get("/api/search", params={"q": q})
    assert response.status_code == 200
    results = response.json()["results"]
    assert results["actors"] == [] and results["reports"] == []
    assert web_store.stats()["documents"] == 4


def test_api_actor_has_relations_with_modality_source_and_reports(api: TestClient) -> None:
    mahdi = actor(api, "Adil Abdul-Mahdi")
    data = api.get(f"/api/actors/{mahdi['id']}").json()
    [group] = data["relations_by_predicate"]["leader_of"]
    assert group["object_name"] == "Iraq" and group["reports"] == 1
    stance = group["stances"][0]
    assert stance["modality"] == "asserted" and stance["sources"][0]["evidence"].startswith(
        "Adil Abdul-Mahdi"
    )
    assert data["actor"]["quotes_by"][0]["text"].startswith("an aggression on Iraq")
    assert [n["name"] for n in data["names"]] == ["Adil Abdul-Mahdi"]
    assert [c["other_name"] for c in data["merge_candidates"]] == ["Abdul-Mahdi"]
    by_name = api.get("/api/actors/Adil Abdul-Mahdi").json()  # a name works as well as an id
    assert by_name["actor"]["id"] == mahdi["id"]


def test_api_report_has_text_mentions_quotes_and_claims(api: TestClient) -> None:
    doc = api.get("/api/search", params={"q": "aggression"}).json()["results"]["quotes"][0]["document_id"]
    r = api.get(f"/api/reports/{doc}").json()
    assert r["title"] == "United States military kills Qasem Soleimani"
    for m in r["entities"]:
        assert r["text"][m["start"] : m["end"]] in (m["name"], "Soleimani", "IRGC")
    assert r["quotes"][0]["speaker_name"] == "Adil Abdul-Mahdi"
    assert {c["predicate"] for c in r["claims"]} == {"leader_of", "part_of"}


def test_api_network_and_timeline(api: TestClient) -> None:
    soleimani = actor(api, "Qasem Soleimani")["id"]
    one = api.get(f"/api/actors/{soleimani}/network").json()["network"]
    two = api.get(f"/api/actors/{soleimani}/network", params={"hops": 2}).json()["network"]
    assert {n["name"] for n in one["nodes"]} == {"Qasem Soleimani", "Quds Force"}
    assert {n["name"] for n in two["nodes"]} == {
        "Qasem Soleimani",
        "Quds Force",
        "Islamic Revolutionary Guard Corps",
    }
    assert all(e["modality"] == "asserted" for e in two["edges"])
    denied = api.get(f"/api/actors/{soleimani}/network", params={"hops": 2, "modality": "denied"}).json()
    assert denied["network"]["edges"] == []
    assert api.get(f"/api/actors/{soleimani}/network", params={"hops": "x"}).status_code == 400
    items = api.get(f"/api/actors/{soleimani}/timeline").json()["items"]
    dates = [i["published"] for i in items]
    assert dates == sorted(dates) and len(items) == 2


def test_api_every_route_is_in_the_openapi_document(api: TestClient) -> None:
    doc = api.get("/api/openapi.json").json()
    assert doc["openapi"].startswith("3.")
    app: Any = api.app
    routes = {r.path for r in app.routes if isinstance(r, Route) and r.path.startswith("/api/")}
    assert routes == set(doc["paths"])


def test_api_unknown_ids_are_404(api: TestClient) -> None:
    assert api.get("/api/actors/nobody-at-all").status_code == 404
    assert api.get("/api/reports/nope").status_code == 404
    assert api.get("/actor/nobody-at-all").status_code == 404


def test_api_pages_escape_everything_from_a_report(api: TestClient) -> None:
    doc = api.get("/api/search", params={"q": "Hostile"}).json()["results"]["reports"][0]["id"]
    mallory = actor(api, "Mallory Hacker")["id"]
    raw = ("<script>window", "<img", "<svg", '<a href="javascript', "</textarea><script", "<b onmouseover")
    for url in (
        f"/report/{doc}",
        f"/actor/{mallory}",
        f"/actor/{mallory}/timeline",
        "/?q=Hostile",
        "/search/results?q=Mallory",
    ):
        html = api.get(url).text
        assert not [r for r in raw if r in html], url
        assert 'href="javascript' not in html and "href='javascript" not in html, url
    page = api.get(f"/report/{doc}").text
    assert "&lt;script&gt;window.__pwned=&#39;title&#39;&lt;/script&gt;" in page
    assert "&lt;/textarea&gt;&lt;script&gt;" in page


def test_api_every_response_forbids_inline_script(api: TestClient) -> None:
    for url in ("/", "/api/search?q=x", "/static/app.css", "/actor/nobody"):
        csp = api.get(url).headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp


def test_api_foreign_host_is_refused(api: TestClient, web_store: Store) -> None:
    assert api.get("/", headers={"host": "evil.example"}).status_code == 421
    assert api.get("/", headers={"host": "localhost:8765"}).status_code == 200
    everywhere = TestClient(create_app(web_store, hosts=("0.0.0.0",)), base_url=BASE)
    assert everywhere.get("/", headers={"host": "my-laptop.lan:8765"}).status_code == 200


def _pair(api: TestClient) -> tuple[str, str]:
    [pair] = api.get("/api/review").json()["pairs"]
    return pair["candidate"]["left"], pair["candidate"]["right"]


def test_api_read_only_server_refuses_writes(api: TestClient) -> None:
    left, right = _pair(api)
    body = {"left": left, "right": right, "judgement": "same"}
    assert api.post("/api/review", json=body, headers={"authorization": f"Bearer {TOKEN}"}).status_code == 403
    assert api.post("/review", data={**body, "csrf": "x"}).status_code == 403


def test_api_writes_need_the_token_and_csrf(web_store: Store) -> None:
    api = client(web_store, allow_write=True)
    left, right = _pair(api)
    body = {"left": left, "right": right, "judgement": "different"}
    assert api.post("/api/review", json=body).status_code == 403  # no token
    assert api.post("/api/review", json=body, headers={"authorization": "Bearer wrong"}).status_code == 403
    assert api.get("/login", params={"token": "wrong"}).status_code == 403
    api.get("/login", params={"token": TOKEN})  # the cookie, as the printed link sets it
    assert api.post("/review", data=body).status_code == 403  # cookie but no CSRF token
    csrf = api.app.state.access.csrf()  # type: ignore[attr-defined]
    cross = api.post("/review", data={**body, "csrf": csrf}, headers={"origin": "http://evil.example"})
    assert cross.status_code == 403
    assert web_store.judgements() == []
    ok = api.post("/review", data={**body, "csrf": csrf}, headers={"origin": BASE}, follow_redirects=False)
    assert ok.status_code == 303
    assert [j["judgement"] for j in web_store.judgements()] == ["different"]


def test_api_judgement_as_the_cli_records_it_and_undo(web_store: Store) -> None:
    api = client(web_store, allow_write=True)
    left, right = _pair(api)
    auth = {"authorization": f"Bearer {TOKEN}"}
    assert (
        api.post(
            "/api/review", json={"left": left, "right": right, "judgement": "same"}, headers=auth
        ).status_code
        == 200
    )
    assert web_store.entity_id(left) == web_store.entity_id(right)
    assert api.get("/api/review").json()["pairs"] == []
    assert api.post("/api/review/undo", json={"left": left, "right": right}, headers=auth).status_code == 200
    assert [(j["judgement"], j["user"]) for j in web_store.judgements()] == [
        ("same", "web"),
        ("unsure", "web"),
    ]
    judged = api.get("/api/review").json()["judgements"]
    assert judged[0]["judgement"] == "unsure" and judged[0]["in_force"]
    bad = api.post("/api/review", json={"left": left, "right": right, "judgement": "maybe"}, headers=auth)
    assert bad.status_code == 400
