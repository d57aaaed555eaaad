"""A blocking Kafka request asked in steps, so Ctrl-C stops it (gate/kafka_requests.py): `gate incidents ls`
pointed at a broker that did not answer ignored Ctrl-C for 8.8 s, inside librdkafka's list_topics."""

from __future__ import annotations

import os
import signal
import socket
import threading
import time
from collections.abc import Iterator

import pytest
from confluent_kafka import Consumer, KafkaError, KafkaException

from gate.kafka_requests import interruptible


def _failing(*codes: int) -> tuple[list[float], object]:
    asked: list[float] = []
    answers = list(codes)

    def request(timeout: float) -> str:
        asked.append(timeout)
        if answers:
            raise KafkaException(KafkaError(answers.pop(0)))
        return "answer"

    return asked, request


@pytest.mark.parametrize("code", [KafkaError._TRANSPORT, KafkaError._TIMED_OUT, KafkaError._ALL_BROKERS_DOWN])
def test_no_answer_yet_is_asked_again_in_steps(code: int) -> None:
    asked, request = _failing(code, code)
    assert interruptible(request, 5.0, step_s=0.01) == "answer"  # type: ignore[arg-type]
    assert len(asked) == 3 and all(0 < t <= 0.01 for t in asked)


@pytest.mark.parametrize(
    "code", [KafkaError._AUTHENTICATION, KafkaError.UNKNOWN_TOPIC_OR_PART, KafkaError._INVALID_ARG]
)
def test_an_answer_that_is_an_error_is_raised_at_once(code: int) -> None:
    asked, request = _failing(code, code)
    with pytest.raises(KafkaException) as raised:
        interruptible(request, 5.0, step_s=0.01)  # type: ignore[arg-type]
    assert raised.value.args[0].code() == code and len(asked) == 1


def test_when_the_time_is_up_the_last_error_is_raised_as_the_long_request_would() -> None:
    asked, request = _failing(*[KafkaError._TRANSPORT] * 1000)
    started = time.monotonic()
    with pytest.raises(KafkaException) as raised:
        interruptible(request, 0.2, step_s=0.05)  # type: ignore[arg-type]
    assert raised.value.args[0].code() == KafkaError._TRANSPORT
    assert time.monotonic() - started >= 0.2
    # A step that fails at once waits out its step: no busy loop of thousands of requests.
    assert 2 <= len(asked) <= 10


@pytest.fixture
def silent_broker() -> Iterator[str]:
    """A port that accepts connections and never answers (a broker frozen or behind a black hole)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(8)
        yield f"127.0.0.1:{sock.getsockname()[1]}"


def test_ctrl_c_stops_a_metadata_request_to_a_broker_that_does_not_answer(silent_broker: str) -> None:
    consumer = Consumer(
        {"bootstrap.servers": silent_broker, "group.id": "interruptible-test", "log_level": 0}
    )
    timer = threading.Timer(0.5, os.kill, (os.getpid(), signal.SIGINT))
    started = time.monotonic()
    try:
        timer.start()
        with pytest.raises(KeyboardInterrupt):
            interruptible(lambda step: consumer.list_topics("ingest", timeout=step), 60.0)
    finally:
        timer.cancel()
        consumer.close()
    # One long list_topics(timeout=60) would have held the interrupt until its timeout.
    assert time.monotonic() - started < 30
