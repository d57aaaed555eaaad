"""GDPR Art. 9's special categories beside health: religious belief, sexual orientation, political
opinion and trade-union membership said of a specific person, and those and ethnic origin under their
keys (detectors/special_category.py). Written by the lead before the detector, from personalisation
requests as customers write them (2026-12-06); the clean half from catalogue copy and prompts whose
category words describe a product, a style or a public, and from names that are such words.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters


def _entities(doc: Any) -> set[str]:
    return {f.entity for f in scan_parameters(doc)}


SAID_OF_A_PERSON = [
    ("RELIGIOUS_BELIEF", "birthday card for my husband, he is Jewish, add a menorah"),
    ("RELIGIOUS_BELIEF", "she is a practising Catholic, design a first communion card"),
    ("RELIGIOUS_BELIEF", "poster for Aisha, who converted to Islam last year"),
    ("RELIGIOUS_BELIEF", "Geschenk für meine muslimische Frau zum Ramadan"),
    ("RELIGIOUS_BELIEF", "mi marido es musulmán, sin alcohol en la imagen"),
    ("RELIGIOUS_BELIEF", "ma cliente est juive, carte pour Hanoukka"),
    ("RELIGIOUS_BELIEF", "подарок: муж мусульманин, без алкоголя"),
    ("RELIGIOUS_BELIEF", "my mum is an atheist, no religious symbols please"),
    ("SEXUAL_ORIENTATION", "banner for my gay son's wedding"),
    ("SEXUAL_ORIENTATION", "I am gay and want a rainbow mug"),
    ("SEXUAL_ORIENTATION", "carte pour ma fille, elle est lesbienne, mariage"),
    ("SEXUAL_ORIENTATION", "Karte für meinen Bruder, er ist schwul und heiratet"),
    ("SEXUAL_ORIENTATION", "my brother came out as bisexual, make a congratulations card"),
    ("SEXUAL_ORIENTATION", "mi hija es lesbiana, pastel de boda"),
    ("POLITICAL_OPINION", "mug for my dad, he votes for the Greens"),
    ("POLITICAL_OPINION", "mein Vater ist Parteimitglied, Geschenk zum Jubiläum"),
    ("POLITICAL_OPINION", "the customer is a communist, red star on the shirt"),
    ("TRADE_UNION_MEMBERSHIP", "Karte für meinen Vater, er ist Gewerkschaftsmitglied bei der IG Metall"),
    ("TRADE_UNION_MEMBERSHIP", "the customer is a union member, add the union logo"),
    ("TRADE_UNION_MEMBERSHIP", "mon père est syndiqué depuis 30 ans"),
]


@pytest.mark.parametrize(("entity", "text"), SAID_OF_A_PERSON)
def test_a_category_said_of_a_person_is_found(entity: str, text: str) -> None:
    assert entity in _entities({"prompt": text})


KEYED = [
    ("RELIGIOUS_BELIEF", {"customer": {"religion": "Sunni Islam"}}),
    ("RELIGIOUS_BELIEF", {"profil": {"Konfession": "evangelisch"}}),
    ("SEXUAL_ORIENTATION", {"profile": {"sexual_orientation": "bisexual"}}),
    ("POLITICAL_OPINION", {"segment": {"political_party": "Labour"}}),
    ("TRADE_UNION_MEMBERSHIP", {"employee": {"union_member": True}}),
    ("ETHNIC_ORIGIN", {"user": {"ethnicity": "Turkish"}}),
    ("ETHNIC_ORIGIN", {"audience": {"ethnic_origin": ["Roma"]}}),
]


@pytest.mark.parametrize(("entity", "doc"), KEYED)
def test_under_its_key_any_stated_value_is_found(entity: str, doc: Any) -> None:
    assert entity in _entities(doc)


@pytest.mark.parametrize(
    "doc",
    [
        {"profile": {"religion": "prefer not to say"}},
        {"profile": {"ethnicity": ""}},
        {"profile": {"union_member": False}},
        {"race": "24h Nürburgring", "car": "Porsche 911 GT3 R"},
        {"origin": "Made in Portugal"},
    ],
)
def test_no_stated_category_under_a_key(doc: Any) -> None:
    assert not _entities(doc) & {"RELIGIOUS_BELIEF", "ETHNIC_ORIGIN", "TRADE_UNION_MEMBERSHIP"}


_CATEGORIES = {"RELIGIOUS_BELIEF", "SEXUAL_ORIENTATION", "POLITICAL_OPINION", "TRADE_UNION_MEMBERSHIP"}


@pytest.mark.parametrize(
    "text",
    [
        "Jewish deli style poster, pastrami sandwich",
        "gay pride flag, rainbow, 90x150 cm",
        "Christian bookstore window display, bibles",
        "gift for my son Christian, blue football",
        "his name is Christian, birthday banner",
        "Christian Dior Sauvage 100 ml",
        "modest fashion for Muslim women, abaya, black",
        "union jack cushion, 45x45",
        "Catholic rosary, olive wood, first communion gift",
        "communist propaganda style poster, red and gold, vintage",
        "people vote for the best design in our contest",
        "Hanukkah gift set, menorah and dreidel",
        "halal certified chicken, 1 kg",
        "lesbian couple on a beach, stock photo style",
        "Gay Paris travel poster",
        "Trikot für Jude, Größe 128",
        "T-shirt 'proud union member', screen print",
        "Pride collection rainbow T-shirt, love is love",
        "Kippah, velvet, navy, for Shabbat",
        "Rosenkranz aus Holzperlen, Kommunion Geschenk",
        "prayer mat with compass, Ramadan gift",
        "trade union tote bag, solidarity forever",
        "Weihnachtskrippe aus Holz, christliche Motive",
        "livre de cuisine juive traditionnelle",
    ],
)
def test_a_category_word_said_of_nobody_stays_clean(text: str) -> None:
    assert not _entities({"prompt": text}) & _CATEGORIES


def test_the_finding_names_the_pointer_never_the_value() -> None:
    findings = scan_parameters({"order": {"notes": ["ok", "my wife is Jewish"]}})
    [finding] = [f for f in findings if f.entity == "RELIGIOUS_BELIEF"]
    assert finding.path == "/order/notes/1"
    assert "Jewish" not in repr(finding)
