"""XMP properties the gate now reads for what they are: a PDF's author and PLUS licensing's people are
owners (ExifTool's ExtendedXMP.jpg published pdf:Author unflagged: a short name without context is no
finding); a Pixel's HDR+ maker note and shot log are base64 of packed camera data, unread and removed."""

from __future__ import annotations

import pytest

from gate.imaging import probe, read_metadata, strip_identifiers
from gate.imaging.items import DEFAULT_STRIP_KINDS
from tests.unit.imaging.images import jpeg_bytes, xmp_packet


@pytest.mark.parametrize(
    ("prop", "kind"),
    [
        ('<pdf:Author xmlns:pdf="http://ns.adobe.com/pdf/1.3/">Phil Too</pdf:Author>', "owner"),
        (
            '<plus:Licensor xmlns:plus="http://ns.useplus.org/ldf/xmp/1.0/">'
            "<rdf:Seq><rdf:li>Anna Kowalska</rdf:li></rdf:Seq></plus:Licensor>",
            "owner",
        ),
        (
            '<GCamera:HdrPlusMakernote xmlns:GCamera="http://ns.google.com/photos/1.0/camera/">'
            "SERSUAPvZDVtXnAeLOrjTFc6Z</GCamera:HdrPlusMakernote>",
            "unread",
        ),
        (
            '<GCamera:MotionPhoto xmlns:GCamera="http://ns.google.com/photos/1.0/camera/">1</GCamera:MotionPhoto>',
            None,
        ),
    ],
)
def test_xmp_people_and_opaque_camera_blobs(prop: str, kind: str | None) -> None:
    data = jpeg_bytes(xmp=xmp_packet(prop))
    kinds = {item.kind for item in read_metadata(data, probe(data)).items} - {"free_text"}
    assert kinds == ({kind} if kind else set())
    if kind == "unread":  # not handed to the scanner either (170 ms of regex on a Pixel's base64)
        assert not [item for item in read_metadata(data, probe(data)).items if "SERSUA" in (item.value or "")]
        out = strip_identifiers(data, probe(data), DEFAULT_STRIP_KINDS)
        assert b"HdrPlusMakernote" not in out
