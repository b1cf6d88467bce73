# Two commands for a fresh clone: `make run` serves the product, `make test` proves it.
# Both run on SQLite with eager Celery unless DATABASE_URL / CELERY_BROKER_URL are set.

VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-from-pyproject
# Measured at 95% (branch) on SQLite and on PostgreSQL when the floor was set.
COVERAGE_FLOOR := 90
# Extra pytest arguments, e.g. `make test PYTEST_ARGS="tests/agendas -x"`.
PYTEST_ARGS ?=
# A given interpreter skips the search: `make run PYTHON=/opt/python3.13/bin/python3.13`.
PYTHON ?=

.DEFAULT_GOAL := help
.PHONY: help run test lint format worker beat bench bench-peer bench-micro loadtest messages clean

help:
	@echo "make run     install, migrate, load the seed agenda, create an admin, serve on :8000"
	@echo "make test    the test suite with branch coverage (floor $(COVERAGE_FLOOR)%)"
	@echo "make lint    ruff check and ruff format --check"
	@echo "make format  ruff format and ruff check --fix"
	@echo "make worker  a Celery worker (needs CELERY_BROKER_URL)"
	@echo "make beat    the Celery beat scheduler (needs CELERY_BROKER_URL)"
	@echo "make bench   serve with gunicorn on PostgreSQL + Redis and measure with wrk (bench/)"
	@echo "make bench-peer  prepare pretalx, the peer make bench compares with"
	@echo "make bench-micro the in-process timings of bench/bench_*.py"
	@echo "make loadtest  gunicorn on PostgreSQL under wrk (needs wrk and PostgreSQL)"
	@echo "make clean   remove .venv, the SQLite database, compiled files and caches"

# The virtualenv needs Python 3.12 or newer (Django 6.1 does). Candidates in order:
# $(PYTHON), python3.12 and python3.13 on PATH, pyenv's installed 3.12/3.13/3.14, python3.
# Each is run, not just looked up, because pyenv's shims exist for versions that are
# installed but not selected, and fail when run.
$(PY):
	@set -e; \
	ok() { "$$1" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; }; \
	found=""; \
	pyenv_root="$$(pyenv root 2>/dev/null || true)"; \
	for candidate in $(PYTHON) python3.12 python3.13 \
		$$(ls -d "$$pyenv_root"/versions/3.12.*/bin/python3.12 2>/dev/null | sort -V -r) \
		$$(ls -d "$$pyenv_root"/versions/3.13.*/bin/python3.13 2>/dev/null | sort -V -r) \
		$$(ls -d "$$pyenv_root"/versions/3.14.*/bin/python3.14 2>/dev/null | sort -V -r) \
		python3; do \
		if ok "$$candidate"; then found="$$candidate"; break; fi; \
	done; \
	if [ -z "$$found" ]; then \
		echo "No Python 3.12 or newer found (tried python3.12, python3.13, pyenv, python3)."; \
		echo "Install Python 3.12+, e.g. 'pyenv install 3.12' or your OS package"; \
		echo "(Debian/Ubuntu: 'apt-get install python3.12 python3.12-venv'), then run make again,"; \
		echo "or point at one: make run PYTHON=/path/to/python3.12"; \
		exit 1; \
	fi; \
	echo "Creating $(VENV) with $$found ($$("$$found" --version 2>&1))"; \
	"$$found" -m venv $(VENV)

# Reinstall only when pyproject.toml changed since the last install.
$(STAMP): pyproject.toml | $(PY)
	@$(PY) -c 'import sys; sys.exit(sys.version_info < (3, 12))' || { \
		echo "$(VENV) runs Python $$($(PY) --version 2>&1), older than 3.12: 'make clean' first."; \
		exit 1; }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

# Compile the gettext catalogues of the project (never those inside .venv).
messages: $(STAMP)
	@if ! find . -path ./$(VENV) -prune -o -type d -name locale -print | grep -q .; then \
		echo "No locale/ directory yet: no messages to compile."; \
	elif ! command -v msgfmt >/dev/null 2>&1; then \
		echo "msgfmt (gettext) not found: compiling the catalogues with Babel instead."; \
		$(VENV)/bin/pybabel compile --statistics -D django -d locale | tail -n 1; \
	else \
		DEBUG=1 $(PY) manage.py compilemessages --ignore '$(VENV)' --ignore node_modules -v 0; \
	fi

run: messages
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py load_demo
	DEBUG=1 $(PY) manage.py ensure_admin
	DEBUG=1 $(PY) manage.py runserver 127.0.0.1:8000

test: messages
	$(PY) -m pytest --cov --cov-branch --cov-report=term-missing:skip-covered \
		--cov-fail-under=$(COVERAGE_FLOOR) $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Without a broker Celery would try AMQP on localhost; say what is missing instead.
worker beat: $(STAMP)
	@if [ -z "$$CELERY_BROKER_URL" ]; then \
		echo "Set CELERY_BROKER_URL (e.g. redis://127.0.0.1:6379/0) to run a $@;"; \
		echo "without it the app runs tasks eagerly and needs no $@."; \
		exit 1; \
	fi
	DEBUG=$${DEBUG:-1} $(VENV)/bin/celery -A config $@ --loglevel=INFO

# The benchmark (bench/README.md): gunicorn on PostgreSQL and Redis measured with wrk.
# Its databases are made on first use (minutes); override any of these.
BENCH_LARGE_URL ?= postgres://postgres@127.0.0.1:5432/agendas_bench_large
BENCH_SMALL_URL ?= postgres://postgres@127.0.0.1:5432/agendas_bench_small
BENCH_CACHE_URL ?= redis://127.0.0.1:6379/1
BENCH_PORT ?= 8110
BENCH_DURATION ?= 10
PRETALX_DB_NAME ?= agendas_bench_pretalx
PRETALX_REDIS ?= $(BENCH_CACHE_URL)
export BENCH_LARGE_URL BENCH_SMALL_URL BENCH_CACHE_URL BENCH_PORT PRETALX_DB_NAME PRETALX_REDIS

bench: messages
	$(PY) bench/run.py --duration $(BENCH_DURATION)

# pretalx from PyPI in bench/.peer-venv (Python 3.11), never in the project.
bench-peer:
	bash bench/peer-setup.sh

# Every bench/bench_*.py, one after the other; each prints its own timings.
bench-micro: $(STAMP)
	@for script in bench/bench_*.py; do \
		echo "== $$script"; \
		DEBUG=1 $(PY) "$$script" || exit 1; \
	done

# Optional: the site under load (bench/loadtest.sh). Needs wrk and a PostgreSQL server;
# uses a database of its own (LOADTEST_DATABASE_URL, default agendas_loadtest).
loadtest: messages
	PY=$(PY) bash bench/loadtest.sh

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles htmlcov .coverage test-artifacts bench/.peer-venv bench/.peer-data \
		.pytest_cache .ruff_cache .hypothesis *.egg-info build
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
	find . -name '*.mo' -not -path './$(VENV)/*' -delete
