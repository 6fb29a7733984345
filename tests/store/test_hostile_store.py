"""Hostile conditions around the store (issue #10): each ends in a one-line error with a code, or
is handled, and nothing committed is lost. Hand-built extractions of real corpus reports."""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, event, text

from claimgraph import ingest
from claimgraph.cli import main
from claimgraph.errors import StoreError
from claimgraph.model import Extraction
from claimgraph.store import dialect, open_store
from tests.store.conftest import PG_URL
from tests.store.reports import ALL, funeral, strike, vote
from tests.store.test_store import snapshot

ROOT = Path(__file__).resolve().parents[2]


def with_nul(ex: Extraction) -> Extraction:
    """The report with a NUL character in its text (offsets after it shift by none: it replaces
    a space), as a JSON escape or a careless converter leaves it."""
    t = ex.document.text
    i = t.index(" ")
    doc = dataclasses.replace(ex.document, text=t[:i] + "\x00" + t[i + 1 :], id="")
    return dataclasses.replace(ex, document=doc)


def test_hostile_store_nul_in_a_text_is_one_error_and_the_run_goes_on(store_url: str) -> None:
    with open_store(store_url) as store:
        if store.engine.dialect.name == "postgresql":
            with pytest.raises(StoreError) as info:
                store.add(with_nul(strike()))
            assert info.value.code == "E302" and not info.value.fatal
            assert "\n" not in str(info.value)
        assert store.add(vote()).status == "added"  # the store still works
    # through the library, NUL is dropped as the JSON Lines reader does: stored on both backends
    summary = ingest([with_nul(funeral()).document], store_url, resolve=False)
    assert (summary.added, summary.errors) == (1, [])


def _add_and_resolve(url: str, names: list[str]) -> None:
    from tests.store import reports

    with open_store(url) as store:
        for name in names:
            store.add(getattr(reports, name)())
            store.resolve()


def test_hostile_store_two_writers_into_one_store_both_succeed(store_url: str) -> None:
    ctx = multiprocessing.get_context("fork")  # a fresh store per process; fork starts fast
    procs = [ctx.Process(target=_add_and_resolve, args=(store_url, names))
             for names in (["strike", "funeral"], ["vote", "strike"])]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    assert [p.exitcode for p in procs] == [0, 0]
    with open_store(store_url) as store:
        assert store.stats()["documents"] == 3 and not store.resolution_pending()


def test_hostile_store_killed_during_resolution_is_resolved_by_the_next_run(tmp_path: Path) -> None:
    killed, clean = tmp_path / "killed.db", tmp_path / "clean.db"
    script = (
        "import time, sys\n"
        "from claimgraph.store import open_store, resolution\n"
        "from tests.store.reports import ALL\n"
        "store = open_store(sys.argv[1])\n"
        "for make in ALL: store.add(make())\n"
        "original = resolution.recluster\n"
        "def slow(conn, *a):\n"
        "    n = original(conn, *a); print('resolving', flush=True); time.sleep(60); return n\n"
        "resolution.recluster = slow\n"
        "store.resolve()\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script, str(killed)], cwd=ROOT, stdout=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": f"{ROOT / 'src'}:{ROOT}"})
    assert proc.stdout and proc.stdout.readline().strip() == b"resolving"
    proc.send_signal(signal.SIGKILL)  # in the middle of the resolution's transaction
    proc.wait()
    with open_store(killed) as store:
        assert store.stats()["documents"] == len(ALL) and store.resolution_pending()
    again = ingest([], str(killed))  # nothing to add: it still finishes the resolution
    assert (again.added, again.resolved) == (0, True)
    with open_store(clean) as store:
        for make in ALL:
            store.add(make())
        store.resolve()
    with open_store(killed) as a, open_store(clean) as b:
        assert not a.resolution_pending()
        assert snapshot(a) == snapshot(b)


def test_hostile_store_full_disk_is_one_line_and_keeps_what_was_stored(tmp_path: Path) -> None:
    db = tmp_path / "full.db"
    with open_store(db) as store:
        store.add(strike())
        pages = store.engine.connect().exec_driver_sql("PRAGMA page_count").scalar()
        store.engine.dispose()
        # the disk fills up: no page more than the store has now
        event.listen(store.engine, "connect", lambda c, _: c.execute(f"PRAGMA max_page_count={pages}"))
        docs = [dataclasses.replace(vote(), document=dataclasses.replace(vote().document, text=vote().document.text * 3, id=""))]
        summary_error = None
        try:
            ingest([d.document for d in docs], store, resolve=False)
        except StoreError as exc:
            summary_error = exc
        with pytest.raises(StoreError) as info:
            store.add(docs[0])
    assert info.value.code == "E303" and "disk is full" in str(info.value) and "\n" not in str(info.value)
    assert summary_error is not None and summary_error.code == "E303"
    assert summary_error.summary.added == 0 and summary_error.summary.documents == 1  # type: ignore[attr-defined]
    with open_store(db) as store:
        assert store.stats()["documents"] == 1


def test_hostile_store_full_disk_on_the_command_line_is_one_line(tmp_path: Path) -> None:
    db = tmp_path / "full.db"
    report = tmp_path / "r.txt"
    report.write_text(strike().document.text, encoding="utf-8")
    with open_store(db) as store:
        pages = store.engine.connect().exec_driver_sql("PRAGMA page_count").scalar()
    script = (
        "import sys\n"
        "from sqlalchemy import event, Engine\n"
        "from claimgraph.cli import main\n"
        f"event.listen(Engine, 'connect', lambda c, _: c.execute('PRAGMA max_page_count={pages}'))\n"
        "main()\n"
    )
    proc = subprocess.run([sys.executable, "-c", script, "ingest", str(report), "--db", str(db)],
                          capture_output=True, text=True, check=False,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    [line] = proc.stderr.strip().splitlines()
    assert "disk is full" in line and "[E303]" in line


def test_hostile_store_corrupted_file_is_one_line(tmp_path: Path) -> None:
    db = tmp_path / "bad.db"
    with open_store(db) as store:
        store.add(strike())
    data = bytearray(db.read_bytes())
    data[0:100] = os.urandom(100)  # the header: no longer a database
    db.write_bytes(bytes(data))
    with pytest.raises(StoreError) as info:
        open_store(db)
    assert info.value.code == "E305" and "\n" not in str(info.value)
    result = CliRunner().invoke(main, ["show", "Soleimani", "--db", str(db)])
    assert result.exit_code == 1 and "damaged" in result.output and "Traceback" not in result.output


def test_hostile_store_read_only_media_opens_read_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "ro.db"
    with open_store(db) as store:
        for make in ALL:
            store.add(make())
        store.resolve()
    os.chmod(db, 0o444)
    os.chmod(tmp_path, 0o555)
    try:
        # root may write anyway; a read-only mount refuses even root: ask as such a mount would answer
        monkeypatch.setattr(os, "access", lambda path, mode: mode != os.W_OK)
        with open_store(db) as store:
            assert store.read_only
            assert store.show("Soleimani").name == "Qasem Soleimani"
            with pytest.raises(StoreError) as info:
                store.add(strike())
            assert info.value.code == "E306"
        assert not list(tmp_path.glob("ro.db-*"))  # no -wal or -shm written beside it
    finally:
        os.chmod(tmp_path, 0o755)


def test_hostile_store_underscore_in_a_name_is_no_wildcard(store_url: str) -> None:
    with open_store(store_url) as store:
        store.add(strike())
        assert store.find("Solei")  # a part of a name still finds it
        assert store.find("Sol_imani") == []


@pytest.mark.postgres
def test_hostile_store_postgres_password_never_printed() -> None:
    url = "postgresql://postgres:s3cret-pw@127.0.0.1:1/test"
    with pytest.raises(StoreError) as info:
        open_store(url)
    assert "s3cret" not in str(info.value) and "***" in str(info.value)
    assert info.value.code in ("E301", "E304") and "\n" not in str(info.value)
    result = CliRunner().invoke(main, ["show", "x", "--db", url])
    assert result.exit_code == 1 and "s3cret" not in result.output
    assert dialect.redact("host=db password=hunter2 user=x") == "host=db password=*** user=x"


@pytest.mark.parametrize("url", ["postgresql://", "postgresql://postgres@127.0.0.1:5432", "postgres://u:pw@h/"])
def test_hostile_store_postgres_url_without_database_is_refused(url: str) -> None:
    with pytest.raises(StoreError) as info:
        open_store(url)
    assert info.value.code == "E307" and "pw" not in str(info.value)


@pytest.mark.postgres
def test_hostile_store_dropped_connection_is_reopened(store_url: str) -> None:
    if not store_url.startswith("postgresql"):
        pytest.skip("a server connection")
    with open_store(store_url) as store:
        store.add(strike())
        with store.engine.connect() as conn:  # the pooled connection the next add will use
            pid = conn.execute(text("SELECT pg_backend_pid()")).scalar()
        admin = create_engine(dialect.to_url(PG_URL), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:  # the server drops it
            conn.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})
        admin.dispose()
        time.sleep(0.2)
        assert store.add(vote()).status == "added"
        assert store.stats()["documents"] == 2


def test_hostile_store_server_gone_is_one_line() -> None:
    result = CliRunner().invoke(main, ["ingest", "x.txt", "--db", "postgresql://postgres@127.0.0.1:1/test"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "cannot open the store" in result.output


def _children(pid: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True, check=False).stdout
    return [int(x) for x in out.split()]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as f:
        return f.read().split()[2] != "Z"


def test_hostile_store_sigterm_ends_the_workers_too(tmp_path: Path, slice_path: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", "from claimgraph.cli import main; main()", "ingest", str(slice_path),
         "--db", str(tmp_path / "s.db"), "--workers", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while time.monotonic() < deadline and len(workers) < 2:
        time.sleep(0.2)
        workers = [p for p in _children(proc.pid) if "python" in Path(f"/proc/{p}/cmdline").read_text()]
    assert len(workers) >= 2
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and b"interrupted" in out and b"Traceback" not in err
    deadline = time.monotonic() + 10
    while any(_alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(p) for p in workers)


def test_hostile_store_two_ingest_commands_at_once_both_succeed(store_url: str, slice_path: Path, tmp_path: Path) -> None:
    lines = slice_path.read_text(encoding="utf-8").splitlines(keepends=True)
    halves = [tmp_path / "a.jsonl", tmp_path / "b.jsonl"]
    halves[0].write_text("".join(lines[:3]), encoding="utf-8")
    halves[1].write_text("".join(lines[2:5]), encoding="utf-8")  # one report in both
    procs = [
        subprocess.Popen([sys.executable, "-c", "from claimgraph.cli import main; main()", "ingest", str(half),
                          "--db", store_url, "--format", "json"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
        for half in halves
    ]
    results = [p.communicate(timeout=180) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err[-1500:] for _, err in results]
    with open_store(store_url) as store:
        assert store.stats()["documents"] == 5 and not store.resolution_pending()


def test_hostile_store_ctrl_c_during_resolution_is_finished_by_the_next_run(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimgraph.store import resolution

    with open_store(store_url) as store:
        for make in ALL:
            store.add(make())
        real = resolution.recluster

        def interrupted(*_: object) -> int:
            raise KeyboardInterrupt

        monkeypatch.setattr(resolution, "recluster", interrupted)
        summary = ingest([], store)
        assert summary.interrupted and not summary.resolved and store.resolution_pending()
        monkeypatch.setattr(resolution, "recluster", real)
        again = ingest([], store)
        assert again.resolved and not store.resolution_pending()
