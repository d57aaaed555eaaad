"""PERSON under a key that names the person itself (`{"customer": "Guðrún Sigurðardóttir"}`,
`{"pelanggan": "Nurul Aisyah binti Ahmad"}`, `{"მომხმარებელი": "ნინო ბერიძე"}`), also when the name is
kept as its parts (`{"customer": ["Dupont", "Jean-Baptiste"]}`, `{"people": [["Kwabena", "Asante"]]}`)
or joined as an identifier (`{"requester": "annaKowalska"}`, read as `person_joined` reads one).

Such a key is a label of data/cues.toml (`person_label`: customer, recipient and their words in every
language listed there) or one of the English role words below. Unlike a name key (`first_name`), it can
hold other things ("Returning Customer", "Acme GmbH", "guest", an id), so its value must have the shape
of a full name: two to five words, no digit or symbol, each word capitalised in a script with capitals
(or any word of a script without them), no company; in plain ASCII one word must also read as a name
(a given name of the wider list, or a surname's telling ending), so "Walk In Customer" stays clean.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from typing import Any

from gate.scanning import lexicon
from gate.scanning.context import key_fragments, key_info
from gate.scanning.detectors.keyed_rule import KeyedRule, keyset
from gate.scanning.detectors.person_joined import joined_name
from gate.scanning.detectors.person_keyed import is_organisation
from gate.scanning.detectors.person_lists import common_names, fold_name, gazetteer, world_names
from gate.scanning.detectors.person_scripts import ScriptNames

_MAX_NAME_CHARS = 60
_MAX_PART_CHARS = 40
_MIN_WORDS, _MAX_WORDS = 2, 5
_MAX_PARTS = 4
_MAX_ITEMS = 8
# Particles inside a full name ("Sanne de Vries", "Nurul Aisyah binti Ahmad", "Síle Ní Bhriain").
PARTICLES = frozenset(
    (
        "de", "da", "del", "della", "di", "do", "dos", "das", "du", "des", "la", "le", "van", "von", "der",
        "den", "ter", "te", "zu", "af", "y", "e", "i", "bin", "binti", "bint", "ibn", "al", "el", "ben",
        "bat", "ní", "nic", "mac", "ó", "ua", "uí", "ap",
    )
)  # fmt: skip
_SYMBOLS = frozenset('@/\\:#=<>{}[]|_*+%$&;?!"()0123456789')
# Labels that are the bare word "name" in their language: under them a product's name is as likely
# ({"नाम": "कॉफी मग"}), so they are not read here.
_BARE_NAME_WORDS = frozenset(("নাম", "नाम", "नाव", "பெயர்", "పేరు", "ชื่อ"))
# English role words a pipeline names the person field with, beside the labels of data/cues.toml.
# The field of a short record that holds the person it is about, beside the name keys: a model release's
# "model", a shoot's "talent" or "subject".
_PERSON_FIELDS = frozenset(("model", "talent", "subject", "person", "signer", "signed_by", "signatory"))
_ROLE_KEYS = (
    "customer client buyer purchaser consignee addressee requester orderer payer beneficiary patient "
    "passenger attendee guest_name customer_full_name client_name buyer_name people persons "
    # who an item is for or shows, and a name kept in numbered parts ({"name_part_1": "Kofi"})
    "for model_release photographer ordered_by orderer_name name_parts name_part name_part_1 name_part_2 "
    "name_part_3 name_part1 name_part2 name_part3 "
    # who made, signed or is celebrated by an item, as metadata and personalisation forms name them
    # (XMP dc:creator is read by its local name; not "artist", which names a style in generation tools)
    "creator player player_name honoree celebrant bride groom graduate baby_name child_name "
    "kid_name celebrity celeb influencer contributor byline dedicated_to engraving_name"
)


def cased_script(ch: str) -> bool:
    """A letter of a script with capitals: Latin, Greek, Cyrillic, Armenian."""
    code = ord(ch)
    return code < 0x0590 or 0x1E00 <= code <= 0x1FFF


def _name_word(word: str) -> bool:
    letters = word.replace("-", "").replace("'", "").replace("’", "").replace(".", "")  # noqa: RUF001
    # Vowel signs and viramas of Brahmic scripts are marks, not letters ("ਹਰਪ੍ਰੀਤ").
    if not letters or not all(ch.isalpha() or unicodedata.category(ch)[0] == "M" for ch in letters):
        return False
    if not any(cased_script(ch) for ch in letters):
        return True  # a script without capitals (Georgian, Ethiopic, Brahmic, Thai, Arabic, Han)
    return word[0].isupper() and (len(letters) <= 2 or not letters[1:].isupper() or letters.isupper())


@cache
def _readers() -> tuple[frozenset[str], frozenset[str], ScriptNames]:
    world = world_names()
    return world, gazetteer()[3], ScriptNames(world)


def _reads_as_name(words: list[str]) -> bool:
    """An ASCII full name must show it: a given name of the wider list or a surname's telling shape."""
    world, _, scripts = _readers()
    for word in words:
        for part in word.lower().split("-"):
            if part in world or scripts.latin_surname(fold_name(part)):
                return True
    return False


def full_name(value: str) -> bool:
    """`value` has the shape of a person's full name (see the module docstring)."""
    text = " ".join(value.replace(",", " ").split())
    if not (3 <= len(text) <= _MAX_NAME_CHARS) or not _SYMBOLS.isdisjoint(text):
        return False
    words = text.split(" ")
    names = [word for word in words if word.lower() not in PARTICLES]
    if not (_MIN_WORDS <= len(names) <= _MAX_WORDS) or not all(_name_word(word) for word in names):
        return False
    _, not_surnames, _ = _readers()
    if names[-1].lower() in not_surnames or is_organisation(text):
        return False
    return not text.isascii() or _reads_as_name(names)


def given_alone(value: str) -> bool:
    """One word, capitalised or in capitals, that is a given name of the wider list and nothing else a
    field of people holds ({"for": "Quentin"}, {"customer": "QUENTIN"}; not "Guest", "Silver", "Nike")."""
    word = value.strip()
    if not word.isalpha() or not (word.istitle() or word.isupper()) or is_organisation(word):
        return False
    folded = fold_name(word.lower())
    return folded in common_names() and folded not in _readers()[1]


def _lower_full_name(value: str) -> bool:
    """A full name written in lower case ({"customer": "ngozi adeyemi"}): two or three words, the first a
    given name of the wider list, none an everyday word the lists know."""
    words = value.split()
    if not (_MIN_WORDS <= len(words) <= _MAX_WORDS - 2) or not all(word.isalpha() for word in words):
        return False
    world, not_surnames, _ = _readers()
    return fold_name(words[0]) in world and words[-1] not in not_surnames and not is_organisation(value)


def _held_name(value: Any, depth: int = 0) -> bool:
    """A full name as the value, as its parts (a short array of strings), or inside a short array."""
    if isinstance(value, str):
        # A login-like name is one too: {"requester": "annaKowalska"}.
        return (
            full_name(value)
            or (" " not in value and (joined_name(value) or given_alone(value)))
            or (value.islower() and _lower_full_name(value))
        )
    if isinstance(value, list | tuple) and 0 < len(value) <= _MAX_ITEMS:
        if (
            _MIN_WORDS <= len(value) <= _MAX_PARTS
            and all(isinstance(part, str) and 0 < len(part) <= _MAX_PART_CHARS for part in value)
            and full_name(" ".join(value))
        ):
            return True
        return depth == 0 and any(_held_name(item, depth + 1) for item in value)
    if isinstance(value, dict) and depth == 1 and len(value) <= _MAX_PARTS:
        # {"recipients": [{"n": "Kofi Mensah"}]}: a short record in a list of people.
        return any(isinstance(item, str) and full_name(item) for item in value.values())
    if isinstance(value, dict) and len(value) <= _MAX_PARTS:
        # {"model_release": {"model": "Amara Nwosu"}}: the person's own field in a short record (not any
        # field: {"client": {"adresa": "Aleea Barbu"}} is a street).
        return any(
            isinstance(key, str)
            and key_info(key).norm in _PERSON_FIELDS
            and isinstance(item, str)
            and full_name(item)
            for key, item in value.items()
        )
    return False


def _label_keys() -> str:
    labels = [word for word in lexicon.words("person_label") if word not in _BARE_NAME_WORDS]
    return " ".join(key_fragments(*labels))


KEYED_RULES: tuple[KeyedRule, ...] = (
    KeyedRule("PERSON", "person.owner_key", keyset(f"{_ROLE_KEYS} {_label_keys()}"), _held_name),
)
