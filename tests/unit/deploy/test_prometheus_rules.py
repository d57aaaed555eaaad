"""The alert rules: promtool checks and unit-tests them; every alert links a runbook section that exists."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import yaml

from tests.debian_tools import require_tool
from tests.promql_names import metric_names
from tests.unit.deploy.test_dashboard import exported_names

ROOT = Path(__file__).resolve().parents[3]
RULES = ROOT / "deploy/prometheus/gate-rules.yaml"
RUNBOOK = ROOT / "docs/runbook.md"
HERE = Path(__file__).parent


def rules() -> list[dict[str, str]]:
    return [rule for group in yaml.safe_load(RULES.read_text())["groups"] for rule in group["rules"]]


def anchors(markdown: str) -> set[str]:
    """GitHub's heading anchors: lowercase, punctuation dropped, spaces to hyphens."""
    headings = re.findall(r"^#+\s+(.+)$", markdown, flags=re.MULTILINE)
    return {re.sub(r"[^\w\- ]", "", h).strip().lower().replace(" ", "-") for h in headings}


def test_promtool_checks_the_rules() -> None:
    promtool = require_tool("promtool")
    result = subprocess.run(
        [promtool, "check", "rules", str(RULES)], check=False, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_promtool_unit_tests_pass() -> None:
    promtool = require_tool("promtool")
    tests = ["gate-rules.test.yaml", "gate-rules-baseline.test.yaml"]
    result = subprocess.run(
        [promtool, "test", "rules", *tests], check=False, cwd=HERE, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_alert_links_an_existing_runbook_section() -> None:
    known = anchors(RUNBOOK.read_text())
    alerts = [r for r in rules() if "alert" in r]
    assert len(alerts) >= 10
    for rule in alerts:
        link = rule["annotations"]["runbook_url"]  # type: ignore[index]
        path, _, anchor = link.partition("#")
        assert path == "docs/runbook.md" and anchor in known, (rule["alert"], link)
        section = RUNBOOK.read_text().split("\n## ")[1:]
        body = next(s for s in section if anchors(f"## {s.splitlines()[0]}") == {anchor})
        for part in ("**Means**", "**Confirm**", "**Do**", "**Replay**"):
            assert part in body, (anchor, part)


# `gate serve`'s group: its metrics are on the serve process's registry, not on `gate run`'s
# (tests/unit/deploy/test_commerce_alerts_rev15.py checks them against a live serve's /metrics).
SERVE_GROUPS = {"gate-commerce-alerts"}


def stream_rules() -> list[dict[str, str]]:
    groups = yaml.safe_load(RULES.read_text())["groups"]
    return [rule for group in groups if group["name"] not in SERVE_GROUPS for rule in group["rules"]]


def test_rules_use_only_exported_metrics_or_recorded_series() -> None:
    recorded = {r["record"] for r in rules() if "record" in r}
    exported = exported_names()
    for rule in stream_rules():
        names = metric_names(rule["expr"])
        assert names, rule
        assert names <= exported | recorded, (rule.get("alert") or rule.get("record"), names)


def test_the_chart_ships_the_same_rules() -> None:
    assert (ROOT / "helm/gate/files/gate-rules.yaml").read_text() == RULES.read_text(), (
        "cp deploy/prometheus/gate-rules.yaml helm/gate/files/gate-rules.yaml"
    )
