"""First names whose gender is near certain, and given names of either gender, from nomquamgender's
name data (MIT licence).

    pip install --no-deps nomquamgender==0.1.4
    PYTHONPATH=src python training/names/build_gender.py   # writes src/claimgraph/data/first_name_gender.json
                                                           # and src/claimgraph/data/given_names.txt

nomquamgender ships p(female) for 720k names gathered from name-gender sources worldwide, read here
from its data file (importing the package would need pandas). The speaker resolver needs
only the names that are clearly one gender and common enough to matter, so this script keeps
those (p <= 0.05 or >= 0.95 over at least MIN_COUNT people) in a small file shipped with the
package. The entity rules that ask whether a word is a given name at all ("Fed Chair Janet Yellen",
"Bernie Sanders") also read the common names of either gender ("alex", "bernie", "kay"): at least
SHARED_COUNT people in at least SHARED_SOURCES of the sources, which leaves out words that the data
holds as a name only here and there ("the", "young", "golden"), and none that is a dictionary word of
the English pipeline ("royal", "case", "storm") or a place's name ("kenya", "milan").
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections.abc import Callable
from pathlib import Path

MIN_COUNT = 100
CERTAIN = 0.05
SHARED_COUNT = 5000
SHARED_SOURCES = 10
DATA = Path(__file__).resolve().parents[2] / "src" / "claimgraph" / "data"
OUT = DATA / "first_name_gender.json"
SHARED = DATA / "given_names.txt"


def _words_and_places() -> Callable[[str], bool]:
    """Whether a word is a dictionary noun or adjective of the English pipeline, or a place's name."""
    import spacy

    from claimgraph.graph.names import lookup_place
    from claimgraph.nlp.entities import dictionary_words
    from claimgraph.settings import MODEL

    words = dictionary_words(spacy.load(MODEL.get()))
    return lambda name: name in words or lookup_place(name.title()) is not None


def main() -> None:
    taken = _words_and_places()
    # the package's data file, found without importing the package (which imports pandas)
    spec = importlib.util.find_spec("nomquamgender")
    assert spec is not None and spec.submodule_search_locations, "pip install nomquamgender==0.1.4"
    folder = Path(next(iter(spec.submodule_search_locations)))
    data = json.loads((folder / "name_data.json").read_text(encoding="utf-8"))
    table, shared = {}, []
    for name, (sources, count, p_female, *_rest) in data.items():
        if count >= MIN_COUNT and re.fullmatch(r"[a-z][a-z'-]+", name):
            if p_female <= CERTAIN:
                table[name] = "m"
            elif p_female >= 1 - CERTAIN:
                table[name] = "f"
            elif count >= SHARED_COUNT and sources >= SHARED_SOURCES and not taken(name):
                shared.append(name)
    doc = {"_comment": "First name (lower case) -> m / f, for names near certain of one gender; "
                       "built by training/names/build_gender.py from nomquamgender 0.1.4 (MIT).",
           **dict(sorted(table.items()))}
    OUT.write_text(json.dumps(doc, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    head = ("# Given names of either gender (no gender near certain), lower case; built by\n"
            "# training/names/build_gender.py from nomquamgender 0.1.4 (MIT). With\n"
            "# first_name_gender.json: every given name the entity rules know.\n")
    SHARED.write_text(head + "".join(f"{name}\n" for name in sorted(shared)), encoding="utf-8")
    print(f"{len(table)} names -> {OUT}; {len(shared)} -> {SHARED}")


if __name__ == "__main__":
    main()
