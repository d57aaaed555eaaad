"""The scanner's shortcuts skip only work that could not find anything."""

from __future__ import annotations

import pytest

from gate.scanning import decoding
from gate.scanning.context import NOT_NUMERIC, NOT_PERSON, PHONE
from gate.scanning.detectors import TEXT_DETECTORS, UNLESS_MASK, Text, detectors_for

SAMPLES = (
    "a jet black backpack on a concrete plinth, soft studio lighting",
    "Portrait of Maria Schmidt, 8k",
    "call me on +49 151 23456789",
    "4111 1111 1111 1111",
    "4076169871689",
    "DE89370400440532013000",
    "536-22-1234",
    "QQ 12 34 56 C",
    "born on 12/03/1985 in 386 Station Road, Denver, CO 80202",
    "48.85837, 2.29448",
    "host 192.168.0.12",
    "PHPSESSID=6dba1c50884adffa01738a06e8b26034",
    "jane.doe@example.com",
    "am9obi5kb2VAZXhhbXBsZS5jb20=",
    "jane%40example.com",
    "CheckpointLoaderSimple",
    "2026-10-16T16:33:00Z",
    "\uff14\uff10\uff17\uff16" * 3,  # full-width digits: Unicode "\\d", not ASCII
)


@pytest.mark.parametrize("value", SAMPLES)
@pytest.mark.parametrize("flags", [0, NOT_NUMERIC, NOT_PERSON, PHONE | NOT_NUMERIC])
def test_skipped_detectors_would_find_nothing(value: str, flags: int) -> None:
    text = Text(value, flags)
    chosen = detectors_for(text.facts, flags & UNLESS_MASK)
    for detector in TEXT_DETECTORS:
        if detector not in chosen:
            assert detector.detect(text) is None, detector.entity


@pytest.mark.parametrize("value", SAMPLES)
def test_strings_rejected_fast_decode_to_nothing(value: str) -> None:
    if not decoding._may_be_encoded(value):
        assert decoding._decode_once(value) == []


def test_encoded_samples_are_not_rejected() -> None:
    assert decoding.decoded_variants("am9obi5kb2VAZXhhbXBsZS5jb20=") == [("john.doe@example.com", "base64")]
    assert decoding.decoded_variants("jane%40example.com") == [("jane@example.com", "url")]
