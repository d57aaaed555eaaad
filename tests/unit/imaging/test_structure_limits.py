"""Structure counts decoders choke on (scans, segments, chunks) end in `image.limits`, fast, at the walk."""

from __future__ import annotations

import contextlib
import struct

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gate.core.checks.base import CheckContext
from gate.core.checks.image import ImageCheck
from gate.errors import ImageLimitExceeded, ImageUndecodable
from gate.imaging import ImageLimits, probe
from gate.imaging.jpeg import segment_bytes
from gate.imaging.limits import MAX_ANCILLARY_CHUNKS, MAX_CHUNKS, MAX_SCANS, MAX_SEGMENTS
from tests.unit.imaging.images import chunk, jpeg_bytes, png_bytes, webp_bytes

JPEG, PNG, WEBP = jpeg_bytes(icc=False), png_bytes(), webp_bytes()
SOS_AT = JPEG.index(b"\xff\xda")
# An extra scan: one component, the whole spectrum, one byte of entropy-coded data.
SCAN = b"\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00\x00"


def jpeg_segments(data: bytes) -> int:
    found = probe(data).layout_for(data)
    assert found is not None
    return len(found.segments)  # type: ignore[union-attr]


def with_comments(count: int) -> bytes:
    return JPEG[:2] + segment_bytes(0xFE, b"") * count + JPEG[2:]


def with_scans(count: int) -> bytes:
    return JPEG[:SOS_AT] + SCAN * count + JPEG[SOS_AT:]


def png_with(ctype: bytes, count: int) -> bytes:
    return PNG[:33] + chunk(ctype, b"") * count + PNG[33:]


def webp_with(fourcc: bytes, count: int) -> bytes:
    body = WEBP[12:] + (fourcc + b"\x00\x00\x00\x00") * count
    return b"RIFF" + struct.pack("<I", len(body) + 4) + b"WEBP" + body


BASE_SEGMENTS = jpeg_segments(JPEG)
BASE_PNG_ANCILLARY = 1  # iCCP
BASE_WEBP_CHUNKS = len(probe(WEBP).layout_for(WEBP).chunks)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("make", "at_limit", "over"),
    [
        (with_comments, MAX_SEGMENTS - BASE_SEGMENTS, MAX_SEGMENTS - BASE_SEGMENTS + 1),
        (with_scans, MAX_SCANS - 1, MAX_SCANS),  # the image has one scan of its own
        (lambda n: png_with(b"prVt", n), MAX_ANCILLARY_CHUNKS - BASE_PNG_ANCILLARY, None),
        (lambda n: png_with(b"tEXt", n), None, MAX_ANCILLARY_CHUNKS),
        (lambda n: png_with(b"IDAT", n), MAX_CHUNKS - 4, MAX_CHUNKS),
        (lambda n: webp_with(b"XXXX", n), MAX_ANCILLARY_CHUNKS - BASE_WEBP_CHUNKS, None),
        (lambda n: webp_with(b"XXXX", n), None, MAX_ANCILLARY_CHUNKS),
    ],
    ids=["jpeg-segments", "jpeg-scans", "png-private", "png-text", "png-idat", "webp-at", "webp-over"],
)
def test_counts_up_to_the_limit_pass_and_past_it_are_limits(
    make: object, at_limit: int | None, over: int | None
) -> None:
    assert callable(make)
    if at_limit is not None:
        probe(make(at_limit))
    if over is not None:
        with pytest.raises(ImageLimitExceeded):
            probe(make(over))


@pytest.mark.parametrize(
    "flood",
    [with_comments(1_000_000), with_scans(300_000), png_with(b"prVt", 500_000), png_with(b"IDAT", 300_000)],
    ids=["million-comments", "300k-scans", "private-chunks", "empty-idat"],
)
def test_floods_end_in_image_limits_from_the_check(flood: bytes) -> None:
    ctx = CheckContext(data=flood, declared_media_type=None)
    outcome = ImageCheck(ImageLimits()).run(ctx)
    assert [reason.code for reason in outcome.reasons] == ["image.limits"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([b"\xff\xfe", b"\xff\xe4", b"\xff\xdb"]), max_size=40), st.integers(0, 3))
def test_any_sequence_of_jpeg_segments_is_walked_or_refused_cleanly(markers: list[bytes], scans: int) -> None:
    data = (
        JPEG[:2] + b"".join(m + b"\x00\x02" for m in markers) + JPEG[2:SOS_AT] + SCAN * scans + JPEG[SOS_AT:]
    )
    with contextlib.suppress(ImageUndecodable):  # an empty DQT is not a table; Pillow says so
        assert jpeg_segments(data) == BASE_SEGMENTS + len(markers) + scans


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from([b"prVt", b"tEXt", b"IDAT", b"zzzz", b"IEND", b"IHDR"]), st.binary(max_size=8)
        ),
        max_size=30,
    )
)
def test_any_sequence_of_png_chunks_is_walked_or_refused_cleanly(chunks: list[tuple[bytes, bytes]]) -> None:
    data = PNG[:33] + b"".join(chunk(t, p) for t, p in chunks) + PNG[33:]
    with contextlib.suppress(ImageUndecodable, ImageLimitExceeded):
        probe(data)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from([b"EXIF", b"XMP ", b"ICCP", b"ANMF", b"zzzz", b"VP8L"]), st.binary(max_size=9)
        ),
        max_size=30,
    ),
    st.integers(-3, 3),
)
def test_any_sequence_of_webp_chunks_is_walked_or_refused_cleanly(
    chunks: list[tuple[bytes, bytes]], skew: int
) -> None:
    body = WEBP[12:] + b"".join(t + struct.pack("<I", len(p)) + p + b"\x00" * (len(p) & 1) for t, p in chunks)
    data = b"RIFF" + struct.pack("<I", max(0, len(body) + 4 + skew)) + b"WEBP" + body
    with contextlib.suppress(ImageUndecodable, ImageLimitExceeded):
        found = probe(data)
        layout = found.layout_for(data)
        assert layout is not None
        assert all(chunk.end <= len(data) for chunk in layout.chunks)  # type: ignore[union-attr]
