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
import math
import re
import time
from collections.abc import Callable

_NUMBERS = re.compile(r"\d+")
# A client's log has a few dozen shapes; the bound keeps a pathological one from growing the table.
_MAX_SHAPES = 1000
# After this many distinct lines a reader command's client log says nothing new.
_MAX_DISTINCT = 40


class _OncePerShapePerInterval(logging.Filter):
    """Passes a shape at most once per `repeat_s`, telling how many of it were held back since."""

    def __init__(
        self, repeat_s: float, clock: Callable[[], float] = time.monotonic, max_shapes: int = _MAX_SHAPES
    ) -> None:
        super().__init__()
        self._repeat_s = repeat_s
        self._clock = clock
        self._max_shapes = max_shapes
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
        if last is None and len(self._last) >= self._max_shapes:
            return False  # a log of ever-new shapes (it should not exist): the first ones stay readable
        self._last[shape] = (now, 0)
        return True


class _OncePerShape(_OncePerShapePerInterval):
    """Passes a record only the first time its message, numbers aside, is seen (an interval that never
    ends), and nothing once `_MAX_DISTINCT` shapes were seen."""

    def __init__(self) -> None:
        super().__init__(math.inf, max_shapes=_MAX_DISTINCT)


def client_logger(name: str = "gate.kafka", *, repeat_s: float | None = None) -> logging.Logger:
    """The logger to give a confluent-kafka client as its `logger` (see the module).

    Without `repeat_s` each line passes once (a reader command); with it, a line of a shape passes
    again once `repeat_s` has passed (a service). A logger name keeps the mode it was first given.
    """
    logger = logging.getLogger(name)
    if not any(isinstance(f, _OncePerShapePerInterval) for f in logger.filters):
        logger.addFilter(_OncePerShape() if repeat_s is None else _OncePerShapePerInterval(repeat_s))
    return logger
