"""Property: real files made by others, with a few bytes of their structure changed (hypothesis), are
walked, read and stripped with no exception but the gate's own, and what the strip returns holds nothing
the gate did not read (no `unread` or trailing part left)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gate.errors import ImageLimitExceeded, ImageUndecodable
from gate.imaging import jpeg, probe, read_metadata, strip_identifiers
from tests.unit.imaging.images import camera_exif, jpeg_bytes, xmp_packet

REAL = Path(__file__).parents[2] / "fixtures" / "real"
FILES = {
    "iphone-gain-map": (REAL / "apple-gainmap.jpg").read_bytes(),
    "libultrahdr-trailing": (REAL / "libultrahdr-minnie-y.jpg").read_bytes(),
    "riff-info-webp": (REAL / "c2pa-rs-riff-info.webp").read_bytes(),
    "comfyui-exif-webp": (REAL / "generated" / "sd-metadata-comfyui-extended.webp").read_bytes(),
    "pillow-exif-xmp": jpeg_bytes(exif=camera_exif(), xmp=xmp_packet(), comment=b"a comment"),
}


def _header_end(data: bytes) -> int:
    """Where the mutations may reach: a JPEG's segments before its first scan data, a WebP's whole."""
    if not data.startswith(b"\xff\xd8"):
        return len(data)
    first_scan = next(seg for seg in jpeg.walk(data).segments if seg.marker == jpeg.SOS)
    return first_scan.end


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(FILES[draw(st.sampled_from(sorted(FILES)))])
    end = _header_end(bytes(data))
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(2, end - 1))
        kind = draw(st.sampled_from(["set", "insert", "delete"]))
        value = draw(st.binary(min_size=1, max_size=4))
        if kind == "set":
            data[at : at + len(value)] = value
        elif kind == "insert":
            data[at:at] = value
        else:
            del data[at : at + len(value)]
    return bytes(data)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_real_files_are_read_or_refused_and_nothing_unread_is_published(data: bytes) -> None:
    try:
        found = probe(data)
        read_metadata(data, found)
        out = strip_identifiers(data, found)
        left = read_metadata(out, probe(out))
    except (ImageUndecodable, ImageLimitExceeded):
        return
    assert left.paths("unread") == ()
