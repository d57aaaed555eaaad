"""The webhook's own metrics, on the gate's registry beside `gate_events_total` and the per-check histograms.

Labels take values from fixed sets only (answers and fail-mode causes named here), never request data.
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Histogram

from gate.observe.metrics import LATENCY_BUCKETS_S

# How a request was answered: the webhook operation, or the HTTP refusal.
ANSWERS = ("success", "exception", "unauthorized", "too_large", "bad_request")
# Why a request got the configured fail mode's answer instead of a decision.
FAIL_CAUSES = ("budget", "error", "recording")


class CommerceMetrics:
    """`gate_commerce_requests_total{answer}`, `gate_commerce_fail_mode_total{cause,answer}`, and the
    request duration."""

    def __init__(self, registry: CollectorRegistry) -> None:
        """Register on `registry` (the `GateMetrics` one), with a zero series for every label value."""
        self.requests = Counter(
            "gate_commerce_requests",
            "Webhook requests by how they were answered.",
            ["answer"],
            registry=registry,
        )
        self.fail_mode = Counter(
            "gate_commerce_fail_mode",
            "Webhook requests answered by commerce.fail_mode (over budget, internal error, not recorded).",
            ["cause", "answer"],
            registry=registry,
        )
        self.duration = Histogram(
            "gate_commerce_request_duration_seconds",
            "Time from a webhook request's body read to its answer.",
            buckets=LATENCY_BUCKETS_S,
            registry=registry,
        )
        for answer in ANSWERS:
            self.requests.labels(answer=answer)
        for cause in FAIL_CAUSES:
            for answer in ("success", "exception"):
                self.fail_mode.labels(cause=cause, answer=answer)
