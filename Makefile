# The two commands of the README: `make demo` installs and runs extract on the bundled example;
# `make test` installs and runs the whole test suite. `make bench` runs the benchmarks.
VENV ?= .venv
PY := $(VENV)/bin/python

$(VENV)/installed: requirements.lock pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --require-hashes -r requirements.lock
	$(PY) -m pip install -q --no-deps --no-build-isolation -e .
	touch $@

install: $(VENV)/installed

demo: install
	$(VENV)/bin/claimgraph extract examples/wikinews-iraq-parliament.txt

# The example report in a store of its own (demo.db, made once), served on http://127.0.0.1:8765/
demo-serve: install
	test -e demo.db || $(VENV)/bin/claimgraph ingest examples/wikinews-iraq-parliament.txt --db demo.db
	$(VENV)/bin/claimgraph serve --db demo.db

# two workers (pytest-xdist), each test module whole on one of them (its module fixtures built once)
test: install
	$(PY) -m pytest -q -n 2 --dist loadscope

lint: install
	$(VENV)/bin/mypy --strict src

bench: install
	$(PY) bench/throughput.py
	$(PY) bench/pages_bench.py
	$(PY) bench/cli_startup.py

# Rebuild the models shipped in the package from the annotated train/dev reports: the entity
# recogniser (training/ner/README.md), then the relation scorer on its entities
# (training/relations/README.md). CI never trains; it tests the shipped models.
NER := training/ner
REL := training/relations
# the relation scorer is the mean of these seeds' scorers (training/relations/crossval.py's SEEDS)
REL_SEEDS := 0 1 2
train: install
	$(PY) $(NER)/build_data.py $(NER)/corpus
	$(PY) -m spacy train $(NER)/config.cfg --code $(NER)/base_lookups.py --output $(NER)/output \
		--paths.train $(NER)/corpus/train.spacy --paths.dev $(NER)/corpus/dev.spacy
	$(PY) $(NER)/package.py $(NER)/output/model-best src/claimgraph/models/ner
	$(PY) $(REL)/build_data.py $(REL)/corpus
	for seed in $(REL_SEEDS); do $(PY) -m spacy train $(REL)/config.cfg --output $(REL)/output/seed$$seed \
		--paths.train $(REL)/corpus/train.spacy --paths.dev $(REL)/corpus/dev.spacy --system.seed $$seed \
		|| exit 1; done
	$(PY) $(REL)/average.py src/claimgraph/models/relation_scorer \
		$(foreach seed,$(REL_SEEDS),$(REL)/output/seed$(seed)/model-last)

.PHONY: install demo demo-serve test lint bench train
