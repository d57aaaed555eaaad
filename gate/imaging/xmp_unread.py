"""What an XMP packet holds that the gate reads past: properties in namespaces it does not know, XML
comments and processing instructions, and anything outside `rdf:Description`. All of it is `unread`, and
the default strip rewrites the packet without it (ElementTree drops comments and processing instructions
on its own; the rewrite adds only its xpacket wrapper).

Known namespaces are the ones `xmp` maps plus technical ones (dates, document ids and history, HDR gain
maps, Google's container directory, Apple's auxiliary image data, Camera Raw settings, the C2PA link).
Their properties the gate does not map stay, and `xmp` hands their text to the scanner.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from gate.imaging import opaque
from gate.imaging.items import MetadataItem
from gate.pointers import pointer

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_DESCRIPTION = f"{{{RDF}}}Description"
_RDF_ROOT = f"{{{RDF}}}RDF"
#: Pointer token prefix for a name the image chose, then its position (as the scanner names keys).
HIDDEN_NAME = "*"
#: Technical namespace URI -> the prefix the gate's pointers use for it.
TECHNICAL_PREFIXES: dict[str, str] = {
    "http://ns.adobe.com/xap/1.0/": "xmp",  # dates, CreatorTool, Rating
    "http://ns.adobe.com/xap/1.0/mm/": "xmpMM",  # document and instance ids, history
    "http://ns.adobe.com/xap/1.0/sType/ResourceEvent#": "stEvt",
    "http://ns.adobe.com/xap/1.0/sType/ResourceRef#": "stRef",
    "http://ns.adobe.com/xap/1.0/g/img/": "xmpGImg",
    "http://ns.adobe.com/xmp/note/": "xmpNote",  # HasExtendedXMP
    "http://ns.adobe.com/hdr-gain-map/1.0/": "hdrgm",  # Ultra HDR and Adobe gain maps
    "http://ns.google.com/photos/1.0/container/": "GContainer",  # the directory of an Ultra HDR JPEG
    "http://ns.google.com/photos/1.0/container/item/": "Item",
    "http://ns.google.com/photos/1.0/camera/": "GCamera",  # motion photo and HDR flags
    "http://ns.apple.com/HDRGainMap/1.0/": "HDRGainMap",
    "http://ns.apple.com/pixeldatainfo/1.0/": "apdi",  # auxiliary image type
    "http://ns.adobe.com/camera-raw-settings/1.0/": "crs",
    "http://ns.adobe.com/pdf/1.3/": "pdf",
    "http://purl.org/dc/terms/": "dcterms",  # provenance, the C2PA manifest link
    "http://ns.adobe.com/xap/1.0/rights/": "xmpRights",
    "http://ns.useplus.org/ldf/xmp/1.0/": "plus",  # PLUS licensing (data mining flags)
    "http://www.w3.org/XML/1998/namespace": "xml",
    RDF: "rdf",
    "adobe:ns:meta/": "x",
}
TECHNICAL_NAMESPACES = frozenset(TECHNICAL_PREFIXES)
_GCAMERA = "{http://ns.google.com/photos/1.0/camera/}"
#: Properties of technical namespaces whose value is an encoded blob the gate does not decode (a Pixel's
#: HDR+ maker note and shot log: base64 of encrypted or packed camera data, a serial number possibly):
#: scanned as text they show nothing, so they are unread, like unknown namespaces.
#: So is a thumbnail in base64 (xmp:Thumbnails, xmpGImg:image, as Illustrator and Bridge embed): a JPEG
#: the gate would have to decode to read its own EXIF, GPS and comments, and which no viewer of the image
#: shows (its scan as text was also the slowest read of 7,000 real files: 78 ms for 20 KB of base64).
OPAQUE_PROPERTIES = frozenset(
    {
        f"{_GCAMERA}HdrPlusMakernote",
        f"{_GCAMERA}shot_log_data",
        "{http://ns.adobe.com/xap/1.0/}Thumbnails",
        "{http://ns.adobe.com/xap/1.0/g/img/}image",
    }
)
# A value that is one run of base64 (line breaks allowed, as encoders wrap it) this long, or that says it
# is base64 (rdf:datatype), is a blob whatever its property is called: a Pixel's HDR+ maker note is
# `GCamera:HdrPlusMakernote` on older phones and `GCamera:hdrp_makernote` on newer ones (24 KB, libavif's
# test photos). No text a person reads is one word of 256 characters.
_BASE64_RUN = re.compile(r"[A-Za-z0-9+/]{256,}={0,2}")
_BASE64_TYPE = "base64Binary"
_DATATYPE = f"{{{RDF}}}datatype"
_COMMENT_OR_PI = re.compile(r"<!--|<\?(?!xpacket[\s?])")
_XPACKET = re.compile(r"<\?xpacket\b.*?\?>", re.DOTALL)
# The wrapper as XMP writers emit it (ISO 16684-1 7.3): begin with a byte-order mark or nothing, the fixed
# id, then optional bytes/encoding (deprecated); end "r" or "w". Anything else in it is the writer's text.
_STANDARD_XPACKET = re.compile(
    r"<\?xpacket\s+begin\s*=\s*(['\"])\ufeff?\1\s+id\s*=\s*(['\"])W5M0MpCehiHzreSzNTczkc9d\2"
    r"(\s+(bytes|encoding)\s*=\s*(['\"])[\w.-]{0,16}\5)*\s*\?>"
    r"|<\?xpacket\s+end\s*=\s*(['\"])[rw]\6\s*\?>"
)


def _uri(clark: str) -> str:
    return clark[1:].partition("}")[0] if clark.startswith("{") else ""


def _unread(desc: ET.Element, name: str, elem: ET.Element | None, known: frozenset[str]) -> bool:
    """Whether a property is one the gate reads past: an unknown namespace's, or an opaque blob."""
    uri = _uri(name)
    return (uri not in known and uri not in TECHNICAL_NAMESPACES) or is_opaque(desc, name, elem)


def is_opaque(desc: ET.Element, name: str, elem: ET.Element | None) -> bool:
    """Whether a property holds an encoded blob the gate does not decode: one of `OPAQUE_PROPERTIES`, one
    typed base64Binary, or a simple value that is one long run of base64 (see `_BASE64_RUN`) or holds a
    compressed payload (`opaque.holds_payload`)."""
    if name in OPAQUE_PROPERTIES:
        return True
    if elem is None:
        value = desc.get(name, "")
    elif len(elem):  # a structure or an array: a payload in any of its leaves makes it one
        return opaque.holds_payload(" ".join(elem.itertext()))
    else:
        if elem.get(_DATATYPE, "").endswith(_BASE64_TYPE):
            return True
        value = elem.text or ""
    if len(value) >= 256 and _BASE64_RUN.fullmatch("".join(line.strip() for line in value.splitlines())):
        return True
    return opaque.holds_payload(value)  # compressed text in base64 or hex, shorter runs too


def unread_items(
    text: str,
    root: ET.Element,
    properties: list[tuple[ET.Element, str, ET.Element | None]],
    known: frozenset[str],
) -> list[MetadataItem]:
    """`unread` items of one packet: unknown-namespace properties named by position, comments, strays."""
    items: list[MetadataItem] = []
    if _COMMENT_OR_PI.search(text):
        items.append(MetadataItem(pointer("xmp", "comment"), "unread"))
    if _outside(root):
        items.append(MetadataItem(pointer("xmp", "outside"), "unread"))
    items.extend(
        MetadataItem(pointer("xmp", f"{HIDDEN_NAME}{position}"), "unread")
        for position, (desc, name, elem) in enumerate(properties)
        if _unread(desc, name, elem, known)
    )
    return items


def wrapper_items(text: str, namespaces: list[tuple[str, str]], known: frozenset[str]) -> list[MetadataItem]:
    """Free text the parse reads past outside any element: the prefix and URI of every namespace the
    gate does not know that the packet declares (the rewrite declares them again), and any `<?xpacket?>`
    instruction that is not the standard wrapper (`id="canary@..."`). Scanned, not named by content."""
    lines = [
        f"{prefix} {uri}"
        for prefix, uri in namespaces
        if uri not in known and uri not in TECHNICAL_NAMESPACES
    ]
    lines.extend(pi for pi in _XPACKET.findall(text) if not _STANDARD_XPACKET.fullmatch(pi))
    if not lines:
        return []
    return [MetadataItem(pointer("xmp", "wrapper"), "free_text", "\n".join(lines), named_context=False)]


def _outside(root: ET.Element) -> list[tuple[ET.Element, ET.Element]]:
    """(parent, child) pairs of elements that are not rdf:RDF / rdf:Description where only those belong."""
    stray: list[tuple[ET.Element, ET.Element]] = []
    rdf_roots = [root] if root.tag == _RDF_ROOT else [c for c in root if c.tag == _RDF_ROOT]
    if root.tag != _RDF_ROOT:
        stray.extend((root, child) for child in root if child.tag != _RDF_ROOT)
    for rdf in rdf_roots:
        stray.extend((rdf, child) for child in rdf if child.tag != _DESCRIPTION)
    texts = [root.text, *(rdf.text for rdf in rdf_roots), *(c.tail for r in [root, *rdf_roots] for c in r)]
    if any(t and t.strip() for t in texts):
        stray.append((root, root))  # text where only elements belong
    for rdf in rdf_roots:
        for desc in rdf.findall(_DESCRIPTION):  # text between a description's properties
            if any(t and t.strip() for t in (desc.text, *(c.tail for c in desc))):
                stray.append((desc, desc))
    return stray


def drop_unread(
    text: str,
    root: ET.Element,
    properties: list[tuple[ET.Element, str, ET.Element | None]],
    known: frozenset[str],
) -> bool:
    """Remove from `root` what `unread_items` reports; whether the packet must be rewritten."""
    changed = bool(_COMMENT_OR_PI.search(text))
    for parent, child in _outside(root):
        changed = True
        if child is parent:
            for node in (parent, *parent):
                node.text = None if node is parent or node.tag == _RDF_ROOT else node.text
                node.tail = None if node is not parent or parent.tag != _DESCRIPTION else node.tail
        else:
            parent.remove(child)
    for desc, name, elem in properties:
        if not _unread(desc, name, elem, known):
            continue
        changed = True
        if elem is None:
            desc.attrib.pop(name, None)
        elif elem in list(desc):
            desc.remove(elem)
    return changed
