"""The quarantine flood guard on the embedded broker: a flood trips it, nothing is lost, resume works.

The runner runs in-process with the real HTTP endpoint and metrics; resuming goes through `gate resume`
against the admin endpoint, as an operator would.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable

import pytest
from expect_factory import ExpectFactory
from harness import Output, by_key, output_topics, wait_for

from gate.cli.main import main as gate_main
from gate.observe.http import AdminActions, ObservabilityServer
from gate.observe.metrics import GateMetrics, PrometheusObserver
from gate.runner import GateRunner, RunnerHealth
from gate.runner.flood_guard import FloodGuard
from gate.settings import GateSettings

pytestmark = pytest.mark.integration
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def get(port: int, path: str) -> tuple[int, str]:
    try:
        with _OPENER.open(f"http://127.0.0.1:{port}{path}", timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode()


def metric(metrics: GateMetrics, name: str) -> float:
    return metrics.registry.get_sample_value(name) or 0.0


def test_a_flood_trips_the_guard_nothing_is_lost_and_resume_works(
    settings: GateSettings,
    produce: Callable[..., None],
    consume_all: Callable[..., list[Output]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    bounds = {"window_events": 20, "min_events": 10, "max_held_ratio": 0.5}
    settings = settings.model_copy(
        update={"workers": 0, "flood_guard": settings.flood_guard.model_copy(update=bounds)}
    )
    # A generator gone wrong: 160 events to quarantine, then 40 good ones.
    sent = [(f"flood-{i}".encode(), json.dumps({"expect": "quarantined"}).encode()) for i in range(160)]
    sent += [(f"good-{i}".encode(), json.dumps({"expect": "approved"}).encode()) for i in range(40)]
    produce(settings.topics.ingest, sent)

    metrics, health = GateMetrics(), RunnerHealth()
    guard = FloodGuard(settings.flood_guard)
    server = ObservabilityServer(metrics, health, admin=AdminActions(resume=guard.request_resume)).start()
    runner = GateRunner(settings, ExpectFactory(), PrometheusObserver(metrics), health, flood_guard=guard)
    thread = threading.Thread(target=runner.run)
    thread.start()
    decided = lambda: sum(  # noqa: E731
        sample.value
        for family in metrics.registry.collect()
        for sample in family.samples
        if sample.name == "gate_events_total"
    )
    try:
        wait_for(lambda: guard.tripped is not None, 60, "the flood guard trips")
        at_trip = decided()
        assert at_trip < len(sent)
        status, body = get(server.port, "/readyz")
        assert status == 503 and "flood guard tripped" in body
        assert metric(metrics, "gate_flood_guard_tripped") == 1
        time.sleep(2.5)  # tripped, it takes nothing more, however much is waiting
        assert decided() == at_trip
        assert guard.tripped is not None
        # Paused, the wait is still visible: lag in seconds keeps growing on the paused partitions.
        ages = [
            sample.value
            for family in metrics.registry.collect()
            for sample in family.samples
            if sample.name == "gate_consumer_lag_seconds"
        ]
        assert ages and max(ages) >= 2.0

        url = f"http://127.0.0.1:{server.port}"
        resumes = 0
        while decided() < len(sent):  # the flood trips it again on each resume until the good events
            assert resumes < 20, "resume did not make progress"
            if guard.tripped is not None:
                assert gate_main(["resume", "--url", url]) == 0
                resumes += 1
                wait_for(lambda: guard.tripped is None or decided() > at_trip, 20, "consuming again")
            time.sleep(0.2)
        assert "resuming" in capsys.readouterr().out
        assert resumes >= 1
        assert metric(metrics, "gate_flood_guard_trips_total") >= 1
        wait_for(lambda: get(server.port, "/readyz")[0] == 200 or guard.tripped is not None, 20, "ready")
    finally:
        runner.request_stop()
        thread.join(30)
        server.stop()
    assert not thread.is_alive()

    # Nothing lost: every event has exactly one decision, in the topic its verdict names.
    seen = by_key(consume_all(output_topics(settings.topics), {k for k, _ in sent}))
    assert set(seen) == {k for k, _ in sent}
    for key, _ in sent:
        (only,) = seen[key]
        expected = settings.topics.quarantine if key.startswith(b"flood-") else settings.topics.approved
        assert only[0] == expected
