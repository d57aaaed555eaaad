"""A fourth attacker round on image metadata (redimg, 2026-12-05): canaries in places the earlier rounds
did not plant them. Every image must be refused, quarantined, or published without the canary (checked
as `test_unseen_containers` checks: the bytes as written, UTF-16/UTF-32 forms, every zlib stream).

Held on main already (kept as neighbours): iTXt language tag, translated keyword and keyword, zTXt
keyword, Windows XP tags in IFD0 and PNG eXIf, Interop and GPS IFD text, EXIF's UTF-8 type, text tags
in numeric tags, sPLT/pCAL/gIFx/gIFt, over-long tIME and pHYs, IPTC records 1 and 9, Photoshop
resources in other signatures or with a name, XMP qualifiers and parseType="Resource", a comment or EXIF
between progressive scans, a secondary picture's EXIF, APNG text between frames.
"""

from __future__ import annotations

import hashlib
import json
import re
import struct
from collections.abc import Callable

import pytest

from gate.core.pipeline import Pipeline
from gate.imaging.jpeg import segment_bytes
from gate.model import Verdict
from tests.unit.imaging.images import (
    photoshop_resource,
    with_app13,
    xmp_packet,
)
from tests.unit.pipeline.round4_cases import (
    ANMF_INNER,
    DUCKY,
    EXTENDED,
    HISTOGRAM,
    ICC_UNREFERENCED,
    IIM,
    IPTC_UNREAD,
    JFIF_HEAD,
    JFIF_THUMBNAIL,
    PLAIN_EXIF,
    RAW_PROFILES,
    TRUSTED_KEYWORDS,
    XMP_GUID,
    XMP_ITXT_LABELS,
    XMP_WRAPPER,
    ZLIB_TAIL,
    animated_webp,
    ducky_segment,
    jfif_segment,
    png_text,
    raw_profile,
    xmp_extension_named,
    xmp_itxt,
)
from tests.unit.pipeline.round4_held import HELD, xmp_app1
from tests.unit.pipeline.test_unseen_containers import (
    JPEG,
    _canaries,
    _forms,
    _inflated,
    canary,
)

PLACES: dict[str, bytes] = {
    **XMP_ITXT_LABELS,
    **{place: data for place, (data, _) in DUCKY.items()},
    **TRUSTED_KEYWORDS,
    "png hIST holding text": HISTOGRAM,
    **JFIF_THUMBNAIL,
    **ANMF_INNER,
    **HELD,
    **XMP_WRAPPER,
    **ZLIB_TAIL,
    **ICC_UNREFERENCED,
    **{place: data for place, (data, _) in IPTC_UNREAD.items() if "16" not in place},
    "xmp extension named by an address": XMP_GUID["xmp extension named by an address"],  # 16: no whole canary
}


def _evaluate(gate: Pipeline, data: bytes, place: str) -> None:
    planted = _canaries(data)
    evaluation = gate.evaluate(data, synthetic=False)
    record = json.dumps([reason.as_dict() for reason in evaluation.decision.reasons])
    assert not any(text in record for text in planted)  # reasons never carry the value
    if evaluation.verdict is not Verdict.APPROVED:
        return
    output = evaluation.output if evaluation.output is not None else data
    published = output + _inflated(output)
    for text in planted:
        assert not any(form in published for form in _forms(text)), (place, text)


@pytest.mark.parametrize("place", sorted(PLACES))
def test_a_canary_never_reaches_a_published_image(gate: Pipeline, place: str) -> None:
    _evaluate(gate, PLACES[place], place)


@pytest.mark.parametrize("place", sorted(XMP_WRAPPER))
def test_text_in_the_xmp_wrapper_is_read(gate: Pipeline, place: str) -> None:
    evaluation = gate.evaluate(XMP_WRAPPER[place], synthetic=False)
    assert evaluation.verdict is Verdict.QUARANTINED
    paths = [r.reason.path for r in evaluation.decision.reasons if r.reason.code == "metadata.personal_data"]
    assert paths == ["/xmp/wrapper"]


@pytest.mark.parametrize(
    "packet",
    [
        xmp_packet(),
        xmp_packet().replace(b'begin="\xef\xbb\xbf"', b"begin=''"),
        xmp_packet().replace(b'end="w"', b"end='r'"),
        xmp_packet(attributes='xmlns:stDim="http://ns.adobe.com/xap/1.0/sType/Dimensions#"'),
        xmp_packet(attributes='xmlns:illustrator="http://ns.adobe.com/illustrator/1.0/"'),
    ],
    ids=["standard", "empty begin", "read-only end", "stDim declared", "illustrator declared"],
)
def test_an_ordinary_wrapper_and_declarations_are_clean(gate: Pipeline, packet: bytes) -> None:
    evaluation = gate.evaluate(xmp_app1(packet), synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED, evaluation.decision.reason_codes


@pytest.mark.parametrize(
    ("place", "verdict", "path"),
    [
        ("png zTXt bytes after the stream", Verdict.APPROVED, "/png/zTXt/0"),
        ("png iTXt bytes after the stream", Verdict.APPROVED, "/png/iTXt/0"),
        ("png XMP iTXt bytes after the stream", Verdict.APPROVED, "/png/iTXt/0"),
        ("png iCCP bytes after the stream", Verdict.QUARANTINED, "/png/iCCP/0"),
    ],
)
def test_a_compressed_chunk_with_bytes_after_its_stream_is_not_read_whole(
    gate: Pipeline, place: str, verdict: Verdict, path: str
) -> None:
    """A text chunk goes (decoders skip it); a colour profile stays, so the image is not published."""
    evaluation = gate.evaluate(ZLIB_TAIL[place], synthetic=False)
    assert evaluation.verdict is verdict
    assert [
        r.reason.path for r in evaluation.decision.reasons if r.reason.code == "metadata.uninspected"
    ] == [path]
    if verdict is Verdict.APPROVED:
        assert evaluation.output is not None and path.split("/")[2].encode() not in evaluation.output


@pytest.mark.parametrize("place", sorted(ICC_UNREFERENCED))
def test_a_profile_is_published_with_its_unreferenced_bytes_zeroed(gate: Pipeline, place: str) -> None:
    data = ICC_UNREFERENCED[place]
    evaluation = gate.evaluate(data, synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED
    assert evaluation.output is not None
    if not place.startswith("png"):  # patched in place; PNG's profile is compressed again
        assert len(evaluation.output) == len(data)
    assert [
        r.reason.path for r in evaluation.decision.reasons if r.reason.code == "metadata.uninspected"
    ] == [f"/icc/{place.split(maxsplit=1)[0]}/unreferenced"]


@pytest.mark.parametrize("place", sorted(IPTC_UNREAD))
def test_iim_bytes_that_are_no_dataset_or_digest_are_unread_and_dropped(gate: Pipeline, place: str) -> None:
    data, path = IPTC_UNREAD[place]
    evaluation = gate.evaluate(data, synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED
    assert [
        r.reason.path for r in evaluation.decision.reasons if r.reason.code == "metadata.uninspected"
    ] == [path]
    assert evaluation.output is not None and canary("d")[:16].encode() not in evaluation.output
    assert (IIM in evaluation.output) is (IIM in data)  # the datasets stay


@pytest.mark.parametrize("datasets", [IIM, b"", IIM + bytes(3)], ids=["datasets", "none", "zero padding"])
def test_a_true_iim_digest_is_read_as_the_hash_it_is(gate: Pipeline, datasets: bytes) -> None:
    """Photoshop writes the MD5 of the IIM block; Adobe's tools leave the MD5 of nothing when they empty
    it (18 files of c2pa-org/public-testfiles): either is a hash, not text, and is published."""
    resources = [photoshop_resource(0x0404, datasets)] if datasets else []
    digest = photoshop_resource(0x0425, hashlib.md5(datasets).digest())
    data = with_app13(JPEG, *resources, digest)
    evaluation = gate.evaluate(data, synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED
    assert evaluation.decision.reason_codes == ("provenance.missing",)
    assert evaluation.output is None


@pytest.mark.parametrize(
    "place", sorted(p for p in ANMF_INNER if "bitstream" not in p)
)  # that one: undecodable
def test_a_frame_holding_more_than_its_bitstream_is_uninspected(gate: Pipeline, place: str) -> None:
    evaluation = gate.evaluate(ANMF_INNER[place], synthetic=False)
    assert evaluation.verdict is Verdict.QUARANTINED
    assert [
        r.reason.path for r in evaluation.decision.reasons if r.reason.code == "metadata.uninspected"
    ] == ["/webp/ANMF/0"]


@pytest.mark.parametrize(
    ("mode", "options"),
    [
        ("RGB", {"lossless": True}),
        ("RGB", {"quality": 80}),
        ("RGBA", {"quality": 80}),
        ("RGBA", {"lossless": True}),
    ],
    ids=["lossless", "lossy", "lossy with alpha", "lossless with alpha"],
)
def test_ordinary_animated_webps_are_approved_unchanged(
    gate: Pipeline, mode: str, options: dict[str, object]
) -> None:
    data = animated_webp(mode, **options)
    evaluation = gate.evaluate(data, synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED, evaluation.decision.reason_codes
    assert evaluation.output is None


@pytest.mark.parametrize("place", sorted(JFIF_THUMBNAIL))
def test_a_jfif_thumbnail_is_unread_and_the_header_kept(gate: Pipeline, place: str) -> None:
    evaluation = gate.evaluate(JFIF_THUMBNAIL[place], synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED
    assert [
        r.reason.path for r in evaluation.decision.reasons if r.reason.code == "metadata.uninspected"
    ] == ["/jpeg/APP0/thumbnail"]
    kept = JFIF_HEAD + b"\x00\x00" + (b"AMPF" if "AMPF" in place else b"")
    assert evaluation.output is not None
    assert evaluation.output.startswith(b"\xff\xd8" + segment_bytes(0xE0, kept))


@pytest.mark.parametrize("after", [b"", b"AMPF"], ids=["header", "header and AMPF"])
def test_a_jfif_header_without_thumbnail_is_published_as_it_is(gate: Pipeline, after: bytes) -> None:
    data = jfif_segment(0, 0, b"", after)
    evaluation = gate.evaluate(data, synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED
    assert evaluation.output is None


@pytest.mark.parametrize("place", sorted(XMP_GUID))
def test_an_extension_not_named_by_its_md5_is_unread_and_removed(gate: Pipeline, place: str) -> None:
    evaluation = gate.evaluate(XMP_GUID[place], synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED
    assert [
        r.reason.path for r in evaluation.decision.reasons if r.reason.code == "metadata.uninspected"
    ] == ["/jpeg/APP1/xmp_extension"]
    assert evaluation.output is not None and b"xmp/extension" not in evaluation.output


@pytest.mark.parametrize("case", [str.upper, str.lower], ids=["upper", "lower"])
def test_an_extension_named_by_its_md5_is_read(gate: Pipeline, case: Callable[[str], str]) -> None:
    guid = case(hashlib.md5(EXTENDED).hexdigest()).encode()
    evaluation = gate.evaluate(xmp_extension_named(guid, EXTENDED), synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED
    assert evaluation.output is None


def test_a_histogram_chunk_is_unread_and_removed(gate: Pipeline) -> None:
    evaluation = gate.evaluate(HISTOGRAM, synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED
    assert [
        r.reason.path for r in evaluation.decision.reasons if r.reason.code == "metadata.uninspected"
    ] == ["/png/hIST/0"]
    assert evaluation.output is not None and b"hIST" not in evaluation.output


def _hex_canaries(data: bytes) -> set[str]:
    """Canaries written in hex (as raw profiles hold them) anywhere in `data` or its zlib streams."""
    readable = (data + _inflated(data)).decode("latin-1")
    return {
        found
        for run in re.findall(r"[0-9a-f\n]{16,}", readable)
        for found in _canaries(bytes.fromhex(run.replace("\n", "")[: len(run.replace("\n", "")) // 2 * 2]))
    }


@pytest.mark.parametrize("place", sorted(RAW_PROFILES))
def test_a_raw_profile_the_gate_does_not_read_whole_is_removed(gate: Pipeline, place: str) -> None:
    data = RAW_PROFILES[place]
    assert _hex_canaries(data) or _canaries(data)
    evaluation = gate.evaluate(data, synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED
    assert [
        r.reason.path for r in evaluation.decision.reasons if r.reason.code == "metadata.uninspected"
    ] == ["/png/zTXt/raw_profile"]
    assert evaluation.output is not None
    assert not _hex_canaries(evaluation.output) and not _canaries(evaluation.output)


def test_a_raw_exif_profile_as_imagemagick_writes_it_is_read(gate: Pipeline) -> None:
    evaluation = gate.evaluate(raw_profile("exif", PLAIN_EXIF), synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED
    assert evaluation.output is None


@pytest.mark.parametrize("place", sorted(TRUSTED_KEYWORDS))
def test_text_under_a_keyword_that_promises_none_is_scanned(gate: Pipeline, place: str) -> None:
    evaluation = gate.evaluate(TRUSTED_KEYWORDS[place], synthetic=False)
    assert evaluation.verdict is Verdict.QUARANTINED
    assert "metadata.personal_data" in evaluation.decision.reason_codes


@pytest.mark.parametrize(
    ("keyword", "text"),
    [
        (b"Software", b"Adobe Photoshop CC 2019 (Macintosh)"),
        (b"Software", b"GIMP 2.10.34"),
        (b"Software", b"www.inkscape.org"),
        (b"Creation Time", b"Mon, 01 Jan 2023 12:00:00 GMT"),
        (b"Creation Time", b"2023:01:01 12:00:00"),
        (b"Creation Time", b"2023-01-01T12:00:00+01:00"),
    ],
)
def test_ordinary_software_and_creation_times_are_clean(gate: Pipeline, keyword: bytes, text: bytes) -> None:
    evaluation = gate.evaluate(png_text(keyword, text), synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED, evaluation.decision.reasons
    assert evaluation.output is None


@pytest.mark.parametrize("place", sorted(DUCKY))
def test_ducky_bytes_no_reader_takes_are_unread_and_dropped(gate: Pipeline, place: str) -> None:
    data, path = DUCKY[place]
    evaluation = gate.evaluate(data, synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED
    assert [
        r.reason.path for r in evaluation.decision.reasons if r.reason.code == "metadata.uninspected"
    ] == [path]
    assert evaluation.output is not None and b"Ducky" not in evaluation.output


@pytest.mark.parametrize("tail", [b"", bytes(6)], ids=["end", "zero padding"])
def test_a_ducky_segment_as_photoshop_writes_it_is_kept(gate: Pipeline, tail: bytes) -> None:
    evaluation = gate.evaluate(ducky_segment(struct.pack(">I", 80), tail), synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED
    assert evaluation.output is None


@pytest.mark.parametrize("place", sorted(XMP_ITXT_LABELS))
def test_an_xmp_itxt_label_is_scanned(gate: Pipeline, place: str) -> None:
    evaluation = gate.evaluate(XMP_ITXT_LABELS[place], synthetic=False)
    assert evaluation.verdict is Verdict.QUARANTINED
    paths = [r.reason.path for r in evaluation.decision.reasons if r.reason.code == "metadata.personal_data"]
    assert paths == ["/png/iTXt/XML:com.adobe.xmp/keyword"]


@pytest.mark.parametrize(("language", "translated"), [(b"x-default", b""), (b"en-GB", b"XMP")])
def test_ordinary_xmp_itxt_labels_are_clean(gate: Pipeline, language: bytes, translated: bytes) -> None:
    evaluation = gate.evaluate(xmp_itxt(language, translated), synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED, evaluation.decision.reasons


def test_the_cases_plant_canaries() -> None:
    assert all(_canaries(data) for data in PLACES.values())
