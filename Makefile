# Every target sets up its own virtual environment; the recipes only call the CLI.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
# extras installed into the venv; .ci/run adds torch (a CPU wheel on the CI machines)
EXTRAS ?= test,lint
comma := ,
STAMP := $(VENV)/.installed-$(subst $(comma),-,$(EXTRAS))

.PHONY: install test docs pdf bench verify lint format clean fuzz runtime

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q -c constraints.txt -e '.[$(EXTRAS)]'
	touch $@

install: $(STAMP)

test: $(STAMP)
	$(PY) -m pytest

# package.json's Node packages (the practice pages' Pyodide runtime, KaTeX for the tests),
# when npm is there; without it `docs` builds everything else and says what it skipped
runtime:
	@if command -v npm >/dev/null; then \
	  npm install --no-audit --no-fund --no-package-lock --silent; \
	else echo "make: no npm: the practice pages get no Python runtime"; fi

docs: $(STAMP) runtime
	$(PY) -m derivations docs --out output

pdf: $(STAMP)
	$(PY) -m derivations docs --out output --pdf

bench: $(STAMP)
	$(PY) -m benchmarks

verify: $(STAMP)
	$(PY) -m derivations verify --samples 2000

# ruff (lint, then the formatter in check mode) and mypy, as configured in pyproject.toml
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# the crash test at length: 200,000 fuzzed answers, SymPy stages on every 5th (minutes)
fuzz: $(STAMP)
	DERIVATIONS_FUZZ_ANSWERS=$${DERIVATIONS_FUZZ_ANSWERS:-200000} \
	DERIVATIONS_FUZZ_SYMBOLIC_EVERY=$${DERIVATIONS_FUZZ_SYMBOLIC_EVERY:-5} \
	$(PY) -m pytest -q -p no:cacheprovider tests/checking/test_crash_fuzz.py -k fuzzed

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis
