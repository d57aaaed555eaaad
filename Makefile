# Two commands for a new user: `make demo` and `make test`. Both bootstrap .venv from a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

BENCH_VENV := .venv-bench
BENCH_STAMP := $(BENCH_VENV)/.installed
# What the compiled wheel is made from: a change to any of them rebuilds .venv-bench's gate.
GATE_BUILD_INPUTS := pyproject.toml hatch_build.py build_tools/mypyc_build.py \
	$(shell find gate schemas -type f -not -path '*/__pycache__/*' 2>/dev/null)

.PHONY: venv test lint typecheck unit integration demo bench bench-quick bench-pure-deps clean prometheus dashboard gcc wheel

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	GATE_BUILD_PURE=1 $(BIN)/python -m pip install --quiet -e '.[dev,pixels]'
	touch $(STAMP)

# mypyc's C compiler, for the compiled wheel and the test that compares it with the pure build.
gcc:
	command -v gcc >/dev/null || (apt-get update -qq && apt-get install -y -qq gcc)

# The wheel as it ships: gate/scanning compiled with mypyc (hatch_build.py). GATE_BUILD_PURE=1 for a pure one.
wheel: gcc
	rm -rf dist && $(PYTHON) -m pip wheel --quiet --no-deps -w dist .

lint: $(STAMP)
	$(BIN)/ruff check gate tests deploy build_tools hatch_build.py $(wildcard benchmarks)
	$(BIN)/ruff format --check gate tests deploy build_tools hatch_build.py $(wildcard benchmarks)
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy
	$(BIN)/mypy build_tools hatch_build.py

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

# Two pytest-xdist workers, one test file per unit of work, the slowest files first (tests/conftest.py).
# `make test PYTEST_ARGS=` runs the suite in one process. The 30 slowest tests are listed at the end: the
# suite must stay under 15 minutes on 2 cores (13:57 in the twenty-second session's CI), and that list
# says where to look first.
PYTEST_ARGS ?= -n 2 --dist loadfile --no-loadscope-reorder
test: lint typecheck prometheus gcc
	$(BIN)/pytest -q --durations=30 $(PYTEST_ARGS)

demo: $(STAMP)
	$(BIN)/gate demo

# The benchmarks measure the build that ships: the compiled wheel, installed (not editable) in .venv-bench,
# started with `python -P` so the source tree's pure `gate` cannot shadow it (benchmarks/build.py); the run
# stops if it imported anything else. `make bench-quick BUILD=pure` measures the pure source tree (.venv).
BUILD ?= compiled
ifeq ($(BUILD),pure)
BENCH_PYTHON := $(BIN)/python
BENCH_READY := bench-pure-deps
else
BENCH_PYTHON := $(BENCH_VENV)/bin/python
BENCH_READY := $(BENCH_STAMP)
endif
BENCH_RUN := $(BENCH_PYTHON) -P -c 'import sys; sys.path.append("."); from benchmarks.run import main; sys.exit(main())'

$(BENCH_STAMP): $(GATE_BUILD_INPUTS) | gcc
	test -x $(BENCH_VENV)/bin/python || $(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet --upgrade pip
	rm -rf $(BENCH_VENV)/wheel
	$(BENCH_VENV)/bin/python -m pip wheel --quiet --no-deps -w $(BENCH_VENV)/wheel .
	$(BENCH_VENV)/bin/python -m pip install --quiet --force-reinstall --no-deps $(BENCH_VENV)/wheel/gate-*.whl
	$(BENCH_VENV)/bin/python -m pip install --quiet "$$(ls $(BENCH_VENV)/wheel/gate-*.whl)[dev,pixels,bench]"
	touch $(BENCH_STAMP)

bench-pure-deps: $(STAMP)
	GATE_BUILD_PURE=1 $(BIN)/python -m pip install --quiet -e '.[dev,pixels,bench]'

bench: $(BENCH_READY)
	$(BENCH_RUN) --full --build $(BUILD)

bench-quick: $(BENCH_READY)
	$(BENCH_RUN) --quick --build $(BUILD)

clean:
	rm -rf $(VENV) $(BENCH_VENV) .cache/compiled dist .mypy_cache .ruff_cache .pytest_cache .demo
