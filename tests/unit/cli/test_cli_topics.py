"""`gate topics create` against brokers that do not answer: one line saying what to check, exit 1."""

from __future__ import annotations

from typing import Any

import pytest

import gate.runner.topics
from gate.cli.main import main


def test_unreachable_brokers_are_named_instead_of_a_timeout_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def no_answer(*args: Any, **kwargs: Any) -> list[str]:
        raise TimeoutError  # what the AdminClient future raises when no broker answers in time

    monkeypatch.setattr(gate.runner.topics, "create_topics", no_answer)
    status = main(["topics", "create", "--bootstrap-servers", "127.0.0.1:1"])
    err = capsys.readouterr().err
    assert status == 1
    assert "no answer from the Kafka brokers at 127.0.0.1:1" in err
    assert "--bootstrap-servers" in err
