# ruff: noqa: RUF001 - text of other scripts, on purpose
"""Truth tables for the classes the fifteenth attacker round on text (text15) closed, each with clean
neighbours: a field kept as a name/value pair is read under the name it carries (and the name is not read
as a person's), health said of kin in 31 more languages (and the same languages' product copy), Khmer,
Lao and Burmese as scripts without spaces, pictographs between a linking word and a condition, and
session cookies of more frameworks by their names.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters


def _entities(params: Any) -> set[str]:
    return {finding.entity for finding in scan_parameters(params)}


PAIRS_FOUND: list[tuple[Any, str]] = [
    ({"properties": [{"name": "Date de naissance", "value": "03/07/1979"}]}, "DATE_OF_BIRTH"),
    ({"meta_data": [{"key": "billing_phone", "value": "2025550143"}]}, "PHONE_NUMBER"),
    ({"custom_attributes": [{"attribute_code": "date_of_birth", "value": "1979-07-03"}]}, "DATE_OF_BIRTH"),
    ({"fields": [{"label": "Kundennummer", "value": "K-99231"}]}, "CUSTOMER_ID"),
    ({"form": [{"field": "medical_conditions", "val": "asthma"}]}, "HEALTH_DATA"),
    ({"cookies": [{"name": "PHPSESSID", "value": "9k2j4h6g8f0d2s4a6p8o"}]}, "SESSION_TOKEN"),
    ({"event_params": [{"key": "geburtsdatum", "value": {"string_value": "03.07.1979"}}]}, "DATE_OF_BIRTH"),
    ({"cookies": [{"name": "OCSESSID", "value": "7d6b5a4f3e2d1c0b9a3f2a9c8e"}]}, "SESSION_TOKEN"),
]

PAIRS_CLEAN: list[Any] = [
    {"properties": [{"name": "Farbe", "value": "Blau"}, {"name": "Größe", "value": "L"}]},
    {"meta_data": [{"key": "_sku", "value": "2025550143"}]},
    {"custom_attributes": [{"attribute_code": "manufacture_date", "value": "1979-07-03"}]},
    {"fields": [{"nombre": "color", "valor": "azul"}]},
    {"fields": [{"name": "material", "value": "ceramic"}]},
    {"cookies": [{"name": "currency", "value": "EUR"}, {"name": "lang", "value": "de"}]},
    {"event_params": [{"key": "item_category", "value": {"string_value": "mugs"}}]},
    {"options": [{"label": "Engraving font", "value": "Script"}]},
]

HEALTH_FOUND: list[str] = [
    "sonur minn er með astma",  # Icelandic
    "tá ailse ar mo mháthair",  # Irish
    "mae fy nhad yn dioddef o ddiabetes",  # Welsh
    "nire aitak diabetesa du",  # Basque
    "a miña nai ten diabetes",  # Galician
    "ommi għandha l-kanċer",  # Maltese
    "mäi papp huet Diabetis",  # Luxembourgish
    "ubaba wami unomdlavuza",  # Zulu
    "aabbahay wuxuu qabaa sonkorow",  # Somali
    "मेरी आमालाई क्यान्सर छ",  # Nepali
    "ਮੇਰੀ ਮਾਂ ਨੂੰ ਕੈਂਸਰ ਹੈ",  # Punjabi
    "నా భార్యకు క్యాన్సర్ ఉంది",  # Telugu
    "माझे वडील मधुमेहाने आजारी आहेत",  # Marathi
    "મારી પત્નીને કેન્સર છે",  # Gujarati
    "ನನ್ನ ಅಮ್ಮನಿಗೆ ಕ್ಯಾನ್ಸರ್ ಇದೆ",  # Kannada
    "എന്റെ അച്ഛന് കാൻസർ ആണ്",  # Malayalam
    "миний аав хорт хавдартай",  # Mongolian
    "менің әкем қатерлі ісікпен ауырады",  # Kazakh
    "otamda saraton bor",  # Uzbek
    "падарам диабет дорад",  # Tajik
    "زما پلار سرطان لري",  # Pashto
    "bavê min nexweşiya şekir heye",  # Kurmanji
    "у майго таты рак",  # Belarusian
    "татко ми има рак",  # Macedonian
    "moj oče ima raka",  # Slovenian
    "ឪពុកខ្ញុំមានជំងឺមហារីក",  # Khmer
    "ພໍ່ຂອງຂ້ອຍເປັນມະເຮັງ",  # Lao
    "ကျွန်တော့်အဖေ ကင်ဆာရောဂါရှိတယ်",  # Burmese
    "my wife 👩 has 💔 dementia",  # pictographs between
]

HEALTH_CLEAN: list[str] = [
    "sykursýkisvænt súkkulaði, 100 g",  # Icelandic: sugar-free chocolate for diabetics
    "siocláid do dhaoine le diaibéiteas",  # Irish: chocolate for people with diabetes
    "gweithdy codi arian ar gyfer ymchwil canser",  # Welsh: a cancer research fundraiser
    "minbiziaren aurkako lasterketa, kamiseta",  # Basque: a run against cancer, t-shirt
    "taza rosa contra o cancro de mama",  # Galician: awareness mug ("mama", a breast, is no mother)
    "मधुमेह रोगीहरूका लागि चिया",  # Nepali: tea for diabetics
    "ਸ਼ੂਗਰ ਫ੍ਰੀ ਮਿਠਾਈ ਡੱਬਾ",  # Punjabi: sugar-free sweets box
    "қант диабеті бар адамдарға арналған печенье",  # Kazakh: biscuits for people with diabetes
    "ракета ойыншығы, 30 см",  # Kazakh/Kyrgyz: toy rocket
    "моя мама и диабетическое печенье без сахара",
    "ខ្សែបូពណ៌ផ្កាឈូកសម្រាប់ការយល់ដឹងអំពីជំងឺមហារីក",  # Khmer: pink ribbon for cancer awareness
    "ຂະໜົມສຳລັບຄົນເປັນເບົາຫວານ",  # Lao: snacks for diabetics
    "ဆီးချိုသမားများအတွက် သကြားမပါ မုန့်",  # Burmese: sugar-free snacks for diabetics
    "🎗️ awareness ribbon pin, gold",
]

COOKIES_FOUND: list[str] = [
    "Cookie: OCSESSID=3f2a9c8e7d6b5a4f3e2d1c0b9a; language=en-gb",
    "Cookie: SSESS4f9b1c2d3e7a=Xk3vP9qLm2Rt8ZyW1aB4cD6eF7gH0jK5nO",
    "Set-Cookie: KEYCLOAK_SESSION=realm/4f9b1c2d-3e7a/8ZyW1aB4cD6e; Path=/",
    "sb-access-token=eyJhbGciOiJIUzI1NiJ9x.Xk3vP9qLm2Rt8ZyW1aB4",
]

COOKIES_CLEAN: list[str] = [
    "Cookie: language=en-gb; currency=EUR",
    "session musician mug, 350 ml",
    "ssess mug 350 ml",
]


@pytest.mark.parametrize(("params", "entity"), PAIRS_FOUND)
def test_pair_value_is_read_under_its_name(params: Any, entity: str) -> None:
    assert entity in _entities(params)


@pytest.mark.parametrize("params", PAIRS_CLEAN)
def test_product_option_pairs_stay_clean(params: Any) -> None:
    assert _entities(params) == set()


@pytest.mark.parametrize("text", HEALTH_FOUND)
def test_health_said_of_kin_is_found(text: str) -> None:
    assert "HEALTH_DATA" in _entities({"prompt": text})


@pytest.mark.parametrize("text", HEALTH_CLEAN)
def test_health_copy_stays_clean(text: str) -> None:
    assert _entities({"prompt": text}) == set()


@pytest.mark.parametrize("text", COOKIES_FOUND)
def test_framework_session_cookie_is_found(text: str) -> None:
    assert "SESSION_TOKEN" in _entities({"debug": text})


@pytest.mark.parametrize("text", COOKIES_CLEAN)
def test_cookie_words_alone_stay_clean(text: str) -> None:
    assert _entities({"debug": text}) == set()
