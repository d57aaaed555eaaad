"""A number inside a UUID-shaped token is no card and no phone, for both detectors alike
(`detectors.uuid_token`); the same number beside a UUID, with a space, a colon or a line between, is
still read, and so is one padded into a UUID's shape with no hex letter (a disguise: a random UUID holds
one but for 3 in 10 million)."""

from __future__ import annotations

import pytest

from gate.scanning import scan_parameters
from gate.scanning.detectors.uuid_token import in_uuid

_UUIDS = (
    "c3b8ba59-48b7-ff17-3961-384414739499",  # last groups Luhn-valid with Diners' prefix
    "c7f0939d-8a60-0049-9484-841e2a3b4c5d",  # a middle group read as +49 9484 841
    "aeac4159-2093-c133-7f39-004915123456",  # a last group read as +49 151 23456
    "AEAC4159-2093-C133-7F39-003293640508",
)


def _entities(value: str) -> set[str]:
    return {finding.entity for finding in scan_parameters({"note": value})}


@pytest.mark.parametrize("uuid", _UUIDS)
@pytest.mark.parametrize("shape", ["{}", "request {} done", "xmp.did:{}", "urn:uuid:{}", "id={}&step=2"])
def test_a_number_inside_a_uuid_is_no_card_and_no_phone(uuid: str, shape: str) -> None:
    assert _entities(shape.format(uuid)) & {"CREDIT_CARD", "PHONE_NUMBER"} == set()


@pytest.mark.parametrize("uuid", _UUIDS)
@pytest.mark.parametrize(
    ("after", "entity"),
    [
        (" +49 151 23456789", "PHONE_NUMBER"),
        (" tel 0151 23456789", "PHONE_NUMBER"),
        ("\ncall 0044 20 7946 0123", "PHONE_NUMBER"),
        (": card 4539 5787 6362 1486", "CREDIT_CARD"),
        (" 4539578763621486", "CREDIT_CARD"),
    ],
)
def test_a_number_written_after_a_uuid_is_still_read(uuid: str, after: str, entity: str) -> None:
    assert entity in _entities(uuid + after)


@pytest.mark.parametrize(
    "value",
    [
        "00000000-0000-0000-4539-578763621486",  # a Visa's digits padded into a UUID's shape
        "card 00000000-0000-0000-4539-578763621486 thanks",
        "urn:uuid:00000000-0000-0000-4539-578763621486",
    ],
)
def test_digits_padded_into_a_uuids_shape_are_read(value: str) -> None:
    assert "CREDIT_CARD" in _entities(value)


@pytest.mark.parametrize(
    ("value", "inside"),
    [
        ("c7f0939d-8a60-0049-9484-841e2a3b4c5d", True),
        ("00000000-0000-0049-9484-841000000000", False),  # no hex letter: no UUID
        # A letter or a digit touching it: no UUID's shape (a 13-digit last group, a 9-digit first one).
        ("c7f0939d-8a60-0049-9484-841e2a3b4c5d7", False),
        ("xc7f0939d-8a60-0049-9484-841e2a3b4c5d", False),
        ("0049-9484-841e", False),  # dashed groups alone
        ("4539-5787-6362-1486-123", False),  # a card written with dashes
    ],
)
def test_the_token_ends_where_no_letter_or_digit_touches_it(value: str, inside: bool) -> None:
    start = value.index("0049") if "0049" in value else 0
    assert in_uuid(value, start, start + 4) is inside
