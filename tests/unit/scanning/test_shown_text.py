# ruff: noqa: RUF001 - primes and double primes, on purpose
"""Text read as it is shown: a right-to-left override shows what follows it reversed, a double prime
closes the seconds of a coordinate, and a quoted local part is still a mailbox."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from gate.scanning.detectors.email_role import role_mailbox
from tests.unit.scanning.found import entities

RLO, PDF = "\u202e", "\u202c"

FOUND = [
    ("EMAIL_ADDRESS", f"contact jo{RLO}moc.elpmaxe@nhoj"),
    ("EMAIL_ADDRESS", f"x {RLO}moc.elpmaxe@nhoj{PDF} y"),
    ("EMAIL_ADDRESS", f"{RLO}john@example.com"),  # the logical order is read too
    ("PHONE_NUMBER", f"call {RLO}6543 210 1197 44+"),
    ("LOCATION", "coords 48°51′24″N 2°21′03″E"),
    ("LOCATION", "48°51′24.5″N, 2°21′03.1″E"),
    ("EMAIL_ADDRESS", 'email: "john.doe"@example.com'),
    ("EMAIL_ADDRESS", '"jane doe"@example.org'),
]

CLEAN = [
    f"{RLO}123 text",
    f"{RLO}olleh dlrow",
    'say "hi"@ the party',
    'quote "x"@2x.png',
    "a 12″ vinyl record",
    "frame 8′ x 10′",
]


@pytest.mark.parametrize(("entity", "text"), FOUND)
def test_read_as_shown(entity: str, text: str) -> None:
    assert entity in entities(text)


@pytest.mark.parametrize("text", CLEAN)
def test_neighbours_stay_clean(text: str) -> None:
    assert entities(text) == set()


_WORD = st.from_regex(r"[a-z]{2,8}", fullmatch=True)


@given(_WORD, _WORD, st.sampled_from(["example.com", "shop.example.org"]), st.text("abc ", max_size=6))
@settings(max_examples=100, deadline=None)
def test_any_address_behind_an_override_is_found(first: str, last: str, domain: str, before: str) -> None:
    assume(not role_mailbox(f"{first}.{last}", domain))  # a shop's role mailbox is no one's (`email_role`)
    address = f"{first}.{last}@{domain}"
    assert "EMAIL_ADDRESS" in entities(f"{before} {RLO}{address[::-1]}")
