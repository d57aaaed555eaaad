"""Pixels for the models: decoded small, because cost grows with area and the models need little.

JPEG is decoded straight at a reduced scale (`draft`: the DCT skips the detail), everything else is
decoded and then shrunk. Rotation from EXIF is applied (OCR reads upright text), transparency is
flattened on white (dark text on a transparent PNG would vanish on black).
"""

from __future__ import annotations

import io
from typing import Any

from PIL import Image, ImageOps

from gate.pixels.runtime import require


def decode_for_pixels(data: bytes, max_side: int) -> Any:
    """An RGB `numpy.ndarray` (height, width, 3) of `data`, its longer side at most `max_side`."""
    numpy = require("numpy")
    with Image.open(io.BytesIO(data)) as opened:
        if opened.format == "JPEG":
            opened.draft("RGB", (max_side, max_side))
        image = ImageOps.exif_transpose(opened)
        image.load()
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        image = flat
    else:
        image = image.convert("RGB")
    if max(image.size) > max_side:
        image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    return numpy.asarray(image)
