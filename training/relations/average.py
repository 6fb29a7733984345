"""One scorer from several: the mean of the weights of scorers trained with different seeds.

    python training/relations/average.py OUT MODEL [MODEL ...]

The scorers are `spacy train config.cfg` runs on the same data with other seeds (``--system.seed``):
the same linear bag-of-words ``textcat``, so the mean of their weights scores a candidate with
the mean of their logits (softmax over the mean), an ensemble in one model of the same size that
``RelationScorer`` reads as any other. One seed's scorer moves a borderline candidate with the order
it saw the examples in; the mean does not (README.md, twelfth round). OUT is written from the first
MODEL with the mean weights; the models are read in the order given, so a rebuild is bit-identical.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import spacy


def average(models: list[Path], out: Path) -> None:
    """Write to ``out`` the first model with every ``textcat`` parameter the mean over ``models``."""
    nlps = [spacy.load(m) for m in models]
    walks = [list(nlp.get_pipe("textcat").model.walk()) for nlp in nlps]  # type: ignore[attr-defined]
    if len({len(w) for w in walks}) != 1 or len({len(nlp.vocab.strings) for nlp in nlps}) != 1:
        raise SystemExit("average.py: the models differ in shape or vocabulary (not one recipe's seeds)")
    for nodes in zip(*walks, strict=True):
        for name in nodes[0].param_names:
            if nodes[0].has_param(name):
                total = nodes[0].get_param(name).astype("float64")
                for node in nodes[1:]:
                    total += node.get_param(name)
                nodes[0].set_param(name, (total / len(nodes)).astype(nodes[0].get_param(name).dtype))
    nlps[0].meta["performance"] = {}  # one seed's dev figures would not be the mean's
    if out.exists():
        shutil.rmtree(out)
    nlps[0].to_disk(out)


def main() -> None:
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    average([Path(m) for m in sys.argv[2:]], Path(sys.argv[1]))


if __name__ == "__main__":
    main()
