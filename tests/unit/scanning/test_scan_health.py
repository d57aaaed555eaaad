# ruff: noqa: RUF001 - Cyrillic, Turkish and CJK punctuation, on purpose
"""HEALTH_DATA (GDPR Art. 9): a condition, pregnancy, allergy, diagnosis or medication said of a person, in
twelve languages, with the clean neighbours where the same words name a product, a cause or nobody."""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from tests.unit.scanning.found import entities

FOUND = [
    "birthday cake for Jane Doe, customer is diabetic",
    "card for Mr Smith, he is allergic to peanuts",
    "portrait of Maria, she is pregnant, due in March",
    "gift for a customer with diabetes",
    "customer takes insulin daily, design a pouch",
    "diagnosis: HIV positive, customer John",
    "mug for my wife who has breast cancer",
    "get well card, my father was diagnosed with leukemia",
    "design for a diabetic customer",
    "poster for her, she suffers from epilepsy, no flashing lights",
    "Kundin ist schwanger, Glückwunschkarte für Anna",
    "Kunde hat Epilepsie, keine Blitzeffekte, Karte für Tom",
    "Tasse für meine Mutter, sie hat Krebs",
    "schwangere Kundin, Babybauch-Shooting",
    "carte pour Marie, atteinte d'un cancer du sein",
    "la cliente est enceinte, faire-part",
    "tarjeta para Carlos, diagnosticado con depresión",
    "cliente celíaco, pastel sin gluten para Pedro",
    "mi esposa está embarazada",
    "cliente è diabetico, biglietto per Marco",
    "klant heeft kanker, kaart voor Sanne",
    "a cliente está grávida, ensaio de gestante",
    "klientka jest w ciąży, kartka dla Ani",
    "клиентка беременна, открытка для Ольги",
    "у нее диабет, клиентка просит открытку",
    "müşteri hamile, kart tasarımı",
    "お客様は妊娠中です",
    "客户患有糖尿病，设计一张卡片",
    "고객은 임신 중입니다",
    # the lead's probe (2026-12-06): "am" after "I", a stroke, "seit"/"im" before the condition
    "I am diabetic, please no sugar in the cake image text",
    "my dad had a stroke last year, get well card",
    "Geburtstagskarte für Oma Hilde, die seit dem Schlaganfall im Rollstuhl sitzt",
]

CLEAN = [
    "sugar-free cake suitable for diabetics",
    "peanut-free label, allergy friendly snacks",
    "pregnancy test packaging, pastel colours",
    "breast cancer awareness pink ribbon poster",
    "Cancer zodiac mug, star sign constellation",
    "she is a Cancer, zodiac sign mug",
    "insulin cooler bag, product shot on white",
    "maternity dress for pregnant women, studio light",
    "cookbook for people with diabetes, cover art",
    "wheelchair accessible ramp, architecture render",
    "asthma inhaler case, 3d render",
    "her pregnancy announcement card, watercolor",
    "Krebs und Hummer auf Eis, Food-Fotografie",
    "Schwangerschaftstest Verpackung",
    "gâteau sans gluten pour coeliaques",
    "vestido premamá para embarazadas",
    "the great depression era poster, 1930s style",
    "Parkinson's awareness walk banner",
    "糖尿病の方にも安心なスイーツ",
    "oil painting with visible brush strokes, impasto",
    "swimming goggles for the front crawl stroke",
    "Rollstuhlrampe aus Aluminium, 2 m",
]


@pytest.mark.parametrize("text", FOUND)
def test_a_condition_said_of_a_person_is_found(text: str) -> None:
    assert "HEALTH_DATA" in entities(text)


@pytest.mark.parametrize("text", CLEAN)
def test_a_condition_of_nobody_is_clean(text: str) -> None:
    assert "HEALTH_DATA" not in entities(text)


KEYED: list[tuple[dict[str, Any], bool]] = [
    ({"medical_condition": "asthma"}, True),
    ({"customer": {"allergies": ["peanuts", "gluten"]}}, True),
    ({"Allergien": "Nüsse"}, True),
    ({"diagnosis": "type 1"}, True),
    ({"アレルギー": "卵"}, True),
    ({"allergies": "none"}, False),
    ({"medication": ""}, False),
    ({"allergies": []}, False),
]


@pytest.mark.parametrize(("params", "found"), KEYED)
def test_a_value_under_a_health_key(params: dict[str, Any], found: bool) -> None:
    assert ("HEALTH_DATA" in {f.entity for f in scan_parameters(params)}) is found


def test_the_reason_names_the_pointer_never_the_condition() -> None:
    findings = scan_parameters({"n": {"prompt": "card for Anna, she is pregnant"}})
    assert [(f.entity, f.path) for f in findings if f.entity == "HEALTH_DATA"] == [
        ("HEALTH_DATA", "/n/prompt")
    ]
