"""Session fixtures: realistic images with every kind of metadata the gate looks for."""

from __future__ import annotations

import pytest

from tests.unit.imaging.images import AI_XMP, ai_png_info, camera_exif, jpeg_bytes, png_bytes, webp_bytes


@pytest.fixture(scope="session")
def camera_jpeg() -> bytes:
    return jpeg_bytes(exif=camera_exif(), comment=b"ring 07700 900123", xmp=AI_XMP)


@pytest.fixture(scope="session")
def ai_png() -> bytes:
    return png_bytes(ai_png_info(), exif=camera_exif())


@pytest.fixture(scope="session")
def camera_webp() -> bytes:
    return webp_bytes(exif=camera_exif(), xmp=AI_XMP)
