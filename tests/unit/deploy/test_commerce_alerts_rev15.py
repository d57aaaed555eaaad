"""`gate serve`'s alerts: a Commerce operator's outage (a regenerated key pair refuses every product save; a
fail mode that lets saves through undecided) had no alert, runbook section or rule test before rev15.

The group's expressions are checked against the /metrics of a real `gate serve` process, the one that
exports them (a `gate run` pod does not), after it answered a signed save and refused an unsigned one.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import yaml

from gate.broker import free_loopback_port
from gate.core.policy import default_policy_path
from gate.demo.images import jpeg_bytes, product_image
from tests.commerce_webhooks import encode, new_image, post, product_save, write_public_key
from tests.promql_names import metric_names
from tests.unit.cli.test_cli_serve import _wait_ready
from tests.unit.deploy.test_prometheus_rules import RULES, RUNBOOK, SERVE_GROUPS, anchors

ALERTS = {"GateCommerceWebhookUnauthorized", "GateCommerceSavesUndecided", "GateCommerceSavesFailedClosed"}


def _serve_rules() -> list[dict[str, object]]:
    groups = yaml.safe_load(RULES.read_text())["groups"]
    return [rule for group in groups if group["name"] in SERVE_GROUPS for rule in group["rules"]]


def test_the_webhook_has_alerts_for_refused_signatures_and_both_fail_modes() -> None:
    rules = _serve_rules()
    assert {rule["alert"] for rule in rules} == ALERTS
    known = anchors(RUNBOOK.read_text())
    for rule in rules:
        anchor = str(rule["annotations"]["runbook_url"]).partition("#")[2]  # type: ignore[index]
        assert anchor in known, rule["alert"]
    # undecided images going live is the one that pages without waiting
    undecided = next(r for r in rules if r["alert"] == "GateCommerceSavesUndecided")
    assert "for" not in undecided and undecided["labels"] == {"severity": "page"}


def test_every_metric_the_webhook_alerts_name_is_on_a_live_gate_serve(tmp_path: Path) -> None:
    media = tmp_path / "media"
    (media / "tmp/catalog/product/a/b").mkdir(parents=True)
    (media / "tmp/catalog/product/a/b/photo.jpg").write_bytes(jpeg_bytes(product_image(seed=5)))
    policy = tmp_path / "policy.yaml"
    policy.write_text(default_policy_path().read_text(encoding="utf-8"), encoding="utf-8")
    config = tmp_path / "gate.yaml"
    key = write_public_key(tmp_path / "commerce.pem")
    config.write_text(
        f"policy: {policy}\nfetch:\n  file_roots: [{media}]\ncommerce:\n  webhook_public_key: {key}\n"
    )
    port = free_loopback_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("GATE_")}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gate.cli.main",
            "serve",
            "--listen",
            f"127.0.0.1:{port}",
            "--config",
            str(config),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    try:
        _wait_ready(port, process)
        assert post(port, encode(product_save({"n": new_image("/a/b/photo.jpg.tmp")}))).status == 200
        assert post(port, b"{}", signature=None).status == 401
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10) as response:
            scraped = response.read().decode()
    finally:
        process.send_signal(signal.SIGTERM)
        process.communicate(timeout=30)
    exported = {
        line.split("{")[0].split(" ")[0] for line in scraped.splitlines() if line and not line.startswith("#")
    }
    for rule in _serve_rules():
        names = metric_names(str(rule["expr"]))
        assert names and names <= exported, (rule["alert"], names - exported)
    # bounded labels: the answer and the cause come from fixed sets, never from a request
    assert 'gate_commerce_requests_total{answer="unauthorized"} 1.0' in scraped
