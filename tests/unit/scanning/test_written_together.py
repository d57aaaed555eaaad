"""Truth tables of values the scanner missed because of how they were written, not of what they said
(a probe of the ninth session): a phone number right after a word in scripts without spaces,
a Chinese name after a word that introduces one in the middle of a run, a card number in groups under a
key that says "a number", coordinates with a label on each half, and a JSON document inside a string,
whose keys say what its values are. Each table holds the clean neighbours that must stay clean."""

from __future__ import annotations

import json

import pytest

from gate.errors import ScanLimitExceeded
from gate.scanning import scan_parameters
from tests.unit.scanning.found import entities

SPACELESS_PHONES: list[tuple[str, bool]] = [
    ("手机13812345678", True),
    ("联系电话13912345678谢谢", True),
    ("携帯09012345678", True),
    ("電話0312345678まで", True),
    ("전화번호01012345678", True),
    ("휴대폰010-1234-5678", True),
    ("โทร0812345678", True),
    ("商品编号13812345678", False),  # an item number with a phone's shape, no phone word
    ("订单号2023121512345", False),
    ("型番A1234567890", False),
    ("abc090-1234-5678", False),  # a Latin letter before the digits: a code, as before
]

CHINESE_NAMES: list[tuple[str, bool]] = [
    ("她叫王小明", True),
    ("联系人王小明", True),
    ("尊敬的张伟先生", True),
    ("客户李娜的生日贺卡", True),
    ("寄给刘洋的礼物", True),
    ("客户满意度调查", False),
    ("会员专享折扣", False),
    ("用户体验设计", False),
    ("亲爱的朋友们", False),
    ("收件人地址", False),
    ("联系人信息", False),
    ("寄给妈妈的礼物", False),
    ("尊敬的客户您好", False),
]

NUMBER_KEYS: list[tuple[str, str, bool]] = [
    ("seed", "4111-1111-1111-1111", True),
    ("seed", "4111 1111 1111 1111", True),
    ("sku", "3782 822463 10005", True),  # American Express groups: 4, 6, 5
    ("seed", "4111111111111111", False),  # one run of digits under "seed" is a seed
    ("seed", "1234-5678-9012-3456", False),  # grouped, but no card (Luhn)
    ("version", "1.2.3.4", False),
    ("seed", "2023.1201.1234.5678", False),
]

COORDINATES: list[tuple[str, bool]] = [
    ("lat 48.8584, lon 2.2945", True),
    ("latitude=48.8584&longitude=2.2945", True),
    ("Lat -33.87 Long 151.21", True),
    ("Breite: 48,8584 Länge: 2,2945", True),
    ("緯度35.6812 経度139.7671", True),
    ("breedte 52,3702 lengte 4,8952", True),  # every label the pattern reads passes its prefilter too
    ("szerokość 52.2297 długość 21.0122", True),
    ("위도 37.5665 경도 126.9780", True),
    ("lat: 52.52 lng: 13.40", True),
    ("latte 12.50, long sleeve 3.50", False),
    ("flat 12.50 long 3.50", False),
    ("plate 12.34 long 5.67", False),
    ("lat 91.5 lon 2.0", False),  # no latitude
    ("lat 0.00 lon 0.00", False),
]


@pytest.mark.parametrize(("text", "leaks"), SPACELESS_PHONES)
def test_a_phone_number_right_after_a_word_of_a_script_without_spaces(text: str, leaks: bool) -> None:
    assert ("PHONE_NUMBER" in entities(text)) is leaks


@pytest.mark.parametrize(("text", "leaks"), CHINESE_NAMES)
def test_a_chinese_name_after_a_word_that_introduces_one(text: str, leaks: bool) -> None:
    assert ("PERSON" in entities(text)) is leaks


@pytest.mark.parametrize(("key", "value", "leaks"), NUMBER_KEYS)
def test_a_card_number_in_groups_is_no_seed(key: str, value: str, leaks: bool) -> None:
    assert ("CREDIT_CARD" in entities(value, key=key)) is leaks


@pytest.mark.parametrize(("text", "leaks"), COORDINATES)
def test_coordinates_with_a_label_on_each_half(text: str, leaks: bool) -> None:
    assert ("LOCATION" in entities(text)) is leaks


EMBEDDED: list[tuple[object, str | None]] = [
    ({"customer_name": "Budi Santoso"}, "PERSON"),
    ({"dob": "1985-03-12"}, "DATE_OF_BIRTH"),
    ({"lat": 48.8584, "lng": 2.2945}, "LOCATION"),
    ([{"buyer": {"phone": "030 901820"}}], "PHONE_NUMBER"),
    ({"settings": json.dumps({"dob": "1985-03-12"})}, "DATE_OF_BIRTH"),  # JSON in JSON in a string
    ({"sampler": "euler_a", "steps": 30, "cfg": 7.5, "seed": 123456789}, None),
    ({"name": "Summer Dress", "size": "M"}, None),
]


@pytest.mark.parametrize(("document", "entity"), EMBEDDED)
def test_a_json_document_inside_a_string_is_read_with_its_keys(document: object, entity: str | None) -> None:
    found = scan_parameters({"settings": json.dumps(document)})
    assert {f.entity for f in found} == ({entity} if entity else set())
    # Reported at the string's pointer: the document's own keys are no part of the outer document.
    assert all(f.path == "/settings" for f in found)


@pytest.mark.parametrize(
    "text",
    [
        '{"x": NaN, "dob": "1985-03-12"}',  # NaN, as lenient writers emit it, reads as null
        '{"dob": "1985-03-12", "dob": "x"}',  # a repeated key: every value is read
        '{"dob": "x", "dob": "1985-03-12"}',
        '  {"dob": "1985-03-12"}\n',
    ],
)
def test_embedded_json_as_lenient_writers_write_it(text: str) -> None:
    assert "DATE_OF_BIRTH" in entities(text, key="settings")


def test_nesting_inside_a_string_counts_against_the_depth_limit() -> None:
    assert scan_parameters({"p": "[" * 31 + "]" * 31}) == []
    with pytest.raises(ScanLimitExceeded):
        scan_parameters({"p": "[" * 40 + "]" * 40})
    with pytest.raises(ScanLimitExceeded):  # past what Python's own parser takes
        scan_parameters({"p": "[" * 5000 + "]" * 5000})


def test_text_that_only_looks_like_json_is_read_as_text() -> None:
    assert entities("[masterpiece], best quality, {detailed}") == set()
    assert entities("[1, 2, 3]") == set()


# A card number written as a JSON number, not a string: read wherever its string would be (not under a
# key that says "a number": a seed of 16 digits is a seed).
CARD_INTEGERS: list[tuple[str, object, bool]] = [
    ("payment", 4111111111111111, True),
    ("x", 5500005555555559, True),
    ("ref", 378282246310005, True),  # American Express, 15 digits
    ("items", [4111111111111111], True),
    ("seed", 4111111111111111, False),
    ("noise_seed", 5500005555555559, False),
    ("x", 1234567890123456, False),  # not Luhn-valid
    ("x", 4006381333931, False),  # an EAN-13
    ("created_ms", 1733443200000, False),
    ("x", 12345678901234567, False),
]


@pytest.mark.parametrize(("key", "value", "leaks"), CARD_INTEGERS)
def test_a_card_number_written_as_a_json_number(key: str, value: object, leaks: bool) -> None:
    assert ("CREDIT_CARD" in entities(value, key=key)) is leaks
