"""`gate run` on the embedded broker with a canary planted in every metadata place the gate reads past.

Each photo carries one distinctive canary where the gate once published what it had not read (EXIF tags
outside its list, EXIF bytes no IFD points to, XMP in unknown namespaces and comments, a JFXX thumbnail,
a gain map's EXIF in a multi-picture JPEG, a UTF-16 comment, an ICC description, a PNG keyword, an
over-long APP14, PNG sCAL and iDOT, JFIF tails). Approved ones must be published without their canary;
none may reach a decision record, a log line or a metric.
"""

from __future__ import annotations

import base64
import json
import struct
import uuid
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from confluent_kafka import Producer
from harness import GateProcess, Output, by_key, output_topics
from PIL import Image
from PIL.PngImagePlugin import PngInfo
from test_gate_end_to_end import gate_process, http_get, pkis  # noqa: F401  (fixtures shared with that module)

from gate.broker import EmbeddedBroker
from gate.demo.samples import Sample, _event
from gate.imaging.jpeg import segment_bytes
from gate.model import Verdict
from gate.settings import TopicSettings
from tests.unit.imaging.images import chunk, icc_profile, jpeg_bytes, png_bytes, webp_bytes, xmp_packet
from tests.unit.imaging.multipicture import mpo

pytestmark = pytest.mark.integration


def canary(place: str) -> str:
    return f"canary.{place}@example.com"


def exif_tag(tag: int, text: str) -> Image.Exif:
    exif = Image.Exif()
    exif[0x0112] = 1
    exif[tag] = text
    return exif


def gain_map_exif() -> Image.Exif:
    exif = exif_tag(0x013C, canary("gainmap-host"))
    exif.get_ifd(0x8825)[1] = "N"
    return exif


def tiff_with_tail(tail: bytes) -> bytes:
    ifd0 = struct.pack("<H", 1) + struct.pack("<HHIHH", 0x0112, 3, 1, 1, 0) + struct.pack("<I", 0)
    return b"II*\x00" + struct.pack("<I", 8) + ifd0 + tail


def png_with(ctype: bytes, payload: bytes) -> bytes:
    data = png_bytes()
    at = data.index(b"IDAT") - 4
    return data[:at] + chunk(ctype, payload) + data[at:]


def png_keyword(keyword: str) -> bytes:
    info = PngInfo()
    info.add_text(keyword, "plain")
    return png_bytes(info)


def icc_with(description: str) -> bytes:
    profile = bytearray(icc_profile())
    old = "sRGB built-in".encode("utf-16-be")
    at = profile.index(old)
    profile[at : at + len(old)] = description[: len("sRGB built-in")].ljust(13).encode("utf-16-be")
    return bytes(profile)


JPEG = jpeg_bytes(icc=False)
XMP_NS = 'xmlns:my="http://example.com/my/"'

# name -> (image, media type, verdict, canary text)
PLACES: dict[str, tuple[bytes, str, Verdict, str]] = {
    "exif-host-computer": (
        jpeg_bytes(exif=exif_tag(0x013C, canary("host"))),
        "image/jpeg",
        Verdict.APPROVED,
        canary("host"),
    ),
    "exif-document-name": (
        webp_bytes(exif=exif_tag(0x010D, canary("doc"))),
        "image/webp",
        Verdict.APPROVED,
        canary("doc"),
    ),
    "exif-unreferenced": (
        png_with(b"eXIf", tiff_with_tail(canary("tiff").encode())),
        "image/png",
        Verdict.APPROVED,
        canary("tiff"),
    ),
    "xmp-namespace": (
        jpeg_bytes(xmp=xmp_packet(attributes=f'{XMP_NS} my:Note="{canary("xmpns")}"')),
        "image/jpeg",
        Verdict.APPROVED,
        canary("xmpns"),
    ),
    "xmp-comment": (
        webp_bytes(xmp=xmp_packet(f"<!-- {canary('xmpcomment')} -->")),
        "image/webp",
        Verdict.APPROVED,
        canary("xmpcomment"),
    ),
    "jfxx-thumbnail": (
        JPEG[:2]
        + segment_bytes(0xE0, b"JFXX\x00\x10" + jpeg_bytes(exif=exif_tag(0x010E, canary("jfxx")), icc=False))
        + JPEG[2:],
        "image/jpeg",
        Verdict.APPROVED,
        canary("jfxx"),
    ),
    "mpf-gain-map": (
        mpo(JPEG, jpeg_bytes(exif=gain_map_exif(), icc=False)),
        "image/jpeg",
        Verdict.APPROVED,
        canary("gainmap-host"),
    ),
    "com-utf16": (
        JPEG[:2] + segment_bytes(0xFE, canary("com").encode("utf-16-le")) + JPEG[2:],
        "image/jpeg",
        Verdict.QUARANTINED,
        canary("com"),
    ),
    "png-keyword": (png_keyword(canary("keyword")), "image/png", Verdict.QUARANTINED, canary("keyword")),
    "app14-long": (
        JPEG[:2]
        + segment_bytes(0xEE, b"Adobe\x00\x64\x00\x00\x00\x00\x01" + canary("app14").encode())
        + JPEG[2:],
        "image/jpeg",
        Verdict.APPROVED,
        canary("app14"),
    ),
    "png-scal": (
        png_with(b"sCAL", b"\x01" + canary("scal").encode() + b"\x001"),
        "image/png",
        Verdict.APPROVED,
        canary("scal"),
    ),
    "png-idot": (
        png_with(b"iDOT", bytes(28) + canary("idot").encode()),
        "image/png",
        Verdict.APPROVED,
        canary("idot"),
    ),
    "jfif-tail": (
        JPEG[:2]
        + segment_bytes(0xE0, b"JFIF\x00\x01\x01\x00\x00\x48\x00\x48\x00\x00" + canary("jfif").encode())
        + JPEG[2 + 4 + 14 :],
        "image/jpeg",
        Verdict.APPROVED,
        canary("jfif"),
    ),
}


def test_no_canary_reaches_a_record_a_published_image_a_log_or_a_metric(
    broker: EmbeddedBroker,
    gate_topics: TopicSettings,
    gate_process: Callable[[], GateProcess],  # noqa: F811
    consume_all: Callable[..., list[Output]],
    tmp_path: Path,
) -> None:
    prefix = f"places-{uuid.uuid4().hex[:6]}"
    samples = []
    for n, (name, (data, media_type, verdict, _)) in enumerate(sorted(PLACES.items())):
        event_id = f"{prefix}-{n:04d}"
        value = _event(event_id, data, media_type, source="photo-studio", generation={"synthetic": False})
        samples.append(Sample(name, value, verdict, key=event_id.encode()))
    gate = gate_process()
    producer = Producer(
        {"bootstrap.servers": broker.bootstrap_servers, "message.max.bytes": 16 * 1024 * 1024}
    )
    for sample in samples:
        producer.produce(gate_topics.ingest, key=sample.key, value=sample.value)
    assert producer.flush(10) == 0
    outputs = consume_all(output_topics(gate_topics), {s.key for s in samples}, timeout=90)
    seen = by_key(outputs)

    topic_of = {Verdict.APPROVED: gate_topics.approved, Verdict.QUARANTINED: gate_topics.quarantine}
    for sample in samples:
        (topic, value), *_ = seen[sample.key]
        text = PLACES[sample.name][3]
        assert topic == topic_of[sample.expected], sample.name
        # Every canary is "canary.<place>@...": the dot keeps this test's own tmp path (its name holds
        # "canary_", and records now name the stored object's file URI) from reading as a leak.
        at = value.find(b"canary.")
        assert at < 0, (sample.name, value[max(0, at - 300) : at + 60])  # records name places, not values
        doc = json.loads(value)
        if sample.expected is Verdict.APPROVED:
            assert "metadata.stripped" in doc["actions"], sample.name
            published = base64.b64decode(doc["asset"]["output"]["data"])
            assert text.encode() not in published, sample.name
            assert text.encode("utf-16-le") not in published, sample.name
            assert zlib.compress(text.encode()) not in published, sample.name

    _, metrics = http_get(gate.port, "/metrics")
    assert "canary" not in metrics
    assert gate.stop(timeout=40) == 0
    log = (tmp_path / "gate.log").read_bytes()
    assert log, "the gate wrote no log"
    assert b"canary." not in log.lower()
