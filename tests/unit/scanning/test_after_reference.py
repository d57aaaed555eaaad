# ruff: noqa: RUF001 - look-alike and folded letters, on purpose
"""`phone_shapes.after_reference` answers what its one regex answers (`_REFERENCE_BEFORE` searched in the
32 characters before a number), for every digit of texts built from the reference words of every
language, number words, abbreviations, the signs a word-start search does not split at ("n°", "#") and
the letters a case-insensitive regex folds (dotted and dotless i, long s, Kelvin sign)."""

from __future__ import annotations

import random
import re

from gate.scanning import lexicon
from gate.scanning.detectors import phone_shapes
from gate.scanning.normalise import normalise

_SEPARATORS = (
    "", " ", ": ", ".-", " nr. ", " No ", "#", " n° ", "N°", "_", "\t", "-", "/", "\u0130", "\u0131", "x",
    "°", "$", "№ ", "12 ",
)  # fmt: skip
_OPENINGS = ("", "x", "a ", "Bitte ", "12 ", "\u0130", "ſ", "\u212a", "Tel. ")


def _before(text: str, start: int) -> bool:
    return phone_shapes._REFERENCE_BEFORE.search(text, max(0, start - 32), start) is not None


def test_after_reference_answers_what_its_regex_answers() -> None:
    rng = random.Random(18)
    words = [
        word.rstrip("*") for word in lexicon.words("reference", "company_register", "reference_abbreviation")
    ] + ["nr", "No", "номер", "shoe", "Größe"]
    texts = set()
    for _ in range(2500):
        parts = [rng.choice(_OPENINGS)]
        for _ in range(rng.randint(1, 3)):
            word = rng.choice(words)
            parts += [rng.choice((word, word.upper(), word.title())), rng.choice(_SEPARATORS)]
        parts += [str(rng.randrange(10**9)), rng.choice(("", " abc", " EUR"))]
        texts.add(normalise("".join(parts)))
    answers = {True: 0, False: 0}
    for text in sorted(texts):
        for digit in re.finditer(r"\d", text):
            expected = _before(text, digit.start())
            assert phone_shapes.after_reference(text, digit.start()) is expected, (text, digit.start())
            answers[expected] += 1
    assert answers[True] > 5000 and answers[False] > 5000  # both answers are met
