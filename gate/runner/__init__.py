"""The streaming runner: consume a batch, evaluate it in worker processes, route it in one Kafka transaction.

Only this package knows Kafka. Layers, bottom up: `clients` (configured confluent-kafka clients),
`batching` (bounded batches), `pool` (worker processes), `transaction` (the commit policy), `loop`
(ties them together), `topics` (topic creation).
"""

from __future__ import annotations

from gate.runner.errors import Fenced, KafkaFatal, PoolError, RunnerError, TransactionFailed
from gate.runner.health import RunnerHealth
from gate.runner.loop import GateRunner, run

__all__ = [
    "Fenced",
    "GateRunner",
    "KafkaFatal",
    "PoolError",
    "RunnerError",
    "RunnerHealth",
    "TransactionFailed",
    "run",
]
