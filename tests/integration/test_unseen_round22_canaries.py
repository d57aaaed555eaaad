"""The twenty-second image round's places (redimg22), through a real `gate run` at DEBUG (issue 12).

One canary sits where main published it: the holder of a copyright notice in a PNG comment, as GIMP's icons
write it (`(c) 2006 <name>`). Beside it, places main already held or cut: a gain map's own XMP and ISO
21496-1 block, a motion photo's MP4 place (Apple's mdta keys), a Photoshop slice's alt tag (UTF-16),
`photoshop:DocumentAncestors`, an `xmpMM:History` software agent's path, an ICC named colour, a PNG eXIf IFD
chained past IFD1 and a JFXX thumbnail's comment. None may reach a record, a published image (as written,
in UTF-16/32, in hex, inside any zlib stream), a log line, a span or a metric.
"""

from __future__ import annotations

import base64
import json
import struct
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
from tests.unit.imaging import round22_fields as fields
from tests.unit.imaging import round22_places as places
from tests.unit.imaging.round15_cases import EMAIL, asc, chunk, png_with

pytestmark = pytest.mark.integration

# Seven letters each: "canaryqz" + name + "@x.io" is as long as the address the places plant (20 bytes),
# so it replaces that address without moving any offset or length.
NAMES = ("gainxmp", "gainiso", "motionx", "irbslic", "ancestr", "history", "iccncl2", "exifchn", "jfxxcom")
#: Published by main without a finding; must now be held.
HELD = {"notice"}
#: Approved with the canary's field cut (the rest of the image published): proves the test reads outputs.
STRIPPED = {"gainiso", "motionx", "irbslic", "exifchn", "jfxxcom"}


def canary(name: str) -> str:
    return f"canaryqz{name}"


def _with(data: bytes, name: str, *, utf16: bool = False) -> bytes:
    address = f"{canary(name)}@x.io"
    assert len(address) == len(EMAIL)
    old, new = (
        (EMAIL, address.encode())
        if not utf16
        else (
            EMAIL.decode().encode("utf-16-be"),
            address.encode("utf-16-be"),
        )
    )
    assert data.count(old) == 1, name
    return data.replace(old, new)


def _photo_event(event_id: str, image: bytes) -> bytes:
    """A product photo's event (not AI-made: approved without a manifest when its metadata passes)."""
    media_type = "image/png" if image.startswith(b"\x89PNG") else "image/jpeg"
    doc = {
        "event_id": event_id,
        "occurred_at": "2026-12-08T10:00:00Z",
        "source": "photo-studio",
        "asset": {"data": base64.b64encode(image).decode(), "media_type": media_type},
        "generation": {"synthetic": False},
    }
    return json.dumps(doc).encode()


def planted(run: str) -> list[tuple[str, bytes]]:
    gainmap = places.gainmap_found()
    irb = places.irb_found()
    xmp = places.xmp_found()
    width = (0x0100, 4, 1, struct.pack("<I", 16))
    artist = f"Artist {canary('exifchn')}@x.io".encode()  # a PNG chunk's CRC covers it: written, not replaced
    images = {
        "notice": places.notice_carriers(f"(c) 2006 {canary('notice').title()}".encode())["png_comment"],
        "gainxmp": _with(gainmap["gainmap_xmp_creator_tool"][0], "gainxmp"),
        "gainiso": _with(gainmap["gainmap_iso21496_tail"][0], "gainiso"),
        "motionx": places.motion_photo(places.mp4_mdta(places.PLACE + canary("motionx").encode())),
        "irbslic": _with(irb["irb_slice_alt_tag"][0], "irbslic", utf16=True),
        "ancestr": _with(xmp["xmp_ancestor"][0], "ancestr"),
        "history": _with(xmp["xmp_history_agent"][0], "history"),
        "iccncl2": _with(fields.icc_found()["icc_ncl2_root"][0], "iccncl2"),
        "exifchn": png_with(
            before_idat=[chunk(b"eXIf", fields.chained_tiff([width], [asc(0x013B, artist)]))]
        ),
        "jfxxcom": _with(fields.exif_found()["jfxx_thumbnail_comment"][0], "jfxxcom"),
    }
    assert set(images) == {*NAMES, *HELD}
    return [(f"{run}-{name}", _photo_event(f"{run}-{name}", data)) for name, data in images.items()]


def test_no_round22_canary_reaches_a_record_an_image_a_log_a_span_or_a_metric(
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
    run = f"r22{uuid.uuid4().hex[:6]}"
    records = planted(run)
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

    everyone = (*NAMES, *HELD)
    by_name = {o.key.decode().removeprefix(f"{run}-"): o for o in outputs}
    assert set(by_name) == set(everyone)
    for name, output in by_name.items():
        doc = json.loads(output.value)
        if name in HELD:
            assert output.topic != gate_topics.approved, name
        if name in STRIPPED:
            assert output.topic == gate_topics.approved and doc["asset"].get("output"), name
        blobs = [output.key, output.value, *output.headers.values()]
        if output.topic == gate_topics.approved and doc["asset"].get("output"):
            published = base64.b64decode(doc["asset"]["output"]["data"])
            blobs += [published, _inflated(published)]
        elif output.topic == gate_topics.approved:
            blobs.append(base64.b64decode(json.loads(dict(records)[output.key.decode()])["asset"]["data"]))
        for blob in blobs:
            for other in everyone:
                assert not any(form in blob.lower() for form in _forms(canary(other))), (
                    other,
                    name,
                    output.topic,
                )
    for name in everyone:
        assert canary(name) not in logs.lower(), f"{name} canary in a log line or span"
        assert canary(name) not in metrics.lower(), f"{name} canary in a metric"
    assert '"level": "debug"' in logs
    assert '"name": "gate.event"' in logs
