"""The names19 round (attacker_round_names19.json), written before reading the detectors: a full name alone
as the value of a personalisation, recipient, engraving or customer field, a name before "'s" and an
occasion, "Dear" and its kin in 60-odd languages before names of no list, "love from" and "To ... from" in
scripts without capitals, vCard lines, calendar titles, alt text, congratulation and retirement banners,
family signs, birth announcements, pet tags and mugs; its clean side holds the same fields with catalogue
copy ("Ocean Breeze", "Classic Tote", "Per Sempre"), dishes, furniture and fonts named after people,
cultivars, ships, licensed characters' and saints' days, historical figures' birthdays, "Dear Customer" in
each language and "love from" a city.

Each "found" record must yield PERSON, each "clean" one no finding; what stays open is a strict xfail, by
class.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from gate.scanning.context import key_info
from gate.scanning.detectors import person_lone
from tests.unit.scanning import attacker_round

_ROUND = attacker_round.load("attacker_round_names19.json")

_SALUTED_ONE = (
    "one given name after a letter's opening where no list holds the name ('Dear Zephyrine,', 'Kjære "
    "Ragnfrid,', 'Sevgili Nurcihan,'), holds it in a vocative ('Droga Genowefo', 'Milá Vlasto'), after a "
    "kinship word or a title ('Dear Uncle Bartholo', 'Dear Professor Okwuosa'), or after an opening the "
    "lexicon lacks ('My dearest', 'Brangioji', 'Maite', Hebrew 'ליקרה' with its prefix, Irish 'A'): "
    "'Dear Princess,', 'Dear Sunshine,' greet no one, so a word of the wider list alone is not read"
)
_OCCASION_OF = (
    "a name joined to an occasion by a case ending ('születésnapjára') or by an 'of' before a given name no "
    "list holds ('quinceañera de Yaretzi Montemayor'), or an English possessive whose words no list knows "
    "('Dashiell Grantham's', 'Oakley Pennington's'): person_lone.possessive_name reads the English 's "
    "only. (Since names21 'Geburtstag von', 'cumpleaños de', 'verjaardag van', 'anniversaire de', "
    "'aniversário da' are words before a name, as 'wedding of' is: cues.toml [person_before].)"
)
_CLOSING_OTHER = (
    "a sender after a closing of a language the rules do not read ('avec amour, de la part de', Thai "
    "'ด้วยรัก จาก', Amharic 'ከፍቅር ጋር', Sinhala, Khmer, Lao, Myanmar, Dravidian closings with the name "
    "after a comma), a sender before a 'from' postposition ('... की ओर से', 'تھ ... کی طرف سے'), or a "
    "'to ... from' with a kinship word or a team ('To Maximilian from Grandma Ilse', 'happy birthday to "
    "Caspian Wetherell from the office team', 'love from Imelda, Brannock and the twins')"
)
_TEMPLATE = (
    "a name in a template no rule reads: 'Attn:', a vCard's FN/N lines, a calendar's 'Call with', 'The "
    "... Family', 'Baby'/'bébé'/'kleine' before a newborn's name, two given names joined by '&' on a "
    "wedding sign, a mug's 'World's Best Grandpa — ...', 'Personalization:' before 'A & B Surname', a "
    "name after a kinship phrase and a comma, 'Ezekiel turns 4', 'Jannik wird 7', Chinese '送给王秀英奶奶的'"
)
_LONE_UNLISTED = (
    "a lone value under a personalisation key whose words no list knows and whose surname has no telling "
    "shape ('Jurandir Albuquerque Leitão', Cyrillic 'Остап Кравчишин': person_lone reads a Cyrillic given "
    "name through its Latin letters, and 'ostap' is in no list)"
)
_OPEN: dict[str, str] = {
    "therell from the office team": _CLOSING_OTHER,
    "Maximilian from Grandma Ilse": _CLOSING_OTHER,
    "إلى يوسف من جدته نورة": _CLOSING_OTHER,
    " ساتھ، عائشہ صدیقی کی طرف سے": _CLOSING_OTHER,
    "ከፍቅር ጋር ከአበበ በቀለ": _CLOSING_OTHER,
    "विवेक के लिए, दादी की ओर से": _CLOSING_OTHER,
    "புடன், கலைச்செல்வி முருகேசன்": _CLOSING_OTHER,
    "પ્રેમ સાથે, હેતલ પટેલ તરફથી": _CLOSING_OTHER,
    "ਿਆਰ ਸਹਿਤ, ਹਰਪ੍ਰੀਤ ਗਿੱਲ ਵੱਲੋਂ": _CLOSING_OTHER,
    "ಪ್ರೀತಿಯಿಂದ, ಮಂಜುನಾಥ ಗೌಡ": _CLOSING_OTHER,
    "സ്നേഹത്തോടെ, അനൂപ് നായർ": _CLOSING_OTHER,
    "ආදරයෙන්, කුමුදු ජයසිංහ": _CLOSING_OTHER,
    "ด้วยรัก จาก สมหญิง ใจดี": _CLOSING_OTHER,
    "ถึง ณัฐวุฒิ จาก คุณยาย": _CLOSING_OTHER,
    "სიყვარულით, თამარ ბერიძისგან": _CLOSING_OTHER,
    "ជូនចំពោះ សុខា ពីម្ដាយ": _CLOSING_OTHER,
    "စ်ခင်စွာဖြင့် မောင်မောင်ထံမှ": _CLOSING_OTHER,
    "ດ້ວຍຮັກ ຈາກ ບຸນມີ": _CLOSING_OTHER,
    "elda, Brannock and the twins": _CLOSING_OTHER,
    "a part de Perrine et Gaspard": _CLOSING_OTHER,
    "Jurandir Albuquerque Leitão": _LONE_UNLISTED,
    "Остап Кравчишин": _LONE_UNLISTED,
    "ell Grantham's 7th birthday!": _OCCASION_OF,
    "eañera de Yaretzi Montemayor": _OCCASION_OF,
    "d 50. születésnapjára molinó": _OCCASION_OF,
    "ton's first communion banner": _OCCASION_OF,
    "ank you for the lovely scarf": _SALUTED_ONE,
    "r, happy 60th from all of us": _SALUTED_ONE,
    "artholo, thanks for the bike": _SALUTED_ONE,
    "llistrate, happy anniversary": _SALUTED_ONE,
    "ank you for a wonderful year": _SALUTED_ONE,
    "e Geertruida, gefeliciteerd!": _SALUTED_ONE,
    "Kjære Ragnfrid, takk for alt": _SALUTED_ONE,
    "efo, wszystkiego najlepszego": _SALUTED_ONE,
    " Vlasto, děkujeme za všechno": _SALUTED_ONE,
    "ngioji Dalia, su gimtadieniu": _SALUTED_ONE,
    "gili Nurcihan, iyi ki doğdun": _SALUTED_ONE,
    "breithlá sona duit ó Dhónall": _SALUTED_ONE,
    " zorionak zure urtebetetzean": _SALUTED_ONE,
    "rida Uxía, feliz aniversario": _SALUTED_ONE,
    "ליקרה שולמית, מזל טוב": _SALUTED_ONE,
    "an Cabdi, dhalasho wanaagsan": _SALUTED_ONE,
    "প্রিয় অরিন্দম, শুভ জন্মদিন": _SALUTED_ONE,
    "ाढदिवसाच्या हार्दिक शुभेच्छा": _SALUTED_ONE,
    "Kochana Teodozjo, sto lat!": _SALUTED_ONE,
    "sbottom;Gideon;;;\\nEND:VCARD": _TEMPLATE,
    "rummond-Ashe re banner proof": _TEMPLATE,
    "by Soraya Tillingham, 3.2 kg": _TEMPLATE,
    "Isadora & Callum, 12.06.2027": _TEMPLATE,
    "ion: Lennox & Marigold Ashby": _TEMPLATE,
    "ufe, kleine Wiebke Ostendorf": _TEMPLATE,
    "ortenaufleger: Jannik wird 7": _TEMPLATE,
    "ance : bébé Anatole Rigoulot": _TEMPLATE,
    "l mundo, Remedios Villaseñor": _TEMPLATE,
    "送给王秀英奶奶的八十大寿横幅": _TEMPLATE,
    "ke topper: 'Ezekiel turns 4'": _TEMPLATE,
}
_NAMED_THING = (
    "a thing named after a person where the words that say so are outside the text: a cultivar under its "
    "plant's key ({'clematis': 'Nelly Moser'}), a railway line ('Elizabeth Line'). (Since names22 a "
    "Scandinavian street word after a name in the genitive is read: 'Karl Johans gate'.)"
)
_CLEAN_OPEN = {
    "Nelly Moser": _NAMED_THING,
    "Elizabeth Line": _NAMED_THING,
    "Goethestraße 12": "a building's street and number in a prompt read as an address (location.py)",
    "Rakas asiakas": "Finnish 'rakas asiakas' (dear customer) read as health data (health.py)",
}

# Neighbours of the classes this round fixed, each a rule with the values either side of it.
_FOUND_BY_CLASS = [
    # a full name alone under a personalisation or customer field (person_lone.py)
    {"customer_note": "Kenneth Guerrero"},
    {"engraving": "Megan Sandoval"},
    {"engraving_line_1": "Teymuraz İdrisli"},
    {"gravur": "Chidimma Nwachukwu"},
    {"custom_text": "فاطمة الزهراني"},
    {"gift_recipient": "Ngozi Adeyemi-Clarke"},
    # a possessive before an occasion, in any script
    {"prompt": "Shawna Wells's retirement party cake topper"},
    {"prompt": "a banner for Ruben Villanueva's quinceañera"},
    {"prompt": "Матка Градинарова's birthday banner"},
    {"prompt": "მირიან ჯოხაძე's birthday banner with balloons"},
    {"prompt": "অদৃতা চন্দ্র's baby shower sign"},
    # a name of a script without capitals after "Dear" or an opening of its own, or after "love from"
    {"message": "Dear অদৃতা দেব, thank you for your order"},
    {"message": "Dear მარინა ღარიბაშვილი, thank you"},
    {"prompt": "ძვირფასო ნინო, გილოცავ დაბადების დღეს"},
    {"prompt": "प्रिय राजेश, जन्मदिन मुबारक"},
    {"gift_message": "To سراج, love from قائد"},
    {"gift_message": "To কুনাল, love from মনোজ"},
    # an opening of a language the lexicon lacked
    {"prompt": "E dashur Mirela, gëzuar ditëlindjen"},
    {"prompt": "Драга Милица, срећан рођендан"},
    {"prompt": "Құрметті Гүлнар, туған күніңмен"},
    # a name on the line under an e-mail's closing, with or without its comma (names18's signatures)
    {"prompt": "Kind regards\nMarta Kowalczyk-Brandt\nPurchasing"},
    {"prompt": "Saludos\nIgnacio Berrocal Peña"},
    {"prompt": "Thanks,\n--\nHollis Weatherby\nSenior Buyer"},
]
_CLEAN_BY_CLASS = [
    # the same fields holding catalogue copy, a kind of customer, or a word of a greeting
    {"engraving": "Ocean Breeze"},
    {"engraving": "Forever Yours"},
    {"incisione": "Per Sempre"},
    {"engraving": "Grace Kelly Blue"},
    {"custom_text": "Best Teacher Ever"},
    {"child_name": "Baby Boy"},
    {"customer_segment": "Gen Z"},
    {"customer_tier": "Gold Member"},
    {"product_name": "Jordan Almonds"},
    {"customer_note": "Leave At Door"},
    # a licensed character's or a saint's occasion
    {"prompt": "Mickey Mouse's birthday party supplies"},
    {"prompt": "Harry Potter's birthday cake topper"},
    {"prompt": "Hello Kitty's birthday party"},
    {"prompt": "Peppa Pig's birthday banner"},
    {"prompt": "St. Patrick's Day parade banner"},
    # a word of address after an opening, a city after "love from"
    {"prompt": "प्रिय ग्राहक, धन्यवाद"},
    {"prompt": "प्रिय दोस्त, धन्यवाद"},
    {"prompt": "প্রিয় বন্ধু, শুভ জন্মদিন"},
    {"prompt": "ძვირფასო მეგობარო, გილოცავ"},
    {"prompt": "ውድ ደንበኛ፣ እናመሰግናለን"},
    {"prompt": "love from القاهرة"},
    {"prompt": "Dear Santa, all I want for Christmas"},
    # a closing before a team, a service or product copy
    {"prompt": "Best regards\nThe Acme Team"},
    {"prompt": "Thanks,\n--\nCustomer Service"},
    {"prompt": "Mit freundlichen Grüßen\nIhr Kundenservice"},
    {"prompt": "Cheers\nLimited Edition Print"},
    {"prompt": "Love\nHome Sweet Home"},
]


@pytest.mark.parametrize(("params", "entity"), attacker_round.found_cases(_ROUND, _OPEN))
def test_personal_data_is_found(params: dict[str, Any], entity: str) -> None:
    assert entity in {finding.entity for finding in scan_parameters(params)}


@pytest.mark.parametrize("params", attacker_round.clean_cases(_ROUND, _CLEAN_OPEN))
def test_clean_record_has_no_finding(params: dict[str, Any]) -> None:
    assert scan_parameters(params) == []


@pytest.mark.parametrize("params", _FOUND_BY_CLASS)
def test_fixed_class_is_found(params: dict[str, Any]) -> None:
    assert "PERSON" in {finding.entity for finding in scan_parameters(params)}


@pytest.mark.parametrize("params", _CLEAN_BY_CLASS)
def test_fixed_class_neighbour_stays_clean(params: dict[str, Any]) -> None:
    assert "PERSON" not in {finding.entity for finding in scan_parameters(params)}


def test_round_covers_fifty_languages_and_its_size() -> None:
    assert len(attacker_round.languages(_ROUND)) >= 50
    assert len(_ROUND["found"]) >= 200
    assert len(_ROUND["clean"]) >= 200


def test_lone_name_reads_keys_by_their_words() -> None:
    # A key is read by its words, and a word that makes it a kind of customer takes it out.
    rule = person_lone.KEYED_RULES[0]
    assert rule.matches(key_info("customer_note"))
    assert rule.matches(key_info("engravingLine1"))
    assert not rule.matches(key_info("customer_segment"))
    assert not rule.matches(key_info("product_name"))
