"""StatsListener on a hand-written consumer statistics document shaped like STATISTICS.md."""

from __future__ import annotations

import json
from typing import Any

from gate.observe.metrics import GateMetrics, PrometheusObserver
from gate.observe.observer import NullObserver
from gate.runner.health import RunnerHealth
from gate.runner.stats import StatsListener


def partition(pid: int, fetch_state: str, lag: int, *, hi: int = 1000, committed: int = 958) -> dict:
    return {
        "partition": pid,
        "broker": 1,
        "leader": 1,
        "desired": pid >= 0,
        "unknown": False,
        "msgq_cnt": 0,
        "msgq_bytes": 0,
        "xmit_msgq_cnt": 0,
        "xmit_msgq_bytes": 0,
        "fetchq_cnt": 3,
        "fetchq_size": 12840,
        "fetch_state": fetch_state,
        "query_offset": -2,
        "next_offset": committed,
        "app_offset": committed,
        "stored_offset": committed,
        "committed_offset": committed,
        "committed_leader_epoch": 0,
        "eof_offset": -1001,
        "lo_offset": 0,
        "hi_offset": hi,
        "ls_offset": hi,
        "consumer_lag": lag,
        "consumer_lag_stored": lag,
        "leader_epoch": 0,
        "txmsgs": 0,
        "txbytes": 0,
        "rxmsgs": 958,
        "rxbytes": 4110240,
        "msgs": 958,
        "rx_ver_drops": 0,
        "msgs_inflight": 0,
        "next_ack_seq": 0,
        "next_err_seq": 0,
        "acked_msgid": 0,
    }


STATS: dict[str, Any] = {
    "name": "gate#consumer-1",
    "client_id": "gate",
    "type": "consumer",
    "ts": 5016483227792,
    "time": 1732650000,
    "age": 60015000,
    "replyq": 0,
    "msg_cnt": 0,
    "msg_size": 0,
    "msg_max": 100000,
    "msg_size_max": 1073741824,
    "simple_cnt": 0,
    "metadata_cache_cnt": 2,
    "brokers": {
        "127.0.0.1:9092/1": {
            "name": "127.0.0.1:9092/1",
            "nodeid": 1,
            "state": "UP",
            "toppars": {"images.ingest-0": {"topic": "images.ingest", "partition": 0}},
        }
    },
    "topics": {
        "images.ingest": {
            "topic": "images.ingest",
            "age": 60010,
            "metadata_age": 5001,
            "batchsize": {"min": 0, "max": 0, "avg": 0, "cnt": 0},
            "batchcnt": {"min": 0, "max": 0, "avg": 0, "cnt": 0},
            "partitions": {
                "0": partition(0, "active", 42),
                # Unknown lag (no commit yet, or Tansu's short high watermark): reported as 0.
                "1": partition(1, "active", -1, hi=3, committed=12),
                # Known to the client (metadata) but not assigned to this consumer.
                "2": partition(2, "none", 7),
                "3": partition(3, "offset-query", 0),
                # librdkafka's internal unassigned-partition queue.
                "-1": partition(-1, "none", -1, hi=-1001, committed=-1001),
            },
        },
        "images.retry": {
            "topic": "images.retry",
            "partitions": {"0": partition(0, "stopped", 5), "1": partition(1, "active", 9000)},
        },
    },
    "cgrp": {"state": "up", "join_state": "steady", "rebalance_cnt": 1, "assignment_size": 4},
    "tx": 120,
    "rx": 118,
}


class Recording(NullObserver):
    def __init__(self) -> None:
        self.lags: list[tuple[str, int, int]] = []

    def consumer_lag(self, topic: str, partition: int, lag: int) -> None:
        self.lags.append((topic, partition, lag))


def test_lag_of_fetched_partitions_only_and_broker_up() -> None:
    observer, health = Recording(), RunnerHealth()
    StatsListener(observer, health)(json.dumps(STATS))
    assert sorted(observer.lags) == [
        ("images.ingest", 0, 42),
        ("images.ingest", 1, 0),  # Tansu's short high watermark: clamped, not negative
        ("images.ingest", 3, 42),
        ("images.retry", 1, 42),
    ]
    health.mark_started()
    assert health.ready()


def test_lag_feeds_the_gauge() -> None:
    metrics = GateMetrics()
    StatsListener(PrometheusObserver(metrics), RunnerHealth())(json.dumps(STATS))
    sample = metrics.registry.get_sample_value
    assert sample("gate_consumer_lag_records", {"topic": "images.ingest", "partition": "0"}) == 42
    assert sample("gate_consumer_lag_records", {"topic": "images.ingest", "partition": "2"}) is None


def test_internal_partition_is_skipped_whatever_its_state() -> None:
    observer = Recording()
    stats = {"topics": {"t": {"topic": "t", "partitions": {"-1": partition(-1, "active", 5)}}}}
    StatsListener(observer, RunnerHealth())(json.dumps(stats))
    assert observer.lags == []
