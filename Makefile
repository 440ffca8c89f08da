# ThiĐua — the two commands: `make run` and `make test` (see README).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1:8000
PYTEST_ARGS ?= -n auto  # every core (pytest-xdist); `make test PYTEST_ARGS=thidua/awards` runs a part

.PHONY: run setup test test-deps install migrate demo check clean

run: setup
	bash scripts/run-dev.sh $(PY) $(HOST)  # web server + one background worker; Ctrl-C stops both

setup: install migrate demo

$(VENV)/bin/python:
	bash scripts/system-deps.sh run
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

$(VENV)/.installed-run: $(VENV)/bin/python pyproject.toml
	bash scripts/system-deps.sh run
	$(PY) -m pip install -q -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed-run pyproject.toml package-lock.json
	bash scripts/system-deps.sh test
	$(PY) -m pip install -q -e '.[test]'
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed-run

migrate: install
	$(PY) manage.py migrate --noinput -v0

demo: migrate
	$(PY) manage.py load_demo

test-deps: $(VENV)/.installed-test

test: test-deps
	$(PY) manage.py makemigrations --check --dry-run -v0
	$(VENV)/bin/ruff check  # pyproject.toml [tool.ruff]
	$(VENV)/bin/lint-imports  # the layers (pyproject.toml [tool.importlinter])
	$(PY) -m pytest $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) db.sqlite3 var
