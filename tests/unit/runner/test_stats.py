"""Lag and broker reachability from librdkafka statistics."""

from __future__ import annotations

import json

import gate.runner
from gate.observe.observer import NullObserver
from gate.runner.health import RunnerHealth
from gate.runner.stats import StatsListener, partition_lag


class LagObserver(NullObserver):
    def __init__(self) -> None:
        self.lags: list[tuple[str, int, int]] = []

    def consumer_lag(self, topic: str, partition: int, lag: int) -> None:
        self.lags.append((topic, partition, lag))


def test_lag_is_last_stable_offset_minus_position() -> None:
    assert partition_lag({"ls_offset": 100, "hi_offset": 120, "app_offset": 90, "committed_offset": 80}) == 10
    assert partition_lag({"ls_offset": 100, "app_offset": -1001, "committed_offset": 80}) == 20
    assert partition_lag({"ls_offset": -1, "hi_offset": 50, "app_offset": 45}) == 5
    assert partition_lag({"ls_offset": 3, "app_offset": 12}) == 0  # Tansu's short high watermark: clamped
    assert partition_lag({"ls_offset": 10, "app_offset": -1001, "committed_offset": -1001}) is None


def test_stats_report_lag_of_active_partitions_and_broker_state() -> None:
    observer, health = LagObserver(), RunnerHealth()
    stats = {
        "brokers": {"bootstrap": {"nodeid": -1, "state": "INIT"}, "b/1": {"nodeid": 1, "state": "UP"}},
        "topics": {
            "in": {
                "partitions": {
                    "0": {"fetch_state": "active", "ls_offset": 10, "app_offset": 4},
                    "1": {"fetch_state": "none", "ls_offset": 10, "app_offset": 4},
                    "-1": {"fetch_state": "none"},
                }
            }
        },
    }
    StatsListener(observer, health)(json.dumps(stats))
    assert observer.lags == [("in", 0, 6)]
    assert health.broker_reachable
    stats["brokers"]["b/1"]["state"] = "DOWN"  # type: ignore[index]
    StatsListener(observer, health)(json.dumps(stats))
    assert not health.broker_reachable


def test_health_alive_and_ready() -> None:
    now = [0.0]
    health = RunnerHealth(clock=lambda: now[0])
    assert not health.ready()
    health.mark_started()
    health.set_broker_reachable(True)
    assert health.ready() and health.alive(5.0)
    now[0] = 6.0
    assert not health.alive(5.0)
    health.tick()
    assert health.alive(5.0)
    health.mark_stopping()
    assert not health.ready()


def test_runner_public_surface() -> None:
    for name in gate.runner.__all__:
        assert hasattr(gate.runner, name)
    assert callable(gate.runner.run)
