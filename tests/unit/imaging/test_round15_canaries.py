"""Fifteenth image round: ~120 hostile canaries (`round15_places`) and the class they found open.

Numbers a writer may choose freely spelled an address or a phone number that was published: 20 bytes of an
ICC `chrm` tag (in a JPEG, PNG or WebP profile) and of its header (maker, model and attributes; intent,
illuminant and creator), EXIF arrays of numbers within their counts (TransferFunction's 1,536 bytes,
ReferenceBlackWhite, PrimaryChromaticities, YCbCrCoefficients, LensSpecification) and single rationals
stored one after another, PNG cHRM and mDCv. Their bytes are now read as a palette's are
(`gate.imaging.spelled`): the text they spell is scanned without context. Every other place was closed
already (refused by name, removed unread, or its value found).
"""

from __future__ import annotations

import struct

import pytest

from gate.core.pipeline import Pipeline
from gate.imaging.spelled import printable_runs
from gate.model import Verdict
from gate.worker.assembly import PipelineSpec
from tests.unit.imaging.round15_cases import (
    EMAIL,
    after_soi,
    asc,
    base_jpeg,
    chunk,
    exif_app1,
    gps_bytes,
    icc_profile,
    png_with,
    rchunk,
    seg,
    tiff,
    webp_ext,
)
from tests.unit.imaging.round15_places import SERIALS, cases, numeric_cases

_ALL = {**cases(), **numeric_cases()}
_NEEDLES = (
    EMAIL,
    EMAIL.decode().encode("utf-16-le"),
    EMAIL.decode().encode("utf-16-be"),
    EMAIL.hex().encode(),
    gps_bytes("<"),
    gps_bytes(">"),
    b"48.8583",
    b"48,51.498N",
    *SERIALS,
)


@pytest.fixture(scope="module")
def gate() -> Pipeline:
    return PipelineSpec().build()


def _published(gate: Pipeline, data: bytes) -> tuple[Verdict, bytes]:
    evaluation = gate.evaluate(data, synthetic=False)
    if evaluation.verdict is not Verdict.APPROVED:
        return evaluation.verdict, b""
    return evaluation.verdict, evaluation.output if evaluation.output is not None else data


@pytest.mark.parametrize("name", sorted(_ALL))
def test_no_canary_is_published(gate: Pipeline, name: str) -> None:
    _, published = _published(gate, _ALL[name])
    assert not [needle for needle in _NEEDLES if needle in published], name


def _with_chrm(profile: bytes, payload: bytes) -> bytes:
    """The profile with the last bytes of its `chrm` tag (LittleCMS writes it last) replaced."""
    return profile[: -len(payload)] + payload


PHONE = b"+4915123456789"


@pytest.mark.parametrize(
    ("name", "build"),
    [
        ("jpeg", lambda p: after_soi(base_jpeg(), seg(0xE2, b"ICC_PROFILE\0\x01\x01" + p))),
        ("webp", lambda p: webp_ext([rchunk(b"ICCP", p), b"BITS"], flags_icc=True)),
        ("png", lambda p: png_with(after_ihdr=[chunk(b"iCCP", b"p\0\0" + __import__("zlib").compress(p))])),
    ],
)
@pytest.mark.parametrize(
    ("payload", "held"),
    [
        (EMAIL, True),
        (PHONE + bytes(6), True),
        (EMAIL.decode().encode("utf-16-be")[:20], False),  # "jane.roe@e": no address
        (bytes(20), False),  # neighbour: zero chromaticities
    ],
)
def test_an_icc_profile_whose_numbers_spell_an_address_is_held(
    gate: Pipeline, name: str, build: object, payload: bytes, held: bool
) -> None:
    assert callable(build)
    profile = _with_chrm(icc_profile(), payload)
    verdict, published = _published(gate, build(profile))
    assert (verdict is Verdict.QUARANTINED) is held, name
    assert EMAIL not in published


def _exif_numbers(tag: int, typ: int, count: int, raw: bytes) -> bytes:
    return after_soi(base_jpeg(), exif_app1(tiff([asc(0x010F, b"X"), (tag, typ, count, raw)], ">")))


def _rationals(*pairs: tuple[int, int]) -> bytes:
    return b"".join(struct.pack(">II", a, b) for a, b in pairs)


def _curve() -> bytes:
    """A TransferFunction as cameras write it: 3 x 256 rising SHORTs (a gamma of 2.2)."""
    return b"".join(struct.pack(">H", round(65535 * (i / 255) ** 2.2)) for _ in range(3) for i in range(256))


@pytest.mark.parametrize(
    ("tag", "typ", "count", "raw", "held"),
    [
        (0x012D, 3, 768, (EMAIL * 77)[:1536], True),  # TransferFunction spelling an address
        (0x0214, 5, 6, (EMAIL + bytes(4)) * 2, True),  # ReferenceBlackWhite
        (0x013F, 5, 6, (EMAIL + bytes(4)) * 2, True),  # PrimaryChromaticities
        (0x013E, 5, 2, PHONE + bytes(2), True),  # WhitePoint: 16 bytes hold a phone number
        # Neighbours: numbers as writers put them.
        (0x012D, 3, 768, _curve(), False),
        (0x0214, 5, 6, _rationals((0, 1), (255, 1), (128, 1), (255, 1), (128, 1), (255, 1)), False),
        (0x013F, 5, 6, _rationals((64, 100), (33, 100), (30, 100), (60, 100), (15, 100), (6, 100)), False),
        (0x013E, 5, 2, _rationals((3127, 10000), (3290, 10000)), False),
    ],
)
def test_exif_numbers_that_spell_an_address_are_held(
    gate: Pipeline, tag: int, typ: int, count: int, raw: bytes, held: bool
) -> None:
    verdict, published = _published(gate, _exif_numbers(tag, typ, count, raw))
    assert (verdict is Verdict.QUARANTINED) is held
    assert EMAIL not in published and PHONE not in published


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (b"\x01\x02jane.roe\x00", "jane.roe"),
        ("jane.roe".encode("utf-16-be"), "jane.roe"),
        ("jane.roe".encode("utf-16-le"), "jane.roe"),
        (b"abcde\x00", ""),  # five characters: too short to hold anything
        (bytes(range(256)), bytes(range(0x20, 0x7F)).decode()),
    ],
)
def test_printable_runs(raw: bytes, text: str) -> None:
    """Each run is read in every byte order that spells it (a UTF-16 run's shifted reading may follow)."""
    runs = printable_runs(raw).split("\n")
    assert text in runs


def _header(profile: bytes, at: int, payload: bytes) -> bytes:
    out = bytearray(profile)
    out[at : at + len(payload)] = payload
    return bytes(out)


@pytest.mark.parametrize(
    ("at", "payload", "held"),
    [
        (48, PHONE + bytes(2), True),  # device maker, model and attributes: 16 bytes in a row
        (64, EMAIL, True),  # rendering intent, illuminant and creator: 20 bytes
        # Neighbours: the header as LittleCMS writes it, and a maker and model as Apple's profiles name them.
        (0, b"", False),
        (48, b"APPLsRGB", False),
    ],
)
def test_an_icc_header_whose_numbers_spell_an_address_is_held(
    gate: Pipeline, at: int, payload: bytes, held: bool
) -> None:
    profile = _header(icc_profile(), at, payload)
    verdict, _ = _published(gate, after_soi(base_jpeg(), seg(0xE2, b"ICC_PROFILE\0\x01\x01" + profile)))
    assert (verdict is Verdict.QUARANTINED) is held


@pytest.mark.parametrize(
    ("chunks", "held"),
    [
        ((chunk(b"cHRM", EMAIL + bytes(12)),), True),  # 32 bytes of chromaticities
        ((chunk(b"cHRM", PHONE + bytes(18)),), True),
        ((chunk(b"mDCv", EMAIL + bytes(4)),), True),  # 24 bytes of a mastering display
        # Neighbours: sRGB's chromaticities (x 100000) and a mastering display as encoders write it.
        ((chunk(b"cHRM", struct.pack(">8I", 31270, 32900, 64000, 33000, 30000, 60000, 15000, 6000)),), False),
        (
            (
                chunk(
                    b"mDCv",
                    struct.pack(">8H2I", 35400, 14600, 8500, 39850, 6550, 2300, 15635, 16450, 10000000, 1),
                ),
            ),
            False,
        ),
    ],
)
def test_png_colour_chunks_that_spell_an_address_are_held(
    gate: Pipeline, chunks: tuple[bytes, ...], held: bool
) -> None:
    verdict, published = _published(gate, png_with(after_ihdr=list(chunks)))
    assert (verdict is Verdict.QUARANTINED) is held
    assert EMAIL not in published


def _shot(*values: bytes) -> bytes:
    """Exif IFD rationals ExposureTime, FNumber, ApertureValue, stored one after another."""
    entries = [(tag, 5, 1, value) for tag, value in zip((0x829A, 0x829D, 0x9202), values, strict=False)]
    return after_soi(base_jpeg(), exif_app1(tiff([asc(0x010F, b"X")], ">", exif_entries=entries)))


@pytest.mark.parametrize(
    ("values", "held"),
    [
        ((EMAIL[:8], EMAIL[8:16], EMAIL[16:] + bytes(4)), True),  # an address across three rationals
        ((PHONE[:8], PHONE[8:] + bytes(2)), True),
        # Neighbour: 1/125 s at f/2.8, aperture 2.97.
        ((_rationals((1, 125)), _rationals((28, 10)), _rationals((297, 100))), False),
    ],
)
def test_single_exif_numbers_stored_together_are_read_as_one_run(
    gate: Pipeline, values: tuple[bytes, ...], held: bool
) -> None:
    verdict, _ = _published(gate, _shot(*values))
    assert (verdict is Verdict.QUARANTINED) is held
