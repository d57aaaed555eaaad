"""A fifth attacker round on images (redimg5): canaries and GPS in places the earlier rounds did not plant
them (after the IDAT stream, inside a palette, after a WebP bitstream, inside a JPEG scan, in a phone's
secondary pictures and trailers, GPS written in XMP). Every image must be refused, quarantined, or
published without what was planted; clean neighbours are published as they are."""

from __future__ import annotations

import json

import pytest

from gate.core.pipeline import Evaluation, Pipeline
from gate.model import Verdict
from tests.unit.imaging.images import decoded
from tests.unit.pipeline.round5_cases import CLEAN, CODING, STREAM, idat_stream
from tests.unit.pipeline.round5_phone import PHONE
from tests.unit.pipeline.test_unseen_containers import _forms, _inflated


def _streams(place: str) -> bool:
    """Places only an inflate or a decode of the image data finds (the policy's choice, off by default)."""
    return place.startswith(("png IDAT", "apng fdAT")) or place in DECODED


def _readable(data: bytes) -> bytes:
    """What a reader of `data` can get at: its bytes, its zlib streams, and the IDAT chunks joined."""
    joined = idat_stream(data) if data.startswith(b"\x89PNG") else b""
    return data + _inflated(data) + joined + _inflated(joined)


def _forms_of(value: bytes) -> list[bytes]:
    """Text in UTF-8, UTF-16 and UTF-32 (see `_forms`); binary values (GPS rationals) as they are."""
    return _forms(value.decode()) if value.isascii() and value.decode().isprintable() else [value]


PLACES = {**CODING, **PHONE}

# Places only a decode of the coded data finds (the policy's choice, as the inflate).
DECODED = {
    "jpeg bytes after the scan before EOI",
    "jpeg bytes before a restart marker",
    "webp ALPH bytes after the alpha",
    "webp VP8 bytes after the bitstream",
    "webp VP8L bytes after the bitstream",
    "webp extended VP8L bytes after the bitstream",
}


@pytest.mark.parametrize(
    "place",
    sorted(PLACES),
)
def test_what_is_planted_is_never_published_unread(
    gate: Pipeline, streams_gate: Pipeline, place: str
) -> None:
    data, planted = PLACES[place]
    assert all(any(form in _readable(data) for form in _forms_of(value)) for value in planted)  # it plants
    evaluation = (streams_gate if _streams(place) else gate).evaluate(data, synthetic=False)
    record = json.dumps([reason.as_dict() for reason in evaluation.decision.reasons]).encode()
    assert not any(value in record for value in planted)
    if evaluation.verdict is not Verdict.APPROVED:
        return
    published = _readable(evaluation.output if evaluation.output is not None else data)
    for value in planted:
        assert not any(form in published for form in _forms_of(value)), (place, value)


@pytest.mark.parametrize("place", sorted(CLEAN))
def test_clean_neighbours_are_published_as_they_are(
    gate: Pipeline, streams_gate: Pipeline, place: str
) -> None:
    for pipeline in (gate, streams_gate):
        evaluation = pipeline.evaluate(CLEAN[place], synthetic=False)
        assert evaluation.verdict is Verdict.APPROVED, evaluation.decision.reason_codes
        assert evaluation.output is None


@pytest.mark.parametrize("place", sorted(p for p in PLACES if _streams(p)))
def test_image_data_is_not_inflated_unless_the_policy_asks(gate: Pipeline, place: str) -> None:
    # The shipped policy trusts what the IDAT/fdAT stream holds (README: a full inflate per PNG): the
    # image is decided on the rest and nothing is reported at the stream's pointer.
    evaluation = gate.evaluate(PLACES[place][0], synthetic=False)
    streams = ("/png/IDAT", "/png/fdAT", "/jpeg/scan", "/webp/VP8", "/webp/ALPH")
    assert not [r for r in evaluation.decision.reasons if (r.reason.path or "").startswith(streams)]


def _uninspected(evaluation: Evaluation) -> list[str]:
    return [r.reason.path for r in evaluation.decision.reasons if r.reason.code == "metadata.uninspected"]


@pytest.mark.parametrize(
    "place", sorted(p for p in PLACES if p.startswith("png IDAT") and "rows" not in p and "another" not in p)
)
def test_bytes_after_the_idat_stream_are_cut_and_the_pixels_kept(streams_gate: Pipeline, place: str) -> None:
    data = PLACES[place][0]
    evaluation = streams_gate.evaluate(data, synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED
    assert _uninspected(evaluation) == ["/png/IDAT/0"]
    assert evaluation.output is not None
    assert idat_stream(evaluation.output) == STREAM  # the stream alone, its bytes unchanged
    assert decoded(evaluation.output) == decoded(data)


@pytest.mark.parametrize(
    ("place", "paths"),
    [
        ("png IDAT rows past the image", ["/png/IDAT/0"]),
        ("png IDAT after another chunk holding bytes after the stream", ["/png/prVt/0", "/png/IDAT/0"]),
        ("apng fdAT bytes after the stream", ["/png/fdAT/1"]),
        ("apng fdAT rows past the frame", ["/png/fdAT/1"]),
    ],
)
def test_what_cannot_be_cut_from_a_stream_is_not_published(
    streams_gate: Pipeline, place: str, paths: list[str]
) -> None:
    evaluation = streams_gate.evaluate(PLACES[place][0], synthetic=False)
    assert evaluation.verdict is Verdict.QUARANTINED
    assert _uninspected(evaluation) == paths


@pytest.mark.parametrize(
    ("place", "path"),
    [("png PLTE entries no pixel uses", "/png/PLTE/0"), ("png tRNS entries no pixel uses", "/png/tRNS/0")],
)
def test_text_in_a_palette_is_scanned_and_reported(gate: Pipeline, place: str, path: str) -> None:
    evaluation = gate.evaluate(PLACES[place][0], synthetic=False)
    assert evaluation.verdict is Verdict.QUARANTINED
    paths = [r.reason.path for r in evaluation.decision.reasons if r.reason.code == "metadata.personal_data"]
    assert paths == [path]


@pytest.mark.parametrize(
    ("place", "path"),
    [
        ("jpeg bytes after the scan before EOI", "/jpeg/scan/0"),
        ("webp VP8 bytes after the bitstream", "/webp/VP8/tail"),
        ("webp VP8L bytes after the bitstream", "/webp/VP8L/tail"),
        ("webp extended VP8L bytes after the bitstream", "/webp/VP8L/tail"),
        ("webp ALPH bytes after the alpha", "/webp/ALPH/tail"),
    ],
)
def test_bytes_after_the_coded_data_are_cut_and_the_pixels_kept(
    streams_gate: Pipeline, place: str, path: str
) -> None:
    data = PLACES[place][0]
    evaluation = streams_gate.evaluate(data, synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED
    assert _uninspected(evaluation) == [path]
    assert evaluation.output is not None
    assert decoded(evaluation.output) == decoded(data)


def test_bytes_before_a_restart_marker_are_not_published(streams_gate: Pipeline) -> None:
    # A restart marker recurs through the scan: libjpeg-turbo's warning names the marker, not which one.
    evaluation = streams_gate.evaluate(PLACES["jpeg bytes before a restart marker"][0], synthetic=False)
    assert evaluation.verdict is Verdict.QUARANTINED
    assert _uninspected(evaluation) == ["/jpeg/scan/0"]
