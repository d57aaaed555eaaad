"""`gate serve` with Kafka: a served decision lands on the verdict and audit topics like the stream's, and
`gate quarantine` / `gate replay` find it and its original event."""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from harness import Output, gate_cli_quick, read_until
from PIL import Image

from gate.broker import EmbeddedBroker
from gate.cli.run import processor_factory
from gate.commerce.assembly import build_server
from gate.demo.images import jpeg_bytes, product_image
from gate.replay.read import read_one, reader_config
from gate.settings import TopicSettings, load_settings
from tests.commerce_webhooks import encode, new_image, post, product_save, write_public_key

pytestmark = pytest.mark.integration


def test_served_decisions_are_on_the_verdict_audit_and_events_topics(
    broker: EmbeddedBroker,
    gate_topics: TopicSettings,
    topic_factory: Callable[..., str],
    settings_overrides: dict[str, Any],
    tmp_path: Path,
) -> None:
    media = tmp_path / "media"
    (media / "tmp/catalog/product/a/b").mkdir(parents=True)
    (media / "tmp/catalog/product/a/b/clean.jpg").write_bytes(jpeg_bytes(product_image(seed=1)))
    exif = Image.Exif()
    exif[0x013B] = "Maria Schmidt"  # Artist: a person's name
    (media / "tmp/catalog/product/a/b/artist.jpg").write_bytes(jpeg_bytes(product_image(seed=2), exif=exif))
    events, refusals = topic_factory("commerce-events"), topic_factory("commerce-refusals")
    key = write_public_key(tmp_path / "commerce.pem")
    overrides = {
        **settings_overrides,
        "fetch": {"file_roots": [str(media)]},
        "commerce": {
            "webhook_public_key": str(key),
            "events_topic": events,
            "refusals_topic": refusals,
            "budget_ms": 30_000,
        },
    }
    settings = load_settings(**overrides)
    factory = processor_factory(settings)
    served = build_server(settings, factory.config, factory.fetch, host="127.0.0.1", port=0)
    served.server.start()
    try:
        port = served.server.port
        images = {"c": new_image("/a/b/clean.jpg.tmp"), "p": new_image("/a/b/artist.jpg.tmp", 2)}
        answer = post(port, encode(product_save(images, sku="WB-0042")))
        # A flood of unsigned requests: each refused and audited, batched into few transactions.
        assert {post(port, b"{}", signature=None).status for _ in range(25)} == {401}
    finally:
        served.server.stop()
        served.close()
    assert answer.body == {
        "op": "exception",
        "message": "gate: image /a/b/artist.jpg.tmp: quarantined (metadata.personal_data PERSON)",
    }

    topics = [gate_topics.approved, gate_topics.quarantine, gate_topics.audit, events, refusals]
    # Read until every record this traffic should make is there, then 2 s more for any surplus (all was
    # committed before the server closed, so a surplus is there as early as the rest).
    expected = Counter({gate_topics.approved: 1, gate_topics.quarantine: 1, gate_topics.audit: 2, events: 2})
    expected[refusals] = 25
    out = read_until(
        broker.bootstrap_servers,
        topics,
        lambda read: Counter(o.topic for o in read) >= expected,
        settle_s=2.0,
    )
    by_topic: dict[str, list[Output]] = {}
    for record in out:
        by_topic.setdefault(record.topic, []).append(record)
    approved, held = by_topic[gate_topics.approved], by_topic[gate_topics.quarantine]
    assert len(approved) == len(held) == 1
    assert len(by_topic[events]) == 2 and len(by_topic[gate_topics.audit]) == 2
    decision = json.loads(held[0].value)
    assert decision["verdict"] == "quarantined" and decision["source"] == "commerce"
    assert "metadata.personal_data" in {r["code"] for r in decision["reasons"]}
    assert held[0].headers["gate-verdict"] == b"quarantined"
    # The decision names its original event; that event is the inline image, where replay reads it.
    where = decision["input"]
    assert where["topic"] == events and "raw" not in where
    original = read_one(
        reader_config(broker.bootstrap_servers, {}, 64 * 1024 * 1024),
        where["topic"],
        where["partition"],
        where["offset"],
    )
    event = json.loads(original.value)
    assert event["event_id"] == decision["event_id"] == held[0].key.decode()
    assert event["context"] == {"store": "commerce", "sku": "WB-0042"}
    # Each decision's audit record, in the same transaction, names it by the sha256 of its bytes.
    audit_ids = {json.loads(r.value)["decision_id"] for r in by_topic[gate_topics.audit]}
    assert hashlib.sha256(held[0].value).hexdigest() in audit_ids
    assert hashlib.sha256(approved[0].value).hexdigest() in audit_ids
    assert "Maria" not in json.dumps([json.loads(r.value) for r in by_topic[gate_topics.audit]])
    assert len(by_topic[refusals]) == 25
    refusal = json.loads(by_topic[refusals][0].value)
    assert refusal["reason"] == "signature.missing" and refusal["body_size"] == 2

    # Review and replay work on them as on the stream's decisions.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GATE_", "OTEL_"))}
    env.update(
        GATE_BOOTSTRAP_SERVERS=broker.bootstrap_servers,
        GATE_TOPICS=gate_topics.model_dump_json(),
        GATE_FETCH__FILE_ROOTS=json.dumps([str(media)]),
        GATE_TRANSACTIONAL_ID=f"tx-{uuid.uuid4().hex[:8]}",
    )
    listed = gate_cli_quick(env, "quarantine", "ls", "--json")
    assert listed.returncode == 0, listed.stderr
    assert decision["event_id"] in listed.stdout
    dry = gate_cli_quick(env, "replay", "--mode", "reevaluate", "--dry-run", "--json", "--job", "serve-dry")
    assert dry.returncode == 0, dry.stderr
    assert decision["event_id"] in dry.stdout and "quarantined" in dry.stdout
