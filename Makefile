# kg-builder: one command to install and build the seeds, one to run every test.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo install test lint bench clean

## Install into ./.venv and build the seed article into ./kg-data (embedded store, no server needed).
demo: install
	$(BIN)/kg build seeds/ --out kg-data
	$(BIN)/kg validate --out kg-data

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $(STAMP)

## The whole test suite: unit tests, the real Neo4j server, the real SPARQL endpoint, the notebooks.
test: install
	$(BIN)/ruff check kg tests benchmarks
	$(BIN)/python -m pytest -q -p no:cacheprovider

lint: install
	$(BIN)/ruff check kg tests benchmarks

## Benchmarks (not tests): see README "Benchmarks".
bench: install
	$(BIN)/python benchmarks/extraction_speed.py
	$(BIN)/python benchmarks/neo4j_load.py
	$(BIN)/python benchmarks/sparql_latency.py

clean:
	rm -rf kg-data .pytest_cache
