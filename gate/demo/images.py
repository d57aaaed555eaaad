"""Product-like images made on the fly with Pillow, for the demo, tests and benchmarks.

Deterministic for a given seed. Noise gives realistic JPEG sizes (a flat colour would compress to nothing).
"""

from __future__ import annotations

import io
import random
from collections.abc import Mapping

from PIL import Image, ImageDraw, ImageFilter, ImageFont, PngImagePlugin

GPS_IFD = 0x8825
BODY_SERIAL = 0xA431
ARTIST = 0x013B
SOFTWARE = 0x0131


def product_image(width: int = 640, height: int = 480, *, seed: int = 0, noise: float = 24.0) -> Image.Image:
    """A studio-style product shot: gradient backdrop, a coloured object, sensor-like noise."""
    rng = random.Random(seed)  # noqa: S311 - reproducible pictures, not secrets
    backdrop = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    tint = Image.new(
        "RGB", (width, height), (rng.randrange(150, 255), rng.randrange(150, 255), rng.randrange(150, 255))
    )
    image = Image.blend(backdrop, tint, 0.7)
    draw = ImageDraw.Draw(image)
    colour = (rng.randrange(0, 200), rng.randrange(0, 200), rng.randrange(0, 200))
    box = (width // 4, height // 5, width * 3 // 4, height * 4 // 5)
    if rng.random() < 0.5:
        draw.ellipse(box, fill=colour)
    else:
        draw.rounded_rectangle(box, radius=min(width, height) // 10, fill=colour)
    image = image.filter(ImageFilter.GaussianBlur(1))
    if noise > 0:
        # Seeded grain (Image.effect_noise is not), so the same seed gives the same bytes.
        grain = Image.frombytes("L", (width, height), rng.randbytes(width * height)).convert("RGB")
        image = Image.blend(image, grain, noise / 200.0)
    return image


def jpeg_bytes(
    image: Image.Image, *, quality: int = 90, exif: Image.Exif | None = None, comment: str = ""
) -> bytes:
    """Encode as JPEG, optionally with EXIF and a COM comment."""
    out = io.BytesIO()
    kwargs: dict[str, object] = {"quality": quality}
    if exif is not None:
        kwargs["exif"] = exif.tobytes()
    if comment:
        kwargs["comment"] = comment.encode()
    image.save(out, "JPEG", **kwargs)
    return out.getvalue()


def png_bytes(image: Image.Image, *, text: Mapping[str, str] | None = None) -> bytes:
    """Encode as PNG, optionally with tEXt chunks (e.g. A1111 `parameters`)."""
    out = io.BytesIO()
    info = PngImagePlugin.PngInfo()
    for key, value in (text or {}).items():
        info.add_text(key, value)
    image.save(out, "PNG", pnginfo=info)
    return out.getvalue()


def camera_exif(*, gps: bool = True, serial: bool = True, artist: bool = False) -> Image.Exif:
    """EXIF as a phone or camera writes it: GPS position, body serial, maybe the owner's name."""
    exif = Image.Exif()
    if gps:
        exif[GPS_IFD] = {1: "N", 2: (48.0, 51.0, 29.6), 3: "E", 4: (2.0, 17.0, 40.2)}
    if serial:
        exif[BODY_SERIAL] = "A7IV-00418833"
    if artist:
        exif[ARTIST] = "Maria Schmidt"
    return exif


A1111_PARAMETERS = (
    "a leather handbag on a marble table, studio lighting\n"
    "Negative prompt: blurry, lowres\n"
    "Steps: 30, Sampler: DPM++ 2M Karras, CFG scale: 7, Seed: 3482910023, Size: 640x480, "
    "Model hash: a9f3c2d1e0, Model: sdxl_base_1.0"
)


def tamper_jpeg(data: bytes, *, count: int = 16) -> bytes:
    """Change a few bytes of entropy-coded image data near the end, keeping the JPEG structurally valid.

    Bytes next to 0xFF (markers, stuffing) are left alone so the file still parses: what changes is what
    a signature covers, which is exactly what a tampering check must notice.
    """
    out = bytearray(data)
    changed = 0
    position = len(out) - 64
    while changed < count and position > 2:
        b, before = out[position], out[position - 1]
        if b not in (0x00, 0xFE, 0xFF) and before != 0xFF and out[position + 1] != 0xFF:
            out[position] = b ^ 0x01
            changed += 1
        position -= 7
    return bytes(out)


def parcel_banner(
    width: int = 960,
    height: int = 540,
    *,
    label: tuple[str, ...] = ("Jane Doe", "12 Baker Street", "London NW1 6XE"),
    seed: int = 0,
) -> Image.Image:
    """A personalised banner: a product shot with a parcel whose shipping label shows `label`.

    Text is drawn with Pillow's own font (no system fonts needed), dark on a light label.
    """
    image = product_image(width, height, seed=seed)
    draw = ImageDraw.Draw(image)
    box = (width * 11 // 20, height * 9 // 20, width * 19 // 20, height * 19 // 20)
    draw.rectangle(box, fill=(196, 160, 112), outline=(120, 90, 60), width=3)  # the parcel
    size = max(12, height // 22)
    font = ImageFont.load_default(size=size)
    left, top = box[0] + size, box[1] + size
    bottom = top + len(label) * size * 3 // 2 + size // 2
    label_box = (left - size // 2, top - size // 2, box[2] - size, bottom)
    draw.rectangle(label_box, fill=(246, 244, 236))
    for n, line in enumerate(label):
        draw.text((left, top + n * size * 3 // 2), line, fill=(25, 25, 30), font=font)
    return image


Colour = tuple[int, int, int]


def text_on_product(
    lines: tuple[str, ...],
    *,
    font: ImageFont.FreeTypeFont | ImageFont.ImageFont | None = None,
    font_px: int = 26,
    angle: float = 0.0,
    ink: Colour = (20, 20, 25),
    paper: Colour | None = (245, 243, 235),
    size: tuple[int, int] = (800, 500),
    at: tuple[int, int] = (100, 100),
    seed: int = 1,
) -> Image.Image:
    """A product shot with `lines` on a label (straight on the backdrop when `paper` is None), tilted by
    `angle` degrees; Pillow's own font at `font_px` unless `font` is given. For OCR tests and benchmarks.
    """
    base = product_image(*size, seed=seed, noise=12)
    font = font or ImageFont.load_default(size=font_px)
    width = int(max(font.getlength(line) for line in lines)) + font_px * 2
    height = len(lines) * font_px * 3 // 2 + font_px
    label = Image.new("RGBA", (width, height), (*paper, 255) if paper else (0, 0, 0, 0))
    draw = ImageDraw.Draw(label)
    for n, line in enumerate(lines):
        draw.text((font_px, font_px // 2 + n * font_px * 3 // 2), line, fill=(*ink, 255), font=font)
    if angle:
        label = label.rotate(angle, expand=True, resample=Image.Resampling.BICUBIC)
    x = max(0, min(size[0] - label.width, at[0]))
    y = max(0, min(size[1] - label.height, at[1]))
    base.paste(label, (x, y), label)
    return base
