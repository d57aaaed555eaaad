"""The twenty-first image round's places (redimg21), through a real `gate run` at DEBUG (issue 12).

Two canaries sit where main published them and wrote one to the audit record: the organisation of a
trusted signer's certificate (which the record names as `signer`) and the unsigned padding of a manifest's
COSE signature. Beside them, places main already held: a schema.org author's e-mail, an ingredient
thumbnail's XMP, a Leica maker note, an IPTC record 240 and an XMP language alternative. None may reach a
record, a published image or its manifest (as written, in UTF-16/32, in hex, inside any zlib stream), a
log line, a span or a metric.
"""

from __future__ import annotations

import base64
import json
import re
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from confluent_kafka import Producer
from harness import Output, gate_env, output_topics, running_gate
from test_unseen_hostile_canaries import event
from test_unseen_round4_canaries import _forms, _inflated

from gate.broker import EmbeddedBroker
from gate.provenance import PreparedSigner, SignerConfig, create_dev_pki
from gate.settings import TopicSettings
from tests.unit.imaging import round21_manifests as manifests
from tests.unit.imaging import round21_places as places

pytestmark = pytest.mark.integration

NAMES = ("signer", "pad", "work", "thumb", "maker", "iim", "alt")
#: Published by main without a finding; each must now be held.
HELD = {"signer", "pad"}


def canary(name: str) -> str:
    return f"canaryqz{name}"


def address(name: str) -> str:
    return f"{canary(name)}@example.com"


def _pad(data: bytes, text: str) -> bytes:
    match = re.search(rb"cpad\x59", data)
    assert match is not None
    length = int.from_bytes(data[match.end() : match.end() + 2], "big")
    at = match.end() + 2
    return data[:at] + text.encode().ljust(length, b" ") + data[at + length :]


def planted(run: str, partner: PreparedSigner, named: PreparedSigner) -> list[tuple[str, bytes]]:
    xmp_thumb = manifests.webp_with_xmp(address("thumb"))
    leica = b"LEICA\0\x01\0" + places.note_ifd("<", 0x0303, address("maker").encode(), 8)
    alt = places.xmp_alt(("x-default", "Blue mug"), ("de-DE", f"Tasse {address('alt')}"))
    images = {
        "signer": manifests.signed(named),
        "pad": _pad(manifests.signed(partner), f"mail {address('pad')}"),
        "work": manifests.signed(
            partner, [manifests.creative_work(author=[{"@type": "Person", "email": address("work")}])]
        ),
        "thumb": manifests.signed(partner, ingredient_thumbnail=("image/webp", xmp_thumb)),
        "maker": places.makernote_jpeg(leica),
        "iim": places.iim_jpeg(places.iim(240, 1, address("iim").encode())),
        "alt": places.xmp_jpeg(alt),
    }
    assert set(images) == set(NAMES)
    return [(f"{run}-{name}", event(f"{run}-{name}", image=data)) for name, data in images.items()]


def test_no_round21_canary_reaches_a_record_an_image_a_manifest_a_log_a_span_or_a_metric(
    broker: EmbeddedBroker,
    gate_topics: TopicSettings,
    group_id: str,
    tmp_path: Path,
    consume_all: Callable[..., list[Output]],
) -> None:
    keys = create_dev_pki(tmp_path / "pki")
    partner_pki = create_dev_pki(tmp_path / "partner")
    named_pki = create_dev_pki(tmp_path / "named", organisation=f"Studio {address('signer')}")
    anchors = tmp_path / "anchors.pem"
    anchors.write_bytes(b"".join(p.root_ca.read_bytes() for p in (keys, partner_pki, named_pki)))
    partner = PreparedSigner.create(SignerConfig.from_files(partner_pki.signer_chain, partner_pki.signer_key))
    named = PreparedSigner.create(SignerConfig.from_files(named_pki.signer_chain, named_pki.signer_key))
    env = gate_env(
        broker.bootstrap_servers,
        keys,
        tmp_path / "store",
        gate_topics,
        group_id=group_id,
        extra={"OTEL_TRACES_EXPORTER": "console", "GATE_TRUST_ANCHORS": str(anchors)},
    )
    log_path = tmp_path / "gate.log"
    run = f"r21{uuid.uuid4().hex[:6]}"
    records = planted(run, partner, named)
    with running_gate(env, log_path, "--log-level", "DEBUG", "--log-format", "json") as gate:
        producer = Producer({"bootstrap.servers": broker.bootstrap_servers})
        for key, value in records:
            producer.produce(gate_topics.ingest, key=key.encode(), value=value)
        assert producer.flush(10) == 0
        outputs = consume_all(
            output_topics(gate_topics), {key.encode() for key, _ in records}, timeout=120, settle_s=3.0
        )
        metrics = gate.metrics()
        assert metrics, "the gate's /metrics did not answer"
        gate.stop_or_kill()
    logs = log_path.read_text(errors="replace")

    by_name = {o.key.decode().removeprefix(f"{run}-"): o for o in outputs}
    assert set(by_name) == set(NAMES)
    for name, output in by_name.items():
        doc = json.loads(output.value)
        if name in HELD:
            assert output.topic != gate_topics.approved, name
        blobs = [output.key, output.value, *output.headers.values()]
        if output.topic == gate_topics.approved and doc["asset"].get("output"):
            published = base64.b64decode(doc["asset"]["output"]["data"])
            blobs += [published, _inflated(published)]
        elif output.topic == gate_topics.approved:
            blobs.append(base64.b64decode(json.loads(dict(records)[output.key.decode()])["asset"]["data"]))
        for blob in blobs:
            for other in NAMES:
                assert not any(form in blob.lower() for form in _forms(canary(other))), (
                    other,
                    name,
                    output.topic,
                )
    for name in NAMES:
        assert canary(name) not in logs.lower(), f"{name} canary in a log line or span"
        assert canary(name) not in metrics.lower(), f"{name} canary in a metric"
    assert '"level": "debug"' in logs
    assert '"name": "gate.event"' in logs
