# Two commands for a new user: `make demo` and `make test`. Both bootstrap .venv from a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: venv test lint typecheck unit integration demo bench bench-quick clean prometheus dashboard

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,pixels]'
	touch $(STAMP)

lint: $(STAMP)
	$(BIN)/ruff check gate tests deploy $(wildcard benchmarks)
	$(BIN)/ruff format --check gate tests deploy $(wildcard benchmarks)
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest tests/unit -q

integration: $(STAMP)
	$(BIN)/pytest tests/integration -q

# Debian's prometheus package brings `prometheus` and `promtool`, which the rule and dashboard tests run.
prometheus:
	command -v promtool >/dev/null && command -v prometheus >/dev/null || \
		(apt-get update -qq && apt-get install -y -qq prometheus)

# Rebuild deploy/grafana/gate.json (and the chart's copies) after changing the dashboard code or the rules.
dashboard: $(STAMP)
	$(BIN)/python deploy/grafana/build_dashboard.py
	cp deploy/prometheus/gate-rules.yaml helm/gate/files/gate-rules.yaml

test: lint typecheck prometheus
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
