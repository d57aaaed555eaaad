"""Latin-script names in their case forms (West and South Slavic, Baltic): a name in a sentence of these
languages is inflected ("dla Anny Kowalskiej", "Janowi Nowakowi", "z Piotrem Zielińskim", "za Mojco
Novak"), and the lists hold only the nominative ("Anna", "Kowalska").

The endings are data/names_scripts.toml's `[latin_case_forms]`: each case ending with the nominative
ending it goes back to. A word is read back only where a rule of person.py asks, for a capitalised
pair that the nominative lists did not already decide.
"""

from __future__ import annotations

from gate.scanning.detectors.person_lists import names_scripts

# Shorter stems than this are no given name worth a guess ("Ala" from "Ali", "Ewy").
_MIN_STEM = 3


class CaseForms:
    """The case endings of data/names_scripts.toml, read once."""

    def __init__(self, given_names: frozenset[str]) -> None:
        """`given_names`: given names in Latin letters, lower case, accents folded."""
        table = names_scripts()["latin_case_forms"]
        self._given = given_names
        self._given_endings = tuple((str(ending), str(nominative)) for ending, nominative in table["given"])
        self._surname_endings = tuple(
            (str(ending), str(nominative)) for ending, nominative in table["surname"]
        )
        # (given name's ending, surname's ending): "owi" is both, "im/am" one each.
        self._agreeing = tuple(
            (str(ending).split("/")[0], str(ending).split("/")[-1]) for ending in table["agreeing"]
        )
        self._agreeing_last = tuple(last for _, last in self._agreeing)
        # One `endswith` of all the endings first: most words have none of them.
        self._surname_any = tuple(ending for ending, _ in self._surname_endings)

    def given(self, word: str) -> bool:
        """`word` (lower case, accents folded) is a given name in one of its case forms ("janowi",
        "katarzyny", "piotrem", "mojco", "rutai")."""
        for ending, nominative in self._given_endings:
            if word.endswith(ending):
                stem = word[: len(word) - len(ending)]
                if len(stem) >= _MIN_STEM and stem + nominative in self._given:
                    return True
        return False

    def surname_forms(self, word: str) -> list[str]:
        """The nominatives `word` (lower case, accents folded) may be the case form of, as a surname
        ("kowalskiej" -> "kowalska", "zielinskim" -> "zielinski", "novakovou" -> "novakova")."""
        if not word.endswith(self._surname_any):
            return []
        return [
            word[: len(word) - len(ending)] + nominative
            for ending, nominative in self._surname_endings
            if word.endswith(ending)
        ]

    def agree(self, first: str, last: str) -> bool:
        """Both words (lower case) take the same case ending that marks a person ("janowi nowakowi",
        "piotrem nowakiem")."""
        return last.endswith(self._agreeing_last) and any(
            first.endswith(first_ending) and last.endswith(ending) and len(last) > len(ending) + 2
            for first_ending, ending in self._agreeing
        )
