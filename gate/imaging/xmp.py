"""Safe reading and rewriting of XMP packets with the standard library's ElementTree.

Hostile XML is refused before parsing: any DOCTYPE or ENTITY declaration (billion laughs, external
entities) makes the image undecodable; XMP never needs either.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import cast

from PIL import ExifTags

from gate.errors import ImageUndecodable
from gate.imaging import xmp_names, xmp_unread
from gate.imaging.camera_raw import camera_raw_text
from gate.imaging.generators import known_generator
from gate.imaging.items import Kind, MetadataItem, UnreadableBlock
from gate.pointers import pointer

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
IPTC_EXT = "http://iptc.org/std/Iptc4xmpExt/2008-02-29/"
MAX_DEPTH = 64

# namespace URI -> (the prefix our paths use, {property: kind}); "*" applies to every property.
_NAMESPACES: dict[str, tuple[str, dict[str, Kind]]] = {
    IPTC_EXT: (
        "Iptc4xmpExt",
        {
            "AIPromptInformation": "free_text",
            "AIPromptWriterName": "person",
            "PersonInImage": "person",
            "LocationCreated": "location",
            "LocationShown": "location",
        },
    ),
    "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/": (
        "Iptc4xmpCore",
        {"Location": "location", "CountryCode": "location", "CreatorContactInfo": "owner"},
    ),
    "http://ns.adobe.com/photoshop/1.0/": (
        "photoshop",
        {
            **dict.fromkeys(("City", "State", "Country"), "location"),
            **dict.fromkeys(("Credit", "AuthorsPosition"), "owner"),
            "CaptionWriter": "person",
            **dict.fromkeys(("Headline", "Instructions", "Source"), "free_text"),
        },
    ),
    "http://purl.org/dc/elements/1.1/": (
        "dc",
        {
            **dict.fromkeys(("creator", "rights", "publisher"), "owner"),
            "contributor": "person",
            **dict.fromkeys(("description", "title", "subject"), "free_text"),
        },
    ),
    "http://ns.adobe.com/exif/1.0/": ("exif", {"UserComment": "free_text", "ImageUniqueID": "device_id"}),
    "http://cipa.jp/exif/1.0/": (
        "exifEX",
        {
            **dict.fromkeys(("BodySerialNumber", "LensSerialNumber", "ImageUniqueID"), "device_id"),
            "CameraOwnerName": "owner",
        },
    ),
    "http://ns.adobe.com/exif/1.0/aux/": (
        "aux",
        {"SerialNumber": "device_id", "LensSerialNumber": "device_id", "OwnerName": "owner"},
    ),
    "http://ns.adobe.com/tiff/1.0/": (
        "tiff",
        {"Artist": "owner", "Copyright": "owner", "ImageDescription": "free_text"},
    ),
    "http://ns.adobe.com/xap/1.0/rights/": ("xmpRights", {"Owner": "owner"}),
    # A PDF's author, and PLUS licensing's people (structures of name, e-mail, phone, address): owners.
    "http://ns.adobe.com/pdf/1.3/": ("pdf", {"Author": "owner"}),
    "http://ns.useplus.org/ldf/xmp/1.0/": (
        "plus",
        dict.fromkeys(("CopyrightOwner", "ImageCreator", "Licensor", "ImageSupplier"), "owner"),
    ),
}
_KNOWN_URIS = frozenset(_NAMESPACES) | {"http://ns.adobe.com/exif/1.0/", "http://cipa.jp/exif/1.0/"}
_EXIF_NS = "http://ns.adobe.com/exif/1.0/"
# The GPS properties XMP's EXIF schema defines (the EXIF GPS tag names); any other exif:GPS* name is hidden.
_GPS_NAMES = frozenset(ExifTags.GPSTAGS.values())
HIDDEN_NAME = xmp_unread.HIDDEN_NAME
_XMP_NS = "http://ns.adobe.com/xap/1.0/"
# IPTC digital source types that mean generative or synthetic content.
_AI_SOURCE_TYPES = frozenset(
    {
        "trainedAlgorithmicMedia",
        "compositeWithTrainedAlgorithmicMedia",
        "algorithmicMedia",
        "compositeSynthetic",
    }
)
_VALUELESS: frozenset[Kind] = frozenset({"location", "device_id"})
_OWNER_KINDS: frozenset[Kind] = frozenset({"owner", "person"})  # judged blank or a name, see `_text`
# The MD5 of the extended packet the main one continues in (JPEG only, `jpeg_multipart.extended_xmp`).
# Naming no extension published beside the packet (one removed, or none ever), it is 16 bytes of the
# writer's choice that no reader uses: unread (issue 12's "HasExtendedXMP left in output").
HAS_EXTENDED_XMP = "{http://ns.adobe.com/xmp/note/}HasExtendedXMP"
_SERIAL = re.compile(r"serial", re.IGNORECASE)
_OWNER = re.compile(r"owner", re.IGNORECASE)


def _split(clark: str) -> tuple[str, str]:
    uri, _, local = clark[1:].partition("}") if clark.startswith("{") else ("", "", clark)
    return uri, local


def classify(clark: str, position: int = 0) -> tuple[str, Kind] | None:
    """(path, kind) of a property given as `{uri}local`, or None when it holds nothing personal.

    Any `exif:GPS...` property is a location, but only the names the EXIF standard defines appear in its
    path: another is named by its `position` among the description's properties ("exif:*3"), as the
    scanner names a key that holds personal data, because the image chose that name.
    """
    uri, local = _split(clark)
    entry = _NAMESPACES.get(uri)
    if entry is None:
        return _named_identifier(uri, local, position)
    prefix, kinds = entry
    kind = kinds.get(local)
    if kind is None and not (uri == _EXIF_NS and local.startswith("GPS")):
        return _named_identifier(uri, local, position)
    if kind is None and uri == _EXIF_NS and local.startswith("GPS"):
        if local not in _GPS_NAMES:
            return pointer("xmp", f"{prefix}:{HIDDEN_NAME}{position}"), "location"
        kind = "location"
    return (pointer("xmp", f"{prefix}:{local}"), kind) if kind else None


def _classified(clark: str, elem: ET.Element | None, position: int = 0) -> tuple[str, Kind] | None:
    """`classify` of a property, or, for one it does not map, the kind of a location or device id nested
    in its structure (`exif:GPSLatitude` in an xmpMM:Pantry entry, an `aux:SerialNumber` in a derived
    document's description): the whole property is that kind, named by position. Such a property's text
    read as free text said nothing to the scanner ("48,51.498N"), and it was published (redimg20)."""
    found = classify(clark, position)
    if found is not None or elem is None:
        return found
    kinds = {
        nested[1]
        for sub in elem.iter()
        for name in (sub.tag, *sub.attrib)
        if sub is not elem or name != sub.tag
        if (nested := classify(name)) is not None and nested[1] in _VALUELESS
    }
    if not kinds:
        return None
    prefix = _known_prefix(_split(clark)[0]) or "ns"
    return pointer(
        "xmp", f"{prefix}:{HIDDEN_NAME}{position}"
    ), "location" if "location" in kinds else "device_id"


def _named_identifier(uri: str, local: str, position: int) -> tuple[str, Kind] | None:
    """A property of a known namespace the gate does not map whose name says it holds a serial number or
    an owner (`exif:SerialNumber`, `exif:LensSerialNumber` as Photoshop wrote them before `aux:`,
    `crs:CameraSerial...`): a device id or an owner, however its value reads to the scanner (a bare
    "044051002852" reads as nothing). Named by position, as the image chose the name."""
    prefix = _known_prefix(uri)
    if prefix is None:
        return None
    kind: Kind | None = "device_id" if _SERIAL.search(local) else "owner" if _OWNER.search(local) else None
    return (pointer("xmp", f"{prefix}:{HIDDEN_NAME}{position}"), kind) if kind else None


def parse(packet: bytes) -> tuple[ET.Element, list[tuple[str, str]]]:
    """Parse a packet into its root element and its (prefix, uri) declarations; refuse DTDs.

    What follows the packet's end (`<?xpacket end=...?>`) is not parsed: see `has_tail`.
    """
    text = _split_tail(_decode(packet))[0]
    if "<!DOCTYPE" in text or "<!ENTITY" in text:
        raise ImageUndecodable("XMP packet declares a DTD or entities; refused")
    parser: ET.XMLPullParser[ET.Element] = ET.XMLPullParser(events=("start-ns", "start", "end"))
    namespaces: list[tuple[str, str]] = []
    root: ET.Element | None = None
    depth = 0
    try:
        parser.feed(text.rstrip(_PADDING))
        parser.close()
        for item in parser.read_events():
            event, obj = item[0], item[-1]
            if event == "start-ns":
                namespaces.append(cast(tuple[str, str], obj))
            elif event == "start":
                root = cast(ET.Element, obj) if root is None else root
                depth += 1
                if depth > MAX_DEPTH:
                    raise UnreadableBlock("XMP packet nests too deep")
            else:
                depth -= 1
    except ET.ParseError as exc:
        raise UnreadableBlock("XMP packet is not well-formed XML") from exc
    if root is None:
        raise UnreadableBlock("XMP packet is empty")
    return root, namespaces


# The end of an XMP packet; what follows it up to the end of its segment or chunk is padding or nothing.
_PACKET_END = re.compile(r"<\?xpacket\s+end\s*=[^>]*\?>")
_PADDING = "\x00 \r\n\t"


def _split_tail(text: str) -> tuple[str, str]:
    """(the packet up to and including `<?xpacket end...?>`, what follows it), the latter "" when absent."""
    end = _PACKET_END.search(text)
    return (text, "") if end is None else (text[: end.end()], text[end.end() :])


def has_tail(packet: bytes) -> bool:
    """Whether text other than padding (whitespace, NULs) follows the packet's end: no XMP reader reads
    it, so it is `unread` (the strip's rewrite ends at the packet's end)."""
    return bool(_split_tail(_decode(packet))[1].strip(_PADDING))


def _decode(packet: bytes) -> str:
    # XMP is UTF-8 unless a byte-order mark says UTF-16 (UTF-32 XMP exists only on paper). Without a mark,
    # the zero byte beside the first character ("<", or whitespace before it) tells UTF-16 and its byte
    # order (XML 1.0 Appendix F); UTF-8 text has no zero byte there.
    if packet[:2] in (b"\xfe\xff", b"\xff\xfe"):
        encoding = "utf-16"
    elif packet[1:2] == b"\x00" and packet[:1] != b"\x00":
        encoding = "utf-16-le"
    elif packet[:1] == b"\x00" and packet[1:2] not in (b"", b"\x00"):
        encoding = "utf-16-be"
    else:
        encoding = "utf-8-sig"
    try:
        return packet.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UnreadableBlock("XMP packet is not valid Unicode") from exc


def _properties(root: ET.Element) -> list[tuple[ET.Element, str, ET.Element | None]]:
    """(description, property name, property element or None for attribute form) for every property."""
    found: list[tuple[ET.Element, str, ET.Element | None]] = []
    for rdf in root.iter(f"{{{RDF}}}RDF"):
        for desc in rdf.findall(f"{{{RDF}}}Description"):
            found.extend((desc, name, None) for name in desc.attrib if not name.startswith(f"{{{RDF}}}"))
            found.extend((desc, child.tag, child) for child in desc)
    return found


_ABOUT = f"{{{RDF}}}about"


def _text(desc: ET.Element, name: str, elem: ET.Element | None, *, structure: bool = True) -> str:
    """The text of a property: its element text and every attribute value below it.

    `structure=False` leaves out the attribute values that are RDF's own vocabulary, a language tag of
    the short form (`x-default`, `en`, `de-DE`: no room for a name) or a parse type, so an owner field
    whose only text is `<rdf:li xml:lang="x-default"/>` (Lightroom's empty dc:rights) is blank."""
    if elem is None:
        return desc.attrib[name]
    parts = [t.strip() for t in elem.itertext() if t.strip()]
    # Every attribute value is text the image chose, RDF's (rdf:resource, rdf:ID, rdf:datatype) and
    # xml:lang included: a parser keeps whatever is written there.
    for sub in elem.iter():
        parts.extend(value for key, value in sub.attrib.items() if structure or not _structural(key, value))
    return "\n".join(parts)


_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_PARSE_TYPE = f"{{{RDF}}}parseType"
_SHORT_LANGUAGE_TAG = re.compile(r"x-default|[A-Za-z]{2,3}(?:-[A-Za-z]{2}|-\d{3})?")


def _structural(key: str, value: str) -> bool:
    if key == _XML_LANG:
        return _SHORT_LANGUAGE_TAG.fullmatch(value) is not None
    return key == _PARSE_TYPE and value in ("Resource", "Literal", "Collection")


def _frame_attributes(root: ET.Element) -> list[tuple[ET.Element, str]]:
    """(element, attribute) pairs outside any property: on x:xmpmeta (x:xmptk), rdf:RDF, and a
    description's RDF attributes other than rdf:about (rdf:ID, rdf:nodeID)."""
    found: list[tuple[ET.Element, str]] = [(root, name) for name in root.attrib]
    for rdf in root.iter(f"{{{RDF}}}RDF"):
        if rdf is not root:
            found.extend((rdf, name) for name in rdf.attrib)
        for desc in rdf.findall(f"{{{RDF}}}Description"):
            found.extend(
                (desc, name) for name in desc.attrib if name.startswith(f"{{{RDF}}}") and name != _ABOUT
            )
    return found


def _known_prefix(uri: str) -> str | None:
    """The pointer prefix of a namespace the gate maps or knows to be technical, else None."""
    entry = _NAMESPACES.get(uri)
    return entry[0] if entry is not None else xmp_unread.TECHNICAL_PREFIXES.get(uri)


def _dangling(desc: ET.Element, name: str, elem: ET.Element | None, extensions: frozenset[str]) -> bool:
    """Whether a property is a HasExtendedXMP that names none of `extensions` (their GUIDs, upper case)."""
    return name == HAS_EXTENDED_XMP and _text(desc, name, elem).strip().upper() not in extensions


def _read_past_items(
    root: ET.Element,
    properties: list[tuple[ET.Element, str, ET.Element | None]],
    extensions: frozenset[str],
) -> list[MetadataItem]:
    """Free-text items for what known namespaces hold beyond the fields `classify` maps (xmp:CreatorTool,
    xmpMM:History, crs:RawFileName, dc:format...) and for a description's rdf:about: the namespace tells
    what a property should hold, not what it holds, so its text is scanned, without the name's context.
    Named by position (`prefix:*N`): the local name is the image's choice."""
    items: list[MetadataItem] = []
    for position, (desc, name, elem) in enumerate(properties):
        prefix = _known_prefix(_split(name)[0])
        # An opaque blob is unread (removed), not text: scanning its base64 cost 170 ms a Pixel photo.
        if (
            prefix is None
            or _classified(name, elem, position) is not None
            or xmp_unread.is_opaque(desc, name, elem)
        ):
            continue
        if _dangling(desc, name, elem, extensions):
            items.append(MetadataItem(pointer("xmp", "xmpNote:HasExtendedXMP"), "unread"))
            continue
        text = camera_raw_text(name, _text(desc, name, elem))
        if text.strip():
            path = pointer("xmp", f"{prefix}:{HIDDEN_NAME}{position}")
            items.append(MetadataItem(path, "free_text", text, named_context=False))
    frame = "\n".join(elem.attrib[name] for elem, name in _frame_attributes(root))
    if frame.strip():
        items.append(MetadataItem(pointer("xmp", "attributes"), "free_text", frame, named_context=False))
    for number, desc in enumerate(root.iter(f"{{{RDF}}}Description")):
        about = desc.get(f"{{{RDF}}}about", "")
        if about.strip():
            items.append(
                MetadataItem(
                    pointer("xmp", "rdf:about", str(number)), "free_text", about, named_context=False
                )
            )
    return items


def read_items(
    packet: bytes, extensions: frozenset[str] = frozenset()
) -> tuple[list[MetadataItem], list[str]]:
    """Personal-data items and AI markers in one XMP packet, and what in it the gate reads past.

    `extensions`: the GUIDs of the extended packets published beside this one (JPEG); a HasExtendedXMP
    naming another is unread."""
    root, namespaces = parse(packet)
    items: list[MetadataItem] = []
    markers: list[str] = []
    properties = _properties(root)
    for position, (desc, name, elem) in enumerate(properties):
        uri, local = _split(name)
        if uri == IPTC_EXT and local == "DigitalSourceType":
            resource = elem.get(f"{{{RDF}}}resource", "") if elem is not None else ""
            value = _text(desc, name, elem) or resource
            code = value.strip().rstrip("/").rsplit("/", 1)[-1]
            if code in _AI_SOURCE_TYPES:
                markers.append(f"xmp:DigitalSourceType={code}")
        elif uri == IPTC_EXT and local in ("AISystemUsed", "AIPromptInformation"):
            markers.append(f"xmp:{local}")
        elif uri == _XMP_NS and local == "CreatorTool":
            generator = known_generator(_text(desc, name, elem))
            if generator:
                markers.append(f"xmp:CreatorTool={generator}")
        found = _classified(name, elem, position)
        if found:
            path, kind = found
            # An owner's value only says whether the field is blank (a name or not): RDF's structure
            # around an empty value is no name.
            value = _text(desc, name, elem, structure=kind not in _OWNER_KINDS)
            items.append(MetadataItem(path, kind, None if kind in _VALUELESS else value))
    items.extend(_read_past_items(root, properties, extensions))
    text = _decode(packet)
    items.extend(xmp_unread.unread_items(text, root, properties, _KNOWN_URIS))
    items.extend(xmp_unread.wrapper_items(_split_tail(text)[0], namespaces, _KNOWN_URIS))
    items.extend(xmp_names.names_item(root, namespaces))
    if has_tail(packet):
        items.append(MetadataItem(pointer("xmp", "tail"), "unread"))
    return items, markers


def strip(packet: bytes, kinds: frozenset[str], extensions: frozenset[str] = frozenset()) -> bytes | None:
    """The packet without properties of `kinds`; None if it has none; b"" if it cannot be rewritten safely.

    `extensions` as for `read_items`: the GUIDs of the extended packets the result is published with.

    The rewrite keeps the document's own prefixes (ElementTree would invent ns0, ns1...).
    """
    root, namespaces = parse(packet)
    removed = False
    properties = _properties(root)
    for desc, name, elem in properties:
        found = _classified(name, elem)
        read_past = found is None and _known_prefix(_split(name)[0]) is not None
        if "unread" in kinds and _dangling(desc, name, elem, extensions):
            pass
        elif read_past and "free_text" in kinds and _text(desc, name, elem).strip():
            pass  # text `_read_past_items` hands to the scanner, stripped with free text
        elif found is None or found[1] not in kinds:
            continue
        removed = True
        if elem is None:
            del desc.attrib[name]
        else:
            desc.remove(elem)
    if "free_text" in kinds:
        for elem, name in _frame_attributes(root):
            if elem.attrib[name].strip():
                del elem.attrib[name]
                removed = True
        for desc in root.iter(f"{{{RDF}}}Description"):
            if desc.get(f"{{{RDF}}}about", "").strip():
                desc.set(f"{{{RDF}}}about", "")
                removed = True
        # Names the packet chose are free text too (`xmp_names`): what spells one goes or is renamed.
        removed = xmp_names.drop_spelled(root) or removed
        renamed = xmp_names.plain_prefixes(namespaces)
        removed = removed or renamed != namespaces
        namespaces = renamed
    if "unread" in kinds:
        removed = xmp_unread.drop_unread(_decode(packet), root, properties, _KNOWN_URIS) or removed
        removed = removed or has_tail(packet)
    if not removed:
        return None
    prefixes: dict[str, str] = {}
    for prefix, uri in namespaces:
        if prefixes.setdefault(uri, prefix) != prefix or list(prefixes.values()).count(prefix) > 1:
            return b""  # one URI under two prefixes or one prefix for two URIs: not worth the risk
    prefixes["http://www.w3.org/XML/1998/namespace"] = "xml"
    try:
        for node in root.iter():
            node.tag = _qname(node.tag, prefixes)
            attrib = {_qname(k, prefixes): v for k, v in node.attrib.items()}
            node.attrib.clear()
            node.attrib.update(attrib)
        for prefix, uri in namespaces:
            root.set(f"xmlns:{prefix}" if prefix else "xmlns", uri)
        body = ET.tostring(root, encoding="unicode")
    except (KeyError, RecursionError):
        return b""
    return f'<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n{body}\n<?xpacket end="w"?>'.encode()


def _qname(clark: str, prefixes: dict[str, str]) -> str:
    uri, local = _split(clark)
    if not uri:
        return local
    prefix = prefixes[uri]
    return f"{prefix}:{local}" if prefix else local
