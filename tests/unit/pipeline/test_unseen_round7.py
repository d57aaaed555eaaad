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
