# ruff: noqa: RUF001, RUF003 - Arabic, Hebrew, Thai, Khmer, Lao, Georgian, Armenian, Ethiopic and Turkish text, on purpose
"""PERSON after an honorific in scripts whose given names no shipped list holds: Arabic and Persian,
Hebrew, Thai, Khmer, Lao, Georgian, Armenian, Ethiopic and the South Asian scripts ("للسيدة هيفاء الزهراني",
"לגברת אורית לוי", "ให้นางสาวกัญญา รัตนวงศ์", "ბატონ გიორგი ბერიძეს", "Տիկին Անի Պետրոսյան", "ለአቶ አበበ በቀለ").

A reviewer reads these by the honorific and the shape of a full name after it: two words of the
honorific's script, the first no function word (Arabic: and no word with the article "ال", which an
adjective after a definite title takes: "للأستاذ الفاضل"), the second no function word either; in
Georgian and Armenian the second with a surname's ending. An honorific that is an everyday word as well
("คุณ" you, "นาง" she, "מר" bitter, "خانم" lady) counts only at the value's start, after a joined "for"
prefix ("למר", "للسيد"), or right after a "for"/"to" of its language. The lists are data/names_scripts.toml's
`[titles]`, `[titles_before]` and `[titles_not_names]`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from gate.scanning import lexicon
from gate.scanning.detectors.base import Text, any_word
from gate.scanning.detectors.person_keyed import CAPITALS
from gate.scanning.detectors.person_lists import names_scripts
from gate.scanning.normalise import normalise


@dataclass(frozen=True, slots=True)
class _Script:
    """One script's honorific rule: its titles with a joined "for" ("ל", "لل") and two words after them as
    one regex, and the endings its surnames must have (none: any word)."""

    titles: re.Pattern[str]
    surname_endings: tuple[str, ...] = ()


_LETTERS = {
    "arabic": "\u0620-\u064a\u066e-\u06d3\u200c",
    "persian": "\u0620-\u064a\u066e-\u06d3\u06cc\u200c",
    "hebrew": "\u05d0-\u05ea\"'\u05f3\u05f4",
    "thai": "\u0e01-\u0e4e",
    "georgian": "\u10d0-\u10ff",
    # `normalise` reads some Armenian letters as Latin look-alikes ("Տիկին" -> "Sիկին").
    "armenian": "\u0531-\u0556\u0561-\u0587A-Za-z",
    "amharic": "\u1200-\u137f",
    "brahmic": "\u0900-\u0963\u0971-\u09e3\u09f0-\u0ae3\u0af0-\u0be5\u0bf0-\u0de5",
    "khmer": "\u1780-\u17dd",
    "lao": "\u0e81-\u0edf",
}
# Any letter of these scripts but the Latin look-alikes (an Armenian text has Armenian letters left).
_ANY_SCRIPT = re.compile("[" + "".join(letters.replace("A-Za-z", "") for letters in _LETTERS.values()) + "]")
_JOINED = {"arabic": "(?:و)?", "hebrew": "(?:ו?ל|ו)?", "amharic": "(?:ለ)?"}
_ENDINGS = {"georgian": "georgian_surname", "armenian": "armenian_surname"}
_BEFORE_WINDOW = 16
# Scripts whose ambiguous honorifics start a sentence as a pronoun ("ທ່ານ ສາມາດ ສັ່ງຊື້", you can order;
# "ນາງ ງາມ", she is beautiful): read only after a "for" of `[titles_before]`, never at the value's start.
_FOR_ONLY = frozenset(("khmer", "lao"))
# Georgian joins "for" (-თვის) to the genitive of the name's last word: a word, then a surname's ending in
# the genitive and "for" ("ნინო ბერიძისთვის", "გიორგი კაპანაძისთვის"): a full name without an honorific.
_GEORGIAN_FOR = re.compile(
    "(?<![\u10d0-\u10ff])(?P<first>[\u10d0-\u10ff]{2,24})[ \t]+[\u10d0-\u10ff]{2,24}"
    "(?:ძის|შვილის|იას|ავას|ურის|ანის|ელის)თვის(?![\u10d0-\u10ff])"
)


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(_normalised(words), key=lambda w: (-len(w), w)))


def _with_for(script: str, titles: list[str]) -> list[str]:
    """`titles`, and in Arabic each with "for" joined as Arabic writes it: "ل" and the article "ال" make
    "لل" ("السيد" -> "للسيد", "المهندس" -> "للمهندس")."""
    if script != "arabic":
        return titles
    return titles + ["لل" + title[2:] for title in titles if title.startswith("ال")]


def _normalised(words: list[str]) -> list[str]:
    """`words` as they read in normalised text (the scanner reads only that)."""
    return [normalise(word) for word in words]


class TitledNames:
    """The rule of the module docstring, with data/names_scripts.toml's lists read once."""

    def __init__(self) -> None:
        data = names_scripts()
        titles, not_names = data["titles"], data["titles_not_names"]
        self._ambiguous = frozenset(_normalised(titles["ambiguous"]))
        self._stop = frozenset(_normalised(not_names["stop"]))
        self._thai_not_names = tuple(_normalised(not_names["thai"]))
        self._before = {script: tuple(_normalised(words)) for script, words in data["titles_before"].items()}
        self._scripts: dict[str, _Script] = {}
        for script, letters in _LETTERS.items():
            word = f"[{letters}]{{2,24}}"
            # Thai joins the title to the name and the "for" to the title ("ให้นางสาวกัญญา").
            boundary, gap = ("", "") if script == "thai" else (f"(?<![{letters}])", "[ \t]+")
            joined, title = _JOINED.get(script, ""), _alternation(_with_for(script, titles[script]))
            self._scripts[script] = _Script(
                titles=re.compile(
                    rf"{boundary}(?P<joined>{joined})(?P<title>{title}){gap}"
                    rf"(?P<first>{word})[ \t]+(?P<last>{word})"
                ),
                surname_endings=tuple(_normalised(not_names[_ENDINGS[script]])) if script in _ENDINGS else (),
            )
        # One search of a script's letters before its titles' regex (most text has none of them).
        self._letters = {script: re.compile(f"[{letters}]") for script, letters in _LETTERS.items()}

    def find(self, value: str) -> bool:
        """`value` (normalised, not ASCII) holds an honorific and a full name after it."""
        if _ANY_SCRIPT.search(value) is None:
            return False  # most text that is not ASCII is a European language's
        for name, script in self._scripts.items():
            if self._letters[name].search(value) is None:
                continue
            for match in script.titles.finditer(value):
                if self._name(value, name, script, match):
                    return True
            if name == "georgian" and (joined := _GEORGIAN_FOR.search(value)) is not None:
                return joined.group("first") not in self._stop
        return False

    def _name(self, value: str, name: str, script: _Script, match: re.Match[str]) -> bool:
        first, last, title = match.group("first"), match.group("last"), match.group("title")
        if first in self._stop or last in self._stop:
            return False
        if name in ("arabic", "persian") and first.startswith("ال"):
            return False
        if name == "thai" and (title + first).startswith(self._thai_not_names):
            return False
        if script.surname_endings and not last.endswith(script.surname_endings):
            return False
        if name == "hebrew" and first.startswith("ה") and last.startswith("ה"):
            return False  # "לכבוד המורה האהובה": the article on both, a noun and its adjective
        if title in self._ambiguous and not match.group("joined"):
            return self._after_for(value, name, match.start(), at_start=name not in _FOR_ONLY)
        if name == "thai":
            return self._after_for(value, name, match.start())
        return True

    def _after_for(self, value: str, name: str, start: int, at_start: bool = True) -> bool:
        """The value starts here (after spaces or punctuation; when `at_start`), or a "for" of its script
        stands before."""
        before = value[max(0, start - _BEFORE_WINDOW) : start]
        stripped = before.rstrip(" \t:,;-–—\"'«“(")
        if not stripped or (start <= _BEFORE_WINDOW and not stripped.strip()):
            return at_start
        last = stripped[-1]
        # (A vowel sign or tone mark ends a Khmer or Lao word: a letter there, not punctuation.)
        letter = last.isalpha() or (name in _FOR_ONLY and unicodedata.category(last) == "Mn")
        if not letter or last.isascii():
            return True  # after punctuation, a digit or a word of another script ("for คุณ...")
        words = self._before.get("persian" if name == "arabic" else name, ())
        return stripped.endswith(words)


# Latin-script honorifics that are everyday words too (cues.toml's [person_title_full]): a name only when a
# full name follows, two capitalised words ("Sayın Ahmet Yılmaz"; not "Sayın Müşterimiz", dear customer).
_LOW = "a-zß-öø-ÿĀ-žșț"
_CAPITALISED = rf"[{CAPITALS}][{_LOW}]{{1,24}}(?:-[{CAPITALS}][{_LOW}]{{1,24}})?"
_FULL_TITLE_WORDS = lexicon.words("person_title_full")
_FULL_TITLE = re.compile(
    lexicon.pattern(_FULL_TITLE_WORDS)
    + rf"[ \t]+(?P<first>{_CAPITALISED})[ \t]+(?P<last>{_CAPITALISED})(?![\w'])"
)
has_full_title_word = any_word(_FULL_TITLE_WORDS)


def full_name_after_title(text: Text, not_names: frozenset[str]) -> tuple[int, int] | None:
    """Where a full name (two capitalised words, neither in `not_names`) follows an honorific of
    [person_title_full] in `text`, or None."""
    for match in _FULL_TITLE.finditer(text.value):
        if match.group("first").lower() not in not_names and match.group("last").lower() not in not_names:
            return match.start("first"), match.end("last")
    return None
