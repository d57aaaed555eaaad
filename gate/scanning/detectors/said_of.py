"""Whether a sensitive word is said of a specific person: the person words and the window that health's
conditions (detectors/health.py) and the other special categories of Art. 9
(detectors/special_category.py) are read with, and how their data files are read.

The person words are data/health.toml's [persons], [pronouns] and [possessives], each also as `normalise`
may read it: "customer", "my wife", "Kundin", "elle", "клиентка", and a name after "for" ("pour Marie");
its [near_persons] ("min mand", "můj manžel", "äiti", "мій чоловік", "istri saya", "मेरी पत्नी") for the
languages read by nearness, and its [cjk_persons] for scripts written without spaces.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

from gate.scanning import lexicon
from gate.scanning.normalise import normalise


@cache
def data_table(name: str) -> dict[str, Any]:
    """A data file of gate/scanning/data (TOML), read once."""
    text = resources.files("gate.scanning").joinpath("data", name).read_text(encoding="utf-8")
    return tomllib.loads(text)


def nfkc_words(section: dict[str, list[str]]) -> tuple[str, ...]:
    """Every word of a section, in every language, in the file's order, in NFKC as `normalise` leaves
    text (Thai "ำ" is "ํา" there: "เคมีบำบัด", chemotherapy)."""
    return tuple(unicodedata.normalize("NFKC", word) for words in section.values() for word in words)


def readings(words: Iterable[str]) -> frozenset[str]:
    """`words` as written and as they read in normalised, lower-cased text."""
    return frozenset(form for word in words for form in lexicon.readings(word) | {word})


_PEOPLE = data_table("health.toml")
# A specific person: the one the condition or category is said of.
PERSON_WORDS = readings(nfkc_words(_PEOPLE["persons"]))
# Pronouns and possessives among them: not right before the word ("her pregnancy announcement" is a
# product's theme), so only the nouns count there ("cliente celíaco", "клиентка беременна").
PRONOUNS = readings(nfkc_words(_PEOPLE["pronouns"]))
POSSESSIVES = readings(nfkc_words(_PEOPLE["possessives"]))
WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
WINDOW = 48
# A name after "for" ("pour Marie", "para Carlos", "für Anna").
_NAME_AFTER_FOR = re.compile(r"\b(?:for|für|pour|para|per|voor|dla|pra)\s+[^\W\d_a-zà-ÿ][^\W\d_]+")


_ARABIC_LETTERS = "\u0620-\u064a"


def alternation(words: Iterable[str]) -> str:
    """`words` as one regex alternation, each escaped, the longest first (so a longer word wins)."""
    return "|".join(re.escape(word) for word in sorted(set(words), key=lambda w: (-len(w), w)))


def arabic_words(words: Iterable[str]) -> str:
    """`words` as whole Arabic words, each maybe after the joined "and"/"so" and "for"/"with"/"like"
    ("وزوجتي", "لأمي") or, with the article, as "for the" writes it ("العميل" -> "للعميل"); never inside a
    longer word ("ابي", my father, is inside "مصابين")."""
    words = set(words)
    forms = words | {"لل" + word[2:] for word in words if word.startswith("ال")}
    return f"(?<![{_ARABIC_LETTERS}])(?:[وف]?[لبك])?(?:{alternation(forms)})(?![{_ARABIC_LETTERS}])"


# Arabic persons (health.toml [arabic_persons]) and pronouns, as whole words.
ARABIC_PERSONS = arabic_words(_PEOPLE["arabic_persons"]["ar"] + _PEOPLE["arabic_persons"]["pronouns"])
# One patient, or one afflicted ("لمريض مصاب بالسرطان"): [arabic_persons] singular.
ARABIC_PERSON = re.compile(ARABIC_PERSONS + "|" + arabic_words(_PEOPLE["arabic_persons"]["singular"]))


# A person phrase of the languages read by nearness ("min mand", "můj manžel", "äiti", "мій чоловік").
NEAR_PERSONS = nfkc_words(_PEOPLE["near_persons"])
# Scripts written without spaces (data/health.toml's [cjk_persons]), as `normalise` leaves them, longest
# first: a person word within `CJK_WINDOW` characters before a word ("お客様は", "我丈夫是").
CJK_PERSONS = tuple(
    sorted(set(map(normalise, nfkc_words(_PEOPLE["cjk_persons"]))), key=lambda word: (-len(word), word))
)
_CJK_PERSON = re.compile("|".join(map(re.escape, CJK_PERSONS)))
CJK_WINDOW = 16  # "お客様は重度の卵アレルギー": a person, a particle, then up to two qualifiers


def cjk_person_before(value: str, start: int) -> bool:
    """A person word of the scripts without spaces within `CJK_WINDOW` characters before `start`."""
    return _CJK_PERSON.search(value, max(0, start - CJK_WINDOW), start) is not None


_NEAR_PERSON = re.compile(lexicon.pattern(NEAR_PERSONS))


def person_before(value: str, start: int) -> bool:
    """A person word, a person phrase of the languages read by nearness ("min far", "můj manžel") or a
    name after "for", within `WINDOW` characters before `start`."""
    before = value[max(0, start - WINDOW) : start].lower()
    if any(word in PERSON_WORDS for word in WORD.findall(before)):
        return True
    if _NAME_AFTER_FOR.search(value, max(0, start - WINDOW), start) is not None:
        return True
    return _NEAR_PERSON.search(value, max(0, start - WINDOW), start) is not None


def near_pattern(words: Iterable[str], linking: Iterable[str]) -> str:
    """A person phrase of the languages read by nearness, then one of `words` right after it or after up
    to two of `linking` ("min mand er muslim", "istri saya mualaf", "äitini on jehovan todistaja"): not
    any word between, since "ibu saya suka baju muslim" (my mother likes Muslim clothes) says nothing of
    her. `words` as `lexicon.pattern` reads them (a trailing "*" is a stem). The regex's source: its
    caller joins it to more before compiling (a compile of its own cost 0.1 s at import, for nothing)."""
    gap = r"[\s,\u2013\u2014-]*"
    return (
        "(?:"
        + lexicon.pattern(NEAR_PERSONS)
        + ")(?:"
        + gap
        + "(?:"
        + lexicon.pattern(linking)
        + ")){0,2}"
        + gap
        + "(?:"
        + lexicon.pattern(words)
        + ")"
    )
