"""Twelfth image round: an ICC tag whose signature the gate lists was trusted whatever its type, so a
`gamt` or `targ` of type `data`, a `psid` of ASCII, Apple's `ndin`/`vcgt` with bytes past their numbers
and `mmod` with its 16 reserved bytes filled were published unread (truth table). Every tag's type must
now be one the gate reads: text types are scanned, bytes past what a numbers type reads are zeroed, and
any other type leaves the profile uninspected. The Apple tags of a real macOS display profile (a
SerenityOS test PNG's, rebuilt here) still read as nothing to report.
"""

from __future__ import annotations

import struct

import pytest

from gate.core.pipeline import Pipeline
from gate.imaging import probe, read_metadata, strip_identifiers
from gate.imaging.items import DEFAULT_STRIP_KINDS
from gate.model import Verdict
from gate.worker.assembly import PipelineSpec
from tests.unit.imaging.test_icc import jpeg_with
from tests.unit.imaging.test_icc_tags import with_tags

CANARY = b"jane.doe@example.org"
# Apple's tags as a macOS display profile writes them (values of a real one; the serial zeroed).
MMOD = b"mmod" + bytes(4) + struct.pack(">II", 0x610, 0xA045) + bytes(8) + bytes(16)
NDIN = (
    b"ndin"
    + bytes(4)
    + struct.pack(">I", 54)
    + struct.pack(">8I", 0xAE14, 0x51EC, 0x43D7, 0xB0A4, 0x2666, 0x0F5C, 0x500D, 0x5439)
    + struct.pack(">3I", 0x23333, 0x23333, 0x23333)
    + bytes(6)
)
VCGT = b"vcgt" + bytes(4) + struct.pack(">I", 1) + struct.pack(">9I", *[0x10000, 0, 0x10000] * 3)
VCGT_TABLE = b"vcgt" + bytes(4) + struct.pack(">IHHH", 0, 3, 4, 2) + bytes(24)
VCGP = b"vcgp" + bytes(4) + struct.pack(">12I", *[0x30000, 0x26666, 0x30000, 0x26666] * 3)


def _data(flag: int, payload: bytes) -> bytes:
    return b"data" + bytes(4) + struct.pack(">I", flag) + payload


def _items(*tags: tuple[bytes, bytes]) -> list[tuple[str, str]]:
    data = jpeg_with(with_tags(*tags))
    return [(item.path, item.kind) for item in read_metadata(data, probe(data)).items]


UNREFERENCED = [("/icc/jpeg/unreferenced", "unread")]


@pytest.mark.parametrize(
    ("tags", "items"),
    [
        # Apple's own tags, as written: nothing to report.
        (((b"mmod", MMOD), (b"ndin", NDIN), (b"vcgt", VCGT), (b"vcgp", VCGP)), []),
        (((b"vcgt", VCGT_TABLE),), []),
        # Bytes past what they hold, or in mmod's reserved bytes: zeroed by the strip.
        (((b"mmod", MMOD[:24] + CANARY[:16]),), UNREFERENCED),
        (((b"mmod", MMOD + CANARY),), UNREFERENCED),
        (((b"ndin", NDIN + CANARY),), UNREFERENCED),
        (((b"vcgt", VCGT + CANARY),), UNREFERENCED),
        (((b"vcgt", VCGT_TABLE + CANARY),), UNREFERENCED),
        (((b"vcgp", VCGP + CANARY),), UNREFERENCED),
        (((b"tech", b"sig " + bytes(4) + b"CRT " + CANARY),), UNREFERENCED),
        # A listed signature of a text type: read and scanned.
        (((b"gamt", _data(0, CANARY + b"\x00")),), [("/icc/jpeg/gamt", "free_text")]),
        (((b"psid", _data(0, CANARY)),), [("/icc/jpeg/psid", "free_text")]),
        (((b"A2B0", b"text" + bytes(4) + CANARY + b"\x00"),), [("/icc/jpeg/A2B0", "free_text")]),
        (((b"targ", _data(0, CANARY + b"\x00") + CANARY),), [("/icc/jpeg/targ", "free_text"), *UNREFERENCED]),
        # A listed signature of a type the gate does not read: the profile is uninspected.
        (((b"gamt", _data(1, CANARY)),), [("/icc/jpeg", "uninspected")]),
        (((b"ps2i", b"zPvt" + bytes(4) + CANARY),), [("/icc/jpeg", "uninspected")]),
        (((b"vcgt", b"vcgt" + bytes(4) + struct.pack(">I", 7) + CANARY),), [("/icc/jpeg", "uninspected")]),
        (((b"cprt", b"mlu\x00" + bytes(4) + CANARY),), [("/icc/jpeg", "uninspected")]),
    ],
)
def test_every_tag_is_read_by_its_type_whatever_its_signature(
    tags: tuple[tuple[bytes, bytes], ...], items: list[tuple[str, str]]
) -> None:
    assert _items(*tags) == items


@pytest.mark.parametrize("sig", [b"mmod", b"ndin", b"vcgt"])
def test_bytes_past_an_apple_tag_are_zeroed_and_the_profile_kept(sig: bytes) -> None:
    tag = {b"mmod": MMOD, b"ndin": NDIN, b"vcgt": VCGT}[sig]
    data = jpeg_with(with_tags((sig, tag + CANARY)))
    out = strip_identifiers(data, probe(data), DEFAULT_STRIP_KINDS)
    assert CANARY in data and CANARY not in out
    assert len(out) == len(data)  # zeroed in place: the profile keeps its size and tag table
    assert read_metadata(out, probe(out)).items == ()


@pytest.fixture(scope="module")
def plain_gate() -> Pipeline:
    return PipelineSpec().build()


@pytest.mark.parametrize(
    ("tag", "verdict"),
    [
        ((b"gamt", _data(0, CANARY + b"\x00")), Verdict.QUARANTINED),  # an email, scanned
        ((b"gamt", _data(1, CANARY)), Verdict.QUARANTINED),  # unread, and the colours need the profile
        ((b"mmod", MMOD[:24] + CANARY[:16]), Verdict.APPROVED),  # zeroed
    ],
)
def test_no_unread_tag_bytes_reach_a_published_image(
    plain_gate: Pipeline, tag: tuple[bytes, bytes], verdict: Verdict
) -> None:
    evaluation = plain_gate.evaluate(jpeg_with(with_tags(tag)), synthetic=False, source="cli")
    assert evaluation.verdict is verdict, evaluation.decision.reason_codes
    if verdict is Verdict.APPROVED:
        assert evaluation.output is not None and CANARY[:16] not in evaluation.output
