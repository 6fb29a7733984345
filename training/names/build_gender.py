"""First names whose gender is near certain, from nomquamgender's name data (MIT licence).

    python training/names/build_gender.py   # writes src/claimgraph/data/first_name_gender.json

nomquamgender (pip install nomquamgender==0.1.4) ships p(female) for 720k names gathered from
name-gender sources worldwide; loading it takes seconds and pandas. The speaker resolver needs
only the names that are clearly one gender and common enough to matter, so this script keeps
those (p <= 0.05 or >= 0.95 over at least MIN_COUNT people) in a small file shipped with the
package.
"""

from __future__ import annotations

import importlib.resources
import json
import re
from pathlib import Path

MIN_COUNT = 100
CERTAIN = 0.05
OUT = Path(__file__).resolve().parents[2] / "src" / "claimgraph" / "data" / "first_name_gender.json"


def main() -> None:
    data = json.loads(importlib.resources.files("nomquamgender").joinpath("name_data.json").read_text())
    table = {}
    for name, (_sources, count, p_female, *_rest) in data.items():
        if count >= MIN_COUNT and re.fullmatch(r"[a-z][a-z'-]+", name):
            if p_female <= CERTAIN:
                table[name] = "m"
            elif p_female >= 1 - CERTAIN:
                table[name] = "f"
    doc = {"_comment": "First name (lower case) -> m / f, for names near certain of one gender; "
                       "built by training/names/build_gender.py from nomquamgender 0.1.4 (MIT).",
           **dict(sorted(table.items()))}
    OUT.write_text(json.dumps(doc, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(table)} names -> {OUT}")


if __name__ == "__main__":
    main()
