"""A cued national number is valid when any region accepts it: which region was tried first (the
region of the last valid number) changes how many parses that costs, never the answer."""

from __future__ import annotations

from functools import cache

import phonenumbers
import pytest

from gate.scanning.detectors import phone

CANDIDATES = (
    "0906 322 033", "210 328 0160", "031 723 331", "06-8/074 0396", "47857843", "077 997 38 45",
    "07 76 25 46 54", "(351) 913377813", "5123 9608", "090-1234-5678", "010-1234-5678", "0151 23456789",
    "612 345 678", "(415) 555-0132", "4915123456789", "12345", "0000 000 000", "999 999 999 999",
    "0049 30 901820", "13812345678", "0412 345 678",
)  # fmt: skip


@cache
def _any_region(candidate: str) -> bool:
    def valid(number: str, region: str | None) -> bool:
        try:
            return phonenumbers.is_valid_number(phonenumbers.parse(number, region))
        except phonenumbers.NumberParseException:
            return False

    if candidate.startswith("00"):
        return valid("+" + candidate[2:], None)
    regions = phone.NATIONAL_REGIONS + phone.EUROPEAN_REGIONS + phone.WORLD_REGIONS
    return any(valid(candidate, region) for region in regions) or (
        candidate.isdigit() and len(candidate) >= 10 and valid("+" + candidate, None)
    )


@pytest.mark.parametrize("first", ["US", "AT", "IQ"])
def test_the_answer_does_not_depend_on_the_region_tried_first(first: str) -> None:
    expected = [_any_region(candidate) for candidate in CANDIDATES]
    assert 0 < sum(expected) < len(expected)
    answers = []
    for candidate in CANDIDATES:
        phone._last_region[0] = first
        answers.append(phone.valid_after_cue(candidate))
    assert answers == expected


def test_the_region_of_a_valid_number_is_tried_first_next_time() -> None:
    phone._last_region[0] = "US"
    assert phone.valid_after_cue("47857843")  # an Austrian number: valid nowhere before AT
    assert phone._last_region[0] == "AT"
    invalid = next(candidate for candidate in CANDIDATES if not _any_region(candidate))
    assert not phone.valid_after_cue(invalid)
    assert phone._last_region[0] == "AT"
