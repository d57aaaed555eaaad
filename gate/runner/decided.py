"""What the loop says of each committed batch: a log line per held-back event (approvals only at DEBUG)
and the decision metrics, with the latency from fetch to committed verdict."""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence

from gate.core.record import RoutedRecord
from gate.model import Verdict
from gate.observe.observer import Observer
from gate.runner.batching import Batch

log = logging.getLogger("gate.runner")


def report_decisions(observer: Observer, batch: Batch, routed: Sequence[RoutedRecord]) -> None:
    """Log and count the decisions of `batch`, committed as `routed`."""
    latency = time.monotonic() - batch.fetched_at  # from fetch to committed verdict
    # Held-back events are what operators act on; approvals only at debug to keep volume sane. The
    # levels are asked once per batch: asking per event was a measurable part of the loop's Python.
    held, approved = log.isEnabledFor(logging.INFO), log.isEnabledFor(logging.DEBUG)
    if held or approved:
        for record in routed:
            level = logging.DEBUG if record.verdict is Verdict.APPROVED else logging.INFO
            if approved or level == logging.INFO:
                log.log(
                    level,
                    "event decided",
                    extra={
                        "event_id": record.key.decode("utf-8", "replace"),
                        "verdict": record.verdict.value,
                        "reason_codes": list(record.reason_codes),
                    },
                )
    observer.events_decided(routed, latency)
