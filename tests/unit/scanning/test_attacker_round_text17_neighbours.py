# ruff: noqa: RUF001 - text of other scripts, on purpose
"""Truth tables for the classes the seventeenth attacker round on text (text17) closed, from its own misses
and from round 16's open ones, each with clean neighbours: a condition the writer states of themself
(a subject and its verb, or a verb that carries its subject, right before it; in scripts without spaces
too); a pregnancy with its term; a birthday that a verb says is a date; combining accents typed on a cue
word; a line break inside a sentence; a plate after words that name the writer's vehicle; a domain's dot
or top-level domain in another script, and punycode; quoted-printable; a web server's line through
syslog; a payee's wallet; "cp no." (Philippine cellphone); the unspecified and loopback IPv4 addresses.
"""

from __future__ import annotations

import quopri
from typing import Any

import pytest

from gate.scanning import scan_parameters


def _entities(params: Any) -> set[str]:
    return {finding.entity for finding in scan_parameters(params)}


HEALTH_FOUND: list[str] = [
    "ich habe Diabetes Typ 2",
    "ich bin schwanger, Tasse für die Verkündung",
    "j'ai un cancer du sein",
    "je suis épileptique depuis l'enfance",
    "tengo diabetes tipo 1",
    "padezco de asma",
    "soffro di epilessia",
    "sono incinta al terzo mese",
    "tenho diabetes e quero uma caneca",
    "ik heb kanker gehad",
    "jestem chora na cukrzycę",
    "mam cukrzycę typu 1",
    "jag har cancer",
    "jeg har diabetes",
    "minulla on diabetes",
    "у меня диабет второго типа",
    "έχω κατάθλιψη",
    "mám cukrovku",
    "saya mengidap kanker",
    "tôi bị ung thư",
    "ผมเป็นเบาหวาน",
    "मैं गर्भवती हूँ",
    "אני בהריון",
    "hamileyim, bebek kupası",
    "terhes vagyok",
    "我得了抑郁症",
    "私は糖尿病です",
    "제가 임신했어요",
    "20 weeks pregnant, bump mug",
    "enceinte de 8 mois",
    "embarazada de 3 meses",
    "w 5 miesiącu ciąży",
    "妊娠5ヶ月",
    "임신 20주",
    "ma mère est atteinte d'Alzheimer",
    "ibu\nsaya menderita diabetes",
]

HEALTH_CLEAN: list[str] = [
    "I have a diabetes-friendly recipe book to illustrate",
    "ich habe Tassen für Diabetiker im Sortiment",
    "je suis bénévole pour la ligue contre le cancer",
    "tengo una taza del día mundial de la diabetes",
    "I'm a Cancer, zodiac mug please",
    "ik ben vrijwilliger bij een kankerfonds",
    "jestem projektantką kubków",
    "我有一个糖尿病友好食谱",
    "저는 당뇨병 환자를 위한 머그를 만들어요",
    "私は認知症カフェのスタッフです",
    "我是糖尿病协会的志愿者",
    "pregnancy announcement mug, 9 months countdown",
    "weeks 1-40 pregnancy journal, 20 weeks edition",
    "diabetes awareness\nMug for everyone",
    "awareness week\nDiabetes mugs for every kitchen",
]


@pytest.mark.parametrize("text", HEALTH_FOUND)
def test_health_of_the_writer_is_found(text: str) -> None:
    assert "HEALTH_DATA" in _entities({"prompt": text})


@pytest.mark.parametrize("text", HEALTH_CLEAN)
def test_health_neighbours_stay_clean(text: str) -> None:
    assert _entities({"prompt": text}) == set()


DOB_FOUND: list[str] = [
    "my dad's birthday, three weeks after mine, is 14 May 1955",
    "der Geburtstag meiner Oma ist am 2. Juni 1938",
    "el cumpleaños de mi abuela es el 9 de octubre de 1944",
    "il compleanno di mio figlio è il 12/05/2014",
    "de verjaardag van mijn opa is op 17-02-1941",
    "o aniversário do meu pai é 22/11/1950",
    "l'anniversaire de mon fils est le 3 mars 2015",
    "mi\u0308 fe\u0308cha de nacimiento: 22/08/1990",  # combining marks typed on the cue
    "ngày si\u0308nh: 12/03/1984",
    "do\u0301ğum tarihi 11.02.1995",
    "születési idő: 1978. 12. 04.",
    "nasci em 03/05/1992",
    "ipinanganak ako noong Hunyo 5, 1990",
    "BEGIN:VCARD\nBDAY:1984-03-12\nEND:VCARD",
]

DOB_CLEAN: list[str] = [
    "birthday party is on 12.03.2026, balloons and cake",
    "happy birthday sale is 03.07.2026 only",
    "Birthday edition 2026, SKU BD-2026-03",
    "Geburtstagskalender ist ab 01.01.2026 lieferbar",
    "la fiesta de cumpleaños es el 2 de febrero de 2026",
    "Cafe\u0301 mug, lot 12.03.2026",
]


@pytest.mark.parametrize("text", DOB_FOUND)
def test_birth_dates_are_found(text: str) -> None:
    assert "DATE_OF_BIRTH" in _entities({"prompt": text})


@pytest.mark.parametrize("text", DOB_CLEAN)
def test_birth_date_neighbours_stay_clean(text: str) -> None:
    assert _entities({"prompt": text}) == set()


PLATE_FOUND: list[str] = [
    "Kennzeichen meines Autos: B-MW 1234",
    "das Kennzeichen von meinem Wagen lautet HH-AB 123",
    "the number plate on my van reads AB12 CDE",
    "registration plate of our camper is KX19 ABC",
]

PLATE_CLEAN: list[str] = [
    "Kennzeichenhalter fürs Auto, 520x110",
    "Kennzeichen meines Autos: bitte nicht drucken",
    "targa GT 500 XL replica badge",
]


@pytest.mark.parametrize("text", PLATE_FOUND)
def test_plates_after_the_vehicle_are_found(text: str) -> None:
    assert "VEHICLE_PLATE" in _entities({"prompt": text})


@pytest.mark.parametrize("text", PLATE_CLEAN)
def test_plate_neighbours_stay_clean(text: str) -> None:
    assert _entities({"prompt": text}) == set()


EMAIL_FOUND: list[str] = [
    "kim.minsu@naver점com",
    "somchai.k at hotmail dot คอม",
    "yuki@example.コム",
    "anna.smirnova@xn--80a1acny.xn--p1ai",
    "li.wei@xn--fsqu00a.xn--fiqs8s",  # 例子.中国
]

EMAIL_CLEAN: list[str] = [
    "네이버점 머그컵 매장 오픈",
    "ร้าน ตัวอย่าง.คอม แก้วกาแฟ 330 มล.",
    "logo@2x.png",
    "shop at https://xn--mnchen-3ya.de/tassen",
]


@pytest.mark.parametrize("text", EMAIL_FOUND)
def test_addresses_in_other_scripts_are_found(text: str) -> None:
    assert "EMAIL_ADDRESS" in _entities({"note": text})


@pytest.mark.parametrize("text", EMAIL_CLEAN)
def test_address_neighbours_stay_clean(text: str) -> None:
    assert _entities({"note": text}) == set()


def _qp(text: str) -> str:
    return quopri.encodestring(text.encode()).decode()


OTHER_FOUND: list[tuple[dict[str, Any], str]] = [
    ({"body": _qp("Geburtsdatum: 07.11.1962, Gravur unten")}, "DATE_OF_BIRTH"),
    ({"body": _qp("私はうつ病です")}, "HEALTH_DATA"),
    ({"subject": "=?UTF-8?Q?Handy_0171_2345678_f=C3=BCr_R=C3=BCckfragen?="}, "PHONE_NUMBER"),
    ({"log": 'Dec  7 05:12:01 web-1 nginx: 81.2.69.160 - - "GET /mug HTTP/1.1" 200'}, "IP_ADDRESS"),
    ({"note": "pay to 0x52908400098527886E0F7030069857D2E4169EE7"}, "CRYPTO_WALLET"),
    ({"note": "cp no. 0917 123 4567"}, "PHONE_NUMBER"),
    ({"sql": "INSERT INTO notes VALUES (1, 'soy lesbiana y quiero una taza')"}, "SEXUAL_ORIENTATION"),
]

OTHER_CLEAN: list[dict[str, Any]] = [
    {"body": _qp("Café au lait mug, 330 ml, lot 12.03.2026")},
    {"settings": "Steps=30, CFG=7, Seed=1234"},
    {"log": 'Dec  7 05:12:01 web-1 nginx: 10.0.0.1 "GET /health" 200'},
    {"note": "bind 0.0.0.0:8080 for the preview server, or 127.0.0.1:7860"},
    {"note": "hash 0x52908400098527886e0f7030069857d2e4169ee7 of the build"},
    {"note": "CP 75001 Paris, boutique"},
    {"sql": "INSERT INTO products VALUES (1, 'soy candle, lavender')"},
]


@pytest.mark.parametrize(("params", "entity"), OTHER_FOUND)
def test_encoded_and_logged_values_are_found(params: dict[str, Any], entity: str) -> None:
    assert entity in _entities(params)


@pytest.mark.parametrize("params", OTHER_CLEAN)
def test_encoded_and_logged_neighbours_stay_clean(params: dict[str, Any]) -> None:
    assert _entities(params) == set()
