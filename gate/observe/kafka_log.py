"""librdkafka's own log lines, through Python logging and each once.

Left to itself, a Kafka client writes its log to stderr as `%3|...|FAIL|...` lines: a reader command
(`gate quarantine ls`, `gate report`, `gate replay`) with no broker printed hundreds of them over 20 s
before its own one-line error. Given this logger (`"logger": client_logger()` in the client's config),
the lines go through the gate's logging, its guard included, and a line that differs from an earlier one
only in its numbers (a count of suppressed errors, milliseconds, a port) is dropped. Messages are
delivered from the client's poll calls, so nothing is logged from librdkafka's own threads.

A reader command lives for seconds: a line once is enough. `gate run` lives for months: a broker that
goes away in week three must still be in the log, so its clients' logger passes a shape again once
`repeat_s` has passed since it last did, with the number of lines of that shape held back meanwhile
(`repeats`), and never forgets a shape.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable

_NUMBERS = re.compile(r"\d+")
# After this many distinct lines a client's log says nothing new.
_MAX_DISTINCT = 40


class _OncePerShape(logging.Filter):
    """Passes a record only the first time its message, numbers aside, is seen."""

    def __init__(self) -> None:
        super().__init__()
        self._seen: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        shape = _NUMBERS.sub("#", record.getMessage())
        if shape in self._seen or len(self._seen) >= _MAX_DISTINCT:
            return False
        self._seen.add(shape)
        return True


class _OncePerShapePerInterval(logging.Filter):
    """Passes a shape at most once per `repeat_s`, telling how many of it were held back since."""

    def __init__(self, repeat_s: float, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self._repeat_s = repeat_s
        self._clock = clock
        self._last: dict[str, tuple[float, int]] = {}  # shape -> (when last passed, held back since)

    def filter(self, record: logging.LogRecord) -> bool:
        shape = _NUMBERS.sub("#", record.getMessage())
        now = self._clock()
        last = self._last.get(shape)
        if last is not None and now - last[0] < self._repeat_s:
            self._last[shape] = (last[0], last[1] + 1)
            return False
        if last is not None and last[1]:
            record.repeats = last[1]
        if last is None and len(self._last) >= _MAX_SHAPES:
            return False  # a log of ever-new shapes (it should not exist): the first ones stay readable
        self._last[shape] = (now, 0)
        return True


# A client's log has a few dozen shapes; the bound keeps a pathological one from growing the dict.
_MAX_SHAPES = 1000


def client_logger(name: str = "gate.kafka", *, repeat_s: float | None = None) -> logging.Logger:
    """The logger to give a confluent-kafka client as its `logger` (see the module).

    Without `repeat_s` each line passes once (a reader command); with it, a line of a shape passes
    again once `repeat_s` has passed (a service). A logger name keeps the mode it was first given.
    """
    logger = logging.getLogger(name)
    if not any(isinstance(f, (_OncePerShape, _OncePerShapePerInterval)) for f in logger.filters):
        logger.addFilter(_OncePerShape() if repeat_s is None else _OncePerShapePerInterval(repeat_s))
    return logger
