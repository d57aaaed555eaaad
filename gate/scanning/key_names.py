"""Keys that are personal data: a map of customers keyed by their names ({"anna_kowalska": {...}}).

A key shaped like an identifier is not scanned as text (that is what makes it a key, and scanning every
`negative_prompt` would cost every record), but a name written as an identifier is one too. Each
distinct key is read once, with its words apart and capitalised as a name is written
(`reading`: "anna_kowalska", "AnnaKowalska" and "anna.kowalska" read "Anna Kowalska"); what that reading
holds is reported at the member's position ("*0"), never by its key.

A key that is not an identifier is scanned as it is; one written as a name the scanner does not know
("Jean Martin", "Kowalska, Anna": words of letters, each capitalised) is never spelled in a pointer
(`name_shaped`), found or not.
"""

from __future__ import annotations

import re

from gate.model import Finding

# Between the words of an identifier: its separators, and camelCase ("annaKowalska", "AnnaKowalska").
_SEPARATORS = re.compile(r"[_.\-]+|(?<=[a-z])(?=[A-Z])")
_MIN_WORD_LETTERS = 2


def reading(key: str) -> str:
    """The key's words apart and capitalised ("Anna Kowalska"), or "" when it has fewer than two words
    of letters (a single word is the usual key: "prompt", "seed")."""
    words = [word for word in _SEPARATORS.split(key) if word]
    named = [word for word in words if word.isalpha() and len(word) >= _MIN_WORD_LETTERS]
    if len(named) < 2:
        return ""
    return " ".join(word[:1].upper() + word[1:].lower() if word.isalpha() else word for word in words)


def name_shaped(key: str) -> bool:
    """Whether a key is written as a name is: two or more words of letters, each capitalised, apart by
    spaces (and a comma: "Kowalska, Anna")."""
    words = key.replace(",", " ").split()
    return len(words) >= 2 and all(
        word.isalpha() and word[:1].isupper() and (len(word) == 1 or word[1:].islower()) for word in words
    )


def names_someone(finding: Finding) -> bool:
    """Whether a finding in a key's `reading` counts: a person's name. A key's words are not free text
    ("recently_viewed" says what its value is, "hr_scale" is no Danish "Hr." before a surname), so the
    other entities and an honorific before a word do not."""
    return finding.entity == "PERSON" and finding.detector != "person.honorific"
