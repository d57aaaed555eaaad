"""Values that stand for no one under personal-data keys: pipelines that anonymise write "guest" or
"[REDACTED]" there, and unrendered personalisation templates leave "{{customer.firstname}}". A keyed
rule must not count them (a good image would be quarantined for a word of absence), while the same keys
holding data, and data written inside the same brackets, are still found.
"""

from __future__ import annotations

import pytest

from gate.scanning import scan_parameters, scan_text
from gate.scanning.placeholders import is_placeholder, stands_for_no_one

# Keys whose rules count any non-empty value (or any name-shaped one) as the entity.
_KEYS = ("customer_id", "customer_name", "address", "Kundennummer", "nom_client", "顧客ID", "login")

_ABSENT = (
    "anonymous",
    "Anonymous",
    "ANON",
    "guest",
    "Guest User",
    "unknown",
    "none",
    "None",
    "null",
    "NULL",
    "n/a",
    "N/A",
    "n.a.",
    "not provided",
    "not set",
    "redacted",
    "[REDACTED]",
    "<redacted>",
    "(unknown)",
    "'none'",
    "withheld",
    "tbd",
    "***",
    "****",
    "xxx",
    "XXXX",
    "-",
    "---",
    "0",
    "000000",
    "?",
    "•••",
    "anonym",
    "Gast",
    "unbekannt",
    "keine Angabe",
    "k.A.",
    "anonyme",
    "invité",
    "inconnu",
    "non renseigné",
    "anónimo",
    "invitado",
    "desconocido",
    "anônimo",
    "ospite",
    "sconosciuto",
    "onbekend",
    "anonimowy",
    "gość",
    "brak",
    "névtelen",
    "anonim",
    "misafir",
    "ανώνυμος",
    "аноним",
    "гость",
    "не указано",
    "анонім",
    "مجهول",
    "ضيف",
    "אורח",
    "ناشناس",
    "अज्ञात",
    "匿名",
    "访客",
    "ゲスト",
    "なし",
    "익명",
    "게스트",
    "ไม่ระบุ",
    "ẩn danh",
    "tamu",
    "＜ＲＥＤＡＣＴＥＤ＞",  # noqa: RUF001 - full-width, read through NFKC
)

_TEMPLATES = (
    "{{first_name}}",
    "{{ customer.firstname }}",
    "{{customer.first_name}} {{customer.last_name}}",
    "%FIRSTNAME% %LASTNAME%",
    "{{last_name}}, {{first_name}}",
    "${customer.id}",
    "#{user.email}",
    "{name}",
    "%FIRSTNAME%",
    "%LASTNAME%",
    "*|FNAME|*",
    "*|EMAIL|*",
    "<NAME>",
    "<customer_id>",
    "[customer name]",
    "[Vorname]",
    "[Prénom]",
    "[[nombre]]",
    "__USERNAME__",
    "@CUSTOMER_EMAIL@",
    ":user_id",
    "{{CUSTOMERFIRSTNAME}}",
    "{{your name here}}",
    "{{お客様の名前}}",
    "{{이름}}",
    "{{客户姓名}}",
    "[Nachname]",
    "{{имя}}",
    "{{imię}}",
    "{{cognome}}",
)

# The same keys holding data, or data inside a placeholder's brackets: still found.
_DATA = (
    "Maria Schmidt",
    "<Maria Schmidt>",
    "[Maria Schmidt]",
    "{{Name Maria}}",
    "{{maria.schmidt}}",
    "[Name: Maria Schmidt]",
    "Gast Maria Schmidt",
    "guest: maria@example.com",
    "<maria@example.com>",
    "[+49 151 23456789]",
    "{{4111111111111111}}",
    "anonymous-7f3a",
    "guest-48213",
    "%maria%",
)


@pytest.mark.parametrize("value", _ABSENT)
def test_a_word_of_absence_under_a_personal_key_is_clean(value: str) -> None:
    assert scan_parameters({key: value for key in _KEYS}) == []


@pytest.mark.parametrize("value", _TEMPLATES)
def test_an_unrendered_template_variable_is_clean(value: str) -> None:
    assert scan_parameters({key: value for key in _KEYS}) == []


def test_each_key_counts_a_value_that_is_not_a_placeholder() -> None:
    # The clean cases above are clean because of the value, not because a key has no rule.
    for key in _KEYS:
        assert scan_parameters({key: "Maria Schmidt 48213"}) != [], key


@pytest.mark.parametrize("value", _DATA)
def test_data_in_the_same_places_is_still_found(value: str) -> None:
    findings = scan_parameters({"customer_id": value, "customer_name": value})
    assert {finding.path for finding in findings} >= {"/customer_id"}, findings


@pytest.mark.parametrize("value", ["Maria Schmidt", "{{Name Maria}}", "[Max Müller]", "Jean-Pierre Dupont"])
def test_a_name_under_a_name_key_is_still_a_person(value: str) -> None:
    assert [finding.entity for finding in scan_parameters({"customer_name": value})] == ["PERSON"]


def test_a_metadata_field_named_for_a_person_holding_a_placeholder_is_clean() -> None:
    # EXIF Artist / XMP dc:creator read through scan_text with the field name as context.
    assert scan_text("unknown", path="/exif/Artist", context="Artist") == []
    assert scan_text("Maria Schmidt", path="/exif/Artist", context="Artist") != []


def test_lists_of_placeholders_only() -> None:
    assert scan_parameters({"customer_id": ["guest", "anonymous", ""]}) == []
    assert stands_for_no_one(["guest", None, " "])
    assert not stands_for_no_one(["guest", "48213"])
    assert scan_parameters({"customer_id": ["guest", "48213"]}) != []
    assert not stands_for_no_one([])


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("guest", True),
        ("  [ REDACTED ]  ", True),
        ("«inconnu»", True),
        ("{{first_name}}", True),
        ("{{ first_name }} {{ last_name }}", True),
        ("{{first_name}} Schmidt", False),
        ("{{Maria}}", False),
        ("[Maria]", False),
        ("<name@example.com>", False),
        ("x" * 60, False),  # too long to be a placeholder
        ("guest" + " " * 50, False),
        ("", False),
        (48213, False),
        (None, False),
        ("0000", True),
        ("0001", False),
        ("1111", False),
        ("nobody@example.com", False),
        ("{{customer.name}}@example.com", False),
    ],
)
def test_is_placeholder_truth_table(value: object, expected: bool) -> None:
    assert is_placeholder(value) is expected
