"""One-off: the vendored page set of tests/data/pages/ from the scrapinghub article-extraction-benchmark.

Each page's HTML is rendered in headless Chromium (JavaScript off, every network request blocked,
so only the page's own HTML and inline styles count) and ``document.body.innerText`` is taken:
the text a browser's select-all and copy gives. Pages are split by a hash of their id into
``tune`` (rules may be written looking at these) and ``test`` (never looked at).

Run once, outside the project's venv (playwright is not a claimgraph dependency):

    python -m venv /tmp/pw && /tmp/pw/bin/pip install playwright
    apt-get install chromium
    /tmp/pw/bin/python bench/pages/make_pasted.py /path/to/article-extraction-benchmark.git tests/data/pages
"""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import sys
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

from playwright.sync_api import Route, sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def split_of(page_id: str) -> str:
    """'tune' or 'test', from a hash of the page id (about half each)."""
    return "tune" if int(hashlib.sha256(page_id.encode()).hexdigest(), 16) % 2 == 0 else "test"


def git_show(repo: str, path: str) -> bytes:
    return subprocess.run(["git", "-C", repo, "show", f"HEAD:{path}"], check=True, capture_output=True).stdout


def decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def serve_once(html: str) -> Callable[[Route], None]:
    """A route handler giving the page itself, once; everything else (a meta refresh, an iframe,
    images, styles) is aborted, so nothing is fetched."""
    served: list[str] = []

    def route(r: Route) -> None:  # one parameter: playwright passes (route, request) to two
        if not served and r.request.resource_type == "document":
            served.append(r.request.url)
            r.fulfill(status=200, content_type="text/html; charset=utf-8", body=html)
        else:
            r.abort()

    return route


def main(repo: str, out_dir: str) -> None:
    truth = json.loads(git_show(repo, "ground-truth.json"))
    out = Path(out_dir)
    with ExitStack() as stack, sync_playwright() as pw:
        files = {
            name: stack.enter_context(
                gzip.open(out / f"pages-{name}.jsonl.gz", "wt", encoding="utf-8", compresslevel=9)
            )
            for name in ("tune", "test")
        }
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        for n, page_id in enumerate(sorted(truth)):
            row = truth[page_id]
            html = decode(gzip.decompress(git_show(repo, f"html/{page_id}.html.gz")))
            url = row.get("url") or f"https://example.invalid/{page_id}"
            context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
            page = context.new_page()

            page.route("**/*", serve_once(html))
            page.goto(url, wait_until="commit", timeout=60000)
            page.wait_for_load_state("domcontentloaded", timeout=60000)
            pasted = page.evaluate("document.body ? document.body.innerText : ''")
            context.close()
            record = {
                "id": page_id,
                "url": url,
                "pasted": pasted,
                "html": html,
                "body": row.get("articleBody", ""),
            }
            files[split_of(page_id)].write(json.dumps(record, ensure_ascii=False) + "\n")
            print(n, page_id[:12], split_of(page_id), len(pasted), file=sys.stderr)
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
