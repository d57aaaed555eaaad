# ruff: noqa: RUF001, RUF002, RUF003 - Cyrillic, Turkish and Japanese text, on purpose
"""HEALTH_DATA: a health condition, pregnancy, allergy, diagnosis or medication of a person (GDPR Art. 9,
a special category: processing it needs explicit consent, and a generated image must never carry it).

A condition word alone is a product's or a cause's ("sugar-free, suitable for diabetics", "breast cancer
awareness ribbon", "pregnancy test packaging", "allergy-friendly snacks"); it is someone's health when a
person it is said of stands near it:

- a linking word right before the condition ("is", "has", "with", "suffers from", "diagnosed with",
  "takes", "ist", "hat", "leidet an", "est", "atteinte d'un", "tiene", "padece", "è", "soffre di",
  "heeft", "tem", "ma", "у неё" ...) and, within a few words before, a specific person: "customer",
  "she", "my wife", "Kundin", "elle", "cliente", "klant", "клиентка", or a name after "for" ("pour
  Marie", "para Carlos"): "customer is diabetic", "gift for a customer with diabetes", "Kundin ist
  schwanger", "carte pour Marie, atteinte d'un cancer du sein";
- or the condition as an adjective right before such a person ("diabetic customer", "pregnant wife",
  "schwangere Kundin");
- in Japanese, Chinese and Korean, a person word and a condition within a few characters ("お客様は
  妊娠中です", "客户患有糖尿病"), or the person after the condition's relative clause ("患有抑郁症的顾客").

"people with diabetes", "for anyone who is pregnant" name nobody, and stay clean; so does the zodiac
sign ("she is a Cancer, zodiac mug"). Under a health key (`medical_condition`, `allergies`,
`diagnosis`, `Allergien`, `maladie`, `アレルギー` ...) any value but "none" counts.
"""

from __future__ import annotations

import re
from typing import Any

from gate.scanning import lexicon
from gate.scanning.detectors import said_to
from gate.scanning.detectors.base import (
    HAS_CAPITALS,
    HAS_WORDS,
    PatternDetector,
    PatternRule,
    Text,
    any_word,
)
from gate.scanning.detectors.keyed_rule import KeyedRule, key_names, keyset, stated
from gate.scanning.detectors.said_of import (
    ARABIC_PERSON,
    ARABIC_PERSONS,
    CJK_PERSONS,
    NEAR_PERSONS,
    PERSON_WORDS,
    POSSESSIVES,
    PRONOUNS,
    WINDOW,
    WORD,
    alternation,
    cjk_person_before,
    data_table,
    nfkc_words,
    person_before,
)
from gate.scanning.normalise import normalise
from gate.scanning.script_facts import HAS_ARABIC, HAS_UNSPACED, unspaced


def _table() -> dict[str, dict[str, list[str]]]:
    """data/health.toml, read once."""
    return data_table("health.toml")


def _words(section: str) -> tuple[str, ...]:
    """Every word of one section of data/health.toml, in every language, in the file's order (NFKC)."""
    return nfkc_words(_table()[section])


_CONDITIONS = _words("conditions")
# Read as `normalise` leaves text (Cyrillic and Greek letters may read as Latin look-alikes): the
# lexicon's letter classes, each stem a word's start.
_CONDITION = re.compile(
    lexicon.pattern(
        sorted({stem.strip() + ("" if stem.endswith(" ") else "*") for stem in _CONDITIONS}, key=len)[::-1]
    )
)


# Conditions of the scripts written without spaces, and their person words.
# As `normalise` leaves them: its katakana prolonged-sound mark is "-" ("アレルギー" reads "アレルギ-").
_CJK_CONDITIONS = tuple(map(normalise, _words("cjk_conditions")))
_CJK_CONDITION = re.compile(alternation(_CJK_CONDITIONS))
if not all(any(map(unspaced, word)) for word in _CJK_CONDITIONS):
    # (scanfast23) the rule waits for `HAS_UNSPACED`
    raise ValueError("a CJK condition without a character of script_facts.HAS_UNSPACED")
# "糖尿病の方へ", "妊娠中の方へ": the person with the condition, addressed ("to the one with ..."); not
# "糖尿病の方にも安心" (copy for everyone with it), so only a "to" or an honorific after "the one".
_CJK_THE_ONE_WITH = re.compile(
    r"(?:中)?の(?:方|患者(?:さん|様)?)(?:へ|様)|(?:인|이신)?\s?(?:분|환자분)(?:께|에게)"
)
_CJK_AFTER = 6
# Chinese, Japanese and Korean put a relative clause before its noun: "患有抑郁症的顾客" (the customer who has
# depression), "妊娠中のお客様", "우울증을 앓고 있는 고객님". A person word after the condition, joined by the
# relative marker (的, の, -는/-인/-한), is the one it is said of; not a plural or copy for a public
# ("顾客们", "고객님들", "お客様向け").
_CJK_PERSON_AFTER = re.compile(
    r"[^。．.!?！？\n]{0,6}?(?:的|の|는|인|한|은)\s?(?:" + "|".join(map(re.escape, CJK_PERSONS)) + r")"
    r"(?!們|们|님?들|向け|用)"
)
_CJK_PERSON_GAP = 16

# Arabic: "حامل" is pregnant only right after the person ("زوجتي الحامل"; "حامل هاتف" is a phone holder),
# and "برج السرطان" is the zodiac sign.
_ARABIC_CONDITION = re.compile(alternation(_words("arabic_conditions")) + r"|(?:ال)?حامل(?!\w)")
_ARABIC_PERSON_LAST = re.compile("(?:" + ARABIC_PERSONS + r")\s*$")
_ARABIC_WINDOW = 24
_ARABIC_ZODIAC = re.compile("برج")

# A linking word (and an article) right before the condition.
_LINKING = tuple(
    word for language, words in _table()["linking"].items() if language != "ru_uk" for word in words
)
_LINKED = re.compile(
    r"(?i)(?:^|[^\w])(?:" + alternation(_LINKING) + r")"
    # an article, or one elided onto the condition ("ha l'Alzheimer", "atteinte d'Alzheimer")
    # (text15) pictographs and their joiners between, as emoji-laden prompts write them ("has 🎗️ leukaemia")
    r"[\s,:\u2600-\u27bf\U0001F000-\U0001FAFF\ufe0f\u200d]+(?:(?:"
    + alternation(_words("articles"))
    + r")\s+|[ld]['’])?"
    # one word between ("has breast cancer", "has type 1 diabetes"), an article elided onto the
    # condition after it ("est atteinte d'Alzheimer")
    r"(?:[\w-]+\s+(?:\d\s+)?)?(?:[ld]['’])?$"
)
# "для беременной", "dla ciężarnej": "for" and a condition as a noun in the singular is for one person
# (the plural, "для беременных", "dla ciężarnych", is a product's public).
_FOR_ONE_WHO = re.compile(
    lexicon.pattern(_table()["for_one_who"]["for"])
    + r"\s+"
    + lexicon.pattern(_table()["for_one_who"]["who"])
    + r"(?!\w)"
)
_LINKED_CYRILLIC = re.compile(lexicon.pattern(_table()["linking"]["ru_uk"]) + r"[\s,:]+$")
# Languages read by nearness (health.toml's [near_persons]): a kin or customer word, then a condition
# within a few words, whatever the linking word ("मेरी माँ को मधुमेह है", "แม่ของฉันเป็นเบาหวาน").
_NEAR = re.compile(
    "(?:" + lexicon.pattern(NEAR_PERSONS) + r")(?P<gap>.{0,24}?)"
    "(?:" + lexicon.pattern(_words("near_conditions")) + ")",
    re.DOTALL,
)
_NEAR_AFTER = re.compile(
    "(?:"
    + lexicon.pattern(_words("near_conditions"))
    + r").{0,16}?(?:"
    + lexicon.pattern(NEAR_PERSONS)
    + ")",
    re.DOTALL,
)
# "diagnosis: HIV positive, customer John": the person may follow.
_DIAGNOSIS = re.compile(r"(?i)(?:diagnos[a-z]*|diagnóstico|diagnostic|диагноз)[\s:]+$")
# A possessive right before a treatment or a grave illness is that person's ("her chemotherapy", "his
# dialysis", "ihre Chemotherapie", "her colostomy bag"); pregnancy is not among them ("her pregnancy
# announcement" is a theme).
_TREATMENT = re.compile(
    r"(?i)(?:chemo|chimio|quimio|chemio|химиотерап|kemoterapi|dialys|dialyse|diálise|diálisis|dialisi|диализ|"
    r"diyaliz|radiotherap|radiation therapy|strahlentherapie|cancer|cáncer|câncer|krebs|leuk|tumou?r|"
    r"dementia|demenz|alzheimer|parkinson|mastectom|lumpectom|colostom|ileostom|urostom|ostomy|stoma\b|"
    r"insulin pump|insulinpumpe)"
)
# "chemo-free", "sugar-free, diabetic-friendly": a product's claim, not a condition.
_FREE_AFTER = re.compile(r"(?i)[\w]*-?(?:free|friendly|frei|libre|sans)\b")
_ZODIAC = re.compile(
    r"(?i)\b(?:zodiac|sign|season|horoscope|star sign|sternzeichen|signe|signo|segno|stjärntecken|horoskop|"
    r"znamení|burç|burcu|csillagjegy|horoszkóp|tähtimerkki|horoscop|ζώδιο|зодиак|знак)\b"
)


def _said_of_a_person(match: re.Match[str], text: Text) -> bool:
    value = text.value
    start, end = match.start(), match.end()
    if value[start:end].lower().startswith("cancer") and _ZODIAC.search(value, end, end + 24):
        return False
    if _FREE_AFTER.match(value, end):
        return False
    linked = _LINKED.search(value, max(0, start - 32), start) or _LINKED_CYRILLIC.search(
        value, max(0, start - 32), start
    )
    if linked and person_before(text.value, start):
        return True
    if _DIAGNOSIS.search(value, max(0, start - 16), start):
        after = value[end : end + WINDOW].lower()
        if any(word in PERSON_WORDS for word in WORD.findall(after)):
            return True
    previous = WORD.findall(value[max(0, start - 24) : start].lower())
    if previous and previous[-1] in PERSON_WORDS and previous[-1] not in PRONOUNS:
        return True
    if previous and previous[-1] in POSSESSIVES and _TREATMENT.match(value, start):
        return True
    # "diabetic customer", "pregnant wife", "schwangere Kundin": the condition as the person's adjective.
    word_end = end
    while word_end < len(value) and value[word_end].isalpha():
        word_end += 1
    following = WORD.match(value, word_end + 1) if word_end < len(value) and value[word_end] == " " else None
    return following is not None and following.group().lower() in PERSON_WORDS


def _cjk_said_of_a_person(match: re.Match[str], text: Text) -> bool:
    value = text.value
    if cjk_person_before(value, match.start()):
        return True
    end = match.end()
    if _CJK_THE_ONE_WITH.match(value, end, end + _CJK_AFTER) is not None:
        return True
    return _CJK_PERSON_AFTER.match(value, end, end + _CJK_PERSON_GAP) is not None


def _arabic_said_of_a_person(match: re.Match[str], text: Text) -> bool:
    value = text.value
    start = match.start()
    if _ARABIC_ZODIAC.search(value, max(0, start - 6), start):
        return False
    if "حامل" in match.group():
        # "حامل" is also a holder ("حامل هاتف"): pregnant only right after the person ("زوجتي الحامل").
        return _ARABIC_PERSON_LAST.search(value[max(0, start - _ARABIC_WINDOW) : start]) is not None
    window = value[max(0, start - _ARABIC_WINDOW) : match.end() + _ARABIC_WINDOW]
    return ARABIC_PERSON.search(window) is not None


_ARABIC_LETTER = re.compile("[\u0600-\u06ff]")


def _arabic_text(text: Text) -> bool:
    return not text.value.isascii() and _ARABIC_LETTER.search(text.value) is not None


_HAS_CONDITION = any_word(
    tuple(sorted({form for stem in _CONDITIONS for form in lexicon.readings(stem.strip())}))
)
_HAS_NEAR_CONDITION = any_word(
    tuple(sorted({form for stem in _words("near_conditions") for form in lexicon.readings(stem.strip(" *"))}))
)


# A line's end, unless the sentence goes on in lower case after it ("ibu\nsaya menderita kanker": a line
# break inside a value, as a text field wraps or an attacker splits it).
_LINE_END = re.compile(r"\n(?!\s*[^\W\d_A-ZÀ-Þ])")


def _near_said_of_a_person(match: re.Match[str], text: Text) -> bool:
    """A kin or customer word and a condition with no sentence's end between them, and no zodiac sign or
    product claim ("-free") right after."""
    end = match.end()
    return (
        not any(mark in match.group() for mark in ".!?;")
        and _LINE_END.search(match.group()) is None
        and _FREE_AFTER.match(text.value, end) is None
        and _ZODIAC.search(text.value, end, end + 24) is None
    )


def _cjk_text(text: Text) -> bool:
    return not text.value.isascii()


# A condition written into a medical record, a finding or after a diagnosis label (health.toml's [records]):
# a record is kept of one patient, so no person word is needed. Any condition of any list, read on within
# the sentence ("Befund: Diagnose Multiple Sklerose", "病歴：うつ病", "hồ sơ bệnh án ... ung thư phổi").
_ANY_CONDITION = lexicon.pattern(
    sorted(
        {stem.strip() + ("" if stem.endswith(" ") else "*") for stem in _CONDITIONS}
        | {stem.strip() for stem in _words("near_conditions")}
        | set(map(normalise, _words("cjk_conditions")))
        | set(_words("arabic_conditions")),
        key=lambda word: (-len(word), word),
    )
)
_RECORD_WORDS = _words("records")
_IN_RECORD = re.compile(lexicon.pattern(_RECORD_WORDS) + r"[^.!?;\n]{0,48}?" + _ANY_CONDITION)
_HAS_RECORD_WORD = any_word(
    tuple(sorted({form for word in _RECORD_WORDS for form in lexicon.readings(word.strip(" *"))}))
)


# (text17) The writer's own condition: a subject and its verb, or a verb that carries its subject, right
# before it ("ich habe Multiple Sklerose", "tengo cáncer de mama", "jestem w ciąży", "saya menderita
# diabetes"), as [linking] reads it after a person word; or a word that says both ("şeker hastasıyım",
# "cukorbeteg vagyok").
# The phrases are cue words (data/cues.toml [health_first_person]): tried only where one starts, as the
# short ones ("ho", "mam", "olen") are inside most texts' words.
# (text20) [health_first_person_more] adds the languages the first lacked; a linking word of [linking] may
# stand between ("je suis atteinte de sclérose en plaques", "I am suffering from", "ich leide an").
_FIRST_PERSON = lexicon.Cues("health_first_person", "health_first_person_more").then(
    r"[\s,:]*(?:(?:"
    + alternation(_LINKING)
    + r")\s+)?(?:(?:"
    + alternation(_words("articles"))
    + r")\s+|[ld]['’])?(?:[\w-]+\s+(?:\d\s+)?)?(?:[ld]['’])?"
    + _ANY_CONDITION
)
# Any condition of `_ANY_CONDITION`'s lists in the text: the first-person phrases' short cues ("ho", "am")
# start inside most texts, and each start tried the whole alternation of conditions (+5 us a record).
_HAS_ANY_CONDITION = any_word(
    tuple(
        sorted(
            {form for stem in _CONDITIONS for form in lexicon.readings(stem.strip())}
            | {form for stem in _words("near_conditions") for form in lexicon.readings(stem.strip(" *"))}
            | {form for stem in _words("cjk_conditions") for form in lexicon.readings(normalise(stem))}
            | {form for stem in _words("arabic_conditions") for form in lexicon.readings(stem)}
        )
    )
)
_SELF_STATED_WORDS = _words("self_stated")
_SELF_STATED = re.compile(lexicon.pattern(_SELF_STATED_WORDS))
_HAS_SELF_STATED = any_word(
    tuple(sorted({form for word in _SELF_STATED_WORDS for form in lexicon.readings(word.strip(" *"))}))
)


def _not_a_claim(match: re.Match[str], text: Text) -> bool:
    """Not a product's claim ("I am sugar-free") nor a zodiac sign ("I'm a Cancer, zodiac mug")."""
    end = match.end()
    return _FREE_AFTER.match(text.value, end) is None and _ZODIAC.search(text.value, end, end + 24) is None


# (text17) The writer, then a condition, in scripts without spaces; not a public's product ("저는 당뇨병
# 환자를 위한 머그를 만들어요", I make mugs for diabetics; "我有糖尿病友好食谱").
_CJK_FIRST_PERSON = re.compile(
    "(?:"
    + alternation(map(normalise, _words("cjk_first_person")))
    + r")\s?(?:"
    + _CJK_CONDITION.pattern
    # nor a cause's, a shop's or a study's ("私は認知症カフェのスタッフです", "我是糖尿病协会的志愿者")
    + r")(?!\S{0,2}\s?(?:환자[를들용]|을\s?위한|를\s?위한|용|向け|用|友好|专用|的人们|カフェ|啓発|支援|協会|"
    r"予防|研究|財団|基金|宣传|协会|協會|研究|预防|基金会|인식|협회|예방|재단|카페))"
)


# (text17) A pregnancy with its term is someone's ("6 months pregnant", "enceinte de 5 mois", "妊娠7ヶ月",
# "임신 7개월"); a product's copy names the pregnancy, not how far along one is.
_TERM = r"\d{1,2}(?:[.,]\d)?\.?\s*"
_PREGNANCY_TERM = re.compile(
    r"(?i)"
    + _TERM
    + r"(?:months?|weeks?|wks?|maanden|weken|Monate?n?|Wochen)\s+(?:pregnant|zwanger|schwanger)"
    r"|(?:enceinte|embarazada|incinta|gr[áa]vida|schwanger|zwanger)\s+(?:de|di|al|in\s+der|van)\s+"
    + _TERM
    + r"(?:mois|semaines?|meses|semanas|mesi|settimane|mese|SSW|Woche|maanden|weken)"
    r"|w\s+" + _TERM + r"(?:miesiącu|tygodniu)\s+ciąży"
    r"|на\s+" + _TERM + r"(?:-?[мй]\s*)?(?:месяце|неделе|місяці|тижні)\s+(?:беременности|вагітності)"
    r"|(?:妊娠|怀孕|懷孕|임신)\s*(?:中\s*)?" + _TERM + r"(?:ヶ月|か月|カ月|ヵ月|週|个月|個月|周|개월|주)"
)
_HAS_PREGNANCY = any_word(
    (
        "pregnant",
        "zwanger",
        "schwanger",
        "enceinte",
        "embarazada",
        "incinta",
        "grávida",
        "gravida",
        "ciąży",
        "беременности",
        "вагітності",
        "妊娠",
        "怀孕",
        "懷孕",
        "임신",
    )
)


# (text18) A condition with the time its course began (health.toml [course] says why): a word of a
# person's state, the condition, up to three words, then "since" and a year or a count of years; or the
# condition with "-positive" after it ("hiv-positief sinds 2015"). "in" a year only after a diagnosis.
_COURSE_WORDS = _words("course_words")
_YEARS = (
    r"(?:(?:19|20)\d\d|\d{1,2}\s+(?:years?|ans|jahren|jaar|años|anni|anos|lat|år|лет|года|років|yıl))(?!\d)"
)
_COURSE = re.compile(
    r"(?:(?P<state>"
    + lexicon.pattern(_COURSE_WORDS)
    + r")\s*(?:(?:"
    + alternation(_words("articles"))
    + r")\s+|[ld]['’])?(?:[\w-]+\s+){0,2}(?:[ld]['’])?"
    + _ANY_CONDITION
    + r"|"
    + _ANY_CONDITION
    + r"[\w'’]*[\s-]?(?:sero)?(?i:positi[\w]*|pozitiv[\w]*|позитивн\w*))"
    + r"[\w'’-]*(?:[\s,]+[\w'’-]+){0,3}?[\s,]+(?P<anchor>(?i:"
    + alternation(_table()["course_anchor"]["since"] + ["in", "en", "im", "nel", "em", "w", "в"])
    + r"))\s+"
    + _YEARS
)
_DIAGNOSED = re.compile(r"(?i)" + alternation(_table()["course_anchor"]["diagnosed"]))
_HAS_COURSE = any_word(
    tuple(
        sorted(
            {form for word in _COURSE_WORDS for form in lexicon.readings(word.strip())}
            | {"positi", "pozitív", "pozitiv", "позитивн"}
        )
    )
)


def _course_began(match: re.Match[str], text: Text) -> bool:
    """A "since" anchors any state; "in" a year only a diagnosis ("diagnosed with X in 2021")."""
    if match.group("anchor").lower() in {"in", "en", "im", "nel", "em", "w", "в"}:
        state = match.group("state")
        return state is not None and _DIAGNOSED.match(state) is not None
    return True


DETECTOR: PatternDetector = PatternDetector(
    entity="HEALTH_DATA",
    needs=HAS_WORDS | HAS_CAPITALS,
    rules=(
        PatternRule(
            "health.said_of_person", _CONDITION, _said_of_a_person, when=_HAS_CONDITION, requires=HAS_WORDS
        ),
        # (scanfast19) only in text with an Arabic letter, as `_arabic_text` says (scanfast23: the fact
        # itself, so that in Latin text with accents too every rule left waits for a cue word).
        PatternRule(
            "health.said_of_person",
            _ARABIC_CONDITION,
            _arabic_said_of_a_person,
            when=_arabic_text,
            requires=HAS_ARABIC,
        ),
        PatternRule("health.said_of_person", _NEAR, _near_said_of_a_person, when=_HAS_NEAR_CONDITION),
        PatternRule("health.said_of_person", _NEAR_AFTER, _near_said_of_a_person, when=_HAS_NEAR_CONDITION),
        PatternRule("health.record", _IN_RECORD, _near_said_of_a_person, when=_HAS_RECORD_WORD),
        PatternRule("health.first_person", _FIRST_PERSON, _not_a_claim, when=_HAS_ANY_CONDITION),
        PatternRule("health.first_person", _SELF_STATED, _not_a_claim, when=_HAS_SELF_STATED),
        PatternRule("health.pregnancy_term", _PREGNANCY_TERM, when=_HAS_PREGNANCY),
        PatternRule("health.course", _COURSE, _course_began, when=_HAS_COURSE, requires=HAS_WORDS),
        PatternRule(
            "health.first_person",
            _CJK_FIRST_PERSON,
            when=any_word(tuple(sorted(set(map(normalise, _words("cjk_first_person")))))),
        ),
        PatternRule(
            "health.said_of_person",
            _FOR_ONE_WHO,
            when=any_word(("для", "dla", "dlа")),
            requires=HAS_WORDS,
        ),
        PatternRule(
            "health.said_of_person",
            _CJK_CONDITION,
            _cjk_said_of_a_person,
            when=_cjk_text,
            requires=HAS_CAPITALS | HAS_UNSPACED,  # (scanfast23) each condition holds such a character
        ),
        *said_to.rules("HEALTH_DATA"),
    ),
)


_HEALTH_KEYS = key_names(_words("keys"))
_NONE = keyset(" ".join(_words("none")))


def _health_value(value: Any) -> bool:
    return stated(value, _NONE)


KEYED_RULES: tuple[KeyedRule, ...] = (KeyedRule("HEALTH_DATA", "health.key", _HEALTH_KEYS, _health_value),)
