"""Twentieth image round: canaries in places no round tried (`round20_places`), written before reading the
readers, and what they found.

Found and closed: "stealth pnginfo", a generator's parameters in the pixels' low bits (SD WebUI's
extension, Forge, NovelAI; a real A1111 file of sd-parsers was approved undeclared, its prompt published
unread), is read (`gate/imaging/stealth.py`): its text is scanned, it marks the image as a generator's, and
text that does not decode is uninspected, since the strip cannot remove pixels. A location nested in an
XMP structure the gate does not map (exif:GPSLatitude in an xmpMM:Pantry entry) made the structure a
location; its text alone ("48,51.498N") said nothing to the scanner and it was published.
No leak on main, kept as neighbours: xmpMM:History and DerivedFrom, IPTC Extension structures, PNG text
compressed at levels 0 and 9 or with a preset dictionary, EXIF of an MPF picture, WebP XMP behind a BOM or
in UTF-16, APP4-APP15 text, UTF-16 with and without a BOM, a comment in Photoshop's or XMP's thumbnail.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gate.core.pipeline import Pipeline
from gate.imaging import read_metadata, stealth
from gate.imaging.probing import probe
from gate.model import Verdict
from gate.provenance import create_dev_pki
from gate.worker.assembly import PipelineSpec
from tests.unit.imaging.round20_places import AI_MADE, clean, found, stealth_webp

_FOUND = found() | {"stealth_webp_lossless": (stealth_webp(), b"")}
_CLEAN = clean()


@pytest.fixture(scope="module")
def gate(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    """A gate that signs, so an image declared AI-made can be approved (and its bytes published)."""
    pki = create_dev_pki(Path(tmp_path_factory.mktemp("round20-pki")))
    return PipelineSpec(
        trust_anchors=(pki.root_ca,), signer_chain=pki.signer_chain, signer_key=pki.signer_key
    ).build()


@pytest.mark.parametrize("name", sorted(_FOUND))
def test_no_canary_is_published(gate: Pipeline, name: str) -> None:
    data, needle = _FOUND[name]
    stealthy = name.startswith("stealth")
    assert stealthy or needle in data, name  # the case holds what it should
    # Declared AI-made, a stealth image is approved unless its hidden text is read: the strip cannot
    # remove pixels, so text with personal data (or that does not decode) must hold it.
    evaluation = gate.evaluate(data, synthetic=stealthy)
    if stealthy:
        assert evaluation.verdict is not Verdict.APPROVED, name
    elif evaluation.verdict is Verdict.APPROVED:
        published = evaluation.output if evaluation.output is not None else data
        assert needle not in published, name


@pytest.mark.parametrize("name", sorted(_CLEAN))
def test_clean_neighbours_are_approved(gate: Pipeline, name: str) -> None:
    evaluation = gate.evaluate(_CLEAN[name], synthetic=name in AI_MADE)
    assert evaluation.verdict is Verdict.APPROVED, [d.reason.code for d in evaluation.decision.reasons]


@pytest.mark.parametrize("name", sorted(AI_MADE))
def test_stealth_parameters_mark_a_generator(gate: Pipeline, name: str) -> None:
    evaluation = gate.evaluate(_CLEAN[name], synthetic=False)
    details = [
        d.reason.detail for d in evaluation.decision.reasons if d.reason.code.startswith("provenance.")
    ]
    assert "png:stealth-parameters" in details


def test_stealth_text_is_read_where_it_lies() -> None:
    data, _ = _FOUND["stealth_rgb_gzip"]
    items = read_metadata(data, probe(data)).items
    assert [(item.path, item.kind) for item in items if "stealth" in item.path] == [
        ("/png/IDAT/stealth/rgb", "free_text")
    ]


def test_an_image_too_large_to_decode_is_held_unread(monkeypatch: pytest.MonkeyPatch) -> None:
    """A decode past MAX_DECODED_PIXELS is not made; the low bits are unread, so the image is held (the
    bound is lowered here: a real 24 MP case would cost the suite seconds)."""
    monkeypatch.setattr(stealth, "MAX_DECODED_PIXELS", 1_000)
    data, _ = _FOUND["stealth_interlaced"]
    items = read_metadata(data, probe(data)).items
    assert [(item.path, item.kind) for item in items if "stealth" in item.path] == [
        ("/png/IDAT/stealth/unlooked", "uninspected")
    ]
