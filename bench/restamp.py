"""Mark a store resolved by an earlier version's rules as this version's, for a benchmark.

A store whose resolution state other rules made is resolved whole again by its next
``Store.resolve`` (``incremental.other_rules``): 30 minutes at 100k reports. When a change leaves
every result the same (``tests/store/test_incremental.py`` compares incremental and full
resolution), a benchmark may compare the two versions on the same store: this rewrites the kept
name groups in this version's form (a group in more than ``incremental.FEW`` reports keeps their
count, not their list) and marks the store as resolved by this version's rules. Not for real
stores: there the full resolution is the way.

    .venv/bin/python bench/restamp.py STORE.db [...]
"""

from __future__ import annotations

import json
import sys
import time

from sqlalchemy import select, update

from claimgraph.store import incremental, open_store, schema

RG = schema.resolution_groups


def restamp(path: str) -> int:
    """Rewrite the name groups of ``path`` in this version's form and mark its rules; returns how
    many groups changed."""
    store = open_store(path)
    changed = 0
    with store.writer.begin() as conn:
        rows = conn.execute(select(RG.c.group_id, RG.c.profile, RG.c.features)).all()
        for gid, profile, features in rows:
            p, f = json.loads(profile), json.loads(features)
            if "documents" not in f or len(f["documents"]) <= incremental.FEW:
                continue
            f["reports"] = len(f.pop("documents"))
            p["reports"] = len(set(p["profile"]["documents"]))
            p["profile"]["documents"] = []
            conn.execute(update(RG).where(RG.c.group_id == gid).values(profile=json.dumps(p),
                                                                        features=json.dumps(f)))
            changed += 1
        incremental.mark_rules(conn)
    store.close()
    return changed


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        started = time.perf_counter()
        n = restamp(arg)
        took = time.perf_counter() - started
        print(f"{arg}: {n} name groups rewritten, marked as this version's in {took:.0f} s")
