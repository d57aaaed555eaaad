"""Errors the streaming runner raises. Each one stops the loop; `run()` maps them to exit statuses.

GateError
└── RunnerError
    ├── KafkaFatal          librdkafka reported a fatal or unrecoverable error (exit 1)
    │   └── Fenced          a newer producer with our transactional.id took over (exit 3)
    ├── TransactionFailed   a transaction could not be completed or kept aborting (exit 1)
    └── PoolError           worker processes could not build their processor (exit 1)
"""

from __future__ import annotations

from gate.errors import GateError


class RunnerError(GateError):
    """The streaming loop cannot continue."""


class KafkaFatal(RunnerError):
    """librdkafka reported a fatal error; the client instance is unusable."""


class Fenced(KafkaFatal):
    """Another instance with the same transactional.id (or a newer group generation) fenced this producer.

    The other instance now owns the work; this one must exit without committing anything more.
    """


class TransactionFailed(RunnerError):
    """A transaction could not be committed or aborted, or it kept aborting."""


class PoolError(RunnerError):
    """A worker process could not build its processor (bad policy, keys or code): no worker can decide."""
