"""Images for the pixel tests, made here: text drawn with Pillow's own font, a photo scikit-image ships."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont
from skimage import data as sample_images

from gate.demo.images import jpeg_bytes, product_image


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
    base = product_image(*size, seed=seed, noise=10)
    font = ImageFont.load_default(size=font_px)
    width = max(int(font.getlength(line)) for line in lines) + font_px * 2
    height = len(lines) * font_px * 3 // 2 + font_px
    label = Image.new("RGBA", (width, height), (*paper, 255) if paper else (0, 0, 0, 0))
    draw = ImageDraw.Draw(label)
    for n, line in enumerate(lines):
        draw.text((font_px, font_px // 2 + n * font_px * 3 // 2), line, fill=(*ink, 255), font=font)
    if angle:
        label = label.rotate(angle, expand=True, resample=Image.Resampling.BICUBIC)
    base.paste(label, (size[0] // 8, size[1] // 5), label)
    return base


def astronaut_jpeg() -> bytes:
    """Eileen Collins' NASA portrait, shipped in scikit-image: one real frontal face."""
    return jpeg_bytes(Image.fromarray(sample_images.astronaut()))


def png_with_alpha(image: Image.Image) -> bytes:
    """`image` as a PNG whose background is transparent black."""
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()
