"""Streamed inputs (issue #10): JSON Lines in gzip, WARC archives and RSS/Atom feeds saved to disk,
built here from real corpus reports; each record is read as it comes, never the whole file."""

from __future__ import annotations

import gzip
import html
import io
import json
from pathlib import Path
from typing import Any

import pytest

from claimgraph import Document
from claimgraph.ingest import read_documents
from claimgraph.ingest.jsonl import iter_jsonl
from claimgraph.ingest.warc import iter_warc
from tests.conftest import CORPUS


@pytest.fixture(scope="module")
def rows() -> list[dict[str, Any]]:
    with CORPUS.open(encoding="utf-8") as f:
        return [json.loads(line) for _, line in zip(range(40), f, strict=False)][20:40]


def page(row: dict[str, Any]) -> bytes:
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in row["text"].split("\n") if p.strip())
    return (f"<!doctype html><html><head><title>{html.escape(row['title'])}</title></head><body>"
            f"<nav><a href='/'>Home</a></nav><article><h1>{html.escape(row['title'])}</h1>{paragraphs}"
            "</article><footer>Copyright</footer></body></html>").encode()


def write_warc(path: Path, rows: list[dict[str, Any]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=path.suffix == ".gz")
        for row in rows:
            body = page(row)
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(row["url"], "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
            if row is rows[0]:  # an image and a request record, which are not reports
                writer.write_record(writer.create_warc_record(row["url"], "request", payload=io.BytesIO(b"GET /")))


def first_paragraph(row: dict[str, Any]) -> str:
    return next(p for p in row["text"].split("\n") if len(p) > 40)[:40]


def test_formats_jsonl_gz_reads_every_record(tmp_path: Path, rows: list[dict[str, Any]]) -> None:
    path = tmp_path / "feed.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write("".join(json.dumps(r) + "\n" for r in rows) + "not json\n")
    items = list(read_documents([str(path)]))
    docs = [d for d in items if isinstance(d, Document)]
    assert [d.url for d in docs] == [r["url"] for r in rows]
    assert [getattr(e, "path", "") for e in items[len(docs):]] == [f"{path}#{len(rows) + 1}"]


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_formats_warc_html_records_through_the_html_ingest(tmp_path: Path, rows: list[dict[str, Any]], name: str) -> None:
    path = tmp_path / name
    write_warc(path, rows[:5])
    docs = list(read_documents([str(path)]))
    assert all(isinstance(d, Document) for d in docs)
    assert [d.url for d in docs] == [r["url"] for r in rows[:5]]  # type: ignore[union-attr]
    for doc, row in zip(docs, rows, strict=False):
        assert doc.title == row["title"]  # type: ignore[union-attr]
        assert first_paragraph(row) in doc.text and "Copyright" not in doc.text  # type: ignore[union-attr]


def test_formats_damaged_warc_is_one_error_after_the_good_records(tmp_path: Path, rows: list[dict[str, Any]]) -> None:
    path = tmp_path / "crawl.warc"
    write_warc(path, rows[:3])
    path.write_bytes(path.read_bytes() + b"\x00\x01 this is not a WARC record at all\r\n" * 3)
    items = list(read_documents([str(path)]))
    assert sum(isinstance(d, Document) for d in items) == 3
    assert getattr(items[-1], "code", None) == "E105"


def test_formats_rss_and_atom_entries_are_reports(tmp_path: Path, rows: list[dict[str, Any]]) -> None:
    items = "".join(
        f"<item><title>{html.escape(r['title'])}</title><link>{r['url']}</link>"
        f"<pubDate>Mon, 06 Jan 2020 10:00:00 GMT</pubDate>"
        f"<description>{html.escape(page(r).decode())}</description></item>" for r in rows[:4]
    )
    rss = tmp_path / "feed.rss"
    rss.write_text(f"<?xml version='1.0'?><rss version='2.0'><channel><title>News</title>{items}</channel></rss>")
    entries = "".join(
        f"<entry><title>{html.escape(r['title'])}</title><link href='{r['url']}'/><id>{r['url']}</id>"
        f"<updated>2020-01-06T10:00:00Z</updated><author><name>Wikinews</name></author>"
        f"<content type='text'>{html.escape(r['text'])}</content></entry>" for r in rows[4:7]
    )
    atom = tmp_path / "feed.atom"
    atom.write_text(f"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>N</title>{entries}</feed>")
    docs = list(read_documents([str(rss), str(atom)]))
    assert all(isinstance(d, Document) for d in docs)
    assert [d.url for d in docs] == [r["url"] for r in rows[:7]]  # type: ignore[union-attr]
    assert docs[0].published and docs[0].published.startswith("2020-01-06")  # type: ignore[union-attr]
    for doc, row in zip(docs, rows, strict=False):
        assert doc.title == row["title"] and first_paragraph(row) in doc.text  # type: ignore[union-attr]
    bad = tmp_path / "not-a-feed.xml"
    bad.write_text("<html><body>hello</body></html>")
    [err] = list(read_documents([str(bad)]))
    assert getattr(err, "code", None) in ("E102", "E105")


def test_formats_archives_are_read_record_by_record(tmp_path: Path, rows: list[dict[str, Any]]) -> None:
    warc = tmp_path / "big.warc.gz"
    write_warc(warc, rows * 5)
    gz = tmp_path / "big.jsonl.gz"
    with gzip.open(gz, "wt", encoding="utf-8") as f:
        f.write("".join(json.dumps(r) + "\n" for r in rows * 5))
    for path, reader in ((warc, lambda s: iter_warc(s, "x", 1 << 20)),
                         (gz, lambda s: iter_jsonl(gzip.GzipFile(fileobj=s), "x", 1 << 20))):  # type: ignore[arg-type]
        with path.open("rb") as stream:
            first = next(reader(stream))
            assert isinstance(first, Document)
            assert stream.tell() < path.stat().st_size / 4  # the first report came before the rest was read
