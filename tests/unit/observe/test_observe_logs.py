"""JSON log lines, the extra-field allow-list guard, and trace ids in log lines."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from typing import Any

import pytest
from opentelemetry.sdk.trace import TracerProvider

from gate.errors import ConfigError
from gate.observe.logs import configure_logging
from gate.observe.tracing import tracer

LOG = logging.getLogger("gate.test.observe")


@pytest.fixture(autouse=True)
def restore_root_logger() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in root.handlers:
        if handler not in handlers:
            root.removeHandler(handler)
    root.setLevel(level)


def lines(stream: io.StringIO) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_json_line_with_allowed_fields() -> None:
    out = io.StringIO()
    configure_logging("info", "json", stream=out)
    LOG.info(
        "event decided",
        extra={
            "event_id": "e-1",
            "verdict": "quarantine",
            "reason_codes": ["pii.email"],
            "policy_version": "7",
        },
    )
    LOG.debug("below the level")
    [entry] = lines(out)
    assert entry["msg"] == "event decided"
    assert entry["level"] == "info"
    assert entry["logger"] == "gate.test.observe"
    assert entry["ts"].endswith("+00:00")
    assert entry["event_id"] == "e-1"
    assert entry["verdict"] == "quarantine"
    assert entry["reason_codes"] == ["pii.email"]
    assert entry["policy_version"] == "7"
    assert "trace_id" not in entry  # no active span
    assert "refused_fields" not in entry


def test_guard_refuses_fields_outside_the_allow_list() -> None:
    out = io.StringIO()
    configure_logging("info", "json", stream=out)
    LOG.warning("odd event", extra={"event_id": "e-2", "prompt": "portrait of Alice Smith", "email": "a@b.c"})
    [entry] = lines(out)
    assert entry["event_id"] == "e-2"
    assert "prompt" not in entry
    assert entry["refused_fields"] == ["email", "prompt"]
    assert "Alice" not in out.getvalue()
    assert "a@b.c" not in out.getvalue()


def test_allow_list_can_be_extended() -> None:
    out = io.StringIO()
    configure_logging("info", "json", stream=out, extra_fields=frozenset({"asset_count"}))
    LOG.info("batch", extra={"asset_count": 3})
    assert lines(out)[0]["asset_count"] == 3


def test_trace_and_span_ids_of_the_active_span() -> None:
    out = io.StringIO()
    configure_logging("info", "json", stream=out)
    with tracer(TracerProvider()).start_as_current_span("gate.event") as span:
        LOG.info("inside")
    ctx = span.get_span_context()
    [entry] = lines(out)
    assert entry["trace_id"] == format(ctx.trace_id, "032x")
    assert entry["span_id"] == format(ctx.span_id, "016x")


def test_exceptions_are_one_json_line() -> None:
    out = io.StringIO()
    configure_logging("info", "json", stream=out)
    try:
        raise ValueError("bad")
    except ValueError:
        LOG.exception("failed", extra={"stage": "produce"})
    [entry] = lines(out)
    assert "ValueError: bad" in entry["exc"]
    assert entry["stage"] == "produce"


def test_text_format_and_guard() -> None:
    out = io.StringIO()
    configure_logging("debug", "text", stream=out)
    LOG.debug("event decided", extra={"verdict": "allow", "prompt": "secret words"})
    text = out.getvalue()
    assert " DEBUG gate.test.observe event decided " in text
    assert "verdict=allow" in text
    assert "secret words" not in text


def test_reconfiguring_replaces_the_handler() -> None:
    first, second = io.StringIO(), io.StringIO()
    configure_logging("info", "json", stream=first)
    configure_logging("info", "json", stream=second)
    LOG.info("once")
    assert first.getvalue() == ""
    assert len(lines(second)) == 1


@pytest.mark.parametrize(("level", "fmt"), [("loud", "json"), ("info", "xml")])
def test_bad_settings_are_config_errors(level: str, fmt: Any) -> None:
    with pytest.raises(ConfigError):
        configure_logging(level, fmt, stream=io.StringIO())
