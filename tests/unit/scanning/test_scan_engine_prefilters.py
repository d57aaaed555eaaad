# ruff: noqa: RUF001 - Greek capitals, on purpose (a cue word of the national-id detector)
"""The engine's cheaper forms of a test answer exactly as the test they stand in for: the spaced "at"
of `normalise`, the national-id cue window, and the cue view `text_facts` hands to `Text`."""

from __future__ import annotations

import random

import pytest

from gate.scanning import normalise
from gate.scanning.detectors import european_id
from gate.scanning.detectors.base import HAS_NON_ASCII, Text, cue_view, facts_and_view, text_facts

# Pieces of text the tests below join at random: cue words in several cases and spellings, spaced
# and unspaced "at", one-character words, digits, tabs, double spaces and letters Python's
# case-insensitive matching folds onto ASCII ones (dotless i, long s, the Kelvin sign).
PIECES = (
    "jane", " at ", " AT ", " At ", " @ ", "@", " dot ", " DoT ", "arroba", " arroba ", " snabel-a ",
    " a ", " b ", "c", " ", "  ", "\t", "example", ".com", "DNI", " dni ", "Steuer-ID", "BSN:", "ssn",
    "national id", "National  ID", "tax\tid", "codice fiscale", "Codice Fiscale", "personal code",
    "rodne cislo", "rodné číslo", "f\u00f8dselsnummer", "foedselsnummer", "cartao de cidadao",
    "\u0131d no", "d\u0130ni", "\u017fteuer", "\u212aimlik", "ΑΜΚΑ", "αμκα", "henkilotunnus", "1234",
    "-", ",", "PESEL", "pesels", "idnr", "kimlik no", "Adóazonosító", "x", "ID Number", "idnumber",
)  # fmt: skip


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(1, 8))) for _ in range(count)]


@pytest.mark.parametrize(
    ("text", "spelled"),
    [
        ("jane at example dot com", True),
        ("jane AT example", True),
        ("jane @ example.com", True),
        ("j a n e", True),
        ("a jet black linen shirt on a marble table", False),
        ("shot at dusk", True),
        ("attic at", False),
        ("jane  at  example", True),  # a double space: the regex answers
    ],
)
def test_spaced_at_reads_as_the_regex(text: str, spelled: bool) -> None:
    assert normalise._ascii_spelled(text) is spelled
    assert (normalise.ASCII_SPELLED.search(text) is not None) is spelled


def test_spaced_at_matches_the_regex_on_mixed_text() -> None:
    texts = [t for t in _texts(3000, 12) if t.isascii() and " " in t]
    found = 0
    for text in texts:
        expected = normalise.ASCII_SPELLED.search(text) is not None
        assert normalise._ascii_spelled(text) is expected, text
        found += expected
    assert 0 < found < len(texts)  # both answers are met


@pytest.mark.parametrize(
    ("text", "cued"),
    [
        ("Steuer-ID: ", True),
        ("BSN ", True),
        ("my national id is ", True),
        ("codice fiscale ", True),
        ("rodné číslo ", True),
        ("\u017fteuer ", True),  # long s: only the case-insensitive regex reads it as "steuer"
        ("\u212aimlik ", True),  # the Kelvin sign reads as "k"
        ("a red mug, order ", False),
        ("bsnx ", False),
    ],
)
def test_national_id_cue_window_reads_as_the_regex(text: str, cued: bool) -> None:
    value = text + "123456789"
    end = len(text)
    assert european_id.cued_between(value, 0, end) is cued
    assert (european_id._CUE.search(value, 0, end) is not None) is cued


def test_national_id_cue_window_matches_the_regex_on_mixed_text() -> None:
    found = 0
    for text in _texts(3000, 7):
        for start, end in ((0, len(text)), (len(text) // 3, len(text)), (0, len(text) // 2)):
            expected = european_id._CUE.search(text, start, end) is not None
            assert european_id.cued_between(text, start, end) is expected, (text, start, end)
            found += expected
    assert found > 100


def test_the_view_handed_to_text_is_its_cue_view() -> None:
    for text in [*_texts(2000, 3), "李伟", "田中太郎様", "Ünal", "eyJ田中", "CLIPTextEncode", ""]:
        facts, view = facts_and_view(text)
        assert facts == text_facts(text)
        assert view in ("", cue_view(text)), text
        assert Text(text, 0, facts, view).lower == cue_view(text)
        assert bool(facts & HAS_NON_ASCII) is (not text.isascii()), text
