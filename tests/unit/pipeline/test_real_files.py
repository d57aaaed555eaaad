"""Real files made by others (tests/fixtures/real) that the gate once refused or quarantined though valid:
each is approved, what no reader uses is removed before publishing, and what is published passes the
gate again with nothing left to remove."""

from __future__ import annotations

from pathlib import Path

import pytest

from gate.core.pipeline import Pipeline
from gate.imaging import probe, read_metadata
from gate.model import Verdict

REAL = Path(__file__).parents[2] / "fixtures" / "real"


@pytest.mark.parametrize(
    ("name", "removed"),
    [
        ("libultrahdr-minnie-y.jpg", ["/jpeg/trailing/0"]),  # 1,970 bytes after the first EOI
        ("c2pa-rs-riff-info.webp", ["/webp/IART/0", "/webp/ICOP/0", "/webp/INAM/0"]),  # RIFF INFO text
        ("apple-gainmap.jpg", None),  # an iPhone HDR photo: GPS and unknown tags stripped as before
        # An MPF index naming pictures past the end of the file: the index goes, the primary stays.
        ("commons-imaging-stale-mpf.jpg", None),
        # EXIF whose IFD1 lies inside IFD0: the edit could not clean it, so it goes whole.
        ("goexif-infinite-loop-exif.jpg", None),
    ],
)
def test_real_files_are_approved_without_what_no_reader_uses(
    gate: Pipeline, name: str, removed: list[str] | None
) -> None:
    data = (REAL / name).read_bytes()
    found = read_metadata(data, probe(data))
    if removed is not None:
        assert list(found.paths("unread")) == removed
        assert found.paths("uninspected") == ()
    evaluation = gate.evaluate(data, synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED, evaluation.decision.reason_codes
    assert evaluation.output is not None
    published = read_metadata(evaluation.output, probe(evaluation.output))
    assert published.paths("unread") == () and published.paths("uninspected") == ()
    again = gate.evaluate(evaluation.output, synthetic=False)
    assert again.verdict is Verdict.APPROVED
    assert "metadata.uninspected" not in again.decision.reason_codes


def test_the_bytes_after_a_real_jpegs_eoi_are_cut_and_nothing_else_changes(gate: Pipeline) -> None:
    data = (REAL / "libultrahdr-minnie-y.jpg").read_bytes()
    evaluation = gate.evaluate(data, synthetic=False)
    assert evaluation.output == data[: len(data) - 1970]
