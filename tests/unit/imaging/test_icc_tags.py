"""ICC text beyond LittleCMS's seven fields (Apple's dscm, every mluc language, v2 desc parts, colorant
names) is scanned; Apple's mmod serial number is a device id, zeroed in place by the default strip."""

from __future__ import annotations

import hashlib
import struct

import pytest

from gate.core.pipeline import Pipeline
from gate.imaging import probe, read_metadata, strip_identifiers
from gate.imaging.icc_tags import profile_id
from gate.model import Verdict
from gate.worker.assembly import PipelineSpec
from tests.unit.imaging.images import decoded, icc_profile
from tests.unit.imaging.test_icc import MAKERS

HOSTILE = [
    "jane.doe@example.com",
    "\uff4a\uff41\uff4e\uff45\uff20example.com",  # full-width
    "jane\u200b.doe@example.com",  # a zero-width space
    "j\u0430ne.doe@example.com",  # a Cyrillic a
]


def mluc(*texts: str) -> bytes:
    """A multiLocalizedUnicodeType tag with one record per text (en-US, fr-FR, de-DE...)."""
    languages = [b"enUS", b"frFR", b"deDE", b"itIT", b"jaJP"]
    encoded = [text.encode("utf-16-be") for text in texts]
    at = 16 + 12 * len(texts)
    records, body = b"", b""
    for index, raw in enumerate(encoded):
        records += languages[index] + struct.pack(">II", len(raw), at + len(body))
        body += raw
    return b"mluc" + bytes(4) + struct.pack(">II", len(texts), 12) + records + body


def desc_v2(ascii_text: str, unicode_text: str = "", script: str = "") -> bytes:
    raw = ascii_text.encode("latin-1") + b"\x00"
    uni = unicode_text.encode("utf-16-be")
    script_raw = script.encode("latin-1")[:67]
    return (
        b"desc" + bytes(4) + struct.pack(">I", len(raw)) + raw
        + struct.pack(">II", 0, len(uni) // 2) + uni
        + b"\x00\x00" + bytes([len(script_raw)]) + script_raw.ljust(67, b"\x00")
    )  # fmt: skip


def mmod(serial: int, date: int = 0) -> bytes:
    return b"mmod" + bytes(4) + struct.pack(">IIII", 0x610, 0xA050, serial, date) + bytes(16)


def with_tags(*tags: tuple[bytes, bytes], profile: bytes | None = None, with_id: bool = False) -> bytes:
    """The stock profile with `tags` (signature, data) added after its own; offsets and size fixed."""
    base = bytearray(profile or icc_profile())
    (count,) = struct.unpack_from(">I", base, 128)
    table = [struct.unpack_from(">4sII", base, 132 + 12 * i) for i in range(count)]
    shift = 12 * len(tags)
    body = bytes(base[132 + 12 * count :])
    entries = [(sig, offset + shift, size) for sig, offset, size in table]
    end = 132 + 12 * (count + len(tags)) + len(body)
    extra = b""
    for signature, data in tags:
        pad = (-(end + len(extra))) % 4
        extra += bytes(pad)
        entries.append((signature, end + len(extra), len(data)))
        extra += data
    head = bytearray(base[:128])
    out = head + struct.pack(">I", len(entries)) + b"".join(struct.pack(">4sII", *e) for e in entries)
    out += body + extra
    struct.pack_into(">I", out, 0, len(out))
    out[84:100] = profile_id(bytes(out)) if with_id else bytes(16)
    return bytes(out)


@pytest.fixture(scope="module")
def plain_gate() -> Pipeline:
    return PipelineSpec().build()


def personal(evaluation: object) -> set[tuple[str | None, str | None]]:
    return {
        (r.reason.entity, r.reason.path)
        for r in evaluation.decision.reasons  # type: ignore[attr-defined]
        if r.reason.code == "metadata.personal_data"
    }


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize("maker", sorted(MAKERS))
def test_apple_dscm_in_every_language_is_scanned(plain_gate: Pipeline, maker: str, text: str) -> None:
    data = MAKERS[maker](with_tags((b"dscm", mluc("Display", "\u00c9cran", text))))
    where = "jpeg" if maker.startswith("jpeg") else maker
    assert ("EMAIL_ADDRESS", f"/icc/{where}/dscm") in personal(plain_gate.evaluate(data, synthetic=False))


@pytest.mark.parametrize(
    "tag",
    [
        desc_v2("Monitor", unicode_text="jane.doe@example.com"),
        desc_v2("Monitor", script="jane.doe@example.com"),
    ],
    ids=["unicode-part", "scriptcode-part"],
)
def test_every_part_of_a_v2_description_is_scanned(plain_gate: Pipeline, tag: bytes) -> None:
    data = MAKERS["png"](with_tags((b"vued", tag)))
    assert ("EMAIL_ADDRESS", "/icc/png/vued") in personal(plain_gate.evaluate(data, synthetic=False))


def test_colorant_names_are_scanned(plain_gate: Pipeline) -> None:
    names = b"".join(name.ljust(32, b"\x00") + bytes(6) for name in (b"Cyan", b"jane.doe@example.com"))
    clrt = b"clrt" + bytes(4) + struct.pack(">I", 2) + names
    data = MAKERS["jpeg"](with_tags((b"clrt", clrt)))
    assert ("EMAIL_ADDRESS", "/icc/jpeg/clrt") in personal(plain_gate.evaluate(data, synthetic=False))


@pytest.mark.parametrize("maker", sorted(MAKERS))
def test_clean_apple_tags_pass(plain_gate: Pipeline, maker: str) -> None:
    data = MAKERS[maker](with_tags((b"dscm", mluc("Display P3", "\u00c9cran P3")), (b"mmod", mmod(0))))
    evaluation = plain_gate.evaluate(data, synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED, evaluation.decision.reason_codes
    assert evaluation.actions == ()


@pytest.mark.parametrize("with_id", [False, True])
@pytest.mark.parametrize("maker", sorted(MAKERS))
def test_an_mmod_serial_is_a_device_id_zeroed_in_place(maker: str, with_id: bool) -> None:
    profile = with_tags((b"mmod", mmod(0x5EC12E7, date=0x07E80501)), with_id=with_id)
    data = MAKERS[maker](profile)
    where = "jpeg" if maker.startswith("jpeg") else maker
    assert read_metadata(data, probe(data)).paths("device_id") == (f"/icc/{where}/device",)
    stripped = strip_identifiers(data, probe(data))
    assert stripped is not data
    assert struct.pack(">I", 0x5EC12E7) not in stripped
    assert read_metadata(stripped, probe(stripped)).items == ()
    assert decoded(stripped) == decoded(data)
    if maker != "png":  # JPEG and WebP: the same bytes but for the serial, date and profile ID
        assert len(stripped) == len(data)
        differing = [i for i, (a, b) in enumerate(zip(data, stripped, strict=True)) if a != b]
        assert len(differing) <= 8 + (16 if with_id else 0)


def test_the_profile_id_is_recomputed_after_zeroing() -> None:
    profile = with_tags((b"mmod", mmod(77)), with_id=True)
    data = MAKERS["webp"](profile)
    stripped = strip_identifiers(data, probe(data))
    at = stripped.index(b"acsp") - 36
    new = stripped[at : at + len(profile)]
    assert new[84:100] == profile_id(new) != profile[84:100]
    assert hashlib.md5(new, usedforsecurity=False).digest() != profile_id(new)  # the ID hashes a blanked copy


def test_the_default_gate_strips_the_serial_and_approves(plain_gate: Pipeline) -> None:
    data = MAKERS["jpeg-split"](with_tags((b"mmod", mmod(1234567))))
    evaluation = plain_gate.evaluate(data, synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED, evaluation.decision.reason_codes
    assert evaluation.actions == ("metadata.stripped",)
    assert evaluation.output is not None and struct.pack(">I", 1234567) not in evaluation.output


@pytest.mark.parametrize(
    "tag",
    [
        b"mluc" + bytes(4) + struct.pack(">II", 5, 12),  # five records that are not there
        b"mluc" + bytes(4) + struct.pack(">II", 1, 12) + b"enUS" + struct.pack(">II", 400, 28),
        b"mmod" + bytes(12),  # too short for a serial
    ],
    ids=["mluc-records", "mluc-string", "mmod-short"],
)
def test_malformed_text_tags_hold_the_profile(tag: bytes) -> None:
    data = MAKERS["webp"](with_tags((tag[:4] if tag[:4] != b"mluc" else b"dscm", tag)))
    assert read_metadata(data, probe(data)).paths("uninspected") == ("/icc/webp/unreadable",)
