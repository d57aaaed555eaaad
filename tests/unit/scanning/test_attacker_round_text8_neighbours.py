# ruff: noqa: RUF001 - text of many scripts, on purpose
"""Truth tables for the classes round 8 (attacker_round_text8.json) fixed, each with its clean neighbours:
the example of the round is one row; the rule a linguist would name is the table."""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from tests.unit.scanning.found import entities

# (text, entity or None): a condition in a medical record or after a diagnosis label is someone's; a
# singular patient is a person; Arabic person words are whole words.
HEALTH = [
    ("Befund: Diagnose Multiple Sklerose", "HEALTH_DATA"),
    ("Patientenakte, Vorerkrankung Epilepsie", "HEALTH_DATA"),
    ("diagnosis: type 1 diabetes, portrait for the file", "HEALTH_DATA"),
    ("карточка пациента, диагноз: сахарный диабет", "HEALTH_DATA"),
    ("hastanın tanısı meme kanseri", "HEALTH_DATA"),
    ("病歴：うつ病で通院中", "HEALTH_DATA"),
    ("hồ sơ bệnh án: ung thư phổi", "HEALTH_DATA"),
    ("expediente clínico: esquizofrenia paranoide", "HEALTH_DATA"),
    ("paciente con diabetes tipo 2", "HEALTH_DATA"),
    ("صورة لمريض مصاب بالسرطان", "HEALTH_DATA"),
    ("زوجتي مصابة بالسكري", "HEALTH_DATA"),
    # kin and a condition in languages read by nearness (Danish, Norwegian, Russian, Ukrainian, Bulgarian,
    # Serbo-Croatian), and linking words of Romanian, Russian "на", an elided article
    ("min mor har kræft", "HEALTH_DATA"),
    ("mor min har kreft", "HEALTH_DATA"),
    ("у мамы диабет", "HEALTH_DATA"),
    ("моя мама болеет диабетом", "HEALTH_DATA"),
    ("моя мати хворіє на діабет", "HEALTH_DATA"),
    ("майка ми има диабет", "HEALTH_DATA"),
    ("moja majka ima dijabetes", "HEALTH_DATA"),
    ("mama mea este însărcinată", "HEALTH_DATA"),
    ("mamma mia ha l'Alzheimer", "HEALTH_DATA"),
    ("клиентка на инсулине", "HEALTH_DATA"),
    ("syn ma autyzm", "HEALTH_DATA"),
    ("bog om kræft for børn", None),
    ("книга о диабете", None),
    ("моя мама и диабетическое печенье без сахара", None),  # diabetic (sugar-free) biscuits
    ("moja mama i dijabetički kolači", None),
    ("min mor og jeg, plakat", None),
    ("fără zahăr pentru diabetici", None),
    ("diagnosis kit for diabetes, product shot", None),
    ("Diagnose-Set für Diabetes", None),
    ("meme kanserinin erken tanısı için afiş", None),  # poster for early diagnosis of breast cancer
    ("うつ病の本の表紙", None),  # a book cover about depression
    ("folleto para pacientes con diabetes", None),
    ("patients with diabetes leaflet", None),
    ("منتجات للمرضى المصابين بالسكري", None),  # products for patients with diabetes
    ("مصابين بالسكري", None),
    ("be patient with the process poster", None),
]

# (text, entity or None): a full name after an honorific that is an everyday word too; Greek accusative
# and Serbian oblique surnames after a bare "for"; drinks named after people; "colour" in Bengali/Hindi.
PERSON = [
    ("Sayın Ahmet Yılmaz", "PERSON"),
    ("Sayın Elif Kaya Hanım için kart", "PERSON"),
    ("obrázok pre pána Ľubomíra Kováčika", "PERSON"),
    ("voščilnica za gospo Majo Novak", "PERSON"),
    ("targeta per a la senyora Montserrat Puigdemont", "PERSON"),
    ("felicitare pentru doamna Maria Ionescu", "PERSON"),
    ("για τον Γιώργο Παπαδόπουλο", "PERSON"),
    ("κάρτα για τον Κώστα Παπαδάκη", "PERSON"),
    ("плакат за Милоша Јовановића", "PERSON"),
    ("WEDDING BANNER FOR JAMES AND PRIYA HOLLOWAY", "PERSON"),  # capitals: pairs read overlapping
    ("MUG FOR ANNA, TOM AND MARIA GARCIA", "PERSON"),
    ("SUMMER SALE MARIA COLLECTION", None),
    ("GIFT FOR MUM", None),  # the cue's "for" is no given name of an overlapping pair
    ("NEW YORK MARATHON 2024", None),
    ("onnittelukortti Matti Virtaselle", "PERSON"),  # Finnish "-nen" surname, allative
    ("lahja Liisa Korhoselle", "PERSON"),
    ("Anna Virtasen muotokuva", "PERSON"),  # genitive
    ("திருமதி லக்ஷ்மி சுப்பிரமணியம் அவர்களுக்கு", "PERSON"),  # Tamil: Mrs ...
    ("শ্রীমতী রুমা দাস", "PERSON"),
    ("செல்வி பிரியா ராஜன்", "PERSON"),
    ("მისალოცი ბარათი ნინო ბერიძისთვის", "PERSON"),  # Georgian: card for Nino Beridze
    ("საჩუქარი გიორგი კაპანაძისთვის", "PERSON"),
    ("Helsingin Sanomat", None),
    ("Tampereen Satama", None),
    ("श्री गणेश पूजा थाली", None),  # "Shri" before a god's name is no honorific of a person
    ("ბარათი დედისთვის", None),  # card for mum
    ("წიგნი ტურისტებისთვის", None),  # book for tourists
    ("სასაჩუქრე ნაკრები მამისთვის და დედისთვის", None),
    ("Sayın Müşterimiz, yeni sezon indirim afişi", None),  # dear customer: a letter's opening
    ("Sayın Yetkili", None),
    ("Gospa Sinjska slika", None),  # Our Lady of Sinj
    ("la signora in rosso poster", None),
    ("στον Άγιο Νικόλαο, καρτ ποστάλ", None),  # Agios Nikolaos, the town
    ("TOM COLLINS GLASS WITH LEMON TWIST", None),
    ("Tom Collins Glas mit Eiswürfeln", None),
    ("ARNOLD PALMER ICED TEA", None),
    ("Rob Roy cocktail in a coupe", None),
    ("জামদানি শাড়ি, ঢাকাই স্টাইল, নীল রঙ", None),  # blue colour
    ("सूती कुर्ता, नील रंग", None),
]

# (text, entity): a number may touch a word of a script written without spaces.
GLUED = [
    ("卡号4539123456789017", "CREDIT_CARD"),
    ("クレジットカード番号４５３９１２３４５６７８９０１７", "CREDIT_CARD"),
    ("카드번호4539123456789017입니다", "CREDIT_CARD"),
    ("身份证号110105198507141232", "NATIONAL_ID"),
]
GLUED_CLEAN = ["x4539123456789017", "4539123456789017x", "型号4006381333931", "SKU4539123456789017"]

# (params, entity or None): keys that name an identity number, with a value that passes its check.
KEYED: list[Any] = [
    ({"рнокпп": "2846173900"}, "NATIONAL_ID"),
    ({"ת.ז.": "038123451"}, "NATIONAL_ID"),
    ({"आधार": "3841 7629 0513"}, "NATIONAL_ID"),
    ({"เลขบัตรประชาชน": "1-1014-00123-45-1"}, "NATIONAL_ID"),
    ({"id_number": "8507145123085"}, "NATIONAL_ID"),
    ({"id_number": "8507145123084"}, None),  # the check digit fails
    ({"id_number": "ORD-2024-001"}, None),
    ({"id_number": 12345}, None),
    ({"n_cliente": "0004412987"}, "CUSTOMER_ID"),
    ({"street": "wear"}, None),
    ({"category": {"street": "food", "fit": "oversized"}}, None),
    ({"street": "hauptstrasse"}, "LOCATION"),
    ({"street": "Main"}, "LOCATION"),
    ({"shipping": {"street": "elm"}}, "LOCATION"),
]

# Degrees, minutes and seconds with the hemispheres as other languages mark them.
LOCATION = [
    ("снимок, координаты 55°45′21″ с. ш. 37°37′04″ в. д.", "LOCATION"),
    ("33°52′ ю. ш. 151°12′ в. д.", "LOCATION"),
    ("Standort 48°08′N 11°34′O", "LOCATION"),
    ("37°58′Β 23°43′Α", "LOCATION"),  # Greek initials
    ("angle 45° 30′ rotation, 12° tilt", None),
    ("temperature 25°C and 30°F", None),
]

PHONE = [
    ("poster, tawagan sa 0917 123 4567", "PHONE_NUMBER"),
    ("gọi 0903 718 264", "PHONE_NUMBER"),
    ("presyo 0917 123 4567", None),
]


@pytest.mark.parametrize(("text", "entity"), HEALTH + PERSON + LOCATION + PHONE)
def test_text(text: str, entity: str | None) -> None:
    found = entities(text)
    assert entity in found if entity else found == set()


@pytest.mark.parametrize(("text", "entity"), GLUED)
def test_number_touching_an_unspaced_word(text: str, entity: str) -> None:
    assert entity in entities(text)


@pytest.mark.parametrize("text", GLUED_CLEAN)
def test_number_inside_a_latin_token_stays_clean(text: str) -> None:
    assert entities(text) == set()


@pytest.mark.parametrize(("params", "entity"), KEYED)
def test_keyed(params: dict[str, Any], entity: str | None) -> None:
    found = {finding.entity for finding in scan_parameters(params)}
    assert entity in found if entity else found == set()
