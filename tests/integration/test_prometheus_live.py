"""A real Prometheus scrapes a live `gate run` on the embedded broker and evaluates what we ship.

Traffic: the demo's sample set (every verdict), then a flood of undecodable events that trips the flood guard.
Then, through Prometheus's HTTP API: every dashboard panel query returns series; every alert's signals (the
measured side of each threshold) return series; the flood-guard alert fires. Every metric name a query uses
is in the gate's own /metrics. The rules are rendered for the test with short `for:` durations only; the
expressions are the shipped ones.
"""

from __future__ import annotations

import json
import re
import subprocess
import time
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from confluent_kafka import Producer
from harness import gate_env, running_gate, wait_for

from gate.broker import EmbeddedBroker, free_loopback_port
from gate.demo.samples import build_samples
from gate.model import Verdict
from gate.provenance import create_dev_pki
from gate.settings import TopicSettings
from tests.debian_tools import require_tool
from tests.promql_names import for_prometheus, metric_names, signals

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def fetch(url: str) -> str:
    with _OPENER.open(url, timeout=10) as response:
        return str(response.read().decode())


def render_test_rules(shipped: Path, target: Path) -> None:
    """The shipped rules with every `for:` shortened to 1 s, so a short test can see alerts fire."""
    text = re.sub(r"^(\s+)for: \S+$", r"\1for: 1s", shipped.read_text(), flags=re.MULTILINE)
    target.write_text(text)


@pytest.fixture
def live_gate(
    broker: EmbeddedBroker, gate_topics: TopicSettings, group_id: str, tmp_path: Path
) -> Iterator[tuple[int, Any]]:
    pki = create_dev_pki(tmp_path / "pki")
    flood_guard = {
        "GATE_KAFKA": json.dumps({"statistics.interval.ms": "1000"}),
        "GATE_FLOOD_GUARD__WINDOW_EVENTS": "20",
        "GATE_FLOOD_GUARD__MIN_EVENTS": "10",
        "GATE_FLOOD_GUARD__MAX_HELD_RATIO": "0.5",
    }
    env = gate_env(
        broker.bootstrap_servers,
        pki,
        tmp_path / "store",
        gate_topics,
        workers=1,
        group_id=group_id,
        extra=flood_guard,
    )
    with running_gate(env, tmp_path / "gate.log", "--log-format", "json") as gate:
        yield gate.port, pki


@pytest.fixture
def prometheus(live_gate: tuple[int, Any], tmp_path: Path) -> Iterator[str]:
    binary = require_tool("prometheus")
    gate_port, _ = live_gate
    rules = tmp_path / "gate-rules.yaml"
    render_test_rules(ROOT / "deploy/prometheus/gate-rules.yaml", rules)
    config = tmp_path / "prometheus.yml"
    config.write_text(
        yaml.safe_dump(
            {
                "global": {"scrape_interval": "1s", "evaluation_interval": "1s"},
                "rule_files": [str(rules)],
                "scrape_configs": [
                    {"job_name": "gate", "static_configs": [{"targets": [f"127.0.0.1:{gate_port}"]}]}
                ],
            }
        )
    )
    port = free_loopback_port()
    log = (tmp_path / "prometheus.log").open("wb")
    process = subprocess.Popen(
        [
            binary,
            f"--config.file={config}",
            f"--storage.tsdb.path={tmp_path / 'tsdb'}",
            f"--web.listen-address=127.0.0.1:{port}",
        ],
        stdout=log,
        stderr=log,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: _answers(f"{url}/-/ready"), 60, "Prometheus ready")
        yield url
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _answers(url: str) -> bool:
    try:
        fetch(url)
    except OSError:
        return False
    return True


def query(prometheus: str, expr: str) -> list[dict[str, Any]]:
    answer = json.loads(fetch(f"{prometheus}/api/v1/query?" + urllib.parse.urlencode({"query": expr})))
    assert answer["status"] == "success", (expr, answer)
    result: list[dict[str, Any]] = answer["data"]["result"]
    return result


def dashboard_queries() -> list[tuple[str, str]]:
    board = json.loads((ROOT / "deploy/grafana/gate.json").read_text())
    return [
        (panel["title"], target["expr"]) for panel in board["panels"] for target in panel.get("targets") or []
    ]


def alert_rules() -> list[dict[str, Any]]:
    """The rules over `gate run`'s metrics (the `gate serve` group is checked against a live serve in
    tests/unit/deploy/test_commerce_alerts_rev15.py)."""
    groups = yaml.safe_load((ROOT / "deploy/prometheus/gate-rules.yaml").read_text())["groups"]
    return [rule for group in groups if group["name"] != "gate-commerce-alerts" for rule in group["rules"]]


def test_dashboard_and_alerts_on_a_real_prometheus(
    broker: EmbeddedBroker,
    gate_topics: TopicSettings,
    live_gate: tuple[int, Any],
    prometheus: str,
    tmp_path: Path,
) -> None:
    gate_port, pki = live_gate
    producer = Producer(
        {"bootstrap.servers": broker.bootstrap_servers, "message.max.bytes": 16 * 1024 * 1024}
    )
    samples = build_samples(
        pki,
        create_dev_pki(tmp_path / "untrusted", organisation="unknown vendor"),
        size=(96, 72),
        prefix=f"prom-{uuid.uuid4().hex[:6]}",
    )
    for sample in samples:
        producer.produce(gate_topics.ingest, key=sample.key, value=sample.value)
    assert producer.flush(10) == 0
    wait_for(lambda: _decided(prometheus) >= len(samples), 120, "the samples decided, seen by Prometheus")

    # A generator gone wrong: every event is one the policy quarantines (untrusted signer, no manifest...).
    held = [s for s in samples if s.expected is Verdict.QUARANTINED]
    for n in range(60):
        producer.produce(gate_topics.ingest, key=f"flood-{n}".encode(), value=held[n % len(held)].value)
    assert producer.flush(10) == 0
    wait_for(lambda: _firing(prometheus, "GateFloodGuardTripped"), 120, "the flood-guard alert fires")

    exported = {
        line.split("{")[0].split(" ")[0]
        for line in fetch(f"http://127.0.0.1:{gate_port}/metrics").splitlines()
        if line and not line.startswith("#")
    }
    recorded = {rule["record"] for rule in alert_rules() if "record" in rule}
    for title, expr in dashboard_queries():
        assert metric_names(expr) <= exported, (title, metric_names(expr) - exported)
    for rule in alert_rules():
        assert metric_names(rule["expr"]) <= exported | recorded, rule.get("alert") or rule["record"]

    # Rates and deriv() need two scrapes and rule evaluations after the flood (1 s apart, later on a loaded
    # machine): wait until every panel and signal has series, then say which had none.
    deadline = time.monotonic() + 60
    while (empty := _without_series(prometheus)) and time.monotonic() < deadline:
        time.sleep(1)
    assert empty == [], f"dashboard panels and alert signals without series: {empty}"


def _without_series(prometheus: str) -> list[str]:
    """The dashboard panels and alert-rule signals whose query answers no series."""
    empty = [title for title, expr in dashboard_queries() if not query(prometheus, for_prometheus(expr))]
    for rule in alert_rules():
        name = rule.get("alert") or rule["record"]
        empty += [f"{name}: {e}" for e in signals(rule["expr"]) if not query(prometheus, e)]
    return empty


def _decided(prometheus: str) -> float:
    return sum(float(s["value"][1]) for s in query(prometheus, "gate_events_total"))


def _firing(prometheus: str, alert: str) -> bool:
    alerts = json.loads(fetch(f"{prometheus}/api/v1/alerts"))["data"]["alerts"]
    return any(a["labels"]["alertname"] == alert and a["state"] == "firing" for a in alerts)
