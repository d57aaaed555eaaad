"""The flood guard's counting (truth tables on a fake clock) and how PauseControl drives a consumer."""

from __future__ import annotations

from unittest.mock import MagicMock

import pytest
from confluent_kafka import Consumer, TopicPartition

from gate.core.record import InboundRecord, RoutedRecord
from gate.model import Verdict
from gate.observe.observer import NullObserver
from gate.runner.batching import Batch
from gate.runner.flood_guard import FloodGuard, PauseControl
from gate.runner.health import RunnerHealth
from gate.settings import FloodGuardSettings

P0, P1 = ("in", 0), ("in", 1)


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def guard(clock: Clock | None = None, **bounds: object) -> FloodGuard:
    settings = FloodGuardSettings(**{"window_events": 10, "min_events": 5, "max_held_ratio": 0.5, **bounds})
    return FloodGuard(settings, clock or Clock())


@pytest.mark.parametrize(
    ("outcomes", "trips"),
    [
        ([(P0, True)] * 4, False),  # under min_events: never trips, however bad
        ([(P0, True)] * 5, True),
        ([(P0, True), (P0, False)] * 3, False),  # exactly half is not above the bound
        ([(P0, True)] * 3 + [(P0, False)] * 2, True),  # 3 of 5 > 50%
        ([(P0, True)] * 3 + [(P1, True)] * 3, False),  # per partition: 3 + 3 is not 6 on one partition
        ([(P0, False)] * 10 + [(P0, True)] * 6, True),  # the window forgets old good events: 6 of 10
        ([(P0, False)] * 10 + [(P0, True)] * 5, False),  # 5 of 10
    ],
)
def test_trips_on_a_held_share_above_the_bound_per_partition(
    outcomes: list[tuple[tuple[str, int], bool]], trips: bool
) -> None:
    assert (guard().record(outcomes) is not None) is trips


def test_disabled_never_trips() -> None:
    assert guard(enabled=False).record([(P0, True)] * 100) is None


def test_the_trip_names_the_partition_and_counts_only() -> None:
    trip = guard().record([(P1, True)] * 5)
    assert trip is not None
    assert (trip.topic, trip.partition, trip.held, trip.window) == ("in", 1, 5, 5)
    assert "in[1]" in trip.reason and "gate resume" in trip.reason


def test_operator_resume() -> None:
    g = guard()
    assert g.request_resume() is False  # nothing to resume
    g.record([(P0, True)] * 5)
    assert g.resume_due() is None
    assert g.request_resume() is True
    assert g.resume_due() == "operator"
    g.resumed(probation=False)
    assert g.tripped is None and g.resume_due() is None
    assert g.record([(P0, True)] * 4) is None  # the window restarted: min_events again


def test_cooldown_resumes_on_probation() -> None:
    clock = Clock()
    g = guard(clock, cooldown_s=30, probe_events=2)
    g.record([(P0, True)] * 5)
    clock.now += 29
    assert g.resume_due() is None
    clock.now += 1
    assert g.resume_due() == "cool-down"
    g.resumed(probation=True)
    assert g.record([(P0, True)] * 2) is not None  # the flood goes on: re-trips after the probe


def test_a_probe_that_passes_restores_the_normal_minimum() -> None:
    clock = Clock()
    g = guard(clock, cooldown_s=1, probe_events=2)
    g.record([(P0, True)] * 5)
    clock.now += 1
    g.resumed(probation=True)
    assert g.record([(P0, False)] * 5) is None
    assert g.record([(P0, True)] * 4) is None  # 4 of 9: not yet
    assert g.record([(P0, True)] * 2) is not None  # 6 of 10 with the normal minimum


def test_forget_drops_revoked_partitions() -> None:
    g = guard()
    g.record([(P0, True)] * 4)
    g.forget([P0])
    assert g.record([(P0, True)]) is None


def test_settings_refuse_a_minimum_the_window_cannot_reach() -> None:
    with pytest.raises(ValueError, match="min_events"):
        FloodGuardSettings(window_events=10, min_events=11)


def record(partition: int, offset: int) -> InboundRecord:
    return InboundRecord("in", partition, offset, b"k", b"{}", (), None)


def routed(verdict: Verdict) -> RoutedRecord:
    return RoutedRecord(verdict=verdict, key=b"k", value=b"{}", headers=(), reason_codes=(), source="s")


class Recording(NullObserver):
    def __init__(self) -> None:
        self.states: list[tuple[bool, list[tuple[str, int]]]] = []

    def flood_guard(self, *, tripped: bool, partitions: object) -> None:
        self.states.append((tripped, list(partitions)))  # type: ignore[call-overload]


@pytest.fixture
def consumer() -> MagicMock:
    fake = MagicMock(spec_set=Consumer)
    fake.assignment.return_value = [TopicPartition("in", 0), TopicPartition("in", 1)]
    return fake


def test_pause_control_trips_pauses_holds_back_and_resumes(consumer: MagicMock) -> None:
    health, observer = RunnerHealth(), Recording()
    health.mark_started()
    health.set_broker_reachable(True)
    control = PauseControl(guard(), consumer, health, observer)
    batch = Batch(tuple(record(0, n) for n in range(5)), 10, 0.0)

    control.after_commit([routed(Verdict.QUARANTINED)] * 5, batch)
    assert control.paused
    consumer.pause.assert_called_once_with(consumer.assignment.return_value)
    assert not health.ready()
    assert (health.not_ready_reason() or "").startswith("flood guard tripped")
    assert observer.states == [(True, [P0, P1])]

    # While tripped, a batch that slips in (a partition assigned after the trip) is given back unread.
    late = Batch((record(1, 7), record(1, 8)), 4, 0.0)
    assert control.hold_back(late) is True
    consumer.seek.assert_called_once()
    (seeked,) = consumer.seek.call_args.args
    assert (seeked.topic, seeked.partition, seeked.offset) == ("in", 1, 7)

    control.before_fetch()  # not due: keeps pausing the (maybe rebalanced) assignment
    assert consumer.resume.call_count == 0
    control.guard.request_resume()
    control.before_fetch()
    consumer.resume.assert_called_once_with(consumer.assignment.return_value)
    assert health.ready() and not control.paused
    assert observer.states[-1] == (False, [])
    assert control.hold_back(late) is False


def test_pause_control_counts_only_quarantine(consumer: MagicMock) -> None:
    control = PauseControl(guard(), consumer, RunnerHealth(), NullObserver())
    batch = Batch(tuple(record(0, n) for n in range(6)), 10, 0.0)
    control.after_commit([routed(Verdict.REJECTED)] * 6, batch)  # rejecting is the policy working
    assert not control.paused
    consumer.pause.assert_not_called()
