"""`has_strong_cue_word` (the substring prefilter of the strong cues: a gift's, a customer's, a
personalisation field's name label) says "no cue" only where `STRONG_CUE_BODY` finds none.

Until the twenty-sixth session the name labels were listed with a space or a colon after them only, so
"Name-Anna Kowalczyk", "Name, bitte: zofia wrzesniewska" and "nombre (en la taza): lucia fernandez" were
never read as cued, though the regex the prefilter stands in for reads them so; such a lower-case or
unlisted name after the label was published."""

from __future__ import annotations

import re
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gate.scanning import scan_parameters
from gate.scanning.detectors.base import Text
from gate.scanning.detectors.person_patterns import STRONG_CUE_BODY, has_strong_cue_word

_CUE = re.compile(STRONG_CUE_BODY)
_LABELS = ("Name", "name", "NAME", "Nombre", "nome", "Naam", "namn", "Navn", "imie", "Vorname", "Imię")
_OTHER = ("Gift", "present for", "Kunde", "portrait of", "photo by", "dedicated to", "Widmung an")
_WORDS = ("bitte", "auf dem Brett", "x", "Anna")
_PIECES = (*_LABELS, *_OTHER, *_WORDS, " ", "\t", "\n", "  ", *string.punctuation)


@pytest.mark.parametrize("label", _LABELS)
@pytest.mark.parametrize("end", [*" \t", *string.punctuation.replace("_", "")])
def test_every_character_that_ends_a_label_is_a_cue(label: str, end: str) -> None:
    value = f"{label}{end}: zofia wrzesniewska"
    assert _CUE.search(value) is not None
    assert has_strong_cue_word(Text(value, 0))


@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=12))
@settings(max_examples=400, deadline=None)
def test_no_cue_only_where_the_regex_finds_none(pieces: list[str]) -> None:
    value = "".join(pieces)
    if _CUE.search(value) is not None:
        assert has_strong_cue_word(Text(value, 0)), value


@pytest.mark.parametrize(
    "prompt",
    [
        "Name, bitte: zofia wrzesniewska",
        "nombre-lucia fernandez",
        "nombre (en la taza): lucia fernandez",
        "Name.: zofia wrzesniewska",
        "Name - Xylo Quorn",
    ],
)
def test_name_after_a_label_with_other_punctuation_is_found(prompt: str) -> None:
    assert "PERSON" in {finding.entity for finding in scan_parameters({"prompt": prompt})}


@pytest.mark.parametrize(
    "prompt",
    [
        "Product name-Oak Table",
        "file name: IMG_2231",
        "brand name, colour: Ocean Blue",
        "Name-Schild aus Holz, 20 cm",
        "Name tag: Hello My Name Is",
    ],
)
def test_a_thing_named_after_a_label_stays_clean(prompt: str) -> None:
    assert scan_parameters({"prompt": prompt}) == []


@pytest.mark.xfail(
    strict=True,
    reason="a name joined by a hyphen to the word before it ('Name-Anna Kowalczyk', 'Tasse-Anna Kowalczyk'): "
    "the capitalised pair's first word is read with the word before it, as a double name is",
)
def test_name_joined_to_the_label_by_a_hyphen() -> None:
    assert "PERSON" in {finding.entity for finding in scan_parameters({"prompt": "Name-Anna Kowalczyk"})}
