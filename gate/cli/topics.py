"""`gate topics create`: the ingest and verdict topics, with partition counts and configs for production."""

from __future__ import annotations

import argparse
from typing import Any

from gate.cli.run import add_common_options, settings_from_args
from gate.errors import ConfigError


def register(sub: Any) -> None:
    """Add the `topics` command group."""
    topics = sub.add_parser("topics", help="manage the gate's Kafka topics")
    topics_sub = topics.add_subparsers(dest="topics_command", required=True)
    create = topics_sub.add_parser(
        "create",
        help="create the ingest, verdict and audit topics (existing ones are left alone)",
    )
    add_common_options(create)
    create.add_argument("--partitions", type=int, default=None, help="partitions per topic (default 12)")
    create.add_argument("--replication-factor", type=int, default=-1, help="default: the broker's default")
    create.add_argument(
        "--retention-hours", type=int, default=24 * 7, help="retention of the ingest and verdict topics"
    )
    create.add_argument(
        "--audit-retention-days",
        type=int,
        default=None,
        help="retention of the audit topic (default: kept forever; it is append-only and never compacted)",
    )
    create.set_defaults(handler=_create)


def _create(args: argparse.Namespace) -> int:
    from gate.runner.topics import (  # noqa: PLC0415 - keep `gate --help` free of librdkafka
        DEFAULT_PARTITIONS,
        audit_topic_config,
        create_topics,
        gate_topic_names,
        topic_config,
    )

    settings = settings_from_args(args)
    if not settings.bootstrap_servers:
        raise ConfigError("no Kafka brokers: set --bootstrap-servers or GATE_BOOTSTRAP_SERVERS")
    if args.retention_hours < 1:
        raise ConfigError("--retention-hours must be at least 1")
    if args.audit_retention_days is not None and args.audit_retention_days < 1:
        raise ConfigError(
            "--audit-retention-days must be at least 1 (leave it out to keep the audit forever)"
        )
    names = gate_topic_names(settings)
    config = topic_config(
        max_message_bytes=settings.max_message_bytes,
        replication_factor=args.replication_factor,
        retention_ms=args.retention_hours * 3600 * 1000,
    )
    audit_days = args.audit_retention_days
    audit_config = audit_topic_config(
        replication_factor=args.replication_factor,
        retention_ms=audit_days * 24 * 3600 * 1000 if audit_days else -1,
    )
    created = []
    for topic_names, topic_configs in (
        ([n for n in names if n != settings.topics.audit], config),
        ([settings.topics.audit], audit_config),
    ):
        created += create_topics(
            settings.bootstrap_servers,
            topic_names,
            args.partitions or DEFAULT_PARTITIONS,
            topic_configs,
            replication_factor=args.replication_factor,
            client_config=settings.kafka,
        )
    for name in names:
        print(f"{name}: {'created' if name in created else 'exists'}")
    return 0
