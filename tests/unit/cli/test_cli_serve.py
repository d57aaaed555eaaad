"""`gate serve` as an operator runs it: a real process on a real port, real requests, a clean stop."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from gate.broker import free_loopback_port
from gate.cli.main import main
from gate.cli.serve import parse_listen
from gate.core.policy import default_policy_path
from gate.demo.images import jpeg_bytes, product_image
from gate.errors import ConfigError
from tests.commerce_webhooks import encode, new_image, post, product_save, strict_policy, write_public_key


def _wait_ready(port: int, process: subprocess.Popen[bytes], timeout_s: float = 60.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError("gate serve did not become ready")


def _wait_for(port: int, *parts: str, timeout_s: float = 30.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as response:
            lines = response.read().decode().splitlines()
        if any(all(part in line for part in parts) for line in lines):
            return
        time.sleep(0.2)
    raise AssertionError(f"no metric line with {parts}")


def test_gate_serve_answers_signed_webhooks_and_stops_cleanly(tmp_path: Path) -> None:
    media = tmp_path / "media"
    (media / "tmp/catalog/product/a/b").mkdir(parents=True)
    (media / "tmp/catalog/product/a/b/photo.jpg").write_bytes(jpeg_bytes(product_image(seed=5)))
    config = tmp_path / "gate.yaml"
    key = write_public_key(tmp_path / "commerce.pem")
    policy = tmp_path / "policy.yaml"
    policy.write_text(default_policy_path().read_text(encoding="utf-8"), encoding="utf-8")
    config.write_text(
        f"policy: {policy}\nfetch:\n  file_roots: [{media}]\ncommerce:\n  webhook_public_key: {key}\n"
    )
    port = free_loopback_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("GATE_")}
    command = ["serve", "--listen", f"127.0.0.1:{port}", "--config", str(config)]
    process = subprocess.Popen(
        [sys.executable, "-m", "gate.cli.main", *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    try:
        _wait_ready(port, process)
        answer = post(port, encode(product_save({"n": new_image("/a/b/photo.jpg.tmp")})))
        assert (answer.status, answer.body) == (200, {"op": "success"})
        assert post(port, b"{}", signature=None).status == 401
        # SIGHUP reads the policy again, as `gate run` does; the next save is decided by the new one.
        strict_policy(policy, "2026.12.8")
        process.send_signal(signal.SIGHUP)
        _wait_for(port, 'gate_policy_info{sha256="', 'version="2026.12.8"')
        held = post(port, encode(product_save({"n": new_image("/a/b/photo.jpg.tmp")})))
        assert held.body["op"] == "exception" and "provenance.missing" in held.body["message"]
    finally:
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=30)
    assert process.returncode == 0
    lines = [json.loads(line) for line in err.decode().splitlines() if line.startswith("{")]
    messages = [line["msg"] for line in lines]
    assert "commerce webhook listening" in messages and "image decided" in messages
    refused = next(line for line in lines if line["msg"] == "webhook request refused")
    assert refused["audit"]["reason"] == "signature.missing"
    assert "photo" not in err.decode()  # file names stay out of the logs


def test_without_a_public_key_gate_serve_refuses_to_start(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GATE_COMMERCE__WEBHOOK_PUBLIC_KEY", raising=False)
    assert main(["serve", "--listen", "127.0.0.1:0"]) == 2
    err = capsys.readouterr().err
    assert "commerce.webhook_public_key" in err and "Adobe Services > Webhooks" in err
    bad = tmp_path / "bad.pem"
    bad.write_text("not a key")
    monkeypatch.setenv("GATE_COMMERCE__WEBHOOK_PUBLIC_KEY", str(bad))
    assert main(["serve", "--listen", "127.0.0.1:0"]) == 2
    assert "not a PEM public key" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("value", "expected"),
    [("127.0.0.1:8080", ("127.0.0.1", 8080)), ("0.0.0.0:0", ("0.0.0.0", 0)), ("[::1]:9000", ("::1", 9000))],
)
def test_listen_addresses(value: str, expected: tuple[str, int]) -> None:
    assert parse_listen(value) == expected


@pytest.mark.parametrize("value", ["8080", "localhost", ":8080", "host:port", "host:70000"])
def test_listen_addresses_that_are_refused(value: str) -> None:
    with pytest.raises(ConfigError, match="HOST:PORT"):
        parse_listen(value)
