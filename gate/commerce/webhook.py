"""The Commerce side of `gate serve`: the product-save payload in, the webhook operation out.

Commerce posts `observer.catalog_product_save_before` as `{"eventName": "catalog_product_save_before",
"data": {"product": {...}, "data_object": {...}}}`, or, when the hook lists `<fields>`, only those (e.g.
`{"product": {...}}`); both are read. The product's `media_gallery.images` (keyed by id, or a list) holds
one entry per image: saved ones carry a `value_id`, new ones do not (an Admin upload names its file
`/m/y/name.jpg.tmp` while it waits under `pub/media/tmp/catalog/product`), and `removed` marks deletions.
A REST save may also carry `media_gallery_entries`, new ones without an `id` and possibly with their bytes
(`content.base64_encoded_data`). Only new, not removed entries are decided: the others passed the gate, or
were there before it, when they were saved (see `gate backfill` for those).

The answer is one operation: `{"op": "success"}` lets the save go on; `{"op": "exception", "message": ...}`
makes Commerce refuse it and show the message in the Admin. Messages name the image file and reason codes,
never a value the gate found.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from gate.errors import GateError
from gate.pointers import escape_token
from gate.scanning.strict_json import (
    DuplicateKeyError,
    NonFiniteNumberError,
    NumberTooLongError,
    UnpairedSurrogateError,
    loads,
)

WEBHOOK_PATH = "/commerce/webhooks/product-save"
# Commerce shows the message in the Admin and logs it; past this many characters it stops being read.
MAX_MESSAGE_CHARS = 1_000
_TRUE = frozenset({True, "1", "true", "yes"})  # True == 1, so the integer 1 is in it too


class PayloadInvalid(GateError):
    """The request body is not a product-save payload the gate can read (message names no value)."""


@dataclass(frozen=True, slots=True)
class MediaEntry:
    """One new media-gallery entry: where its bytes are (a file, a URL, or inline) and where it sat."""

    pointer: str  # JSON pointer of the entry in the payload
    file: str | None = None  # Commerce's path under catalog/product, e.g. /m/y/name.jpg(.tmp)
    url: str | None = field(default=None, repr=False)
    content: str | None = field(default=None, repr=False)  # base64 bytes sent with a REST save
    content_type: str | None = None

    @property
    def label(self) -> str:
        """How the answer names this image to the Commerce admin: its file, else its place in the payload."""
        return self.file or self.pointer


@dataclass(frozen=True, slots=True)
class ProductSave:
    """What the gate reads from one product-save payload."""

    sku: str | None
    entity_id: str | None
    new_media: tuple[MediaEntry, ...]


def parse_product_save(body: bytes) -> ProductSave:
    """Read a product-save payload; PayloadInvalid (value-free) when it is not one."""
    try:
        doc = loads(body)
    except DuplicateKeyError as exc:
        raise PayloadInvalid(f"{exc}; each key once per object") from None
    except NonFiniteNumberError as exc:
        raise PayloadInvalid(f"{exc}, which JSON does not allow") from None
    except (UnpairedSurrogateError, NumberTooLongError) as exc:
        raise PayloadInvalid(str(exc)) from None
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise PayloadInvalid("the body is not UTF-8 JSON") from None
    if not isinstance(doc, Mapping):
        raise PayloadInvalid("the body is not a JSON object")
    product, where = _product_of(doc)
    sku, entity_id = _scalar(product.get("sku")), _scalar(product.get("entity_id"))
    entries = list(_gallery_images(product.get("media_gallery"), f"{where}/media_gallery"))
    entries += _gallery_entries(product.get("media_gallery_entries"), f"{where}/media_gallery_entries")
    unique: dict[str, MediaEntry] = {}
    for entry in entries:  # a REST save can list a file in both shapes: decide it once
        unique.setdefault(entry.file or entry.pointer, entry)
    return ProductSave(sku, entity_id, tuple(unique.values()))


def success() -> bytes:
    """The operation that lets the save go on."""
    return b'{"op":"success"}'


def exception(message: str) -> bytes:
    """The operation that makes Commerce refuse the save and show `message`."""
    if len(message) > MAX_MESSAGE_CHARS:
        message = message[: MAX_MESSAGE_CHARS - 3] + "..."
    doc = {"op": "exception", "message": message}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _product_of(doc: Mapping[str, Any]) -> tuple[Mapping[str, Any], str]:
    data = doc.get("data")
    if isinstance(data, Mapping) and isinstance(data.get("product"), Mapping):
        return data["product"], "/data/product"
    if isinstance(doc.get("product"), Mapping):
        return doc["product"], "/product"
    raise PayloadInvalid(
        "the payload names no product: expected data.product (the default payload) or product "
        "(a hook with <fields>); register the hook on observer.catalog_product_save_before"
    )


def _gallery_images(gallery: object, where: str) -> Iterator[MediaEntry]:
    if gallery is None:
        return
    if not isinstance(gallery, Mapping):
        raise PayloadInvalid(f"{where} is not an object")
    images = gallery.get("images")
    for pointer, entry in _items(images, f"{where}/images"):
        if entry.get("value_id") not in (None, "", 0, "0") or _flag(entry.get("removed")):
            continue
        yield _entry(entry, pointer)


def _gallery_entries(entries: object, where: str) -> list[MediaEntry]:
    if entries is None:
        return []
    if not isinstance(entries, Sequence) or isinstance(entries, str):
        raise PayloadInvalid(f"{where} is not a list")
    found = []
    for pointer, entry in _items(entries, where):
        if entry.get("id") not in (None, "", 0, "0") or _flag(entry.get("removed")):
            continue
        found.append(_entry(entry, pointer))
    return found


def _items(collection: object, where: str) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """(pointer, entry) for a gallery keyed by id (an object) or listed (an array)."""
    if collection is None:
        return
    if isinstance(collection, Mapping):
        pairs: Iterator[tuple[str, object]] = ((str(k), v) for k, v in collection.items())
    elif isinstance(collection, Sequence) and not isinstance(collection, str):
        pairs = ((str(i), v) for i, v in enumerate(collection))
    else:
        raise PayloadInvalid(f"{where} is neither an object nor a list")
    for key, entry in pairs:
        pointer = f"{where}/{escape_token(key)}"
        if not isinstance(entry, Mapping):
            raise PayloadInvalid(f"{pointer} is not an object")
        yield pointer, entry


def _entry(entry: Mapping[str, Any], pointer: str) -> MediaEntry:
    file, url = entry.get("file"), entry.get("url")
    content = entry.get("content")
    data = content_type = None
    if isinstance(content, Mapping):
        data, content_type = content.get("base64_encoded_data"), content.get("type")
    for name, value in (("file", file), ("url", url), ("content", data), ("content type", content_type)):
        if value is not None and not isinstance(value, str):
            raise PayloadInvalid(f"{pointer}: the {name} is not a string")
    if not file and not url and not data:
        raise PayloadInvalid(f"{pointer}: a new gallery entry names no file, url or content")
    return MediaEntry(pointer, file or None, url or None, data or None, content_type or None)


def _flag(value: object) -> bool:
    """Commerce's form flags: "1", 1 or true (any other value, of any type, is false)."""
    return isinstance(value, bool | int | str) and value in _TRUE


def _scalar(value: object) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str | int):
        return str(value)
    return None
