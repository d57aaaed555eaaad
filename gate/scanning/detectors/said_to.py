# ruff: noqa: RUF001 - text of other scripts, on purpose
"""(text19) A health condition or a special category said to the customer, in the second person.

A personalisation engine's rendered message, an agent's reply pasted back or a support macro speaks to
the customer: "as you are diabetic we left the cake off", "Since you're a practising Muslim", "Da Sie
Diabetikerin sind", "vous êtes épileptique", "Como eres celíaca", "Ön cukorbeteg", "Вы как диабетик",
"siz Alevi olduğunuz için", "את לסבית", "आप मुसलमान हैं", "Anda seorang mualaf", "あなたはエホバの証人",
"您是共产党员"; or names the category first ("As a diabetic you asked us", "Jako cukrzyk prosił pan").
The person the other detectors look for is the one addressed.

A second person (data/cues.toml [second_person]) and its verb, up to three qualifiers (articles,
"practising", "paid-up", "as", "как", "seorang"), then a word of the category: any condition of
health.toml, any word of special_categories.toml's [said], [near], [cjk] and [arabic], or a membership
of a party or a union by name ("you are a member of the Green Party"). Copy addressed to anyone is
clean: a conditional's or a question's second person ("if you are diabetic", "Wenn Sie Diabetiker sind",
"Are you pregnant?"), a cause's or a product's word after the category ("you have our cancer awareness
ribbon", "you are gluten-free"), and the reader told what they will like ("As a diabetic, you'll love
this cookbook").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from gate.scanning import lexicon
from gate.scanning.detectors.base import HAS_NON_ASCII, HAS_WORDS, PatternRule, Text, any_word
from gate.scanning.detectors.said_of import ARABIC_PERSON, arabic_words, data_table, nfkc_words, readings
from gate.scanning.normalise import normalise

_HEALTH = data_table("health.toml")
_SPECIAL = data_table("special_categories.toml")
_OWN = _SPECIAL["said_to"]


def _stem(word: str) -> str:
    """A word of the data files as `lexicon.pattern` reads it: a trailing space ends the word there, a
    "*" or nothing makes it a stem (the files' two ways of writing one)."""
    if word.endswith(" "):
        return word.strip()
    return word.rstrip("*") + "*"


def _words(entity: str) -> tuple[str, ...]:
    """Every word of `entity`'s category in the data files, in NFKC as `normalise` leaves text."""
    if entity == "HEALTH_DATA":
        sections = ("conditions", "near_conditions", "cjk_conditions", "arabic_conditions")
        found = [w for s in sections for w in nfkc_words(_HEALTH[s])]
    else:
        found = [*nfkc_words(_SPECIAL[entity]["said"]), *nfkc_words({entity: _SPECIAL["near"][entity]})]
        found += [normalise(w) for w in _SPECIAL["cjk"][entity]] + list(_SPECIAL["arabic"].get(entity, []))
    found += _OWN["words"].get(entity, [])
    return tuple(sorted({unicodedata.normalize("NFKC", w) for w in found}, key=lambda w: (-len(w), w)))


def _alternation(words: Iterable[str]) -> str:
    return lexicon.pattern(sorted({_stem(w) for w in words}, key=lambda w: (-len(w), w)))


_QUALIFIERS = lexicon.pattern(
    sorted(
        {*nfkc_words(_SPECIAL["qualifiers"]), *nfkc_words(_HEALTH["articles"]), *_OWN["qualifiers"]},
        key=lambda w: (-len(w), w),
    )
)
_GAP = r"[\s,:]*(?:" + _QUALIFIERS + r"[\s,:]+){0,3}"


def _membership(entity: str) -> str:
    """A member word, up to three words of a name, then the kind of organisation of `entity`."""
    kinds = _SPECIAL["membership"]["kinds"].get(entity)
    if not kinds:
        return ""
    members = lexicon.pattern(nfkc_words({"all": _SPECIAL["membership"]["members"]}))
    return "|" + members + r"\s+(?:\S+\s+){0,3}?" + lexicon.pattern(kinds)


_SECOND = lexicon.Cues("second_person")
# "As a diabetic you asked", "Jako cukrzyk prosił pan", "Als Diabetikerin haben Sie": the category first.
_AS_ONE = lexicon.Cues("as_one")
_YOU = lexicon.pattern(_OWN["you"])
# Copy addressed to anyone: a conditional or a generic word before the second person in its clause.
_NOT_ONE = re.compile(lexicon.pattern(_OWN["anyone"]))
_CLAUSE_START = re.compile(r"[.!?;\n](?![^.!?;\n]*[.!?;\n])")
_SENTENCE_END = re.compile(r"[.!?\n]")
# What the reader will do or like ("you'll love", "you can", "Sie werden"): an advertisement's.
_TOLD = re.compile(r"[\s,]*" + lexicon.pattern(_OWN["told"]))
# A cause's, a month's or a product's word after the category ("cancer awareness", "diabetic-friendly").
_THEME_AFTER = re.compile(r"[\w'’-]*(?:[\s-]+[\w'’]+){0,2}?[\s-]*" + lexicon.pattern(_OWN["theme_after"]))
_NOT_KINDS = re.compile(lexicon.pattern(nfkc_words({"all": _SPECIAL["membership"]["kinds"]["not_kinds"]})))


def _addressed(match: re.Match[str], text: Text) -> bool:
    """Said to one customer: no conditional or generic word before in the clause, no question mark
    after in the sentence, no cause's or product's word right after, no wedding party."""
    value, start, end = text.value, match.start(), match.end()
    clause = _CLAUSE_START.search(value, max(0, start - 80), start)
    if _NOT_ONE.search(value, clause.end() if clause else max(0, start - 80), start) is not None:
        return False
    sentence_end = _SENTENCE_END.search(value, end)
    if sentence_end is not None and sentence_end.group() == "?":
        return False
    return _THEME_AFTER.match(value, end) is None and _NOT_KINDS.search(match.group()) is None


def _told_first(match: re.Match[str], text: Text) -> bool:
    """The category first, then its second person: not what the reader will like ("you'll love")."""
    return _addressed(match, text) and _TOLD.search(match.group("you")) is None


def rules(entity: str) -> tuple[PatternRule, ...]:
    """The rules of `entity` said to the customer: after a second person, and before one."""
    words = _words(entity)
    category = "(?:" + _alternation(words) + _membership(entity) + ")"
    cues = [w.strip(" *") for w in words]
    if _SPECIAL["membership"]["kinds"].get(entity):
        cues += _SPECIAL["membership"]["members"]
    prefilter = any_word(tuple(sorted(readings(cues))))
    name = f"{entity.lower()}.said_to_customer"
    you_after = r"[\w'’-]*[\s,]+(?:[\w'’]+\s+){0,2}?(?P<you>" + _YOU + r"[\w'’]*(?:[\s,]+[\w'’]+)?)"
    return (
        PatternRule(name, _SECOND.then(_GAP + category), _addressed, when=prefilter),
        PatternRule(
            name,
            _AS_ONE.then(_GAP + category + you_after),
            _told_first,
            # an AnyWord, so the detector stays gated by its cue words (plans.cue_gate)
            when=prefilter,
            requires=HAS_WORDS,
        ),
    )


_ARABIC_WINDOW = 24
_ARABIC_YOU = re.compile(arabic_words(["أنت", "انت", "أنتِ", "حضرتك", "لديك", "عندك"]))


def _arabic_said_of(match: re.Match[str], text: Text) -> bool:
    """An Arabic person of health.toml's [arabic_persons] within a few words, or the customer addressed."""
    value = text.value
    window = value[max(0, match.start() - _ARABIC_WINDOW) : match.end() + _ARABIC_WINDOW]
    if ARABIC_PERSON.search(window) is not None:
        return True
    return _ARABIC_YOU.search(value, max(0, match.start() - _ARABIC_WINDOW), match.start()) is not None


def arabic_rule(entity: str) -> PatternRule:
    """(text19) `entity` in Arabic ([arabic]) with a person near, or said to the customer."""
    words = _SPECIAL["arabic"][entity]
    return PatternRule(
        f"{entity.lower()}.said_of_person",
        re.compile(arabic_words(words)),
        _arabic_said_of,
        when=any_word(tuple(sorted(set(words)))),
        requires=HAS_NON_ASCII,
    )
