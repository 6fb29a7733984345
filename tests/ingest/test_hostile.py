"""Hostile input (issue #10): each case found by an adversarial run ends as one error naming the
input (and line), or is processed; the run goes on and the summary counts it.

Every case is a real corpus report with the hostile part added, run through `claimgraph.ingest`.
"""

from __future__ import annotations

import json
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from claimgraph import Document, InputError, extract, ingest
from claimgraph.ingest import read_documents
from claimgraph.ingest.decode import decode_bytes
from claimgraph.nlp.tokens import MAX_RUN, make_doc
from claimgraph.store import open_store
from tests.conftest import CORPUS


def rows(n: int, start: int = 0) -> list[dict[str, Any]]:
    with CORPUS.open(encoding="utf-8") as f:
        lines = [line for i, line in enumerate(f) if start <= i < start + n]
    return [json.loads(line) for line in lines]


def report(row: dict[str, Any]) -> str:
    return f"{row['title']}\n\n{row['text']}"


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "store.db")


@pytest.fixture
def alarm() -> Iterator[None]:
    """Fail instead of hanging: a test that blocks (a FIFO, /dev/zero) is stopped after 60 s."""
    def timeout(*_: object) -> None:
        raise TimeoutError("blocked")

    previous = signal.signal(signal.SIGALRM, timeout)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def hostile_jsonl(path: Path) -> Path:
    """Two good corpus reports around the hostile JSON lines the adversarial run found."""
    good = rows(3, start=10)
    deep = "[" * 100_000 + "]" * 100_000
    huge_int = json.dumps({**good[1], "n": 0})[:-2] + "9" * 5000 + "}"
    surrogate = json.dumps({**good[2], "text": good[2]["text"] + " \ud800 \u0000 end."})
    lines = [json.dumps(good[0]), deep, huge_int, surrogate, '{"text": "' + "{" * 50]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_hostile_runner_ingests_paths_and_documents_with_a_summary(tmp_path: Path, db: str) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    first, second = rows(2, start=40)
    (folder / "a.txt").write_text(report(first), encoding="utf-8")
    (folder / "b.txt").write_text("", encoding="utf-8")
    doc = Document(report(second), source="given", title=second["title"])
    summary = ingest([folder, doc], db)
    assert (summary.documents, summary.added, len(summary.errors)) == (2, 2, 1)
    assert summary.errors[0].source.endswith("b.txt") and summary.errors[0].code == "E102"
    assert summary.resolved and summary.quotes > 0
    again = ingest([folder, doc], db)
    assert (again.added, again.already_in, again.resolved) == (0, 2, False)


def test_hostile_json_lines_deep_huge_int_surrogate_nul_each_one_error(tmp_path: Path, db: str) -> None:
    path = hostile_jsonl(tmp_path / "feed.jsonl")
    summary = ingest(path, db)
    assert summary.added == 2  # the first report, and the one with a lone surrogate and a NUL
    assert [(e.line, e.code) for e in summary.errors] == [(2, "E105"), (3, "E105"), (5, "E105")]
    assert all(e.source == str(path) for e in summary.errors)
    assert "nested too deep" in summary.errors[0].reason and "digits" in summary.errors[1].reason
    with open_store(db) as store:
        texts = [d.title for d in store.iter_documents()]
        assert len(texts) == 2
        with store.engine.connect() as conn:
            stored = [r[0] for r in conn.exec_driver_sql("SELECT text FROM documents")]
    assert any("\ufffd" in t and "\x00" not in t for t in stored)


def test_hostile_workers_two_lose_nothing(
    nlp, tmp_path: Path, db: str, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    path = hostile_jsonl(tmp_path / "feed.jsonl")
    text = report(rows(1, start=5)[0]) + "\n\n"
    monkeypatch.setattr(nlp, "max_length", len(text) + 10)  # forked workers inherit the pipeline
    long_text = Document(text + report(rows(1, start=6)[0]), source="long")
    summary = ingest([path, long_text], db, workers=2)
    assert summary.added == 3
    assert sorted(e.code for e in summary.errors) == ["E105", "E105", "E105"]


def test_hostile_text_over_the_parser_limit_is_parsed_in_parts(
    nlp, db: str, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    """Over spaCy's 1,000,000 characters (files up to 20 MB are read): parsed in parts, not a crash.
    The limit is lowered here so three real reports stand for a 3 MB text."""
    from claimgraph.longtext import parts

    reports = [report(r) for r in rows(3, start=20)]
    text = "\n\n".join(reports)
    monkeypatch.setattr(nlp, "max_length", max(len(r) for r in reports) + 200)
    cuts = list(parts(text, nlp.max_length))
    assert len(cuts) >= 2 and cuts[0][0] == 0 and cuts[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(cuts, cuts[1:], strict=False))
    assert all(end - start <= nlp.max_length for start, end in cuts)
    with pytest.raises(InputError) as info:  # the parser alone refuses it, with a code
        from claimgraph.extract import make_doc as parser_doc

        parser_doc(nlp, Document(text))
    assert info.value.code == "E106"
    long = Document(text, source="long.txt", title=rows(1, start=20)[0]["title"])
    ex = extract(long, nlp=nlp)
    assert len({e.name for e in ex.entities}) == len(ex.entities)  # one entity per name and type
    for e in ex.entities:
        assert all(text[m.start : m.end] == m.text for m in e.mentions)
    assert all(text[q.start : q.end] == q.text for q in ex.quotes)
    speakers = {ex.entity(q.speaker).name for q in ex.quotes if q.speaker}  # type: ignore[union-attr]
    last = extract(Document(reports[2]), nlp=nlp)
    assert {last.entity(q.speaker).name for q in last.quotes if q.speaker} <= speakers  # type: ignore[union-attr]
    summary = ingest([long, Document(reports[0] + "\n\nMore.", source="ok.txt")], db)
    assert (summary.added, summary.errors) == (2, [])


def test_hostile_ray_engine_without_ray_is_one_error(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from claimgraph.ray_engine import RayError

    monkeypatch.setitem(sys.modules, "ray", None)  # not installed
    with pytest.raises(RayError) as info:
        ingest(Document(report(rows(1, start=20)[0])), db, engine="ray")
    assert "pip install 'claimgraph[ray]'" in str(info.value)


def test_hostile_closing_brackets_tokenize_in_linear_time(nlp) -> None:  # type: ignore[no-untyped-def]
    text = report(rows(1, start=30)[0])
    for n in (20_000, 200_000):
        hostile = f"{text}\n\n{')' * n} and {'(' * n}]]]\n\nhttp://example.org/{'a' * 5000}"
        started = time.perf_counter()
        doc = make_doc(nlp, hostile)
        assert time.perf_counter() - started < 2.0  # was 55 s at 20 KB and no end at 200 KB
        assert doc.text == hostile
        assert max(len(t) for t in doc) <= MAX_RUN
    # ordinary text tokenizes exactly as spaCy does
    assert [t.text for t in make_doc(nlp, text)] == [t.text for t in nlp.make_doc(text)]


def test_hostile_brackets_do_not_change_the_extraction(nlp) -> None:  # type: ignore[no-untyped-def]
    text = report(rows(1, start=30)[0])
    plain = extract(Document(text), nlp=nlp)
    started = time.perf_counter()
    hostile = extract(Document(text + "\n\n" + ")" * 200_000), nlp=nlp)
    assert time.perf_counter() - started < 20.0
    assert [e.name for e in hostile.entities] == [e.name for e in plain.entities]
    assert [q.text for q in hostile.quotes] == [q.text for q in plain.quotes]


def test_hostile_fifo_and_dev_zero_link_in_a_folder_are_refused(tmp_path: Path, alarm: None) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(report(rows(1, start=50)[0]), encoding="utf-8")
    os.mkfifo(folder / "b.txt")
    os.symlink("/dev/zero", folder / "c.txt")
    os.symlink(folder / "gone.txt", folder / "d.txt")
    items = list(read_documents([str(folder)]))
    assert isinstance(items[0], Document)
    reasons = [(Path(e.path).name, e.reason) for e in items[1:]]  # type: ignore[union-attr]
    assert reasons == [
        ("b.txt", "not a regular file (a named pipe)"),
        ("c.txt", "not a regular file (a character device)"),
        ("d.txt", "cannot read (No such file or directory)"),
    ]


def test_hostile_dev_zero_named_on_the_command_line_stops_at_the_limit(alarm: None) -> None:
    [err] = list(read_documents(["/dev/zero"], max_bytes=1 << 20))
    assert getattr(err, "code", None) == "E106"


def test_hostile_file_name_not_utf8_is_read_and_named(tmp_path: Path, db: str) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    good = os.path.join(os.fsencode(folder), b"caf\xe9.txt")
    bad = os.path.join(os.fsencode(folder), b"vide\xff.txt")
    with open(good, "wb") as f:
        f.write(report(rows(1, start=60)[0]).encode())
    open(bad, "wb").close()
    summary = ingest(folder, db)
    assert summary.added == 1
    [err] = summary.errors
    assert err.source.endswith("vide\\xff.txt") and err.code == "E102"
    str(err).encode("utf-8")  # printable and storable
    with open_store(db) as store:
        [doc] = list(store.iter_documents())
    assert doc.source and doc.source.endswith("caf\\xe9.txt")


def test_hostile_utf16_without_bom_is_text(tmp_path: Path) -> None:
    text = report(rows(1, start=70)[0])
    for encoding in ("utf-16-le", "utf-16-be"):
        assert decode_bytes(text.encode(encoding), "x") == text
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(text.encode(encoding))
        [doc] = list(read_documents([str(path)]))
        assert isinstance(doc, Document) and doc.title == rows(1, start=70)[0]["title"]


def test_hostile_warc_gz_of_blank_lines_is_one_line_error(tmp_path: Path) -> None:
    """Found by bench/fuzz.py: warcio's message spans several lines."""
    import gzip

    path = tmp_path / "input.warc.gz"
    path.write_bytes(gzip.compress(b"\n\n"))
    items = list(read_documents([str(path)]))
    assert items and all(getattr(e, "code", None) for e in items)
    assert all("\n" not in str(e) for e in items)


def _deadly(documents: list[Document]) -> list[object]:
    """A worker's task (``parallel._extract_batch``) that dies on the document named poison."""
    from claimgraph.parallel import _MODEL, ExtractionFailed

    if any(d.source == "poison" for d in documents):
        os._exit(1)  # the worker dies without a word
    out: list[object] = []
    for document in documents:
        try:
            out.append(extract(document, model=_MODEL).to_dict())
        except Exception as exc:  # noqa: BLE001  (as parallel._extract_one does)
            out.append(ExtractionFailed(document.source or document.id, repr(exc)))
    return out


def test_hostile_a_worker_that_dies_costs_only_its_document(
    tmp_path: Path, db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A document that kills its worker process (a crash, the OOM killer) under --workers 2: it
    dies with a whole batch in flight, and others queued behind it; every other document is
    stored, in input order."""
    from claimgraph import parallel

    monkeypatch.setattr(parallel, "_extract_batch", _deadly)  # forked workers inherit it
    docs = [Document(report(r), source=r["url"]) for r in rows(parallel.POOL_BATCH + 2, start=80)]
    docs.insert(1, Document(report(rows(1, start=90 + parallel.POOL_BATCH)[0]), source="poison"))
    summary = ingest(docs, db, workers=2, resolve=False)
    assert summary.added == parallel.POOL_BATCH + 2
    with open_store(db) as store:
        stored = [r.source for r in store.iter_documents()]
    assert stored == [d.source for d in docs if d.source != "poison"]
    assert [(e.source, e.code) for e in summary.errors] == [("poison", "E900")]
