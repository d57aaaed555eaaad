"""Parsing ingest events: valid shapes pass, every malformed input is EventInvalid with no value in it."""

from __future__ import annotations

import json

import pytest

from gate.core.event import parse_event
from gate.errors import EventInvalid

SHA = "a" * 64


def event(**overrides: object) -> dict[str, object]:
    base: dict[str, object] = {
        "event_id": "evt-1",
        "occurred_at": "2026-11-26T10:00:00Z",
        "source": "studio-gen",
        "asset": {"uri": "file:///srv/images/a.jpg", "sha256": SHA, "media_type": "image/jpeg"},
    }
    base.update(overrides)
    return base


def test_valid_event_with_generation() -> None:
    doc = event(
        generation={
            "synthetic": True,
            "model": {"name": "sdxl", "version": "1.0", "provider": "stability"},
            "parameters": {"prompt": "a red dress", "seed": 1},
            "training_data_sources": ["licensed-stock"],
        },
        context={"store": "de", "sku": "MB-24"},
    )
    parsed = parse_event(json.dumps(doc).encode())
    assert parsed.event_id == "evt-1"
    assert parsed.synthetic is True
    assert parsed.generation is not None
    assert parsed.generation.model.name == "sdxl"
    assert parsed.generation.parameters == {"prompt": "a red dress", "seed": 1}


def test_inline_asset_event_without_generation_is_undeclared() -> None:
    parsed = parse_event(json.dumps(event(asset={"data": "AAAA", "media_type": "image/png"})).encode())
    assert parsed.synthetic is None


SECRET = "jane.doe@example.com"


@pytest.mark.parametrize("field", ["event_id", "source"])
def test_an_identifier_with_a_trailing_newline_is_invalid(field: str) -> None:
    # JSON Schema patterns are ECMA-262, where "$" ends the text; Python's re lets "$" match before a final
    # newline, which would let one into log lines and metric labels.
    with pytest.raises(EventInvalid, match=f"/{field}: does not satisfy 'pattern'"):
        parse_event(json.dumps(event(**{field: "studio-gen\n"})).encode())


def test_parameters_may_hold_any_json_number_a_float_can_hold() -> None:
    raw = b'{"event_id": "e", "occurred_at": "2026-11-26T10:00:00Z", "source": "s", "asset": {"data": "AAAA",'
    raw += b' "media_type": "image/png"}, "generation": {"synthetic": true, "parameters": {"seed": '
    raw += b'123456789012345678901234567890, "cfg": 1e300, "eta": -0.0}}}'
    parsed = parse_event(raw)
    assert parsed.generation is not None and parsed.generation.parameters is not None
    assert parsed.generation.parameters["seed"] == 123456789012345678901234567890
    # RFC 8259 lets a reader limit the range: 1e400 would be read as infinity, which no JSON output can
    # carry (json.dumps writes "Infinity"), so the event is refused with the reason.
    with pytest.raises(EventInvalid, match="too large for a float"):
        parse_event(raw.replace(b"1e300", b"1e400"))


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        None,
        b"\xff\xfe garbage",
        b"not json",
        b"[1, 2]",
        json.dumps(event(event_id="")).encode(),
        json.dumps(event(source=SECRET)).encode(),
        json.dumps(event(asset={"uri": "ftp://x/a.jpg", "sha256": SHA, "media_type": "image/jpeg"})).encode(),
        json.dumps(event(asset={"uri": "file:///a.jpg", "media_type": "image/jpeg"})).encode(),
        json.dumps(event(asset={"data": "AAAA", "media_type": "image/gif"})).encode(),
        json.dumps(event(occurred_at="yesterday")).encode(),
        json.dumps(event(generation={"synthetic": "yes"})).encode(),
        json.dumps(event(unexpected=SECRET)).encode(),
        json.dumps(event(context={"nested": {"email": SECRET}})).encode(),
        b"[" * 100_000 + b"]" * 100_000,
    ],
)
def test_malformed_events_are_invalid_without_quoting_values(raw: bytes | None) -> None:
    with pytest.raises(EventInvalid) as info:
        parse_event(raw)
    assert SECRET not in str(info.value)
    assert str(info.value)


@pytest.mark.parametrize(
    ("raw", "where"),
    [
        (b'{"event_id": "e1",\n "source": "s" "x"}', "Expecting ',' delimiter at line 2, column 16"),
        (b'{"event_id": "e1"} trailing', "Extra data at line 1, column 20"),
        (b'{"event_id": "\xe9"}', "byte 14 cannot be read as UTF-8 text (invalid continuation byte)"),
        (b'{"event_id": "' + SECRET.encode() + b'",}', "Expecting property name enclosed in double quotes"),
    ],
)
def test_text_that_is_not_json_says_where_without_quoting_it(raw: bytes, where: str) -> None:
    # A producer fixing its serialiser needs the position; the record value is never quoted.
    with pytest.raises(EventInvalid) as info:
        parse_event(raw)
    assert where in str(info.value)
    assert SECRET not in str(info.value)
