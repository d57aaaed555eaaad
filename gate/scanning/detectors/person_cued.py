# ruff: noqa: RUF001, RUF003 - names and cues in Greek, Cyrillic, Arabic, Hebrew and CJK, on purpose
"""PERSON after the cues of data/cues.toml, in any script: "gift for" and label words, honorifics before
and after a name (`CuedNames`, one part of `person.PersonDetector`).

Latin-script names are mostly the other rules' (with their lists of given names): here a cased name
counts when it is written in another script, has a letter beyond ASCII, or its first word is a given
name; a caseless one (Arabic, Hebrew, CJK, Thai, Brahmic scripts) after a label and a colon, an
honorific, or a "gift for" with two words of its script or a listed given name.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from gate.scanning import lexicon
from gate.scanning.detectors.person_lists import fold_name, names_scripts_set, occasion
from gate.scanning.detectors.person_scripts import ScriptNames

# Names after the cues of data/cues.toml, in any script. A cased word: a capital, then small letters
# (Latin, Greek, Cyrillic, each possibly read as Latin look-alikes by `normalise`: "Πavayiώτa").
_ANY_UP, _ANY_LOW = lexicon.UPPER, lexicon.LOWER
_CASED_WORD = rf"[{_ANY_UP}][{_ANY_LOW}]{{1,24}}(?:['’\-][{_ANY_UP}]?[{_ANY_LOW}]{{1,24}})?"
_CASELESS_WORD = rf"[{lexicon.CASELESS}]{{2,20}}"
# "Gift for" and labels: two or three cased words (one is a first name, or a word: "Geschenk für Mama").
# Irish and Scottish surnames start with a particle of their own: "Siobhán Ní Bhriain", "Seán Ó Briain".
_GAELIC = r"(?:Ó|Ní|Nic|Mac|Uí|Ua)[ \t]+"
_GIFT_NAME = lexicon.Cues("person_for", "person_label").then(
    rf"\s*:?\s*(?P<name>{_CASED_WORD}(?:[ \t]+(?:{_GAELIC})?{_CASED_WORD}){{1,2}})(?![\w])"
)
# The same run of two or three capitalised words, read on from a position (after an occasion).
_NAME_RUN = re.compile(rf"[ \t]*(?P<name>{_CASED_WORD}(?:[ \t]+(?:{_GAELIC})?{_CASED_WORD}){{1,2}})(?![\w])")
# In scripts without capitals, a label and a colon, or an honorific, then one to three words of its letters
# ("العميل: أحمد الحسن", "לכבוד דוד כהן", "收件人：王小明") ...
_CASELESS_NAME = lexicon.Cues("person_label").then(
    rf"\s*:\s*(?P<name>{_CASELESS_WORD}(?:[ \t]+{_CASELESS_WORD}){{0,2}})"
)
# ... or a "gift for" and two words of Thai or a Brahmic script, or one listed given name ("هدية لأحمد").
_CASELESS_GIFT = lexicon.Cues("person_for").then(
    rf"[ \t]*:?[ \t]*(?P<name>{_CASELESS_WORD})(?:[ \t]+(?P<last>{_CASELESS_WORD}))?"
)
_SPACED_CASELESS = re.compile("[\u0900-\u0dff\u0e01-\u0e4e]")
_CASELESS_TITLED = lexicon.Cues("person_title").then(rf"\s*(?P<name>{_CASELESS_WORD})")
# ... or a name, then an honorific after it ("田中様", "王先生"), unless the word is no name ("仕様").
_NAME_TITLED = re.compile(
    rf"(?P<before>[{lexicon.CASELESS}]{{1,4}})[ \t]?(?P<title>"
    + lexicon.pattern(lexicon.words("person_title_after"))
    + ")"
)
# Chinese "女士" is also "women's" ("女士连衣裙", a women's dress; "小姐", "先生" start product names too):
# a Chinese title with a Han letter straight after it names a kind of product, unless that letter is one
# that follows a person ("王女士的", "王女士您好", "李先生收", "王女士和李先生").
# Chinese writes no space between a name and its title either: "墨镜 女士" is sunglasses, women's.
_ZH_TITLES = frozenset(lexicon.table()["person_title_after"]["zh"])
_AFTER_A_PERSON = frozenset("的您收启亲惠好和与及")
_HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff]")
# What ends the words before a title that are no name, by the title's language ("仕様", "お姫様", "医生").
_NOT_NAMES_BEFORE = {
    title: tuple(lexicon.table()["not_names_before_title"][language])
    for language, titles in lexicon.table()["person_title_after"].items()
    for title in titles
}
# ... and an honorific in Greek or Cyrillic before a cased name ("κυρία Παπαδοπούλου", "г-н Иванов").
_TITLE_NAME = lexicon.Cues("person_title").then(rf"\s*(?P<name>{_CASED_WORD})(?![\w])")
# A name written in Latin letters only (with the accents of European languages): not this rule's.
_LATIN_NAME = re.compile(r"[A-Za-zÀ-ÖØ-öø-ɏȘ-ț'’\- \t]+")
_CASELESS_LETTER = re.compile(f"[{lexicon.CASELESS}]")
# Kinship words after such a "gift for" start no name (data/names_scripts.toml).
_GIFT_KIN = names_scripts_set("titles_not_names", "gift_kin")
# All of them, to look for once before reading for names after one.
PERSON_CUES = lexicon.Cues("person_for", "person_label", "person_title", "person_title_after")


class CuedNames:
    """Names after a cue, in any script (see the module docstring)."""

    def __init__(
        self,
        world: frozenset[str],
        not_surnames: frozenset[str],
        scripts: ScriptNames,
        organisation: Callable[[str, int, int], bool],
    ) -> None:
        """`world`: given names; `not_surnames`: words no name ends with; `organisation(value, start,
        end)`: whether the name at that span belongs to a company or brand."""
        self._world = world
        self._not_surnames = not_surnames
        self._scripts = scripts
        self._organisation = organisation

    def find(self, value: str) -> str | None:
        """A name after a cue of data/cues.toml, in any script (Greek, Cyrillic, Arabic, Hebrew, CJK).

        Latin-script names are mostly the other rules' (with their lists of given names): here a cased
        name counts when it is written in another script, has a letter beyond ASCII ("Jānis Bērziņš":
        "Geschenk für Weihnachten Deko" is German nouns), or its first word is a given name."""
        for match in _GIFT_NAME.finditer(value):
            name = match.group("name")
            words = name.split()
            start, end = match.start("name"), match.end()
            if (held := occasion().search(name)) is not None:
                # "для Нового Года Ивана Петрова": the words after the occasion may still be a name.
                after = _NAME_RUN.match(value, start + held.end())
                if after is None:
                    continue
                name, start, end = after.group("name"), after.start("name"), after.end()
                words = name.split()
            if words[-1].lower() in self._not_surnames or self._organisation(value, start, end):
                continue
            if not name.isascii() or fold_name(words[0].lower()) in self._world:
                return "person.cue"
        for match in _TITLE_NAME.finditer(value):
            if not _LATIN_NAME.fullmatch(match.group("name")):
                return "person.honorific"
        if value.isascii() or _CASELESS_LETTER.search(value) is None:
            return None
        if _CASELESS_NAME.search(value) is not None or _CASELESS_TITLED.search(value) is not None:
            return "person.cue"
        for match in _CASELESS_GIFT.finditer(value):
            name, last = match.group("name"), match.group("last")
            if name in _GIFT_KIN:
                continue  # "ของขวัญสำหรับแม่ วันแม่": for mother, Mother's Day
            if (last and _SPACED_CASELESS.match(name) and _SPACED_CASELESS.match(last)) or (
                self._scripts.native_given(name)
            ):
                return "person.cue"
        for match in _NAME_TITLED.finditer(value):
            if not _no_name_before_title(value, match):
                return "person.cue"
        return None


def _no_name_before_title(value: str, match: re.Match[str]) -> bool:
    """The words before the title of `match` are no name ("仕様", "お姫様"), or the Chinese title starts a
    product's name ("女士连衣裙") or stands apart ("墨镜 女士"): see _ZH_TITLES."""
    title, end = match.group("title"), match.end()
    if match.group("before").endswith(_NOT_NAMES_BEFORE.get(title, ())):
        return True
    return title in _ZH_TITLES and (
        match.end("before") != match.start("title")
        or (_HAN.match(value, end) is not None and value[end] not in _AFTER_A_PERSON)
    )
