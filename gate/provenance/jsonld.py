"""JSON-LD keys of a manifest's assertions read by their namespace, not by the prefix a signer chose.

C2PA's `stds.exif`, CAWG and IPTC metadata assertions are JSON-LD: an `@context` binds `exif` to EXIF's
namespace URI and the keys say `exif:GPSLatitude`. The scanner reads a key of a prefix it knows (`exif:`,
`dc:`...) by its local name, so `exif:GPSLatitude` is a position. A signer may bind any prefix to the
same namespace (`"e": "http://ns.adobe.com/exif/1.0/"`, `"e:GPSLatitude"`): the same property, which the
scanner would read as an unknown key. `canonical_keys` renames such keys to the prefix the scanner
knows, as their namespace says; a key whose prefix is bound to no known namespace stays as written (the
scanner reads its text). Findings then name the property by its namespace's prefix, never by the prefix
the signer chose.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# Namespace URI -> the prefix the scanner reads by local name (`gate.scanning.context`).
_PREFIXES: dict[str, str] = {
    "http://ns.adobe.com/exif/1.0/": "exif",
    "http://cipa.jp/exif/1.0/": "exifEX",
    "http://ns.adobe.com/tiff/1.0/": "tiff",
    "http://ns.adobe.com/exif/1.0/aux/": "aux",
    "http://ns.adobe.com/xap/1.0/": "xmp",
    "http://ns.adobe.com/xap/1.0/mm/": "xmpMM",
    "http://ns.adobe.com/xap/1.0/rights/": "xmpRights",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://ns.adobe.com/photoshop/1.0/": "photoshop",
    "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/": "Iptc4xmpCore",
    "http://iptc.org/std/Iptc4xmpExt/2008-02-29/": "Iptc4xmpExt",
    "http://ns.useplus.org/ldf/xmp/1.0/": "plus",
    "http://schema.org/": "schema",
    "https://schema.org/": "schema",
    "http://ns.google.com/photos/1.0/panorama/": "GPano",
    "http://ns.adobe.com/camera-raw-settings/1.0/": "crs",
}


# The namespace of each prefix `canonical_keys` writes (the first URI listed for it).
_NAMESPACE_OF: dict[str, str] = {}
for _uri, _prefix in _PREFIXES.items():
    _NAMESPACE_OF.setdefault(_prefix, _uri)


def namespace_of(key: str) -> str | None:
    """The namespace URI of a key `p:name` whose prefix `p` is one `canonical_keys` writes, else None."""
    prefix, colon, local = key.partition(":")
    return _NAMESPACE_OF.get(prefix) if colon and local else None


def canonical_keys(value: Any, bound: Mapping[str, str | None] | None = None) -> Any:
    """`value` with every object key `p:name` whose prefix `p` an `@context` (of that object or one around
    it) binds to a namespace of `_PREFIXES` renamed to that namespace's prefix. Two keys that meet under
    one name keep both values, as a list under it."""
    if isinstance(value, list):
        return [canonical_keys(item, bound) for item in value]
    if not isinstance(value, dict):
        return value
    scope = {**(bound or {}), **_bindings(value.get("@context"))}
    out: dict[str, Any] = {}
    for key, item in value.items():
        name = _renamed(key, scope) if isinstance(key, str) else key
        read = canonical_keys(item, scope)
        if name in out:
            earlier = out[name]
            out[name] = [*(earlier if isinstance(earlier, list) else [earlier]), read]
        else:
            out[name] = read
    return out


def _bindings(context: Any) -> dict[str, str | None]:
    """Prefix -> canonical prefix for every term a JSON-LD `@context` defines (an object, or a list of
    objects and URLs; a term's definition may be an object with `@id`): None for a namespace the scanner
    does not know, so an inner context that rebinds a prefix unbinds it."""
    found: dict[str, str | None] = {}
    for part in context if isinstance(context, list) else [context]:
        if not isinstance(part, dict):
            continue
        for term, definition in part.items():
            uri = definition.get("@id") if isinstance(definition, dict) else definition
            if isinstance(term, str):
                found[term] = _PREFIXES.get(uri) if isinstance(uri, str) else None
    return found


def _renamed(key: str, scope: Mapping[str, str | None]) -> str:
    prefix, colon, local = key.partition(":")
    canonical = scope.get(prefix) if colon and local else None
    return f"{canonical}:{local}" if canonical and canonical != prefix else key
