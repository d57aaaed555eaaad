"""The IBAN detector's check reads python-stdnum's registry once per country (`iban.is_valid_iban`): it must
answer exactly as `stdnum.iban.is_valid` does, for valid IBANs of every registry country, for each of them
altered (a digit, the check digits, a letter where the structure wants a digit, lower case, one character
short or long), for numbers of countries outside the registry and for text that is not letters and digits."""

from __future__ import annotations

import random
import re
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum import iban, numdb

from gate.scanning.detectors.iban import _country_rules, is_valid_iban

_LETTERS = {ord(letter): str(value) for value, letter in enumerate(string.ascii_uppercase, 10)}
_KINDS = {"n": string.digits, "a": string.ascii_uppercase, "c": string.ascii_uppercase + string.digits}


def _registry() -> list[tuple[str, str]]:
    """(country code, BBAN structure such as "8!n10!n") of every registry country with one."""
    registry = numdb.get("iban")
    out = []
    for first in string.ascii_uppercase:
        for second in string.ascii_uppercase:
            props = registry.info(first + second)[0][1]
            if props.get("bban"):
                out.append((first + second, props["bban"]))
    return out


def _made(code: str, structure: str, rng: random.Random) -> str:
    """A number of `code` whose BBAN follows `structure`, with the check digits mod 97 asks for."""
    parts = re.findall(r"(\d+)!([nac])", structure)
    bban = "".join(rng.choice(_KINDS[kind]) for count, kind in parts for _ in range(int(count)))
    digits = (bban + code + "00").translate(_LETTERS)
    return f"{code}{98 - int(digits) % 97:02d}{bban}"


def _neighbours(number: str, rng: random.Random) -> list[str]:
    position = rng.randrange(4, len(number))
    digit = str((int(number[position]) + 1) % 10) if number[position].isdigit() else "7"
    return [
        number,
        number[:position] + digit + number[position + 1 :],
        number[:2] + f"{(int(number[2:4]) + 1) % 100:02d}" + number[4:],
        number[:position] + "X" + number[position + 1 :],
        number.lower(),
        number[:-1],
        number + "0",
        "QQ" + number[2:],
    ]


def test_every_registry_country_valid_and_altered() -> None:
    rng = random.Random(12)
    countries = _registry()
    assert len(countries) > 50
    assert _country_rules("DE") is not None  # the registry is read, not handed back to stdnum
    checked = valid = 0
    for code, structure in countries:
        for _ in range(12):
            for candidate in _neighbours(_made(code, structure, rng), rng):
                assert is_valid_iban(candidate) == iban.is_valid(candidate), candidate
                checked += 1
                valid += iban.is_valid(candidate)
    assert valid > len(countries) * 8  # most made numbers pass stdnum (country modules refuse some)


@pytest.mark.parametrize(
    "number",
    ["DE89370400440532013000", "GB82WEST12345698765432", "FR1420041010050500013M02606", "BE68539007547034",
     "ES9121000418450200051332", "NO9386011117947", "ME25505000012345678951", "de89370400440532013000",
     "DE89 3704 0044 0532 0130 00", "DE89-3704-0044-0532-0130-00", "DE8937040044053201300\u0660", "", "DE"],
)  # fmt: skip
def test_known_numbers_and_odd_text(number: str) -> None:
    assert is_valid_iban(number) == iban.is_valid(number)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=string.ascii_letters + string.digits + " -.\u0663", min_size=0, max_size=36))
def test_any_text(number: str) -> None:
    assert is_valid_iban(number) == iban.is_valid(number)
