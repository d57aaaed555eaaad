"""`gate quarantine ls|show` say their clock is UTC: a reviewer in Berlin read "23:35:32" as local time."""

from __future__ import annotations

import json

import pytest

import gate.replay.read
from gate.cli.main import main
from gate.core.record import InboundRecord
from tests.unit.cli.test_cli_quarantine_tables import _decision

# 2026-12-06T23:35:32Z: Berlin's 00:35 on the 7th
AT_MS = 1_796_600_132_000


@pytest.mark.parametrize("command", [["ls"], ["show", "sku-1"]])
def test_times_are_labelled_utc_and_are_utc(
    command: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")
    doc = json.dumps(_decision("quarantined")).encode()
    record = InboundRecord("images.quarantine", 0, 0, b"sku-1", doc, timestamp_ms=AT_MS)
    monkeypatch.setattr(gate.replay.read, "read_topics", lambda *a, **k: [record])
    args = ["quarantine", *command, "--bootstrap-servers", "127.0.0.1:1", "--no-progress"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "decided at (UTC)" in out and "2026-12-06 23:35:32" in out
