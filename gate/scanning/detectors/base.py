"""The two detector shapes: text detectors read one string, keyed rules read a key and its value.

A text detector answers "does this string hold my entity?" and returns the name of the rule that
matched (recorded in `Finding.detector`), or None. Patterns are data: a `PatternDetector` is a compiled
regex, an optional cheap prefilter and an optional validate hook (checksums, ranges, context cues).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from gate.scanning.context import KeyInfo

_DIGIT = re.compile(r"\d")
# Six digits with at most two separator characters between neighbours: the least any numeric
# identifier here has (a NINO's "12 34 56"), and what most prompts ("8k, 85mm, 1.2") lack.
_DIGIT_RUN = re.compile(r"\d(?:[ \t\-./(),]{0,2}\d){5}")
# The same for ASCII text, where "\d" can only mean 0-9: ASCII mode skips the Unicode digit lookup.
_ASCII_DIGIT = re.compile(_DIGIT.pattern, re.ASCII)
_ASCII_DIGIT_RUN = re.compile(_DIGIT_RUN.pattern, re.ASCII)


# Cheap facts about a string, as bits; a detector names the facts it needs (any one of them).
HAS_AT = 1 << 0
HAS_DIGIT = 1 << 1
HAS_DIGIT_RUN = 1 << 2
HAS_WORDS = 1 << 3  # more than one word: free text
HAS_CAPITALS = 1 << 4  # free text with a capital letter (names, cued names)
HAS_DOTS = 1 << 5  # three dots (IPv4)
HAS_COLONS = 1 << 6  # two colons (IPv6)
HAS_SEPARATOR = 1 << 7  # "=" or ":" (cookies)
HAS_JWT = 1 << 8
HAS_DIGIT_WORDS = 1 << 9  # digits in free text (street numbers, "born in 1985")
HAS_DEGREE = 1 << 10  # "48°51'N"
HAS_TOKEN_WORD = 1 << 11  # "bearer" or "token"


class Text:
    """One string as the detectors see it: the text, its key context flags and shared cheap facts.

    The facts are computed once per string (plain `in`/`count` tests, at most two regex searches), so
    most detectors are skipped without being called.
    """

    __slots__ = ("digit_run", "facts", "flags", "has_digit", "lower", "value")

    def __init__(self, value: str, flags: int) -> None:
        self.value = value
        self.flags = flags
        self.lower = lower = value.lower()
        if value.isalpha():
            # One word of letters ("CLIPTextEncode", "euler"): no digit, space or punctuation to look for.
            self.has_digit = self.digit_run = False
            self.facts = HAS_JWT if "eyJ" in value else 0
            return
        if value.isascii():
            digit, digit_run = _ASCII_DIGIT, _ASCII_DIGIT_RUN
        else:
            digit, digit_run = _DIGIT, _DIGIT_RUN
        first_digit = digit.search(value)
        self.has_digit = first_digit is not None
        self.digit_run = first_digit is not None and digit_run.search(value, first_digit.start()) is not None
        facts = 0
        if "@" in value:
            facts |= HAS_AT
        if first_digit is not None:
            facts |= HAS_DIGIT | (HAS_DIGIT_RUN if self.digit_run else 0)
            if value.count(".") >= 3:
                facts |= HAS_DOTS
        if ":" in value:
            facts |= HAS_SEPARATOR | (HAS_COLONS if value.count(":") >= 2 else 0)
        elif "=" in value:
            facts |= HAS_SEPARATOR
        if " " in value:
            facts |= HAS_WORDS | (HAS_CAPITALS if lower != value else 0)
            if first_digit is not None:
                facts |= HAS_DIGIT_WORDS
            if "bearer" in lower or "token" in lower:
                facts |= HAS_TOKEN_WORD
        if "°" in value:
            facts |= HAS_DEGREE
        if "eyJ" in value:
            facts |= HAS_JWT
        self.facts = facts


class TextDetector(Protocol):
    """Finds one entity type in free text."""

    @property
    def entity(self) -> str:
        """The entity type (Presidio's name where one exists)."""

    @property
    def needs(self) -> int:
        """`Text.facts` bits of which at least one must be set for this detector to have a chance."""

    @property
    def unless(self) -> int:
        """Key context flags (`context.NOT_NUMERIC`, ...) under which this detector never fires."""

    def detect(self, text: Text) -> str | None:
        """The name of the rule that matched, or None."""


Validate = Callable[[re.Match[str], Text], bool]
Prefilter = Callable[[Text], bool]


@dataclass(frozen=True, slots=True)
class PatternRule:
    """A named regex with an optional validate hook; the first valid match wins.

    `when` is the rule's own cheap prefilter, checked before the regex runs.
    """

    name: str
    pattern: re.Pattern[str]
    validate: Validate | None = None
    when: Prefilter | None = None


@dataclass(frozen=True, slots=True)
class PatternDetector:
    """A text detector made of pattern rules, tried in order after a shared prefilter.

    `unless` repeats what the prefilter already says about key context, so the walk can skip the call.
    """

    entity: str
    needs: int
    rules: tuple[PatternRule, ...]
    prefilter: Prefilter | None = None
    unless: int = 0

    def detect(self, text: Text) -> str | None:
        """The name of the first rule with a valid match in `text`, or None."""
        if self.prefilter is not None and not self.prefilter(text):
            return None
        for rule in self.rules:
            if rule.when is not None and not rule.when(text):
                continue
            for match in rule.pattern.finditer(text.value):
                if rule.validate is None or rule.validate(match, text):
                    return rule.name
        return None


@dataclass(frozen=True, slots=True)
class KeyedRule:
    """An entity implied by the key itself when the value under it is non-empty.

    `keys` are normalised key names (see `context.key_info`); with `owner_only`, the rule applies only
    when the parent key describes a person (`{"customer": {"name": ...}}`).
    """

    entity: str
    name: str
    keys: frozenset[str]
    accepts: Callable[[Any], bool]
    owner_only: bool = False

    def matches(self, key: KeyInfo) -> bool:
        """True if the rule covers this key (the value still has to be accepted)."""
        return key.norm in self.keys or key.norm.replace("_", "") in self.keys


def any_word(words: tuple[str, ...]) -> Prefilter:
    """A prefilter: true if the lower-cased text contains one of `words` (plain substring tests)."""

    def check(text: Text) -> bool:
        lower = text.lower
        # A plain loop: on every prompt, and about twice as fast as any() over a generator.
        for word in words:  # noqa: SIM110 - see above
            if word in lower:
                return True
        return False

    return check


def cue_near(cue: re.Pattern[str], text: str, start: int, end: int, window: int = 32) -> bool:
    """True if `cue` occurs within `window` characters before `start` or after `end`."""
    return cue.search(text, max(0, start - window), min(len(text), end + window)) is not None


def cue_before(cue: re.Pattern[str], text: str, start: int, window: int = 32) -> bool:
    """True if `cue` occurs within `window` characters before `start`."""
    return cue.search(text, max(0, start - window), start) is not None


def keyset(words: str) -> frozenset[str]:
    """Normalised key names from a space-separated list, with and without underscores."""
    names = words.split()
    return frozenset(names) | frozenset(name.replace("_", "") for name in names)


def non_empty_scalar(value: Any) -> bool:
    """A string with visible characters or a non-zero number (booleans and null are not identifiers)."""
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, bool) or value is None:
        return False
    if isinstance(value, int | float):
        return value != 0
    return False


def non_empty(value: Any) -> bool:
    """A non-empty scalar, or a container holding anything."""
    if isinstance(value, dict | list | tuple):
        return len(value) > 0
    return non_empty_scalar(value)
