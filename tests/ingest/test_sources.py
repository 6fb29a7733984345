"""read_documents over files, folders and stdin: order, sources, sniffing and per-file errors."""

from __future__ import annotations

import io
import shutil
from pathlib import Path
from typing import Any

from claimgraph.errors import BINARY, EMPTY, MISSING, TOO_LARGE, InputError
from claimgraph.ingest import read_documents
from claimgraph.ingest.sources import sniff
from claimgraph.model import Document
from tests.ingest.conftest import DEV, INGEST


def _good_jsonl() -> bytes:
    """The three good records of mixed.jsonl: sniffed as JSON Lines only when every line is an object."""
    lines = (INGEST / "mixed.jsonl").read_bytes().splitlines(keepends=True)
    return b"".join(lines[i] for i in (0, 2, 6))


def _codes(out: list[Document | InputError]) -> list[str]:
    return ["doc" if isinstance(o, Document) else o.code for o in out]


def test_sources_folder_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    (folder / "b-sub").mkdir(parents=True)
    (folder / ".git").mkdir()
    shutil.copy(DEV / "soleimani.txt", folder / "a.txt")
    shutil.copy(INGEST / "blog-style-ford.txt", folder / "b-sub" / "ford.txt")
    (folder / "README.md").write_text("# About these reports\n")  # a folder's notes are not a report
    shutil.copy(INGEST / "sea-eye-page.html", folder / "c.htm")
    shutil.copy(INGEST / "pixel.png", folder / "d.png")  # not a report extension: ignored
    shutil.copy(DEV / "london-knife.txt", folder / ".hidden.txt")
    shutil.copy(DEV / "london-knife.txt", folder / ".git" / "x.txt")
    out = list(read_documents([str(folder)]))
    assert all(isinstance(o, Document) for o in out)
    assert [o.source for o in out if isinstance(o, Document)] == [
        str(folder / "a.txt"),
        str(folder / "b-sub" / "ford.txt"),
        str(folder / "c.htm"),
    ]


def test_sources_inputs_keep_their_order_and_bad_files_do_not_stop(tmp_path: Path) -> None:
    paths = [
        str(INGEST / "empty.txt"),
        str(DEV / "soleimani.txt"),
        str(tmp_path / "missing.txt"),
        str(INGEST / "nul-byte.txt"),
        str(INGEST / "pixel.png"),
        str(INGEST / "cp1252.txt"),
        str(INGEST / "utf16-bom.txt"),
    ]
    out = list(read_documents(paths))
    assert _codes(out) == [EMPTY, "doc", MISSING, BINARY, BINARY, "doc", "doc"]
    for o, path in zip(out, paths):
        if isinstance(o, InputError):
            assert o.path == path and "\n" not in str(o)
        else:
            assert o.source == path
    assert isinstance(out[5], Document) and "Agnès Callamard" in out[5].text
    assert isinstance(out[6], Document) and out[6].title == "Escape room fire kills five teen girls in Koszalin, Poland"


def test_sources_file_over_max_bytes_is_too_large() -> None:
    path = INGEST / "bbc-style-koszalin.txt"
    size = path.stat().st_size
    (err,) = list(read_documents([str(path)], max_bytes=size - 1))
    assert isinstance(err, InputError) and err.code == TOO_LARGE
    (doc,) = list(read_documents([str(path)], max_bytes=size))
    assert isinstance(doc, Document)


def test_sources_stdin_text_html_and_jsonl(corpus: list[dict[str, Any]]) -> None:
    text = (DEV / "pasted-page.txt").read_bytes()
    (doc,) = list(read_documents(["-"], stdin=io.BytesIO(text)))
    assert isinstance(doc, Document) and doc.source == "-" and doc.published == "2019-09-29"
    (page,) = list(read_documents(["-"], stdin=io.BytesIO((INGEST / "sea-eye-page.html").read_bytes())))
    assert isinstance(page, Document) and page.authors == ["Mara Lindqvist"]
    assert _codes(list(read_documents(["-"], stdin=io.BytesIO(_good_jsonl())))) == ["doc"] * 3
    (big,) = list(read_documents(["-"], stdin=io.BytesIO(text), max_bytes=100))
    assert isinstance(big, InputError) and big.code == TOO_LARGE


def test_sources_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    html = tmp_path / "page.php"
    html.write_bytes((INGEST / "sea-eye-page.html").read_bytes())
    feed = tmp_path / "feed.log"
    feed.write_bytes(_good_jsonl())
    note = tmp_path / "report.eml"
    note.write_bytes((DEV / "soleimani.txt").read_bytes())
    out = list(read_documents([str(html), str(feed), str(note)]))
    docs = [o for o in out if isinstance(o, Document)]
    assert docs[0].authors == ["Mara Lindqvist"]  # read as HTML
    assert len(docs) == 1 + 3 + 1  # three good JSON Lines records
    assert docs[-1].title == "United States military kills Qasem Soleimani"


def test_sources_sniff_kinds() -> None:
    assert sniff((INGEST / "sea-eye-page.html").read_bytes()) == "html"
    assert sniff(b'{"text": "a"}\n{"text": "b"}\n') == "jsonl"
    assert sniff(b'{"text": "a"}\nnot json\n') == "text"
    assert sniff((DEV / "soleimani.txt").read_bytes()) == "text"
