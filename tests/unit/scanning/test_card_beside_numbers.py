"""A card number beside other numbers (the lead's Faker sweep, nineteenth session): a card's run of digits
took in the expiry or a number before it ("3559952432813211 03/31", Faker's `credit_card_full()`; "4539
5787 6362 1486 12/27"; "ref 12 4539..."), the whole run failed the Luhn check, and the card was approved;
a card in a CSV row ("Brad Miles,4539578763621486,12/27") was cut off by the comma. Now a card written as
cards are (one run, or groups of four, or 4-6-5) inside such a run counts; a number's decimals do not."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum import luhn

from gate.scanning import scan_parameters


def _entities(text: str) -> set[str]:
    return {finding.entity for finding in scan_parameters({"note": text})}


FOUND = [
    "3559952432813211 03/31",
    "JCB 16 digit Brad Miles 3559952432813211 03/31 CVC: 988",
    "American Express Brad Miles 373340682246342 03/31 CID: 3539",
    "Visa 4539578763621486 12/27 CVV 123",
    "4539 5787 6362 1486 12/27",
    "4539-5787-6362-1486 exp. 12-2027",
    "4539 5787 6362 1486 gültig bis 12/27",
    "carte 4539 5787 6362 1486 expire fin 12 27",
    "tarjeta 4539578763621486 vence 12/27 cvv 123",
    "3733 406822 46342 exp 03/31",
    "ref 12 4539578763621486",
    "4539578763621486 12",
    "4539578763621486,12,27,123",
    "name,card,exp\nBrad Miles,4539578763621486,12/27",
    "Brad Miles;4539578763621486;12/27",
    "5425 2334 3010 9903 09/28 737",
    # named a card, an issuer outside the listed ranges (a bank's own, or test data's)
    "JCB 16 digit Arno Mans 3518024164499179 02/32 CVC: 005",
    "مهراقتصاد ماهان رفیعی کارت 6063735358293738 07/35 CVV2: 099",
    "Maestro card 6762933521676061",
    "مهراقتصاد ماهان رفیعی 6063735358293738 07/35 CVV2: 099",
]
CLEAN = [
    "GTIN 4646255049096 - 250 ml",
    "4006381333931 12",
    "order 1234 5678 9012 3456 7890",
    "strength 0.4539578763621486",
    "0,4539578763621486",
    "x=.4539578763621486",
    "total 4539578763621486.50",
    "12.4539578763621486",
    "batch 2026 12 07 05 30 12 44",
    "EAN 4006381333931, 4006381333948, 4006381333955",
    "seed 4539578763621486",
    "v1.4539.5787.6362.1486",
    "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16",
    "3518024164499179",
    "SIM card ICCID 8944500102198304826",
    "card game, 8 players, ages 12+, 1234567812345670",
]


@pytest.mark.parametrize("text", FOUND)
def test_a_card_beside_other_numbers_is_found(text: str) -> None:
    assert "CREDIT_CARD" in _entities(text)


@pytest.mark.parametrize("text", CLEAN)
def test_numbers_that_are_not_a_card_stay_clean(text: str) -> None:
    assert "CREDIT_CARD" not in _entities(text)


def _card(body: str) -> str:
    """A Visa number: '4', the body, and the Luhn check digit."""
    return "4" + body + luhn.calc_check_digit("4" + body)


@given(
    body=st.text("0123456789", min_size=14, max_size=14),
    month=st.integers(1, 12),
    year=st.integers(24, 39),
    grouped=st.booleans(),
)
def test_any_visa_with_its_expiry_after_it_is_found(body: str, month: int, year: int, grouped: bool) -> None:
    card = _card(body)
    written = " ".join(card[i : i + 4] for i in range(0, 16, 4)) if grouped else card
    assert "CREDIT_CARD" in _entities(f"{written} {month:02d}/{year}")


@given(body=st.text("0123456789", min_size=14, max_size=14))
def test_a_card_valid_run_as_a_numbers_decimals_stays_clean(body: str) -> None:
    assert "CREDIT_CARD" not in _entities(f"strength 0.{_card(body)}")
