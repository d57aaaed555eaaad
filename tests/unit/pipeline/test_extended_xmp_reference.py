"""xmpNote:HasExtendedXMP names the extended packet a JPEG's main XMP continues in, by the packet's MD5.
When that packet is not published beside it (the strip removed it whole, or it never was there), the value
is 32 hex digits of the writer's choice that no reader uses: unread, and removed with the rest of what the
gate does not read. A reference to an extension that is published stays, so readers still find it.

redimg11 found the dangling reference in an approved Xiaomi photo (a depth map's extension removed unread),
and it is the place a writer hides 16 bytes of anything (a serial number, in hex) in any format.
"""

from __future__ import annotations

import hashlib
import struct

import pytest

from gate.core.pipeline import Pipeline
from gate.imaging.jpeg import segment_bytes
from gate.model import Verdict
from tests.unit.imaging.images import chunk, jpeg_bytes, webp_bytes
from tests.unit.pipeline.test_unseen_containers import png_with

XMP_ID = b"http://ns.adobe.com/xap/1.0/\x00"
EXT_ID = b"http://ns.adobe.com/xmp/extension/\x00"
NOTE = 'xmlns:xmpNote="http://ns.adobe.com/xmp/note/"'
DEPTH = 'xmlns:GDepth="http://ns.google.com/photos/1.0/depthmap/"'
SERIAL_HEX = "373738383132333430303939" + "00" * 4  # "778812340099" in hex: a serial hidden as a GUID


def _packet(body: str = "", attributes: str = "") -> bytes:
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        f'<rdf:Description rdf:about="" {attributes}>{body}</rdf:Description></rdf:RDF></x:xmpmeta>'
        '<?xpacket end="w"?>'
    ).encode()


def _main(guid: str, *, element: bool = False) -> bytes:
    if element:
        return _packet(f"<xmpNote:HasExtendedXMP>{guid}</xmpNote:HasExtendedXMP>", NOTE)
    return _packet(attributes=f'{NOTE} xmpNote:HasExtendedXMP="{guid}"')


def _md5(packet: bytes) -> str:
    return hashlib.md5(packet).hexdigest().upper()


def _jpeg(main: bytes, extension: bytes | None = None) -> bytes:
    base = jpeg_bytes(icc=False)
    segments = segment_bytes(0xE1, XMP_ID + main)
    if extension is not None:
        header = EXT_ID + _md5(extension).encode() + struct.pack(">II", len(extension), 0)
        segments += segment_bytes(0xE1, header + extension)
    return base[:2] + segments + base[2:]


CLEAN_EXTENSION = _packet("<dc:format>image/jpeg</dc:format>", 'xmlns:dc="http://purl.org/dc/elements/1.1/"')
DEPTH_EXTENSION = _packet(f"<GDepth:Data>{'QUJD' * 80}</GDepth:Data>", DEPTH)  # unknown namespace: unread

# case -> (image, whether its HasExtendedXMP must be gone from what is published)
CASES: dict[str, tuple[bytes, bool]] = {
    "extension removed unread": (_jpeg(_main(_md5(DEPTH_EXTENSION)), DEPTH_EXTENSION), True),
    "extension removed unread, element form": (
        _jpeg(_main(_md5(DEPTH_EXTENSION), element=True), DEPTH_EXTENSION),
        True,
    ),
    "no extension at all": (_jpeg(_main(SERIAL_HEX)), True),
    "clean extension under another GUID": (_jpeg(_main(SERIAL_HEX), CLEAN_EXTENSION), True),
    "png with a reference": (
        png_with(chunk(b"iTXt", b"XML:com.adobe.xmp\x00\x00\x00\x00\x00" + _main(SERIAL_HEX))),
        True,
    ),
    "webp with a reference": (webp_bytes(xmp=_main(SERIAL_HEX)), True),
    "clean extension it names": (_jpeg(_main(_md5(CLEAN_EXTENSION)), CLEAN_EXTENSION), False),
    "clean extension it names in lower case": (
        _jpeg(_main(_md5(CLEAN_EXTENSION).lower()), CLEAN_EXTENSION),
        False,
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_reference_to_an_extension_is_published_only_beside_it(gate: Pipeline, case: str) -> None:
    data, goes = CASES[case]
    evaluation = gate.evaluate(data, synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED, evaluation.decision.reason_codes
    published = evaluation.output if evaluation.output is not None else data
    assert (b"HasExtendedXMP" not in published) is goes
    assert SERIAL_HEX.encode() not in published
    if not goes:  # the extension it names is published with it, and the image unchanged
        assert evaluation.output is None


def test_the_dangling_reference_is_reported_unread_by_path(gate: Pipeline) -> None:
    evaluation = gate.evaluate(CASES["no extension at all"][0], synthetic=False)
    paths = [r.reason.path for r in evaluation.decision.reasons if r.reason.code == "metadata.uninspected"]
    assert paths == ["/xmp/xmpNote:HasExtendedXMP"]
    assert SERIAL_HEX not in str([r.as_dict() for r in evaluation.decision.reasons])


def test_a_published_image_passes_the_gate_again_without_a_metadata_reason(gate: Pipeline) -> None:
    for data, _ in CASES.values():
        output = gate.evaluate(data, synthetic=False).output
        if output is not None:
            again = gate.evaluate(output, synthetic=False)
            assert not [code for code in again.decision.reason_codes if code.startswith("metadata.")]
