# ruff: noqa: RUF001, RUF002 - Cyrillic and Turkish words, on purpose
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
  妊娠中です", "客户患有糖尿病").

"people with diabetes", "for anyone who is pregnant" name nobody, and stay clean; so does the zodiac
sign ("she is a Cancer, zodiac mug"). Under a health key (`medical_condition`, `allergies`,
`diagnosis`, `Allergien`, `maladie`, `アレルギー` ...) any value but "none" counts.
"""

from __future__ import annotations

import re
from typing import Any

from gate.scanning import lexicon
from gate.scanning.context import key_info
from gate.scanning.detectors.base import (
    HAS_CAPITALS,
    HAS_WORDS,
    KeyedRule,
    PatternDetector,
    PatternRule,
    Text,
    any_word,
    keyset,
)

# Condition stems, matched at a word's start in the lower-cased text (`Text.lower`), by language.
_CONDITIONS = (
    # en
    "diabet", "pregnan", "allergic to", "allergy to", "cancer", "leukemia", "leukaemia", "tumor", "tumour",
    "hiv", "aids", "epilep", "asthma", "depression", "depressed", "dementia", "alzheimer", "parkinson",
    "autis", "adhd", "celiac", "coeliac", "crohn", "multiple sclerosis", "chemo", "dialysis", "insulin",
    "antidepressant", "schizophren", "bipolar", "anorexi", "bulimi", "miscarriage", "hepatitis",
    "tuberculosis", "heart disease", "heart attack", "long covid", "ptsd", "arthritis", "lupus",
    "cystic fibrosis", "down syndrome", "terminally ill", "terminal illness", "wheelchair user", "ivf",
    # de
    "zuckerkrank", "schwanger", "allergisch", "allergie gegen", "krebs", "leukämie", "epilepsie", "demenz",
    "autist", "zöliakie", "dialyse", "rollstuhl", "multiple sklerose", "depressionen",
    # fr
    "diabét", "enceinte", "allergique", "leucémie", "tumeur", "vih", "sida", "épilep", "asthmatique",
    "dépress", "démence", "cœliaque", "coeliaque", "chimio", "insuline", "fauteuil roulant",
    # es, pt, it
    "embarazada", "alérgic", "alergic", "cáncer", "vih", "epilép", "asma", "depresión", "demencia",
    "alzhéimer", "celíac", "quimio", "diálisis", "insulina", "grávida", "gravida", "câncer", "cancro",
    "depressão", "demência", "diálise", "incinta", "allergic", "tumore", "epiless", "demenza", "celiac",
    "chemio", "dialisi", "silla de ruedas", "cadeira de rodas", "sedia a rotelle",
    # nl
    "suikerziekte", "zwanger", "kanker", "leukemie", "epilepsie", "astma", "depressie", "dementie",
    "coeliakie", "insuline",
    # pl
    "cukrzyc", "w ciąży", "uczulon", "alergi", "białaczk", "nowotw", "padaczk", "astm", "depresj",
    "demencj", "chemioterapi", "dializ", "raka",
    # ru, uk
    "диабет", "беременн", "аллерги", "рак ", "раком", "онколог", "лейкоз", "опухол", "вич", "эпилепс",
    "астм", "депресс", "деменц", "альцгеймер", "паркинсон", "аутизм", "химиотерап", "диализ", "инсулин",
    "вагітн", "цукровий діабет",
    # tr
    "diyabet", "şeker hastası", "seker hastasi", "hamile", "alerjisi", "kanser", "lösemi", "epilepsi",
    "astım", "astim", "depresyon", "otizm", "kemoterapi", "diyaliz", "insülin",
)  # fmt: skip
# Read as `normalise` leaves text (Cyrillic and Greek letters may read as Latin look-alikes): the
# lexicon's letter classes, each stem a word's start.
_CONDITION = re.compile(
    lexicon.pattern(
        sorted({stem.strip() + ("" if stem.endswith(" ") else "*") for stem in _CONDITIONS}, key=len)[::-1]
    )
)


def _readings(words: str) -> frozenset[str]:
    """`words` (space-separated) as written and as they read in normalised, lower-cased text."""
    return frozenset(form for word in words.split() for form in lexicon.readings(word) | {word})


# Conditions of the scripts written without spaces, and their person words.
_CJK_CONDITION = re.compile(
    "糖尿病|妊娠|アレルギー|がん|癌|白血病|腫瘍|エイズ|てんかん|喘息|うつ病|認知症|アルツハイマー|パーキンソン|自閉症|"
    "抗がん剤|透析|インスリン|怀孕|懷孕|过敏|過敏|肿瘤|艾滋病|癫痫|哮喘|抑郁症|痴呆|阿尔茨海默|帕金森|自闭症|化疗|"
    "胰岛素|당뇨|임신|알레르기|백혈병|종양|에이즈|천식|우울증|치매|알츠하이머|파킨슨|자폐|항암|투석|인슐린"
)
_CJK_PERSON = re.compile(
    "お客様|お客さま|顧客|彼女|彼|妻|夫|母|父|息子|娘|友人|祖母|客户|顾客|顧客|她|他|妻子|丈夫|妈妈|爸爸|儿子|女儿|"
    "朋友|奶奶|고객|그녀|아내|남편|엄마|아빠|아들|딸|친구"
)
_CJK_WINDOW = 12
# "糖尿病の方へ", "妊娠中の方へ": the person with the condition, addressed ("to the one with ..."); not
# "糖尿病の方にも安心" (copy for everyone with it), so only a "to" or an honorific after "the one".
_CJK_THE_ONE_WITH = re.compile(
    r"(?:中)?の(?:方|患者(?:さん|様)?)(?:へ|様)|(?:인|이신)?\s?(?:분|환자분)(?:께|에게)"
)
_CJK_AFTER = 6

# Arabic: the conditions (with the article "ال" and the prepositions "ب"/"ل" joined to them, so matched
# inside a word) and the people they are said of; "برج السرطان" is the zodiac sign.
_ARABIC_CONDITION = re.compile(
    r"سكري|(?:ال)?حامل(?!\w)|سرطان|كيماوي|كيميائي|اكتئاب|إعاقة|اعاقة|معاق|توحد|صرع|ربو|زهايمر|خرف|"
    "باركنسون|غسيل الكلى|لوكيميا|ابيضاض|أنسولين|انسولين|فيروس نقص المناعة|إيدز|ايدز"
)
_ARABIC_PERSON = re.compile(
    "زوجتي|زوجي|أمي|امي|والدتي|والدي|أبي|ابي|ابني|ابنتي|أختي|اختي|أخي|اخي|صديقتي|صديقي|جدتي|جدي|"
    "العميلة|العميل|الزبونة|الزبون|عميلتنا|عميلنا|المستلمة|المستلم|هي |هو "
)
_ARABIC_PERSON_LAST = re.compile("(?:" + _ARABIC_PERSON.pattern.replace(" ", "") + r")\s*$")
_ARABIC_WINDOW = 24
_ARABIC_ZODIAC = re.compile("برج")

# A linking word (and an article) right before the condition.
_LINKED = re.compile(
    r"(?i)(?:^|[^\w])(?:is|was|are|has|had|have|with|from|takes|taking|on|got|"
    r"diagnosed with|suffers from|suffering from|living with|battling|fighting|recovering from|treated for|"
    r"ist|war|hat|hatte|mit|an|unter|nimmt|leidet an|"
    r"est|était|a|avec|de|souffre de|atteinte? de|d'un|d'une|prend|"
    r"es|está|esta|tiene|con|padece|padece de|sufre de|toma|diagnosticad[oa] con|"
    r"è|ha|con|di|soffre di|prende|"
    r"is|heeft|met|lijdt aan|"
    r"é|está|tem|com|sofre de|toma|"
    r"jest|ma|z|na|choruje na|bierze|"
    r"hastası|var)"
    r"[\s,:]+(?:(?:a|an|ein|eine|einen|un|une|una|uno|een|um|uma|la|le|du|des|el|il|lo)\s+)?"
    # one word between ("has breast cancer", "has type 1 diabetes")
    r"(?:[\w-]+\s+(?:\d\s+)?)?$"
)
# "для беременной", "dla ciężarnej": "for" and a condition as a noun in the singular is for one person
# (the plural, "для беременных", "dla ciężarnych", is a product's public).
_FOR_ONE_WHO = re.compile(
    lexicon.pattern(["для", "dla"])
    + r"\s+"
    + lexicon.pattern(
        [
            "беременной", "беременную", "вагітної", "онкобольной", "диабетика", "инвалида", "ciężarnej",
            "cukrzyka", "niepełnosprawnej",
        ]
    )
    + r"(?!\w)"
)  # fmt: skip
_LINKED_CYRILLIC = re.compile(
    lexicon.pattern(["у нее", "у неё", "у него", "с", "страдает", "болеет", "больна", "болен"]) + r"[\s,:]+$"
)
# A specific person: the one the condition is said of (each also as `normalise` may read it).
_PERSON_WORDS = _readings(
    "customer client she he her his him recipient buyer wife husband mom mum mother dad father son daughter "
    "friend sister brother grandma grandmother grandpa grandfather boyfriend girlfriend partner colleague "
    "who i i'm kunde kundin sie er ihr empfänger empfängerin frau mann mutter vater mama papa sohn tochter "
    "freund freundin schwester bruder oma opa meine mein client cliente elle il destinataire femme mari "
    "mère père maman fils fille ami amie sœur soeur frère qui ella él destinatario destinataria esposa "
    "esposo marido madre padre mamá hijo hija amigo amiga hermana hermano abuela abuelo quien lei lui "
    "moglie mamma papà figlio figlia amico amica sorella fratello nonna nonno klant zij ze hij ontvanger "
    "vrouw man moeder vader zoon dochter vriend vriendin zus broer ela ele destinatário mãe pai filho "
    "filha irmã irmão avó avô klient klientka ona on żona mąż tata syn córka przyjaciółka siostra brat "
    "babcia dziadek клиент клиентка она он жена муж мама папа сын дочь друг подруга сестра брат бабушка "
    "дедушка получатель нее неё него müşteri annem babam eşim"
)
# Pronouns and possessives: a person word, but "her pregnancy announcement" is a product's theme, so only
# the nouns count right before the condition ("cliente celíaco", "клиентка беременна").
_PRONOUNS = _readings(
    "she he her his him who i i'm sie er ihr meine mein elle il qui ella él quien lei lui zij ze hij ela ele "
    "ona on она он"
)
# "diagnosis: HIV positive, customer John": the person may follow.
_DIAGNOSIS = re.compile(r"(?i)(?:diagnos[a-z]*|diagnóstico|diagnostic|диагноз)[\s:]+$")
# A name after "for" ("pour Marie", "para Carlos", "für Anna").
_NAME_AFTER_FOR = re.compile(r"\b(?:for|für|pour|para|per|voor|dla|pra)\s+[^\W\d_a-zà-ÿ][^\W\d_]+")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_WINDOW = 48
# A possessive right before a treatment or a grave illness is that person's ("her chemotherapy", "his
# dialysis", "ihre Chemotherapie"); pregnancy is not among them ("her pregnancy announcement" is a theme).
_POSSESSIVES = _readings(
    "her his my their ihre ihrer seine seiner meine meiner sa son ses su sus sua suo haar zijn jej jego "
    "её его"
)
_TREATMENT = re.compile(
    r"(?i)(?:chemo|chimio|quimio|chemio|химиотерап|kemoterapi|dialys|dialyse|diálise|diálisis|dialisi|диализ|"
    r"diyaliz|radiotherap|radiation therapy|strahlentherapie|cancer|cáncer|câncer|krebs|leuk|tumou?r|"
    r"dementia|demenz|alzheimer|parkinson)"
)
# "chemo-free", "sugar-free, diabetic-friendly": a product's claim, not a condition.
_FREE_AFTER = re.compile(r"(?i)[\w]*-?(?:free|friendly|frei|libre|sans)\b")
_ZODIAC = re.compile(r"(?i)\b(?:zodiac|sign|season|horoscope|star sign|sternzeichen|signe|signo|segno)\b")


def _person_before(text: Text, start: int) -> bool:
    before = text.value[max(0, start - _WINDOW) : start].lower()
    if any(word in _PERSON_WORDS for word in _WORD.findall(before)):
        return True
    return _NAME_AFTER_FOR.search(text.value, max(0, start - _WINDOW), start) is not None


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
    if linked and _person_before(text, start):
        return True
    if _DIAGNOSIS.search(value, max(0, start - 16), start):
        after = value[end : end + _WINDOW].lower()
        if any(word in _PERSON_WORDS for word in _WORD.findall(after)):
            return True
    previous = _WORD.findall(value[max(0, start - 24) : start].lower())
    if previous and previous[-1] in _PERSON_WORDS and previous[-1] not in _PRONOUNS:
        return True
    if previous and previous[-1] in _POSSESSIVES and _TREATMENT.match(value, start):
        return True
    # "diabetic customer", "pregnant wife", "schwangere Kundin": the condition as the person's adjective.
    word_end = end
    while word_end < len(value) and value[word_end].isalpha():
        word_end += 1
    following = _WORD.match(value, word_end + 1) if word_end < len(value) and value[word_end] == " " else None
    return following is not None and following.group().lower() in _PERSON_WORDS


def _cjk_said_of_a_person(match: re.Match[str], text: Text) -> bool:
    value = text.value
    if _CJK_PERSON.search(value, max(0, match.start() - _CJK_WINDOW), match.start()) is not None:
        return True
    return _CJK_THE_ONE_WITH.match(value, match.end(), match.end() + _CJK_AFTER) is not None


def _arabic_said_of_a_person(match: re.Match[str], text: Text) -> bool:
    value = text.value
    start = match.start()
    if _ARABIC_ZODIAC.search(value, max(0, start - 6), start):
        return False
    if "حامل" in match.group():
        # "حامل" is also a holder ("حامل هاتف"): pregnant only right after the person ("زوجتي الحامل").
        return _ARABIC_PERSON_LAST.search(value[max(0, start - _ARABIC_WINDOW) : start]) is not None
    window = value[max(0, start - _ARABIC_WINDOW) : match.end() + _ARABIC_WINDOW]
    return _ARABIC_PERSON.search(window + " ") is not None


_ARABIC_LETTER = re.compile("[\u0600-\u06ff]")


def _arabic_text(text: Text) -> bool:
    return not text.value.isascii() and _ARABIC_LETTER.search(text.value) is not None


_HAS_CONDITION = any_word(
    tuple(sorted({form for stem in _CONDITIONS for form in lexicon.readings(stem.strip())}))
)


def _cjk_text(text: Text) -> bool:
    return not text.value.isascii()


DETECTOR = PatternDetector(
    entity="HEALTH_DATA",
    needs=HAS_WORDS | HAS_CAPITALS,
    rules=(
        PatternRule(
            "health.said_of_person", _CONDITION, _said_of_a_person, when=_HAS_CONDITION, requires=HAS_WORDS
        ),
        PatternRule("health.said_of_person", _ARABIC_CONDITION, _arabic_said_of_a_person, when=_arabic_text),
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
            requires=HAS_CAPITALS,
        ),
    ),
)


def _keys(words: str) -> frozenset[str]:
    """Key names as `context.key_info` reads keys ("アレルギー" loses its voicing marks there)."""
    return keyset(words) | frozenset(key_info(word).norm for word in words.split())


_HEALTH_KEYS = _keys(
    "medical_condition medical_conditions health_condition health_info health_data diagnosis "
    "diagnoses allergies allergy medication medications medical_history disability "
    "krankheit krankheiten diagnose allergien medikamente gesundheit vorerkrankungen "
    "maladie maladies allergies_client medicaments traitement sante enfermedad enfermedades alergias "
    "medicamentos diagnostico salud malattia malattie allergie farmaci diagnosi salute ziekte allergieen "
    "medicijnen diagnose gezondheid doenca alergias medicamentos saude choroba choroby alergie leki "
    "diagnoza zdrowie диагноз аллергия аллергии болезнь заболевание лекарства здоровье 病歴 既往歴 既往症 "
    "アレルギー 持病 病気 病史 过敏 過敏 診断 诊断 병력 알레르기 진단"
)
_NONE = keyset(
    "none no n/a na - nein keine aucun aucune ninguna ninguno nessuna nessuno geen nenhum nenhuma brak нет "
    "なし 无 無 없음 false"
)


def _health_value(value: Any) -> bool:
    if isinstance(value, list | tuple):
        return any(_health_value(item) for item in value)
    if isinstance(value, dict):
        return any(_health_value(item) for item in value.values())
    if isinstance(value, bool) or value is None:
        return bool(value)
    return isinstance(value, str) and value.strip().lower() not in _NONE and bool(value.strip())


KEYED_RULES: tuple[KeyedRule, ...] = (KeyedRule("HEALTH_DATA", "health.key", _HEALTH_KEYS, _health_value),)
