"""The image corpus for the decision-core benchmark: JPEG and PNG at ~50 KB, ~500 KB and ~3 MB, each
with a trusted C2PA manifest ("signed") and without one ("unsigned", synthetic: the gate signs it).

Deterministic for a seed. Dimensions are calibrated per format so the encoded size lands near the target.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from gate.core.event import Generation, ModelInfo
from gate.demo.images import jpeg_bytes, png_bytes, product_image
from gate.provenance import DevPki, GenerationClaim, SignerConfig, attach_manifest

SIZE_CLASSES: dict[str, int] = {"50KB": 50_000, "500KB": 500_000, "3MB": 3_000_000}
FORMATS: dict[str, str] = {"jpeg": "image/jpeg", "png": "image/png"}
VARIANTS = ("signed", "unsigned")
# Encoded bytes per pixel of `product_image` (noise 24): measured once, refined by one calibration step.
_BYTES_PER_PIXEL = {"jpeg": 0.34, "png": 1.85}
_ASPECT = 4 / 3

# Realistic clean parameters: nothing here is personal data, so the gate approves.
PARAMETERS = {
    "prompt": "a leather handbag on a marble table, soft studio lighting, 85mm",
    "negative_prompt": "blurry, lowres, watermark, text",
    "steps": 30,
    "sampler": "DPM++ 2M Karras",
    "cfg_scale": 7,
    "seed": 3482910023,
    "width": 1024,
    "height": 768,
    "model_hash": "a9f3c2d1e0",
}
MODEL = ModelInfo(name="sdxl-base", version="1.0", provider="stability.ai")
GENERATION = Generation(
    synthetic=True, model=MODEL, parameters=PARAMETERS, training_data_sources=("licensed-stock",)
)


@dataclass(frozen=True, slots=True)
class ImageCase:
    """Images of one format, size class and manifest variant."""

    fmt: str
    size_class: str
    variant: str
    images: tuple[bytes, ...]

    @property
    def name(self) -> str:
        """e.g. `jpeg-500KB-signed`."""
        return f"{self.fmt}-{self.size_class}-{self.variant}"

    @property
    def media_type(self) -> str:
        """The IANA media type of the images."""
        return FORMATS[self.fmt]

    @property
    def mean_bytes(self) -> float:
        """Average encoded size."""
        return sum(len(i) for i in self.images) / len(self.images)


def _encoder(fmt: str) -> Callable[[int, int, int], bytes]:
    def encode(width: int, height: int, seed: int) -> bytes:
        image = product_image(width, height, seed=seed)
        return jpeg_bytes(image) if fmt == "jpeg" else png_bytes(image)

    return encode


def sized_image(fmt: str, target: int, seed: int) -> bytes:
    """An image of about `target` bytes: guess dimensions, encode, rescale once by the size error."""
    encode = _encoder(fmt)
    pixels = target / _BYTES_PER_PIXEL[fmt]
    for _ in range(2):
        height = max(16, round(math.sqrt(pixels / _ASPECT)))
        width = max(16, round(height * _ASPECT))
        data = encode(width, height, seed)
        pixels *= target / len(data)
    return data


def signed_copy(data: bytes, media_type: str, signer: SignerConfig) -> bytes:
    """`data` with a manifest the gate trusts and approves (AI marking, clean generation assertion)."""
    claim = GenerationClaim(
        model_name="sdxl-base",
        model_version="1.0",
        provider="stability.ai",
        training_data_sources=("licensed-stock",),
        parameters={"steps": 30, "seed": 3482910023, "sampler": "DPM++ 2M Karras"},
    )
    return attach_manifest(data, media_type, signer, claim)


def build_image_cases(pki: DevPki, *, per_case: int, seed: int = 7) -> list[ImageCase]:
    """Every (format, size class, variant) with `per_case` distinct images each."""
    signer = SignerConfig.from_files(pki.signer_chain, pki.signer_key)
    cases: list[ImageCase] = []
    for fmt, media_type in FORMATS.items():
        for size_class, target in SIZE_CLASSES.items():
            plain = tuple(sized_image(fmt, target, seed + i) for i in range(per_case))
            signed = tuple(signed_copy(p, media_type, signer) for p in plain)
            cases.append(ImageCase(fmt, size_class, "signed", signed))
            cases.append(ImageCase(fmt, size_class, "unsigned", plain))
    return cases


def write_cases(cases: list[ImageCase], directory: Path) -> dict[str, list[Path]]:
    """Write each case's images as files (for the end-to-end benchmark's file:// assets)."""
    directory.mkdir(parents=True, exist_ok=True)
    written: dict[str, list[Path]] = {}
    for case in cases:
        suffix = "jpg" if case.fmt == "jpeg" else "png"
        paths = []
        for n, data in enumerate(case.images):
            path = directory / f"{case.name}-{n}.{suffix}"
            path.write_bytes(data)
            paths.append(path)
        written[case.name] = paths
    return written
