"""The labelled set for the pixel checks, built here: nothing is downloaded.

Text: lines drawn with Pillow's fonts (its own built-in font, and DejaVu where the system has it) at
several sizes, angles and contrasts on product-like backgrounds. Each positive image carries one piece of
personal data (the label is its entity) next to a neutral line; negatives carry product copy only.
Faces: the 100 face crops of scikit-image's LFW subset (and its astronaut portrait), scaled to several
sizes on product backgrounds; negatives are its 100 non-face crops, sample photos, product shots and
parcel banners without people.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageFont

from gate.demo.images import jpeg_bytes, parcel_banner, product_image, text_on_product

PERSONAL = (
    ("PERSON", "Deliver to Jane Doe"),
    ("PERSON", "Maria Schmidt"),
    ("LOCATION", "48 Elm Road"),
    ("LOCATION", "221 Baker Street"),
    ("EMAIL_ADDRESS", "jane.doe@example.com"),
    ("EMAIL_ADDRESS", "m.schmidt@mail.example.org"),
    ("PHONE_NUMBER", "+44 20 7946 0958"),
    ("PHONE_NUMBER", "+49 30 901820"),
    ("CREDIT_CARD", "4111 1111 1111 1111"),
)
NEUTRAL = (
    "SUMMER SALE -30%",
    "Free shipping over 50 EUR",
    "Handmade leather, 2 year warranty",
    "Order now, ships in 24h",
    "New colours: Rose Gold and Navy",
    "Size M - 100% cotton",
)
SIZES = (14, 20, 28, 40)
ANGLES = (0.0, 6.0, 15.0)
# (name, ink, paper): paper None means the text sits straight on the product backdrop.
CONTRASTS = (
    ("dark-on-label", (20, 20, 25), (245, 243, 235)),
    ("low-contrast", (110, 110, 115), (200, 200, 196)),
    ("light-on-dark", (250, 250, 250), (30, 40, 90)),
    ("on-backdrop", (15, 15, 15), None),
)
SYSTEM_FONTS = ("DejaVuSans.ttf", "DejaVuSerif.ttf")


@dataclass(frozen=True)
class TextCase:
    """One labelled text image: the entity planted (None for a negative) and the text drawn."""

    name: str
    data: bytes
    entity: str | None
    planted: str | None
    axes: dict[str, str]


@dataclass(frozen=True)
class FaceCase:
    """One labelled face image: how many faces it holds (0 or 1)."""

    name: str
    data: bytes
    faces: int


def fonts() -> list[tuple[str, int]]:
    """(font name, or "pillow" for Pillow's own) available here."""
    found = [("pillow", 0)]
    for name in SYSTEM_FONTS:
        try:
            ImageFont.truetype(name, 12)
        except OSError:
            continue
        found.append((name, 0))
    return found


def _font(name: str, size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size) if name == "pillow" else ImageFont.truetype(name, size)


def _render(
    lines: tuple[str, ...], font_name: str, size: int, angle: float, contrast: tuple, seed: int
) -> bytes:
    _, ink, paper = contrast
    image = text_on_product(
        lines, font=_font(font_name, size), font_px=size, angle=angle, ink=ink, paper=paper,
        at=(60 + seed % 200, 80 + seed % 150), seed=seed,
    )  # fmt: skip
    return jpeg_bytes(image, quality=88)


def text_cases(*, every: int = 1) -> list[TextCase]:
    """One positive and one negative per combination of font, size, angle and contrast.

    `every` > 1 keeps every n-th combination (the quick run), still covering each value of each axis.
    """
    rng = random.Random(20)
    cases: list[TextCase] = []
    axes_values = (fonts(), SIZES, ANGLES, CONTRASTS)
    indices = itertools.product(*(range(len(values)) for values in axes_values))
    for n, index in enumerate(indices):
        if sum(index) % every:  # a balanced subset: each value of each axis keeps its share
            continue
        (font_name, _), size, angle, contrast = (
            values[i] for values, i in zip(axes_values, index, strict=True)
        )
        font = font_name.split(".")[0]
        axes = {"font": font, "size": f"{size}px", "angle": f"{angle:g}deg", "contrast": contrast[0]}
        tag = "-".join(axes.values())
        entity, value = PERSONAL[n % len(PERSONAL)]
        positive = (rng.choice(NEUTRAL), value)
        negative = (rng.choice(NEUTRAL), rng.choice(NEUTRAL))
        cases.append(
            TextCase(
                f"{tag}-{entity}",
                _render(positive, font_name, size, angle, contrast, 2 * n),
                entity,
                value,
                axes,
            )
        )
        cases.append(
            TextCase(
                f"{tag}-none",
                _render(negative, font_name, size, angle, contrast, 2 * n + 1),
                None,
                None,
                axes,
            )
        )
    return cases


def face_cases() -> list[FaceCase]:
    """LFW face crops at 48, 96 and 160 px on product backgrounds, the astronaut, and negatives."""
    from skimage import data  # noqa: PLC0415 - scikit-image is a dev dependency

    crops = data.lfw_subset()  # 100 faces, then 100 non-faces, 25x25 grey
    cases: list[FaceCase] = []
    for index, crop in enumerate(crops):
        is_face = index < 100
        patch = Image.fromarray((crop * 255).astype("uint8")).convert("RGB")
        for side in (48, 96, 160):
            base = product_image(480, 360, seed=index, noise=10)
            scaled = patch.resize((side, side), Image.Resampling.BICUBIC)
            base.paste(scaled, (40 + (index * 7) % (480 - side - 40), 30 + (index * 11) % (360 - side - 30)))
            cases.append(FaceCase(f"lfw-{index}-{side}px", jpeg_bytes(base), 1 if is_face else 0))
    cases.append(FaceCase("astronaut", jpeg_bytes(Image.fromarray(data.astronaut())), 1))
    for name in ("chelsea", "coffee", "rocket", "hubble_deep_field", "immunohistochemistry"):
        cases.append(FaceCase(name, jpeg_bytes(Image.fromarray(getattr(data, name)()).convert("RGB")), 0))
    for seed in range(20):
        cases.append(FaceCase(f"product-{seed}", jpeg_bytes(product_image(800, 600, seed=seed)), 0))
        cases.append(FaceCase(f"banner-{seed}", jpeg_bytes(parcel_banner(960, 540, seed=seed)), 0))
    return cases


def write_examples(cases: list[TextCase], directory: Path, every: int = 24) -> None:
    """A few of the text images on disk, to look at what the set holds."""
    directory.mkdir(parents=True, exist_ok=True)
    for case in cases[::every]:
        (directory / f"{case.name}.jpg").write_bytes(case.data)
