"""Web fixtures: a store built from real corpus reports (and one hostile report), a real server
started with `claimgraph serve` on it, and headless Chromium driven by Playwright.

The store: 44 consecutive corpus reports (lines 157-200, the Soleimani strike among them), run
through the real pipeline, except the three of ``tests/store/reports.py`` whose hand-built
extractions pin what the tests look for; then the hostile report; then resolution, as `ingest` does.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from claimgraph.store import Store, open_store
from tests.conftest import CORPUS, ROOT
from tests.extractions import Extractions
from tests.store import reports
from tests.store.conftest import pg_database, store_url  # noqa: F401  (the store tests' backends)
from tests.web.hostile import FEED_LINE, hostile

# from 157: its 'AFP' / 'Agence France-Presse' is a pair the resolver leaves to a person (the
# review test judges one)
FIRST, LAST = 157, 200
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = os.environ.get("CLAIMGRAPH_TEST_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def fill(store: Store, extractions: list[Any]) -> Store:
    for ex in extractions:
        store.add(ex)
    for build in reports.ALL:
        store.add(build())
    store.add(hostile())
    store.resolve()
    return store


@pytest.fixture(scope="session")
def corpus_extractions(extractions: Extractions, tmp_path_factory: pytest.TempPathFactory) -> list[Any]:
    """The slice of real reports, extracted once per run by the real pipeline."""
    from claimgraph.ingest import read_documents

    hand_built = {reports.STRIKE, reports.VOTE, reports.FUNERAL}
    path = tmp_path_factory.mktemp("web-corpus") / "slice.jsonl"
    with CORPUS.open(encoding="utf-8") as f:
        lines = [line for i, line in enumerate(f) if FIRST <= i <= LAST and i not in hand_built]
    lines.append(json.dumps(FEED_LINE) + "\n")  # the hostile report, through the real reader and pipeline
    path.write_text("".join(lines), encoding="utf-8")
    return extractions.many(d for d in read_documents([str(path)]))  # type: ignore[misc]


@pytest.fixture(scope="session")
def web_db(corpus_extractions: list[Any], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The SQLite store the browser tests serve."""
    path = tmp_path_factory.mktemp("web") / "web.db"
    fill(open_store(path), corpus_extractions).close()
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    def __init__(self, db: Path) -> None:
        self.db = db
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        cmd = [
            sys.executable,
            "-m",
            "claimgraph",
            "serve",
            "--db",
            str(db),
            "--port",
            str(self.port),
            "--allow-write",
        ]
        self.process = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.token = ""
        self.login = ""
        assert self.process.stdout is not None
        for line in self.process.stdout:  # the start-up lines come before the server answers
            if m := re.search(r"(http://\S+/login\?token=(\S+))", line):
                self.login, self.token = m.group(1), m.group(2)
                break
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.base + "/api/openapi.json", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("claimgraph serve did not start")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture(scope="session")
def server(web_db: Path) -> Iterator[Server]:
    s = Server(web_db)
    yield s
    s.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        if os.environ.get("CI"):  # .ci/run installs it: missing there is a failure, not a skip
            pytest.fail(f"no Chromium at {CHROMIUM}")
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page that fails the test on any console error (a CSP violation is one) or dialog."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    problems: list[str] = []
    pg.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: problems.append(str(e)))
    pg.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    pg.problems = problems
    yield pg
    context.close()
    assert not problems, problems


def shot(page: Any, name: str, full_page: bool = False) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path
