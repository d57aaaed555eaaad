"""librdkafka's own log lines, through Python logging and each once.

Left to itself, a Kafka client writes its log to stderr as `%3|...|FAIL|...` lines: a reader command
(`gate quarantine ls`, `gate report`, `gate replay`) with no broker printed hundreds of them over 20 s
before its own one-line error. Given this logger (`"logger": client_logger()` in the client's config),
the lines go through the gate's logging, its guard included, and a line that differs from an earlier one
only in its numbers (a count of suppressed errors, milliseconds, a port) is dropped. Messages are
delivered from the client's poll calls, so nothing is logged from librdkafka's own threads.
"""

from __future__ import annotations

import logging
import re

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


def client_logger(name: str = "gate.kafka") -> logging.Logger:
    """The logger to give a confluent-kafka client as its `logger`: each line once (see the module)."""
    logger = logging.getLogger(name)
    if not any(isinstance(f, _OncePerShape) for f in logger.filters):
        logger.addFilter(_OncePerShape())
    return logger
