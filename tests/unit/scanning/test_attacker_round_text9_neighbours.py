# ruff: noqa: RUF001 - Cyrillic, Irish and Turkish text, on purpose
"""Truth tables for the classes the ninth attacker round on text (text9) found open, each with its clean
neighbours: a person's name under a key that names the person (in any language the labels of
data/cues.toml list, also as an array of its parts), personal numbers of more countries under their
keys and cues, logins under the keys that record who did something, and Colombian, Albanian and
decimal-degree locations.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters


def _entities(params: dict[str, Any]) -> set[str]:
    return {finding.entity for finding in scan_parameters(params)}


PERSON_UNDER_KEY: list[dict[str, Any]] = [
    {"customer": "Guðrún Sigurðardóttir"},
    {"customer": "Sigurdur Jonsson"},
    {"client": "Miren Etxeberria Goikoetxea"},
    {"pelanggan": "Nurul Aisyah binti Ahmad"},
    {"mteja": "Amina Wanjiru Mwangi"},
    {"klienti": "Arben Krasniqi"},
    {"mijoz": "Dilnoza Karimova"},
    {"bezeroa": "Miren Etxeberria"},
    {"მომხმარებელი": "ნინო ბერიძე"},
    {"захиалагч": "Батболдын Оюунчимэг"},
    {"ደንበኛ": "አበበ ቢቂላ"},
    {"ਗਾਹਕ": "ਹਰਪ੍ਰੀਤ ਕੌਰ"},
    {"ລູກຄ້າ": "ສົມພອນ ພົມມະວົງ"},
    {"հաճախորդ": "Անի Պետրոսյան"},
    {"customer": ["Dupont", "Jean-Baptiste"]},
    {"buyer": ["Kowalska", "Anna"]},
    {"people": [["Sigurdur", "Jonsson"]]},
    {"recipient_list": {"people": [{"n": "Guðrún Sigurðardóttir"}]}},
]

NOT_A_PERSON_UNDER_KEY: list[dict[str, Any]] = [
    {"customer": "Returning Customer"},
    {"customer": "Walk In"},
    {"customer": "Guest Checkout"},
    {"client": "Acme GmbH"},
    {"customer": "VIP Gold"},
    {"customer": "guest"},
    {"customer": "C-10293"},
    {"client": ["web", "mobile"]},
    {"client": ["ComfyUI", "0.3.10"]},
    {"people": 3},
    {"नाम": "कॉफी मग"},  # "name": a product's name as likely
    {"ลูกค้า": "ลูกค้าประจำ"},  # one word: "regular customer"
    {"customer": "https://shop.example/customers/42"},
]


@pytest.mark.parametrize("params", PERSON_UNDER_KEY)
def test_name_under_a_person_key_is_found(params: dict[str, Any]) -> None:
    assert "PERSON" in _entities(params)


@pytest.mark.parametrize("params", NOT_A_PERSON_UNDER_KEY)
def test_other_values_under_a_person_key_stay_clean(params: dict[str, Any]) -> None:
    assert _entities(params) == set()


# Valid numbers (python-stdnum's checks), made up; each clean twin changes the check digit.
NUMBERS: list[tuple[str, str, str]] = [
    ("cuit", "20-33445566-2", "20-33445566-3"),  # Argentina
    ("EGN", "8803121231", "8803121232"),  # Bulgaria
    ("ЕГН", "8803121231", "8803121232"),
    ("JMBG", "0101990500011", "0101990500012"),  # former Yugoslavia (Slovenia's EMŠO)
    ("NIK", "3273124503900000", "3273124513900000"),  # Indonesia: the date's day is 45, then 145
    ("rif", "V-12345678-1", "V-12345678-2"),  # Venezuela
    ("cedula_identidad", "1712345675", "1712345676"),  # Ecuador
    ("pan", "ABCPK1234F", "ABCXK1234F"),  # India: the fourth letter is the holder's kind
    ("ID-nommer", "8803125123082", "8803125123083"),  # South Africa
    ("nhs_number", "9434765919", "9434765918"),
]


@pytest.mark.parametrize(("key", "valid", "invalid"), NUMBERS)
def test_personal_number_under_its_key(key: str, valid: str, invalid: str) -> None:
    assert "NATIONAL_ID" in _entities({key: valid})
    assert "NATIONAL_ID" not in _entities({key: invalid})


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("cliente con CUIT 20-33445566-2", True),
        ("JMBG: 0101990500011", True),
        ("EGN 8803121231 на клиента", True),
        ("RIF V-12345678-1", True),
        ("order 20-33445566-2 shipped", False),  # no cue: an order number of the same digits
        ("batch 0101990500011", False),
    ],
)
def test_personal_number_after_its_cue(text: str, found: bool) -> None:
    assert ("NATIONAL_ID" in _entities({"prompt": text})) is found


@pytest.mark.parametrize(
    ("params", "found"),
    [
        ({"created_by": "jsmith42"}, True),
        ({"login": "maria.garcia"}, True),
        ({"owner_login": "kpatel"}, True),
        ({"assignee": "ahmed.hassan"}, True),
        ({"creado_por": "lrodriguez"}, True),
        ({"created_by": "pipeline-bot"}, False),
        ({"login": "svc_render"}, False),
        ({"owner_login": "ci-runner"}, False),
        ({"created_by": "admin"}, False),
        ({"created_by": "<user>"}, False),
        ({"created_by": "1234"}, False),
        ({"created_by": "Render Queue 2"}, False),
    ],
)
def test_login_under_a_who_key(params: dict[str, Any], found: bool) -> None:
    assert ("USER_ACCOUNT" in _entities(params)) is found


@pytest.mark.parametrize(
    ("params", "found"),
    [
        ({"prompt": "entregar en Carrera 7 No. 71-21, Medellín"}, True),
        ({"prompt": "envío: Cra. 43A #1 Sur-100, El Poblado"}, True),
        ({"prompt": "ship to Calle 45 # 23-18, Apto 302, Bogotá"}, True),
        ({"prompt": "Av. Boyacá No. 68-50, Bogotá"}, True),
        ({"prompt": "dërgo te Rruga e Durrësit, Pallati 12, Ap. 5"}, True),
        ({"prompt": "ship to Rr. Myslym Shyri, Nr. 45"}, True),
        ({"addr": ["Piotrkowska 104", "90-001 Łódź"]}, True),
        ({"enderezo": "Rúa do Franco 32, Santiago"}, True),
        ({"location": "48.8566° N, 2.3522° E"}, True),
        ({"prompt": "Carrera Cup No. 3-4 poster"}, False),
        ({"prompt": "Porsche Carrera 911 die-cast, No. 3"}, False),
        ({"prompt": "size 10 No. 3-4, blue"}, False),
        ({"prompt": "Calle Ocho style neon sign"}, False),
        ({"prompt": "tilt the lamp 12.5° left, 30.25° up"}, False),
    ],
)
def test_addresses_and_places(params: dict[str, Any], found: bool) -> None:
    assert ("LOCATION" in _entities(params)) is found


@pytest.mark.parametrize(
    ("params", "found"),
    [
        ({"lora": "anna_kowalska_v1"}, True),
        ({"lora_name": "lora_jan_novak_face.safetensors"}, True),
        ({"loras": ["add_detail", "maria_gonzalez_v3"]}, True),
        ({"output": "renders/mariaGonzalez_portrait_final.png"}, True),
        ({"file": "ritratto_giulia_bianchi_01.png"}, True),
        ({"filename_prefix": "ingrid-johansson-headshot"}, True),
        ({"requester": "annaKowalska"}, True),
        ({"lora": "add_detail"}, False),
        ({"lora": ["film_grain_v2", "epiNoiseOffset_v2", "detail_tweaker_xl"]}, False),
        ({"model": "juggernautXL_v9Rundiffusionphoto2"}, False),
        ({"ckpt_name": "realisticVisionV60B1_v51VAE.safetensors"}, False),
        ({"model": "epicrealism_naturalSinRC1VAE"}, False),
        ({"lora": "victorian_lace_v3"}, False),
        ({"lora": "anna_style_v2"}, False),  # a given name, then what the file is: no surname
        ({"output": "jean_paul_gaultier_inspired_dress.png"}, False),  # a brand named after its founder
        ({"output": "ComfyUI_00042_.png"}, False),
        ({"requester": "svc_render"}, False),
    ],
)
def test_name_joined_as_an_identifier(params: dict[str, Any], found: bool) -> None:
    assert ("PERSON" in _entities(params)) is found


@pytest.mark.parametrize(
    ("prompt", "found"),
    [
        ("Emily Watson's birthday cake, pastel icing", True),
        ("Emily Watson’s cake", True),  # the typographic apostrophe
        ("Mehmet Öztürk'e hediye kupa", True),
        ("Emily Watson birthday cake", True),  # the same without the possessive
        ("Levi's Jeans on a wooden hanger", False),
        ("McDonald's Happy Meal box mockup", False),
        ("Victoria's Secret style pink bag", False),
        ("Rock'n'Roll Style poster", False),
        ("Papa John's pizza box", False),
    ],
)
def test_possessive_after_a_name(prompt: str, found: bool) -> None:
    assert ("PERSON" in _entities({"prompt": prompt})) is found


@pytest.mark.parametrize(
    ("params", "entity", "found"),
    [
        ({"prompt": "születésnapi kártya Kovács Eszternek, pasztell színek"}, "PERSON", True),
        ({"prompt": "ajándék Nagy Annának"}, "PERSON", True),
        ({"prompt": "Boldog Karácsonyt Mindenkinek"}, "PERSON", False),  # "to everyone"
        ({"prompt": "Ajándék Apának"}, "PERSON", False),  # "for dad"
        ({"prompt": "cárta lá breithe do Shíle Ní Bhriain"}, "PERSON", True),
        ({"prompt": "Seán Ó Briain, portráid"}, "PERSON", True),
        ({"prompt": "Apple Mac Pro stand, aluminium"}, "PERSON", False),
        ({"prompt": "dhuratë për Erjona Hoxha"}, "PERSON", True),
        ({"prompt": "diyariya ji bo Rojda Xelîl, kulîlkên sor"}, "PERSON", True),
        ({"prompt": "anrheg i Gwenllian Prys"}, "PERSON", True),
        ({"prompt": "për Tiranën e Re, poster"}, "PERSON", False),
        ({"fecha_nac": "14/03/1991"}, "DATE_OF_BIRTH", True),
        ({"geb_datum": "12.03.1988"}, "DATE_OF_BIRTH", True),
        ({"fecha_entrega": "14/03/2025"}, "DATE_OF_BIRTH", False),
        ({"prompt": "у заказчицы эпилепсия, без вспышек"}, "HEALTH_DATA", True),
        ({"prompt": "кружка для заказчицы, эпичный дизайн"}, "HEALTH_DATA", False),
    ],
)
def test_more_languages_cues(params: dict[str, Any], entity: str, found: bool) -> None:
    assert (entity in _entities(params)) is found


@pytest.mark.parametrize(
    ("params", "entity", "found"),
    [
        ({"prompt": "Geburtstagskarte für Jonas und Leonie, 30 Jahre"}, "PERSON", True),
        ({"prompt": "mug for Chloé et Hugo"}, "PERSON", True),
        ({"prompt": "card for Romeo and Juliet"}, "PERSON", False),  # a story's couple, a theme
        ({"prompt": "poster for Salt and Pepper shakers"}, "PERSON", False),
        ({"prompt": "gift for Mom and Dad"}, "PERSON", False),
        ({"prompt": "Foto für eine Kundin mit Multipler Sklerose"}, "HEALTH_DATA", True),
        ({"موبایل": "۰۹۱۲۳۴۵۶۷۸۹"}, "PHONE_NUMBER", True),  # Persian spells the key with its own yeh
        ({"تلفن": "021 8888 1234"}, "PHONE_NUMBER", True),
    ],
)
def test_names_joined_by_and_and_more_keys(params: dict[str, Any], entity: str, found: bool) -> None:
    assert (entity in _entities(params)) is found
