"""The Grafana dashboard is built by code, committed as built, and only queries metrics the gate exports."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

from prometheus_client import generate_latest

from gate.observe.metrics import GateMetrics
from tests.promql_names import metric_names

ROOT = Path(__file__).resolve().parents[3]
DASHBOARD = ROOT / "deploy/grafana/gate.json"
CHART_COPY = ROOT / "helm/gate/files/gate.json"
REQUIRED_PANELS = {
    "Events per second by verdict",
    "Quarantine and rejection ratios",
    "Reasons over time",
    "Personal-data entity types over time",
    "Per-event latency (fetch to committed verdict)",
    "Per-check latency p99",
    "Batch size (records)",
    "Transactions by outcome",
    "Consumer lag (seconds) per partition",
    "Consumer lag (records) per partition",
    "Time since the last committed transaction",
    "Worker restarts by cause",
    "Flood guard tripped (1) per pod",
    "Policy version in use per pod",
    "Signer certificate days left",
    "Earliest incident deadline",
}


def builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_dashboard", ROOT / "deploy/grafana/build_dashboard.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def exported_names() -> set[str]:
    """Every sample name the gate's /metrics can carry (histograms and counters with their suffixes)."""
    metrics = GateMetrics()
    metrics.set_policy("1", "a" * 64)
    metrics.set_signer_certificate("b" * 64, 1.0)
    metrics.set_trust_anchors("c" * 64)
    names = set()
    for family in metrics.registry.collect():
        names.add(family.name)
        names.update(f"{family.name}{suffix}" for suffix in ("_total", "_bucket", "_count", "_sum"))
    names.update(
        line.split("{")[0].split(" ")[0] for line in generate_latest(metrics.registry).decode().split("\n")
    )
    return names


def panels() -> list[dict[str, object]]:
    return [p for p in json.loads(DASHBOARD.read_text())["panels"] if p["type"] != "row"]


def test_committed_dashboard_is_what_the_code_builds() -> None:
    built = builder().render()
    assert DASHBOARD.read_text() == built, "run `python deploy/grafana/build_dashboard.py` and commit"
    assert CHART_COPY.read_text() == built, "run `python deploy/grafana/build_dashboard.py` and commit"


def test_it_has_the_panels_an_sre_asked_for() -> None:
    assert {str(p["title"]) for p in panels()} >= REQUIRED_PANELS


def test_every_query_parses_and_uses_only_exported_metrics() -> None:
    exported = exported_names()
    queried = 0
    for panel in panels():
        targets = panel.get("targets") or []
        assert targets, panel["title"]
        for target in targets:  # type: ignore[attr-defined]
            names = metric_names(target["expr"])
            assert names, target["expr"]
            assert names <= exported, (panel["title"], names - exported)
            queried += 1
    assert queried >= 19


def test_it_is_importable_on_its_own() -> None:
    board = json.loads(DASHBOARD.read_text())
    assert board["uid"] == "gate-overview"
    (variable,) = board["templating"]["list"]
    assert (variable["type"], variable["query"]) == ("datasource", "prometheus")
    for panel in panels():
        if panel["type"] != "text":
            assert panel["datasource"] == {"type": "prometheus", "uid": "${datasource}"}
