# ruff: noqa: RUF001, RUF002, RUF003 - Greek, Cyrillic, Arabic, Hebrew and CJK text, on purpose
"""PERSON in scripts other than Latin, without a cue: the shape of a full name in each script.

A word alone is ambiguous in every script ("Надежда" is hope, "نور" light, "高" high), so each rule asks
for the shape of a full name (data/names_scripts.toml):
- Greek and Cyrillic: two or three capitalised words, one a given name (transliterated with `anyascii`
  and looked up in gender-guesser's ~36,000 given names, in its case forms: "Ивана" is "Иван") and
  another with a surname's or patronymic's ending ("-ов", "-енко", "-ович", "-πουλος", "-ίδης", "-ου");
  after a bare "for" ("для", "για", "за"), a given name and any capitalised word. `normalise` has read
  some of their letters as Latin look-alikes ("Пeтpoв"): they are read back in the word's script first.
- Arabic script (Arabic, Persian) and Hebrew: a listed given name and another word; a given name that is
  also an everyday word ("נור", "אור") only with a listed surname or a second given name.
- Chinese, Japanese and Korean: person_cjk.py's rules, asked last.
Text with none of these scripts' letters costs one regex search.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise
from typing import Any

from anyascii import anyascii

from gate.scanning import lexicon
from gate.scanning.context import fold_accents
from gate.scanning.detectors.person_cjk import EastAsianNames
from gate.scanning.detectors.person_lists import names_scripts
from gate.scanning.detectors.person_lists import names_scripts_set as _set
from gate.scanning.normalise import confusable_table, normalise

_CYRILLIC, _GREEK = "cyrillic", "greek"
_OTHER_SCRIPTS = re.compile(
    "[\u0370-\u03ff\u0400-\u04ff\u05d0-\u05ea\u0620-\u064a\u066e-\u06d3\u3041-\u30fa\u3400-\u4dbf"
    "\u4e00-\u9fff\uac00-\ud7a3]"
)
_GREEK_OR_CYRILLIC = re.compile("[\u0370-\u03ff\u0400-\u04ff]")
# A capitalised word of Latin, Greek or Cyrillic letters as `normalise` leaves them, and a run of two or
# three of them (the second and third are look-aheads, so "Портрет Ивана Петрова" is tried at each word).
_UP, _LOW = lexicon.UPPER, lexicon.LOWER
# (A capital Greek iota or Ukrainian "І" reads as a small "l" after `normalise`: "lππoκpάτης"; a
# Cyrillic "З" as "3", "б" as "6": "3aкycилo", "Кoбзapь" -> "Кo6зap".)
_CASED = rf"[{_UP}l3][{_LOW}6]{{1,24}}(?:-[{_UP}l3][{_LOW}6]{{1,24}})?"
_CASED_RUN = re.compile(rf"(?<![\w'’-])({_CASED})(?=[ \t]+({_CASED})(?:[ \t]+({_CASED}))?(?![\w'’]))")
# Words in capitals (Greek and Cyrillic, with the Latin look-alikes `normalise` made of some), two in a row.
_CAPITAL = "A-Z\u0391-\u03a9\u0386-\u038f\u0400-\u042f"
# (A capital iota reads as "l", a soft sign "Ь" as "b", a "З" as "3" after `normalise`.)
_CAPITAL_WORD = re.compile(rf"(?<![\w])[{_CAPITAL}][{_CAPITAL}bl3]{{1,24}}(?![\w])")
_CAPITALS_RUN = re.compile(rf"[{_CAPITAL}][{_CAPITAL}bl3]+[ \t]+[{_CAPITAL}][{_CAPITAL}bl3]+")
_ARABIC_WORD = re.compile("[\u0620-\u064a\u066e-\u06d3]{2,20}")
_HEBREW_WORD = re.compile("[\u05d0-\u05ea]{2,15}")
# What may stand between two words of a name in the caseless scripts: spaces only.
_SPACES = re.compile("[ \t]+")
# Prefixes Hebrew and Arabic join to the next word: "ליוסי", "לمحمد", "وأحمد".
_HE_PREFIXES = "לבוהשמ"
_AR_PREFIXES = "لوبف"
# Arabic and Persian write some letters differently ("علي"/"علی", "كريم"/"کریم"): read as one.
_ARABIC_FOLD = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک"})
# Arabic's function words (prepositions, conjunctions, pronouns, demonstratives, particles): never a
# surname after a given name ("سافرت ليلى إلى القاهرة": Layla travelled to Cairo). Held as written and
# as `_arabic_letters` folds them, since the second word is compared folded ("إلى" is "إلی" then).
_AR_FUNCTION_WORDS = (
    "في", "من", "على", "إلى", "الى", "مع", "عن", "أو", "او", "ثم", "هو", "هي", "هم", "هن", "أنا", "انا",
    "نحن", "أنت", "انت", "التي", "الذي", "الذين", "اللذان", "هذا", "هذه", "ذلك", "تلك", "هناك", "هنا",
    "كان", "كانت", "يكون", "تكون", "قد", "لقد", "لم", "لن", "لا", "ما", "إن", "ان", "أن", "إذا", "اذا",
    "كما", "حتى", "بعد", "قبل", "عند", "منذ", "خلال", "بين", "حول", "ضد", "نحو", "لدى", "كل", "بعض",
    "غير", "عبر", "أيضا", "ايضا", "أيضاً", "جدا", "جداً", "لكن", "بل", "حيث", "عندما", "لأن", "لان",
)  # fmt: skip
# ... nor the noun of a quality a product is praised for after an adjective that is also a given name
# ("عادل السعر": fair of price, "جميل الشكل", "كريم الأصل"; names20).
_AR_QUALITIES = (
    "السعر", "الأسعار", "الشكل", "الصنع", "الجودة", "الملمس", "اللون", "الألوان", "الوزن", "التصميم",
    "المظهر", "الحجم", "الاستخدام", "المنظر", "الرائحة", "الطعم", "المذاق", "الخامة", "النوع", "القيمة",
    "الأداء", "الأصل", "الثمن", "التكلفة", "الصوت", "الملمح",
)  # fmt: skip
_AR_NOT_SURNAME = frozenset(_AR_FUNCTION_WORDS + _AR_QUALITIES) | {
    word.translate(_ARABIC_FOLD) for word in _AR_FUNCTION_WORDS + _AR_QUALITIES
}
_HE_NOT_SURNAME = frozenset(("של", "עם", "על", "את", "או", "גם", "הוא", "היא", "זה", "זו", "כל"))
_AR_SON = frozenset(("بن", "ابن", "بنت", "آل"))
# Endings of Persian surnames ("رضایی", "حسین‌زاده", "علی‌پور"): after a given name that is also a word.
_FA_SURNAME = ("یی", "زاده", "پور", "نژاد", "یان")
# Other spellings of a transliteration, as the lists may write it.
_SPELLINGS = (
    ("iya", "ia"),
    ("iya", "ija"),
    ("iy", "i"),
    ("iy", "ij"),
    ("ya", "ja"),
    ("yu", "ju"),
    ("kh", "h"),
)


def names_data() -> dict[str, dict[str, Any]]:
    """data/names_scripts.toml, read once."""
    return names_scripts()


def romanised_surnames() -> frozenset[str]:
    """East Asian surnames as written in Latin letters ("li", "kim", "nguyen"), lower case."""
    return _set("surnames", "romanised")


@cache
def _read_back() -> dict[str, dict[int, str]]:
    """For each of Greek and Cyrillic: the Latin look-alikes `normalise` made, back to that script's
    letters ("p" -> "р" in a Cyrillic word, "ρ" in a Greek one)."""
    out: dict[str, dict[int, str]] = {_CYRILLIC: {}, _GREEK: {}}
    for code, latin in sorted(confusable_table().items()):
        if len(latin) != 1 or not latin.isalnum():
            continue
        script = _CYRILLIC if 0x400 <= code <= 0x4FF else _GREEK if 0x370 <= code <= 0x3FF else None
        if script is not None:
            out[script].setdefault(ord(latin), chr(code))
    return out


class ScriptNames:
    """The rules of the module docstring, with their lists loaded once."""

    def __init__(self, given_names: frozenset[str]) -> None:
        """`given_names`: given names in Latin letters, lower case, accents folded (gender-guesser's)."""
        self._given = given_names
        self._endings = {s: tuple(names_scripts()["surname_endings"][s]) for s in (_CYRILLIC, _GREEK)}
        self._strong = {
            s: tuple(_skeletons(_set("strong_surname_endings", s), s)) for s in (_CYRILLIC, _GREEK)
        }
        self._not_names = {s: _skeletons(_set("not_names", s), s) for s in (_CYRILLIC, _GREEK)}
        self._word_given = {s: _skeletons(_set("word_given", s), s) for s in (_CYRILLIC, _GREEK)}
        self._word_given |= {
            s: frozenset(map(_arabic_letters, _set("word_given", s))) for s in ("arabic", "hebrew")
        }
        self._native_given = {
            s: frozenset(map(_arabic_letters, _set("given", s))) - self._word_given[s]
            for s in ("arabic", "hebrew")
        }
        self._he_surnames = _set("surnames", "hebrew")
        self._east_asian = EastAsianNames(given_names)
        shapes = names_scripts()["latin_surname_shapes"]
        # Compared with words whose accents are folded ("Kərimzadə" reads "kerimzade").
        self._latin_endings = tuple({fold_accents(ending) for ending in shapes["endings"]})
        self._latin_starts = tuple(shapes["starts"])
        self._south_asian = frozenset(names_scripts()["south_asian"]["surnames"])
        # A bare "for" is one or two words: looked up as the words before a run (a regex over a window
        # before every capitalised run cost a tenth of a second on 72 KB of capitalised Greek).
        self._bare_for = frozenset(
            r for word in lexicon.words("person_for_bare") for r in lexicon.readings(word)
        )

    def native_given(self, word: str) -> bool:
        """`word` (Arabic or Hebrew letters, maybe with a joined "for"/"and" prefix: "لأحمد") is a
        listed given name that is no everyday word."""
        for script, prefixes in (("arabic", _AR_PREFIXES), ("hebrew", _HE_PREFIXES)):
            given = self._native_given[script]
            if _unprefixed(_arabic_letters(word), given, prefixes) in given:
                return True
        return False

    def latin_surname(self, word: str) -> bool:
        """`word` (lower case, accents folded) has the shape of a surname in Latin letters, or is a
        common South Asian surname of four letters or more ("Menon", "Bajaj", "Gandhi")."""
        return (
            len(word) >= _MIN_SHAPED
            and (word.endswith(self._latin_endings) or word.startswith(self._latin_starts))
        ) or (len(word) >= _MIN_LISTED and word in self._south_asian)

    def find(self, value: str) -> tuple[int, int] | None:
        """Where `value` (normalised, not ASCII) holds a full name in one of these scripts, or None."""
        if _OTHER_SCRIPTS.search(value) is None:
            return None
        return (
            (self._cased(value) if _GREEK_OR_CYRILLIC.search(value) is not None else None)
            or self._arabic(value)
            or self._hebrew(value)
            or self._east_asian.han(value)
            or self._east_asian.korean(value)
            or self._east_asian.kana(value)
        )

    # Greek and Cyrillic
    def _cased(self, value: str) -> tuple[int, int] | None:
        for run in _CASED_RUN.finditer(value):
            # Words of the script only: "Θωμόπουλος Mode SRL" is a Greek name and a Latin word.
            words = []
            for word in run.groups():
                if not word or word.isascii():
                    break
                words.append(word)
            script = next((s for w in words if (s := _script(w)) is not None), None)
            if script is None or len(words) < 2:
                continue
            span = (run.start(1), run.end(len(words)))
            read = [_skeleton(word, script) for word in words]
            if any(word in self._not_names[script] for word in read[:2]):
                continue
            # A patronymic or a surname of an unmistakable ending beside a capitalised word: "Гедеон
            # Абрамович", "Ганна Колесниченко", "Κυβέλη Σιδηροπούλου".
            if any(len(word) > 5 and word.endswith(self._strong[script]) for word in read[:2]):
                return span
            # The set lookups of a given name (several spellings each) only where a surname's shape or a
            # bare "for" can complete it.
            shaped = [self._is_surname(word, script) for word in read]
            bare = self._after_bare_for(value, run.start(), read[0], script)
            if bare and any(shaped[1:]):
                return span  # "тениска за Гълъбица Куртажова": a bare "for" and a surname's shape
            if (bare or any(shaped[1:])) and self._is_given(read[0], script):
                return span
            if shaped[0] and self._is_given(read[1], script):
                return span
        return None

    @staticmethod
    def capitalised(value: str) -> str | None:
        """`value` with its Greek and Cyrillic words in capitals ("ДЛЯ ОЛЬГИ ПЕТРОВОЙ") written as
        capitalised words of the same length ("Для Ольги Петровой"), their Latin look-alikes read back in
        their script first; None when it has no two such words in a row."""
        if _GREEK_OR_CYRILLIC.search(value) is None or _CAPITALS_RUN.search(value) is None:
            return None
        parts, last = [], 0
        # A word all of look-alikes ("TAPACA" of "ТАРАСА") is read in the script of the text's first word.
        default = _script(value)
        for word in _CAPITAL_WORD.finditer(value):
            script = _script(word.group()) or default
            if script is None:
                continue
            read = word.group().translate(_read_back()[script])
            parts += [value[last : word.start()], read[0] + read[1:].lower()]
            last = word.end()
        return "".join(parts) + value[last:] if parts else None

    def cased_name(self, words: list[str], script: str) -> bool:
        """Greek or Cyrillic `words` (as `normalise` leaves them) after a cue of another language: a given
        name, or a surname's ending beside a word (one word: a given name that is no everyday word)."""
        read = [_skeleton(word, script) for word in words]
        if any(word in self._not_names[script] for word in read):
            return False
        if len(read) == 1:
            return read[0] not in self._word_given[script] and self._is_given(read[0], script)
        return any(self._is_surname(word, script) for word in read) or self._is_given(read[0], script)

    def _after_bare_for(self, value: str, start: int, first: str, script: str) -> bool:
        """A bare "for" ("для", "για τον") comes right before `start`, and `first` is no word-like name."""
        before = value[max(0, start - _BARE_WINDOW) : start]
        if not before.endswith((" ", "\t")) or first in self._word_given[script]:
            return False
        words = [word.lstrip(_OPENING).lower() for word in before.split()[-2:]]
        return bool(words) and (
            words[-1] in self._bare_for
            or fold_accents(words[-1]) in self._bare_for
            or " ".join(words) in self._bare_for
            or fold_accents(" ".join(words)) in self._bare_for
        )

    def _is_surname(self, word: str, script: str) -> bool:
        return len(word) >= 4 and word.endswith(self._endings[script]) and word not in self._not_names[script]

    def _is_given(self, word: str, script: str) -> bool:
        """`word` (lower case, in its script) is a given name, in one of its case forms."""
        forms = [word]
        if script == _CYRILLIC and len(word) > 3 and word[-1] in "ауюеиыяой":
            forms += [word[:-1], word[:-1] + "а", word[:-1] + "й", word[:-1] + "я"]  # Ивана, Анны, Марии
        elif script == _GREEK:
            if word[-1:] in ("ο", "η", "α") and len(word) > 3:
                forms += [word + "ς", word[:-1] + "ος", word[:-1] + "ης"]  # Γιώργο, Γιάννη (accusative)
            forms = [_greek_latin(f) for form in forms for f in _sigmas(form)]
        for form in forms:
            latin = anyascii(form).lower().replace("'", "")
            # "Ксения" reads "kseniya"; the lists spell "ksenia" or "ksenija" too.
            if latin in self._given or any(
                latin.replace(old, new) in self._given for old, new in _SPELLINGS if old in latin
            ):
                return True
        return False

    # Arabic script and Hebrew
    def _arabic(self, value: str) -> tuple[int, int] | None:
        given, word_given = self._native_given["arabic"], self._word_given["arabic"]
        words = list(_ARABIC_WORD.finditer(value))
        # A word, "son of", "daughter of" or "family of", and a word: a name whatever its given name
        # ("خلف آل خضير", "عبد الواحد آل رفيع", "سالم بن راشد").
        for before, middle, after in zip(words, words[1:], words[2:], strict=False):
            if (
                middle.group() in _AR_SON
                and _SPACES.fullmatch(value, before.end(), middle.start()) is not None
                and _SPACES.fullmatch(value, middle.end(), after.start()) is not None
                and before.group() not in _AR_NOT_SURNAME
            ):
                return before.start(), after.end()
        for first, second in pairwise(words):
            if _SPACES.fullmatch(value, first.end(), second.start()) is None:
                continue
            name = _unprefixed(_arabic_letters(first.group()), given | word_given, _AR_PREFIXES)
            last = _arabic_letters(second.group())
            if (
                (name in given and last not in _AR_NOT_SURNAME)
                or (
                    name in word_given
                    and (last in given or last in _AR_SON or last.endswith(_FA_SURNAME) or _nisba(last))
                )
                or (name == "عبد" and last.startswith("ال"))  # "عبد الرحمن": a given name of two words
            ):
                return first.start(), second.end()
        return None

    def _hebrew(self, value: str) -> tuple[int, int] | None:
        given, word_given = self._native_given["hebrew"], self._word_given["hebrew"]
        surnames = self._he_surnames
        words = list(_HEBREW_WORD.finditer(value))
        for first, second in pairwise(words):
            if _SPACES.fullmatch(value, first.end(), second.start()) is None:
                continue
            name, last = _unprefixed(first.group(), given | word_given, _HE_PREFIXES), second.group()
            if (name in given and last not in _HE_NOT_SURNAME) or (name in word_given and last in surnames):
                return first.start(), second.end()
        return None


_MAX_SIGMAS = 4
_BARE_WINDOW = 16
_OPENING = "([{\"'«“„‘"
_MIN_SHAPED = 6
_MIN_LISTED = 4
_MIN_NISBA = 5


def _nisba(word: str) -> bool:
    """`word` (Arabic letters, folded) has a family name's shape: "ال" ... "ي" ("الشمري", "العتيبي"), the
    nisba that follows a given name which is also an everyday word ("عادل الشمري", not "عادل السعر")."""
    return len(word) >= _MIN_NISBA and word.startswith("ال") and word.endswith(("ي", "ی"))


def _arabic_letters(word: str) -> str:
    return word.translate(_ARABIC_FOLD)


def _skeleton(word: str, script: str) -> str:
    """`word` in lower case, its Latin look-alikes read back in `script`; in Greek, "σ" as "ο" (both
    are "o" after `normalise`)."""
    read = word.translate(_read_back()[script]).lower()
    return read.replace("σ", "ο") if script == _GREEK else read


def _skeletons(words: frozenset[str], script: str) -> frozenset[str]:
    return frozenset(_skeleton(normalise(word), script) for word in words)


def _sigmas(word: str) -> list[str]:
    """The Greek words `word` can be, each "ο" read as "ο" or as "σ" (the first four)."""
    out = [""]
    seen = 0
    for ch in word:
        if ch == "ο" and seen < _MAX_SIGMAS:
            seen += 1
            out = [prefix + letter for prefix in out for letter in "οσ"]
        else:
            out = [prefix + ch for prefix in out]
    return out


# Greek digraphs as names are spelled in Latin letters ("Σταύρος" is "Stavros", not "Stayros").
_GREEK_DIGRAPHS = (
    ("ου", "ou"),
    ("ού", "ou"),
    ("αυ", "av"),
    ("αύ", "av"),
    ("ευ", "ev"),
    ("εύ", "ev"),
    ("γγ", "ng"),
)


def _greek_latin(word: str) -> str:
    for greek, latin in _GREEK_DIGRAPHS:
        word = word.replace(greek, latin)
    return word


def _script(word: str) -> str | None:
    for ch in word:
        if "\u0400" <= ch <= "\u04ff":
            return _CYRILLIC
        if "\u0370" <= ch <= "\u03ff":
            return _GREEK
    return None


def _unprefixed(word: str, names: frozenset[str], prefixes: str) -> str:
    """`word`, or `word` without a one-letter prefix its language joins to a name ("ליוסי" -> "יוסי")."""
    if word not in names and word[0] in prefixes and word[1:] in names:
        return word[1:]
    return word
