# dyad: `make run` builds dyad.duckdb from sources/, `make test` runs the suite.
# Needs only python3.11 and make: the venv, uv and every package are installed here, behind a stamp
# tied to the lock file, so a changed lock rebuilds the environment.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Prefect's migrations run once here, not in the first `dyad run` (flows/orchestrate/server_db.py)
PREFECT_TEMPLATE := $(VENV)/dyad/prefect-template.db
DB     ?= dyad.duckdb
SOURCES ?= sources
export PREFECT_HOME ?= $(CURDIR)/.prefect

.PHONY: help install run test test-fast bench clean lock

help:
	@echo "make run    build $(DB) from $(SOURCES)/ (the whole pipeline)"
	@echo "make test   run the test suite"
	@echo "make test-fast  the unit tests only (no Prefect flow, no subprocess; on every core, under 30 s)"
	@echo "make bench  run the benchmarks (bench/)"
	@echo "make lock   re-resolve requirements.lock from pyproject.toml"

install: $(STAMP) $(PREFECT_TEMPLATE)

$(PREFECT_TEMPLATE): $(STAMP)
	@$(BIN)/python -m flows.orchestrate.server_db >/dev/null || echo "no Prefect database template: the first run migrates its own"

$(STAMP): pyproject.toml requirements.lock requirements.model.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	@$(BIN)/python -m pip install -q --disable-pip-version-check uv >/dev/null 2>&1 || true
	@if [ -x $(BIN)/uv ]; then \
		$(BIN)/uv pip install -q --compile-bytecode --python $(BIN)/python -r requirements.lock -e '.[test]' && \
		$(BIN)/uv pip install -q --python $(BIN)/python --require-hashes --no-deps -r requirements.model.txt; \
	else \
		$(BIN)/python -m pip install -q -r requirements.lock -e '.[test]' && \
		$(BIN)/python -m pip install -q --require-hashes --no-deps -r requirements.model.txt; \
	fi
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/dyad run --sources $(SOURCES) --db $(DB)

test: $(STAMP)
	$(BIN)/python -m pytest

# test-fast on every core (pytest-xdist; each worker imports polars, duckdb and spaCy once): JOBS=0 runs it in
# one process, e.g. to read a failure's output in order
JOBS ?= auto
test-fast: $(STAMP)
	$(BIN)/python -m pytest tests/unit -m "not slow" -n $(JOBS)

bench: $(STAMP)
	$(BIN)/python -m bench

lock: $(BIN)/python
	$(BIN)/uv pip compile pyproject.toml --extra test -o requirements.lock -q --python-version 3.11

clean:
	rm -rf $(VENV) .prefect .pytest_cache $(DB)
