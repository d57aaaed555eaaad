"""Camera Raw (Lightroom, Photoshop's Camera Raw filter) settings: which lines of a `crs:` value are a
setting's numbers rather than text, so they are not scanned as coordinates or phone numbers.

Lightroom writes numeric vectors the coordinate detector reads as latitude and longitude: Point Color
adjustments (crs:PointColors, and a profile's crs:Look/crs:Parameters), 19 numbers each ("-1.000000"
when unused, in every export since Lightroom Classic 13), masks' curves and ranges, pairs and
quadruples of numbers from 0 to 1 ("0.031250 0.008371"), brush dabs ("d 0.494281 0.601323"), and
Upright's perspective corrections (crs:UprightTransform_N), a 3 x 3 matrix of nine numbers near the
identity ending in 1 ("1.066300504,0.025984937,...,1.000000000"). As a whole line of such numbers they
are a setting's: 19 of them, a matrix within [-4, 4], or all within [-1, 1] (those squares are open sea
in the Gulf of Guinea: no place anyone lives). A structured setting (a mask: crs:CorrectionMasks) is
read as its leaves one a line; each leaf that is one short number ("+50", "0.503248", "340.781006") is
a slider's value, and lines of them read together made phone numbers. Split, not one regular
expression: runs of separators made that backtrack.
"""

from __future__ import annotations

import re

CAMERA_RAW_CLARK = "{http://ns.adobe.com/camera-raw-settings/1.0/}"
_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?")
# One number with at most 6 digits before its point: a slider, an angle, a hue; never a phone number,
# an account or a card (7+ digits), which stay scanned.
_SETTING_NUMBER = re.compile(r"[-+]?\d{1,6}(?:\.\d+)?")
_SEPARATORS = re.compile(r"[,\s]+")
_POINT_COLOR_SIZE = 19
_MATRIX_SIZE = 9
_MATRIX_BOUND = 4.0


def setting_vector(line: str) -> bool:
    """Whether one line of a Camera Raw value is a setting's numbers (see the module's docstring)."""
    tokens = _SEPARATORS.split(line.strip())
    dab = tokens[0] == "d"
    numbers = tokens[1:] if dab else tokens
    if len(numbers) < 2 or not all(_NUMBER.fullmatch(n) for n in numbers):
        return False
    if not dab and len(numbers) == _POINT_COLOR_SIZE:
        return True
    values = [float(n) for n in numbers]
    if not dab and len(values) == _MATRIX_SIZE and values[-1] == 1.0:
        return all(abs(v) <= _MATRIX_BOUND for v in values)
    return all(abs(v) <= 1 for v in values)


def setting_leaf(line: str) -> bool:
    """Whether one leaf of a structured Camera Raw setting is a slider's value (one short number)."""
    return _SETTING_NUMBER.fullmatch(line.strip()) is not None


def camera_raw_text(name: str, text: str) -> str:
    """`text` of property `name` (Clark notation) without a Camera Raw setting's numbers, one a line.

    A simple setting ("5500") stays text as it is; the leaves of a structured one (one a line) that are
    one short number each go, as lines of them read together as a phone number."""
    if not name.startswith(CAMERA_RAW_CLARK) or not any(sep in text for sep in ",\n "):
        return text  # most settings are one number or word: no vector or leaf to look for
    lines = text.split("\n")
    structured = len(lines) > 1
    return "\n".join(
        line for line in lines if not setting_vector(line) and not (structured and setting_leaf(line))
    )
