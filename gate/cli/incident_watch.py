"""The incident watcher of `gate run`: reads the incidents topic at start and every `incident_refresh_s`,
and exports the earliest open deadline (`gate_incident_earliest_deadline_timestamp_seconds`) so the alert
"incident deadline within 24 hours" can fire while the gate runs, whoever opened the incident.

Why `gate run`: it is the one process that is always up and scraped; `gate rescan` exits when done. The
incidents topic holds a handful of small records, so reading it whole each time costs nothing.
"""

from __future__ import annotations

import logging
import threading

from gate.observe.metrics import GateMetrics
from gate.settings import GateSettings

log = logging.getLogger("gate.cli.incident_watch")


def refresh(settings: GateSettings, metrics: GateMetrics) -> None:
    """Read the incidents topic once and set the incident gauges. A failure is logged; the gauges keep
    their last values (the alert stays armed on what was last known)."""
    from gate.cli.review_args import reader_config_of  # noqa: PLC0415
    from gate.core.incident import current_incidents, earliest_open_deadline  # noqa: PLC0415
    from gate.observe.kafka_log import client_logger  # noqa: PLC0415
    from gate.replay.read import read_topics  # noqa: PLC0415

    try:
        # A reader command's log says each line once; this reader lives as long as the gate does.
        config = {
            **reader_config_of(settings),
            "logger": client_logger("gate.kafka.incidents", repeat_s=600.0),
        }
        records = read_topics(config, [settings.topics.incidents], idle_s=1.0, progress=False)
    except Exception as exc:  # never take the gate down for a metric
        log.warning(
            "cannot read the incidents topic; the incident deadline metric keeps its last value",
            extra={"topic": settings.topics.incidents, "error_type": type(exc).__name__},
        )
        return
    found, _ = current_incidents(r.value for r in records)
    open_ones = [d for d in found.values() if d.get("status") == "open"]
    earliest = earliest_open_deadline(open_ones)
    metrics.set_incidents(len(open_ones), earliest.timestamp() if earliest else None)


class IncidentWatcher:
    """A daemon thread calling `refresh` now and every `settings.incident_refresh_s` until stopped."""

    def __init__(self, settings: GateSettings, metrics: GateMetrics) -> None:
        self._settings, self._metrics = settings, metrics
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="gate-incident-watch", daemon=True)

    def start(self) -> None:
        """Start watching."""
        self._thread.start()

    def stop(self) -> None:
        """Stop (returns without waiting for a read under way: the thread is a daemon)."""
        self._stop.set()

    def _loop(self) -> None:
        while not self._stop.is_set():
            refresh(self._settings, self._metrics)
            self._stop.wait(self._settings.incident_refresh_s)
