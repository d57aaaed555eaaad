"""A UUID's last group can be all decimal digits, and "00" then reads as the international prefix:
hypothesis found `aeac4159-2093-c133-7f39-003293640508` read as a Belgian number (`phone.idd`). A
UUID's groups are one identifier; the same digits elsewhere are still a number.

Digits that look made up ("1234567890", "98765 43210", "01 23 45 67 89") are left to count: they are
the example numbers people and test suites write for a real one, so the gate does not guess.
"""

from __future__ import annotations

import pytest

from gate.scanning import scan_parameters


@pytest.mark.parametrize(
    "value",
    [
        "aeac4159-2093-c133-7f39-003293640508",  # hypothesis found it: "00" + a Belgian number
        "id aeac4159-2093-c133-7f39-003293640508 done",
        "AEAC4159-2093-C133-7F39-004915123456",
    ],
)
def test_a_uuids_last_group_of_digits_is_no_phone_number(value: str) -> None:
    assert scan_parameters({"prompt": value, "request_id": value}) == []


def test_the_same_digits_outside_a_uuid_are_a_number() -> None:
    assert [f.entity for f in scan_parameters({"prompt": "call 003293640508"})] == ["PHONE_NUMBER"]
