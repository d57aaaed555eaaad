"""The pixel benchmark's labelled set and its scoring (the models are tested in tests/unit/pixels)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from benchmarks.pixels import measure_faces, measure_text
from benchmarks.pixels_corpus import CONTRASTS, SIZES, FaceCase, TextCase, text_cases
from benchmarks.pixels_report import pixels_markdown
from gate.demo.images import jpeg_bytes, product_image
from gate.pixels import TextLine

AXES = {"font": "pillow", "size": "14px", "angle": "0deg", "contrast": "dark-on-label"}
IMAGE = jpeg_bytes(product_image(64, 48, seed=1))


def test_the_quick_subset_keeps_every_value_of_every_axis_and_half_negatives() -> None:
    cases = text_cases(every=2)
    assert Counter(c.entity is None for c in cases) == {True: len(cases) // 2, False: len(cases) // 2}
    assert {c.axes["size"] for c in cases} == {f"{s}px" for s in SIZES}
    assert {c.axes["contrast"] for c in cases} == {name for name, _, _ in CONTRASTS}
    assert all(c.planted for c in cases if c.entity is not None)


def test_text_scoring_counts_read_found_and_false_positives() -> None:
    cases = [
        TextCase("hit", IMAGE, "EMAIL_ADDRESS", "jane.doe@example.com", AXES),
        TextCase("miss", IMAGE, "PERSON", "Maria Schmidt", AXES),
        TextCase("clean", IMAGE, None, None, AXES),
        TextCase("noisy", IMAGE, None, None, AXES),
    ]
    said = iter([["jane.doe@example.com"], ["mxria schmxdt"], ["SALE"], ["call +44 20 7946 0958"]])

    def reader(rgb: Any) -> list[TextLine]:
        return [TextLine((0, 0, 1, 1), text, 1.0) for text in next(said)]

    scored = measure_text(cases, reader)
    assert scored["read_recall"] == 0.5
    assert scored["entity_recall"] == 0.5
    assert scored["false_positive_rate"] == 0.5
    assert scored["entity_recall_by_axis"]["size=14px"] == 0.5


def test_face_scoring_counts_images_with_a_face_found() -> None:
    cases = [FaceCase("lfw-1-48px", IMAGE, 1), FaceCase("lfw-2-48px", IMAGE, 1), FaceCase("cat", IMAGE, 0)]
    counts = iter([1, 0, 2])
    scored = measure_faces(cases, lambda rgb: next(counts))
    assert scored["recall"] == 0.5
    assert scored["false_positive_rate"] == 1.0
    assert scored["recall_by_face_size"] == {"48px": 0.5}


def test_report_names_an_option_that_could_not_be_measured() -> None:
    lines = pixels_markdown(
        {"max_side": 1280, "text": {"tesseract": {"missing": "not installed"}}, "faces": {}}
    )
    assert "| tesseract | not measured: not installed | | | | |" in lines
