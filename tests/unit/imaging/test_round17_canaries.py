"""Seventeenth image round: canaries in places no round tried (`round17_places`), and what they found.

No canary is published. Found and closed: text between an ICC `mluc` tag's record table and its strings
(read by no reader, published unread: now zeroed as unreferenced, as bytes between tags are; so are bytes
between a `dict` tag's strings), and an address as the *name* of an ICC `dict` entry (read as runs of text,
it joined the value after it, "jane.roe@example.com" and "1", into a word the scanner did not take for an
address: each name, value and display name is now read on its own). Round 16's open classes are closed:
names an XMP packet chose are scanned (`/xmp/names`; a free-text strip drops or renames them), and the ICC
header's maker and model signatures are read as the text their eight bytes spell (`/icc/<where>/signatures`).

Held or cut already (kept as neighbours of the class): a motion photo's MP4, a Samsung SEFT trailer and a
ZIP after EOI, IEND or the RIFF end; APP3-APP15 of text; PNG eXIf beside disagreeing text; WebP EXIF/XMP
twice; an MPF picture's own ICC profile and XMP; XMP prefixes bound to another namespace's URI (mapped by
URI, not by prefix); a GPS table inside IFD1's thumbnail; a thumbnail longer than its JPEG.
"""

from __future__ import annotations

import io
import struct

import pytest
from PIL import Image

from gate.core.pipeline import Pipeline
from gate.imaging import icc_dict, icc_tags, xmp
from gate.imaging.items import KINDS
from gate.model import Verdict
from gate.worker.assembly import PipelineSpec
from tests.unit.imaging.round15_cases import after_soi, base_jpeg, xmp_packet
from tests.unit.imaging.round17_places import (
    NEEDLES,
    _profile_with,
    clean,
    dict_tag,
    found,
    mluc,
    name_path_cases,
    xmp_app1,
)

_FOUND = found()
_CLEAN = clean()


@pytest.fixture(scope="module")
def gate() -> Pipeline:
    return PipelineSpec().build()


def _published(gate: Pipeline, data: bytes) -> tuple[Verdict, bytes, list[tuple[str, str | None]]]:
    evaluation = gate.evaluate(data, synthetic=False)
    reasons = [(r.code, r.path) for result in evaluation.results for r in result.reasons]
    if evaluation.verdict is not Verdict.APPROVED:
        return evaluation.verdict, b"", reasons
    return evaluation.verdict, evaluation.output if evaluation.output is not None else data, reasons


@pytest.mark.parametrize("name", sorted(_FOUND))
def test_no_canary_is_published(gate: Pipeline, name: str) -> None:
    _, published, _ = _published(gate, _FOUND[name])
    assert not [needle for needle in NEEDLES if needle in published], name


@pytest.mark.parametrize("name", sorted(_CLEAN))
def test_clean_neighbours_are_approved(gate: Pipeline, name: str) -> None:
    verdict, _, reasons = _published(gate, _CLEAN[name])
    assert verdict is Verdict.APPROVED, reasons


@pytest.mark.parametrize("name", sorted(name_path_cases()))
def test_no_reason_spells_a_name_the_packet_chose(gate: Pipeline, name: str) -> None:
    _, _, reasons = _published(gate, name_path_cases()[name])
    assert reasons and not [path for _, path in reasons if path and ("tel" in path or "0049" in path)]


def test_text_between_mluc_records_and_strings_is_zeroed(gate: Pipeline) -> None:
    verdict, published, reasons = _published(gate, _FOUND["icc_mluc_bytes_between_records"])
    assert verdict is Verdict.APPROVED and ("metadata.uninspected", "/icc/jpeg/unreferenced") in reasons
    profile = Image.open(io.BytesIO(published)).info["icc_profile"]
    assert icc_tags.has_unreferenced(profile) is False


def test_a_dict_is_read_entry_by_entry() -> None:
    tag = dict_tag([("jane.roe@example.com", "1"), ("Vendor", "Acme")], display=mluc([(b"en", b"US", "A")]))
    assert icc_tags._dictionary(tag) == ["jane.roe@example.com", "1", "A", "Vendor", "Acme", "A"]
    assert [name for name, _, _ in icc_dict.entries(tag)] == ["jane.roe@example.com", "Vendor"]


def test_padding_between_dict_strings_is_read_by_nobody() -> None:
    tag = bytearray(dict_tag([("Vendor", "Acme")]))
    count_end = 16 + 16
    value_at = struct.unpack_from(">I", tag, 24)[0]
    tag[value_at:value_at] = b"Jane"  # four bytes between the name and the value the record points past
    struct.pack_into(">I", tag, 24, value_at + 4)
    assert count_end < value_at
    assert icc_tags.has_unreferenced(_profile_with({b"meta": bytes(tag)}))
    assert not icc_tags.has_unreferenced(_profile_with({b"meta": dict_tag([("Vendor", "Acme")])}))


_SPELLED_PACKET = xmp_packet(
    '<rdf:Description rdf:about="" xmlns:tel.004915123456789="http://purl.org/dc/elements/1.1/" '
    'xmlns:crs="http://ns.adobe.com/camera-raw-settings/1.0/" crs:ToneCurvePV2012="" '
    'tel.004915123456789:format="x"><tel.004915123456789:description>mail jane.roe@example.com'
    "</tel.004915123456789:description><tel.004915123456789:tel.0049151234567>x"
    "</tel.004915123456789:tel.0049151234567></rdf:Description>"
)


def test_a_free_text_strip_leaves_no_name_to_read() -> None:
    """The reverted first try: a names item the strip could not remove made every strip of free text in
    such a packet fail. The strip now drops spelled local names and renames spelled prefixes."""
    items, _ = xmp.read_items(_SPELLED_PACKET)
    assert "/xmp/names" in [item.path for item in items]
    stripped = xmp.strip(_SPELLED_PACKET, KINDS - {"uninspected"})
    assert stripped and b"004915123456789" not in stripped and b"jane.roe" not in stripped
    assert b"crs:ToneCurvePV2012" in stripped and b'xmlns:ns="http://purl.org/dc/elements/1.1/"' in stripped
    assert "/xmp/names" not in [item.path for item in xmp.read_items(stripped)[0]]


def test_plain_names_are_not_an_item() -> None:
    packet = xmp_packet(
        '<rdf:Description rdf:about="" xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/" '
        'xmlns:crs="http://ns.adobe.com/camera-raw-settings/1.0/" crs:ToneCurvePV2012="0"/>'
    )
    assert "/xmp/names" not in [item.path for item in xmp.read_items(packet)[0]]


def test_a_jpeg_with_a_spelled_name_is_held(gate: Pipeline) -> None:
    verdict, _, reasons = _published(gate, after_soi(base_jpeg(), xmp_app1(_SPELLED_PACKET)))
    assert verdict is Verdict.QUARANTINED and ("metadata.personal_data", "/xmp/names") in reasons
