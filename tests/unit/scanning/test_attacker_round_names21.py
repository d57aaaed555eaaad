# ruff: noqa: RUF001, RUF002 - names, honorifics and case forms in many scripts, on purpose
"""The names21 round (attacker_round_names21.json), written before reading the detectors: names across
locales in shapes no earlier names round used: one name in several transliteration systems, honorifics
after the name (Japanese -san/-sama/-sensei, Korean -ssi/-nim, Turkish Bey/Hanım, Swahili Bwana/Bi),
patronymics and matronymics (Icelandic -dóttir/-son, Russian middle names, Kazakh -qyzy/-uly, Arabic and
Malay ibn/bin/bint), names in the case form their governing word asks for (Finnish, Hungarian, Polish,
Czech, Baltic, Icelandic, Irish), baby and pet personalisation with a relation word, names in capitals on
jerseys in non-Latin scripts; its clean side holds cities in the genitive, products named after saints,
'Mutter Erde', historical figures on prints, fonts, ComfyUI node names and the same gifts and jerseys
with a relation word and no name.

Each "found" record must yield PERSON, each "clean" one no finding; what stays open is a strict xfail, by
class.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from tests.unit.scanning import attacker_round

_ROUND = attacker_round.load("attacker_round_names21.json")

_RELATION = (
    "a name after a relation or owner word whose given name no list holds ('para a avoa Xosefa "
    "Outeiriño'), or after an owner word in a case form the words before a name do not hold (Czech "
    "'miláčka Lenky Veselé', Hungarian 'gazdája Tóth Zsófia'). (Since names21 a child, grandchild or "
    "godchild after a possessive, 'für meine Tochter', 'per mia nipote', 'voor ons zoontje', 'vir ouma', "
    "and a pet's owner, 'mein Frauchen ist', 'mi dueña es', 'le chat de', are words before a name.)"
)
_DECLINED = (
    "a name in the case form its governing word asks for, where no kinship word stands before it or its "
    "words are in no list in that form: Czech genitive after 'portrét' ('Vojtěcha Procházky'), Belarusian "
    "genitive ('Алесі Міхайлаўны'), Welsh with a particle after a comma ('Mam-gu, Eirlys ap Rhys'). "
    "(Since names22 kinship and endearment words in the dative, allative or genitive are words before a "
    "name: 'vanaemale', 'močiutei', 'mylimam', 'milovanému dědečkovi', 'starého otca', 'dragemu dedku', "
    "'dragoj baki', 'za nanu', 'amona', 'til ömmu,', Bulgarian 'за баба', romanised Russian 'dlya'; and "
    "Lithuanian '-iui', '-ui', Latvian '-ei', '-iņai', Icelandic '-ar', '-dóttur' are case endings of "
    "data/names_scripts.toml.)"
)
_JERSEY = (
    "a surname alone with a shirt's number under a shirt's key, in a caseless script ('الشهري 10', "
    "'כהן-לוי 23', 'श्रीवास्तव 18', 'ワタナベ ショウタ 10', '이강민 7'), under a key no list holds ('ao'), or "
    "in Latin capitals of no listed surname or telling shape ('ZUBIZARRETA ARIZMENDI 10', 'ÖZTÜRKMEN 11'): "
    "a club's or a country's print has the same shape ('الهلال 10', 'TÜRKİYE 11'). (Since names21 a "
    "shirt's key is read as a print cue: person_jersey.shirt_print.)"
)
_CASELESS = (
    "a name in a script without capitals after a kinship word or before a postposition that no rule reads "
    "in that script (Urdu 'کے لیے', Tamil 'அவர்களுக்கு', Telugu 'గారికి', Malayalam, Sinhala, Nepali "
    "'-लाई', Lao, Khmer, Myanmar, Pashto, Georgian '-ს', Armenian '-ին', Mongolian, Chinese '奶奶王秀英的')"
)
_TURKIC = (
    "a Kazakh, Kyrgyz, Tajik or Mongolian name with a patronymic or a case suffix before or after its "
    "'for' ('Айгүл Серікқызы Жұмабаеваға', 'Aigul Serikkyzy Zhumabaevaga', 'Зарина Раҳимова' after "
    "'барои'): Cyrillic case endings of these languages are in no list. (Since names21 Uzbek 'uchun' and "
    "Turkmen 'üçin' after a name are read as Turkish 'için' is.)"
)
_OTHER = (
    "a name after a cue in a shape no rule reads: a romanised Arabic ibn chain ('Abd al-Rahman ibn Khalid "
    "al-Utaybi'), a Malay honorific before a bin/binti chain ('Puan Rohani binti Ismail'). (Since names21 "
    "Albanian 'gjyshen', Maltese 'għan-nanna', Somali 'ayeeyo', Swahili 'mtoto wetu', Indonesian 'adik "
    "saya' and Tagalog 'anak kong si' are words before a name.)"
)
_OPEN: dict[str, str] = {
    "Lenky Veselé": _RELATION,
    "Tóth Zsófia": _RELATION,
    "Xosefa Outeiriño": _RELATION,
    "Vojtěcha Procházky": _DECLINED,
    "Алесі Міхайлаўны": _DECLINED,
    "Eirlys ap Rhys": _DECLINED,
    "الشهري 10": _JERSEY,
    "כהן-לוי": _JERSEY,
    "श्रीवास्तव 18": _JERSEY,
    "ワタナベ ショウタ": _JERSEY,
    "이강민 7": _JERSEY,
    "TRẦN MINH KHÔI": _JERSEY,
    "ÖZTÜRKMEN": _JERSEY,
    "عائشہ صدیقی": _CASELESS,
    "மீனாட்சி சுந்தரம்": _CASELESS,
    "లక్ష్మీ వెంకటేశ్వరరావు": _CASELESS,
    "ശ്രീദേവി നായർക്ക്": _CASELESS,
    "කුසුම් පෙරේරාට": _CASELESS,
    "सीता श्रेष्ठलाई": _CASELESS,
    "ບົວພັນ ສີສຸລິດ": _CASELESS,
    "សុខ ចាន់ធា": _CASELESS,
    "ခင်မြင့်ကြည်": _CASELESS,
    "ګل بی بی": _CASELESS,
    "ნატო ბერიძეს": _CASELESS,
    "Անահիտ Պետրոսյանին": _CASELESS,
    "Батбаярын Сарантуяад": _CASELESS,
    "奶奶王秀英": _CASELESS,
    "Айгүл Серікқызы": _TURKIC,
    "Aigul Serikkyzy": _TURKIC,
    "Зарина Раҳимова": _TURKIC,
    "Abd al-Rahman ibn Khalid": _OTHER,
    "Puan Rohani binti Ismail": _OTHER,
}
_HISTORICAL = (
    "a saint, a sultan or a scholar on a print or a building ('Saint Nicholas of Myra', 'San Francesco "
    "d'Assisi', 'Salah ad-Din Yusuf ibn Ayyub', 'مسجد عمر بن الخطاب', 'ابن سينا') read as a customer's "
    "name: a list of historical figures would be tuned to a sample"
)
_CLEAN_OPEN = {
    "Saint Nicholas of Myra": _HISTORICAL,
    "San Francesco d'Assisi": _HISTORICAL,
    "Salah ad-Din Yusuf ibn Ayyub": _HISTORICAL,
    "عمر بن الخطاب": _HISTORICAL,
    "ابن سينا": _HISTORICAL,
    "Rakkaalle mummolle, lapsenlapsilta": (
        "Finnish 'mummolle' (to grandma) read as health data said of a person (health.py's, not PERSON)"
    ),
    "portret kota na parapecie": (
        "Polish 'portret kota' (a cat's portrait) read as a portrait of a person named Kot, a real surname"
    ),
}


@pytest.mark.parametrize(("params", "entity"), attacker_round.found_cases(_ROUND, _OPEN))
def test_personal_data_is_found(params: dict[str, Any], entity: str) -> None:
    assert entity in {finding.entity for finding in scan_parameters(params)}


@pytest.mark.parametrize("params", attacker_round.clean_cases(_ROUND, _CLEAN_OPEN))
def test_clean_record_has_no_finding(params: dict[str, Any]) -> None:
    assert scan_parameters(params) == []


def test_round_covers_fifty_languages_and_its_size() -> None:
    assert len(attacker_round.languages(_ROUND)) >= 50
    assert len(_ROUND["found"]) >= 200
    assert len(_ROUND["clean"]) >= 200
