"""OpenTelemetry tracing: a provider configured only from the standard ``OTEL_*`` environment variables,
W3C trace-context propagation through Kafka headers, and the gate's span helpers.

Spans: ``gate.batch`` (one consumed batch), ``gate.event`` (one event, child of the producer's context when
its headers carry one), ``gate.check.<name>`` (one check on one event). Span attributes are fixed by the
helpers' parameters: event id, verdict, reason codes, policy version, partition and offset. There is no
free-form attribute path, so no personal data can ride along.
"""

from __future__ import annotations

import functools
import importlib
import os
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from opentelemetry import trace
from opentelemetry.context import Context
from opentelemetry.propagators.textmap import Getter
from opentelemetry.sdk.resources import SERVICE_NAME, OTELResourceDetector, Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, ConsoleSpanExporter, SpanExporter
from opentelemetry.trace import Span
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator

from gate.errors import ConfigError
from gate.observe.labels import name_label, reason_code_label, version_label

__all__ = [
    "KafkaHeaders",
    "batch_span",
    "check_span",
    "configure_tracing",
    "event_span",
    "extract_context",
    "inject_headers",
    "record_outcome",
    "set_tracestate_propagation",
    "tracer",
]

# confluent-kafka gives headers as a list of (key, value) with value possibly None.
KafkaHeaders = Sequence[tuple[str, bytes | None]]

_INSTRUMENTATION = "gate"
_W3C_KEYS = ("traceparent", "tracestate")
# Only W3C trace context, never baggage: baggage is free-form, may carry personal data, and the brief for
# these headers is exactly traceparent/tracestate. Hence this propagator rather than the global one.
_PROPAGATOR = TraceContextTextMapPropagator()
# `tracestate` is vendor free text (up to 32 key=value members): read only when configured
# (`propagate_tracestate`) and only when the scanner finds no personal data in it. Otherwise the
# producer's state is dropped, so it reaches neither spans nor output headers; `traceparent` (a fixed
# hex format) always propagates.
_TRACESTATE = {"enabled": False}


def set_tracestate_propagation(enabled: bool) -> None:
    """Whether producers' ``tracestate`` headers are read (after a scan) and so propagated."""
    _TRACESTATE["enabled"] = enabled


def _tracestate_clean(value: str) -> bool:
    from gate.scanning.identifiers import identifier_findings  # noqa: PLC0415 - only when enabled

    members = [member.strip() for member in value.split(",")]
    return not any(identifier_findings(member, path="/tracestate") for member in members if member)


_CHECK_NAME = re.compile(r"[a-z][a-z0-9_.-]{0,63}")


def _exporter(name: str) -> SpanExporter:
    if name == "console":
        return ConsoleSpanExporter()
    if name == "otlp":
        protocol = os.environ.get("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL") or os.environ.get(
            "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"
        )
        if protocol != "http/protobuf":
            raise ConfigError(f"OTLP protocol {protocol!r} is not supported: set it to http/protobuf")
        try:
            module = importlib.import_module("opentelemetry.exporter.otlp.proto.http.trace_exporter")
        except ImportError:
            raise ConfigError(
                "OTEL_TRACES_EXPORTER=otlp needs the optional package opentelemetry-exporter-otlp-proto-http "
                "(pip install 'gate[otlp]'), or set OTEL_TRACES_EXPORTER=none"
            ) from None
        # It reads OTEL_EXPORTER_OTLP_* (endpoint, headers, timeout) itself.
        exporter: SpanExporter = module.OTLPSpanExporter()
        return exporter
    raise ConfigError(f"unsupported OTEL_TRACES_EXPORTER value {name!r}: use none, console or otlp")


def configure_tracing(
    service_name: str, *, install_global: bool = True, propagate_tracestate: bool = False
) -> TracerProvider:
    """A `TracerProvider` built from ``OTEL_*`` env vars only; installed as the global one by default.

    ``OTEL_TRACES_EXPORTER`` (comma-separated): unset or ``none`` -> no exporter (spans are still created,
    so trace context still propagates to the output headers); ``console``; ``otlp`` (HTTP/protobuf, needs
    the ``otlp`` extra). Sampler, batch processor and OTLP endpoint come from their own ``OTEL_*`` vars
    through the SDK. ``OTEL_SERVICE_NAME``/``OTEL_RESOURCE_ATTRIBUTES`` win over `service_name`.
    Raises `ConfigError` for an unknown exporter or a missing OTLP package. The SDK flushes at exit.
    With `propagate_tracestate` (setting ``propagate_tracestate``), a producer's ``tracestate`` in which
    the scanner finds no personal data is propagated too; by default only ``traceparent`` is.
    """
    set_tracestate_propagation(propagate_tracestate)
    detected = OTELResourceDetector().detect()
    defaults = {} if SERVICE_NAME in detected.attributes else {SERVICE_NAME: service_name}
    names = [n.strip().lower() for n in os.environ.get("OTEL_TRACES_EXPORTER", "none").split(",")]
    # Build every exporter before touching global state, so a bad value leaves nothing half-configured.
    exporters = [_exporter(n) for n in names if n and n != "none"]
    provider = TracerProvider(resource=Resource.create(defaults))
    for exporter in exporters:
        provider.add_span_processor(BatchSpanProcessor(exporter))
    if install_global:
        trace.set_tracer_provider(provider)
    return provider


@functools.lru_cache(maxsize=8)
def tracer(provider: trace.TracerProvider | None = None) -> trace.Tracer:
    """The gate's tracer, from `provider` or the global provider (cached: it is asked for per event).

    Caching the global one is safe: before `configure_tracing` it is a proxy that follows the provider
    installed later.
    """
    return trace.get_tracer(_INSTRUMENTATION, tracer_provider=provider)


class _HeaderGetter(Getter[KafkaHeaders]):
    """Reads W3C keys from Kafka header tuples (duplicates allowed, names compared case-insensitively)."""

    def get(self, carrier: KafkaHeaders, key: str) -> list[str] | None:
        key = key.lower()
        if key == "tracestate" and not _TRACESTATE["enabled"]:
            return None
        values = [
            v.decode("ascii", errors="replace")
            for k, v in carrier
            if k.lower() == key and isinstance(v, bytes)
        ]
        if key == "tracestate" and not all(_tracestate_clean(v) for v in values):
            return None
        return values or None

    def keys(self, carrier: KafkaHeaders) -> list[str]:
        return [k for k, _ in carrier if k.lower() in _W3C_KEYS]


_GETTER = _HeaderGetter()


def extract_context(headers: KafkaHeaders | None) -> Context:
    """The remote trace context in `headers` (a fresh root context when there is none or it is invalid)."""
    return _PROPAGATOR.extract(headers or (), getter=_GETTER)


def inject_headers(context: Context | None = None) -> tuple[tuple[str, bytes], ...]:
    """``traceparent``/``tracestate`` headers for the span in `context` (default: the current span);
    ``tracestate`` only as far as it was read (see `set_tracestate_propagation`)."""
    carrier: dict[str, str] = {}
    _PROPAGATOR.inject(carrier, context=context)
    return tuple((k, carrier[k].encode("ascii")) for k in _W3C_KEYS if k in carrier)


@contextmanager
def batch_span(size: int, *, provider: trace.TracerProvider | None = None) -> Iterator[Span]:
    """The ``gate.batch`` span around one consumed batch of `size` records (made current)."""
    with tracer(provider).start_as_current_span("gate.batch", attributes={"gate.batch.size": size}) as span:
        yield span


@contextmanager
def event_span(
    event_id: str,
    *,
    headers: KafkaHeaders | None = None,
    partition: int | None = None,
    offset: int | None = None,
    provider: trace.TracerProvider | None = None,
) -> Iterator[Span]:
    """The ``gate.event`` span for one event, made current.

    Its parent is the producer's span when `headers` carry a valid ``traceparent``, else the current span
    (the batch). The batch span is then linked instead, so the batch's trace still reaches this event.
    """
    attributes: dict[str, str | int] = {"gate.event_id": event_id}
    if partition is not None:
        attributes["messaging.destination.partition.id"] = str(partition)
    if offset is not None:
        attributes["messaging.kafka.offset"] = offset
    remote = extract_context(headers)
    links: list[trace.Link] = []
    if trace.get_current_span(remote).get_span_context().is_valid:
        current = trace.get_current_span().get_span_context()
        links = [trace.Link(current)] if current.is_valid else []
        parent: Context | None = remote
    else:
        parent = None
    with tracer(provider).start_as_current_span(
        "gate.event", context=parent, attributes=attributes, links=links
    ) as span:
        yield span


@contextmanager
def check_span(name: str, *, provider: trace.TracerProvider | None = None) -> Iterator[Span]:
    """The ``gate.check.<name>`` child span of the current span, for one check."""
    safe = name if _CHECK_NAME.fullmatch(name) else "invalid"
    with tracer(provider).start_as_current_span(f"gate.check.{safe}") as span:
        yield span


def record_outcome(span: Span, *, verdict: str, reason_codes: Sequence[str], policy_version: str) -> None:
    """Attach the decision (verdict, reason codes, policy version) to an event span."""
    span.set_attributes(
        {
            "gate.verdict": name_label(verdict),
            "gate.reason_codes": sorted({reason_code_label(c) for c in reason_codes}),
            "gate.policy_version": version_label(policy_version),
        }
    )
