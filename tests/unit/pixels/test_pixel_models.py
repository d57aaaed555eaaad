"""The shipped models on images made here: OCR reads rendered text, the cascade finds a real face."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from gate.demo.images import jpeg_bytes, png_bytes, product_image
from gate.pixels import decode_for_pixels, find_faces, read_text, spaced_variant
from tests.unit.pixels.images import astronaut_jpeg, text_image


def _read(image: Image.Image) -> list[str]:
    return [line.text for line in read_text(decode_for_pixels(jpeg_bytes(image), 1280))]


@pytest.mark.parametrize(
    ("font_px", "angle", "ink", "paper"),
    [
        (20, 0.0, (20, 20, 25), (245, 243, 235)),  # small, dark on a white label
        (36, 0.0, (250, 250, 250), (30, 40, 90)),  # light on a dark label
        (28, 8.0, (20, 20, 25), (245, 243, 235)),  # tilted
        (30, 0.0, (10, 10, 10), None),  # straight on the backdrop
    ],
)
def test_ocr_reads_rendered_lines(
    font_px: int, angle: float, ink: tuple[int, int, int], paper: tuple[int, int, int] | None
) -> None:
    lines = ("ORDER 4471", "Jane Doe", "jane.doe@example.com")
    read = " ".join(_read(text_image(lines, font_px=font_px, angle=angle, ink=ink, paper=paper)))
    squeezed = read.replace(" ", "").lower()
    assert "janedoe" in squeezed
    assert "jane.doe@example.com" in squeezed


def test_ocr_finds_no_text_in_a_plain_product_shot() -> None:
    assert _read(product_image(800, 600, seed=5)) == []


def test_lines_come_top_to_bottom() -> None:
    read = _read(text_image(("FIRST LINE", "SECOND LINE", "THIRD LINE"), font_px=32))
    assert [t.replace(" ", "") for t in read] == ["FIRSTLINE", "SECONDLINE", "THIRDLINE"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("JaneDoe", "Jane Doe"),
        ("12BakerStreet", "12 Baker Street"),
        ("LondonNW16XE", "London NW16XE"),
        ("NW16XE", None),
        ("iPhone15Pro", "i Phone 15 Pro"),
        ("10115Berlin", "10115 Berlin"),
        ("12ruedelaPaix", "12 ruedela Paix"),
        ("Musterstr12", "Musterstr 12"),
        ("4th", None),
        ("Size M2", None),
        ("Jane Doe", None),
        ("+442079460958", None),
        ("", None),
    ],
)
def test_spaced_variant(text: str, expected: str | None) -> None:
    assert spaced_variant(text) == expected


def test_the_cascade_finds_the_face_in_a_real_photo() -> None:
    faces = find_faces(decode_for_pixels(astronaut_jpeg(), 1280))
    assert len(faces) == 1
    face = faces[0]
    # Eileen Collins' face is in the upper middle of the 512x512 portrait.
    assert 150 < face.x + face.width / 2 < 300
    assert 50 < face.y + face.height / 2 < 200


def test_the_cascade_finds_no_face_in_product_shots() -> None:
    for seed in range(6):
        assert find_faces(decode_for_pixels(jpeg_bytes(product_image(640, 480, seed=seed)), 1280)) == []


def test_decode_downscales_and_flattens_transparency() -> None:
    big = jpeg_bytes(product_image(3000, 1500, seed=2))
    assert decode_for_pixels(big, 1000).shape == (500, 1000, 3)
    clear = Image.new("RGBA", (40, 20), (0, 0, 0, 0))
    rgb = decode_for_pixels(png_bytes(clear), 1280)
    assert rgb.shape == (20, 40, 3)
    assert rgb.min() == 255  # transparent became white, not black


def test_decode_applies_exif_rotation() -> None:
    image = product_image(200, 100, seed=1)
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90 degrees clockwise to display
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    assert decode_for_pixels(out.getvalue(), 1280).shape == (200, 100, 3)
