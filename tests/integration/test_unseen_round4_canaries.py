"""The fourth attacker round's places (redimg), through a real `gate run` at DEBUG (issue 12).

Each image carries a distinctive canary where main published it unread: the XMP wrapper, bytes after a
zTXt's zlib stream, ICC bytes past the profile, bytes after the IPTC datasets, a JFIF thumbnail, an
ImageMagick raw IPTC profile (in hex), an extended XMP's GUID, a Ducky tail, PNG text under Software, an
XMP iTXt's language tag, a chunk inside a WebP animation frame, and a signed manifest's assertion label
and thumbnail. None may reach an approved record, a published image or its manifest (as written, in
UTF-16/32 or in hex), a log line, a span or a metric.
"""

from __future__ import annotations

import base64
import io
import json
import struct
import uuid
import zlib
from collections.abc import Callable
from pathlib import Path

import c2pa
import pytest
from confluent_kafka import Producer
from harness import Output, gate_env, output_topics, running_gate
from PIL import Image, ImageCms
from test_unseen_hostile_canaries import XMP_ID, event, plain_jpeg, with_segment, xmp

from gate.broker import EmbeddedBroker
from gate.provenance import DevPki, PreparedSigner, SignerConfig, create_dev_pki
from gate.provenance.manifest import TRAINED_ALGORITHMIC_MEDIA
from gate.settings import TopicSettings

pytestmark = pytest.mark.integration

NAMES = (
    "wrapper",
    "ztxt",
    "icc",
    "iim",
    "jfif",
    "raw",
    "guid",
    "ducky",
    "software",
    "lang",
    "anmf",
    "label",
    "thumb",
)


def canary(name: str) -> str:
    return f"canaryqy{name}"


def address(name: str) -> str:
    return f"{canary(name)}@example.com"


def chunk(ctype: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", len(payload)) + ctype + payload + struct.pack(">I", zlib.crc32(ctype + payload))


def png(*extra: bytes, icc: bytes | None = None) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (32, 24), (200, 30, 30)).save(buf, "PNG", **({"icc_profile": icc} if icc else {}))
    data = buf.getvalue()
    at = data.index(b"IDAT") - 4
    return data[:at] + b"".join(extra) + data[at:]


def jpeg_with_icc(extra: bytes) -> bytes:
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes() + extra
    return with_segment(plain_jpeg(4), 0xE2, b"ICC_PROFILE\x00\x01\x01" + profile)


def app13_iim(tail: bytes) -> bytes:
    iim = b"\x1c\x02\x05\x00\x02hi" + tail
    resource = b"8BIM" + struct.pack(">HHI", 0x0404, 0, len(iim)) + iim + b"\x00" * (len(iim) & 1)
    return with_segment(plain_jpeg(5), 0xED, b"Photoshop 3.0\x00" + resource)


def raw_iptc_profile(text: str) -> bytes:
    payload = b"\x1c\x02\x50" + struct.pack(">H", len(text)) + text.encode()
    body = f"\niptc\n{len(payload):8d}\n{payload.hex()}\n".encode()
    return png(chunk(b"zTXt", b"Raw profile type iptc\x00\x00" + zlib.compress(body)))


def extended_xmp(guid: bytes) -> bytes:
    packet = xmp("<dc:format>image/jpeg</dc:format>")
    head = b"http://ns.adobe.com/xmp/extension/\x00" + guid + struct.pack(">II", len(packet), 0)
    return with_segment(plain_jpeg(6), 0xE1, head + packet)


def animated_webp_with(extra: bytes) -> bytes:
    frames = [Image.new("RGB", (16, 16), c) for c in ((255, 0, 0), (0, 255, 0))]
    buf = io.BytesIO()
    frames[0].save(buf, "WEBP", save_all=True, append_images=frames[1:], duration=100, lossless=True)
    data = buf.getvalue()
    at = data.index(b"ANMF")
    (size,) = struct.unpack_from("<I", data, at + 4)
    payload = data[at + 8 : at + 8 + size] + extra
    body = data[:at] + b"ANMF" + struct.pack("<I", len(payload)) + payload + bytes(len(payload) & 1)
    body += data[at + 8 + size + (size & 1) :]
    return body[:4] + struct.pack("<I", len(body) - 8) + body[8:]


def signed(keys: DevPki, label: str = "", thumbnail: bytes = b"") -> bytes:
    actions = {
        "label": "c2pa.actions.v2",
        "data": {"actions": [{"action": "c2pa.created", "digitalSourceType": TRAINED_ALGORITHMIC_MEDIA}]},
    }
    definition: dict[str, object] = {"claim_generator_info": [{"name": "partner"}], "assertions": [actions]}
    if label:
        definition["assertions"] = [actions, {"label": label, "data": {"a": 1}}]
    if thumbnail:
        definition["thumbnail"] = {"format": "image/jpeg", "identifier": "thumb.jpg"}
    signer = PreparedSigner.create(SignerConfig.from_files(keys.signer_chain, keys.signer_key))
    with c2pa.Builder(definition, context=signer.context) as builder:
        if thumbnail:
            builder.add_resource("thumb.jpg", io.BytesIO(thumbnail))
        out = io.BytesIO()
        builder.sign(signer.signer, "image/jpeg", io.BytesIO(plain_jpeg(7)), out)
    return out.getvalue()


def planted(run: str, keys: DevPki) -> list[tuple[str, bytes]]:
    itxt_lang = b"XML:com.adobe.xmp\x00\x00\x00" + address("lang").encode() + b"\x00\x00" + xmp("")
    jfif = (
        b"JFIF\x00\x01\x02\x00\x00\x01\x00\x01"
        + bytes([len(address("jfif")), 1])
        + address("jfif").encode() * 3
    )
    ducky = b"Ducky" + struct.pack(">HHI", 1, 4, 80) + b"\x00\x00" + address("ducky").encode()
    images: dict[str, tuple[bytes, str]] = {
        "wrapper": (
            with_segment(
                plain_jpeg(3),
                0xE1,
                XMP_ID + xmp("").replace(b"W5M0MpCehiHzreSzNTczkc9d", address("wrapper").encode()),
            ),
            "image/jpeg",
        ),
        "ztxt": (
            png(chunk(b"zTXt", b"Comment\x00\x00" + zlib.compress(b"hi") + address("ztxt").encode())),
            "image/png",
        ),
        "icc": (jpeg_with_icc(address("icc").encode()), "image/jpeg"),
        "iim": (app13_iim(address("iim").encode()), "image/jpeg"),
        "jfif": (with_segment(plain_jpeg(8), 0xE0, jfif), "image/jpeg"),
        "raw": (raw_iptc_profile(address("raw")), "image/png"),
        "guid": (extended_xmp(address("guid").encode()[:32].ljust(32, b"x")), "image/jpeg"),
        "ducky": (with_segment(plain_jpeg(10), 0xEC, ducky), "image/jpeg"),
        "software": (png(chunk(b"tEXt", b"Software\x00" + address("software").encode())), "image/png"),
        "lang": (png(chunk(b"iTXt", itxt_lang)), "image/png"),
        "anmf": (
            animated_webp_with(
                b"ZZZZ" + struct.pack("<I", len(address("anmf"))) + address("anmf").encode() + b"\x00"
            ),
            "image/webp",
        ),
        "label": (signed(keys, label=address("label")), "image/jpeg"),
        "thumb": (
            signed(
                keys,
                thumbnail=plain_jpeg(11)[:2]
                + with_segment(b"\xff\xd8", 0xFE, address("thumb").encode())[2:]
                + plain_jpeg(11)[2:],
            ),
            "image/jpeg",
        ),
    }
    assert set(images) == set(NAMES)
    return [
        (f"{run}-{name}", event(f"{run}-{name}", image=data, media_type=media))
        for name, (data, media) in images.items()
    ]


#: Where the gate removes what carried the canary and publishes the rest (signed); elsewhere it refuses.
STRIPPED = {"ztxt", "icc", "iim", "jfif", "raw", "guid", "ducky"}


def _forms(word: str) -> list[bytes]:
    raw = word.encode()
    return [
        raw,
        word.encode("utf-16-le"),
        word.encode("utf-16-be"),
        word.encode("utf-32-le"),
        raw.hex().encode(),
    ]


def _inflated(data: bytes) -> bytes:
    out = []
    for at in range(len(data) - 1):
        if data[at] == 0x78 and data[at + 1] in (0x01, 0x5E, 0x9C, 0xDA):
            try:
                out.append(zlib.decompressobj().decompress(data[at:], 1 << 20))
            except zlib.error:
                continue
    return b"".join(out)


def test_no_round4_canary_reaches_a_record_an_image_a_manifest_a_log_a_span_or_a_metric(
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
    run = f"r4{uuid.uuid4().hex[:6]}"
    records = planted(run, keys)
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
        if name in STRIPPED:
            assert output.topic == gate_topics.approved, (name, doc.get("reasons"))
            assert "metadata.stripped" in doc["actions"], name
        else:
            assert output.topic != gate_topics.approved, name
        blobs = [output.key, output.value, *output.headers.values()]
        if output.topic == gate_topics.approved and doc["asset"].get("output"):
            published = base64.b64decode(doc["asset"]["output"]["data"])
            blobs += [published, _inflated(published)]
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
    assert '"level": "debug"' in logs  # the gate really logged at DEBUG
    assert '"name": "gate.event"' in logs  # and its spans really were exported there
