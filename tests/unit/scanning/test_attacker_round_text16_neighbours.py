# ruff: noqa: RUF001 - text of other scripts, on purpose
"""Truth tables for the classes the sixteenth attacker round on text (text16) closed, from its own misses
and from round 15's open ones, each with clean neighbours: birth dates with Roman-numeral or abbreviated
months, two-digit years and compact YYMMDD after a birth word; words between a noun naming the date of
birth and its date; the ids of seven more countries after their own names; special categories said in
the first person, with or without a pronoun; loyalty numbers after a programme's own name; HTTP Basic
credentials; a bare IPv4 address in a log line's own shapes (and versions, OIDs and prices in the same
shapes stay clean).
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters


def _entities(params: Any) -> set[str]:
    return {finding.entity for finding in scan_parameters(params)}


DOB_FOUND: list[str] = [
    "ur. 03.VII.1979",  # Polish, Roman-numeral month
    "született: 1979. VII. 3.",  # Hungarian, year first
    "narozen 3. XI. 1968",  # Czech
    "DOB 03-JUL-1979",  # a form's abbreviated month
    "born 3/Jul/79",
    "geb. 3. Okt. 79",  # German abbreviation, two-digit year
    "nato il 03/07/'79",
    "nacida el 3 de julio del 79",
    "nací el 3 de julio de 1979",  # first person
    "född 790703",  # Swedish compact
    "생년월일 790703",  # Korean compact
    "DOB: 19790703",
    "nilizaliwa tarehe 3 Julai 1979",  # Swahili, first person
    "data de nascimento da minha mãe: 03/07/1949",
    "date of birth of the recipient: 03.07.1979",
    "Geburtsdatum meines Sohnes 03.07.2015",
    "fecha de nacimiento del titular es el 3 de julio de 1979",
    "data urodzenia mojej żony: 3 lipca 1981",
    "dátum narodenia klienta 3. 7. 1979",
    "дата рождения дочери: 03.07.2012",
]

DOB_CLEAN: list[str] = [
    "Birthday mug 790703, ceramic",  # a product code after a birthday word
    "happy birthday mug, lot 790703, batch 2024-03-12",
    "born to run tour poster, 3 VII 1979 reissue",  # a date, but no birth cue before it
    "date of birth field, format DD.MM.YYYY",
    "Geburtstagstasse, Artikel 790703",
    "vintage 1979 birthday mug, edition XII",
    "nací en Madrid, taza de 79 ml",
    "birthday sale ends 03.07.2026",
    "chapter VII, 1979 edition, 3 copies",
    "Louis XIV 1715 portrait mug",
]

IDS_FOUND: list[str] = [
    "מספר זהות 000000018",  # Israel
    "ת״ז 123456782",
    "شناختی کارڈ نمبر 34101-2345678-7",  # Pakistan
    "CNIC: 61101-1234567-5",
    "NRT D-059888-N",  # Andorra
    "NIPT J91402501L",  # Albania
    "VÖEN 1400057421",  # Azerbaijan
    "NIF 000016001000017",  # Algeria
    "УНП 200988541",  # Belarus
]

IDS_CLEAN: list[str] = [
    "NRT 2024-03 release",
    "NIPT im personal 2024",
    "VÖEN sahəsi boş qalsın",  # the field left empty
    "УНП магазина указан в чеке",
    "CNIC card holder, leather, 3 colours",
    "NIF field, 9 characters",
]

FIRST_PERSON_FOUND: list[tuple[str, str]] = [
    ("soy lesbiana y es para mi novia", "SEXUAL_ORIENTATION"),
    ("jestem lesbijką", "SEXUAL_ORIENTATION"),
    ("sono gay, è per mio marito", "SEXUAL_ORIENTATION"),
    ("sou bissexual", "SEXUAL_ORIENTATION"),
    ("ik ben homo en trots", "SEXUAL_ORIENTATION"),
    ("je suis lesbienne", "SEXUAL_ORIENTATION"),
    ("wir sind schwul und heiraten", "SEXUAL_ORIENTATION"),
    ("jag är bisexuell", "SEXUAL_ORIENTATION"),
    ("soy musulmana, sin figuras humanas", "RELIGIOUS_BELIEF"),
    ("sono ebreo osservante", "RELIGIOUS_BELIEF"),
    ("sou testemunha de Jeová", "RELIGIOUS_BELIEF"),
    ("nous sommes témoins de Jéhovah", "RELIGIOUS_BELIEF"),
    ("ich bin Muslima", "RELIGIOUS_BELIEF"),
    ("я мусульманин", "RELIGIOUS_BELIEF"),
    ("jestem muzułmanką", "RELIGIOUS_BELIEF"),
    ("sunt ateu", "RELIGIOUS_BELIEF"),
]

FIRST_PERSON_CLEAN: list[str] = [
    "we are a Christian bookstore since 1950",
    "somos una tienda católica",  # a shop, not a person: "tienda" is no category word
    "soy Cristian, quiero una taza azul",  # a given name
    "I am Christian Weber",
    "ich bin ein Fan von Gay Pride Flaggen",  # capitalised words: a theme
    "je suis fan du mug arc-en-ciel",
    "sono tazze natalizie",
    "jestem fanem kubków świątecznych",
]


@pytest.mark.parametrize("text", DOB_FOUND)
def test_birth_date_forms_are_found(text: str) -> None:
    assert "DATE_OF_BIRTH" in _entities({"prompt": text})


@pytest.mark.parametrize("text", DOB_CLEAN)
def test_birth_date_neighbours_stay_clean(text: str) -> None:
    assert "DATE_OF_BIRTH" not in _entities({"prompt": text})


@pytest.mark.parametrize("text", IDS_FOUND)
def test_ids_after_their_names_are_found(text: str) -> None:
    assert "NATIONAL_ID" in _entities({"prompt": text})


@pytest.mark.parametrize("text", IDS_CLEAN)
def test_id_names_without_an_id_stay_clean(text: str) -> None:
    assert _entities({"prompt": text}) == set()


@pytest.mark.parametrize(("text", "entity"), FIRST_PERSON_FOUND)
def test_categories_in_the_first_person_are_found(text: str, entity: str) -> None:
    assert entity in _entities({"prompt": text})


@pytest.mark.parametrize("text", FIRST_PERSON_CLEAN)
def test_first_person_product_copy_stays_clean(text: str) -> None:
    # ("I am Christian Weber" names a person: PERSON, not a faith)
    assert not _entities({"prompt": text}) & {"RELIGIOUS_BELIEF", "SEXUAL_ORIENTATION"}


LOYALTY_FOUND: list[str] = [
    "PAYBACK-Kartennummer 3083 9911 2233 44",
    "my Tesco Clubcard 6340 1234 5678 9012",
    "Miles and More card 992 0077 1234 567",
    "Flying Blue number: 1234 5678 90",
    "numéro Flying Blue 1098 7654 32",
    "Marriott Bonvoy member 123 456 789",
    "Avios membership number 12345678",
    "tarjeta Travel Club 1234 5678 9012",
    "ma carte de fidélité Auchan n° 4412 3345 5566",  # a shop's name between a card word and its number
]

LOYALTY_CLEAN: list[str] = [
    "Payback 10x Punkte auf alle Tassen",
    "Avios 2025 edition mug",
    "Flying Blue Airbus A350 model 1:200 scale",
    "Flying Blue 2024 2025 calendar",
    "Marriott Bonvoy suite, room 1204",
    "Nectar points: 500 bonus on 2 mugs",
    "Miles & More 2019-2024 anniversary",
    "IKEA Family price 12.99",
]

BASIC_FOUND: list[str] = [
    "curl -H 'Authorization: Basic am9obi5kb2U6aHVudGVyMg==' https://api.shop.example/orders",
    "authorization: basic bWFyaWU6U29sZWlsMjAyNiE",  # unpadded
    '{"headers": {"Authorization": "Basic a3VuZGU6UGFzc3dvcnQxMjM="}}',
]

BASIC_CLEAN: list[str] = [
    "basic shapes collection, minimalist design 2024",
    "Basic Tee Organic Cotton SKU BT12345678",
    "Basic YmFzaWNzaGFwZXM= mug",  # base64 of a word without a colon
    "basic plan, 3 designs a month",
]

LOG_IP_FOUND: list[str] = [
    '94.130.77.12 - - [30/Nov/2026:14:02:11 +0000] "GET /render?sku=MUG HTTP/1.1" 200 5123',
    '81.2.69.160 - anna [01/Dec/2026:09:00:00 +0100] "POST /cart HTTP/2" 302 0',
    "2026-11-30T14:02:11Z INFO Anfrage von 88.198.44.34 für SKU MUG-350",
    "2026-11-30 14:02:11 ERROR Verbindung von 203.0.113.9 abgelehnt",
    "[2026-11-30 14:02:11] DEBUG petición desde 190.12.4.77",
    "2026-11-30T14:02:11+01:00 WARN connexion refusée depuis 51.15.20.7",
]

LOG_IP_CLEAN: list[str] = [
    "2026-11-30T14:02:11Z INFO Update von 2.1.0.4 auf 2.1.0.5",  # an upgrade's versions
    "2026-11-30T14:02:11Z INFO starting renderer 4.12.0.118",
    "2026-11-30T14:02:11Z INFO price table de 12.99.10.50",
    "version 1.3.6.1 - - [release notes]",
    "OID 1.3.6.1.4.1.311 - - [30/Nov/2026:14:02:11 +0000]",
    "prices 12.50 - 19.99 [sale] 3.4.5.6",
    "2026-11-30T14:02:11Z INFO router admin page von 192.168.1.1",  # a home router's own address
]


@pytest.mark.parametrize("text", LOYALTY_FOUND)
def test_loyalty_numbers_after_a_programme_are_found(text: str) -> None:
    assert "CUSTOMER_ID" in _entities({"prompt": text})


@pytest.mark.parametrize("text", LOYALTY_CLEAN)
def test_programme_names_in_copy_stay_clean(text: str) -> None:
    assert "CUSTOMER_ID" not in _entities({"prompt": text})


@pytest.mark.parametrize("text", BASIC_FOUND)
def test_basic_credentials_are_found(text: str) -> None:
    assert "SESSION_TOKEN" in _entities({"notes": text})


@pytest.mark.parametrize("text", BASIC_CLEAN)
def test_basic_as_a_word_stays_clean(text: str) -> None:
    assert "SESSION_TOKEN" not in _entities({"prompt": text})


@pytest.mark.parametrize("text", LOG_IP_FOUND)
def test_bare_addresses_in_log_lines_are_found(text: str) -> None:
    assert "IP_ADDRESS" in _entities({"log": text})


@pytest.mark.parametrize("text", LOG_IP_CLEAN)
def test_versions_and_oids_in_log_shapes_stay_clean(text: str) -> None:
    assert "IP_ADDRESS" not in _entities({"log": text})
