"""Create the gate's topics (idempotently): used by `gate topics create`, the demo and the tests."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from confluent_kafka import KafkaError, KafkaException
from confluent_kafka.admin import AdminClient
from confluent_kafka.cimpl import NewTopic

from gate.errors import ConfigError
from gate.runner.clients import fatal_error, kafka_error_of, service_logger
from gate.settings import GateSettings

# 12 partitions divide evenly among 1, 2, 3, 4, 6 or 12 instances. Output topics get the same count so a
# transaction's outputs land on the partition number of its input partition (see gate.runner.transaction).
DEFAULT_PARTITIONS = 12
DEFAULT_RETENTION_MS = 7 * 24 * 3600 * 1000
USE_BROKER_DEFAULT = -1  # replication factor: let the broker decide (KIP-464)


def topic_config(
    *,
    max_message_bytes: int,
    replication_factor: int = USE_BROKER_DEFAULT,
    retention_ms: int = DEFAULT_RETENTION_MS,
) -> dict[str, str]:
    """Configs for ingest and verdict topics: time retention, room for large images, durable acks."""
    config = {
        "cleanup.policy": "delete",
        "retention.ms": str(retention_ms),
        "max.message.bytes": str(max_message_bytes + 1024 * 1024),  # headers and batch overhead
    }
    if replication_factor > 1:
        # acks=all then needs this many in-sync copies: survives a broker loss, refuses silent loss.
        config["min.insync.replicas"] = str(min(2, replication_factor - 1) if replication_factor > 2 else 1)
    return config


def audit_topic_config(
    *, replication_factor: int = USE_BROKER_DEFAULT, retention_ms: int = -1
) -> dict[str, str]:
    """Configs for the audit topic: append-only (`delete`, never `compact`: compaction would keep only the
    latest record per event and erase the history an auditor asks for), kept forever unless told otherwise,
    small records."""
    return topic_config(
        max_message_bytes=1024 * 1024, replication_factor=replication_factor, retention_ms=retention_ms
    )


def gate_topic_names(settings: GateSettings) -> list[str]:
    """The ingest topic, the three verdict topics, the audit topic and the incidents topic."""
    topics = settings.topics
    return [
        topics.ingest,
        topics.approved,
        topics.quarantine,
        topics.rejected,
        topics.audit,
        topics.incidents,
    ]


def create_topics(
    bootstrap_servers: str,
    names: Iterable[str],
    partitions: int = DEFAULT_PARTITIONS,
    config: Mapping[str, str] | None = None,
    *,
    replication_factor: int = USE_BROKER_DEFAULT,
    client_config: Mapping[str, Any] | None = None,
    timeout_s: float = 30.0,
) -> list[str]:
    """Create the topics that do not exist yet and return their names; existing topics are left alone."""
    if partitions < 1:
        raise ConfigError("partitions: must be at least 1")
    new = [
        NewTopic(
            name, num_partitions=partitions, replication_factor=replication_factor, config=dict(config or {})
        )
        for name in names
    ]
    if not new:
        return []
    with _admin(bootstrap_servers, client_config) as admin:
        return _created(admin, new, timeout_s)


def _created(admin: AdminClient, new: list[NewTopic], timeout_s: float) -> list[str]:
    created = []
    for name, future in admin.create_topics(
        new, operation_timeout=timeout_s, request_timeout=timeout_s
    ).items():
        try:
            future.result(timeout=timeout_s)
            created.append(name)
        except KafkaException as exc:
            err = kafka_error_of(exc)
            if err.code() == KafkaError.TOPIC_ALREADY_EXISTS:
                continue
            if err.code() in (
                KafkaError.INVALID_CONFIG,
                KafkaError.INVALID_REPLICATION_FACTOR,
                KafkaError.INVALID_PARTITIONS,
                KafkaError.POLICY_VIOLATION,
            ):
                raise ConfigError(f"topic {name}: {err.name()}: {err.str()}") from None
            raise fatal_error(err, f"create topic {name}") from None
    return created


def retention_ms_of(
    bootstrap_servers: str,
    names: Iterable[str],
    *,
    client_config: Mapping[str, Any] | None = None,
    timeout_s: float = 15.0,
) -> dict[str, int]:
    """The effective `retention.ms` of each topic (-1: forever). Raises KafkaFatal when it cannot be read."""
    # Public names of confluent_kafka.admin that its stubs do not re-export.
    from confluent_kafka.admin import ConfigResource, ResourceType  # type: ignore[attr-defined]  # noqa: PLC0415

    resources = [ConfigResource(ResourceType.TOPIC, name) for name in names]
    found: dict[str, int] = {}
    with _admin(bootstrap_servers, client_config) as admin:
        for resource, future in admin.describe_configs(resources, request_timeout=timeout_s).items():
            try:
                entry = future.result(timeout=timeout_s).get("retention.ms")
            except KafkaException as exc:
                raise fatal_error(kafka_error_of(exc), f"describe topic {resource.name}") from None
            if entry is not None and entry.value is not None:
                found[resource.name] = int(entry.value)
    return found


@contextlib.contextmanager
def _admin(bootstrap_servers: str, client_config: Mapping[str, Any] | None) -> Iterator[AdminClient]:
    """An admin client whose log goes through the gate's logging: its lines are delivered by `poll`, so
    they are served once its requests are answered or have timed out (they were raw stderr lines)."""
    admin = AdminClient(
        {**(client_config or {}), "bootstrap.servers": bootstrap_servers, "logger": service_logger()}
    )
    try:
        yield admin
    finally:
        admin.poll(0)


def retention_gap(retention_ms: Mapping[str, int], ingest: str, quarantine: str) -> str | None:
    """Why the ingest topic would lose originals that quarantine records still point at, or None.

    A quarantined event is replayed from its original ingest record, so the ingest topic must keep
    records at least as long as the quarantine topic (-1 means forever).
    """
    kept, needed = retention_ms.get(ingest), retention_ms.get(quarantine)
    if kept is None or needed is None or kept < 0 or (0 <= needed <= kept):
        return None
    hours = (f"{ms / 3_600_000:g} h" if ms >= 0 else "forever" for ms in (kept, needed))
    return (
        f"ingest topic {ingest} keeps records {next(hours)}, quarantine topic {quarantine} {next(hours)}: "
        "quarantined events could not be replayed once their original is gone. Raise the ingest topic's "
        "retention.ms to at least the quarantine topic's (or lower the quarantine's)"
    )
