# lianxin: `make run` serves the demo, `make test` runs the whole suite.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PG_URL ?= postgres://postgres@127.0.0.1:5432/test
TEST_DATA := $(CURDIR)/data/test
# Parallel test workers (pytest-xdist); a module's tests stay on one worker, so that a
# module-scoped fixture (the demo) is loaded once.
TEST_WORKERS ?= 2
PYTEST := $(BIN)/pytest -q -n $(TEST_WORKERS) --dist loadfile
export PIP_DISABLE_PIP_VERSION_CHECK := 1
# Some machines set PYTHONDONTWRITEBYTECODE: then every process (each test worker, each
# `lianxin` subprocess of the suite) compiles the project and pytest rewrites every test module
# again. The project's commands keep their compiled files.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: run install test checks lint format pytest-sqlite pytest-postgres browser-deps messages bench bench-scale clean

$(STAMP): pyproject.toml
	@$(PY) -c 'import sys; sys.exit("lianxin needs Python 3.11 or newer") if sys.version_info < (3, 11) else None'
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# The web server, the clock (reminders, supervision) and the task worker (SMS, email);
# Ctrl-C stops all three.
# The demo runs without the second factor (a banner says so; docs/decisions/011).
run: export LIANXIN_REQUIRE_OTP ?= 0
run: install
	$(BIN)/lianxin migrate --noinput
	$(BIN)/lianxin demo
	@echo "Open http://127.0.0.1:8000/ (workbench: http://127.0.0.1:8000/workbench/)"
	trap 'kill 0' INT TERM EXIT; \
	$(BIN)/lianxin clock --interval 60 & \
	$(BIN)/lianxin db_worker --interval 2 >/dev/null 2>&1 & \
	$(BIN)/lianxin serve --bind 127.0.0.1:8000

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/python tools/mypy_ratchet.py

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Debian's Chromium and CJK fonts for the browser tests (never `playwright install`).
browser-deps:
	@if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	  else \
	    echo "Browser tests need Debian's chromium and fonts-noto-cjk: sudo apt-get install -y chromium fonts-noto-cjk"; exit 1; \
	  fi; \
	fi

# The checks, the SQLite run and the PostgreSQL run go side by side: on 2 cores one run's
# waits (the database, a browser, a subprocess) fill with the other's work, and neither
# waits for the other's slowest module. Each prints its output whole when it ends
# (make's --output-sync); the first failure still fails `make test`.
test: install browser-deps
	@echo "== make test: checks, pytest on SQLite and on PostgreSQL side by side; each prints when it ends =="
	@$(MAKE) --no-print-directory -j3 --output-sync=target checks pytest-sqlite pytest-postgres

checks: lint
	LIANXIN_DATA_DIR=$(TEST_DATA)-checks $(BIN)/lianxin makemigrations --check --dry-run
	$(BIN)/python tools/i18n.py check

pytest-sqlite:
	@echo "== pytest on SQLite =="
	rm -rf $(TEST_DATA) && mkdir -p $(TEST_DATA)
	env -u DATABASE_URL LIANXIN_DATA_DIR=$(TEST_DATA) $(PYTEST) -m "not strict_engine"

pytest-postgres:
	@echo "== pytest on PostgreSQL ($(PG_URL)); tests marked once ran in the SQLite run, those marked strict_engine run here only =="
	@if $(BIN)/python tools/pg_ready.py "$(PG_URL)"; then \
	  LIANXIN_DATA_DIR=$(TEST_DATA)-pg DATABASE_URL=$(PG_URL) $(PYTEST) -m "not once"; \
	elif [ "$$CI" = "true" ]; then \
	  echo "PostgreSQL at $(PG_URL) is unreachable: under CI this is a failure."; exit 1; \
	else \
	  echo "SKIPPED: PostgreSQL at $(PG_URL) is unreachable, so the PostgreSQL run did NOT happen."; \
	fi

messages: install
	$(BIN)/lianxin makemessages -l zh_Hans -l en --ignore=.venv --ignore=data --ignore=static --no-obsolete
	$(BIN)/python tools/i18n.py compile
	$(BIN)/python tools/i18n.py check

bench: install
	LIANXIN_DATA_DIR=$(CURDIR)/data/bench $(BIN)/python bench/run.py
	PG_URL=$(PG_URL) LIANXIN_DATA_DIR=$(CURDIR)/data/bench $(BIN)/python bench/cases.py
	env -u DATABASE_URL LIANXIN_DATA_DIR=$(CURDIR)/data/bench-import $(BIN)/python bench/imports.py
	env -u DATABASE_URL LIANXIN_DATA_DIR=$(CURDIR)/data/bench-discipline $(BIN)/python bench/discipline.py
	env -u DATABASE_URL $(BIN)/python bench/fuzz_api.py
	PG_URL=$(PG_URL) $(BIN)/python bench/load.py
	PG_URL=$(PG_URL) $(BIN)/python bench/load.py --intake
	PG_URL=$(PG_URL) LIANXIN_DATA_DIR=$(CURDIR)/data/bench $(BIN)/python bench/exports.py
	PG_URL=$(PG_URL) LIANXIN_DATA_DIR=$(CURDIR)/data/bench $(BIN)/python bench/clock.py
	$(MAKE) bench-scale

# Reads of a large register (issue 18): CASES cases made once by bench/generate.py in the
# database bench_scale of PG_URL's server (reused after; `bench/generate.py --fresh` remakes).
CASES ?= 30000
bench-scale: install
	PG_URL=$(dir $(PG_URL))bench_scale CASES=$(CASES) $(BIN)/python bench/scale.py

clean:
	rm -rf $(VENV) data/test data/test-pg data/test-checks data/bench
