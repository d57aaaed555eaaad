"""Personal data after cue words in other languages and scripts (data/cues.toml, `scanning.lexicon`).

Each class (a name after "gift for" or a customer label, a national phone number after "mobile" or
"call", a birth date after "born", an address after "ship to") in the 24 official languages of the EU
and the others a European shop sees: Greek and Cyrillic (whose letters `normalise` may read as Latin
look-alikes), Arabic, Hebrew, Chinese, Japanese, Korean; with inflected cues and month names. And the
neighbours that must stay clean: product text in those languages with no personal data.
"""

# ruff: noqa: RUF001 - Greek, Cyrillic and other scripts, on purpose

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from gate.scanning import lexicon, scan_parameters
from gate.scanning.normalise import normalise
from tests.unit.scanning.found import entities

FOUND: list[tuple[str, str]] = [
    ("PERSON", "δώρο για Παναγιώτα Καλαμάρα"),
    ("PERSON", "δώρο για την Ελένη Παπαδοπούλου"),
    ("PERSON", "ΔΏΡΟ ΓΙΑ Νίκο Παπαδόπουλο"),
    ("PERSON", "подарок для Ивана Петрова"),
    ("PERSON", "подарунок для Олени Шевченко"),
    ("PERSON", "подарък за Мария Иванова"),
    ("PERSON", "поклон за Марка Јовановића"),
    ("PERSON", "клиент: Иван Петров"),
    ("PERSON", "получател: Георги Димитров"),
    ("PERSON", "πελάτης: Γιώργος Νικολάου"),
    ("PERSON", "κυρία Παπαδοπούλου"),
    ("PERSON", "г-н Иванов"),
    ("PERSON", "العميل: أحمد الحسن"),
    ("PERSON", "السيد محمد علي"),
    ("PERSON", "לכבוד דוד כהן"),
    ("PERSON", "נמען: שרה לוי"),
    ("PERSON", "收件人：王小明"),
    ("PERSON", "王先生的礼物"),
    ("PERSON", "田中太郎様"),
    ("PERSON", "氏名：山田花子"),
    ("PERSON", "고객명: 김민수"),
    ("PERSON", "rigal għal Marija Borg"),
    ("PERSON", "bronntanas do Siobhán Ní Bhriain"),
    ("PERSON", "dāvana Jānis Bērziņš"),
    ("PERSON", "dovana Jonas Petraitis"),
    ("PERSON", "darček pre Zuzana Kováčová"),
    ("PERSON", "darilo za Maja Novak"),
    ("PHONE_NUMBER", "κινητό 6923280160"),
    ("PHONE_NUMBER", "κινητό 210 636 1242"),
    ("PHONE_NUMBER", "ΚΙΝΗΤΟ 6923280160"),
    ("PHONE_NUMBER", "τηλ. 210 636 1242"),
    ("PHONE_NUMBER", "позвоните мне 8 912 345 67 89"),
    ("PHONE_NUMBER", "мобильный 8 912 345-67-89"),
    ("PHONE_NUMBER", "телефон 02 987 6543"),
    ("PHONE_NUMBER", "зателефонуйте 067 123 4567"),
    ("PHONE_NUMBER", "мобилен 0888 123 456"),
    ("PHONE_NUMBER", "tālrunis 29 123 456"),
    ("PHONE_NUMBER", "skambinkite 8 612 34567"),
    ("PHONE_NUMBER", "mowbajl 7912 3456"),
    ("PHONE_NUMBER", "fón póca 085 123 4567"),
    ("PHONE_NUMBER", "pokličite 041 123 456"),
    ("PHONE_NUMBER", "zavolajte 0912 345 678"),
    ("PHONE_NUMBER", "ring 22 33 44 55"),
    ("PHONE_NUMBER", "ruf mich an unter 030 901820"),
    ("PHONE_NUMBER", "Rufen Sie 0151 23456789 an"),
    ("PHONE_NUMBER", "bitte anrufen: 0151 2345678"),
    ("PHONE_NUMBER", "call +(44) 20 7946 0958"),
    ("PHONE_NUMBER", "+ (49) 30 901820"),
    ("PHONE_NUMBER", "Kontakt +(33) 1 42 68 53 00"),
    ("PHONE_NUMBER", "טלפון 050-123-4567"),
    ("PHONE_NUMBER", "هاتف 050 123 4567"),
    ("PHONE_NUMBER", "电话 138 1234 5678"),
    ("PHONE_NUMBER", "電話 090-1234-5678"),
    ("DATE_OF_BIRTH", "γεννήθηκε 10.03.1964"),
    ("DATE_OF_BIRTH", "γεννήθηκε 12/03/1943"),
    ("DATE_OF_BIRTH", "γεννήθηκε 9 Οκτωβρίου 1950"),
    ("DATE_OF_BIRTH", "ημερομηνία γέννησης 01/02/1990"),
    ("DATE_OF_BIRTH", "родился 3 марта 1980"),
    ("DATE_OF_BIRTH", "родилась в 1975 году"),
    ("DATE_OF_BIRTH", "дата рождения: 03.03.1980"),
    ("DATE_OF_BIRTH", "народилася 5 травня 1990"),
    ("DATE_OF_BIRTH", "роден на 12 май 1985"),
    ("DATE_OF_BIRTH", "рођен 3. марта 1980"),
    ("DATE_OF_BIRTH", "született 1980. március 3."),
    ("DATE_OF_BIRTH", "dzimis 1980. gada 3. martā"),
    ("DATE_OF_BIRTH", "gimęs 1980 m. kovo 3"),
    ("DATE_OF_BIRTH", "gimimo data 1980-03-03"),
    ("DATE_OF_BIRTH", "narodený 3. marca 1980"),
    ("DATE_OF_BIRTH", "rojen 3. marca 1980"),
    ("DATE_OF_BIRTH", "rugadh 3 Márta 1980"),
    ("DATE_OF_BIRTH", "twieled 3 ta' Marzu 1980"),
    ("DATE_OF_BIRTH", "sündinud 3. märts 1980"),
    ("DATE_OF_BIRTH", "syntynyt 3. maaliskuuta 1980"),
    ("DATE_OF_BIRTH", "fæddur 3. mars 1980"),
    ("DATE_OF_BIRTH", "doğum tarihi 3 Mart 1980"),
    ("DATE_OF_BIRTH", "生年月日：1980年3月3日"),
    ("DATE_OF_BIRTH", "出生日期:1980年3月3日"),
    ("DATE_OF_BIRTH", "생년월일 1980년 3월 3일"),
    ("DATE_OF_BIRTH", "נולד 12/03/1985"),
    ("DATE_OF_BIRTH", "تاريخ الميلاد 12/03/1985"),
    ("DATE_OF_BIRTH", "nacido el 3 de marzo de 1980"),
    ("LOCATION", "αποστολή στη διεύθυνση Μπαλτατζή 262"),
    ("LOCATION", "ΔΙΕΥΘΥΝΣΗ: Ερμού 15, Αθήνα"),
    ("LOCATION", "доставка по адресу ул. Ленина 5"),
    ("LOCATION", "адрес: ул. Ленина, д. 5"),
    ("LOCATION", "адреса: вул. Хрещатик 22, Київ"),
    ("LOCATION", "адрес за доставка: бул. Витоша 12"),
    ("LOCATION", "адреса за доставу: Кнеза Михаила 12"),
    ("LOCATION", "住所：東京都港区六本木1-2-3"),
    ("LOCATION", "כתובת: רחוב הרצל 12"),
    ("LOCATION", "العنوان: شارع الملك فهد 12"),
    ("LOCATION", "주소: 서울시 강남구 테헤란로 123"),
    ("LOCATION", "收货地址：北京市朝阳区建国路88号"),
    ("LOCATION", "piegāde uz Brīvības iela 5"),
    ("LOCATION", "triq il-Kbira 12, Ħamrun"),
    ("LOCATION", "seoladh: Sráid Grafton 12"),
    ("LOCATION", "pristatymo adresas Gedimino pr. 9"),
    ("LOCATION", "naslov: Slovenska cesta 15"),
    # "My name is" in the languages of the cue tables, before a name in their script.
    ("PERSON", "меня зовут Иван Петров"),
    ("PERSON", "мене звати Олена Шевченко"),
    ("PERSON", "казвам се Иван Иванов"),
    ("PERSON", "зовем се Марко Петровић"),
    ("PERSON", "το όνομά μου είναι Γιώργος Παπαδόπουλος"),
    ("PERSON", "με λένε Μαρία Παπαδοπούλου"),
    ("PERSON", "jmenuji se Jan Novák"),
    ("PERSON", "volám sa Ján Kováč"),
    ("PERSON", "benim adım Ayşe Yılmaz"),
    ("PERSON", "mă numesc Ștefan Popescu"),
    ("PERSON", "mani sauc Jānis Bērziņš"),
    ("PERSON", "a nevem Kovács Péter"),
    ("LOCATION", "heimilisfang: Laugavegur 12"),
]

CLEAN: list[str] = [
    "קפה מר וחזק",
    "שמרים 500 גרם",
    "העברה לכתובת אחרת",
    "العميل الجديد يحصل على خصم 10%",
    "ولد الشيف 2024 وصفة",
    "고객님 감사합니다 2024",
    "お母さんへのプレゼント",
    "δώρο για τη μητέρα",
    "δώρο για τον μπαμπά",
    "για Χριστούγεννα",
    "подарок для мамы",
    "для Нового года",
    "подарунок для тата",
    "κινητό θήκη 2024",
    "τηλέφωνο θήκη για iPhone 15",
    "чехол для телефона 2024",
    "чохол для телефону 15 Pro",
    "телефон Samsung Galaxy S24",
    "since 1950 quality",
    "γεννήθηκε ο θρύλος το 1950 style",
    "collection 3 марта 2024",
    "выпуск 3 марта 2024",
    "κολεξιόν 9 Οκτωβρίου 2024",
    "kolekcja 3 marca 2024",
    "2024年3月3日发布",
    "新款连衣裙，红色，夏季",
    "东京塔海报",
    "エッフェル塔のポスター",
    "製品仕様 2024",
    "お客様へのギフト",
    "医生的白大褂",
    "هدية لأمي",
    "送给妈妈的礼物",
    "טלפון נייד אדום",
    "адрес магазина в 2024 году",
    "οδηγός 2024 συλλογή",
    "Hand-bag 30 x 40 cm",
    "handbag 2024 edition 12345678",
    "ring size 52 gold 14k",
    "rugby ball size 5 1999 edition",
    "Artikel 20 7946 0958",
    "Größe 42, Artikel 20 7946 0958",
    "ruf 2024 collection",
    "+(1) edition",
    "version +(2) 3.4.5",
    "street style hoodie 2024",
    "Street Art Poster 50 x 70",
    "Rue de la Paix style perfume 100 ml",
    "адрес: доставка бесплатно",
    "Parfum für Damen 100 ml",
    "Geschenkbox für Kinder 3 Stück",
    "Tasche für Damen und Herren",
]


@pytest.mark.parametrize(("entity", "text"), FOUND)
def test_personal_data_after_a_cue_in_another_language_is_found(entity: str, text: str) -> None:
    assert entity in entities(text)


@pytest.mark.parametrize(("entity", "text"), FOUND)
def test_a_cued_value_is_found_in_a_longer_prompt_too(entity: str, text: str) -> None:
    assert entity in entities(f"ceramic mug on a marble table, {text}, soft studio lighting")


@pytest.mark.parametrize("text", CLEAN)
def test_product_text_in_those_languages_stays_clean(text: str) -> None:
    assert entities(text) == set()


# Each cue class has words in every official language of the EU and in the others listed.
EU = [
    "bg",
    "cs",
    "da",
    "de",
    "el",
    "en",
    "es",
    "et",
    "fi",
    "fr",
    "ga",
    "hr",
    "hu",
    "it",
    "lt",
    "lv",
    "mt",
    "nl",
    "pl",
    "pt",
    "ro",
    "sk",
    "sl",
    "sv",
]
OTHERS = {
    "person_for": ("ru", "uk", "sr", "tr", "no", "is"),
    "person_label": ("ru", "uk", "sr", "tr", "no", "is", "ar", "he", "zh", "ja", "ko"),
    "phone": ("ru", "uk", "sr", "tr", "no", "is", "ar", "he", "zh", "ja", "ko"),
    "birth": ("ru", "uk", "sr", "tr", "no", "is", "ar", "he", "zh", "ja", "ko"),
    "address": ("ru", "uk", "sr", "tr", "no", "is", "ar", "he", "zh", "ja", "ko"),
}


@pytest.mark.parametrize("section", sorted(OTHERS))
def test_every_cue_class_covers_the_languages(section: str) -> None:
    languages = set(lexicon.table()[section])
    missing = (set(EU) - {"ga", "mt"} if section == "person_for" else set(EU)) | set(OTHERS[section])
    assert missing - languages == set()


@pytest.mark.parametrize(
    "word", ["κινητό", "γεννήθηκε", "διεύθυνση", "телефон", "родилась", "адрес", "ΤΗΛΈΦΩΝΟ", "Телефон"]
)
@pytest.mark.parametrize("case", [str.lower, str.upper, str.capitalize])
def test_a_cue_word_is_read_in_any_case_after_normalisation(word: str, case: Callable[[str], str]) -> None:
    written = case(word)
    pattern = lexicon.word_pattern(word.lower())
    assert re.fullmatch(pattern, normalise(written)) is not None


def test_the_cue_search_finds_a_word_where_it_stands() -> None:
    cues = lexicon.Cues("phone")
    assert cues.found(normalise("καλέστε στο κινητό μου"))
    assert cues.before(normalise("κινητό 6923280160"), 7)
    assert not cues.found("a leather handbag, 8k, golden hour")
    assert not cues.found("ringlets and calligraphy")  # "ring" and "call" are whole words only


@pytest.mark.parametrize("value", ["+(44) 20 7946 0958", "+ (49) 30 901820", "+(33) 1 42 68 53 00"])
@pytest.mark.parametrize("key", ["prompt", "steps", "seed", "reference"])
def test_a_parenthesised_country_code_is_an_international_number_under_any_key(key: str, value: str) -> None:
    assert [f.entity for f in scan_parameters({key: value})] == ["PHONE_NUMBER"]


@pytest.mark.parametrize("value", ["(2) 30 steps", "1.2.3+(4)", "+(0) 12345678"])
def test_parentheses_after_a_plus_are_no_number_by_themselves(value: str) -> None:
    assert scan_parameters({"steps": value}) == []


# Customer fields under keys in those languages (as written, and accent-folded by `context.key_info`).
KEYED: list[tuple[str, str, str]] = [
    ("PHONE_NUMBER", "телефон", "0980 774-943"),
    ("PHONE_NUMBER", "мобильный", "8 912 345-67-89"),
    ("PHONE_NUMBER", "tālrunis", "29 123 456"),
    ("PHONE_NUMBER", "telefonas", "8 612 34567"),
    ("PHONE_NUMBER", "fón", "085 012 0207"),
    ("DATE_OF_BIRTH", "дата_на_раждане", "1990-06-16"),
    ("DATE_OF_BIRTH", "дата_рождения", "03.03.1980"),
    ("DATE_OF_BIRTH", "datum_narodenia", "1942-12-26"),
    ("DATE_OF_BIRTH", "datum_rojstva", "17/03/1996"),
    ("DATE_OF_BIRTH", "gimimo_data", "10 vasario 1990"),
    ("DATE_OF_BIRTH", "dzimšanas_datums", "1 jūnijā 1938"),
    ("DATE_OF_BIRTH", "data_breithe", "2 Bealtaine 1970"),
    ("LOCATION", "адрес", "ул. Витоша 12, София"),
    ("LOCATION", "naslov", "Trstenjakova ulica 2b"),
    ("LOCATION", "adresas", "Gedimino pr. 9, Vilnius"),
    ("LOCATION", "adrese", "Brīvības iela 5, Rīga"),
    ("LOCATION", "seoladh", "12 Sráid Grafton, Baile Átha Cliath"),
    ("PERSON", "име_и_фамилия", "Летисия Рангелов"),
    ("PERSON", "meno", "Bernard Špilár"),
    ("PERSON", "ime_in_priimek", "Silvo Sitar"),
    ("PERSON", "vardas_pavarde", "Robertas Kiška"),
    ("PERSON", "vārds_uzvārds", "Silvija Vītoliņa"),
    ("PERSON", "ainm", "Corona Mac an Ghirr"),
    ("PERSON", "фио", "Иванов Иван Иванович"),
]


@pytest.mark.parametrize(("entity", "key", "value"), KEYED)
def test_a_customer_field_under_a_key_in_another_language_is_found(entity: str, key: str, value: str) -> None:
    found = scan_parameters({"customer": {key: value}})
    assert entity in {finding.entity for finding in found}


@pytest.mark.parametrize(
    "text",
    ["bronntanas do Loyola Ó Ceannabháin", "dāvana: Jānis Bērziņš", "dovana: Radvilė Kazlauskas",
     "doručiť na adresu Kadnárova 505", "dostava na naslov Slovenska cesta 15"],
)  # fmt: skip
def test_more_cued_values_of_the_smaller_eu_languages(text: str) -> None:
    assert entities(text) - {"EMAIL_ADDRESS"}


@pytest.mark.parametrize(
    ("key", "value"),
    [("телефон_модел", "Galaxy S24"), ("naslov", ""), ("adrese_type", "home"), ("meno_produktu", "")],
)
def test_product_fields_in_those_languages_stay_clean(key: str, value: str) -> None:
    assert scan_parameters({"product": {key: value}}) == []


# A cue right after an opening mark that is not a space ("¡llámame", "#tel", "「住所」"): the cue lookup's
# word split must read these marks as separators, as the cue patterns themselves do.
OPENING_MARKS = ["¡", "¿", "#", "「", "•", "~", "=", "‹"]


@pytest.mark.parametrize("mark", OPENING_MARKS)
@pytest.mark.parametrize(("entity", "text"), FOUND)
def test_a_cue_right_after_an_opening_mark_is_read(mark: str, entity: str, text: str) -> None:
    assert entity in entities(f"leather handbag, {mark}{text}")
