"""A seventh attacker round on images (redimg7): what round 6 did not plant.

JSON in a PNG text chunk whose object repeats a key: the reader kept the last value (as Python's json
does) and scanned only it, while the chunk publishes both; another reader keeps the first. A compressed
iTXt hid the same from any byte search of the output, so these cases check the reasons, not the bytes.
"""

from __future__ import annotations

import zlib

import pytest

from gate.core.pipeline import Pipeline
from gate.model import Verdict
from tests.unit.imaging.images import chunk
from tests.unit.pipeline.test_unseen_containers import canary, png_with


def _text_chunk(kind: bytes, keyword: bytes, body: bytes) -> bytes:
    if kind == b"tEXt":
        return chunk(b"tEXt", keyword + b"\x00" + body)
    if kind == b"zTXt":
        return chunk(b"zTXt", keyword + b"\x00\x00" + zlib.compress(body))
    return chunk(b"iTXt", keyword + b"\x00\x01\x00\x00\x00" + zlib.compress(body))  # compressed iTXt


@pytest.mark.parametrize("kind", [b"tEXt", b"zTXt", b"iTXt"])
@pytest.mark.parametrize("keyword", [b"Comment", b"Description", b"workflow"])
@pytest.mark.parametrize(
    "template",
    [
        '{{"seed": "{0}", "seed": 5}}',
        '{{"seed": 5, "seed": "{0}"}}',
        '[{{"n": {{"a": "{0}", "a": "", "a": 1}}}}]',
    ],
    ids=["first-of-two", "last-of-two", "first-of-three-nested"],
)
def test_every_value_of_a_repeated_json_key_is_scanned(
    gate: Pipeline, kind: bytes, keyword: bytes, template: str
) -> None:
    body = template.format(canary("dupkey")).encode()
    data = png_with(_text_chunk(kind, keyword, body))
    evaluation = gate.evaluate(data, synthetic=True)
    emails = [
        r.reason
        for r in evaluation.decision.reasons
        if r.reason.code == "metadata.personal_data" and r.reason.entity == "EMAIL_ADDRESS"
    ]
    assert emails, evaluation.decision.reason_codes
    assert evaluation.verdict is not Verdict.APPROVED
    assert all(reason.path and reason.path.startswith("/png/") for reason in emails)


def test_a_json_text_without_a_repeated_key_reads_as_before(gate: Pipeline) -> None:
    body = b'{"seed": 5, "sampler": "euler"}'
    evaluation = gate.evaluate(png_with(_text_chunk(b"tEXt", b"Comment", body)), synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED, evaluation.decision.reason_codes


# ImageMagick writes every EXIF tag of its input as a PNG text chunk of its own (c2pa-rs's sample1.png
# holds "exif:BodySerialNumber" and "exif:LensSerialNumber" so): read as free text, a serial number or a
# coordinate is no personal data a scanner sees, and it was published beside the stripped eXIf.
@pytest.mark.parametrize(
    ("keyword", "value", "entity"),
    [
        (b"exif:BodySerialNumber", b"062062059949", "DEVICE_ID"),
        (b"exif:LensSerialNumber", b"000023990c", "DEVICE_ID"),
        (b"exif:ImageUniqueID", b"8f3c0a2b9d1e4f5a", "DEVICE_ID"),
        (b"exif:thumbnail:CameraSerialNumber", b"KX2204118", "DEVICE_ID"),
        (b"exif:GPSLatitude", b"51/1, 30/1, 1250/100", "LOCATION"),
        (b"EXIF:gpslongitude", b"0/1, 7/1, 3900/100", "LOCATION"),
        (b"tiff:artist", b"Zdenka Hrabalova", "PERSON"),
        (b"exif:CameraOwnerName", b"Zdenka Hrabalova", "PERSON"),
    ],
)
def test_a_png_text_chunk_named_after_an_exif_tag_means_what_the_tag_means(
    gate: Pipeline, keyword: bytes, value: bytes, entity: str
) -> None:
    data = png_with(_text_chunk(b"tEXt", keyword, value))
    evaluation = gate.evaluate(data, synthetic=False)
    entities = {
        r.reason.entity for r in evaluation.decision.reasons if r.reason.code == "metadata.personal_data"
    }
    assert entity in entities, evaluation.decision.reasons
    if evaluation.verdict is Verdict.APPROVED:
        assert evaluation.output is not None and value not in evaluation.output


@pytest.mark.parametrize(
    "keyword",
    [
        b"exif:Make",
        b"exif:ExposureTime",
        b"exif:SerialNumberFormat",
        b"myexif:BodySerialNumber",
        b"exif:GPSHello",
    ],
)
def test_other_exif_named_text_chunks_stay_text(gate: Pipeline, keyword: bytes) -> None:
    evaluation = gate.evaluate(png_with(_text_chunk(b"tEXt", keyword, b"Canon 1/60")), synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED, evaluation.decision.reasons
    assert evaluation.output is None
