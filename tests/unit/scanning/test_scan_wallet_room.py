"""(scanfast23) CRYPTO_WALLET is asked only where a string's facts leave an address room
(`base.HAS_WALLET_ROOM`: a digit, and 26 characters or more or the "c1" of "bc1"/"ltc1"): the detector
without that requirement finds nothing anywhere the fact is missing, on addresses of every kind cut,
padded and glued, and on the corpora's strings."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from gate.scanning.detectors import Text, crypto_wallet
from gate.scanning.detectors.base import HAS_DIGIT, HAS_WALLET_ROOM, text_facts
from gate.scanning.normalise import normalise
from tests.unit.scanning.found import corpus_texts

_UNGATED = dataclasses.replace(crypto_wallet.DETECTOR, requires=0)
# Valid addresses of each rule (checksums of the published test vectors and well-known addresses).
_ADDRESSES = (
    "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
    "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
    "TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL",
    "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2",
    "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
    "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
)


def _consistent(value: str) -> None:
    text = Text(value, 0)
    if _UNGATED.detect(text) is not None:
        assert text.facts & HAS_WALLET_ROOM, value
    if text.facts & HAS_DIGIT and not text.facts & HAS_WALLET_ROOM:
        assert crypto_wallet.DETECTOR.detect(text) is None


def test_every_address_has_room() -> None:
    for address in _ADDRESSES:
        for value in (address, f"tip me: {address}", f"wallet {address}!"):
            assert crypto_wallet.DETECTOR.detect(Text(value, 0)) is not None, value
            _consistent(value)


def test_short_strings_with_digits_have_no_room() -> None:
    for value in ("1024", "EU 38, blau", "SKU-48213-XL", "f/2.8 85mm", "bc 12", "0x1F"):
        assert text_facts(value) & HAS_DIGIT and not text_facts(value) & HAS_WALLET_ROOM, value
    # Neighbours that keep room: a segwit start in a short string, a long string of digits.
    for value in ("bc1q", "LTC1 x", "a" * 25 + "1"):
        assert text_facts(value) & HAS_WALLET_ROOM, value


_PIECES = st.one_of(
    st.sampled_from(_ADDRESSES),
    st.sampled_from(_ADDRESSES).map(lambda a: a[: len(a) // 2]),
    st.sampled_from(["bc1", "BC1", "ltc1", "0x", " ", "-", ":", "1", "ethereum:", "wallet "]),
    st.text(alphabet="123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0", max_size=30),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=4).map("".join))
def test_no_address_without_room_in_generated_strings(value: str) -> None:
    _consistent(value)


def test_no_address_without_room_in_corpus_texts() -> None:
    for value in corpus_texts(200, seed=23):
        _consistent(normalise(value))
