"""Rendered text: RapidOCR (PaddleOCR's PP-OCRv4 detector and recogniser as ONNX, shipped in the wheel).

Chosen over Tesseract by recall on the labelled set in benchmarks/pixels.py (see the README). The
recogniser sometimes drops the spaces of small text ("JaneDoe", "12BakerStreet"), which would hide a
name or an address from the scanner, so `spaced_variant` puts them back at case and digit changes
and the check scans both spellings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from gate.pixels.runtime import require

# Lines the recogniser is less sure of than this are mostly texture read as letters.
MIN_SCORE = 0.5
# Lower to upper case ("JaneDoe"), a number before a word ("12BakerStreet", "75002Paris", "12rue") or
# after one ("Musterstr12"); not inside codes such as postcodes ("NW16XE"), which detectors read whole.
_CASE_CHANGE = re.compile(
    r"(?<=[a-z])(?=[A-Z])|(?<=\d)(?=[A-Z][a-z])|(?<=\d)(?=[a-z]{3})|(?<=[a-z]{3})(?=\d)"
)


@dataclass(frozen=True, slots=True)
class TextLine:
    """One line of recognised text: where it is (x, y, width, height), what it says, how sure."""

    box: tuple[int, int, int, int]
    text: str
    score: float


@cache
def load_text_reader() -> Any:
    """The process's OCR engine, loaded once (about 0.1 s). One thread: the gate scales by processes."""
    engine = require("rapidocr_onnxruntime").RapidOCR(
        intra_op_num_threads=1, inter_op_num_threads=1, print_verbose=False
    )
    return engine


def read_text(rgb: Any) -> list[TextLine]:
    """Lines of text in an RGB array, top to bottom then left to right."""
    found, _ = load_text_reader()(rgb[:, :, ::-1].copy())  # the engine reads OpenCV's BGR order
    lines = []
    for points, text, score in found or ():
        if float(score) < MIN_SCORE or not str(text).strip():
            continue
        xs = [int(p[0]) for p in points]
        ys = [int(p[1]) for p in points]
        box = (min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
        lines.append(TextLine(box, str(text), float(score)))
    return sorted(lines, key=lambda line: (line.box[1], line.box[0]))


def spaced_variant(text: str) -> str | None:
    """`text` with spaces restored where words run together, or None when nothing changed."""
    spaced = _CASE_CHANGE.sub(" ", text)
    return spaced if spaced != text else None
