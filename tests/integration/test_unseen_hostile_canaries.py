"""Canaries in disguises and places nobody had tested, through a real `gate run` at DEBUG (issue 12).

Each canary is a distinctive word inside personal data: an address spelled with `arroba`/`punto`, with tag
characters, with JSON escapes, percent-encoded three times, split across an array's elements; a card in
enclosed digits; a phone number after a Japanese cue; a name in an event id with a full-width separator;
identifier-shaped names under `sampler` and as the model provider (which the gate signs); and images
carrying one in an XMP `x:xmptk`, an `xml:lang`, after the NUL of an EXIF UserComment, in a UTF-32
comment, and in a compressed PNG iTXt XMP packet. None may reach an approved record, a published image or
its manifest, a log line, a span or a metric.
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

import pytest
from confluent_kafka import Producer
from harness import Output, gate_env, output_topics, running_gate

from gate.broker import EmbeddedBroker
from gate.demo.images import jpeg_bytes, product_image
from gate.imaging.jpeg import segment_bytes
from gate.provenance import TrustAnchors, Verifier, create_dev_pki, verify_manifest
from gate.settings import TopicSettings

pytestmark = pytest.mark.integration

XMP_ID = b"http://ns.adobe.com/xap/1.0/\x00"


def canary(name: str) -> str:
    return f"canaryqx{name}"


def tagged(text: str) -> str:
    return "".join(chr(0xE0000 + ord(c)) for c in text)


def circled(digits: str) -> str:
    return "".join(chr(0x2775 + int(c)) if c.isdigit() and c != "0" else c for c in digits)


def xmp(description: str, root_attributes: str = "") -> bytes:
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        f'<x:xmpmeta xmlns:x="adobe:ns:meta/" {root_attributes}>'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"{description}</rdf:Description></rdf:RDF></x:xmpmeta>"
        '<?xpacket end="w"?>'
    ).encode()


def plain_jpeg(seed: int) -> bytes:
    return jpeg_bytes(product_image(96, 64, seed=seed))


def with_segment(data: bytes, marker: int, payload: bytes) -> bytes:
    return data[:2] + segment_bytes(marker, payload) + data[2:]


def user_comment_after_nul(data: bytes, text: str) -> bytes:
    comment = b"ASCII\x00\x00\x00hello\x00" + text.encode()
    head = b"II*\x00" + struct.pack("<I", 8)
    sub_at = 8 + 2 + 12 + 4
    ifd0 = struct.pack("<H", 1) + struct.pack("<HHII", 0x8769, 4, 1, sub_at) + bytes(4)
    data_at = sub_at + 2 + 12 + 4
    sub = struct.pack("<H", 1) + struct.pack("<HHII", 0x9286, 7, len(comment), data_at) + bytes(4) + comment
    return with_segment(data, 0xE1, b"Exif\x00\x00" + head + ifd0 + sub)


def numbers_past_their_count(data: bytes, text: str) -> bytes:
    """JPEGInterchangeFormat (one LONG by the standard) with 27 of them, which spell `text`."""
    value = text.encode().ljust(108, b".")
    head = b"II*\x00" + struct.pack("<I", 8)
    ifd0 = struct.pack("<H", 1) + struct.pack("<HHII", 0x0201, 4, 27, 8 + 2 + 12 + 4) + bytes(4)
    return with_segment(data, 0xE1, b"Exif\x00\x00" + head + ifd0 + value)


def png_with_compressed_xmp(packet: bytes) -> bytes:
    from PIL import Image  # noqa: PLC0415

    buf = io.BytesIO()
    Image.new("RGB", (32, 24), (200, 30, 30)).save(buf, "PNG")
    data = buf.getvalue()
    payload = b"XML:com.adobe.xmp\x00\x01\x00\x00\x00" + zlib.compress(packet)
    chunk = (
        struct.pack(">I", len(payload)) + b"iTXt" + payload + struct.pack(">I", zlib.crc32(b"iTXt" + payload))
    )
    at = data.index(b"IDAT") - 4
    return data[:at] + chunk + data[at:]


def event(event_id: str, *, image: bytes | None = None, media_type: str = "image/jpeg", seed: int = 1,
          source: str = "studio", **generation: object) -> bytes:  # fmt: skip
    doc = {
        "event_id": event_id,
        "occurred_at": "2026-12-05T10:00:00Z",
        "source": source,
        "asset": {"data": base64.b64encode(image or plain_jpeg(seed)).decode(), "media_type": media_type},
        "generation": {"synthetic": True, "model": {"name": "sdxl", "version": "1.0", "provider": "p"},
                       **generation},
    }  # fmt: skip
    return json.dumps(doc, ensure_ascii=False).encode()


def planted(run: str) -> tuple[list[tuple[bytes, bytes]], dict[str, str], set[str]]:
    """(key, value) of every record, the canary of each case, and the cases whose image carries one."""
    c = {name: canary(name) for name in (
        "arroba", "tags", "escape", "percent", "split", "card", "phone", "ident", "sampler", "provider",
        "source", "xmptk", "lang", "nul", "utf32", "itxt", "aftereoi", "numbers")}  # fmt: skip
    card = circled("4111 1111 1111 1111")
    base = plain_jpeg(9)
    lang_title = (
        f"<dc:title><rdf:Alt><rdf:li xml:lang='{c['lang']}@example.com'>x</rdf:li></rdf:Alt></dc:title>"
    )
    described = (
        f"<dc:description><rdf:Alt><rdf:li xml:lang='x-default'>{c['itxt']}@example.com</rdf:li>"
        "</rdf:Alt></dc:description>"
    )
    records = {
        "arroba": event(
            f"{run}-arroba", parameters={"prompt": f"mail {c['arroba']} arroba example punto com"}
        ),
        "tags": event(f"{run}-tags", parameters={"prompt": "red dress" + tagged(f"{c['tags']}@example.com")}),
        "escape": event(f"{run}-escape", parameters={"prompt": f"{c['escape']}\\u0040example.com"}),
        "percent": event(f"{run}-percent", parameters={"prompt": f"{c['percent']}%252540example.com"}),
        "split": event(f"{run}-split", parameters={"to": [c["split"], "@", "example.com"]}),
        "card": event(f"{run}-card", parameters={"prompt": f"{c['card']} card {card}"}),
        "phone": event(f"{run}-phone", parameters={"prompt": f"{c['phone']} \u96fb\u8a71 090-1234-5678"}),
        "ident": event(f"maria\uff0e{c['ident']}"),
        "source": event(f"{run}-source", source=f"MARIA_{c['source'].upper()}"),
        "sampler": event(
            f"{run}-sampler", seed=2, parameters={"sampler": f"maria-{c['sampler']}", "steps": 30}
        ),
        "provider": event(
            f"{run}-provider",
            seed=3,
            model={"name": "sdxl", "version": "1.0", "provider": f"MARIA_{c['provider'].upper()}"},
        ),
        "xmptk": event(
            f"{run}-xmptk",
            image=with_segment(base, 0xE1, XMP_ID + xmp("", f'x:xmptk="{c["xmptk"]}@example.com"')),
        ),
        "lang": event(f"{run}-lang", image=with_segment(base, 0xE1, XMP_ID + xmp(lang_title))),
        "nul": event(f"{run}-nul", image=user_comment_after_nul(base, f"{c['nul']}@example.com")),
        "utf32": event(
            f"{run}-utf32", image=with_segment(base, 0xFE, f"{c['utf32']}@example.com".encode("utf-32"))
        ),
        "itxt": event(f"{run}-itxt", media_type="image/png", image=png_with_compressed_xmp(xmp(described))),
        # Removed before the image is signed and published: bytes after EOI, numbers past their count.
        "aftereoi": event(f"{run}-aftereoi", image=base + f"{c['aftereoi']}@example.com".encode()),
        "numbers": event(
            f"{run}-numbers", image=numbers_past_their_count(base, f"{c['numbers']}@example.com")
        ),
    }
    keys = {name: (f"maria\uff0e{c['ident']}" if name == "ident" else f"{run}-{name}") for name in records}
    pairs = [(keys[name].encode(), value) for name, value in records.items()]
    return pairs, c, {"xmptk", "lang", "nul", "utf32", "itxt"}


def _forms(word: str) -> list[bytes]:
    return [word.encode(), word.encode("utf-16-le"), word.encode("utf-16-be"), word.encode("utf-32-le")]


def test_no_unseen_canary_reaches_a_record_an_image_a_manifest_a_log_a_span_or_a_metric(
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
        extra={"OTEL_TRACES_EXPORTER": "console"},  # spans go to the same output as the logs
    )
    log_path = tmp_path / "gate.log"
    run = f"un{uuid.uuid4().hex[:6]}"
    records, canaries, in_images = planted(run)
    with running_gate(env, log_path, "--log-level", "DEBUG", "--log-format", "json") as gate:
        producer = Producer({"bootstrap.servers": broker.bootstrap_servers})
        for key, value in records:
            producer.produce(gate_topics.ingest, key=key, value=value)
        assert producer.flush(10) == 0
        # The refused event id is never an output key: wait for the others and the record count.
        clean_keys = {key for key, _ in records if not key.startswith(b"maria")}
        outputs = consume_all(output_topics(gate_topics), clean_keys, timeout=120, settle_s=3.0)
        metrics = gate.metrics()
        assert metrics, "the gate's /metrics did not answer"
        gate.stop_or_kill()
    logs = log_path.read_text(errors="replace")

    by_key = {o.key: o for o in outputs}
    assert len({(o.key, o.value) for o in outputs}) == len(records), [o.key for o in outputs]
    topic = {key.decode().removeprefix(f"{run}-"): by_key[key].topic for key in clean_keys}
    # What was disguised was read: found, not approved (the signed names are withheld instead).
    for name in ("arroba", "tags", "escape", "percent", "split", "card", "phone", *in_images):
        assert topic[name] != gate_topics.approved, name
    refused = [o for o in outputs if o.key not in clean_keys]
    # The full-width id breaks the schema's pattern, so it is refused before it is scanned.
    assert [json.loads(o.value)["reasons"][0]["code"] for o in refused] == ["event.invalid"]
    source = json.loads(by_key[f"{run}-source".encode()].value)
    assert source["reasons"][0]["detail"] == "identifier_personal_data"

    for name in ("aftereoi", "numbers"):  # published, signed, without what carried the canary
        assert topic[name] == gate_topics.approved, name
        doc = json.loads(by_key[f"{run}-{name}".encode()].value)
        assert "metadata.stripped" in doc["actions"], name
    for name in ("sampler", "provider"):
        assert topic[name] == gate_topics.approved, name
        doc = json.loads(by_key[f"{run}-{name}".encode()].value)
        published = base64.b64decode(doc["asset"]["output"]["data"])
        report = verify_manifest(
            published, "image/jpeg", Verifier.create(TrustAnchors.from_pem_file(keys.root_ca))
        )
        assert report.state == "trusted"
        assert canaries[name] not in json.dumps(report.generator_assertion).lower()

    for output in outputs:
        blobs = [output.key, output.value, *output.headers.values()]
        if output.topic == gate_topics.approved:
            doc = json.loads(output.value)
            if doc["asset"].get("output"):
                blobs.append(base64.b64decode(doc["asset"]["output"]["data"]))
        for blob in blobs:
            for name, word in canaries.items():
                assert not any(form in blob.lower() for form in _forms(word)), (name, output.topic)
    for name, word in canaries.items():
        assert word not in logs.lower(), f"{name} canary in a log line or span"
        assert word not in metrics.lower(), f"{name} canary in a metric"
    assert '"level": "debug"' in logs  # the gate really logged at DEBUG
    assert '"name": "gate.event"' in logs  # and its spans really were exported there
