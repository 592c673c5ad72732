# Every target sets up its own virtual environment; the recipes only call the CLI.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
# extras installed into the venv; .ci/run adds torch (a CPU wheel on the CI machines)
EXTRAS ?= test,lint
comma := ,
STAMP := $(VENV)/.installed-$(subst $(comma),-,$(EXTRAS))

.PHONY: install test docs pdf bench verify lint format clean fuzz

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q -c constraints.txt -e '.[$(EXTRAS)]'
	touch $@

install: $(STAMP)

test: $(STAMP)
	$(PY) -m pytest

docs: $(STAMP)
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
