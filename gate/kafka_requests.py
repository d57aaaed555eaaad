"""A blocking Kafka client request that Ctrl-C can stop.

`list_topics(timeout=10)` and `get_watermark_offsets(timeout=30)` wait inside librdkafka, where Python
cannot run its SIGINT handler: a reader command pointed at a broker that does not answer ignored Ctrl-C
for up to the whole timeout (8.8 s measured for `gate incidents ls`). Asked in short steps instead, the
request is the same one (the client keeps its connection attempt between steps), and Python gets a
chance to raise KeyboardInterrupt between them.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from confluent_kafka import KafkaError, KafkaException

T = TypeVar("T")

# The codes of "no answer yet": a broker not reached, or not answering, within the step. Any other error
# (authentication, an unknown topic, a bad request) is the answer, and is raised at once.
NOT_YET = frozenset({KafkaError._TRANSPORT, KafkaError._TIMED_OUT, KafkaError._ALL_BROKERS_DOWN})

STEP_S = 0.5


class RequestAbandoned(Exception):
    """`interruptible`'s `stopped()` turned true before the request was answered."""


def interruptible(
    request: Callable[[float], T],
    timeout_s: float,
    *,
    step_s: float = STEP_S,
    not_yet: frozenset[int] = NOT_YET,
    stopped: Callable[[], bool] | None = None,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """`request(timeout)` asked in steps of at most `step_s` until it answers or `timeout_s` has passed.

    An error whose code is in `not_yet` is no answer yet: the request is asked again. Raises what the last
    step raised when the time is up, as the one long request would have, and `RequestAbandoned` when
    `stopped()` (looked at before each step) turns true first.
    """
    deadline = clock() + timeout_s
    while True:
        if stopped is not None and stopped():
            raise RequestAbandoned
        asked = clock()
        step = max(min(step_s, deadline - asked), 0.001)
        try:
            return request(step)
        except KafkaException as exc:
            error = exc.args[0] if exc.args else None
            if not isinstance(error, KafkaError) or error.code() not in not_yet:
                raise
            if clock() >= deadline:
                raise
            # A step that failed early (a refused connection can) must not turn into a busy loop.
            sleep(max(0.0, asked + step - clock()))
