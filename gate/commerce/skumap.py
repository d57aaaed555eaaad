"""Which product (SKU) a media-gallery file belongs to, read from a CSV export of the media API.

Adobe Commerce answers `GET /V1/products/{sku}/media` with gallery entries (`id`, `media_type`, `label`,
`position`, `disabled`, `types`, `file`), where `file` is the path under `pub/media/catalog/product`
(`/m/b/mb01-blue-0.jpg`). The SKU is in the request, not the answer, so an export adds it as a column:
the CSV needs a header with `sku` and `file`; `id` (the gallery entry id) and `media_type` are used when
present (rows whose `media_type` is not `image`, such as videos, are ignored); `label` and the other
columns are never read, since a label is free text that may name a person.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from gate.errors import ConfigError

REQUIRED_COLUMNS = ("sku", "file")
# Context values are scalars (ingest-event schema): several products sharing one image are listed in one,
# as one CSV row (a SKU holding a comma or a quote is quoted, so `A,B` and the SKUs `A` and `B` differ).


def sku_list(skus: tuple[str, ...]) -> str:
    """`context.sku` for these SKUs: one plain SKU as it is, several (or one holding `,` or `"`) as one
    CSV row, which `skus_of` (or any CSV reader) splits back exactly."""
    if len(skus) == 1 and not any(c in skus[0] for c in ',"\r\n'):
        return skus[0]
    row = io.StringIO()
    csv.writer(row, lineterminator="\r\n").writerow(skus)  # the terminator's characters are quoted inside
    return row.getvalue().removesuffix("\r\n")


def skus_of(value: str) -> tuple[str, ...]:
    """The SKUs a `context.sku` value lists (the inverse of `sku_list`)."""
    return tuple(next(csv.reader(io.StringIO(value, newline="")), [""])) if value else ()


@dataclass(frozen=True, slots=True)
class GalleryEntry:
    """The products (and gallery entry ids) one file is attached to."""

    skus: tuple[str, ...]
    entry_ids: tuple[int, ...] = ()

    @property
    def sku(self) -> str:
        """The SKU for the event's `context.sku`: one SKU, or all of them (sorted, as one CSV row)."""
        return sku_list(self.skus)

    @property
    def entry_id(self) -> int | None:
        """The gallery entry id for `context.media_entry_id` when exactly one entry names the file."""
        return self.entry_ids[0] if len(self.entry_ids) == 1 else None


@dataclass(frozen=True, slots=True)
class SkuMap:
    """Gallery files (relative to `catalog/product`, no leading slash) to their products."""

    entries: Mapping[str, GalleryEntry]

    def lookup(self, relative: str) -> GalleryEntry | None:
        """The entry for a file path relative to the walked root (`m/b/mb01.jpg`), or None."""
        return self.entries.get(normalise_file(relative))

    def __len__(self) -> int:
        return len(self.entries)


def normalise_file(value: str) -> str:
    """A gallery `file` as the walk names it: forward slashes, no leading slash."""
    return value.strip().replace("\\", "/").lstrip("/")


def parse_sku_map(text: str, *, origin: str = "SKU map") -> SkuMap:
    """Parse the CSV; ConfigError naming the line and what to fix when it cannot be used."""
    reader = csv.DictReader(io.StringIO(text))
    header = [name.strip().lower() for name in reader.fieldnames or ()]
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        raise ConfigError(
            f"{origin}: the CSV header lacks {', '.join(missing)}; export columns sku,file "
            "(and optionally id, media_type) from GET /V1/products/{sku}/media"
        )
    reader.fieldnames = header
    skus: dict[str, set[str]] = {}
    ids: dict[str, set[int]] = {}
    for row in reader:
        line = reader.line_num
        if None in row:  # DictReader's place for the fields past the header's: the row was split wrongly
            raise ConfigError(
                f"{origin} line {line}: more fields than the header's {len(header)}; a value holding a "
                'comma (a SKU, a file name) must be quoted, e.g. "MB01,blue"'
            )
        if (row.get("media_type") or "image").strip().lower() != "image":
            continue
        sku, file = (row.get("sku") or "").strip(), normalise_file(row.get("file") or "")
        if not sku or not file:
            raise ConfigError(f"{origin} line {line}: sku and file must both be set")
        skus.setdefault(file, set()).add(sku)
        entry_id = (row.get("id") or "").strip()
        if entry_id:
            if not entry_id.isdigit():
                raise ConfigError(f"{origin} line {line}: id must be the numeric gallery entry id")
            ids.setdefault(file, set()).add(int(entry_id))
    return SkuMap(
        {
            file: GalleryEntry(tuple(sorted(names)), tuple(sorted(ids.get(file, ()))))
            for file, names in skus.items()
        }
    )


def read_sku_map(path: Path) -> SkuMap:
    """Read and parse a SKU map file (UTF-8, a BOM tolerated as spreadsheets write one)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ConfigError(f"cannot read --sku-map {path}: {exc.strerror}; check the path") from None
    except UnicodeDecodeError:
        raise ConfigError(f"--sku-map {path} is not UTF-8 text; export the CSV as UTF-8") from None
    return parse_sku_map(text, origin=str(path))
