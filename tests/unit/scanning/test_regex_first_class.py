"""Patterns rewritten to start with a character class (the look-behind moved after it) match exactly as
their plain forms did: the same spans and groups from `finditer`, and the same `match` at any position.

The plain forms start with a look-behind (or branches that do), which leaves the regex engine no first
character to skip ahead to, so it tried every position of every prompt; the rewrites are a speed change
only. Compared on generated text dense in digits, separators, capitals and other scripts (the benchmark
corpora are compared finding by finding in `benchmarks/scanner_diff.py`).
"""

from __future__ import annotations

import random
import re

import pytest

from gate.scanning import context, disguises
from gate.scanning.detectors import card, location_world, national_id, phone
from gate.scanning.detectors.world_id import NOT_AFTER_WORD, NOT_BEFORE_WORD

_CARD_SEPARATORS = r"[ \-./_:|~*+\u00b7\u2022\u2219\u30fb]"
_PLAIN: dict[str, tuple[re.Pattern[str], str]] = {
    "ssn dashed": (national_id._SSN_DASHED, r"(?<![\w\-])\d{3}-\d{2}-\d{4}(?![\w\-])"),
    "ssn loose": (national_id._SSN_LOOSE, r"(?<![\w\-])\d{3}([ \-]?)\d{2}\1\d{4}(?![\w\-])"),
    "iban start": (context._IBAN_START, r"(?<![A-Za-z0-9])[A-Z]{2}\d{2}[\s\-.]?[A-Z0-9]"),
    "card": (
        card._CANDIDATE,
        rf"(?<!\.)(?<!\d,){NOT_AFTER_WORD}\d(?:{_CARD_SEPARATORS}{{0,3}}+\d){{11,18}}{NOT_BEFORE_WORD}(?!\.\d)",
    ),
    "postcode": (location_world._WORDLESS, r"\d{3}\s\d{2}(?!\d)|\d{5}-\d{3}(?!\d)"),
    "national phone": (
        phone._NATIONAL,
        rf"(?<![^\W{phone._SPACELESS}]|\+)(?:00[1-9]|\(?\d)[\d \t().\-/]{{5,22}}\d(?!\d)",
    ),
    "underscore hint": (
        disguises._UNDERSCORE_HINT,
        rf"_(?:\+?\d[\d .\-/()]{{5,}}|[A-Z][a-z]|[^\x00-\x7f]|(?i:{disguises._CUES})_)"
        r"|(?<=\d[\d .\-/()]{5})_|(?<=[^\x00-\x7f])_",
    ),
    "hyphen hint": (
        disguises._HYPHEN_HINT,
        rf"-(?:[A-Z][a-z]|[^\x00-\x7f]|(?i:{disguises._CUES})-)|(?<=[^\x00-\x7f])-",
    ),
}
# Pieces the patterns turn on: digits (ASCII and others), their separators, capitals, cue words, letters
# of scripts written without spaces.
_PIECES = [
    *"0123456789" * 4, *" -_.,/()+:|~*\t\n", *"aAbZXYeEoOfFtTnN", "\u00b7", "é", "李", "\u0661", "\u0663",
    "\u30fb", "ก", "of", "for", "to", "00", "(", "536-", "22-", "1234", "536-22-1234", "DE", "89",
]  # fmt: skip


def _generated(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 40))) for _ in range(count)]


_TEXTS = _generated(8000, seed=12)


@pytest.mark.parametrize("name", sorted(_PLAIN))
def test_rewritten_pattern_matches_as_its_plain_form(name: str) -> None:
    rewritten, plain_source = _PLAIN[name]
    plain = re.compile(plain_source)
    rng = random.Random(name)
    matched = 0
    for text in _TEXTS:
        found = [(m.span(), m.groups()) for m in rewritten.finditer(text)]
        assert found == [(m.span(), m.groups()) for m in plain.finditer(text)], text
        matched += bool(found)
        if text:
            at = rng.randrange(len(text))
            here, there = rewritten.match(text, at), plain.match(text, at)
            assert (here and here.span()) == (there and there.span()), (text, at)
    assert matched > 20  # not vacuous: each pattern matches some of the texts
