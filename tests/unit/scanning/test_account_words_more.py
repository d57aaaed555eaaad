"""A bank account after the account words numbers19 found missing (its class): Thai "บัญชีเลขที่" joined
to the word before it, Indonesian "no. rek", the bank's name between the word and the number ("akaun
Maybank 1122 ...", "no. rek BCA ..."); a reference word in that place, or no number, stays clean."""

from __future__ import annotations

import pytest

from gate.scanning import scan_parameters


def _entities(text: str) -> set[str]:
    return {finding.entity for finding in scan_parameters({"refund_to": text})}


@pytest.mark.parametrize(
    "text",
    [
        "กรุณาโอนเข้าบัญชีเลขที่ 987-6-54321-0",
        "เลขที่บัญชี 111-2-33445-6",
        "no. rek Mandiri 1300012345678",
        "nomor rek: 0987654321",
        "akaun CIMB 8001 2345 6789",
        "Konto Sparkasse 1234567890",
    ],
)
def test_an_account_after_these_words_is_found(text: str) -> None:
    assert "BANK_ACCOUNT" in _entities(text)


@pytest.mark.parametrize(
    "text",
    [
        "account Order 123456789",
        "account ID 12345678",
        "no. rek BCA",
        "บัญชีผู้ใช้ 12345678 รายการ",
        "rek Ikea 2 stuks",
        "Konto DE89 3704 0044 0532 0130 00",  # an IBAN (IBAN_CODE's), its country code no bank's name
        "konto ABC12345678",
    ],
)
def test_a_reference_or_no_number_after_them_stays_clean(text: str) -> None:
    assert "BANK_ACCOUNT" not in _entities(text)
