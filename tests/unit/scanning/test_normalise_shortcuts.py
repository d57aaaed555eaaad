"""normalise's shortcuts read text exactly as the long way does.

`_unicode` returns text of letters that are their own reading at once, without looking every character
up (`unicode_read` is the long way); `spelled_at_hint` stands in for one IGNORECASE alternation of every
"at" word after a space or CJK "at" word anywhere, which was tried word by word at every space.
"""

from __future__ import annotations

import re
import unicodedata

import pytest

from gate.scanning import normalise as n

_SURROUNDINGS = ("{}", "Weißes Kleid {} vor Loft", "{}\u0301", "a\u0300{}", "{} \u202eab", "Ж{}ж")


@pytest.mark.parametrize("surrounding", _SURROUNDINGS)
def test_shortcut_reads_every_character_up_to_armenian_as_the_long_way(surrounding: str) -> None:
    # Each character of the scripts the shortcut decides, and a few past them, in plain and mixed text.
    for code in [*range(0x600), 0x2033, 0x202E, 0x0915, 0x0E01, 0xE0041, 0xFF21, 0x2474]:
        text = surrounding.format(chr(code))
        assert n._unicode(text) == n.unicode_read(text), hex(code)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Wollschal in Grau, in einem hellen Loft, Maße 30 x 40", True),
        ("chaussure de course, tél. 06 12 34 56 78", True),
        ("Łódź, ul. Piotrkowska; Dvořák, Ærøskøbing", True),
        ("Ελληνικά, Кириллица", False),  # letters read as Latin ones
        ("ﬁne print", False),  # a ligature NFKC splits
        ("e\u0301te", False),  # a combining accent NFKC composes
        ("jane\u200b@example.com", False),  # an invisible character
        ("\u0430nna", False),  # a Cyrillic letter read as Latin
    ],
)
def test_text_of_its_own_reading_is_returned_as_it_is(text: str, kept: bool) -> None:
    assert (n._unicode(text) == text) is kept
    assert n._unicode(text) == n.unicode_read(text)


def _reference_hint() -> re.Pattern[str]:
    # The one alternation the hint was, longest form first.
    at = "|".join(re.escape(f) for f in sorted(n._forms(n._AT_WORDS), key=len, reverse=True))
    cjk = "|".join(re.escape(f) for f in sorted(n._forms(n._CJK_AT_WORDS), key=len, reverse=True))
    return re.compile(rf"\s(?:{at}|@)\s|{cjk}", re.IGNORECASE)


def test_spelled_at_hint_finds_what_the_one_alternation_found() -> None:
    reference = _reference_hint()
    forms = sorted(n._forms(n._AT_WORDS + n._CJK_AT_WORDS) | {"@"})
    texts = ["plain prompt, golden hour", "jane at example dot com", "Weiß AT Haus", "ATMARK", "a\u00a0at\tb"]
    for form in forms:
        for written in (form, form.upper(), form.lower(), form.title(), form[:-1], form + "x", "x" + form):
            for before, after in (
                (" ", " "),
                ("x ", " y"),
                ("\t", "\n"),
                ("", " "),
                (" ", ""),
                ("\u3000", " "),
            ):
                texts.append(f"{before}{written}{after}")
    for text in texts:
        assert n.spelled_at_hint(text) == (reference.search(text) is not None), text


def test_spelled_at_hint_still_reads_spelled_addresses() -> None:
    assert n.normalise("jane at example dot com") == "jane@example.com"
    assert n.normalise("jane アットマーク example.com") == "jane@example.com"
    assert unicodedata.is_normalized("NFKC", n.normalise("Maße"))
