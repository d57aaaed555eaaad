# Two commands for a new user: `make demo` and `make test`. Both bootstrap .venv from a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: venv test lint typecheck unit integration demo bench bench-quick clean

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,pixels]'
	touch $(STAMP)

lint: $(STAMP)
	$(BIN)/ruff check gate tests $(wildcard benchmarks)
	$(BIN)/ruff format --check gate tests $(wildcard benchmarks)

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest tests/unit -q

integration: $(STAMP)
	$(BIN)/pytest tests/integration -q

test: lint typecheck
	$(BIN)/pytest -q

demo: $(STAMP)
	$(BIN)/gate demo

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,pixels,bench]'
	$(BIN)/python -m benchmarks.run --full

bench-quick: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,pixels,bench]'
	$(BIN)/python -m benchmarks.run --quick

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .demo
