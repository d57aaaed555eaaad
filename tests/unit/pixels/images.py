"""Images for the pixel tests, made here: text drawn with Pillow's own font, a photo scikit-image ships."""

from __future__ import annotations

import io

from PIL import Image
from skimage import data as sample_images

from gate.demo.images import jpeg_bytes, text_on_product


def text_image(
    lines: tuple[str, ...],
    *,
    size: tuple[int, int] = (800, 450),
    font_px: int = 26,
    angle: float = 0.0,
    ink: tuple[int, int, int] = (20, 20, 25),
    paper: tuple[int, int, int] | None = (245, 243, 235),
    seed: int = 1,
) -> Image.Image:
    """A product shot with `lines` on a label (or straight on the backdrop when `paper` is None)."""
    at = (size[0] // 8, size[1] // 5)
    return text_on_product(
        lines, font_px=font_px, angle=angle, ink=ink, paper=paper, size=size, at=at, seed=seed
    )


def astronaut_jpeg() -> bytes:
    """Eileen Collins' NASA portrait, shipped in scikit-image: one real frontal face."""
    return jpeg_bytes(Image.fromarray(sample_images.astronaut()))


def png_with_alpha(image: Image.Image) -> bytes:
    """`image` as a PNG whose background is transparent black."""
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()
