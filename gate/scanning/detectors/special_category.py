"""The special categories of GDPR Art. 9 beside health (detectors/health.py), said of a specific person.

RELIGIOUS_BELIEF, SEXUAL_ORIENTATION, POLITICAL_OPINION and TRADE_UNION_MEMBERSHIP, and CRIMINAL_CONVICTION
(data about criminal convictions and offences, Art. 10): a category word is a product's theme or public
("Jewish deli poster", "gay pride flag", "Christian bookstore", "for Muslim women", "union jack cushion")
unless it is said of someone, as health's conditions are:

- after a linking word, with a person before it: "my husband is Jewish", "I am gay", "ma fille est
  lesbienne", "mein Vater ist Gewerkschaftsmitglied", "she is a practising Catholic"; or after one that
  carries its own subject, the writer ("soy bisexual", "jestem gejem", "ich bin lesbisch");
- beside a person word: "my gay son", "meine muslimische Frau" (a possessive before), "mon fils gay",
  "муж мусульманин" (a lower-case word right after the person);
- what a person does that reveals it, after a person word or a name: "Aisha converted to Islam", "my
  brother came out as", "she votes for the Greens", "he joined the union", "he served time for";
- in the languages read by nearness (health's [near_persons]: Nordic, Czech, Hungarian, Finnish, Greek,
  Bulgarian, Ukrainian, the Yugoslav languages, Indonesian, Hebrew, Hindi, Vietnamese, Swahili, Persian,
  Thai, Tagalog), a person phrase and a word naming a person of the category within a few words
  ("min mand er muslim", "moja sestra je lezbijka", "мій батько член профспілки"); in scripts written
  without spaces, a person word a few characters before ("我丈夫是穆斯林", "お客様はイスラム教徒です").

Names are not categories: "my son Christian" (a given name, capitalised after the person), "Christian
Weber" (a capitalised word after it), "his name is Christian" (a name word before the linking word); a
capitalised word that is no given name still counts ("eşim Alevi"). A party's or a union's name may stand
between the linking word and the category ("he is a Labour party member"). ETHNIC_ORIGIN,
whose words describe products and styles far more often than anyone, is read under its keys only, as are
all six (`religion`, `sexual_orientation`, `political_party`, `union_member`, `criminal_record`,
`ethnicity` ...), and under `race` when its value is a census's word ("Asian", "Black", "mixed": the key
is also a car race and, in French, a dog's breed). BIOMETRIC_DATA is read under its keys only: a face
embedding an identity-preserving generator was given (`faceid_embeds`, `face_embedding`), a fingerprint's
or an iris's template, a voiceprint. The
words are data (data/special_categories.toml); the person words are health's (detectors/said_of.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from gate.scanning import lexicon
from gate.scanning.detectors import said_to
from gate.scanning.detectors.base import HAS_CAPITALS, HAS_WORDS, PatternDetector, PatternRule, Text, any_word
from gate.scanning.detectors.keyed_rule import KeyedRule, key_names, non_empty, stated
from gate.scanning.detectors.person_lists import common_names, fold_name
from gate.scanning.detectors.said_of import (
    PERSON_WORDS,
    POSSESSIVES,
    PRONOUNS,
    WORD,
    cjk_person_before,
    data_table,
    near_pattern,
    nfkc_words,
    person_before,
    readings,
)
from gate.scanning.normalise import normalise

ENTITIES = (
    "RELIGIOUS_BELIEF",
    "SEXUAL_ORIENTATION",
    "POLITICAL_OPINION",
    "TRADE_UNION_MEMBERSHIP",
    "CRIMINAL_CONVICTION",
)
_KEYED_ENTITIES = (*ENTITIES, "ETHNIC_ORIGIN")


def _stems(words: Iterable[str]) -> list[str]:
    """Stems matched at a word's start; a trailing space asks for the word to end there."""
    return sorted({w.strip() + ("" if w.endswith(" ") else "*") for w in words}, key=lambda w: (-len(w), w))


_DATA = data_table("special_categories.toml")


def _linked(section: str) -> re.Pattern[str]:
    """A linking word of `section`, then at most two qualifiers or a name's words, right before the
    category (a party's or a union's name: "is a Labour party member", "is an SPD party member")."""
    return re.compile(
        # (text17) a quote that opens a string may stand before it ("VALUES (1042, 'soy lesbiana ...')")
        r"(?:^|[^\w']|(?<!\w)')"
        + lexicon.pattern(_stems(w + " " for w in nfkc_words(_DATA[section])))
        + r"[\s,:]+(?:(?:"
        + lexicon.pattern(_stems(w + " " for w in nfkc_words(_DATA["qualifiers"])))
        + r"|[^\W\d_a-zà-ÿ][\w.&-]*)\s+){0,2}$"
    )


_LINKED = _linked("linking")
# A linking word with its own subject, the writer ([first_person]: "soy", "jestem", "ich bin", "we are").
_FIRST_PERSON = _linked("first_person")
# (text20) "as a (practising) Sikh, I ...": the category the writer speaks as, when the writer follows
# ("as a Christian gift" names no one).
_AS_A = re.compile(
    r"(?i)(?:^|\W)as\s+an?\s+(?:"
    + lexicon.pattern(_stems(w + " " for w in nfkc_words(_DATA["qualifiers"])))
    + r"\s+)?$"
)
_WRITER_NEXT = re.compile(r"(?i),?\s+(?:i|i'd|i'm|i've|i'll|we|we'd|we're|my|our)(?![\w])")
_NAME_WORD = re.compile(lexicon.pattern(_stems(nfkc_words(_DATA["name_words"]))) + r"\W{0,3}$")
_CAPITALISED_NEXT = re.compile(r"\s+[^\W\d_a-zà-ÿ]")


def _word_end(value: str, end: int) -> int:
    while end < len(value) and value[end].isalpha():
        end += 1
    return end


def _said_of_a_person(match: re.Match[str], text: Text) -> bool:
    value = text.value
    start, end = match.start(), _word_end(text.value, match.end())
    if _AS_A.search(value, max(0, start - 40), start) is not None and _WRITER_NEXT.match(value, end):
        return True  # (text20) "as a practising Sikh I'd like ...": the writer, named right after (before the
        # name test: "Sikh I'd" is no "Christian Weber")
    capitalised = value[start].isupper()
    if capitalised and (_CAPITALISED_NEXT.match(value, end) or value.startswith(("'s", "\u2019s"), end)):
        return False  # "Christian Weber", "Jude Law", "Jude's godmother": a name
    given_name = capitalised and fold_name(value[start:end].lower()) in common_names()
    if not given_name and _FIRST_PERSON.search(value, max(0, start - 40), start) is not None:
        return True  # "soy bisexual", "jestem gejem", "wir sind Zeugen Jehovas": the writer
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
    # "mon fils gay", "муж мусульманин", "eşim Alevi": a person, then the category ("my son Christian":
    # a given name); (text19) an adverb of time may stand between ("клиент ранее судим").
    if previous and previous[-1] in _ADVERBS:
        previous = previous[:-1]
    return bool(previous) and previous[-1] in PERSON_WORDS and previous[-1] not in PRONOUNS and not given_name


_ADVERBS = readings(nfkc_words({"all": _DATA["adverbs"]["all"]}))
_SUBJECT_NAME = re.compile(r"[^\W\d_a-zà-ÿ][^\W\d_]+\s+$")


def _done_by_a_person(match: re.Match[str], text: Text) -> bool:
    """What a person does, after a person word, a name after "for" or a capitalised subject ("Aisha"),
    or (text20) after a verb that carries the writer as its subject ("sono iscritta alla CGIL", "ik ben
    lid van de FNV", "je suis membre de la CSN")."""
    value, start = text.value, match.start()
    return (
        person_before(value, start)
        or _SUBJECT_NAME.search(value, max(0, start - 24), start) is not None
        or _FIRST_PERSON.search(value, max(0, start - 40), start) is not None
    )


def _near_said_of_a_person(match: re.Match[str], text: Text) -> bool:
    """A nearness match stands as matched; a word of a script without spaces needs a person word within
    a few characters before it (`said_of.cjk_person_before`)."""
    if match.lastgroup != "cjk":
        return True
    start = match.start()
    return (
        cjk_person_before(text.value, start)
        or _CJK_WRITER.search(text.value, max(0, start - _CJK_WRITER_SPAN), start) is not None
    )


# (text20) The writer right before the category in scripts without spaces ([cjk_writer]: "我是穆斯林").
_CJK_WRITER_WORDS = sorted(set(map(normalise, _DATA["cjk_writer"]["all"])), key=lambda w: (-len(w), w))
_CJK_WRITER = re.compile("(?:" + "|".join(map(re.escape, _CJK_WRITER_WORDS)) + r")\s?$")
_CJK_WRITER_SPAN = max(map(len, _CJK_WRITER_WORDS)) + 1
# (text20) The category, then the writer where the copula comes last ([writer_after]: "evangélikus
# lelkész vagyok", "Alevi olduğum için"), one word between at most.
_WRITER_AFTER = lexicon.pattern(nfkc_words(_DATA["writer_after"]))


def _near_rule(entity: str) -> PatternRule:
    """The nearness reading of `entity` ([near]) and its words in scripts without spaces ([cjk]), as one
    rule: one prefilter and one search where two rules cost each string two checks."""
    near = nfkc_words({entity: _DATA["near"][entity]})
    linking = nfkc_words(_DATA["near_linking"])
    cjk = sorted(set(map(normalise, _DATA["cjk"][entity])), key=lambda w: (-len(w), w))
    cjk_words = "|".join(map(re.escape, cjk))
    after = "(?:" + lexicon.pattern(near) + r")(?:\s+[^\W\d_]+)?\s+(?:" + _WRITER_AFTER + r")(?!\w)"
    pattern = re.compile(near_pattern(near, linking) + "|(?P<cjk>" + cjk_words + ")|" + after)
    prefilter = any_word(tuple(sorted(readings(near) | set(cjk))))
    return PatternRule(f"{entity.lower()}.said_of_person", pattern, _near_said_of_a_person, when=prefilter)


_MEMBERSHIP = _DATA["membership"]
_ARTICLES = r"(?i:the|der|die|des|den|du|de|la|le|les|del|della|dello|van|het|do|da|dos|das|i|av|af|a|al|à)"
_NOT_KINDS = re.compile(lexicon.pattern(nfkc_words({"all": _MEMBERSHIP["kinds"]["not_kinds"]})))


_COMPOUND_MEMBERS = (
    "mitglied*", "member*", "lid", "leden", "medlem*", "membre*", "miembro*", "membro*", "członek", "член*",
)  # fmt: skip


def _done_or_member(match: re.Match[str], text: Text) -> bool:
    """What a person does, or a person's membership of a party or a union ("my dad is a member of the
    Labour Party"), not of a wedding party or the student union."""
    if match.lastgroup == "member" and _NOT_KINDS.search(match.group()) is not None:
        return False
    return _done_by_a_person(match, text)


def _done_rule(entity: str) -> PatternRule:
    """What a person does that reveals `entity` ([done]) and, for parties and unions, membership of a
    named one ([membership]: a member word, up to three words of its name, a word of its kind): one rule,
    one prefilter of whole phrases (a first word alone, "is", "a", "votes", is in nearly every text; a
    kind's word alone, "parti" of "partie", in too many)."""
    done = nfkc_words(_DATA[entity]["done"])
    pattern = lexicon.pattern(_stems(w + " " for w in done))
    words = readings(done)
    kinds = _MEMBERSHIP["kinds"].get(entity)
    if kinds:
        members = nfkc_words({"all": _MEMBERSHIP["members"]})
        kind_words = lexicon.pattern(nfkc_words({entity: kinds}))
        # its name: capitalised words, articles, a plural's possessive ("the nurses' trade union"), not
        # any words ("a member of the book club party planning team")
        name_words = r"\s+(?:(?:[^\W\d_a-zà-ÿ]\S*|[^\W\d_]+s'|" + _ARTICLES + r")\s+){0,3}?"
        # (text18) or its name compounded with "member" ("AfD-Mitglied", "ver.di-Mitglied", "Labour-member")
        compound = kind_words + "-" + lexicon.pattern(_COMPOUND_MEMBERS)
        # (text19) or before Turkish's postposed "member" ("CHP üyesi", "DİSK üyesiyim")
        compound += "|" + kind_words + r"\s+" + lexicon.pattern(["üyesi*", "üyeleri*"])
        pattern += "|(?P<member>" + lexicon.pattern(members) + name_words + kind_words + "|" + compound + ")"
        words |= readings(members) | readings(_COMPOUND_MEMBERS) | readings(("üyesi", "üyeleri"))
    return PatternRule(
        f"{entity.lower()}.done_by_person",
        re.compile(pattern),
        _done_or_member,
        when=any_word(tuple(sorted(words))),
        requires=HAS_WORDS,
    )


def _detector(entity: str) -> PatternDetector:
    said = nfkc_words(_DATA[entity]["said"])
    return PatternDetector(
        entity=entity,
        needs=HAS_WORDS | HAS_CAPITALS,
        rules=(
            PatternRule(
                f"{entity.lower()}.said_of_person",
                re.compile(lexicon.pattern(_stems(said))),
                _said_of_a_person,
                when=any_word(tuple(sorted(readings(w.strip() for w in said)))),
                requires=HAS_WORDS,
            ),
            _done_rule(entity),
            _near_rule(entity),
            said_to.arabic_rule(entity),
            *said_to.rules(entity),
        ),
    )


_BIOMETRIC_WORDS = nfkc_words({"all": _DATA["biometric"]["words"]})
_YOUR = readings(nfkc_words({"all": _DATA["biometric"]["your"]}))
_PERSON_AFTER = 3  # words after the template in which its person may stand ("... der Kundin")


def _a_persons_template(match: re.Match[str], text: Text) -> bool:
    """A biometric template with a person word before it (a possessive too: "customer's"), or within a
    few words after it."""
    value = text.value
    before = WORD.findall(value[max(0, match.start() - 24) : match.start()].lower())
    if person_before(value, match.start()) or (before and before[-1].removesuffix("'s") in PERSON_WORDS):
        return True
    if before and before[-1] in _YOUR:
        return True  # (text19) "your face embedding", "Ihr Fingerabdruck-Template"
    after = WORD.findall(value[match.end() : match.end() + 40].lower())[:_PERSON_AFTER]
    return any(word.removesuffix("'s") in PERSON_WORDS and word not in PRONOUNS for word in after)


# (text18) BIOMETRIC_DATA said of a person in text ([biometric] says why).
_BIOMETRIC = PatternDetector(
    entity="BIOMETRIC_DATA",
    needs=HAS_WORDS,
    rules=(
        PatternRule(
            "biometric_data.said_of_person",
            re.compile(lexicon.pattern(_stems(_BIOMETRIC_WORDS))),
            _a_persons_template,
            when=any_word(tuple(sorted(readings(_BIOMETRIC_WORDS)))),
            requires=HAS_WORDS,
        ),
    ),
)


def _said_by_the_writer(match: re.Match[str], text: Text) -> bool:
    """(text21) A people right after a linking word with the writer as its subject ("jeg er samisk"), or
    spoken as ("as a Māori, I ..."); not a given name ("I'm Sami")."""
    value = text.value
    start, end = match.start(), _word_end(value, match.end())
    if _AS_A.search(value, max(0, start - 40), start) is not None and _WRITER_NEXT.match(value, end):
        return True
    capitalised = value[start].isupper()
    named = _CAPITALISED_NEXT.match(value, end) or fold_name(value[start:end].lower()) in common_names()
    if capitalised and named:
        return False  # "I'm Sami Virtanen", "I'm Sami": a name
    return _FIRST_PERSON.search(value, max(0, start - 40), start) is not None


_ETHNIC_WORDS = nfkc_words(_DATA["ETHNIC_ORIGIN"]["said_by_writer"])
_ETHNIC = PatternDetector(
    entity="ETHNIC_ORIGIN",
    needs=HAS_WORDS,
    rules=(
        PatternRule(
            "ethnic_origin.said_by_writer",
            re.compile(lexicon.pattern(_stems(_ETHNIC_WORDS))),
            _said_by_the_writer,
            when=any_word(tuple(sorted(readings(w.strip() for w in _ETHNIC_WORDS)))),
            requires=HAS_WORDS,
        ),
    ),
)

DETECTORS: tuple[PatternDetector, ...] = (
    *(_detector(entity) for entity in ENTITIES),
    _BIOMETRIC,
    _ETHNIC,
)

_NONE = frozenset(word.lower() for word in _DATA["none"]["all"])


def _stated(value: Any) -> bool:
    return stated(value, _NONE)


_RACES = frozenset(value.lower() for value in _DATA["race_keys"]["values"])


def _a_race(value: Any) -> bool:
    """A census's word for a race ("Asian", "Black or African American"), in a list too."""
    if isinstance(value, list | tuple):
        return any(_a_race(item) for item in value)
    return isinstance(value, str) and " ".join(value.lower().split()) in _RACES


KEYED_RULES: tuple[KeyedRule, ...] = (
    *(
        KeyedRule(entity, f"{entity.lower()}.key", key_names(_DATA["keys"][entity]), _stated)
        for entity in _KEYED_ENTITIES
    ),
    KeyedRule("ETHNIC_ORIGIN", "ethnic_origin.race", key_names(_DATA["race_keys"]["keys"]), _a_race),
    # an embedding is a list of numbers: anything non-empty
    KeyedRule("BIOMETRIC_DATA", "biometric_data.key", key_names(_DATA["keys"]["BIOMETRIC_DATA"]), non_empty),
)
