"""Canaries planted where personal data hides (issue 12 §1, §2, §5) never come out of a real `gate run`.

The gate runs as a subprocess on the embedded broker, with worker processes, at DEBUG level, with spans
exported to its own output. Each canary is a distinctive word inside personal data written the way the
scanner used to miss it: an obfuscated email in a prompt, a name in look-alike letters, a name in an
event id and in a source, a name in a `tracestate` header, names and free text under allow-listed
parameter keys and the model name (which the gate signs), a name in EXIF that Pillow logs at DEBUG, a
name in EXIF Model (a field the gate once trusted by its name), names shaped as identifiers declared as
the model and a training source (which the audit record repeats when they read clean).
None may reach an approved record, a published image or its manifest, an audit record, a log line, a
span or a metric.
"""

from __future__ import annotations

import base64
import json
import urllib.request
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from confluent_kafka import Producer
from harness import VERDICT_TOPICS, Output, gate_env, output_topics, read_until, start_gate
from PIL import Image

from gate.broker import EmbeddedBroker
from gate.demo.images import jpeg_bytes, product_image
from gate.provenance import DevPki, TrustAnchors, Verifier, create_dev_pki, verify_manifest
from gate.settings import TopicSettings

pytestmark = pytest.mark.integration

TRACEPARENT = b"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
# Each canary is a word no sample, policy or library holds, so finding it anywhere is a leak.
CANARIES = {
    "email": "canaryqxemail",
    "confusable": "Canaryqxcyril",
    "event_id": "Canaryqxident",
    "source": "Canaryqxsource",
    "tracestate": "Canaryqxtrace",
    "sampler": "Canaryqxsampler",
    "free_text": "canaryqxfreetext",
    "model": "canaryqxmodel",
    "exif": "Canaryqxexif",
    "make": "Canaryqxmake",  # EXIF Model: a field once trusted by its name
    "declared": "Canaryqxdeclared",  # a name with an identifier's shape, declared as model and source
}


def image_b64(seed: int, exif: Image.Exif | None = None) -> str:
    return base64.b64encode(jpeg_bytes(product_image(96, 64, seed=seed), exif=exif)).decode()


def event(event_id: str, *, source: str = "studio", seed: int = 1, exif: Image.Exif | None = None,
          **generation: object) -> bytes:  # fmt: skip
    doc = {
        "event_id": event_id,
        "occurred_at": "2026-12-05T10:00:00Z",
        "source": source,
        "asset": {"data": image_b64(seed, exif), "media_type": "image/jpeg"},
        "generation": {"synthetic": True, "model": {"name": "sdxl", "version": "1.0", "provider": "p"},
                       **generation},
    }  # fmt: skip
    return json.dumps(doc, ensure_ascii=False).encode()


def planted(run: str) -> list[tuple[bytes, bytes, list[tuple[str, bytes]]]]:
    """(key, value, headers) of every record; keys are the event ids except where the id is the canary."""
    c = CANARIES
    artist = Image.Exif()
    artist[0x013B] = f"Jane {c['exif']}"  # Artist: Pillow's TIFF plugin logs EXIF values at DEBUG
    artist[0x010E] = f"Jane {c['exif']}"
    device = Image.Exif()
    device[0x0110] = f"iPhone of Jane {c['make']}"  # Model
    bad_id = f"Jane.{c['event_id']}-{run}"
    return [
        (f"{run}-email".encode(), event(f"{run}-email", parameters={
            "prompt": f"studio shot, write to {c['email']} [at] example [dot] com"}), []),
        (f"{run}-cyril".encode(), event(f"{run}-cyril", parameters={
            "prompt": f"portrait of M\u0430ria {c['confusable']} in a red dress"}), []),
        (bad_id.encode(), event(bad_id, parameters={"prompt": "a red dress"}), []),
        (f"{run}-source".encode(), event(f"{run}-source", source=f"Maria_{c['source']}"), []),
        (f"{run}-trace".encode(), event(f"{run}-trace", seed=2),
         [("traceparent", TRACEPARENT), ("tracestate", f"vendor=Jane.{c['tracestate']},x=1".encode())]),
        (f"{run}-signed".encode(), event(
            f"{run}-signed", seed=3,
            model={"name": f"made for the {c['model']} order of customer twelve", "version": "1.0",
                   "provider": "p"},
            parameters={"sampler": f"Jane {c['sampler']}", "scheduler": "karras", "steps": 30,
                        "sampler_name": f"free text {c['free_text']} that is no sampler name at all"},
        ), []),
        (f"{run}-exif".encode(), event(f"{run}-exif", seed=4, exif=artist), []),
        (f"{run}-make".encode(), event(f"{run}-make", seed=5, exif=device), []),
        (f"{run}-declared".encode(), event(
            f"{run}-declared", seed=6,
            model={"name": f"anna_{c['declared'].lower()}_v1", "version": "1.0",
                   "provider": f"Anna.{c['declared']}"},
            training_data_sources=["licensed-stock", f"maria.{c['declared'].lower()}"],
        ), []),
    ]  # fmt: skip


def test_no_canary_reaches_an_approved_record_a_manifest_a_log_a_span_or_a_metric(
    broker: EmbeddedBroker,
    gate_topics: TopicSettings,
    group_id: str,
    tmp_path: Path,
    consume_all: Callable[..., list[Output]],
) -> None:
    keys: DevPki = create_dev_pki(tmp_path / "pki")
    # Spans go to the same output as the logs.
    env = gate_env(
        broker.bootstrap_servers,
        keys,
        tmp_path / "store",
        gate_topics,
        group_id=group_id,
        topic_names=(*VERDICT_TOPICS, "audit"),
        extra={"OTEL_TRACES_EXPORTER": "console"},
    )
    log_path = tmp_path / "gate.log"
    run = f"cn{uuid.uuid4().hex[:6]}"
    records = planted(run)
    gate = start_gate(env, log_path, "--log-level", "DEBUG", "--log-format", "json")
    try:
        producer = Producer({"bootstrap.servers": broker.bootstrap_servers})
        for key, value, headers in records:
            producer.produce(gate_topics.ingest, key=key, value=value, headers=headers)
        assert producer.flush(10) == 0
        # The refused event id is never an output key, so wait for the other keys and the record count.
        clean_keys = {key for key, _, _ in records if b"Jane." not in key}
        outputs = consume_all(output_topics(gate_topics), clean_keys, timeout=120, settle_s=3.0)
        # Every decision has its audit record, produced in the same transaction as the decision.
        audit = read_until(
            broker.bootstrap_servers, [gate_topics.audit], lambda out: len(out) >= len(records), 30, 1.0
        )
        with urllib.request.urlopen(f"http://127.0.0.1:{gate.port}/metrics", timeout=5) as response:
            metrics = response.read().decode()
    finally:
        gate.stop_or_kill(timeout=40)  # a graceful stop: the spans still buffered are written out
    logs = log_path.read_text(errors="replace")

    by_key = {o.key: o for o in outputs}
    assert len({(o.key, o.value) for o in outputs}) == len(records), [o.key for o in outputs]
    topic = {key: by_key[key].topic for key in clean_keys}
    # The gate read what it was meant to: the disguised personal data was found, not approved.
    assert topic[f"{run}-email".encode()] == gate_topics.quarantine
    assert topic[f"{run}-cyril".encode()] == gate_topics.quarantine
    assert topic[f"{run}-make".encode()] != gate_topics.approved  # a name in EXIF Model is read
    assert topic[f"{run}-source".encode()] == gate_topics.rejected
    assert topic[f"{run}-trace".encode()] == gate_topics.approved
    assert topic[f"{run}-signed".encode()] == gate_topics.approved
    refused = [o for o in outputs if o.key not in clean_keys]
    assert [json.loads(o.value)["reasons"][0]["detail"] for o in refused] == ["identifier_personal_data"]
    assert refused[0].key.startswith(gate_topics.ingest.encode() + b"/")  # record coordinates, not the id

    # Traceparent propagates; tracestate is not configured, so it goes nowhere.
    traced = by_key[f"{run}-trace".encode()]
    assert traced.headers["traceparent"].split(b"-")[1] == TRACEPARENT.split(b"-")[1]
    assert "tracestate" not in traced.headers

    # The signed manifest holds only known forms: the scanner-missed values under allow-listed keys are out.
    signed = json.loads(by_key[f"{run}-signed".encode()].value)
    published = base64.b64decode(signed["asset"]["output"]["data"])
    report = verify_manifest(
        published, "image/jpeg", Verifier.create(TrustAnchors.from_pem_file(keys.root_ca))
    )
    assert report.state == "trusted"
    assert report.generator_assertion is not None
    assert report.generator_assertion["parameters"] == {"scheduler": "karras", "steps": 30}
    assert report.generator_assertion["model"]["name"] == "withheld"

    mine = [name for name in CANARIES if name != "exif"]  # EXIF stripping is issue 12 §3's, not this test's
    assert len(audit) == len(records)
    for output in [*outputs, *audit]:
        blobs = [output.key, output.value, *output.headers.values()]
        if output.topic == gate_topics.approved:
            doc = json.loads(output.value)
            blobs.append(
                base64.b64decode(doc["asset"]["output"]["data"]) if doc["asset"].get("output") else b""
            )
        for blob in blobs:
            for name in mine:
                assert CANARIES[name].lower().encode() not in blob.lower(), (name, output.topic)
    for name, canary in CANARIES.items():
        assert canary.lower() not in logs.lower(), f"{name} canary in a log line or span"
        assert canary.lower() not in metrics.lower(), f"{name} canary in a metric"
    assert '"level": "debug"' in logs  # the gate really logged at DEBUG
    assert '"name": "gate.event"' in logs  # and its spans really were exported there
