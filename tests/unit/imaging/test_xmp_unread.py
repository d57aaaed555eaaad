"""XMP the gate reads past (unknown namespaces, comments, processing instructions, content outside
rdf:Description) is `unread`: reported without spelling chosen names, and rewritten away by the strip."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from gate.imaging import probe, strip_identifiers
from gate.imaging.xmp import read_items, strip
from tests.unit.imaging.images import decoded, jpeg_bytes, webp_bytes, xmp_packet

CANARY = "CANARY-xmp-5e1d"
RDF_OPEN = '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'


def packet_with(inside: str = "", attributes: str = "", *, around: tuple[str, str] = ("", "")) -> bytes:
    text = xmp_packet(inside, attributes=attributes).decode()
    if around[0]:
        text = text.replace(RDF_OPEN, RDF_OPEN + around[0], 1)
    if around[1]:
        text = text.replace("</x:xmpmeta>", around[1] + "</x:xmpmeta>", 1)
    return text.encode()


CASES: dict[str, tuple[bytes, str]] = {
    "unknown-namespace-element": (
        packet_with(f'<my:Secret xmlns:my="http://example.com/my/">{CANARY}</my:Secret>'),
        "/xmp/*0",
    ),
    "unknown-namespace-attribute": (
        packet_with(attributes=f'xmlns:my="http://example.com/my/" my:Secret="{CANARY}"'),
        "/xmp/*0",
    ),
    "comment": (packet_with(around=(f"<!-- {CANARY} -->", "")), "/xmp/comment"),
    "processing-instruction": (packet_with(around=(f"<?canary {CANARY}?>", "")), "/xmp/comment"),
    "element-beside-description": (
        packet_with(around=(f'<my:Note xmlns:my="http://example.com/my/">{CANARY}</my:Note>', "")),
        "/xmp/outside",
    ),
    "text-outside-rdf": (packet_with(around=("", CANARY)), "/xmp/outside"),
    # Between the packet's end and the end of its segment or chunk: padding is whitespace, this is not.
    "text-after-packet-end": (packet_with() + CANARY.encode(), "/xmp/tail"),
    "text-after-packet-end-and-padding": (
        packet_with() + b"\n" * 40 + CANARY.encode() + b"\x00",
        "/xmp/tail",
    ),
    "packet-after-packet-end": (packet_with() + packet_with(f"<dc:title>{CANARY}</dc:title>"), "/xmp/tail"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_unread_xmp_is_reported_and_rewritten_away(case: str) -> None:
    packet, path = CASES[case]
    items, _ = read_items(packet)
    assert (path, "unread") in {(item.path, item.kind) for item in items}
    assert not any("example.com" in item.path or "Secret" in item.path for item in items)
    rewritten = strip(packet, frozenset({"unread"}))
    assert rewritten is not None
    assert CANARY.encode() not in rewritten
    if rewritten:
        assert not [item for item in read_items(rewritten)[0] if item.kind == "unread"]


def test_technical_namespaces_are_read_past_quietly() -> None:
    packet = packet_with(
        '<hdrgm:Version xmlns:hdrgm="http://ns.adobe.com/hdr-gain-map/1.0/">1.0</hdrgm:Version>'
        '<xmpMM:DocumentID xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">xmp.did:1</xmpMM:DocumentID>'
    )
    assert [item for item in read_items(packet)[0] if item.kind == "unread"] == []
    assert strip(packet, frozenset({"unread"})) is None


MAKERS: dict[str, Callable[..., bytes]] = {"jpeg": jpeg_bytes, "webp": webp_bytes}


@pytest.mark.parametrize("maker", sorted(MAKERS))
@pytest.mark.parametrize("case", sorted(CASES))
def test_default_strip_publishes_no_unread_xmp(maker: str, case: str) -> None:
    data = MAKERS[maker](xmp=CASES[case][0])
    found = probe(data)
    stripped = strip_identifiers(data, found)
    assert CANARY.encode() not in stripped
    assert decoded(stripped) == decoded(data)


PLAIN = packet_with(
    '<dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">'
    "<rdf:Seq><rdf:li>Jane Doe</rdf:li></rdf:Seq></dc:creator>"
)


@pytest.mark.parametrize(
    "packet",
    [
        PLAIN.decode().encode("utf-16-le"),  # no byte-order mark: the zero after "<" tells the order
        PLAIN.decode().encode("utf-16-be"),
        PLAIN.decode().encode("utf-16"),  # with a mark
        ("\n " + PLAIN.decode()).encode("utf-16-le"),  # whitespace first
        ("\r\n" + PLAIN.decode()).encode("utf-16-be"),
        PLAIN + b"\n  \t\r\n" * 100,  # padding after the packet's end
        PLAIN + b"\x00" * 7,
        PLAIN,
    ],
    ids=[
        "utf16-le-no-bom",
        "utf16-be-no-bom",
        "utf16-bom",
        "utf16-le-whitespace-first",
        "utf16-be-whitespace-first",
        "whitespace-padding",
        "nul-padding",
        "utf8",
    ],
)
def test_valid_packets_read_alike_and_carry_nothing_unread(packet: bytes) -> None:
    items, _ = read_items(packet)
    assert [(item.path, item.kind, item.value) for item in items] == [
        ("/xmp/dc:creator", "owner", "Jane Doe")
    ]
    data = jpeg_bytes(xmp=packet)
    assert strip_identifiers(data, probe(data)) is data  # nothing to remove
