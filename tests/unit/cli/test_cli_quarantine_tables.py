"""What `gate quarantine ls|show` and `gate inventory export` print from records: text written by people and
producers (release notes, model names) is shown as written, never read as rich markup, and a reason code
that three entities share is listed once."""

from __future__ import annotations

import json
from typing import Any

import pytest

import gate.replay.read
from gate.cli.main import main
from gate.core.record import InboundRecord


def _decision(verdict: str, *, review: dict[str, Any] | None = None) -> dict[str, Any]:
    reasons = [
        {
            "check": "parameters",
            "code": "params.personal_data",
            "entity": e,
            "path": "/p",
            "outcome": "quarantine",
        }
        for e in ("EMAIL_ADDRESS", "PERSON", "PHONE_NUMBER")
    ]
    doc: dict[str, Any] = {
        "event_id": "sku-1",
        "source": "studio",
        "verdict": verdict,
        "reasons": reasons,
        "policy": {"version": "2026.12.1", "sha256": "0" * 64},
        "input": {"topic": "images.ingest", "partition": 0, "offset": 0, "raw": "e30="},
    }
    if review is not None:
        doc["review"] = review
    return doc


@pytest.fixture
def quarantine_with_a_marked_up_note(monkeypatch: pytest.MonkeyPatch) -> None:
    released = _decision(
        "rejected", review={"reviewer": "rev-[/b]", "note": "ok [/b] see [red]ticket[/red] 7"}
    )
    docs = [("images.quarantine", _decision("quarantined")), ("images.rejected", released)]
    records = [
        InboundRecord(topic, 0, i, b"sku-1", json.dumps(doc).encode(), timestamp_ms=1_700_000_000_000 + i)
        for i, (topic, doc) in enumerate(docs)
    ]
    monkeypatch.setattr(gate.replay.read, "read_topics", lambda *a, **k: records)


def test_show_prints_a_release_note_with_brackets_as_written(
    quarantine_with_a_marked_up_note: None, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["quarantine", "show", "sku-1", "--bootstrap-servers", "127.0.0.1:1", "--no-progress"])
    out = capsys.readouterr().out
    assert status == 0
    assert "ok [/b] see [red]ticket[/red] 7" in out.replace("\n", "").replace("│", "").replace("  ", " ")


def test_ls_names_a_shared_reason_code_once(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    record = InboundRecord(
        "images.quarantine", 0, 0, b"sku-1", json.dumps(_decision("quarantined")).encode(), timestamp_ms=1
    )
    monkeypatch.setattr(gate.replay.read, "read_topics", lambda *a, **k: [record])
    assert main(["quarantine", "ls", "--bootstrap-servers", "127.0.0.1:1", "--no-progress"]) == 0
    out = capsys.readouterr().out
    assert out.count("params.personal_data") == 1


def test_inventory_totals_show_a_model_name_with_brackets(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    row = {
        "model": {"provider": "acme", "name": "SDXL [turbo]", "version": "[/]"},
        "decided_at": "2026-12-01",
    }
    monkeypatch.setattr("gate.cli.inventory.read_period", lambda args: ([], None, frozenset()))
    monkeypatch.setattr("gate.compliance.inventory.inventory", lambda records, period: [row])
    monkeypatch.setattr("gate.compliance.inventory.as_csv", lambda rows: "")
    assert main(["inventory", "export", "--bootstrap-servers", "127.0.0.1:1"]) == 0
    err = capsys.readouterr().err
    assert "SDXL [turbo]" in err
    assert "[/]" in err
