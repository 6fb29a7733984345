"""`--engine ray` (issue #10): extraction on Ray actors, one spaCy pipeline each, results streamed
to the same writer. The tests share one local Ray (``ray.init(num_cpus=2)``); the last one follows
the README's cluster instructions with ``ray start --head`` on this machine."""

from __future__ import annotations

import json
import os
import secrets
import socket
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimgraph import ingest
from claimgraph.store import open_store
from tests.store.test_store import snapshot

ray = pytest.importorskip("ray")
ROOT = Path(__file__).resolve().parents[2]
RAY = shutil.which("ray") or str(Path(sys.executable).parent / "ray")


@pytest.fixture(scope="module")
def ray_session() -> Iterator[None]:
    os.environ.setdefault("PYTHONPATH", str(ROOT / "src"))
    ray.init(address="local", num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def test_ray_engine_gives_the_same_store_as_the_local_engine(
    ray_session: None, slice_path: Path, tmp_path: Path
) -> None:
    hostile = tmp_path / "hostile.jsonl"
    hostile.write_text('{"text": [1]}\n' + "[" * 100_000 + "\n", encoding="utf-8")
    inputs = [slice_path, hostile]
    local = ingest(inputs, str(tmp_path / "local.db"))
    on_ray = ingest(inputs, str(tmp_path / "ray.db"), engine="ray", workers=2)
    assert on_ray.added == local.added == 20
    assert [str(e) for e in on_ray.errors] == [str(e) for e in local.errors]
    assert sorted(e.code for e in on_ray.errors) == ["E105", "E105"]
    with open_store(tmp_path / "local.db") as a, open_store(tmp_path / "ray.db") as b:
        assert snapshot(a) == snapshot(b)


def test_ray_engine_address_where_nothing_answers_fails_at_once(slice_path: Path, tmp_path: Path) -> None:
    """A head that is gone is one line and exit code 1, not minutes of Ray retrying."""
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "RAY_ADDRESS": ""}
    done = subprocess.run(
        [sys.executable, "-c", "from claimgraph.cli import main; main()", "ingest", str(slice_path),
         "--db", str(tmp_path / "s.db"), "--engine", "ray", "--address", f"127.0.0.1:{port}"],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        f"Error: cannot reach the Ray cluster at 127.0.0.1:{port}: nothing answers there [E500]"
    ]


def test_ray_engine_cluster_from_the_readme(ray_session: None, slice_path: Path, tmp_path: Path) -> None:
    """README, *Scaling*: every machine gets RAY_AUTH_MODE=token and the cluster's token; `ray start
    --head --port P`; `ray status --address` until the head answers; `claimgraph ingest ... --engine
    ray --address`. Port 6390, as 6379 may be taken by a Redis; the head runs with --block and is
    stopped through its own process group (`ray stop` would stop every Ray on the machine, the
    module's own included). A driver without the token is refused."""
    token = secrets.token_hex(32)  # what `ray get-auth-token --generate` makes
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "RAY_ADDRESS": "",
           "RAY_AUTH_MODE": "token", "RAY_AUTH_TOKEN": token}
    port = "6390"
    # Ray records the head's address for later `ray.init()`s in its temp folder: ours, not /tmp/ray,
    # so no later run on this machine tries to join this head once it is gone (short: socket paths)
    temp = tempfile.mkdtemp(prefix="cg-ray-")
    head = subprocess.Popen(
        [RAY, "start", "--head", "--port", port, "--num-cpus", "2", "--include-dashboard=false",
         "--disable-usage-stats", "--temp-dir", temp, "--block"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, start_new_session=True,
    )
    small = tmp_path / "four.jsonl"
    small.write_text("".join(slice_path.read_text(encoding="utf-8").splitlines(keepends=True)[:4]), encoding="utf-8")
    try:
        deadline = time.monotonic() + 60
        while True:  # the head is up when `ray status` answers
            status = subprocess.run([RAY, "status", "--address", f"127.0.0.1:{port}"], capture_output=True, env=env, check=False)
            if status.returncode == 0 or time.monotonic() > deadline:
                break
            time.sleep(0.5)
        def ingest_into(db: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
            cmd = [sys.executable, "-c", "from claimgraph.cli import main; main()", "ingest", str(small),
                   "--db", str(db), "--engine", "ray", "--address", f"127.0.0.1:{port}", "--workers", "2",
                   "--format", "json"]
            return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300, check=False)

        done = ingest_into(tmp_path / "cluster.db", env)
        assert done.returncode == 0, done.stderr[-2000:]
        assert json.loads(done.stdout)["added"] == 4
        refused = ingest_into(tmp_path / "refused.db", {**env, "RAY_AUTH_TOKEN": secrets.token_hex(32)})
        assert refused.returncode == 1 and "[E500]" in refused.stderr, refused.stderr[-2000:]
    finally:
        os.killpg(head.pid, signal.SIGTERM)  # --block: the head stops every Ray process it started
        try:
            head.wait(5)
        except subprocess.TimeoutExpired:  # it stops them gracefully, slowly: end the group we started
            os.killpg(head.pid, signal.SIGKILL)
            head.wait(10)
        shutil.rmtree(temp, ignore_errors=True)
