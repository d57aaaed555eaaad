"""PERSON: names of people in prompts and under name keys.

Free text: a capitalised "First Last" pair whose first word is in the shipped gazetteer
(data/first_names.txt), or any capitalised name after a strong cue ("my wife Maria", "portrait of ...").
Not a person: brands written like names (data/name_brands.txt), a second word that is a product, colour
or material word ("Rose Gold"), given names that are everyday words unless cued (data/word_names.txt),
and artist-style references ("by Greg Rutkowski", "Van Gogh style"): those name public artists as a
style, not a customer, so they are not the personal data this gate minimises. Text under model, LoRA,
sampler or brand keys is not read for names at all.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

from gate.scanning.context import NOT_PERSON
from gate.scanning.detectors.base import HAS_CAPITALS, KeyedRule, Text, any_word, cue_before, keyset

_NAME = r"(?:Mc|Mac|O')?[A-Z][a-z]{1,24}(?:-[A-Z][a-z]{1,24})?"
_NAME_SHAPE = re.compile(_NAME)
# Two capitalised words in a row; starts with a character class, so the scan stays in C.
_PAIR_START = re.compile(r"[A-Z][a-z]{1,20}[ \t]{1,3}(?=(?:Mc|Mac|O')?[A-Z][a-z])")
_RELATION_WORDS = ("my ",)
_NAMED_WORDS = ("named", "called", "name is", "i am", "i'm")
_has_relation_word = any_word(_RELATION_WORDS)
_has_named_word = any_word(_NAMED_WORDS)
_RELATION = re.compile(
    r"(?i:\bmy\s+(?:wife|husband|son|daughter|mother|father|mom|mum|dad|sister|brother|girlfriend|"
    r"boyfriend|fianc[eé]e?|partner|friend|boss|colleague|grandmother|grandfather|grandma|grandpa|"
    rf"aunt|uncle|niece|nephew|cousin|baby|kid|child|neighbou?r)\s+)(?P<name>{_NAME})"
)
# Weaker cues: "a style called Boho" is not a person, so the name must be a known given name.
_NAMED = re.compile(rf"(?i:\b(?:my\s+name\s+is|i\s+am|i'm|named|called)\s+)(?P<name>{_NAME})")
_PORTRAIT_CUE = re.compile(
    r"(?i)\b(?:portrait|photo|photograph|picture|image|headshot|selfie|painting|drawing|sketch|"
    r"caricature)\s+of\s+(?:(?:my|our|a|the)\s+\w+\s+)?$"
)
# "by Alphonse Mucha and Greg Rutkowski": a style cue may precede a short list of names.
_STYLE_BEFORE = re.compile(
    r"\b(?i:by|style\s+of|styled\s+after|inspired\s+by|after|artists?|art\s+by)\s+"
    r"(?:[A-Z][\w'\-]*\s*(?:,|and|&)?\s+){0,4}$"
)
_STYLE_AFTER = re.compile(r"(?i)(?:'s)?[\s\-]*(?:style|inspired|aesthetic|art\b|painting|artwork)")

_MAX_NAME_CHARS = 100


def _read_words(name: str) -> frozenset[str]:
    text = resources.files("gate.scanning").joinpath("data", name).read_text(encoding="utf-8")
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@cache
def gazetteer() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(given names, given names that are also everyday words, brands shaped like names, non-surnames)."""
    return (
        _read_words("first_names.txt"),
        _read_words("word_names.txt"),
        _read_words("name_brands.txt"),
        _read_words("not_surnames.txt"),
    )


def _standalone(value: str, start: int, end: int) -> bool:
    """The pair is not part of longer tokens ("iPhone Case", "Jane2 Doe")."""
    before_ok = start == 0 or not (value[start - 1].isalnum() or value[start - 1] in "'_")
    after_ok = end == len(value) or not (value[end].isalnum() or value[end] in "'_")
    return before_ok and after_ok


def _style_reference(value: str, start: int, end: int) -> bool:
    return cue_before(_STYLE_BEFORE, value, start, window=64) or bool(_STYLE_AFTER.match(value, end))


class PersonDetector:
    """Names of people in free text (see the module docstring for what is deliberately left out)."""

    entity = "PERSON"
    needs = HAS_CAPITALS
    unless = NOT_PERSON

    def __init__(self) -> None:
        self._names, self._word_names, self._brands, self._not_surnames = gazetteer()

    def narrowed(self, facts: int, context: int) -> PersonDetector:
        """Itself: every cue needs a capitalised word, which `needs` already says."""
        return self

    def detect(self, text: Text) -> str | None:
        """ "person.cue" or "person.name", or None."""
        value = text.value
        # Fast path: prompts are often all lower case, and names need a capital letter.
        if text.flags & NOT_PERSON:
            return None
        if _has_relation_word(text):
            for match in _RELATION.finditer(value):
                if match.group("name").lower() not in self._not_surnames:
                    return "person.cue"
        if _has_named_word(text):
            for match in _NAMED.finditer(value):
                name = match.group("name").lower()
                if name in self._names:  # "a dog named Max": word-like names are often pets
                    return "person.cue"
        pos = 0
        while (pair := _PAIR_START.search(value, pos)) is not None:
            # Overlapping pairs: "Photo Jane Doe" is tried as "Photo Jane", then as "Jane Doe".
            pos = pair.end()
            first_end = pair.start() + len(pair.group().rstrip())
            last = _NAME_SHAPE.match(value, pos)
            if last is None or not _standalone(value, pair.start(), last.end()):
                continue
            if self._is_name(value, pair.start(), first_end, last):
                return "person.name"
        return None

    def _is_name(self, value: str, start: int, first_end: int, last_word: re.Match[str]) -> bool:
        lower_first, lower_last = value[start:first_end].lower(), last_word.group().lower()
        if lower_last in self._not_surnames or f"{lower_first} {lower_last}" in self._brands:
            return False
        known_first = lower_first in self._names
        # Set lookups first: most capitalised pairs ("Acme Outdoor") fail them, and need no regex.
        if not (known_first or lower_first in self._word_names or lower_last in self._names):
            return False
        if _style_reference(value, start, last_word.end()):
            return False
        return known_first or cue_before(_PORTRAIT_CUE, value, start, window=40)


DETECTOR = PersonDetector()


def _name_value(value: Any) -> bool:
    return (
        isinstance(value, str)
        and 0 < len(value) <= _MAX_NAME_CHARS
        and any(ch.isalpha() for ch in value)
        and "://" not in value
    )


_NAME_KEYS = (
    "first_name last_name full_name middle_name given_name family_name surname maiden_name "
    "customer_name user_name username display_name screen_name nickname contact_name recipient_name "
    "billing_name shipping_name cardholder card_holder cardholder_name holder_name owner_name "
    "author author_name prompt_author creator_name requested_by submitted_by"
)

KEYED_RULES = (
    KeyedRule("PERSON", "person.name_key", keyset(_NAME_KEYS), _name_value),
    KeyedRule("PERSON", "person.owner_name", keyset("name fullname"), _name_value, owner_only=True),
)
