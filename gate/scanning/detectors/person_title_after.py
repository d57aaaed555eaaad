# ruff: noqa: RUF001, RUF002 - Turkish and Azerbaijani titles, on purpose
"""PERSON: a title written after the name, as Turkish, Azerbaijani, Uzbek, Hindi, Urdu, Persian, Japanese
and Korean address people in Latin letters ("Mustafa Bey'e emeklilik hediyesi", "Zeynep Hanım için",
"Ramesh ji", "Rashid Sahib", "Tanaka-san e no omiyage", "Yamamoto-sensei", "Jiwoo-ssi", since names15).

The titles are data/cues.toml's `[person_title_after_name]`. The word before one is a name only when it is
a given name of the wider list or a listed surname (East Asian surnames romanised among them): "Fuji-san"
is a mountain, "Domo-kun" a mascot, "Hanuman ji" a god; a few words of address that are given names
elsewhere ("Kami-sama", a god; "Minna-san", everyone) are listed below.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from gate.scanning import lexicon
from gate.scanning.detectors.base import Text, any_word
from gate.scanning.detectors.person_lists import fold_name, surnames
from gate.scanning.detectors.person_scripts import romanised_surnames

_TITLES = lexicon.words("person_title_after_name")
# Japanese and Korean titles are joined to the name by a hyphen; the others stand after a space or one.
_HYPHENED = frozenset(
    word for language in ("ja", "ko") for word in lexicon.table()["person_title_after_name"][language]
)
_SPACED = tuple(word for word in _TITLES if word not in _HYPHENED)
# Whether the text can hold one, from the shared one pass of cue words: the title after a space or hyphen.
_has_title = any_word(
    tuple(
        sorted(
            {"-" + form for word in _TITLES for form in lexicon.readings(word)}
            | {" " + form for word in _SPACED for form in lexicon.readings(word)}
        )
    )
)
_UP, _LOW = lexicon.UPPER, lexicon.LOWER
# The name (a capitalised word, or two joined by a hyphen: "Seo-yeon"), then the title, then perhaps a
# suffix after an apostrophe ("Bey'e", "Hoca'ya"). A capital first, so the engine skips ahead to one.
_NAMED = re.compile(
    rf"(?P<name>[{_UP}](?<![\w\-][{_UP}])[{_LOW}]{{1,20}}(?:-[{_UP}{_LOW}][{_LOW}]{{1,12}})?)"
    rf"(?:-(?i:{lexicon.pattern(_TITLES)})|[ \t]+(?i:{lexicon.pattern(_SPACED)}))"
    rf"(?:['’][{_LOW}]{{1,6}})?(?![\w\-])"
)
# Words of address and beings a title follows that are no one's name ("Kami-sama": a god; "Okaa-san":
# mother; "Minna-san": everyone; "Hime-sama": a princess).
_NOT_NAMES = frozenset(
    (
        "kami", "hotoke", "okaa", "otou", "kaa", "tou", "obaa", "ojii", "oba", "oji", "onee", "onii", "nee",
        "nii", "minna", "mina", "hime", "ouji", "oujo", "ojou", "okyaku", "kyaku", "shin", "maruko", "baba",
        "guru", "mata", "mataji", "babaji", "swami", "sai", "anpan", "neko", "inu", "usagi",
    )
)  # fmt: skip


class TitledAfter:
    """A name with a title after it (see the module docstring)."""

    def __init__(self, world: frozenset[str], organisation: Callable[[str, int, int], bool]) -> None:
        """`world`: given names; `organisation(value, start, end)`: whether that span is a brand's."""
        self._world = world
        self._surnames = surnames() | romanised_surnames()
        self._organisation = organisation

    def find(self, text: Text) -> bool:
        """Whether `text` holds a name with a title after it."""
        if not _has_title(text):
            return False
        value = text.value
        for match in _NAMED.finditer(value):
            name = fold_name(match.group("name").lower())
            parts = name.split("-")
            if name in _NOT_NAMES or parts[0] in _NOT_NAMES:
                continue
            known = name in self._surnames or parts[0] in self._world or "".join(parts) in self._world
            if known and not self._organisation(value, match.start("name"), match.end("name")):
                return True
        return False
