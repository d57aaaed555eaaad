"""Twenty-second image round: canaries in places no round planted in (`round22_places`), written before
reading the readers, and what real files of others showed.

Found and closed: a **copyright notice in a free-text field** names its holder as a Copyright field does,
but the scanner reads free text for names in sentences: GIMP's icons (`(c) 2006 Jakub Steiner` in a PNG
Comment), a MATE wallpaper and `(c) Ville Pätsi` were approved with the person's name published. A
free-text field holding a notice is now an owner field (`gate/imaging/notices.py`), in every carrier (PNG
text, JPEG comments, EXIF, XMP, IPTC, an MPF picture's comment); ICC texts and Camera Raw's settings, which
carry stock profiles' notices, are not.
No leak on main, kept as neighbours: a gain map's own XMP, EXIF and comment, ISO 21496-1 blocks with a tail,
Apple's gain-map XMP, motion-photo MP4s with Apple's mdta place and between MPF pictures, Photoshop
resources (caption, URL, slices, resource names, version info, alpha names, auto-save path, plug-in data,
EXIF and XMP), XMP Media Management paths and history, `photoshop:DocumentAncestors` and text layers, ICC
`ncl2`/`clrt`/`clot`/`pseq`/`dmdd`/`cprt`, a raw TIFF APP1, a JFXX thumbnail's comment, IPTC Extension
structures, a PNG eXIf IFD chain past IFD1 and an interoperability IFD's text.
"""

from __future__ import annotations

import io

import pytest
from PIL import Image

from gate.core.pipeline import Pipeline
from gate.imaging.notices import holds_notice
from gate.model import Verdict
from gate.worker.assembly import PipelineSpec
from tests.unit.imaging.round15_cases import chunk, png_with
from tests.unit.imaging.round22_places import NOT_NOTICES, NOTICES, clean, found, notice_carriers


@pytest.fixture(scope="module")
def gate() -> Pipeline:
    return PipelineSpec().build()


def _published(gate: Pipeline, data: bytes) -> bytes | None:
    evaluation = gate.evaluate(data, synthetic=False)
    if evaluation.verdict is not Verdict.APPROVED:
        return None
    return evaluation.output if evaluation.output is not None else data


def test_no_canary_is_published(gate: Pipeline) -> None:
    leaked = []
    for name, (data, needle) in sorted(found().items()):
        assert needle in data, name  # the case holds what it should
        published = _published(gate, data)
        if published is not None and needle in published:
            leaked.append(name)
    assert leaked == []


def test_clean_neighbours_are_approved(gate: Pipeline) -> None:
    held = [name for name, data in sorted(clean().items()) if _published(gate, data) is None]
    assert held == []


def test_a_notice_in_a_comment_is_held_as_an_owner_field(gate: Pipeline) -> None:
    reasons = {
        (r.reason.code, r.reason.entity, r.reason.path)
        for r in gate.evaluate(
            notice_carriers(NOTICES[0].encode())["png_comment"], synthetic=False
        ).decision.reasons
    }
    assert ("metadata.personal_data", "PERSON", "/png/tEXt/Comment") in reasons
    gainmap = notice_carriers(NOTICES[1].encode())["gainmap_com"]
    paths = {r.reason.path for r in gate.evaluate(gainmap, synthetic=False).decision.reasons}
    assert "/mpf/1/jpeg/COM/0" in paths


@pytest.mark.parametrize("text", NOTICES)
def test_notices_name_a_holder(text: str) -> None:
    assert holds_notice(text)


@pytest.mark.parametrize(
    "text",
    [*NOT_NOTICES, "CafÃ© crÃ¨me", "\u00a9 2020\nx-default", "(a) one\n(b) two\n(c) Three", "No copyright"],
)
def test_other_texts_are_no_notice(text: str) -> None:
    assert not holds_notice(text)


# ---- false holds seen in real files: the scanner's (gate/scanning) ----------------------------------------
def _palette_png(spelled: bytes) -> bytes:
    image = Image.new("P", (8, 8))
    palette = spelled + bytes(range(256)) * 3
    image.putpalette(palette[: 768 - 768 % 3])
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _krita_preset_png() -> bytes:
    curve = b"0,0;0.413655,0.333333;0.674699,0.772125;1,1;"
    preset = (
        b'<Preset paintopid="paintbrush" name="Eraser_Circle"><param type="string" name="SizeSensor">'
        b'<![CDATA[<!DOCTYPE params> <params id="pressure"> <curve>' + curve + b"</curve> </params> ]]>"
        b"</param></Preset>"
    )
    return png_with(before_idat=[chunk(b"tEXt", b"preset\0" + preset)])


# Closed by redimg23 (ip.py: ::/104 names no machine; location.py: fractions near (0, 0) need a cue).
@pytest.mark.parametrize("case", ["palette_ipv6", "krita_curve"])
def test_real_false_holds_of_the_scanner(gate: Pipeline, case: str) -> None:
    data = _palette_png(b"?@?=>=\\]\\::9") if case == "palette_ipv6" else _krita_preset_png()
    assert _published(gate, data) is not None


# Closed by redimg23: a maker's credit in free text is an owner field (gate/imaging/notices.py).
def test_a_makers_handle_in_a_comment_is_held(gate: Pipeline) -> None:
    text = b"Created with The GIMP by VorK77\n-> www.VorK77.de"
    data = png_with(before_idat=[chunk(b"tEXt", b"Comment\0" + text)])
    assert _published(gate, data) is None
