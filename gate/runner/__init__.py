"""The streaming runner: consume a batch, evaluate it in worker processes, route it in one Kafka transaction.

Only this package knows Kafka. Layers, bottom up: `contract` (the records and Protocols a worker plugs in
through; no Kafka), `clients` (configured confluent-kafka clients), `batching` (bounded batches), `pool`
(worker processes), `transaction` (the commit policy), `loop` (ties them together), `topics` (topic
creation). Names are loaded lazily, so a worker importing `gate.runner.contract` does not load Kafka.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "Fenced": "gate.runner.errors",
    "KafkaFatal": "gate.runner.errors",
    "PoolError": "gate.runner.errors",
    "RunnerError": "gate.runner.errors",
    "TransactionFailed": "gate.runner.errors",
    "RunnerHealth": "gate.runner.health",
    "GateRunner": "gate.runner.loop",
    "run": "gate.runner.loop",
}

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

if TYPE_CHECKING:
    from gate.runner.errors import Fenced, KafkaFatal, PoolError, RunnerError, TransactionFailed
    from gate.runner.health import RunnerHealth
    from gate.runner.loop import GateRunner, run


def __getattr__(name: str) -> Any:
    """Import public names on first use."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'gate.runner' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
