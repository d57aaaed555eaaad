"""A decimal number whose fraction is all zeros is a measurement, not a phone number: ImageMagick writes
an image's size into XMP as "792.000000" (`stDim:h`), which read as a Spanish mobile number (3 + 6 digits)
and held real PNGs (found by `redimg12` in Magick.NET output). After a phone cue it is still read."""

from __future__ import annotations

import pytest

from gate.scanning import scan_parameters


def _phones(doc: dict[str, str]) -> list[str]:
    return [f.detector for f in scan_parameters(doc) if f.entity == "PHONE_NUMBER"]


@pytest.mark.parametrize("value", ["792.000000", "612.000000", "612,000000", "height 792.000000 px"])
def test_a_fraction_of_zeros_is_a_measurement(value: str) -> None:
    assert _phones({"stDim:h": value}) == []
    assert _phones({"prompt": value}) == []


@pytest.mark.parametrize("value", ["tel 612.000000", "0612.345678", "612 345 678"])
def test_other_shapes_and_cued_numbers_are_still_read(value: str) -> None:
    assert _phones({"prompt": value}) != []
