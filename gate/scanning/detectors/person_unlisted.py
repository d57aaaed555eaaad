"""A capitalised pair no list decides ("Kwabena Asante", "Janowi Nowakowi", "Nagy Péter részére"): read
by the parts' shapes and case forms and the "for" around them. Split from person.py, which asks it last."""

from __future__ import annotations

import re

from gate.scanning.detectors.person_cases import CaseForms
from gate.scanning.detectors.person_for import NOT_AFTER_TITLE, for_after, for_before, titled_for
from gate.scanning.detectors.person_lists import fold_name, names_scripts_set
from gate.scanning.detectors.person_patterns import street_before
from gate.scanning.detectors.person_scripts import ScriptNames

# Vietnamese middle names that are nothing else ("Nguyễn Thị Mai", "Trần Văn Hùng"), with their marks.
_VIET_MIDDLE = frozenset(("Văn", "Thị"))
# ... and without them, after a Vietnamese family name only ("Nguyen Van An"; "Lee Van Cleef" is no clue).
_VIET_MIDDLE_UNMARKED = frozenset(("Van", "Thi"))
# Hungarian dative endings on a given name ("Eszternek", "Annának"), and the shortest such word.
_HU_DATIVE = ("nek", "nak")
_HU_MIN = 5
# Estonian surnames in the allative, which says "to" itself ("Mart Kasele", "Tiit Lepikule"): read after a
# given name of the wider list, in text beyond ASCII (Estonian has its õ, ä, ö, ü; "Anna Smile" has none).
_ET_ALLATIVE = ("ele", "ule", "ile", "ale")
# The Quechua benefactive "-paq" (for) on a surname: "Rosa Mamanipaq".
_QU_PAQ = "paq"
_DOUBLE = 2


class UnlistedPairs:
    """The rules for a pair of capitalised words whose given name the shipped list does not hold."""

    def __init__(
        self,
        world: frozenset[str],
        word_names: frozenset[str],
        surnames: frozenset[str],
        romanised: frozenset[str],
        scripts: ScriptNames,
    ) -> None:
        self._world = world
        self._word_names = word_names
        self._surnames = surnames
        self._romanised = romanised
        self._scripts = scripts
        self._vietnamese = names_scripts_set("surnames", "vietnamese")
        self._cases = CaseForms(world)

    def given_and_surname(
        self, value: str, start: int, lower_first: str, last_word: re.Match[str], wider: bool
    ) -> bool:
        """A pair no list decides is a name by its parts and what stands around it: a given name of the
        wider list right after "for", "für", "pour" ... or before a surname of telling shape; any
        capitalised word before such a surname after a bare "for" ("Xudayar Əfəndizadə üçün", "mug for
        Harish Menon"); and the same with the words in a case form ("Janowi Nowakowi", "Annie
        Kowalskiej"), a double given name ("Jean-Baptiste"), or a Vietnamese middle name ("Trần Văn")."""
        first, last = fold_name(lower_first), fold_name(last_word.group().lower())
        after = for_after(value, last_word.end())
        around = after or for_before(value, start)
        if (
            last in self._surnames
            and (wider or (around and first in self._word_names))
            and not street_before(value, start)
        ):
            # "Kwabena Asante"; "for Jean Dupont" (a given name that is also a word needs the "for":
            # "Grace Kelly bag" is a bag)
            return True
        # (`titled_for` holds only where `for_before` does: its words and titles are a part of `_FOR`'s,
        # in the same window; so only with `around`, scanfast23: 754 of 757 European pairs had none.)
        if around and titled_for(value, start):
            # "untuk Bapak Budi Santoso", "kwa Bi. Amina Wanjiru"; but "untuk Ibu Kota Nusantara" is "for
            # the capital": a word that makes a noun of the title is no name, whatever follows it.
            return first not in NOT_AFTER_TITLE
        if last_word.group() in _VIET_MIDDLE and first in self._romanised:
            return True  # "Nguyễn Thị Mai", "Trần Văn Hùng": Văn and Thị are middle names only
        if last_word.group() in _VIET_MIDDLE_UNMARKED and first in self._vietnamese:
            return True
        parts = first.split("-") if "-" in first else [first]
        if len(parts) == _DOUBLE and all(part in self._world or part in self._word_names for part in parts):
            return True  # "Anna-Lena", "Hans-Peter": two given names joined
        shaped = self._scripts.latin_surname(last) or any(
            self._scripts.latin_surname(form) for form in self._cases.surname_forms(last)
        )
        if (wider and (around or shaped)) or (around and shaped):
            return True
        if around and last in self._world and self._scripts.latin_surname(first):
            return True  # surname first after a "for": "ho an'i Andriamanantena Fanja", "für Kowalski Anna"
        # Surname first, then the given name, before a postposition: "Nagy Péter részére"; or the given
        # name in the dative, which says "for" itself: "Kovács Eszternek", "Nagy Annának".
        if (
            (after and last in self._world)
            or (last.endswith(_HU_DATIVE) and fold_name(last[:-3]) in self._world and len(last) > _HU_MIN)
            or (wider and last.endswith(_ET_ALLATIVE) and len(last) > _HU_MIN and not value.isascii())
            or (last.endswith(_QU_PAQ) and len(last) > _HU_MIN and (wider or first in self._word_names))
        ):
            return True
        # A given name in a case form: asked last, and only where a "for", a shape or an agreeing ending
        # would complete it (most capitalised pairs, "Studio Lighting", have none of them).
        if wider or not (around or shaped or self._cases.agree(first, last)):
            return False
        return parts[0] in self._world or self._cases.given(first)

    def given(self, word: str) -> bool:
        """`word` (lower case, accents folded) is a given name in one of its case forms ("vojtecha")."""
        return self._cases.given(word)
