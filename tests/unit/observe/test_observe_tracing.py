"""Trace context through Kafka headers, the gate's spans, and provider configuration from OTEL_* env."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator, Sequence
from typing import ClassVar

import pytest
from opentelemetry import trace
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor, SpanExporter, SpanExportResult
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from gate.errors import ConfigError
from gate.observe import tracing
from gate.observe.tracing import (
    batch_span,
    check_span,
    configure_tracing,
    event_span,
    extract_context,
    inject_headers,
    record_outcome,
)

TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"
PARENT_ID = "00f067aa0ba902b7"
TRACEPARENT = f"00-{TRACE_ID}-{PARENT_ID}-01"


@pytest.fixture
def exporter() -> InMemorySpanExporter:
    return InMemorySpanExporter()


@pytest.fixture
def provider(exporter: InMemorySpanExporter) -> TracerProvider:
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    return provider


def finished(exporter: InMemorySpanExporter, name: str) -> ReadableSpan:
    [span] = [s for s in exporter.get_finished_spans() if s.name == name]
    return span


def test_round_trip_keeps_trace_id_and_changes_span_id(
    provider: TracerProvider, exporter: InMemorySpanExporter
) -> None:
    headers = [("content-type", b"application/json"), ("traceparent", TRACEPARENT.encode()), ("x", None)]
    with event_span("e-1", headers=headers, provider=provider) as span:
        out = dict(inject_headers())
    version, trace_id, span_id, flags = out["traceparent"].decode().split("-")
    assert (version, trace_id, flags) == ("00", TRACE_ID, "01")
    assert span_id != PARENT_ID
    assert span_id == format(span.get_span_context().span_id, "016x")
    event = finished(exporter, "gate.event")
    assert event.parent is not None
    assert format(event.parent.span_id, "016x") == PARENT_ID


@pytest.fixture
def tracestate_setting() -> Iterator[None]:
    yield
    tracing.set_tracestate_propagation(False)


# (propagation enabled, tracestate sent, tracestate expected in the output headers and the span)
TRACESTATE_CASES = [
    (False, b"vendor=abc", None),  # off by default: vendor free text is not copied
    (False, b"congo=t61rcWkgMzE,rojo=00f067aa0ba902b7", None),
    (True, b"vendor=abc", "vendor=abc"),
    (True, b"congo=t61rcWkgMzE,rojo=00f067aa0ba902b7", "congo=t61rcWkgMzE,rojo=00f067aa0ba902b7"),
    (True, b"vendor=jane.doe@example.com", None),  # an email
    (True, b"vendor=abc,who=Jane.Doe", None),  # a name in one member drops the whole state
    (True, b"pay=4111-1111-1111-1111", None),  # a card number
    (True, b"tel=0049-151-23456789", None),  # a phone written without its "+"
    (True, b"vendor=jane%40example.com", None),  # URL-encoded email
    (True, b"user=anna.kowalska", None),  # a lower-case name after its member's "="
    (True, b"dd=s:1;o:rum;usr:maria.garcia", None),  # inside a vendor's own ";"-separated fields
    (True, b"dd=s:1;o:rum;t.dm:-0", "dd=s:1;o:rum;t.dm:-0"),
]


@pytest.mark.parametrize(("enabled", "sent", "expected"), TRACESTATE_CASES)
def test_tracestate_propagates_only_when_enabled_and_clean(
    provider: TracerProvider,
    exporter: InMemorySpanExporter,
    tracestate_setting: None,
    enabled: bool,
    sent: bytes,
    expected: str | None,
) -> None:
    tracing.set_tracestate_propagation(enabled)
    headers = [("traceparent", TRACEPARENT.encode()), ("tracestate", sent)]
    with event_span("e-1", headers=headers, provider=provider):
        out = dict(inject_headers())
    assert out["traceparent"].decode().split("-")[1] == TRACE_ID  # traceparent always propagates
    assert out.get("tracestate") == (expected.encode() if expected else None)
    span_state = finished(exporter, "gate.event").get_span_context().trace_state.to_header()
    assert span_state == (expected or "")


def test_configure_tracing_sets_tracestate_propagation(tracestate_setting: None) -> None:
    configure_tracing("gate-test", install_global=False, propagate_tracestate=True)
    assert tracing._TRACESTATE["enabled"]
    configure_tracing("gate-test", install_global=False)
    assert not tracing._TRACESTATE["enabled"]


def test_baggage_is_neither_read_nor_forwarded(provider: TracerProvider) -> None:
    headers = [("traceparent", TRACEPARENT.encode()), ("baggage", b"user.email=alice%40example.com")]
    with event_span("e-1", headers=headers, provider=provider):
        out = dict(inject_headers())
    assert set(out) == {"traceparent"}


@pytest.mark.parametrize(
    "headers", [None, [], [("traceparent", b"garbage")], [("traceparent", None)], [("traceparent", b"\xff")]]
)
def test_missing_or_invalid_context_gives_no_parent(headers: tracing.KafkaHeaders | None) -> None:
    assert not trace.get_current_span(extract_context(headers)).get_span_context().is_valid


def test_inject_outside_any_span_is_empty() -> None:
    assert inject_headers() == ()


def test_span_tree_batch_event_check(provider: TracerProvider, exporter: InMemorySpanExporter) -> None:
    with batch_span(2, provider=provider):
        with (
            event_span("e-1", partition=3, offset=17, provider=provider),
            check_span("provenance", provider=provider),
        ):
            pass
        with event_span("e-2", headers=[("traceparent", TRACEPARENT.encode())], provider=provider):
            pass
    batch = finished(exporter, "gate.batch")
    spans = exporter.get_finished_spans()
    events = {s.attributes["gate.event_id"]: s for s in spans if s.name == "gate.event" and s.attributes}
    check = finished(exporter, "gate.check.provenance")
    # Without upstream context the event is a child of the batch, and the check a child of the event.
    assert events["e-1"].parent is not None and events["e-1"].parent.span_id == batch.context.span_id
    assert check.parent is not None and check.parent.span_id == events["e-1"].context.span_id
    assert events["e-1"].attributes == {
        "gate.event_id": "e-1",
        "messaging.destination.partition.id": "3",
        "messaging.kafka.offset": 17,
    }
    # With upstream context the event continues the producer's trace and links back to the batch.
    assert format(events["e-2"].context.trace_id, "032x") == TRACE_ID
    assert [link.context.span_id for link in events["e-2"].links] == [batch.context.span_id]


def test_record_outcome_and_check_names_are_sanitised(
    provider: TracerProvider, exporter: InMemorySpanExporter
) -> None:
    with event_span("e-1", provider=provider) as span:
        record_outcome(span, verdict="quarantine", reason_codes=["pii.email", "x y"], policy_version="2024.7")
        with check_span("Alice's check", provider=provider):
            pass
    event = finished(exporter, "gate.event")
    assert event.attributes is not None
    assert event.attributes["gate.verdict"] == "quarantine"
    assert event.attributes["gate.reason_codes"] == ("invalid_code", "pii.email")
    assert event.attributes["gate.policy_version"] == "2024.7"
    assert finished(exporter, "gate.check.invalid")


class RecordingExporter(SpanExporter):
    exported: ClassVar[list[str]] = []

    def export(self, spans: Sequence[ReadableSpan]) -> SpanExportResult:
        self.exported.extend(s.name for s in spans)
        return SpanExportResult.SUCCESS


def test_console_exporter_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    RecordingExporter.exported = []
    monkeypatch.setattr(tracing, "ConsoleSpanExporter", RecordingExporter)
    monkeypatch.setenv("OTEL_TRACES_EXPORTER", "console")
    provider = configure_tracing("gate", install_global=False)
    with batch_span(1, provider=provider):
        pass
    provider.force_flush()
    provider.shutdown()
    assert RecordingExporter.exported == ["gate.batch"]


@pytest.mark.parametrize("value", [None, "none"])
def test_no_exporter_still_makes_real_spans(monkeypatch: pytest.MonkeyPatch, value: str | None) -> None:
    def refuse() -> None:
        raise AssertionError("no exporter expected")

    monkeypatch.setattr(tracing, "ConsoleSpanExporter", refuse)
    if value is None:
        monkeypatch.delenv("OTEL_TRACES_EXPORTER", raising=False)
    else:
        monkeypatch.setenv("OTEL_TRACES_EXPORTER", value)
    provider = configure_tracing("gate", install_global=False)
    with event_span("e-1", provider=provider):
        assert dict(inject_headers())["traceparent"].startswith(b"00-")


def test_service_name_env_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OTEL_TRACES_EXPORTER", raising=False)
    monkeypatch.delenv("OTEL_RESOURCE_ATTRIBUTES", raising=False)
    monkeypatch.delenv("OTEL_SERVICE_NAME", raising=False)
    assert configure_tracing("gate", install_global=False).resource.attributes["service.name"] == "gate"
    monkeypatch.setenv("OTEL_SERVICE_NAME", "gate-eu")
    assert configure_tracing("gate", install_global=False).resource.attributes["service.name"] == "gate-eu"


def otlp_installed() -> bool:
    try:
        return importlib.util.find_spec("opentelemetry.exporter.otlp.proto.http") is not None
    except ModuleNotFoundError:  # find_spec imports the parent packages, which may not exist
        return False


@pytest.mark.skipif(otlp_installed(), reason="the OTLP exporter is installed")
def test_otlp_without_the_package_is_a_clear_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OTEL_TRACES_EXPORTER", "otlp")
    with pytest.raises(ConfigError, match="opentelemetry-exporter-otlp-proto-http"):
        configure_tracing("gate", install_global=False)


@pytest.mark.parametrize("value", ["zipkin", "console,jaeger"])
def test_unknown_exporter_is_a_config_error(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("OTEL_TRACES_EXPORTER", value)
    with pytest.raises(ConfigError, match="OTEL_TRACES_EXPORTER"):
        configure_tracing("gate", install_global=False)


def test_otlp_grpc_protocol_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OTEL_TRACES_EXPORTER", "otlp")
    monkeypatch.setenv("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc")
    with pytest.raises(ConfigError, match="http/protobuf"):
        configure_tracing("gate", install_global=False)
