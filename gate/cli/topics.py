"""`gate topics create`: the ingest and verdict topics, with partition counts and configs for production."""

from __future__ import annotations

import argparse
from typing import Any

from gate.cli.run import add_common_options, settings_from_args
from gate.errors import ConfigError, GateError


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
        "--retention-hours", type=int, default=24 * 7, help="retention of every topic but the audit"
    )
    create.add_argument(
        "--quarantine-retention-hours",
        type=int,
        default=None,
        help="retention of the quarantine topic (default: --retention-hours); the ingest topic keeps "
        "records at least as long, so every quarantined event can be replayed from its original",
    )
    create.add_argument(
        "--audit-retention-days",
        type=int,
        default=None,
        help="retention of the audit topic (default: kept forever; it is append-only and never compacted)",
    )
    create.set_defaults(handler=_create)


def _create(args: argparse.Namespace) -> int:
    try:
        return _create_topics(args)
    except TimeoutError:
        # librdkafka's admin futures time out when no broker answers: say which and what to check.
        brokers = args.bootstrap_servers or "the configured bootstrap_servers"
        raise GateError(
            f"no answer from the Kafka brokers at {brokers}; "
            "check --bootstrap-servers (or GATE_BOOTSTRAP_SERVERS) and that the brokers are up"
        ) from None


def _create_topics(args: argparse.Namespace) -> int:
    from gate.runner.topics import (  # noqa: PLC0415 - keep `gate --help` free of librdkafka
        DEFAULT_PARTITIONS,
        audit_topic_config,
        create_topics,
        gate_topic_names,
        retention_gap,
        retention_ms_of,
        topic_config,
    )

    settings = settings_from_args(args)
    if not settings.bootstrap_servers:
        raise ConfigError("no Kafka brokers: set --bootstrap-servers or GATE_BOOTSTRAP_SERVERS")
    quarantine_hours = args.quarantine_retention_hours or args.retention_hours
    if min(args.retention_hours, quarantine_hours) < 1:
        raise ConfigError("--retention-hours and --quarantine-retention-hours must be at least 1")
    if args.audit_retention_days is not None and args.audit_retention_days < 1:
        raise ConfigError(
            "--audit-retention-days must be at least 1 (leave it out to keep the audit forever)"
        )
    names = gate_topic_names(settings)
    topics = settings.topics
    # The ingest topic keeps originals at least as long as the quarantine keeps records pointing at them.
    hours = {name: args.retention_hours for name in names}
    hours[topics.quarantine] = quarantine_hours
    hours[topics.ingest] = max(args.retention_hours, quarantine_hours)
    audit_days = args.audit_retention_days
    created: list[str] = []
    for name in names:
        if name in (topics.audit, topics.incidents):  # both append-only, kept like the audit
            config = audit_topic_config(
                replication_factor=args.replication_factor,
                retention_ms=audit_days * 24 * 3600 * 1000 if audit_days else -1,
            )
        else:
            config = topic_config(
                max_message_bytes=settings.max_message_bytes,
                replication_factor=args.replication_factor,
                retention_ms=hours[name] * 3600 * 1000,
            )
        created += create_topics(
            settings.bootstrap_servers,
            [name],
            args.partitions or DEFAULT_PARTITIONS,
            config,
            replication_factor=args.replication_factor,
            client_config=settings.kafka,
        )
    for name in names:
        print(f"{name}: {'created' if name in created else 'exists'}")
    retention = retention_ms_of(
        settings.bootstrap_servers, [topics.ingest, topics.quarantine], client_config=settings.kafka
    )
    gap = retention_gap(retention, topics.ingest, topics.quarantine)
    if gap:
        raise ConfigError(gap)
    return 0
