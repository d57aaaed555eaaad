"""`gate topics create` against the real broker: creates the five topics once, then leaves them alone."""

from __future__ import annotations

import uuid

import pytest
from confluent_kafka.admin import AdminClient, ConfigResource

from gate.broker import EmbeddedBroker
from gate.cli.main import main

pytestmark = pytest.mark.integration


def test_topics_create_is_idempotent(
    broker: EmbeddedBroker, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    suffix = uuid.uuid4().hex[:8]
    names = {
        role: f"{role}-{suffix}"
        for role in ("ingest", "approved", "quarantine", "rejected", "audit", "incidents")
    }
    for role, name in names.items():
        monkeypatch.setenv(f"GATE_TOPICS__{role.upper()}", name)
    args = ["topics", "create", "--bootstrap-servers", broker.bootstrap_servers, "--partitions", "3"]

    assert main(args) == 0
    assert capsys.readouterr().out.count(": created") == 6
    assert main(args) == 0
    assert capsys.readouterr().out.count(": exists") == 6

    metadata = AdminClient({"bootstrap.servers": broker.bootstrap_servers}).list_topics(timeout=10)
    for name in names.values():
        assert len(metadata.topics[name].partitions) == 3
    admin = AdminClient({"bootstrap.servers": broker.bootstrap_servers})
    for role in ("audit", "incidents"):
        resource = ConfigResource(ConfigResource.Type.TOPIC, names[role])
        configs = admin.describe_configs([resource])[resource].result(timeout=10)
        assert configs["cleanup.policy"].value == "delete"  # append-only: never compacted
        assert configs["retention.ms"].value == "-1"  # kept until the operator decides otherwise


def test_topics_create_without_brokers_says_what_to_set(monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("GATE_BOOTSTRAP_SERVERS", raising=False)
    assert main(["topics", "create"]) == 2
    assert "--bootstrap-servers" in capsys.readouterr().err


def test_the_ingest_topic_keeps_originals_as_long_as_the_quarantine(
    broker: EmbeddedBroker, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from gate.runner.topics import create_topics, retention_ms_of, topic_config  # noqa: PLC0415

    suffix = uuid.uuid4().hex[:8]
    names = {role: f"{role}-{suffix}" for role in ("ingest", "approved", "quarantine", "rejected")}
    for role, name in names.items():
        monkeypatch.setenv(f"GATE_TOPICS__{role.upper()}", name)
    args = ["topics", "create", "--bootstrap-servers", broker.bootstrap_servers, "--partitions", "1"]
    assert main([*args, "--retention-hours", "24", "--quarantine-retention-hours", "720"]) == 0
    retention = retention_ms_of(broker.bootstrap_servers, names.values())
    hour = 3_600_000
    assert retention[names["ingest"]] == retention[names["quarantine"]] == 720 * hour
    assert retention[names["approved"]] == 24 * hour

    short = f"short-ingest-{suffix}"  # an ingest topic made elsewhere, keeping less than the quarantine
    create_topics(
        broker.bootstrap_servers, [short], 1, topic_config(max_message_bytes=10**6, retention_ms=hour)
    )
    monkeypatch.setenv("GATE_TOPICS__INGEST", short)
    capsys.readouterr()
    assert main(args) == 2
    assert "Raise the ingest topic's retention.ms" in capsys.readouterr().err
    # `gate run` refuses to start for the same reason.
    from gate.cli.run import check_retention  # noqa: PLC0415
    from gate.errors import ConfigError  # noqa: PLC0415
    from gate.settings import load_settings  # noqa: PLC0415

    with pytest.raises(ConfigError, match="could not be replayed"):
        check_retention(load_settings(bootstrap_servers=broker.bootstrap_servers))
