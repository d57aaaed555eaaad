"""PERSON: two people named together, joined by "and" in the languages of the gazetteer.

Two given names after a "for" ("Geburtstagskarte für Jonas und Leonie", "mug for Chloé et Hugo") or
before a surname they share ("Chloé et Maxime Girard"), and two full names joined ("Kadri Tamm ja Mart
Kask", "Tóth Anna és Varga Bence"): each given name of the wider list and no everyday word. Read by
`person.PersonDetector`, which owns the lists.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from gate.scanning.detectors.person_for import for_before
from gate.scanning.detectors.person_lists import fold_name
from gate.scanning.detectors.person_patterns import LOW, NAME, UP, style_reference

# Two given names joined by "and" after a "for" are two people: "Geburtstagskarte für Jonas und Leonie",
# "mug for Chloé et Hugo" (each a given name of the wider list, neither an everyday word).
_AND_NAMES = re.compile(
    rf"(?P<first>[{UP}][{LOW}]{{1,20}})[ \t]+(?:und|and|et|y|e|i|og|och|en|és|ja|ir|un|a|&)[ \t]+"
    rf"(?P<second>[{UP}][{LOW}]{{1,20}})(?![\w])"
)
# ... the surname they share after them, and two full names joined ("Kadri Tamm ja Mart Kask").
_SURNAME_AFTER = re.compile(rf"[ \t]+({NAME})(?![\w])")
_AND_WORDS = r"(?:und|and|et|y|e|i|og|och|en|és|ja|ir|un|a|&)"
_TWO_PAIRS = re.compile(
    rf"(?<![\w])([{UP}][{LOW}]{{1,20}})[ \t]+([{UP}][{LOW}]{{1,20}})[ \t]+{_AND_WORDS}[ \t]+"
    rf"([{UP}][{LOW}]{{1,20}})[ \t]+([{UP}][{LOW}]{{1,20}})(?![\w])"
)
# What the rule needs, in one search: an "and" with a capital right after it (most text has none).
_AND_CAPITAL = re.compile(rf" (?:und|and|et|y|e|i|og|och|en|és|ja|ir|un|a|&) [{UP}]")


class JoinedNames:
    """Two people named together (see the module docstring)."""

    def __init__(
        self,
        world: frozenset[str],
        word_names: frozenset[str],
        not_surnames: frozenset[str],
        organisation: Callable[[str, int, int], bool],
    ) -> None:
        """`world`: given names; `word_names`: given names that are everyday words; `not_surnames`: words
        no name ends with; `organisation(value, start, end)`: a company or brand spans start..end."""
        self._world = world
        self._word_names = word_names
        self._not_surnames = not_surnames
        self._organisation = organisation

    def found(self, value: str) -> bool:
        """Two given names joined by "and", after a "for" or before a surname they share ("Chloé et Maxime
        Girard"), and two full names joined so ("Kadri Tamm ja Mart Kask", "Tóth Anna és Varga Bence")."""
        if _AND_CAPITAL.search(value) is None:
            return False
        for match in _AND_NAMES.finditer(value):
            names = (fold_name(match.group("first").lower()), fold_name(match.group("second").lower()))
            shared = _SURNAME_AFTER.match(value, match.end())
            if (
                all(name in self._world and name not in self._word_names for name in names)
                and (
                    for_before(value, match.start())
                    or (shared is not None and shared.group(1).lower() not in self._not_surnames)
                )
                and not self._organisation(value, match.start(), match.end())
                and not style_reference(value, match.start(), match.end())
            ):
                return True
        for match in _TWO_PAIRS.finditer(value):
            words = [fold_name(word.lower()) for word in match.group(1, 2, 3, 4)]
            given = (0, 2) if words[0] in self._world and words[2] in self._world else (1, 3)
            if (
                all(words[i] in self._world and words[i] not in self._word_names for i in given)
                and not {words[1], words[3]} & self._not_surnames
                and not self._organisation(value, match.start(), match.end())
                and not style_reference(value, match.start(), match.end())
            ):
                return True
        return False
