"""Faces: OpenCV's `alt2` frontal-face Haar cascade (the XML ships inside the opencv-python wheel).

Chosen over the default cascade and scikit-image's LBP cascade by recall, false positives and cost on
the labelled set in benchmarks/pixels.py (see the README). The grey image is not histogram-equalised:
on that set equalising lowered recall from 99% to 87% (a face on a bright product backdrop loses its
contrast). Frontal faces only: a profile is missed, so a face found is evidence, none found is no proof.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from gate.pixels.runtime import PixelsUnavailable, require

CASCADE = "haarcascade_frontalface_alt2.xml"
SCALE_STEP = 1.1
MIN_NEIGHBOURS = 3
# Faces smaller than this share of the shorter side are too small to be a likeness (and are where
# the cascade's false positives live).
MIN_FACE_SHARE = 1 / 24
MIN_FACE_PX = 20


@dataclass(frozen=True, slots=True)
class FaceBox:
    """Where a face is: x, y, width, height in the downscaled image."""

    x: int
    y: int
    width: int
    height: int


@cache
def load_face_detector() -> Any:
    """The process's cascade classifier, loaded once. Single-threaded: the gate scales by processes."""
    cv2 = require("cv2")
    cv2.setNumThreads(1)
    path = Path(cv2.data.haarcascades) / CASCADE
    detector = cv2.CascadeClassifier(str(path))
    if detector.empty():
        # opencv-python 5 moved the cascades out of the wheel: say so rather than find nothing.
        raise PixelsUnavailable("cv2")
    return detector


def find_faces(rgb: Any) -> list[FaceBox]:
    """Frontal faces in an RGB array, left to right."""
    cv2 = require("cv2")
    detector = load_face_detector()
    gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    smallest = max(MIN_FACE_PX, int(min(gray.shape[:2]) * MIN_FACE_SHARE))
    found = detector.detectMultiScale(
        gray, scaleFactor=SCALE_STEP, minNeighbors=MIN_NEIGHBOURS, minSize=(smallest, smallest)
    )
    boxes = [FaceBox(int(x), int(y), int(w), int(h)) for x, y, w, h in found]
    return sorted(boxes, key=lambda box: (box.x, box.y))
