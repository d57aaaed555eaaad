"""(hexfast26) Hashes and UUIDs are not asked what they cannot hold: `script_facts.HAS_NON_HEX` is set
for a string with a digit unless every character is a hex digit or "-", and the detectors (or rules)
every match of which needs another character require it (session's secret keys, tracking ids, the EVM
address's "0x", device's cued rules); CRYPTO_WALLET's base58 rule, in hex-and-dash text, searches only
where a part between dashes has an address's length. `HAS_NON_UUID` is set unless the string is one
UUID with a hex letter, where `uuid_token.in_uuid` holds for every number: card and the phone rules
that reject such numbers (idd, national, cue_after), and CRYPTO_WALLET (no part is long enough),
require it. `HAS_NON_ALNUM` is set unless the string is one word of hex digits with a letter, where
card's candidate (no letter or digit on either side) cannot stand: card requires it.

Each skip is proven three ways: the fact's truth table; every word those rules need holds a character
the fact stands for; and the detectors with and without the skip agree on generated strings of that
shape and near it (hashes, UUIDs, dashed serials, with the rules' own marks and valid values glued in).
"""

from __future__ import annotations

import dataclasses
import hashlib
import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gate.scanning import lexicon
from gate.scanning.context import NOT_NUMERIC
from gate.scanning.detectors import Text, card, crypto_wallet, device, phone, session, tracking
from gate.scanning.detectors.base import HAS_DIGIT, PatternDetector, text_facts
from gate.scanning.detectors.uuid_token import in_uuid
from gate.scanning.normalise import normalise
from gate.scanning.script_facts import HAS_NON_ALNUM, HAS_NON_HEX, HAS_NON_UUID, shape_facts
from tests.unit.scanning.found import corpus_texts

_HEX = "0123456789abcdefABCDEF-"


def _shape(value: str) -> int:
    return shape_facts(value, sum(ch in "0123456789" for ch in value))


_SKIPPING = {
    "session.SECRET_KEYS": session.SECRET_KEYS,
    "session.LOWER_SECRET_KEYS": session.LOWER_SECRET_KEYS,
    "tracking": tracking.DETECTOR,
    "crypto_wallet": crypto_wallet.DETECTOR,
    "device": device.DETECTOR,
    "card": card.DETECTOR,
    "phone": phone.DETECTOR,
}
_SHAPES = HAS_NON_HEX | HAS_NON_UUID | HAS_NON_ALNUM


def _without_skip(detector: PatternDetector) -> PatternDetector:
    """`detector` as before hexfast26: neither it nor any rule requires HAS_NON_HEX or HAS_NON_UUID."""
    rules = tuple(dataclasses.replace(rule, requires=rule.requires & ~_SHAPES) for rule in detector.rules)
    return dataclasses.replace(detector, requires=detector.requires & ~_SHAPES, rules=rules)


_REFERENCE = {name: _without_skip(detector) for name, detector in _SKIPPING.items()}


@pytest.mark.parametrize(
    ("value", "non_hex"),
    [
        (hashlib.sha256(b"x").hexdigest(), False),
        (hashlib.sha256(b"x").hexdigest().upper(), False),
        (hashlib.sha1(b"x").hexdigest(), False),
        ("a6c8bbc2a2", False),
        ("c3b8ba59-48b7-ff17-3961-384414739499", False),
        ("00-1A-2B-3C-4D-5E", False),  # a dashed MAC: hex and dashes
        ("0151-2345-6789", False),
        ("12345678", False),
        ("-", False),
        ("sha256:" + hashlib.sha256(b"x").hexdigest(), True),
        ("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", True),
        ("c3b8ba59-48b7-ff17-3961-38441473949g", True),  # the last character
        ("gc3b8ba59-48b7", True),  # the first
        ("c3b8ba59 48b7", True),  # a space
        ("c3b8ba59_48b7", True),
        ("c3b8ba59.48b7", True),
        ("\uff11\uff12\uff13\uff14", True),  # full-width digits: not ASCII hex
        ("abc\u0661\u0662\u0663", True),  # Arabic-Indic digits
    ],
)
def test_the_fact_is_set_unless_every_character_is_hex_or_a_dash(value: str, non_hex: bool) -> None:
    assert bool(_shape(value) & HAS_NON_HEX) is non_hex
    facts = text_facts(value)
    if facts & HAS_DIGIT:  # (looked for in strings with a digit, as the other digit facts)
        assert bool(facts & HAS_NON_HEX) is non_hex, value


@given(st.one_of(st.text(max_size=40), st.text(alphabet="0123456789abcdefxyzXYZ-_ ", max_size=40)))
def test_the_facts_are_the_plain_character_tests(value: str) -> None:
    if not value:
        assert _shape(value) == HAS_NON_HEX | HAS_NON_UUID | HAS_NON_ALNUM  # (asked of strings with a digit)
        return
    expected = any(ch not in _HEX for ch in value)
    assert bool(_shape(value) & HAS_NON_HEX) is expected
    word = bool(value) and all(ch in _HEX and ch != "-" for ch in value)
    one_word = word and any(ch.isalpha() for ch in value)
    if value.isascii():
        assert bool(_shape(value) & HAS_NON_ALNUM) is not one_word
    if text_facts(value) & HAS_DIGIT:
        assert bool(text_facts(value) & HAS_NON_HEX) is expected
        assert bool(text_facts(value) & HAS_NON_ALNUM) is not one_word


@pytest.mark.parametrize(
    ("value", "non_alnum"),
    [
        (hashlib.sha256(b"x").hexdigest(), False),
        ("ABCBDC44C26D544F", False),
        ("eeb4539578763621486", False),
        ("4539578763621486f", False),
        ("BCCBNC44C26D544Q", True),  # letters beyond hex: a tax code is not looked at
        ("SKU4539578763621486", True),
        ("4539578763621486", True),  # digits only: a card's own form
        ("4539 5787 6362 1486", True),
        ("c3b8ba59-48b7-ff17-3961-384414739499", True),
        ("ab_4539578763621486", True),
        ("abc\u00e94539578763621486", True),  # not ASCII
    ],
)
def test_the_word_fact_truth_table(value: str, non_alnum: bool) -> None:
    assert bool(text_facts(value) & HAS_NON_ALNUM) is non_alnum


@pytest.mark.parametrize(
    ("value", "non_uuid"),
    [
        ("c3b8ba59-48b7-ff17-3961-384414739499", False),
        ("C3B8BA59-48B7-FF17-3961-384414739499", False),
        ("00000000-0000-0000-0000-00000000000a", False),
        ("00000000-0000-0000-4539-578763621486", True),  # all decimal: a card padded into the shape
        ("c3b8ba59-48b7-ff17-3961-38441473949", True),  # a digit short
        ("c3b8ba59-48b7-ff17-3961-3844147394990", True),  # a digit over
        ("c3b8ba5948b7-ff17-3961-384414739499-", True),  # dashes elsewhere
        ("c3b8ba59-48b7-ff17-3961-384414739499 ", True),
        ("urn:uuid:c3b8ba59-48b7-ff17-3961-384414739499", True),
        (hashlib.sha256(b"x").hexdigest(), True),
    ],
)
def test_the_uuid_fact_truth_table(value: str, non_uuid: bool) -> None:
    assert bool(_shape(value) & HAS_NON_UUID) is non_uuid
    assert bool(text_facts(value) & HAS_NON_UUID) is non_uuid


_UUIDS = st.builds(lambda n: str(uuid.UUID(int=n)), st.integers(0, 2**128 - 1))
_UUID_LIKE = st.one_of(
    _UUIDS,
    _UUIDS.map(str.upper),
    st.text(alphabet="0123456789", min_size=32, max_size=32).map(
        lambda d: f"{d[:8]}-{d[8:12]}-{d[12:16]}-{d[16:20]}-{d[20:]}"
    ),
    st.lists(st.text(alphabet="0123456789abcdef", min_size=1, max_size=13), min_size=1, max_size=6).map(
        "-".join
    ),
)


@settings(max_examples=400, deadline=None)
@given(_UUID_LIKE)
def test_where_the_uuid_fact_is_missing_every_number_is_in_a_uuid(value: str) -> None:
    # What card and the three phone rules read: a number that overlaps a UUID with a hex letter is none.
    if not _shape(value) & HAS_NON_UUID:
        for start in range(len(value)):
            for end in range(start + 1, len(value) + 1, 5):
                assert in_uuid(value, start, end), (value, start, end)


def _has_non_hex(word: str) -> bool:
    return any(ch not in _HEX for ch in word)


def test_every_mark_the_skipping_rules_need_holds_a_character_no_hash_has() -> None:
    # The names and prefixes the rules' regexes spell (case-insensitive matching folds no other letter
    # into a-f: only "k", "s", "i" gain non-ASCII forms), and device's cue words as written and read.
    marks = (
        *tracking.CLICK_ID_NAMES,
        "GA1.",
        *session._SECRET_PREFIXES,
        "hf_", "r8_", "AIza", "SG.", "npm_", "pypi-", "hooks.slack.com", "/api/webhooks/",
        "shpat_", "shpss_", "shpca_", "shppa_", "key-", "0x", "imei", "串号", "串號", "mac",
        *lexicon.Cues("device").ascii_readings,
    )  # fmt: skip
    assert [mark for mark in marks if not _has_non_hex(mark)] == []


# Pieces of hashes and UUIDs, and of what the rules look for, glued: the shape and its neighbours.
_VALID = (
    "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
    "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2",
    "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
    "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
    "00-1A-2B-3C-4D-5E",
    "a4c3.f047.6b2e",
    "gclid=Cj0KCQiA1234abcd",
    "_ga=GA1.2.1234567890.1698765432",
    "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
    "AKIAIOSFODNN7EXAMPLE1",
    "shpat_" + "ab12" * 8,
    "key-" + "3ax6" * 8,
    "IMEI 490154203237518",
    "device id: 6D92078A-8246-4BA4-AE5B-76104861E7DC",
    "4539-5787-6362-1486",
    "00000000-0000-0000-4539-578763621486",
    "0049 151 23456789",
    "tel 0151 23456789",
    "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
)
_HEX_RUN = st.text(alphabet=_HEX, min_size=1, max_size=70)
_CARDS = ("4539578763621486", "4111111111111111", "378282246310005", "6011111111111117")
_PIECES = st.one_of(
    _HEX_RUN,
    _HEX_RUN,
    _UUID_LIKE,
    _UUID_LIKE,
    st.text(alphabet="0123456789abcdefghxyzABCXYZ", min_size=1, max_size=40),
    st.sampled_from(_CARDS),
    st.builds(lambda n: hashlib.sha256(str(n).encode()).hexdigest(), st.integers()),
    st.sampled_from(_VALID),
    st.sampled_from(_VALID).map(lambda v: v[: len(v) // 2]),
    st.sampled_from(
        [
            "bc1",
            "BC1",
            "0x",
            "-",
            " ",
            ":",
            "=",
            ".",
            "_",
            "GA1.",
            "1",
            "3",
            "D",
            "wallet ",
            "tel ",
            "+",
            "00",
        ]
    ),
)


def _agree(value: str) -> None:
    for flags in (0, NOT_NUMERIC):
        text = Text(value, flags)
        for name, detector in _SKIPPING.items():
            assert detector.detect(text) == _REFERENCE[name].detect(text), (name, value, flags)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=4).map("".join))
def test_the_detectors_with_and_without_the_skip_agree_on_generated_strings(value: str) -> None:
    _agree(normalise(value))


@settings(max_examples=300, deadline=None)
@given(_HEX_RUN)
def test_the_base58_search_is_skipped_only_where_it_cannot_match(value: str) -> None:
    # Hex and dashes: wherever the regex matches, a part between dashes has an address's length.
    if crypto_wallet._BASE58.search(value) is not None:
        assert crypto_wallet._part_fits(value), value


@pytest.mark.parametrize(
    ("value", "fits"),
    [
        ("c3b8ba59-48b7-ff17-3961-384414739499", False),  # a UUID's parts: 8-4-4-4-12
        ("1" * 25, False),
        ("1" * 26, True),
        ("1" * 35, True),
        ("1" * 36, False),
        ("ab-" + "1" * 30 + "-cd", True),
        ("", False),
    ],
)
def test_part_fits_truth_table(value: str, fits: bool) -> None:
    assert crypto_wallet._part_fits(value) is fits


def test_valid_values_are_still_found() -> None:
    for value in _VALID:
        if value.startswith(("00-1A", "device", "IMEI", "a4c3", "0049", "tel ")):
            continue  # device rules read with their cue in free text, below
        found = [name for name, detector in _SKIPPING.items() if detector.detect(Text(value, 0))]
        assert found, value
    for value in (
        "MAC 00-1A-2B-3C-4D-5E",
        "IMEI 490154203237518",
        "MAC a4c3.f047.6b2e",
        "device id: 6D92078A-8246-4BA4-AE5B-76104861E7DC",
    ):
        assert device.DETECTOR.detect(Text(value, 0)) is not None, value
    for value in ("call 0049 151 23456789", "tel 0151 23456789"):
        assert phone.DETECTOR.detect(Text(value, 0)) is not None, value


def test_the_detectors_agree_on_corpus_texts() -> None:
    for value in corpus_texts(150, seed=26):
        _agree(normalise(value))
