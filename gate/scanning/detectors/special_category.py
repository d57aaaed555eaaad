"""The special categories of GDPR Art. 9 beside health (detectors/health.py), said of a specific person.

RELIGIOUS_BELIEF, SEXUAL_ORIENTATION, POLITICAL_OPINION and TRADE_UNION_MEMBERSHIP: a category word is a
product's theme or public ("Jewish deli poster", "gay pride flag", "Christian bookstore", "for Muslim
women", "union jack cushion") unless it is said of someone, as health's conditions are:

- after a linking word, with a person before it: "my husband is Jewish", "I am gay", "ma fille est
  lesbienne", "mein Vater ist Gewerkschaftsmitglied", "she is a practising Catholic";
- beside a person word: "my gay son", "meine muslimische Frau" (a possessive before), "mon fils gay",
  "муж мусульманин" (a lower-case word right after the person);
- what a person does that reveals it, after a person word or a name: "Aisha converted to Islam", "my
  brother came out as", "she votes for the Greens", "he joined the union".

Names are not categories: "my son Christian" (capitalised after the person), "Christian Weber" (a
capitalised word after it), "his name is Christian" (a name word before the linking word). ETHNIC_ORIGIN,
whose words describe products and styles far more often than anyone, is read under its keys only, as are
all five (`religion`, `sexual_orientation`, `political_party`, `union_member`, `ethnicity` ...). The
words are data (data/special_categories.toml); the person words are health's (detectors/said_of.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from gate.scanning import lexicon
from gate.scanning.detectors.base import HAS_WORDS, PatternDetector, PatternRule, Text, any_word
from gate.scanning.detectors.keyed_rule import KeyedRule, key_names, stated
from gate.scanning.detectors.said_of import (
    PERSON_WORDS,
    POSSESSIVES,
    PRONOUNS,
    WORD,
    data_table,
    nfkc_words,
    person_before,
    readings,
)

ENTITIES = ("RELIGIOUS_BELIEF", "SEXUAL_ORIENTATION", "POLITICAL_OPINION", "TRADE_UNION_MEMBERSHIP")
_KEYED_ENTITIES = (*ENTITIES, "ETHNIC_ORIGIN")


def _stems(words: Iterable[str]) -> list[str]:
    """Stems matched at a word's start; a trailing space asks for the word to end there."""
    return sorted({w.strip() + ("" if w.endswith(" ") else "*") for w in words}, key=lambda w: (-len(w), w))


_DATA = data_table("special_categories.toml")
_LINKED = re.compile(
    r"(?:^|[^\w'])"
    + lexicon.pattern(_stems(w + " " for w in nfkc_words(_DATA["linking"])))
    + r"[\s,:]+(?:"
    + lexicon.pattern(_stems(w + " " for w in nfkc_words(_DATA["qualifiers"])))
    + r"\s+){0,2}$"
)
_NAME_WORD = re.compile(lexicon.pattern(_stems(nfkc_words(_DATA["name_words"]))) + r"\W{0,3}$")
_CAPITALISED_NEXT = re.compile(r"\s+[^\W\d_a-zà-ÿ]")


def _word_end(value: str, end: int) -> int:
    while end < len(value) and value[end].isalpha():
        end += 1
    return end


def _said_of_a_person(match: re.Match[str], text: Text) -> bool:
    value = text.value
    start, end = match.start(), _word_end(text.value, match.end())
    capitalised = value[start].isupper()
    if capitalised and _CAPITALISED_NEXT.match(value, end):
        return False  # "Christian Weber", "Jude Law": a name
    linked = _LINKED.search(value, max(0, start - 40), start)
    if linked is not None:
        if _NAME_WORD.search(value, max(0, linked.start() - 16), linked.start() + 1) is not None:
            return False  # "his name is Christian"
        if person_before(value, linked.start() + 1):
            return True
    previous = WORD.findall(value[max(0, start - 32) : start].lower())
    following = WORD.match(value, end + 1) if value[end : end + 1] == " " else None
    # "my gay son", "meine muslimische Frau": a possessive, the category, a person.
    person_after = following is not None and following.group().lower().removesuffix("'s") in PERSON_WORDS
    if previous and previous[-1] in POSSESSIVES and person_after:
        return True
    # "mon fils gay", "муж мусульманин": a person, then the category in lower case (capitalised, a name).
    return (
        bool(previous) and previous[-1] in PERSON_WORDS and previous[-1] not in PRONOUNS and not capitalised
    )


_SUBJECT_NAME = re.compile(r"[^\W\d_a-zà-ÿ][^\W\d_]+\s+$")


def _done_by_a_person(match: re.Match[str], text: Text) -> bool:
    """What a person does, after a person word, a name after "for" or a capitalised subject ("Aisha")."""
    value, start = text.value, match.start()
    return person_before(value, start) or _SUBJECT_NAME.search(value, max(0, start - 24), start) is not None


def _detector(entity: str) -> PatternDetector:
    said = nfkc_words(_DATA[entity]["said"])
    done = nfkc_words(_DATA[entity]["done"])
    return PatternDetector(
        entity=entity,
        needs=HAS_WORDS,
        rules=(
            PatternRule(
                f"{entity.lower()}.said_of_person",
                re.compile(lexicon.pattern(_stems(said))),
                _said_of_a_person,
                when=any_word(tuple(sorted(readings(w.strip() for w in said)))),
                requires=HAS_WORDS,
            ),
            PatternRule(
                f"{entity.lower()}.done_by_person",
                re.compile(lexicon.pattern(_stems(w + " " for w in done))),
                _done_by_a_person,
                # the whole phrases: a first word alone ("is", "a", "votes") is in nearly every text
                when=any_word(tuple(sorted(readings(done)))),
                requires=HAS_WORDS,
            ),
        ),
    )


DETECTORS: tuple[PatternDetector, ...] = tuple(_detector(entity) for entity in ENTITIES)

_NONE = frozenset(word.lower() for word in _DATA["none"]["all"])


def _stated(value: Any) -> bool:
    return stated(value, _NONE)


KEYED_RULES: tuple[KeyedRule, ...] = tuple(
    KeyedRule(entity, f"{entity.lower()}.key", key_names(_DATA["keys"][entity]), _stated)
    for entity in _KEYED_ENTITIES
)
