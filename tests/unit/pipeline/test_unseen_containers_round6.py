"""A sixth attacker round on images (redimg6): canaries in coding tables no scan uses, in XML the XMP model
has no property for, in ICC header fields, in IPTC and Photoshop resources, in PNG's small fixed chunks,
in a C2PA store's boxes and in an EXIF thumbnail (`round6_cases`). Every image must be refused,
quarantined, or published without what was planted; real files and what ordinary tools write are never
refused, and decoding their coded data (`limits.inspect_compressed_streams`) finds nothing in them."""

from __future__ import annotations

import json

import pytest

from gate.core.pipeline import Pipeline
from gate.model import Verdict
from tests.unit.imaging.images import decoded
from tests.unit.pipeline.round6_cases import cases, real_and_clean

PLACES = cases()
REAL = real_and_clean()


@pytest.mark.parametrize("place", sorted(PLACES))
def test_what_is_planted_is_never_published_unread(gate: Pipeline, place: str) -> None:
    data, planted = PLACES[place]
    assert all(value in data for value in planted)  # it plants
    evaluation = gate.evaluate(data, synthetic=False)
    record = json.dumps([reason.as_dict() for reason in evaluation.decision.reasons]).encode()
    assert not any(value in record for value in planted)
    if evaluation.verdict is Verdict.APPROVED:
        published = evaluation.output if evaluation.output is not None else data
        assert not any(value in published for value in planted), place


@pytest.mark.parametrize(
    ("place", "path"),
    [
        ("jpeg DQT table no component uses", "/jpeg/DQT/unused0"),
        ("jpeg DHT table no scan uses", "/jpeg/DHT/unused0"),
        ("jpeg DQT table redefined before use", "/jpeg/DQT/unused0"),
        ("jpeg DHT table no scan of the gain map uses", "/jpeg/DHT/unused0"),
    ],
)
def test_tables_no_scan_uses_are_cut_and_the_pixels_kept(gate: Pipeline, place: str, path: str) -> None:
    data = PLACES[place][0]
    evaluation = gate.evaluate(data, synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED
    assert [
        r.reason.path for r in evaluation.decision.reasons if r.reason.code == "metadata.uninspected"
    ] == [path]
    assert evaluation.output is not None
    assert decoded(evaluation.output) == decoded(data)


@pytest.mark.parametrize("name", sorted(REAL))
def test_real_files_are_never_refused_and_decoding_finds_nothing(
    gate: Pipeline, streams_gate: Pipeline, name: str
) -> None:
    plain = gate.evaluate(REAL[name], synthetic=False)
    decoding = streams_gate.evaluate(REAL[name], synthetic=False)
    assert plain.verdict is decoding.verdict is Verdict.APPROVED, plain.decision.reason_codes
    assert plain.decision.reasons == decoding.decision.reasons
    assert plain.output == decoding.output
