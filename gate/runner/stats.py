"""Consumer lag and broker reachability from librdkafka's statistics JSON (delivered via `stats_cb`)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from gate.observe.observer import Observer
from gate.runner.health import RunnerHealth

# A partition with this fetch state is assigned to us and being consumed.
_ACTIVE_FETCH_STATES = frozenset({"active", "offset-query", "offset-wait"})


def partition_lag(partition: Mapping[str, Any]) -> int | None:
    """Records between our position and the end of the partition, or None when it is not known yet.

    read_committed consumers can only reach the last stable offset (`ls_offset`), so lag is measured to it.
    Our position is the next record the application will see (`app_offset`), falling back to the committed
    offset before the first fetch. Note: Tansu reports a wrong high watermark when a partition's last batch
    holds several records, so on Tansu this lag is approximate and can even be negative; it is clamped at 0.
    """
    end = partition.get("ls_offset", -1)
    if end is None or end < 0:
        end = partition.get("hi_offset", -1)
    position = partition.get("app_offset", -1)
    if position is None or position < 0:
        position = partition.get("committed_offset", -1)
    if end is None or end < 0 or position is None or position < 0:
        return None
    return max(0, int(end) - int(position))


class StatsListener:
    """Turns each statistics report into `observer.consumer_lag` calls and a broker-reachable flag."""

    def __init__(self, observer: Observer, health: RunnerHealth) -> None:
        self._observer = observer
        self._health = health

    def __call__(self, stats_json: str) -> None:
        """The `stats_cb`: runs inside consume() on the loop thread; never raises into librdkafka."""
        try:
            stats = json.loads(stats_json)
        except ValueError:
            self._observer.error("stats_unparseable")
            return
        self._report_brokers(stats.get("brokers") or {})
        self._report_lag(stats.get("topics") or {})

    def _report_brokers(self, brokers: Mapping[str, Any]) -> None:
        # Bootstrap entries have nodeid -1; a learned broker in state UP means the cluster answers.
        learned = [b for b in brokers.values() if isinstance(b, dict) and b.get("nodeid", -1) >= 0]
        if learned:
            self._health.set_broker_reachable(any(b.get("state") == "UP" for b in learned))

    def _report_lag(self, topics: Mapping[str, Any]) -> None:
        for topic, topic_stats in topics.items():
            partitions = (topic_stats.get("partitions") or {}) if isinstance(topic_stats, dict) else {}
            for key, partition in partitions.items():
                if key == "-1" or not isinstance(partition, dict):
                    continue  # -1 is librdkafka's internal unassigned-partition bucket
                if partition.get("fetch_state") not in _ACTIVE_FETCH_STATES:
                    continue
                lag = partition_lag(partition)
                if lag is not None:
                    self._observer.consumer_lag(topic, int(key), lag)
