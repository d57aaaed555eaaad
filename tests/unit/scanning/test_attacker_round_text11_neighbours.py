# ruff: noqa: RUF001 - text of other scripts, on purpose
"""Truth tables for the classes the eleventh attacker round on text (text11) found open, each with its
clean neighbours: personal and tax numbers after their own name (python-stdnum), health-card numbers,
secret keys and passwords, conditions in more languages and in CJK relative clauses, dates of birth in
other calendars and as an age reached on a date, "at"/"dot" words and digit words of more languages,
domestic accounts, regional card schemes, and IP addresses with a port or a CJK cue.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters


def _entities(text: str) -> set[str]:
    return {finding.entity for finding in scan_parameters({"note": text})}


FOUND: list[tuple[str, str]] = [
    ("veronumero 772689542022", "NATIONAL_ID"),
    ("PPS number 7865797L", "NATIONAL_ID"),
    ("NPWP 51.645.571.4-290.889", "NATIONAL_ID"),
    ("NUIT 009 897 399", "NATIONAL_ID"),
    ("NIT 0614-850957-607-5", "NATIONAL_ID"),
    ("RUC 372492-1 del cliente", "NATIONAL_ID"),
    ("ЛНЧ 9013813379", "NATIONAL_ID"),
    ("mã số thuế cá nhân 8216266670", "NATIONAL_ID"),
    ("Emirates ID 784-1984-1234567-4", "NATIONAL_ID"),
    ("Krankenversichertennummer A123456780", "NATIONAL_ID"),
    ("driver's license F255-921-50-094-0", "NATIONAL_ID"),
    ("nr paszportu EA1234567", "NATIONAL_ID"),
    ("hf_aBcDeFgHiJkLmNoPqRsTuVwXyZ012345678", "SESSION_TOKEN"),
    ("Passwort: Sommer2024!", "SESSION_TOKEN"),
    ("https://hooks.slack.com/services/T024BE7LD/B01ABCDEFGH/aBcDeFgHiJkLmNoPqRsTuVwX", "SESSION_TOKEN"),
    ("给患有抑郁症的顾客的卡片", "HEALTH_DATA"),
    ("우울증을 앓고 있는 고객님께 카드", "HEALTH_DATA"),
    ("گاہک کو ذیابیطس ہے", "HEALTH_DATA"),
    ("kadi kwa mteja anayeishi na VVU", "HEALTH_DATA"),
    ("kort till kunden som har bröstcancer", "HEALTH_DATA"),
    ("เกิดวันที่ 12 มีนาคม พ.ศ. 2527", "DATE_OF_BIRTH"),
    ("生年月日 H3.3.14", "DATE_OF_BIRTH"),
    ("1984년 3월 12일생", "DATE_OF_BIRTH"),
    ("مواليد 15 ربيع الأول 1412هـ", "DATE_OF_BIRTH"),
    ("נולדה ב-12 במרץ 1984", "DATE_OF_BIRTH"),
    ("she turns 40 on 12 March 2024", "DATE_OF_BIRTH"),
    ("sie wird am 3. Mai 2025 35 Jahre alt", "DATE_OF_BIRTH"),
    ("born on the twelfth of March, nineteen eighty-four", "DATE_OF_BIRTH"),
    ("родилась двенадцатого марта тысяча девятьсот восемьдесят четвёртого года", "DATE_OF_BIRTH"),
    ("pišite marko.horvat et gmail točka com", "EMAIL_ADDRESS"),
    ("meiling.chen 小老鼠 gmail 點 com", "EMAIL_ADDRESS"),
    ("rahul.verma at the rate gmail dot com", "EMAIL_ADDRESS"),
    ("τηλέφωνο έξι εννέα ένα δύο τρία τέσσερα πέντε έξι επτά οκτώ", "PHONE_NUMBER"),
    ("liga pra mim: nove um dois três quatro cinco seis sete oito", "PHONE_NUMBER"),
    ("工商银行账号 6222 0202 0001 2345 678", "BANK_ACCOUNT"),
    ("kontonummer 1971.59.85031", "BANK_ACCOUNT"),
    ("číslo účtu 19-2000145399/0800", "BANK_ACCOUNT"),
    ("Troy kart 9792 8245 0400 0882", "CREDIT_CARD"),
    ("用户IP地址：112.96.33.201", "IP_ADDRESS"),
    ("upstream 83.142.17.209:8443", "IP_ADDRESS"),
]

CLEAN: list[str] = [
    "UTR 2024 report cover",  # too short for a UTR
    "EAN 6577939109 on the box",  # a UTR's digits after another word
    "NIT 2024 conference poster",
    "PPS sheet, 250 g/m²",
    "EPIC 1158427 game poster",  # fails the voter id's check
    "tax number field, empty form mock-up",
    "health card holder, PVC, 86 x 54 mm",
    "driving licence wallet, RFID, 3 slots",
    "hf_ prefix explained: Hugging Face tokens start with it",
    "password reset screen, strong password hint",
    "Passwort vergessen? Button, 200 x 40 px",
    "糖尿病のお客様向けメニュー",
    "适合糖尿病患者的食品",
    "당뇨 고객님들을 위한 메뉴",
    "乳がん啓発ピンクリボンのお客様キャンペーン",
    "bröstcancer awareness, rosa bandet, kampanj oktober",
    "2024年3月12日生産",
    "2024년 3월 12일생산",
    "the shop turns 10 on 12 March 2024",
    "la marca cumple 25 años el 12 de marzo de 2024",
    "Version 2 wird am 3. Mai 2025 veröffentlicht",
    "birthday party in March, two thousand balloons",
    "born to run poster, March edition, nineteen colours",
    "disponible chez Fnac point com, bannière 300x250",
    "Pierre et Marie point de croix, kit 30 x 40",
    "poster berhitung: satu dua tiga empat lima enam tujuh delapan sembilan sepuluh, WA grup kelas",
    "Liga dos Campeões: um dois três quatro, pôster",
    "konto 12.03.1984",
    "普通紙 A4 1234567",
    "version 1.2.3.4:8080",
    "model 9792 8245 0400 0883",  # fails Luhn
]


@pytest.mark.parametrize(("text", "entity"), FOUND)
def test_found(text: str, entity: str) -> None:
    assert entity in _entities(text)


@pytest.mark.parametrize("text", CLEAN)
def test_clean_neighbour(text: str) -> None:
    assert _entities(text) == set()


@pytest.mark.parametrize(
    ("params", "entity"),
    [
        ({"contraseña": "Hunter2!Madrid"}, "SESSION_TOKEN"),
        ({"パスワード": "sakura2024"}, "SESSION_TOKEN"),
        ({"API-Schlüssel": "a8f5f167f44f4964e6c998dee827110c"}, "SESSION_TOKEN"),
        ({"访问令牌": "a8f5f167f44f4964e6c998dee827110c"}, "SESSION_TOKEN"),
        ({"oaid": "8a3d7f2e-1b4c-4e9a-b2d6-5c8f1e7a9d30"}, "DEVICE_ID"),
        ({"dob_year": "1984"}, "DATE_OF_BIRTH"),
        ({"password": "********"}, None),  # a mask
        ({"password_length": 12, "max_tokens": 512}, None),
        ({"oaid": "none"}, None),
    ],
)
def test_keyed(params: dict[str, Any], entity: str | None) -> None:
    found = {finding.entity for finding in scan_parameters(params)}
    assert (entity in found) if entity else not found
