# ruff: noqa: RUF001 - text of other scripts, on purpose
"""Truth tables for the classes the eighteenth attacker round on text (text18) closed, from its own misses
and from rounds 16-17's open ones, each with clean neighbours: a shop's role mailbox (not personal data)
beside a person's mailbox that reads like one; a condition with the time its course began, said of no one
named; Russian kin with a possessive; a birth key in key=value text (query strings, fragments, INI, TOML)
and a label's closing markup; dates of the Hijri, Hebrew, Dangi and ISO-week calendars; a line break
standing for a number's separator; "@" in Hindi, Finnish, Turkish and Arabic words; a cookie in a
Set-Cookie line; a party or a union by its name, a member compound, a qualifier; biometric templates said
of a person; base32, base85, a JSON escape escaped twice, LaTeX's thin space; a delimited table's birth
column; a customer id's key inside a string.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters


def _entities(params: Any) -> set[str]:
    return {finding.entity for finding in scan_parameters(params)}


# -- a shop's role mailbox is no one's; a person's mailbox is personal whatever its local part says
ROLE_MAILBOXES = [
    "support@mugworks.example",
    "kundenservice@tassen-shop.de",
    "commandes@atelier-ceramique.fr",
    "zamowienia@kubki.com.pl",
    "no-reply@notifications.printshop.example",
    "hello@studio-prints.co.uk",
    "returns@shop.example, billing@shop.example",
]
PERSON_MAILBOXES = [
    "info@jan-kowalski.pl",  # a sole trader's domain is his name
    "contact@pierre-martin.fr",
    "support@gmail.com",  # a free-mail account is one person's
    "orders@yahoo.co.uk",
    "kontakt@web.de",
    "support.maria@outlook.com",
    "anna.schmidt@tassen-shop.de",
    "help@shop.example or jonas.weber@shop.example",
]


@pytest.mark.parametrize("address", ROLE_MAILBOXES)
def test_role_mailbox_is_no_ones(address: str) -> None:
    assert "EMAIL_ADDRESS" not in _entities({"contact": address})


@pytest.mark.parametrize("address", PERSON_MAILBOXES)
def test_persons_mailbox_is_found(address: str) -> None:
    assert "EMAIL_ADDRESS" in _entities({"contact": address})


# -- a condition with the time its course began is someone's
COURSE_FOUND = [
    "living with type 1 diabetes since 2009, mug with a blue circle",
    "diagnosed with multiple sclerosis in 2018",
    "Für Oma, erkrankt an Demenz seit 2020",
    "vive con VIH desde 2012, taza roja",
    "affetto da Parkinson dal 2015",
    "HIV-positive since 2011",
    "chora na cukrzycę od 2016",
    "atteinte d'un cancer du sein depuis 2 ans",
]
COURSE_CLEAN = [
    "fighting cancer since 1923, charity mug",
    "diabetes research since 1950",
    "HIV awareness since 1988, red ribbon",
    "living with the noise since 2010 mug",
    "diagnosed in 2021 edition, medical drama poster",
    "Parkinson-Stiftung seit 1981",
]


@pytest.mark.parametrize("text", COURSE_FOUND)
def test_condition_with_its_course_is_found(text: str) -> None:
    assert "HEALTH_DATA" in _entities({"gift_message": text})


@pytest.mark.parametrize("text", COURSE_CLEAN)
def test_cause_with_its_years_stays_clean(text: str) -> None:
    assert "HEALTH_DATA" not in _entities({"gift_message": text})


HEALTH_NEAR_FOUND = [
    "у моей бабушки инсульт был зимой",
    "у моего мужа инфаркт, кружка полегче",
    "zákazníčka má cukrovku",
    "a vásárló cukorbeteg",
    "asiakkaalla on MS-tauti",
]
HEALTH_NEAR_CLEAN = [
    "кружка ко дню борьбы с инсультом",
    "bögre a vásárlóknak, cukormentes",
    "MS-tauti -kampanjan muki",
]


@pytest.mark.parametrize("text", HEALTH_NEAR_FOUND)
def test_condition_near_a_person_is_found(text: str) -> None:
    assert "HEALTH_DATA" in _entities({"note": text})


@pytest.mark.parametrize("text", HEALTH_NEAR_CLEAN)
def test_condition_near_no_person_stays_clean(text: str) -> None:
    assert "HEALTH_DATA" not in _entities({"note": text})


# -- a birth key in key=value text, a label's closing markup, a calendar's name, other calendars
DOB_FOUND = [
    "https://club.example/signup?date_of_birth=1979-11-30&plan=gold",
    "#birthdate=30.11.1979&ref=mail",
    "[member]\ndob = 1979-11-30\nnewsletter = true",
    "data_di_nascita=30/11/1979",
    "fecha_de_nacimiento=30-11-1979&sexo=x",
    "**Date of birth:** 30/11/1979",
    "\\textit{Born:} 30.11.1979",
    "born (Hijri) 1399/12/30",
    "born 3 Ramadan 1405 AH",
    "born 14 Shevat 5740",
    "생일은 1979년 11월 30일",
    "生年月日は昭和54年11月30日",
    "생년월일 단기 4312년 11월 30일",
    "dob 1979-W48-5",
    "תאריך לידה: י״ד בשבט תש״מ",
]
DOB_CLEAN = [
    "https://shop.example/?release_date=1979-11-30&plan=gold",
    "[product]\nlaunch = 1979-11-30\nlimited = true",
    "**Release date:** 30/11/1979",
    "Ramadan 1447 calendar poster",
    "Shevat 5787 greeting card",
    "week planner 2026-W48",
    "dob_field=required&release=2024-05-17",
    "born=false&since=1979-11-30",
]


@pytest.mark.parametrize("text", DOB_FOUND)
def test_birth_date_is_found(text: str) -> None:
    assert "DATE_OF_BIRTH" in _entities({"caption": text})


@pytest.mark.parametrize("text", DOB_CLEAN)
def test_other_date_stays_clean(text: str) -> None:
    assert "DATE_OF_BIRTH" not in _entities({"caption": text})


# -- a line break standing for a number's separator
BROKEN_FOUND = [
    ("rufen Sie mich an: +49 151\n23456789", "PHONE_NUMBER"),
    ("mon portable 06 47\n82 19 35", "PHONE_NUMBER"),
    ("date of birth 21\n07.1985", "DATE_OF_BIRTH"),
    ("IBAN NL91 ABNA\n0417 1643 00", "IBAN_CODE"),
]
BROKEN_CLEAN = ["sizes:\n36\n38\n40\n42\n44", "qty 2\n3 colours, 40 sizes", "order 1042\n2 mugs, 330 ml"]


@pytest.mark.parametrize(("text", "entity"), BROKEN_FOUND)
def test_number_broken_by_a_line_is_found(text: str, entity: str) -> None:
    assert entity in _entities({"note": text})


@pytest.mark.parametrize("text", BROKEN_CLEAN)
def test_numbers_a_line_each_stay_clean(text: str) -> None:
    assert scan_parameters({"note": text}) == []


# -- "@" and "." in words of other languages
SPELLED_FOUND = [
    "ईमेल priya.verma कमर्शियल एट yahoo डॉट कॉम",
    "osoite: liisa.korhonen ät-merkki gmail.com",
    "e-postam mehmet.kaya at işareti hotmail nokta com",
    "البريد omar.khalil آت hotmail دوت كوم",
]
SPELLED_CLEAN = ["at işareti logolu defter", "ät-merkki tarra, 5 kpl", "arroba de café, 5 kg"]


@pytest.mark.parametrize("text", SPELLED_FOUND)
def test_address_spelled_in_words_is_found(text: str) -> None:
    assert "EMAIL_ADDRESS" in _entities({"note": text})


@pytest.mark.parametrize("text", SPELLED_CLEAN)
def test_at_words_as_motifs_stay_clean(text: str) -> None:
    assert scan_parameters({"note": text}) == []


# -- a cookie in a Cookie or Set-Cookie line
COOKIE_FOUND = [
    "Set-Cookie: sess=4f7a9c1e2b8d3f60a5c7e9b1d3f5a7c9; Path=/; Secure",
    "Cookie: lang=de; uid=u8k2m5q9x3c7v1b4n6; theme=dark",
]
COOKIE_CLEAN = [
    "Set-Cookie: theme=dark; Path=/; SameSite=Lax",
    "Set-Cookie: consent=accepted-all-v2; Max-Age=31536000",
    "Set-Cookie: build=release-2026-12-01; Path=/",
]


@pytest.mark.parametrize("text", COOKIE_FOUND)
def test_cookie_value_is_found(text: str) -> None:
    assert "SESSION_TOKEN" in _entities({"headers": text})


@pytest.mark.parametrize("text", COOKIE_CLEAN)
def test_cookie_setting_stays_clean(text: str) -> None:
    assert scan_parameters({"headers": text}) == []


# -- special categories: a named party or union, a member compound, qualifiers, probation, biometrics
CATEGORY_FOUND = [
    ("mein Vater ist SPD-Mitglied", "POLITICAL_OPINION"),
    ("la cliente è iscritta alla CGIL", "TRADE_UNION_MEMBERSHIP"),
    ("min man är medlem i Unionen", "TRADE_UNION_MEMBERSHIP"),
    ("the buyer is a card-carrying communist", "POLITICAL_OPINION"),
    ("my brother is a union steward at the plant", "TRADE_UNION_MEMBERSHIP"),
    ("el cliente es miembro del PSOE", "POLITICAL_OPINION"),
    ("her son is on probation after a burglary", "CRIMINAL_CONVICTION"),
    ("the customer's iris scan is stored for the door", "BIOMETRIC_DATA"),
    ("Fingerabdruckdaten der Kundin für das Schloss", "BIOMETRIC_DATA"),
]
CATEGORY_CLEAN = [
    "SPD-Mitglied werden: Plakat-Mockup für den Designkurs",
    "Lega Serie A poster",
    "union steward training manual cover",
    "on probation for three months at the new job",
    "smart lock stores 100 fingerprint templates",
    "fingerprint pattern mug",
    "Tasse für ver.di-Mitglieder, Streikmotiv",
]


@pytest.mark.parametrize(("text", "entity"), CATEGORY_FOUND)
def test_category_said_of_a_person_is_found(text: str, entity: str) -> None:
    assert entity in _entities({"note": text})


@pytest.mark.parametrize("text", CATEGORY_CLEAN)
def test_category_as_a_theme_stays_clean(text: str) -> None:
    assert scan_parameters({"note": text}) == []


# -- encodings: base32, base85, an escape escaped twice, LaTeX spaces
ENCODED_FOUND = [
    ("KRSWYORAFMZTIIBWGEZCAMZUEA2TMIBXHA======", "PHONE_NUMBER"),
    ("ZDDC_Aarj!AZl-JVRJ5bWnyJ=KyYt!bY*WYWMu", "EMAIL_ADDRESS"),
    ('{\\"mail\\":\\"lena.fischer\\\\u0040gmx.de\\"}', "EMAIL_ADDRESS"),
    ("Tel.~+33\\,6\\,47\\,82\\,19\\,35", "PHONE_NUMBER"),
]
ENCODED_CLEAN = [
    "N5ZGIZLSEAYTANBSHIQHI53PEB3WQ2LUMUQG25LHOM======",
    "Z*pX1av(7<G%`9Mba!tccW7yJWgu;JXLBI",
    "A3F9C2E87B1D4065F2A9C8E17D3B5046",
    "capacity 330\\,ml, release 2026",
]


@pytest.mark.parametrize(("text", "entity"), ENCODED_FOUND)
def test_encoded_value_is_found(text: str, entity: str) -> None:
    assert entity in _entities({"note": text})


@pytest.mark.parametrize("text", ENCODED_CLEAN)
def test_encoded_catalogue_text_stays_clean(text: str) -> None:
    assert scan_parameters({"note": text}) == []


# -- a delimited table's columns; a customer id's key inside a string
TABLE_FOUND = [
    ("id;geburtsdatum;punkte\n17;12.03.1984;120", "DATE_OF_BIRTH"),
    ("member\tbirthday\ttier\n88\t1990-01-02\tgold", "DATE_OF_BIRTH"),
    ("sku|email|qty\nMUG-1|ines.moreau@orange.fr|2", "EMAIL_ADDRESS"),
    ("loyalty: customer_id=CU-77812045, tier=gold", "CUSTOMER_ID"),
]
TABLE_CLEAN = [
    "sku;release_date;qty\nMUG-1;2026-03-14;2",
    "size,chest,waist\nS,88,72\nM,96,80",
    "Hello, dear friend, how are you\nI am fine, thanks, really",
    "template_id=LC-TPL-04, tier=silver",
    "member_id=required, customer_id=optional",
]


@pytest.mark.parametrize(("text", "entity"), TABLE_FOUND)
def test_table_column_or_key_is_found(text: str, entity: str) -> None:
    assert entity in _entities({"export": text})


@pytest.mark.parametrize("text", TABLE_CLEAN)
def test_catalogue_table_stays_clean(text: str) -> None:
    assert scan_parameters({"export": text}) == []
