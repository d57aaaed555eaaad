"""Sixteenth image round: canaries in places no round tried (`round16_places`), and what they found.

No canary is published. Found and closed: Adobe extended XMP whose parts do not fit their declared length
refused the whole photo as undecodable (it is now removed unread, as a part with a wrong GUID was), and
text in the ICC header's reserved and vendor bits (flags, device attributes, the rendering intent's upper
half) beside the maker and model signatures was published (now zeroed, the profile ID recomputed). Left
open here and closed in round 17: names an XMP packet chose (a prefix bound to a known namespace, an
element's or attribute's local name such as `dc:tel.004915123456789`), now scanned as `/xmp/names`, and a
name in the maker and model signatures, now read as text (`/icc/<where>/signatures`). GIF is
not a format the gate takes: every GIF is refused by name (`image.unsupported`).

Decided, not closed: printable runs under six characters in numbers a writer sets (`gate.imaging.spelled`)
are not read. Five characters hold no e-mail address, phone number or position anyone can be found by; a
writer who splits one over several short runs is hiding it on purpose, and numbers it chooses freely (as
the pixels' low bits) carry anything that way: that is a covert channel no reading of metadata closes.
"""

from __future__ import annotations

import io
import struct

import pytest
from PIL import Image, ImageCms

from gate.core.pipeline import Pipeline
from gate.imaging import icc
from gate.imaging.icc_tags import profile_id
from gate.model import Verdict
from gate.worker.assembly import PipelineSpec
from tests.unit.imaging.round15_cases import _noise, after_soi, base_jpeg, gps_bytes, icc_profile, xmp_packet
from tests.unit.imaging.round16_places import NAMES, E, clean, found, name_cases, xmp_app1

_FOUND = found()
_CLEAN = clean()
_NEEDLES = (
    E,
    *(E.decode().encode(codec) for codec in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")),
    gps_bytes("<"),
    gps_bytes(">"),
    *NAMES,
    b"jaNeroExexAmplEc",
    b"004915123456789",
)


@pytest.fixture(scope="module")
def gate() -> Pipeline:
    return PipelineSpec().build()


def _published(gate: Pipeline, data: bytes) -> tuple[Verdict, bytes, list[str]]:
    evaluation = gate.evaluate(data, synthetic=False)
    codes = [r.code for result in evaluation.results for r in result.reasons]
    if evaluation.verdict is not Verdict.APPROVED:
        return evaluation.verdict, b"", codes
    return evaluation.verdict, evaluation.output if evaluation.output is not None else data, codes


@pytest.mark.parametrize("name", sorted(_FOUND))
def test_no_canary_is_published(gate: Pipeline, name: str) -> None:
    verdict, published, codes = _published(gate, _FOUND[name])
    assert not [needle for needle in _NEEDLES if needle in published], name
    if name.startswith("gif_"):
        assert (verdict, codes[:1]) == (Verdict.REJECTED, ["image.unsupported"])


@pytest.mark.parametrize("name", ["ext_gap", "ext_short_total", "ext_wrong_guid", "ext_wrong_md5"])
def test_extended_xmp_that_does_not_fit_is_removed_not_refused(gate: Pipeline, name: str) -> None:
    verdict, published, _ = _published(gate, _FOUND[name])
    assert verdict is Verdict.APPROVED
    assert b"http://ns.adobe.com/xmp/extension/" not in published


@pytest.mark.parametrize("name", sorted(_CLEAN))
def test_clean_neighbours_are_approved(gate: Pipeline, name: str) -> None:
    verdict, _, codes = _published(gate, _CLEAN[name])
    if name.startswith("gif_"):
        assert (verdict, codes[:1]) == (Verdict.REJECTED, ["image.unsupported"])
    else:
        assert verdict is Verdict.APPROVED, codes


def _jpeg_with_profile(profile: bytes) -> bytes:
    out = io.BytesIO()
    _noise().save(out, "JPEG", icc_profile=profile)
    return out.getvalue()


def _header(fields: dict[int, bytes], with_id: bool) -> bytes:
    profile = bytearray(icc_profile())
    for at, value in fields.items():
        profile[at : at + len(value)] = value
    profile[84:100] = profile_id(bytes(profile)) if with_id else bytes(16)
    return bytes(profile)


# Text in the header's reserved and vendor bits: flags (44), attributes (56), the intent's upper half (64).
_SPELLED_HEADERS = {
    "attributes_surname": {48: b"Jane", 52: b"Roe ", 56: b"Smith   "},
    "attributes_full_name": {48: b"Mari", 52: b"a Go", 56: b"nzalez  "},
    "flags_and_attributes": {44: b"Mari", 48: b"a Go", 52: b"nzal", 56: b"ez Lopez"},
    "intent_upper_half": {56: b"Maria Go", 64: b"nz\0\0"},
}


@pytest.mark.parametrize("with_id", [True, False])
@pytest.mark.parametrize("name", sorted(_SPELLED_HEADERS))
def test_text_in_reserved_header_bits_is_zeroed(gate: Pipeline, name: str, with_id: bool) -> None:
    fields = _SPELLED_HEADERS[name]
    verdict, published, codes = _published(gate, _jpeg_with_profile(_header(fields, with_id)))
    if name == "attributes_full_name":  # "Maria Go" in the maker and model signatures: read (round 17)
        assert verdict is Verdict.QUARANTINED and "metadata.personal_data" in codes
        stripped = icc.strip(_header(fields, with_id), frozenset({"unread"}))
        assert stripped is not None
        published = _jpeg_with_profile(stripped)
    else:
        assert verdict is Verdict.APPROVED
    profile = Image.open(io.BytesIO(published)).info["icc_profile"]
    assert profile[56:63] == bytes(7) and profile[44:47] == bytes(3) and profile[64:66] == bytes(2)
    assert not profile[63] & 0xF0 and not profile[47] & 0xFC  # the media attributes and flags stay
    assert profile[84:100] == (profile_id(profile) if with_id else bytes(16))
    assert ImageCms.ImageCmsProfile(io.BytesIO(profile)).profile.rendering_intent == 0


def test_the_bits_readers_read_are_kept(gate: Pipeline) -> None:
    """Embedded and independent flags, the four media attributes, perceptual..absolute intents: kept."""
    fields = {44: struct.pack(">I", 3), 56: struct.pack(">Q", 0xF), 64: struct.pack(">I", 3)}
    data = _jpeg_with_profile(_header(fields, True))
    verdict, published, _ = _published(gate, data)
    assert verdict is Verdict.APPROVED and published == data


def test_a_name_in_the_maker_and_model_signatures(gate: Pipeline) -> None:
    """Closed in round 17: the eight bytes are read as the text they spell (`/icc/<where>/signatures`)."""
    verdict, published, _ = _published(gate, _jpeg_with_profile(_header({48: b"Jane", 52: b" Roe"}, False)))
    assert verdict is Verdict.QUARANTINED and b"Jane Roe" not in published


def test_an_adobe_document_id_is_no_phone_number(gate: Pipeline) -> None:
    """A UUID's middle groups were read as an international number ('c7f0939d-8a60-0049-9484-841e29d0fdd1':
    '0049-9484-841' as +49); Photoshop's xmpMM ids hold one, and a real Photoshop PNG was held."""
    packet = xmp_packet(
        '<rdf:Description rdf:about="" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/" '
        'xmpMM:OriginalDocumentID="xmp.did:c7f0939d-8a60-0049-9484-841e29d0fdd1"/>'
    )
    verdict, _, codes = _published(gate, after_soi(base_jpeg(), xmp_app1(packet)))
    assert verdict is Verdict.APPROVED, codes


@pytest.mark.parametrize("name", sorted(name_cases()))
def test_names_a_packet_chose_are_read(gate: Pipeline, name: str) -> None:
    """Closed in round 17 (`gate.imaging.xmp_names`): the names are scanned as `/xmp/names`."""
    verdict, published, codes = _published(gate, name_cases()[name])
    assert b"004915123456789" not in published
    assert verdict is Verdict.QUARANTINED and "metadata.personal_data" in codes
