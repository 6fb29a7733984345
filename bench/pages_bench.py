"""Body token F1 on real article pages, pasted and as HTML, against trafilatura in the same run.

    python bench/pages_bench.py [--split tune|test|all] [--worst N]

The pages are the scrapinghub article-extraction-benchmark's (tests/data/pages/README.md). For
each split it scores the article body got from:

- pasted, raw:        the browser's text of the page with nothing removed;
- claimgraph pasted:  ``claimgraph extract page.txt``'s document text without its headline;
- claimgraph HTML:    ``claimgraph extract page.html``'s document text without its headline;
- trafilatura:        ``trafilatura.extract`` on the same HTML: default, favor_precision, favor_recall.

The metric is the benchmark's own (4-token shingles, per-page precision and recall averaged).
With ``--meta`` it also prints how often the metadata found in the pasted text agrees with the
metadata trafilatura reads from the page's HTML (its <title>, meta author and site name): a
rough check, since a site's <title> often adds the site's name and its author field may differ.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import trafilatura

from claimgraph.ingest import read_documents
from claimgraph.model import Document

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.pages_score import SPLITS, load_pages, page_f1, score, tp_fp_fn


def body_of(doc: Document) -> str:
    """The document text without its headline (the first paragraph when there is a title)."""
    if doc.title and doc.text.startswith(doc.title):
        return doc.text[len(doc.title) :].lstrip("\n")
    return doc.text


def via_file(text: str, suffix: str) -> str:
    """The body claimgraph reads from a file holding ``text`` (the `claimgraph extract` path)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"page{suffix}"
        path.write_text(text, encoding="utf-8")
        doc = next(iter(read_documents([str(path)])))
    return body_of(doc) if isinstance(doc, Document) else ""


SYSTEMS: dict[str, Callable[[dict[str, Any]], str]] = {
    "pasted, raw": lambda p: p["pasted"],
    "claimgraph pasted": lambda p: via_file(p["pasted"], ".txt"),
    "claimgraph HTML": lambda p: via_file(p["html"], ".html"),
    "trafilatura default": lambda p: trafilatura.extract(p["html"]) or "",
    "trafilatura precision": lambda p: trafilatura.extract(p["html"], favor_precision=True) or "",
    "trafilatura recall": lambda p: trafilatura.extract(p["html"], favor_recall=True) or "",
}


def _agree(a: str, b: str) -> bool:
    a, b = " ".join(a.casefold().split()), " ".join(b.casefold().split())
    return bool(a and b) and (a[:30] in b or b[:30] in a)


def print_meta(pages: list[dict[str, Any]]) -> None:
    """Headline, author and publisher of the pasted pages against the HTML's metadata."""
    title = author = authored = publisher = 0
    for page in pages:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "page.txt"
            path.write_text(page["pasted"], encoding="utf-8")
            doc = next(iter(read_documents([str(path)])))
        meta = trafilatura.extract_metadata(page["html"])
        if not isinstance(doc, Document) or meta is None:
            continue
        title += _agree(doc.title or "", meta.title or "")
        if meta.author:
            authored += 1
            author += any(name.split()[-1].casefold() in meta.author.casefold() for name in doc.authors)
        publisher += doc.publisher is not None
    n = len(pages)
    print(
        f"       headline agrees with the HTML title {title}/{n}; an author with the HTML author "
        f"{author}/{authored}; a publisher found {publisher}/{n}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--split", choices=[*SPLITS, "all"], default="all")
    parser.add_argument("--only", action="append", help="run only these systems (repeatable)")
    parser.add_argument("--worst", type=int, default=0, help="list the N worst pages of claimgraph pasted")
    parser.add_argument(
        "--meta", action="store_true", help="agreement of pasted-page metadata with the HTML's"
    )
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    systems = {k: v for k, v in SYSTEMS.items() if not args.only or k in args.only}
    print(f"{'split':<6} {'system':<22} {'pages':>5} {'F1':>6} {'prec':>6} {'recall':>6} {'s':>6}")
    for split in SPLITS if args.split == "all" else (args.split,):
        pages = list(load_pages(split))
        for name, system in systems.items():
            start = time.perf_counter()
            preds = [system(p) for p in pages]
            s = score([tp_fp_fn(p["body"], pred) for p, pred in zip(pages, preds)])
            took = time.perf_counter() - start
            print(
                f"{split:<6} {name:<22} {len(pages):>5} {s.f1:>6.3f} {s.precision:>6.3f} {s.recall:>6.3f} {took:>6.1f}"
            )
            if args.meta and name == "claimgraph pasted":
                print_meta(pages)
            if args.worst and name == "claimgraph pasted":
                worst = sorted(
                    (page_f1(p["body"], pred), p["id"][:12], p["url"]) for p, pred in zip(pages, preds)
                )
                for f1, pid, url in worst[: args.worst]:
                    print(f"       {f1:.3f} {pid} {url}")


if __name__ == "__main__":
    main()
