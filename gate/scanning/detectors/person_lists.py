"""The word lists the PERSON rules read, each loaded once: given names (the shipped list and
gender-guesser's), given names that are also words, brands shaped like names, words that are no
surname, occasions a gift is for, and the lists of names in other scripts (data/names_scripts.toml)."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from gate.scanning import lexicon
from gate.scanning.context import fold_accents
from gate.scanning.normalise import normalise


def _read_words(name: str) -> frozenset[str]:
    text = resources.files("gate.scanning").joinpath("data", name).read_text(encoding="utf-8")
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@cache
def names_scripts() -> dict[str, dict[str, Any]]:
    """data/names_scripts.toml (names in scripts other than Latin, and name shapes), read once."""
    text = resources.files("gate.scanning").joinpath("data", "names_scripts.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def names_scripts_set(section: str, key: str) -> frozenset[str]:
    """One list of data/names_scripts.toml as a set; a string value is a run of single characters
    (whitespace ignored): "王李张" is {"王", "李", "张"}."""
    value = names_scripts()[section][key]
    return frozenset("".join(value.split())) if isinstance(value, str) else frozenset(value)


@cache
def occasion() -> re.Pattern[str]:
    """A holiday or occasion a gift is for (data/occasions.txt), in any case and script as `normalise`
    leaves it: "Fête des Mères" or "Нового Года" after "gift for" is no customer's name."""
    return re.compile(lexicon.pattern(sorted(_read_words("occasions.txt"), key=lambda w: (-len(w), w))))


@cache
def party_supplies() -> frozenset[str]:
    """Party supplies a greeting is printed on, in scripts without capitals (data/party_supplies.txt), as
    `normalise` leaves them: "কেক টপার" after "শুভ জন্মদিন" is a cake topper, not a person."""
    return frozenset(normalise(word) for word in _read_words("party_supplies.txt"))


def in_occasion(value: str, start: int, end: int) -> bool:
    """`value[start:end]` is (part of) an occasion ("Dzień Matki", "Year Eve" of "New Year Eve"). Read only
    for a pair already judged a name, which is rare."""
    return any(held.start() < end and held.end() > start for held in occasion().finditer(value))


@cache
def gazetteer() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(given names, given names that are also everyday words, brands shaped like names and historical
    figures (data/historical_figures.txt: GDPR Recital 27, the dead have no personal data), non-surnames)."""
    word_names = _read_words("word_names.txt")
    figures = _read_words("historical_figures.txt")
    # Greek and Cyrillic as the detectors read them: capitals normalised to their Latin look-alikes
    # ("Васил Левски" is "Bacил Лeвcки", lower-cased "bacил лeвcки").
    read_as = {normalise(figure.title()).lower() for figure in figures if not figure.isascii()}
    # ... and hyphens as spaces, as the run of words around a pair is compared ("sun yat sen").
    read_as |= {figure.replace("-", " ") for figure in figures | read_as if "-" in figure}
    return (
        _read_words("first_names.txt") - word_names,
        word_names,
        _read_words("name_brands.txt") | figures | read_as,
        _read_words("not_surnames.txt"),
    )


@cache
def surnames() -> frozenset[str]:
    """Common surnames (data/surnames.txt), accents folded: evidence beside a given name, never alone."""
    return frozenset(fold_name(word) for word in _read_words("surnames.txt"))


@cache
def world_names() -> frozenset[str]:
    """Given names of many countries (the shipped lists and `gender-guesser`'s), for names after a cue.
    data/given_names_more.txt adds the regions gender-guesser leaves out (Africa, Indonesia, the Andes ...).

    Too many of them are also words, places and brands ("Van", "Mercedes", "Romeo", "Am") for a bare
    capitalised pair to count: without a cue, only the shipped list is read."""
    shipped = _read_words("first_names.txt") | _read_words("given_names_more.txt")
    return (shipped | _world_first_names()) - _read_words("word_names.txt")


def fold_name(word: str) -> str:
    """`word` without accents, as the name lists spell most names ("bernabé" -> "bernabe", "łukasz" ->
    "lukasz")."""
    return word if word.isascii() else fold_accents(word)


def _world_first_names() -> frozenset[str]:
    """Given names of 50-odd countries from the `gender-guesser` package (Jörg Michael's nam_dict.txt,
    about 45,000 names from Europe, the Middle East, India and East Asia), lower-case, accents folded."""
    return frozenset(_world_table())


@cache
def common_names() -> frozenset[str]:
    """The given names a word alone is read as (`{"for": "Quentin"}`, "Joyeux anniversaire Quentin !"):
    the shipped lists, and gender-guesser's names with a frequency above "rare" in some country
    ("Queen", "Princess", "Nike" are listed there as rare names only)."""
    common = {name for name, frequency in _world_table().items() if frequency >= _COMMON}
    shipped = _read_words("first_names.txt") | _read_words("given_names_more.txt")
    return (frozenset(common) | shipped) - _read_words("word_names.txt")


# nam_dict.txt's frequency of a name in each country: one hexadecimal digit per column (1: rare, D: most
# common), in these columns of a line.
_FREQUENCIES = slice(30, 86)
_COMMON = 2


@cache
def _world_table() -> dict[str, int]:
    """gender-guesser's names (as `_world_first_names`) with their highest frequency in any country."""
    import gender_guesser  # noqa: PLC0415 - loaded once, on first use

    path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    names: dict[str, int] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            fields = line.split()
            if line[0] in "#=" or len(fields) < 2:
                continue
            name = fields[1]  # compound names are written "Jean+Pierre": left out, the parts are listed
            # Two letters ("Am", "Al", "Ed") are too often a word or an abbreviation.
            if name.isalpha() and len(name) > 2:
                digits = [int(ch, 16) for ch in line[_FREQUENCIES] if ch in "123456789ABCD"]
                folded = fold_name(name.lower())
                names[folded] = max(names.get(folded, 0), max(digits, default=0))
    return names
