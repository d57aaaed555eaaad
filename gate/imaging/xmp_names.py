"""Names an XMP packet chose: the prefixes it binds namespaces to, and its elements' and attributes' local
names. The rewrite keeps them, and an XML name may hold digits, dots, dashes, underscores and letters of any
script (`<dc:tel.004915123456789>`, `xmlns:jane.roe-example.com=...`), so they are text the image publishes.

A name of ASCII letters and digits (at most four: `ToneCurvePV2012`, `Iptc4xmpExt`) spells nothing the
scanner finds; any other is handed to it (`names_item`). When free text is stripped, such names go too: an
element or attribute so named is removed, a prefix so spelled is renamed (`plain_prefixes`), so what the
strip leaves holds no name to scan.
"""

from __future__ import annotations

import functools
import itertools
import re
import string
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from gate.imaging.items import MetadataItem
from gate.pointers import pointer

_PLAIN = re.compile(r"[A-Za-z0-9]*")
_MAX_DIGITS = 4
# RDF's and XML's own names are the standard's, not the image's.
_STANDARD = ("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}", "{http://www.w3.org/XML/1998/namespace}")


def spelled(name: str) -> bool:
    """Whether a local name or prefix is one the scanner must read: anything but ASCII letters and digits,
    or more than four digits."""
    return not _PLAIN.fullmatch(name) or sum(char.isdigit() for char in name) > _MAX_DIGITS


def _local(clark: str) -> str:
    return clark.rpartition("}")[2]


@functools.lru_cache(maxsize=4096)  # the same few hundred names recur in every photo's packet
def _chosen(clark: str) -> bool:
    return not clark.startswith(_STANDARD) and spelled(_local(clark))


def names_item(root: ET.Element, namespaces: list[tuple[str, str]]) -> list[MetadataItem]:
    """One free-text item (`/xmp/names`) of the spelled names the packet chose, or none. Scanned without
    context and named by place, never by content."""
    names = {prefix for prefix, _ in namespaces if spelled(prefix)}
    for elem in root.iter():
        names.update(_local(name) for name in (elem.tag, *elem.attrib) if _chosen(name))
    if not names:
        return []
    return [MetadataItem(pointer("xmp", "names"), "free_text", "\n".join(sorted(names)), named_context=False)]


def drop_spelled(root: ET.Element) -> bool:
    """Remove every element and attribute whose local name is spelled (`names_item`); whether any went."""
    changed = False
    for parent in list(root.iter()):
        for name in [name for name in parent.attrib if _chosen(name)]:
            del parent.attrib[name]
            changed = True
        for child in [child for child in parent if isinstance(child.tag, str) and _chosen(child.tag)]:
            parent.remove(child)
            changed = True
    return changed


def plain_prefixes(namespaces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The declarations with every spelled prefix replaced by one of letters (`ns`, `nsa`, `nsb`...) no
    other declaration uses; the same prefix and URI get the same replacement."""
    taken = {prefix for prefix, _ in namespaces}
    renamed: dict[tuple[str, str], str] = {}
    out = []
    for prefix, uri in namespaces:
        if spelled(prefix) and (prefix, uri) not in renamed:
            renamed[prefix, uri] = next(name for name in _fresh() if name not in taken)
            taken.add(renamed[prefix, uri])
        out.append((renamed.get((prefix, uri), prefix), uri))
    return out


def _fresh() -> Iterator[str]:
    """ns, nsa..nsz, nsaa..., without end."""
    yield "ns"
    for length in itertools.count(1):
        for letters in itertools.product(string.ascii_lowercase, repeat=length):
            yield "ns" + "".join(letters)
