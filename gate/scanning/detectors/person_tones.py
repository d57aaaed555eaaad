"""PERSON: Chinese and Japanese names romanised with their marks, surname first ("Wáng Xiǎomíng", "Zhāng
Lìhuá", "Kōno Tarō", "Ōtsuka Ryōta"; since names15).

Pinyin writes its tones and Hepburn its long vowels with a macron or a caron (ā, ǎ, ō, ū), which European
languages other than Latvian and Lithuanian hardly use; so a text holding one is read for a pair of two
capitalised words that stands alone (no capitalised word right before or after: "Dà Hóng Páo" is a tea)
and is either a romanised Chinese surname before one to three pinyin syllables, or a word with such a
mark before a given name of the wider list ("Kōno Tarō"). A pinyin name with acute and grave marks only
("Liú Mèngqí") is not read: those marks are French, Italian and Spanish ones too.
"""

from __future__ import annotations

import re

from gate.scanning import lexicon
from gate.scanning.detectors.person_lists import fold_name
from gate.scanning.detectors.person_scripts import romanised_surnames

# A macron or a caron on a vowel (pinyin's first and third tones, Hepburn's long vowels).
_MARKED = re.compile("[āēīōūǎěǐǒǔǖǘǚǜĀĒĪŌŪǍĚǏǑǓ]")
_LETTERS = "a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"
_UP = "A-ZĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙ"
_PAIR = re.compile(
    rf"([{_UP}](?<![\w\-][{_UP}])[{_LETTERS}]{{0,6}})[ \t]+(?=([{_UP}][{_LETTERS}]{{1,14}})(?![\w\-]))"
)
# One to three pinyin syllables (an initial, then a final), as a given name is written.
_SYLLABLE = (
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|uan|ian|iao|uai|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|a|e|i|o|u|v)"
)
_PINYIN = re.compile(rf"(?:{_SYLLABLE}){{1,3}}")
_CAPITAL = re.compile(rf"[{lexicon.UPPER}]")


class TonedNames:
    """A romanised Chinese or Japanese name with its marks (see the module docstring)."""

    def __init__(self, world: frozenset[str]) -> None:
        """`world`: given names of the wider list."""
        self._world = world
        self._surnames = romanised_surnames()

    def find(self, value: str) -> tuple[int, int] | None:
        """Where `value` holds such a name, or None."""
        if _MARKED.search(value) is None:
            return None
        for match in _PAIR.finditer(value):
            first, second = match.group(1), match.group(2)
            end = match.end() + len(second)
            if not self._alone(value, match.start(), end):
                continue
            surname, given = fold_name(first.lower()), fold_name(second.lower())
            if _MARKED.search(first + second) is None:
                continue
            if (surname in self._surnames and _PINYIN.fullmatch(given)) or (
                _MARKED.search(first) and given in self._world
            ):
                return match.start(), end
        return None

    @staticmethod
    def _alone(value: str, start: int, end: int) -> bool:
        """No capitalised word right before `start` or right after `end`."""
        before = value[max(0, start - 24) : start].split()
        after = value[end : end + 24].split()
        return not (before and _CAPITAL.match(before[-1])) and not (after and _CAPITAL.match(after[0]))
