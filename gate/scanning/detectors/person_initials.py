"""PERSON written with initials, as signatures, credits and name plates write names ("Marcus T. Abernathy",
"Ms. A. Kowalczyk", "© J.R. Whitmore", "S. Nakamura"), a Korean name in Latin letters ("Park Ji-hoon"),
and a lower-case full name after a bare "for" ("poster for jessica alvarez", "mug for abdullah al-harbi")
(one part of `person.PersonDetector`).

What each shape needs, so that brands written with initials stay clean ("J.M. Weston", "E. Wedel",
"L.L. Bean"): a middle initial between a given name of the wider list and a capitalised surname; an
honorific before initials; two initials before a surname of the list or of telling shape, or after a
photo credit or a copyright sign; one initial before a listed surname. A Korean given name is two
romanised syllables joined by a hyphen after a romanised surname. In lower-case text, a given name and
a listed surname (or an Arabic "al-" surname) right after "for".
"""

from __future__ import annotations

import re
from collections.abc import Callable

from gate.scanning.detectors.person_lists import fold_name, names_scripts_set, surnames
from gate.scanning.detectors.person_patterns import LOW, NAME, NOT_FIRST_WORDS, UP
from gate.scanning.detectors.person_scripts import romanised_surnames

_INITIAL = rf"[{UP}]\.(?:[ \t]?[{UP}]\.)?"
# Whether a text holds an initial at all, in one search that starts with a character class (most text has
# none; a dot after a capital letter that starts a word, then a space or another capital).
_ANY_INITIAL = re.compile(rf"[{UP}](?<![\w][{UP}])\.(?:[ \t]|[{UP}]\.)")
# A given name, a middle initial (or two), a surname: "Marcus T. Abernathy", "Raymond K. Delacroix".
_MIDDLE = re.compile(rf"(?<![\w'\-])(?P<first>{NAME})[ \t]+{_INITIAL}[ \t]+(?P<last>{NAME})(?![\w'\-])")
# An honorific, then initials and a surname: "Ms. A. Kowalczyk", "Dr J. R. Okafor".
_TITLED = re.compile(
    rf"(?<![\w])(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof|Sgt|Capt|Herr|Frau|Mme|Mevr|Dhr)\.?[ \t]+{_INITIAL}[ \t]*"
    rf"(?P<last>{NAME})(?![\w'\-])"
)
# Initials alone before a surname: "J.R. Whitmore", "S. Nakamura" (the brands of the module docstring too).
_BARE = re.compile(rf"(?<![\w.])(?P<initials>{_INITIAL})[ \t]*(?P<last>{NAME})(?![\w'\-])")
# A photo credit or a copyright notice right before them: whose work it is.
_CREDIT_BEFORE = re.compile(
    r"(?i:(?:photo(?:graph)?(?:ed|s)?[ \t]+by|photo(?:graphy)?:|foto(?:grafie)?:|©|\(c\)|copyright)"
    r"[ \t]*(?:\d{4}(?:[ \t]*[-\u2013][ \t]*\d{4})?,?[ \t]+)?)$"
)
_CREDIT_WINDOW = 32
# A street abbreviated to its initial and a house number after it is an address: "R. Garcia, 21" (Rua).
_HOUSE_NUMBER = re.compile(r",?[ \t]*\d{1,3}(?!\d)")
_TWO_INITIALS = 2
# A romanised Korean name: surname, then two syllables joined by a hyphen ("Park Ji-hoon", "Kim Min-ji").
_SYLLABLE = (
    r"(?:[bcdghjkmnprstwy]|ch|kk|tt|pp|ss|jj)?(?:ae|eo|eu|oe|oo|ee|ui|wa|wo|ya|ye|yo|yu|a|e|i|o|u)"
    r"(?:ng|n|m|l|k|p|t)?"
)
_KOREAN = re.compile(
    r"(?<![\w'\-])(?P<last>[A-Z][a-z]{1,5})[ \t]+(?P<given>[A-Z][a-z]{0,5}-[a-z]{2,6})(?![\w\-])"
)
_KOREAN_GIVEN = re.compile(f"{_SYLLABLE}-{_SYLLABLE}")
# ... looked for only where a capitalised syllable and a hyphen stand after a space ("Ji-hoon").
_ANY_HYPHENED = re.compile(r"[ \t][A-Z][a-z]{0,5}-[a-z]")
_KOREAN_SURNAMES = names_scripts_set("surnames", "korean_romanised")
# In lower case: a "for", a given name and a surname ("poster for jessica alvarez").
_LOWER_FOR = re.compile(
    rf"(?<![\w])(?:for|für|pour|para|per|voor|dla|untuk)[ \t]+(?P<first>[{LOW}]{{2,20}})[ \t]+"
    rf"(?P<last>(?:al-|el-)?[{LOW}]{{2,25}})(?![\w'\-])"
)
_FOR_WORDS = ("for ", "für ", "pour ", "para ", "per ", "voor ", "dla ", "untuk ")
_SAINTS = frozenset(("santa", "santo", "san", "saint", "sainte", "sankt"))


class InitialledNames:
    """Names with initials, romanised Korean names and lower-case names after "for" (module docstring)."""

    def __init__(
        self,
        world: frozenset[str],
        word_names: frozenset[str],
        not_surnames: frozenset[str],
        shaped: Callable[[str], bool],
        organisation: Callable[[str, int, int], bool],
    ) -> None:
        """`world`: given names; `word_names`: given names that are everyday words; `not_surnames`: words
        no name ends with; `shaped(word)`: a surname of telling shape (lower case, accents folded);
        `organisation(value, start, end)`: whether the span belongs to a company or brand."""
        self._world = world - word_names
        self._not_surnames = not_surnames
        self._surnames = surnames()
        self._shaped = shaped
        self._organisation = organisation
        self._romanised = romanised_surnames() | _KOREAN_SURNAMES

    def find(self, value: str) -> bool:
        """A name in one of the module docstring's shapes in `value` (text with a capital letter)."""
        if (
            "." in value
            and _ANY_INITIAL.search(value) is not None
            and (self._initialled(value) or self._bare(value))
        ):
            return True
        return (
            "-" in value
            and _ANY_HYPHENED.search(value) is not None
            and any(
                match.group("last").lower() in self._romanised
                and _KOREAN_GIVEN.fullmatch(match.group("given").lower()) is not None
                and not self._organisation(value, match.start(), match.end())
                for match in _KOREAN.finditer(value)
            )
        )

    def find_lower(self, value: str) -> bool:
        """A given name and a surname after a bare "for" in text written in lower case."""
        if not any(word in value for word in _FOR_WORDS):
            return False
        for match in _LOWER_FOR.finditer(value):
            first, last = fold_name(match.group("first")), fold_name(match.group("last"))
            if (
                first in self._world
                and first not in _SAINTS
                and first not in NOT_FIRST_WORDS
                and last not in self._not_surnames
                and (
                    last in self._surnames or (last.startswith(("al-", "el-")) and len(last) > len("al-") + 2)
                )
            ):
                return True
        return False

    def _surname(self, word: str) -> bool:
        lower = fold_name(word.lower())
        return lower not in self._not_surnames

    def _initialled(self, value: str) -> bool:
        for match in _MIDDLE.finditer(value):
            first = fold_name(match.group("first").lower())
            if (
                first in self._world
                and self._surname(match.group("last"))
                and not self._organisation(value, match.start(), match.end())
            ):
                return True
        return any(
            self._surname(match.group("last")) and not self._organisation(value, match.start(), match.end())
            for match in _TITLED.finditer(value)
        )

    def _bare(self, value: str) -> bool:
        for match in _BARE.finditer(value):
            last = fold_name(match.group("last").lower())
            if last in self._not_surnames or self._organisation(value, match.start(), match.end()):
                continue
            initials = match.group("initials").count(".")
            credited = _CREDIT_BEFORE.search(value, max(0, match.start() - _CREDIT_WINDOW), match.start())
            if (
                (last in self._surnames and _HOUSE_NUMBER.match(value, match.end()) is None)
                or (initials >= _TWO_INITIALS and self._shaped(last))
                or (initials >= _TWO_INITIALS and credited is not None)
            ):
                return True
        return False
