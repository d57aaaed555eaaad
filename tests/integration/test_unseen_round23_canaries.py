"""The twenty-third image round's places (redimg23), through a real `gate run` at DEBUG (issue 12).

No place leaked on main; these go through the whole gate as its neighbours did: places the gate cuts from
an approved image (EXIF SubIFDs, IPTC-NAA and XMP packets inside IFD0, a maker note, GPS area text, a PNG
sPLT name, an ImageMagick raw IPTC profile, an XML comment in XMP) and places it holds (a CGATS chart's
sample name in an ICC `targ`, a PNG profile's name). No canary may reach a record, a published image (as
written, in UTF-16/32, in hex, inside any zlib stream), a log line, a span or a metric.
"""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from confluent_kafka import Producer
from harness import Output, gate_env, output_topics, running_gate
from test_unseen_round4_canaries import _forms, _inflated

from gate.broker import EmbeddedBroker
from gate.provenance import create_dev_pki
from gate.settings import TopicSettings
from tests.unit.imaging.round23_places import place

pytestmark = pytest.mark.integration

#: Approved with the canary's field cut (the rest of the image published): proves the test reads outputs.
STRIPPED = (
    "exif_subifd",
    "exif_iptc_naa",
    "exif_xmlpacket",
    "makernote_nikon3",
    "gps_area_info",
    "png_splt_name",
    "png_raw_iptc",
    "xmp_comment",
)
HELD = ("icc_targ_sample", "png_iccp_name")


def canary(name: str) -> str:
    return "canaryqz" + name.replace("_", "")


def _event(event_id: str, image: bytes) -> bytes:
    media_type = "image/png" if image.startswith(b"\x89PNG") else "image/jpeg"
    doc = {
        "event_id": event_id,
        "occurred_at": "2026-12-08T10:00:00Z",
        "source": "photo-studio",
        "asset": {"data": base64.b64encode(image).decode(), "media_type": media_type},
        "generation": {"synthetic": False},
    }
    return json.dumps(doc).encode()


def test_no_round23_canary_reaches_a_record_an_image_a_log_a_span_or_a_metric(
    broker: EmbeddedBroker,
    gate_topics: TopicSettings,
    group_id: str,
    tmp_path: Path,
    consume_all: Callable[..., list[Output]],
) -> None:
    keys = create_dev_pki(tmp_path / "pki")
    env = gate_env(
        broker.bootstrap_servers,
        keys,
        tmp_path / "store",
        gate_topics,
        group_id=group_id,
        extra={"OTEL_TRACES_EXPORTER": "console"},
    )
    log_path = tmp_path / "gate.log"
    run = f"r23{uuid.uuid4().hex[:6]}"
    everyone = (*STRIPPED, *HELD)
    records = [
        (f"{run}-{name}", _event(f"{run}-{name}", place(name, f"{canary(name)}@x.io".encode())))
        for name in everyone
    ]
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
    assert set(by_name) == set(everyone)
    for name, output in by_name.items():
        doc = json.loads(output.value)
        if name in HELD:
            assert output.topic != gate_topics.approved, name
        else:
            assert output.topic == gate_topics.approved and doc["asset"].get("output"), name
        blobs = [output.key, output.value, *output.headers.values()]
        if output.topic == gate_topics.approved:
            published = base64.b64decode(doc["asset"]["output"]["data"])
            blobs += [published, _inflated(published)]
        for blob in blobs:
            for other in everyone:
                assert not any(form in blob.lower() for form in _forms(canary(other))), (other, name)
    for name in everyone:
        assert canary(name) not in logs.lower(), f"{name} canary in a log line or span"
        assert canary(name) not in metrics.lower(), f"{name} canary in a metric"
    assert '"level": "debug"' in logs
