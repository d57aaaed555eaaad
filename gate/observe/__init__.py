"""Observability: how the gate reports what it does without touching the decision core.

- `observer`: the `Observer` seam the runner calls (and `NullObserver`).
- `metrics`: the Prometheus bundle `GateMetrics` and `PrometheusObserver` (consumer lag is computed
  from librdkafka statistics in `gate.runner.stats`).
- `labels`: label hygiene (bounded, personal-data-free label values).
- `http`: `ObservabilityServer` for ``/metrics``, ``/healthz``, ``/readyz``.
- `logs`: `configure_logging` (JSON lines with an allow-list guard on extra fields).
- `tracing`: `configure_tracing` from ``OTEL_*`` env vars, Kafka header propagation, span helpers.

Nothing is imported here, so importing `gate.observe.observer` stays cheap for code that only needs the seam.
"""
