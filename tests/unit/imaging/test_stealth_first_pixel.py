"""The stealth check's first step (`stealth._starts_as_s`) rules images out by their first pixel alone; it
must never rule out one the whole decode would read. Property: for PNGs of random pixels (RGB and RGBA,
8 and 16 bits, every filter Pillow picks), with and without a signature planted in the alpha or RGB low
bits, `read_hidden` (first pixel, then first rows) answers what `read_decoded` (Pillow's whole decode)
does.
"""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from gate.imaging import png, stealth
from gate.imaging.limits import MetadataBudget
from tests.unit.imaging.round20_places import _sixteen_bit, stealth_png

_BUDGET = 1 << 20


def _random_png(seed: bytes, mode: str, size: tuple[int, int]) -> bytes:
    width, height = size
    channels = 4 if mode == "RGBA" else 3
    pixels = (seed * (width * height * channels // max(1, len(seed)) + 1))[: width * height * channels]
    out = io.BytesIO()
    Image.frombytes(mode, size, pixels).save(out, "PNG")
    return out.getvalue()


def _both(data: bytes) -> tuple[stealth.HiddenText | None, stealth.HiddenText | None]:
    layout = png.walk(data)
    fast = stealth.read_hidden(data, layout.chunks, MetadataBudget(_BUDGET))
    whole = stealth.read_decoded(data, MetadataBudget(_BUDGET))
    return fast, whole


@settings(max_examples=120, deadline=None)
@given(
    seed=st.binary(min_size=1, max_size=64),
    mode=st.sampled_from(["RGB", "RGBA"]),
    size=st.tuples(st.integers(1, 24), st.integers(1, 24)),
    wide=st.booleans(),
)
def test_random_pixels_the_first_pixel_rules_out_only_what_the_decode_does(
    seed: bytes, mode: str, size: tuple[int, int], wide: bool
) -> None:
    data = _random_png(seed, mode, size)
    if wide:
        data = _sixteen_bit(data)
    fast, whole = _both(data)
    assert fast == whole


@settings(max_examples=30, deadline=None)
@given(
    text=st.text(min_size=1, max_size=40),
    mode=st.sampled_from(["alpha", "rgb"]),
    compressed=st.booleans(),
    height=st.integers(8, 200),
)
def test_a_planted_signature_is_read_by_both(text: str, mode: str, compressed: bool, height: int) -> None:
    # 256 columns: room for 40 characters of 4 bytes, gzipped or not, in 8 rows of alpha bits.
    data = stealth_png(text, mode=mode, compressed=compressed, size=(256, height))
    fast, whole = _both(data)
    assert fast == whole and fast is not None and fast.text == text
