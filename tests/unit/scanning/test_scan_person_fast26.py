# ruff: noqa: RUF001, RUF003 - Greek letters and the look-alikes a case-insensitive regex reads, on purpose
"""Shortcuts of personfast26, each against the plain reading it stands in for.

- `after_cue` and `lower_cue_before` search their cue regexes only in a window holding a part of one
  of their words (`_STRONG_CUE_PARTS`, `_ENGRAVING_PARTS`, read through `cue_fold`): the same answer as
  the plain searches at every end position, for every word of the alternations in every case, and for
  text made of their pieces and of the letters a case-insensitive regex reads as ASCII ones.
- `cue_fold` reads every character as a case-insensitive regex reads it against the parts' letters.
- The slot rules' "c/o", "attn." keys are one bit of the shared cue-word pass: the same answer as the
  substring tests.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gate.scanning.detectors import person_patterns, person_slots
from gate.scanning.detectors.base import Text
from gate.scanning.detectors.person_patterns import (
    ENGRAVING_CUE,
    STRONG_CUE,
    after_cue,
    cue_fold,
    lower_cue_before,
)

_WINDOW = 40


def _plain_after_cue(value: str, start: int) -> bool:
    return STRONG_CUE.search(value, max(0, start - _WINDOW), start) is not None


def _plain_lower_cue_before(value: str, start: int) -> bool:
    low = max(0, start - _WINDOW)
    return (
        STRONG_CUE.search(value, low, start) is not None
        or ENGRAVING_CUE.search(value, low, start) is not None
    )


def _same_at_every_end(value: str) -> int:
    """Both shortcuts against the plain searches at every end position; how many ends hold a cue."""
    hits = 0
    for end in range(len(value) + 1):
        plain = _plain_after_cue(value, end)
        assert after_cue(value, end) == plain, (value, end)
        assert lower_cue_before(value, end) == _plain_lower_cue_before(value, end), (value, end)
        hits += plain
    return hits


# Every word of STRONG_CUE's and ENGRAVING_CUE's alternations, as written there (each optional part both
# ways, each character class each way).
_STRONG_WORDS = (
    "gift", "present", "presente", "geschenk", "cadeau", "regalo", "prezent", "gave", "lahja", "hediye",
    "dárek", "cadou", "poklon", "ajándék", "kingitus", "δώρο", "customer", "kunde", "client", "cliente",
    "klant", "klient", "kund", "asiakas", "müşteri", "zákazník", "kupac", "vevő", "πελάτης", "empfänger",
    "destinataire", "destinatario", "recipient", "portrait", "porträt", "retrato", "ritratto", "portret",
    "foto", "photo", "bild", "photographed", "fotografiert", "fotografiado", "fotografato", "fotografeerd",
    "photographie", "photographié", "photographiee", "photographiée", "photographer", "fotograf",
    "photographe", "fotógrafo", "fotografo", "fotograaf", "widmung", "dedicated", "name", "nombre", "nome",
    "naam", "namn", "navn", "prénom", "prenom", "vorname", "imię", "imie", "jméno",
)  # fmt: skip
_ENGRAVING_WORDS = (
    "engraving", "engraved", "engrave", "gravur", "gravure", "grabado", "incisione", "grawer", "grawerunek",
    "grawerka", "gravação", "gravacao", "gravaçao", "gravacão", "inscription", "inscripción", "inscripcion",
)  # fmt: skip
# What makes each kind of word a cue before a name: nothing, a colon, "of", "by", "an", "to", a dash.
_AFTER = ("", ":", " for", " für", " of", " von", " by", " an", " to", " -", " mit:", "  :")


def _phrases(words: tuple[str, ...]) -> list[str]:
    return [
        f"{before}{form}{after} Anna Kowalska"
        for word in words
        for form in (word, word.upper(), word.title())
        for after in _AFTER
        for before in ("", "Tasse, ", "x ")
    ]


@pytest.mark.parametrize("words", [_STRONG_WORDS, _ENGRAVING_WORDS], ids=["strong", "engraving"])
def test_every_word_of_the_alternations_ends_a_window_as_before(words: tuple[str, ...]) -> None:
    cued = 0
    for word in words:
        # Not vacuous: every word is a cue in some phrase, where the shortcut must say so too.
        word_hits = sum(_same_at_every_end(phrase) for phrase in _phrases((word,)))
        assert word_hits or words is _ENGRAVING_WORDS, word
        cued += any(
            _plain_lower_cue_before(phrase, phrase.index(" Anna") + 1) for phrase in _phrases((word,))
        )
    assert cued == len(words)


@pytest.mark.parametrize(
    ("value", "cued"),
    [
        ("Gift for Anna Kowalska", True),
        ("GİFT FOR Anna", True),  # a capital I with a dot: lowered to two characters by str.lower
        ("gıft: Anna", True),  # dotless i, which the case-insensitive regex reads as "i"
        ("cu\u017ftomer: Anna", True),  # long s
        ("\u212aunde: Anna", True),  # the Kelvin sign
        ("ΔΏΡΟ για Anna", True),
        ("δώϱο για Anna", True),  # a Greek rho the regex reads as "ρ": the part is "δώ"
        ("ΠΕΛΆΤΗΣ: Anna", True),
        ("πελάτησ: Anna", True),  # a sigma the regex reads as a final one: the part is "λάτη"
        ("Baby name-Anna", True),  # a dash right after the label
        ("Name, bitte: Anna", True),
        ("Handmade oak board with Anna", False),
        ("a long description of a handmade oak board, Anna", False),
        ("engraving: anna kowalska", True),
        ("GRAVAÇÃO para anna", True),
    ],
)
def test_cues_in_every_case_and_spelling(value: str, cued: bool) -> None:
    end = value.rindex("Anna") if "Anna" in value else value.rindex("anna")
    assert lower_cue_before(value, end) == _plain_lower_cue_before(value, end) == cued
    assert after_cue(value, end) == _plain_after_cue(value, end)
    _same_at_every_end(value)


def test_cue_fold_reads_each_character_as_a_case_insensitive_regex_does() -> None:
    everything = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code < 0xE000)
    folded = cue_fold(everything)
    assert len(folded) == len(everything)  # one character for one: positions hold
    letters = set("".join(person_patterns._STRONG_CUE_PARTS + person_patterns._ENGRAVING_PARTS))
    for letter in sorted(letters):
        for match in re.finditer("(?i:" + re.escape(letter) + ")", everything):
            assert folded[match.start()] == letter, (letter, hex(ord(match.group())))


def test_cue_fold_of_ascii_is_lower() -> None:
    assert cue_fold("GIFT For Anna") == "gift for anna"
    assert cue_fold("GİFT ıſ") == "gift is"


# Pieces of the alternations (every run of letters of the two regexes), of names, separators and the
# letters a case-insensitive regex reads as ASCII ones.
_PIECES = sorted(
    {
        piece
        for source in (STRONG_CUE.pattern, ENGRAVING_CUE.pattern)
        for run in re.findall(r"[^\W\d_]+", source)
        for piece in (run, run.upper(), run.title())
    }
    | {
        " ",
        "  ",
        "\t",
        "\n",
        ":",
        "-",
        ",",
        ";",
        "(",
        "'s",
        "İ",
        "ı",
        "ſ",
        "\u212a",
        "Anna",
        "maria",
        " Nowak",
    }
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=12))
def test_text_of_pieces_ends_windows_as_before(pieces: list[str]) -> None:
    _same_at_every_end("".join(pieces))


def test_random_text_of_pieces_ends_windows_as_before() -> None:
    rng = random.Random(26)
    hits = sum(_same_at_every_end("".join(rng.choices(_PIECES, k=rng.randint(2, 14)))) for _ in range(1500))
    assert hits > 100  # not vacuous


_ATTN_TEXTS = (
    "c/o Anna Kowalska",
    "C/O Anna",
    "Attn: Herr Müller",
    "ATTN. Anna",
    "z. Hd. Frau Berg",
    "z.Hd. Frau Berg",
    "t.a.v. Sjoerd de Vries",
    "T. A. V. Sjoerd",
    "alla c.a. di Rossi",
    "att: Anna",
    "a/c de Pérez",
    "A/A Sra. López",
    "attention Anna",
    "cat: Anna",
    "the hd. screen",
    "plain text with nothing",
    "t.\ta.v. Anna",
    "t.  a.v. Anna",
)


@pytest.mark.parametrize("value", _ATTN_TEXTS)
def test_attn_keys_are_the_substring_tests(value: str) -> None:
    text = Text(value, 0)
    assert person_slots.has_attn_key(text) == any(key in text.lower for key in person_slots._ATTN_KEYS)


@pytest.mark.parametrize(
    ("value", "may"),
    [
        ("FOR MARIA GARCIA", True),
        ("gift for MARIA\tGARCIA", True),
        ("MARIA  GARCIA", True),
        ("DLA AGNIESZKI NOWAK", True),
        ("Maria Garcia", False),
        ("Tools AG", False),  # no capital before a space
        ("PDF Tools AG", True),  # a capital before a space, two after one: the regex decides (none)
        ("EAN 4006381333931", False),
        ("RAL 9010, XL", True),
        ("DLA\u00a0AGNIESZKI", True),  # beyond ASCII: the regex decides
    ],
)
def test_caps_pair_prefilter_truth_table(value: str, may: bool) -> None:
    assert person_patterns.may_hold_caps_pair(value) == may
    assert (person_patterns.CAPS_PAIRS.search(value) is not None) <= may


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ABZaz \t.-'_1ÉÀß\u00a0", max_size=40))
def test_caps_pair_prefilter_never_hides_a_pair(value: str) -> None:
    # A filter only: wherever CAPS_PAIRS finds a pair, the prefilter lets the text through.
    if person_patterns.CAPS_PAIRS.search(value) is not None:
        assert person_patterns.may_hold_caps_pair(value)


# The caption's age or year as written before personfast26 (the look-behind first).
_PLAIN_AGE_OR_YEAR = re.compile(
    r"(?<!\d)(?:1[0-1]\d|[1-9]\d|(?:19|20)\d\d)(?!\d|[ \t]?(?:g|kg|ml|l|cl|cm|mm|%)\b)"
)


def _ages(pattern: re.Pattern[str], value: str) -> list[tuple[int, int]]:
    return [match.span() for match in pattern.finditer(value)]


@pytest.mark.parametrize(
    ("value", "found"),
    [
        ("Grandma Rosa's 80th", True),
        ("Oma Irmgard 90.", True),
        ("Familie Schneider 2026", True),
        ("Les 80 ans de Mamie Josette", True),
        ("born 1985", True),
        ("in 2099", True),  # "20" of it: a two-digit age before "99" would be a digit: "2099" as a year
        ("105 years", True),
        ("Uncle Ben's rice 500 g", False),
        ("2 x 250 ml", False),
        ("5 kg", False),
        ("ref 12345", False),
        ("\u0661\u0669 80", True),  # a digit of another script before: a boundary only for "80"
        ("x\u066180", False),  # ... and right before: no boundary
        ("Mamie Nova yaourt", False),
    ],
)
def test_age_or_year_truth_table(value: str, found: bool) -> None:
    from gate.scanning.detectors.person_captions import _AGE_OR_YEAR  # noqa: PLC0415

    assert (_AGE_OR_YEAR.search(value) is not None) == found
    assert _ages(_AGE_OR_YEAR, value) == _ages(_PLAIN_AGE_OR_YEAR, value)


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="0123456789\u0661\u0969 \tgkmlc%x.", max_size=16))
def test_age_or_year_finds_what_the_plain_form_finds(value: str) -> None:
    from gate.scanning.detectors.person_captions import _AGE_OR_YEAR  # noqa: PLC0415

    assert _ages(_AGE_OR_YEAR, value) == _ages(_PLAIN_AGE_OR_YEAR, value)


def test_every_brahmic_letter_is_written_with_the_block_lead_byte() -> None:
    from gate.scanning.detectors import person_indic  # noqa: PLC0415

    letters = "".join(chr(code) for code in range(0x0800, 0x1000))
    assert person_indic._BRAHMIC_WORD.search(letters) is not None  # not vacuous
    for match in person_indic._BRAHMIC_WORD.finditer(letters):
        for letter in match.group():
            assert person_indic._BLOCK_LEAD in letter.encode("utf-8")
    # Every character the class reads lies in that block (the class is the reference).
    outside = "".join(chr(code) for code in range(0x110000) if not 0x0800 <= code < 0x1000)
    assert person_indic._BRAHMIC_WORD.search(outside) is None


@pytest.mark.parametrize(
    "value",
    [
        "राहुल शर्मा के लिए",
        "Geschenk für राहुल शर्मा",
        "Für Jürgen Müller",
        "Für Jürgen \ud800 Müller",  # a lone surrogate: encoded, not refused
        "Ζωή Παπαδοπούλου",
    ],
)
def test_indic_names_answer_as_without_the_lead_byte_test(value: str) -> None:
    from gate.scanning.detectors import person_indic  # noqa: PLC0415
    from gate.scanning.detectors.person import DETECTOR  # noqa: PLC0415

    found = DETECTOR._indic.find(value)
    assert found is None or person_indic._BRAHMIC_WORD.search(value) is not None
    assert (found is not None) == ("शर्मा" in value)


# Pieces a surname-first name turns on: capitals of several scripts, a name's prefixes, commas, spaces,
# tabs, apostrophes, hyphens, digits and underscores before a name, and runs too long for a surname.
_REVERSED_PIECES = [
    "Mc", "Mac", "M", "O'", "D'", "O", "D", "'", "\u2019", "-", ", ", ",", " ", "\t", ",\t", ",  ", "Anna",
    "Kowalska", "Dupont", "Łukasz", "Élodie", "Kowalska, Anna", "Donald, Ōta", "x", "ab", "ńska", "Ωμέγα",
    "Ā", "ā", "Ơn", "1", "_", "é", "Ze", "a" * 30, "Abcdefghijklmnopqrstuvwx", "-Nowak", "\u00b2",
]  # fmt: skip


def _spans(matches: Iterator[re.Match[str]]) -> list[tuple[tuple[int, int], tuple[str | Any, ...]]]:
    return [(match.span(), match.groups()) for match in matches]


def test_reversed_matches_are_the_finditer_matches() -> None:
    from gate.scanning.detectors.person_reversed import REVERSED, reversed_matches  # noqa: PLC0415

    rng = random.Random(26)
    matched = several = 0
    for _ in range(20000):
        text = "".join(rng.choice(_REVERSED_PIECES) for _ in range(rng.randint(0, 16)))
        found = _spans(reversed_matches(text))
        assert found == _spans(REVERSED.finditer(text)), text
        matched += bool(found)
        several += len(found) > 1
    assert matched > 500 and several > 20  # not vacuous


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_REVERSED_PIECES), max_size=16))
def test_reversed_matches_on_texts_of_pieces(pieces: list[str]) -> None:
    from gate.scanning.detectors.person_reversed import REVERSED, reversed_matches  # noqa: PLC0415

    text = "".join(pieces)
    assert _spans(reversed_matches(text)) == _spans(REVERSED.finditer(text))


@pytest.mark.parametrize(
    "value",
    [
        "Kowalska, Anna",
        "Kowalska, Anna, Nowak, Jan",  # overlapping candidates: "Anna, Nowak" is inside the first match
        "Smith, John; O'Brien, Mary",
        "MacDonald, Ewan and Mc, Anna",
        "x" * 70 + "Kowalska, Anna",  # a run too long for a surname before the comma
        "x" * 10 + " Kowalska, Anna",
        "_Kowalska, Anna",
        "Berlin, Germany, Europe",
    ],
)
def test_reversed_matches_truth_table(value: str) -> None:
    from gate.scanning.detectors.person_reversed import REVERSED, reversed_matches  # noqa: PLC0415

    assert _spans(reversed_matches(value)) == _spans(REVERSED.finditer(value))


def test_every_for_word_starts_with_a_word_character_in_every_case() -> None:
    from gate.scanning.detectors import person_for  # noqa: PLC0415

    words = person_for._COMMON_FOR_WORDS + person_for._BARE_FOR_WORDS
    everything = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code < 0xE000)
    for first in sorted({word[0] for word in words}):
        readings = [match.group() for match in re.finditer("(?i:" + re.escape(first) + ")", everything)]
        assert readings and all(person_for._is_word(ch) for ch in readings), first
    assert all(person_for._is_word(ch) == (re.fullmatch(r"\w", ch) is not None) for ch in everything)


# Pieces of the "for" words, articles and titles, and what stands around them.
def _for_pieces() -> list[str]:
    from gate.scanning.detectors import person_for  # noqa: PLC0415

    words = (*person_for._COMMON_FOR_WORDS, *person_for._BARE_FOR_WORDS, *person_for._TITLE_WORDS)
    return sorted(
        {form for word in words for form in (word, word.upper(), word.title())}
        | {" ", "  ", "\t", "\n", "\u00a0", "-", "_", "1", "x", "İ", "ı", "ſ", "Anna", "la", "de", "the"}
    )


_FOR_PIECES = _for_pieces()


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_FOR_PIECES), max_size=10))
def test_for_ends_as_the_search_at_every_position(pieces: list[str]) -> None:
    from gate.scanning.detectors import person_for  # noqa: PLC0415

    value = "".join(pieces)
    for end in range(len(value) + 1):
        plain = person_for._FOR.search(value, max(0, end - person_for.FOR_WINDOW), end) is not None
        assert person_for._for_ends(value, end) == plain, (value, end)


def test_for_ends_on_random_text_of_pieces() -> None:
    from gate.scanning.detectors import person_for  # noqa: PLC0415

    rng = random.Random(26)
    hits = 0
    for _ in range(1500):
        value = "".join(rng.choices(_FOR_PIECES, k=rng.randint(1, 8)))
        for end in range(len(value) + 1):
            plain = person_for._FOR.search(value, max(0, end - person_for.FOR_WINDOW), end) is not None
            assert person_for._for_ends(value, end) == plain, (value, end)
            hits += plain
    assert hits > 100  # not vacuous
