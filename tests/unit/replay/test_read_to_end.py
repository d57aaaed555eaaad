"""read_topics reads to the end: a broker slow to answer the first fetch is no empty topic.

A scripted consumer on a clock that only the consumer advances (each `consume` call takes its 0.2 s): the
broker answers the first fetch after `first_answer_s`, then hands out its records one poll after another.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from confluent_kafka import OFFSET_INVALID, TopicPartition

from gate.errors import GateError
from gate.replay import read


class _Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def monotonic(self) -> float:
        return self.now


class _Message:
    def __init__(self, partition: int, offset: int) -> None:
        self._partition, self._offset = partition, offset

    def error(self) -> None:
        return None

    def topic(self) -> str:
        return "quarantine"

    def partition(self) -> int:
        return self._partition

    def offset(self) -> int:
        return self._offset

    def key(self) -> bytes:
        return f"k-{self._partition}-{self._offset}".encode()

    def value(self) -> bytes:
        return b"{}"

    def headers(self) -> None:
        return None

    def timestamp(self) -> tuple[int, int]:
        return (1, 1_700_000_000_000)


# What list_topics answers: one topic of two partitions.
_METADATA = SimpleNamespace(topics={"quarantine": SimpleNamespace(partitions={0: None, 1: None}, error=None)})


def _consumer(clock: _Clock, first_answer_s: float, records: int) -> type:
    class SlowBroker:
        """Answers nothing for `first_answer_s`, then one record per poll on alternate partitions."""

        def __init__(self, config: dict[str, Any]) -> None:
            self.start = clock.now
            self.left = records

        def list_topics(self, topic: str, timeout: float) -> SimpleNamespace:
            return _METADATA

        def assign(self, partitions: list[TopicPartition]) -> None:
            assert [tp.partition for tp in partitions] == [0, 1]

        def consume(self, num_messages: int, timeout: float) -> list[_Message]:
            clock.now += timeout
            if not self.answered() or self.left == 0:
                return []
            self.left -= 1
            return [_Message(self.left % 2, self.left // 2)]

        def answered(self) -> bool:
            return clock.now - self.start >= first_answer_s

        def get_watermark_offsets(self, tp: TopicPartition, cached: bool) -> tuple[int, int]:
            assert cached  # the reader never asks the broker
            return (0, 3) if self.answered() else (OFFSET_INVALID, OFFSET_INVALID)

        def close(self) -> None:
            pass

    return SlowBroker


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> _Clock:
    clock = _Clock()
    monkeypatch.setattr(read, "time", clock)
    return clock


@pytest.mark.parametrize("first_answer_s", [0.0, 1.0, 5.0, 30.0])
def test_every_record_is_read_however_long_the_first_fetch_takes(
    clock: _Clock, monkeypatch: pytest.MonkeyPatch, first_answer_s: float
) -> None:
    monkeypatch.setattr(read, "Consumer", _consumer(clock, first_answer_s, records=6))
    records = read.read_topics({}, ["quarantine"], idle_s=1.5, progress=False)
    assert sorted((r.partition, r.offset) for r in records) == [(p, o) for p in (0, 1) for o in range(3)]


def test_an_empty_topic_ends_idle_s_after_the_first_answer(
    clock: _Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(read, "Consumer", _consumer(clock, 4.0, records=0))
    start = clock.now
    assert read.read_topics({}, ["quarantine"], idle_s=1.5, progress=False) == []
    assert 4.0 + 1.5 <= clock.now - start <= 4.0 + 1.5 + 0.5


def test_a_broker_that_never_answers_is_an_error_not_an_empty_topic(
    clock: _Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(read, "Consumer", _consumer(clock, float("inf"), records=3))
    with pytest.raises(GateError, match="no answer to a fetch"):
        read.read_topics({}, ["quarantine"], idle_s=1.5, progress=False)
    assert clock.now - 1000.0 > read.FIRST_FETCH_S
