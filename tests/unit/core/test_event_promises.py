"""Events the gate must refuse although they parse: repeated keys, identifiers that hold personal data.

Every refusal is EventInvalid with a message that names a pointer and an entity type, never a value.
"""

from __future__ import annotations

import json

import pytest

from gate.core.event import parse_event
from gate.errors import EventInvalid, IdentifierPersonalData
from gate.scanning.strict_json import (
    DuplicateKeyError,
    NonFiniteNumberError,
    NumberTooLongError,
    UnpairedSurrogateError,
    loads,
)

SHA = "a" * 64
ASSET = '{"uri": "file:///srv/a.jpg", "sha256": "' + SHA + '", "media_type": "image/jpeg"}'


def raw_event(
    generation: str = '{"synthetic": true}', event_id: str = "evt-1", source: str = "studio"
) -> bytes:
    return (
        '{"event_id": "' + event_id + '", "occurred_at": "2026-11-26T10:00:00Z", "source": "' + source + '", '
        '"asset": ' + ASSET + ', "generation": ' + generation + "}"
    ).encode()


# (JSON text, pointer of the object with a repeated key)
DUPLICATES = [
    ('{"a": 1, "a": 2}', "the top level"),
    ('{"a": 1, "b": {"c": 1, "c": 1}}', "/b"),
    ('{"x": [{"k": 1}, {"k": 1, "k": 2}]}', "/x/1"),
    ('{"x": [[{"k": 1, "k": 2}]]}', "/x/0/0"),
    ('{"jane@example.com": {"k": 1, "k": 2}}', "/*0"),  # a key that is not an identifier is not spelled
    ('{"a~b": {"c/d": {"e": 1, "e": 2}}}', "/*0/*0"),  # nor is any key outside the identifier alphabet
    ('{"": {"": 1, "": 2}}', "/*0"),
    ('{"model.name": {"k": 1, "k": 2}}', "/model.name"),
]


@pytest.mark.parametrize(("text", "where"), DUPLICATES)
def test_a_repeated_key_is_refused_with_the_objects_pointer(text: str, where: str) -> None:
    with pytest.raises(DuplicateKeyError) as caught:
        loads(text)
    assert str(caught.value) == f"the JSON object at {where} has a duplicate key"


@pytest.mark.parametrize(
    "text", ['{"a": 1, "A": 2}', '{"a": {"b": 1}, "b": {"a": 1}}', '[{"a": 1}, {"a": 1}]', '"a"', "[]"]
)
def test_distinct_keys_parse_as_json_does(text: str) -> None:
    assert loads(text) == json.loads(text)


@pytest.mark.parametrize(
    ("generation", "where"),
    [
        ('{"synthetic": true, "parameters": {"prompt": "a", "prompt": "jane@example.com"}}',
         "/generation/parameters"),
        ('{"synthetic": true, "synthetic": false}', "/generation"),
        ('{"synthetic": true, "parameters": {"loras": [{"name": "x", "name": "Jane Doe"}]}}',
         "/generation/parameters/loras/0"),
    ],
)  # fmt: skip
def test_an_event_with_a_repeated_key_is_invalid(generation: str, where: str) -> None:
    with pytest.raises(EventInvalid) as caught:
        parse_event(raw_event(generation))
    message = str(caught.value)
    assert message.startswith(f"the JSON object at {where} has a duplicate key")
    assert "jane" not in message.lower() and "send each key once" in message


NON_FINITE = ['{"seed": NaN}', '{"cfg": Infinity}', '{"cfg": -Infinity}', '{"seed": 1e999}', "[1, -1e400]"]


@pytest.mark.parametrize("text", NON_FINITE)
def test_nan_infinity_and_overflow_are_refused(text: str) -> None:
    # RFC 8259 has none of them; Python's json reads them, other readers refuse the document.
    with pytest.raises(NonFiniteNumberError):
        loads(text)


@pytest.mark.parametrize(
    "text", ['{"cfg": 7.5}', '{"seed": 1e300}', '{"x": -0.0}', '{"big": 123456789012345678901234567890}']
)
def test_finite_numbers_parse(text: str) -> None:
    assert loads(text) == json.loads(text)


# (JSON text, pointer of the string or of the object whose key holds the lone surrogate)
LONE_SURROGATES = [
    ('{"prompt": "x\\ud800y"}', "/prompt"),
    ('{"prompt": "\\udfff"}', "/prompt"),
    ('["ok", "\\ude00 then text"]', "/1"),
    ('{"loras": [{"n\\ud800": 1}]}', "/loras/0"),
    ('{"jane.doe@example.com": {"a": "\\udc80"}}', "/*0/a"),  # a key that is not an identifier: "*N"
    ('{"a": "high then high \\ud83d\\ud83d"}', "/a"),
    ('{"a": "low first \\ude00\\ud83d"}', "/a"),
]


@pytest.mark.parametrize(("text", "where"), LONE_SURROGATES)
@pytest.mark.parametrize("encoding", ["str", "utf-8", "utf-16"])
def test_a_lone_surrogate_is_refused_with_its_pointer(text: str, where: str, encoding: str) -> None:
    raw: str | bytes = text if encoding == "str" else text.encode(encoding)
    with pytest.raises(UnpairedSurrogateError) as caught:
        loads(raw)
    assert caught.value.pointer == where and "jane" not in str(caught.value)


def test_a_lone_surrogate_written_as_utf8_bytes_is_refused() -> None:
    # CESU-style bytes: json.loads decodes bytes with "surrogatepass", so they become a lone surrogate.
    with pytest.raises(UnpairedSurrogateError):
        loads('{"a": "x\ud800"}'.encode("utf-8", "surrogatepass"))


@pytest.mark.parametrize(
    "text",
    ['{"a": "\\ud83d\\ude00"}', '{"a": "\\\\ud800"}', '{"a": "😀 \\uD83D\\uDE00"}', '{"\\ud83d\\ude00": 1}'],
)
def test_surrogate_pairs_and_escaped_backslashes_parse(text: str) -> None:
    assert loads(text) == json.loads(text)
    # As bytes too: Hangul's UTF-8 starts with the byte surrogates' would (0xED), so it is walked.
    raw = (text[:-1] + ', "ko": "힣 한국어"}').encode() if text.endswith("}") else text.encode()
    assert loads(raw) == json.loads(raw)


def test_an_integer_too_long_to_convert_is_refused_with_its_length() -> None:
    assert loads('{"seed": ' + "9" * 4_300 + "}")["seed"] == int("9" * 4_300)
    with pytest.raises(NumberTooLongError, match="4301 digits"):
        loads('{"seed": ' + "9" * 4_301 + "}")


@pytest.mark.parametrize(
    ("text", "message"),
    [('{"synthetic": true, "parameters": {"p": "\\ud800"}}', "lone surrogate"),
     ('{"synthetic": true, "parameters": {"seed": ' + "1" * 5_000 + "}}", "5000 digits")],
)  # fmt: skip
def test_an_event_the_gate_cannot_read_as_text_is_invalid_and_says_why(text: str, message: str) -> None:
    with pytest.raises(EventInvalid, match=message):
        parse_event(raw_event(text))


def test_an_event_with_nan_is_invalid() -> None:
    with pytest.raises(EventInvalid, match="NaN, Infinity") as caught:
        parse_event(raw_event('{"synthetic": true, "parameters": {"seed": NaN}}'))
    assert "send a number or null" in str(caught.value)


# (field, value, entity found in it)
IDENTIFIERS = [
    ("event_id", "Jane.Doe-2026", "PERSON"),
    ("event_id", "order-4111-1111-1111-1111", "CREDIT_CARD"),
    ("event_id", "4111111111111111", "CREDIT_CARD"),
    ("event_id", "0049-151-23456789", "PHONE_NUMBER"),
    ("event_id", "call:0033.6.12.34.56.78", "PHONE_NUMBER"),
    ("event_id", "DE89370400440532013000", "IBAN_CODE"),
    ("source", "John_Smith", "PERSON"),
    ("event_id", "jane.doe", "PERSON"),  # lower case, as ids are written
    ("source", "maria-schmidt-uploads", "PERSON"),
    ("source", "4111.1111.1111.1111", "CREDIT_CARD"),
]


@pytest.mark.parametrize(("field", "value", "entity"), IDENTIFIERS)
def test_an_identifier_holding_personal_data_is_refused(field: str, value: str, entity: str) -> None:
    with pytest.raises(IdentifierPersonalData) as caught:
        parse_event(raw_event(**{field: value}))
    assert (caught.value.path, caught.value.entity) == (f"/{field}", entity)
    assert value not in str(caught.value)


@pytest.mark.parametrize(
    ("field", "value"),
    [("event_id", "evt-2026-12-05-0001"), ("event_id", "a1b2c3d4-e5f6-4711-8899-aabbccddeeff"),
     ("event_id", "shop:de/sku/MB-24/1"), ("event_id", "20261205123456789"), ("source", "studio-gen"),
     ("source", "shopify.prod"), ("source", "Mark_Image_Pipeline"), ("event_id", "evt_1234567890123"),
     ("source", "summer-sale-2026"), ("source", "rose-gold-studio"), ("event_id", "black-friday/sku-MB-24"),
     ("source", "sd-xl-base"), ("event_id", "may-collection-0001")],
)  # fmt: skip
def test_ordinary_identifiers_pass(field: str, value: str) -> None:
    assert getattr(parse_event(raw_event(**{field: value})), field) == value
