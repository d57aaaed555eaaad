"""Two reviewers releasing one event at once: at most one release is written.

Seen on the embedded broker before the fix: `release sku-1 --to approved` and `release sku-1 --to rejected`,
started together, both printed "released" and exited 0; the event had a record in the approved AND the
rejected topic. The release's producer (transactional id per event) now starts before the history is read,
so the later reviewer fences the earlier one's write or reads its committed release; a fenced write says so.
The real fencing is exercised in tests/integration/test_quarantine_replay.py; here, the order and the message.
"""

from __future__ import annotations

import argparse
from typing import Any, ClassVar

import pytest

from gate.cli import quarantine
from gate.core.record import encode_json
from gate.errors import GateError
from gate.model import Verdict
from gate.replay import write
from gate.replay.history import StoredRecord, parse_decision
from gate.replay.release import ReleaseRefused, check_release


class _Stop(Exception):
    pass


def _args(event_id: str = "sku-1") -> argparse.Namespace:
    return argparse.Namespace(event_id=event_id, to="approved", reviewer="rev-1", note="checked")


class _Settings:
    bootstrap_servers = "127.0.0.1:1"
    kafka: ClassVar[dict[str, str]] = {}
    max_message_bytes = 1024


def _fake_writer(order: list[str], fail: Exception | None = None) -> type:
    class Writer:
        def __init__(self, *_: Any, transactional_id: str, **__: Any) -> None:
            order.append(f"init {transactional_id}")

        def commit(self, writes: Any) -> None:
            order.append("commit")
            if fail is not None:
                raise fail

        def __enter__(self) -> Writer:
            return self

        def __exit__(self, *_: Any) -> None:
            order.append("close")

    return Writer


def test_the_release_producer_starts_before_the_history_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    order: list[str] = []
    monkeypatch.setattr(quarantine, "reading_settings", lambda args: _Settings())
    monkeypatch.setattr(write, "TransactionalWriter", _fake_writer(order))

    def read(settings: Any, args: Any, **_: Any) -> Any:
        order.append("read")
        raise _Stop

    monkeypatch.setattr(quarantine, "read_histories", read)
    with pytest.raises(_Stop):
        quarantine._release(_args())
    assert order[:2] == ["init gate-release-sku-1", "read"]


def test_a_fenced_release_says_another_release_won_and_what_to_do(monkeypatch: pytest.MonkeyPatch) -> None:
    order: list[str] = []
    monkeypatch.setattr(quarantine, "reading_settings", lambda args: _Settings())
    monkeypatch.setattr(write, "TransactionalWriter", _fake_writer(order, write.Fenced("fenced")))
    monkeypatch.setattr(quarantine, "_decide_release", lambda *a: (None, Verdict.APPROVED, None, None, []))
    with pytest.raises(GateError) as raised:
        quarantine._release(_args())
    message = str(raised.value)
    assert "not written" in message and "another release of this event" in message
    assert "gate quarantine show 'sku-1'" in message and "release it again" in message
    assert order == ["init gate-release-sku-1", "commit", "close"]


def _current(verdict: str, **extra: Any) -> Any:
    doc = {
        "schema": "gate.decision/1",
        "event_id": "sku-1",
        "verdict": verdict,
        "reasons": [{"code": "provenance.missing", "check": "provenance", "outcome": "quarantine"}],
        "policy": {"version": "v1", "sha256": "a" * 64},
        **extra,
    }
    parsed = parse_decision(StoredRecord("t", 0, 1, b"sku-1", encode_json(doc), (), 1_796_601_600_000))
    assert parsed is not None
    return parsed


@pytest.mark.parametrize(
    ("verdict", "extra", "who"),
    [
        ("approved", {"review": {"reviewer": "rev-7", "note": "ok", "at": "x"}}, "released by rev-7 at "),
        ("rejected", {"replay": {"job": "drain-1", "count": 1}}, "decided by replay job drain-1 at "),
        ("approved", {}, "decided by the gate at "),
    ],
)
def test_releasing_what_is_no_longer_quarantined_says_who_decided_and_what_to_do(
    verdict: str, extra: dict[str, Any], who: str
) -> None:
    with pytest.raises(ReleaseRefused) as raised:
        check_release(_current(verdict, **extra), Verdict.REJECTED)
    message = str(raised.value)
    assert f"this one is {verdict}" in message and who + "2026-12-07T00:00:00Z" in message
    assert "gate quarantine show 'sku-1'" in message
    assert "gate replay --mode reevaluate --force --event-id 'sku-1'" in message


def test_a_broken_file_is_still_refused_with_the_rules_own_words() -> None:
    broken = _current("quarantined")
    broken.doc["reasons"] = [{"code": "asset.hash_mismatch", "check": "integrity", "outcome": "quarantine"}]
    with pytest.raises(ReleaseRefused, match="cannot be accepted by a person"):
        check_release(broken, Verdict.APPROVED)
