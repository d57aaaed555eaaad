"""PERSON in the Brahmic scripts of South Asia (Devanagari, Bengali, Gurmukhi, Gujarati, Odia, Tamil,
Telugu, Kannada, Malayalam, Sinhala), without a cue: a given name and a surname.

These scripts have no capitals, and most words of a prompt can be read as a given name somewhere, so a
full name is asked for: two words of these scripts, the first a given name of gender-guesser's list
(which holds India's and other South Asian countries') and the second a common surname of
data/names_scripts.toml (`[south_asian]`), or the first a given name that is no everyday word
and the second followed by a postposition that follows a person ("नेहा महराजी के लिए", "রাজু বোসের জন্য"
is read by its separate "জন্য").

Both are compared in Latin letters: each word is transliterated letter by letter from its Unicode
character names ("DEVANAGARI LETTER KA" is "ka", a vowel sign replaces the inherent "a", a virama
removes it), then both sides are reduced to a spelling key (aspirates, long vowels, "w"/"v", "sh"/"s"
and a final "a" folded), so "लक्ष्मण" (laksmana) meets "Lakshman" and "तिवारी" meets "Tiwari".
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from itertools import pairwise

from gate.scanning.detectors.person_scripts import names_data
from gate.scanning.normalise import normalise

# Letters of the Brahmic scripts, from Devanagari to Sinhala (with their vowel signs and viramas, which
# are marks, not letters: a word is a run of the block, its punctuation and digits left out).
_BRAHMIC_WORD = re.compile(
    "[\u0900-\u0963\u0971-\u09e3\u09f0-\u0ae3\u0af0-\u0be5\u0bf0-\u0de5\u0df0-\u0dff]+"
)
# The first byte of every character of U+0800-U+0FFF in UTF-8, the Brahmic block among them: text whose
# UTF-8 lacks it holds none of their letters, and that is one encode and one `in` (personfast26: the
# search of the class scanned every text beyond ASCII, 14 thousand instructions a European one).
_BLOCK_LEAD = b"\xe0"
_SPACES = re.compile("[ \t]+")
_VOWELS = frozenset(
    (
        "A", "AA", "I", "II", "U", "UU", "E", "AI", "O", "AU", "VOCALIC R", "VOCALIC RR", "VOCALIC L",
        "VOCALIC LL", "CANDRA E", "SHORT E", "SHORT O", "CANDRA O", "EE", "OO",
    )
)  # fmt: skip
# Consonants whose Unicode names spell them otherwise than names are written in Latin letters.
_CONSONANTS = {
    "CA": "cha", "CHA": "chha", "TTA": "ta", "TTHA": "tha", "DDA": "da", "DDHA": "dha", "NNA": "na",
    "NNNA": "na", "SSA": "sha", "NYA": "na", "NGA": "na", "LLA": "la", "LLLA": "la", "RRA": "ra",
    "DDDHA": "rha", "YYA": "ya", "KHANDA TA": "t",
}  # fmt: skip
_VOWEL_SIGNS = {"VOCALIC R": "ri", "VOCALIC RR": "ri"}
_NASALS = ("SIGN ANUSVARA", "SIGN CANDRABINDU")
# Spelling differences folded on both sides, in order ("chh" before "ch", "sh" before "h" rules).
_FOLDS = (
    ("chh", "c"), ("ch", "c"), ("sh", "s"), ("ph", "f"), ("w", "v"), ("th", "t"), ("dh", "d"), ("bh", "b"),
    ("kh", "k"), ("gh", "g"), ("jh", "j"), ("ee", "i"), ("oo", "u"), ("ow", "au"), ("ou", "au"), ("y", "i"),
    ("x", "ks"), ("q", "k"), ("z", "j"),
)  # fmt: skip
_DOUBLED = re.compile(r"(.)\1+")
_MIN_KEY = 3
_NAME_WORDS = 2  # a given name and a surname
_NO_VOWELS = str.maketrans("", "", "aeiou")
# Tamil writes one letter for k/g, c/s/j (not Grantha "ஜ"), t/d and p/b, and a vowel inside a cluster of
# a loanword ("பிரியா" piriyaa, Priya; "சுப்பிரமணியன்", Subramanian): compared on both sides with these
# folded and an initial "Cir"/"Cur" read as "Cr".
_TAMIL_LETTERS = re.compile("[\u0b80-\u0bff]")
_TAMIL_FOLD = str.maketrans({"g": "k", "s": "c", "d": "t", "b": "p"})
_TAMIL_CLUSTER = re.compile(r"^([kcptmv])[iu](?=r)")


def transliterate(word: str) -> str:
    """`word` (one word of a Brahmic script) in Latin letters, lower case, read from its letters' names."""
    out: list[str] = []
    inherent = False  # the last letter is a consonant still carrying its inherent "a"
    for ch in word:
        kind, _, name = unicodedata.name(ch, "").partition(" ")
        if not kind:
            continue
        if name.startswith("LETTER "):
            letter = name[7:]
            if letter in _VOWELS:
                out.append(letter.lower())
                inherent = False
            else:
                consonant = _CONSONANTS.get(letter, letter.lower())
                out.append(consonant)
                inherent = consonant.endswith("a")
        elif name.startswith("VOWEL SIGN "):
            sign = name[11:]
            if inherent:
                out[-1] = out[-1][:-1]
            out.append(_VOWEL_SIGNS.get(sign, sign.lower()))
            inherent = False
        elif name.endswith("VIRAMA"):
            if inherent:
                out[-1] = out[-1][:-1]
            inherent = False
        elif name in _NASALS:
            out.append("n")
            inherent = False
        elif name == "SIGN VISARGA":
            out.append("h")
            inherent = False
    return "".join(out)


def spelling_key(latin: str) -> str:
    """A Latin spelling of a South Asian name reduced so that its usual spellings meet ("Lakshman",
    "laksmana" -> "laksman"; "Tiwari", "tivari" -> "tivari")."""
    key = latin.lower()
    for old, new in _FOLDS:
        key = key.replace(old, new)
    key = key.replace("aa", "a").replace("ii", "i").replace("uu", "u")
    key = _DOUBLED.sub(r"\1", key)
    # Hindi drops a word's final inherent "a" in speech and in Latin spellings ("Lakshman", "Rohit");
    # English spellings add a silent "e" ("Bose").
    return key[:-1] if key.endswith(("a", "e")) and len(key) > _MIN_KEY else key


def consonants(key: str) -> str:
    """A spelling key's consonants: the inherent "a" a script writes or drops inside a word ("সিনহা" reads
    "sinaha", the name is spelled "Sinha") leaves them as they are."""
    return key[:1] + key[1:].translate(_NO_VOWELS)


def tamil_key(key: str) -> str:
    """A spelling key as Tamil letters can tell it apart ("subramanian" and "cupiramanian" ->
    "cupramanian")."""
    return _TAMIL_CLUSTER.sub(r"\1", key.translate(_TAMIL_FOLD))


@cache
def _tamil_keys(names: frozenset[str]) -> frozenset[str]:
    return frozenset(tamil_key(key) for key in _keys(names))


@cache
def _tamil_skeletons(names: frozenset[str]) -> frozenset[str]:
    return frozenset(s for key in _tamil_keys(names) if len(s := consonants(key)) >= _MIN_KEY)


@cache
def _keys(names: frozenset[str]) -> frozenset[str]:
    return frozenset(spelling_key(name) for name in names if name.isalpha())


@cache
def _skeletons(names: frozenset[str]) -> frozenset[str]:
    """The `consonants` of `names`' keys, where they are long enough to say something (three letters)."""
    return frozenset(s for name in names if len(s := consonants(spelling_key(name))) >= _MIN_KEY)


class IndicNames:
    """The rule of the module docstring, with its lists loaded on first use."""

    def __init__(self, given_names: frozenset[str]) -> None:
        """`given_names`: given names in Latin letters, lower case (gender-guesser's)."""
        self._given_names = given_names
        data = names_data()
        self._surnames = frozenset(data["south_asian"]["surnames"])
        self._word_given = frozenset(data["south_asian"]["word_given"])
        # As `normalise` leaves them: it reads the Telugu and Kannada anusvara as "o" ("కోసం" -> "కోసo").
        self._after = tuple({normalise(word) for word in data["south_asian"]["after_name"]})
        self._not_surnames = frozenset(data["south_asian"]["not_surnames"])

    def find(self, value: str) -> tuple[int, int] | None:
        """Where `value` holds a full name written in a Brahmic script, or None."""
        if _BLOCK_LEAD not in value.encode("utf-8", "surrogatepass"):
            return None
        words = list(_BRAHMIC_WORD.finditer(value))
        if len(words) < _NAME_WORDS:
            return None
        given = _keys(self._given_names)
        for first, second in pairwise(words):
            if (
                _SPACES.fullmatch(value, first.end(), second.start()) is None
                or second.group() in self._not_surnames
            ):
                continue
            if _TAMIL_LETTERS.match(first.group()) and _TAMIL_LETTERS.match(second.group()):
                is_given = tamil_key(spelling_key(transliterate(first.group()))) in _tamil_keys(
                    self._given_names
                )
                is_surname = self._tamil_surname(second.group())
            else:
                is_given = spelling_key(transliterate(first.group())) in given
                is_surname = self._surname(second.group())
            if is_given and is_surname:
                return first.start(), second.end()
            # One of the two, and a postposition after them ("तिवारी का", "महराजी के लिए").
            if (
                (is_given or is_surname)
                and first.group() not in self._word_given
                and self._followed(value, second.end())
            ):
                return first.start(), second.end()
        return None

    def given(self, word: str) -> bool:
        """`word` (one word of a Brahmic script) is a given name of the list that is no everyday word."""
        if word in self._word_given:
            return False
        key = spelling_key(transliterate(word))
        if _TAMIL_LETTERS.match(word):
            return tamil_key(key) in _tamil_keys(self._given_names)
        return key in _keys(self._given_names)

    def _surname(self, word: str) -> bool:
        key = spelling_key(transliterate(word))
        return key in _keys(self._surnames) or (
            len(skeleton := consonants(key)) >= _MIN_KEY and skeleton in _skeletons(self._surnames)
        )

    def _tamil_surname(self, word: str) -> bool:
        key = tamil_key(spelling_key(transliterate(word)))
        return key in _tamil_keys(self._surnames) or (
            len(skeleton := consonants(key)) >= _MIN_KEY and skeleton in _tamil_skeletons(self._surnames)
        )

    def _followed(self, value: str, end: int) -> bool:
        """A postposition that follows a person comes next ("के लिए", "का", "এর জন্য")."""
        window = value[end : end + 24]
        rest = window.lstrip(" \t")
        return rest != window and any(
            rest.startswith(word) and _BRAHMIC_WORD.match(rest, len(word)) is None for word in self._after
        )
