"""Nineteenth image round: canaries in places no round tried (`round19_places`), written before reading
the readers, and what they found.

No leak: JSON escapes ("\\u0040") in EXIF tags, a JPEG comment, XMP and PNG text are read (the scanner
decodes them in text; EXIF JSON is now walked as JSON, `labelled_json`); ComfyUI's EXIF label is scanned;
a GPS block in ImageMagick's hex "Raw profile type exif" beside a clean eXIf is read as a location and
removed; extended XMP whose GUID is not its MD5, whose offset lies past its length or whose stated length
is short is removed unread; a WebP ICC profile's `desc` (also in a second ICCP chunk) is read; GIF and
multi-page TIFF are refused as formats the gate does not read. Kept as neighbours of those classes.
"""

from __future__ import annotations

import pytest

from gate.core.pipeline import Pipeline
from gate.model import Verdict
from gate.worker.assembly import PipelineSpec
from tests.unit.imaging.round19_places import AI_MADE, clean, found

_FOUND = found()
_CLEAN = clean()


@pytest.fixture(scope="module")
def gate() -> Pipeline:
    return PipelineSpec().build()


@pytest.mark.parametrize("name", sorted(_FOUND))
def test_no_canary_is_published(gate: Pipeline, name: str) -> None:
    data, needle = _FOUND[name]
    assert needle in data, name  # the case holds what it should
    evaluation = gate.evaluate(data, synthetic=False)
    if evaluation.verdict is Verdict.APPROVED:
        published = evaluation.output if evaluation.output is not None else data
        assert needle not in published, name


@pytest.mark.parametrize("name", sorted(_CLEAN))
def test_clean_neighbours_are_approved(gate: Pipeline, name: str) -> None:
    evaluation = gate.evaluate(_CLEAN[name], synthetic=name in AI_MADE)
    codes = [d.reason.code for d in evaluation.decision.reasons]
    if name in AI_MADE:  # declared, it waits for the manifest a signing gate adds: no metadata reason
        assert not [code for code in codes if code.startswith("metadata.")], codes
    else:
        assert evaluation.verdict is Verdict.APPROVED, codes
