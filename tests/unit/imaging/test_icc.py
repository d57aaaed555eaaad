"""ICC profiles in every container are parsed and their text scanned; unknown tags make them uninspected."""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Callable

import pytest

from gate.core.pipeline import Pipeline
from gate.imaging import probe, read_metadata
from gate.model import Verdict
from gate.worker.assembly import PipelineSpec
from tests.unit.imaging.images import chunk, icc_profile, pixels

EMAIL = "jo@example.io"  # as long as "sRGB built-in", so the patched profile keeps its layout


def patched_profile(
    description: str = "sRGB built-in", rename: bytes | None = None, retype: bytes | None = None
) -> bytes:
    profile = bytearray(icc_profile())
    old = "sRGB built-in".encode("utf-16-be")
    at = profile.index(old)
    profile[at : at + len(old)] = description.encode("utf-16-be")
    if rename is not None:
        (count,) = struct.unpack_from(">I", profile, 128)
        for index in range(count):
            if profile[132 + 12 * index : 136 + 12 * index] == b"wtpt":
                profile[132 + 12 * index : 136 + 12 * index] = rename
                if retype is not None:  # a type the gate does not read, too (an XYZ is read by its type)
                    (offset,) = struct.unpack_from(">I", profile, 136 + 12 * index)
                    profile[offset : offset + 4] = retype
    return bytes(profile)


def jpeg_with(profile: bytes) -> bytes:
    buf = io.BytesIO()
    pixels().save(buf, "JPEG", icc_profile=profile)
    return buf.getvalue()


def png_with(profile: bytes, name: bytes = b"ICC Profile") -> bytes:
    buf = io.BytesIO()
    pixels().save(buf, "PNG")
    data = buf.getvalue()
    return data[:33] + chunk(b"iCCP", name + b"\x00\x00" + zlib.compress(profile)) + data[33:]


def webp_with(profile: bytes) -> bytes:
    buf = io.BytesIO()
    pixels().save(buf, "WEBP", lossless=True, icc_profile=profile)
    return buf.getvalue()


def jpeg_split(profile: bytes) -> bytes:
    """The profile over three APP2 segments, as writers split large profiles (64 KB each)."""
    data = jpeg_with(b"")
    third = len(profile) // 3 + 1
    parts = [profile[i : i + third] for i in range(0, len(profile), third)]
    segments = b"".join(
        b"\xff\xe2"
        + struct.pack(">H", 2 + 14 + len(part))
        + b"ICC_PROFILE\x00"
        + bytes((n + 1, len(parts)))
        + part
        for n, part in enumerate(parts)
    )
    return data[:2] + segments + data[2:]


MAKERS: dict[str, Callable[[bytes], bytes]] = {
    "jpeg": jpeg_with,
    "jpeg-split": jpeg_split,
    "png": png_with,
    "webp": webp_with,
}


@pytest.fixture(scope="module")
def plain_gate() -> Pipeline:
    return PipelineSpec().build()


@pytest.mark.parametrize("maker", sorted(MAKERS))
def test_stock_profile_gives_no_item_and_is_approved(plain_gate: Pipeline, maker: str) -> None:
    data = MAKERS[maker](icc_profile())
    assert read_metadata(data, probe(data)).items == ()
    assert plain_gate.evaluate(data, synthetic=False).verdict is Verdict.APPROVED


@pytest.mark.parametrize("maker", sorted(MAKERS))
def test_personal_data_in_a_profile_description_is_found(plain_gate: Pipeline, maker: str) -> None:
    data = MAKERS[maker](patched_profile(EMAIL))
    items = read_metadata(data, probe(data)).items
    assert [(item.path.split("/")[-1], item.kind) for item in items] == [("profile_description", "free_text")]
    evaluation = plain_gate.evaluate(data, synthetic=False)
    assert evaluation.verdict is Verdict.QUARANTINED
    assert ("metadata.personal_data", "EMAIL_ADDRESS") in {
        (r.reason.code, r.reason.entity) for r in evaluation.decision.reasons
    }


@pytest.mark.parametrize("maker", sorted(MAKERS))
def test_a_profile_with_a_tag_the_gate_does_not_know_is_uninspected(plain_gate: Pipeline, maker: str) -> None:
    data = MAKERS[maker](patched_profile(rename=b"zPvt", retype=b"zPvt"))
    evaluation = plain_gate.evaluate(data, synthetic=False)
    assert evaluation.verdict is Verdict.QUARANTINED
    assert "metadata.uninspected" in evaluation.decision.reason_codes


def test_the_png_profile_name_is_scanned(plain_gate: Pipeline) -> None:
    data = png_with(icc_profile(), name=EMAIL.encode())
    evaluation = plain_gate.evaluate(data, synthetic=False)
    assert evaluation.verdict is Verdict.QUARANTINED
    assert ("metadata.personal_data", "/icc/png/name") in {
        (r.reason.code, r.reason.path) for r in evaluation.decision.reasons
    }


# A profile no colour engine reads is held, not refused (the image decodes; a lenient reader may apply
# the profile, so removing it could change the colours): see `icc.read_items`.
@pytest.mark.parametrize("maker", ["jpeg", "png", "webp"])
def test_a_profile_that_is_not_one_is_held(maker: str) -> None:
    data = MAKERS[maker](b"\x00" * 200)
    assert read_metadata(data, probe(data)).paths("uninspected") == (f"/icc/{maker}/unreadable",)


def test_split_profile_segments_out_of_number_are_held() -> None:
    data = jpeg_split(icc_profile()).replace(b"ICC_PROFILE\x00\x02\x03", b"ICC_PROFILE\x00\x05\x03", 1)
    assert read_metadata(data, probe(data)).paths("uninspected") == ("/icc/jpeg/unnumbered",)
