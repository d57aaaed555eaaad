"""Patterns rewritten so the regex engine skips ahead (patternfast26) find exactly what their plain forms
found: the same spans and groups, the same IBAN candidates in the same order, the same SSN findings.

A pattern whose first item is a look-behind (or an alternation of them) leaves the engine no first
character to skip to; one whose first character is common (any letter) stops it almost everywhere.
The rewrites start with a rarer class, or share one look-behind; these compare them with the forms
they replace on generated text dense in what the patterns turn on (the benchmark corpora are compared
finding by finding in `benchmarks/scanner_diff.py`).
"""

from __future__ import annotations

import random
import re

import pytest

from gate.scanning.context import SSN
from gate.scanning.detectors import dob, email, european_id, iban, ip, national_id, phone_shapes
from gate.scanning.detectors.base import PatternDetector, PatternRule, Text

_PIECES = [
    *"0123456789" * 4, *" -_.,/():=\t", *"aAbBeEzZxX\u0131\u017f", "é", "李", "\u0661", "AB", "ZZ", "CE",
    "Sd", "de", "DE", "89", "3704", "0044", "ff00aa", "12 34 56 C", "123456", "born", "Born on", "DOB",
    "d.o.b.", "geb.",
    "née le", "født", "Birthday is", "12.03.1984", "1984-03-12", "840312", "ssn", "SSN", "Social Security",
    "ss#", "soc", "536-22-1234", "536 22 1234", "536221234", "xborn", "_dob", "AB123456C", "CE 12 34 56 D",
    "ZZ123456A", "xAB 123456 C", "(030)", "(0151) ", "+49", "#", "06 12", "12:34",
    "192.168", ".1.", "10.0.0.1", "SSN: 536 22 1234", "social security number 219099999", "ss# 123456789",
]  # fmt: skip


def _generated(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 30))) for _ in range(count)]


_TEXTS = _generated(6000, seed=26)

_PLAIN: dict[str, tuple[re.Pattern[str], str]] = {
    "nino": (
        national_id._NINO,
        r"(?<![A-Za-z0-9])(?P<prefix>[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])"
        r" ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![A-Za-z0-9])",
    ),
    "iban capitals": (
        iban._CANDIDATE,
        r"[A-Z](?<![A-Za-z0-9][A-Z])[A-Z]\d{2}(?:[ \-.]?[A-Z0-9]){11,30}(?![a-z0-9])",
    ),
    "ipv4": (ip._V4, r"(?<![\w.\-])(?:\d{1,3}\.){3}\d{1,3}(?![\w\-]|\.\w)"),
    "phone shape": (
        phone_shapes.SHAPED,
        r"(?:\((?<![\w+]\()\d{2,5}\)[ \t]?|\d(?<![\w+.,/\-#]\d)(?<!\d:\d)\d{0,4}[ \t\-./_])"
        r"\d{2,10}(?:[ \t\-./_]\d{2,10}){0,4}(?![^\W_]|[.,/:\-_]\d)",
    ),
    "birth cue": (
        dob._CUED_DATE,
        r"(?i)(?:(?<![^\W_])(?:born(?:\s+on)?|date[\s_]+of[\s_]+birth|d\.?o\.?b\.?|birth[\s_]*date|"
        rf"birthday(?:\s+is)?)|(?<![^\W_])(?:{dob._LOCAL_CUE}))" + dob._AFTER_CUE,
    ),
}


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


_PLAIN_CASELESS = re.compile(
    r"(?<![A-Za-z0-9])(?=([A-Za-z]{2}\d{2}(?:[ \-.]?[A-Za-z0-9]){11,30}(?![A-Za-z0-9])))"
)


def test_caseless_iban_candidates_are_the_plain_forms() -> None:
    """The caseless pattern matches at the first check digit: the candidates it stands for, in order,
    are the plain form's (which matched before the country code), by `finditer` and by one `search`."""
    matched = 0
    for text in _TEXTS:
        plain = [text[m.start() : m.end(1)] for m in _PLAIN_CASELESS.finditer(text)]
        assert [iban._caseless_candidate(m) for m in iban._CASELESS_CANDIDATE.finditer(text)] == plain, text
        first = iban._CASELESS_CANDIDATE.search(text)
        assert (first and iban._caseless_candidate(first)) == (plain[0] if plain else None), text
        matched += bool(plain)
    assert matched > 20


def test_caseless_iban_found_in_lower_case() -> None:
    text = Text("refund to de89 3704 0044 0532 0130 00 please", 0)
    assert iban.DETECTOR.detect(text) == "iban.mod97"
    assert iban.DETECTOR.detect(Text("refund to de89 3704 0044 0532 0130 01 please", 0)) is None


# The SSN detector as it was: the loose rule without a prefilter, under any key.
_PLAIN_SSN = PatternDetector(
    entity="US_SSN",
    needs=national_id.US_SSN.needs,
    rules=(
        national_id.US_SSN.rules[0],
        PatternRule("us_ssn.context", national_id._SSN_LOOSE, national_id._valid_loose_ssn),
    ),
    unless=national_id.US_SSN.unless,
)


@pytest.mark.parametrize("flags", [0, SSN])
def test_ssn_cue_words_skip_only_what_finds_nothing(flags: int) -> None:
    """The loose SSN rule, split into one under an SSN key and one after a cue word, finds what it found
    alone: its check wants the key or the cue, and every cue holds one of the words."""
    found = 0
    for text in _TEXTS:
        expected = _PLAIN_SSN.detect(Text(text, flags))
        assert national_id.US_SSN.detect(Text(text, flags)) == expected, text
        found += expected == "us_ssn.context"
    assert found > 20


_PLAIN_LOWER_TOKEN = re.compile(r"(?<!\S)(?=(?P<token>\S{8,24})(?!\S))\S*?(?:[a-z]\d|\d[a-z])")
_TOKEN_PIECES = [
    *"0123456789abcxyzABC" * 2, " ", " ", "\t", "\n", "\u00a0", "\u3000", "-", ".", "é", "95827542c",
    "ttlsnz91e21b427g", "a1b2c3d4e", "4k", "h264",
]  # fmt: skip


def test_lower_case_tokens_are_the_plain_forms() -> None:
    """`european_id._lower_tokens` (the token at the start, then after whitespace) yields the tokens the
    look-behind-led pattern found, at the same places, in the same order."""
    rng = random.Random(26)
    matched = 0
    for _ in range(6000):
        text = "".join(rng.choice(_TOKEN_PIECES) for _ in range(rng.randint(0, 40)))
        plain = [(m.start(), m.group("token")) for m in _PLAIN_LOWER_TOKEN.finditer(text)]
        found = [(m.start("token"), m.group("token")) for m in european_id._lower_tokens(text)]
        assert found == plain, text
        matched += len(plain) > 1
    assert matched > 20


_EMAIL_PIECES = [
    *"abcxyzé.-_+%\"@ ", "@", "@", "jane.doe", "a" * 30, "b" * 34, "example.com", "shop.de", "logo@2x.png",
    "\"jane doe\"", "\"" + "q" * 63 + "\"", "x" * 64, "उदाहरण", ".भारत", "xn--p1ai", "\n",
]  # fmt: skip


def test_email_searched_from_the_first_at_finds_what_the_whole_text_does() -> None:
    """`email._FromFirstAt` starts the search shortly before the first "@": the same matches (spans and
    groups), in the same order, and the same first match, as `_EMAIL` over the whole text."""
    rng = random.Random(2026)
    matcher = email._FromFirstAt(email._EMAIL)
    matched = 0
    for _ in range(6000):
        text = "".join(rng.choice(_EMAIL_PIECES) for _ in range(rng.randint(0, 16)))
        plain = [(m.span(), m.groups()) for m in email._EMAIL.finditer(text)]
        assert [(m.span(), m.groups()) for m in matcher.finditer(text)] == plain, text
        first = matcher.search(text)
        assert (first and (first.span(), first.groups())) == (plain[0] if plain else None), text
        matched += any(start > email._BEFORE_AT for (start, _), _ in plain)
    assert matched > 20  # matches that start past the offset: the offset is not trivially 0
