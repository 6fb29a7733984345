"""The long fuzzing round of tests/ingest/test_fuzz.py: many more examples than CI runs.

    .venv/bin/python bench/fuzz.py [EXAMPLES]     # default 2000 per property

Hypothesis prints the smallest failing input it finds; make it a regression test in
tests/ingest/test_hostile.py, fix it, and run again.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    examples = sys.argv[1] if len(sys.argv) > 1 else "2000"
    env = {**os.environ, "CLAIMGRAPH_FUZZ_EXAMPLES": examples}
    return subprocess.call(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--hypothesis-show-statistics",
         str(ROOT / "tests" / "ingest" / "test_fuzz.py")],
        cwd=ROOT, env=env,
    )


if __name__ == "__main__":
    sys.exit(main())
