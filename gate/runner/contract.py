"""The port through which the runner receives its processor: it never imports one.

The runner hands a `RecordProcessor` an `InboundRecord` (bytes and coordinates, nothing Kafka-typed) and
gets back a `RoutedRecord` (both owned by `gate.core.record`): which verdict topic, and the exact key, value
and headers to produce. A `ProcessorFactory` is the picklable recipe each worker process builds its
processor from; `gate.worker.processor` implements both Protocols and `gate.cli` plugs it in.
"""

from __future__ import annotations

from typing import Protocol

from gate.core.record import InboundRecord, RoutedRecord
from gate.model import PolicyRef


class RecordProcessor(Protocol):
    """Turns one inbound record into one routed record. Must not raise: failures become records."""

    def __call__(self, record: InboundRecord) -> RoutedRecord:
        """Evaluate and route one record."""


class ProcessorFactory(Protocol):
    """A picklable recipe that builds a processor once inside each worker process."""

    def build(self) -> RecordProcessor:
        """Return a ready processor from the configuration the recipe carries (read no file)."""

    @property
    def policy(self) -> PolicyRef:
        """The policy the processors will use (for failure records made outside a worker)."""

    def reload(self) -> ProcessorFactory:
        """A recipe with the configuration read again (the runner calls it on SIGHUP, at a batch boundary).

        Raises ConfigError when the new configuration is unusable; the runner then keeps this one.
        """
