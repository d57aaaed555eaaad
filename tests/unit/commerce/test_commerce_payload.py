"""Truth tables of the product-save payload parser: which gallery entries are new, and what is refused."""

from __future__ import annotations

import json
from typing import Any

import pytest

from gate.commerce.webhook import (
    MAX_MESSAGE_CHARS,
    MediaEntry,
    PayloadInvalid,
    exception,
    parse_product_save,
    success,
)
from tests.commerce_webhooks import new_image, product_save, saved_image


def _files(payload: Any) -> list[str | None]:
    return [entry.file for entry in parse_product_save(json.dumps(payload).encode()).new_media]


@pytest.mark.parametrize(
    ("images", "expected"),
    [
        ({}, []),
        ({"a": new_image("/m/y/my.jpg.tmp")}, ["/m/y/my.jpg.tmp"]),
        ({"1": saved_image("/o/l/old.jpg", 1)}, []),
        ({"1": saved_image("/o/l/old.jpg", 1), "x": new_image("/n/e/new.jpg.tmp")}, ["/n/e/new.jpg.tmp"]),
        # A new upload removed again before saving, and a saved image being deleted: neither is decided.
        ({"x": {**new_image("/n/e/new.jpg.tmp"), "removed": "1"}}, []),
        ({"1": {**saved_image("/o/l/old.jpg", 1), "removed": 1}}, []),
        ({"x": {**new_image("/n/e/new.jpg.tmp"), "removed": True}}, []),
        # Empty, null and zero value ids are what the form sends for new entries.
        ({"x": {**new_image("/a/b/a.jpg"), "value_id": ""}}, ["/a/b/a.jpg"]),
        ({"x": {**new_image("/a/b/a.jpg"), "value_id": None}}, ["/a/b/a.jpg"]),
        ({"x": {**new_image("/a/b/a.jpg"), "value_id": "0"}}, ["/a/b/a.jpg"]),
        ({"x": {**new_image("/a/b/a.jpg"), "removed": {"odd": 1}}}, ["/a/b/a.jpg"]),
    ],
)
def test_new_entries_of_the_admin_gallery(images: dict[str, Any], expected: list[str]) -> None:
    assert _files(product_save(images)) == expected


def test_the_gallery_may_be_a_list_and_the_payload_may_be_the_configured_fields_only() -> None:
    listed = {"product": {"sku": "Pr-1", "media_gallery": {"images": [new_image("/a/b/c.png")]}}}
    save = parse_product_save(json.dumps(listed).encode())
    assert save.sku == "Pr-1"
    assert save.new_media == (MediaEntry("/product/media_gallery/images/0", "/a/b/c.png"),)


def test_rest_media_gallery_entries_with_content_and_without_id() -> None:
    product = product_save({})
    product["data"]["product"]["media_gallery_entries"] = [
        {"id": 5, "media_type": "image", "file": "/o/l/old.jpg"},
        {
            "media_type": "image",
            "label": "front",
            "content": {"base64_encoded_data": "AAAA", "type": "image/jpeg", "name": "front.jpg"},
        },
        {"media_type": "image", "file": "/n/e/new.jpg"},
    ]
    entries = parse_product_save(json.dumps(product).encode()).new_media
    assert [(e.file, e.content, e.content_type) for e in entries] == [
        (None, "AAAA", "image/jpeg"),
        ("/n/e/new.jpg", None, None),
    ]
    assert entries[0].label == "/data/product/media_gallery_entries/1"


def test_a_file_listed_in_both_shapes_is_decided_once() -> None:
    product = product_save({"x": new_image("/n/e/new.jpg")})
    product["data"]["product"]["media_gallery_entries"] = [{"media_type": "image", "file": "/n/e/new.jpg"}]
    assert _files(product) == ["/n/e/new.jpg"]


def test_a_product_without_gallery_has_nothing_to_decide() -> None:
    payload = product_save({})
    del payload["data"]["product"]["media_gallery"]
    assert parse_product_save(json.dumps(payload).encode()).new_media == ()


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"", "not UTF-8 JSON"),
        (b"\xff\xfe", "not UTF-8 JSON"),
        (b"[1, 2]", "not a JSON object"),
        (b'{"eventName": "x", "data": {}}', "names no product"),
        (b'{"data": {"product": "Pr-1"}}', "names no product"),
        (b'{"product": {"sku": "a", "sku": "b"}}', "each key once"),
        (b'{"product": {"media_gallery": []}}', "media_gallery is not an object"),
        (b'{"product": {"media_gallery": {"images": "x"}}}', "neither an object nor a list"),
        (b'{"product": {"media_gallery": {"images": {"a": 1}}}}', "/images/a is not an object"),
        (b'{"product": {"media_gallery": {"images": {"a": {"file": 5}}}}}', "the file is not a string"),
        (b'{"product": {"media_gallery": {"images": {"a": {"label": "x"}}}}}', "names no file, url or"),
        (b'{"product": {"media_gallery_entries": {"a": 1}}}', "media_gallery_entries is not a list"),
        (b"[" * 100_000, "not UTF-8 JSON"),
        (b'{"product": {"sku": "Pr-1\\ud800"}}', "lone surrogate"),
        (b'{"product": {"entity_id": 1' + b"0" * 5_000 + b"}}", "integer of 5001 digits"),
    ],
)
def test_unreadable_payloads_are_refused_without_quoting_them(body: bytes, message: str) -> None:
    with pytest.raises(PayloadInvalid, match=message) as caught:
        parse_product_save(body)
    assert "Pr-1" not in str(caught.value)


def test_answers_are_the_documented_operations() -> None:
    assert json.loads(success()) == {"op": "success"}
    assert json.loads(exception("gate: image /a/b.jpg: quarantined")) == {
        "op": "exception",
        "message": "gate: image /a/b.jpg: quarantined",
    }
    long = json.loads(exception("x" * 5000))["message"]
    assert len(long) == MAX_MESSAGE_CHARS and long.endswith("...")
