"""`read_metadata`: personal-data fields and AI markers in EXIF, XMP, IPTC-IIM, PNG text, JPEG comments.

Segments and chunks it does not read become `uninspected` items, so nothing passes unseen.

Nothing here decodes pixels; everything is bounded by the probe's `max_metadata_bytes`.
"""

from __future__ import annotations

import binascii
import re
from dataclasses import replace
from typing import Any

from PIL import ExifTags

from gate.errors import ImageLimitExceeded
from gate.imaging import ducky, exif, icc, iptc, labelled_json, notices, opaque, png, stealth, webp, xmp
from gate.imaging.block import Block
from gate.imaging.blocks import list_blocks
from gate.imaging.generators import json_parameters_marker, known_generator, looks_like_a1111
from gate.imaging.items import ImageMetadata, Kind, MetadataItem, UnreadableBlock
from gate.imaging.legacy_text import readings
from gate.imaging.limits import MAX_METADATA_ITEMS, MetadataBudget
from gate.imaging.probing import ImageProbe
from gate.pointers import pointer

# PNG text keywords with a known meaning: keyword -> (kind, AI marker). Unknown keywords are free text,
# so a scanner sees every string a writer put there.
_PNG_KEYS: dict[str, tuple[Kind, str | None]] = {
    "parameters": ("free_text", "png:a1111-parameters"),  # AUTOMATIC1111, Forge, Fooocus
    "prompt": ("free_text", "png:comfyui-prompt"),  # ComfyUI's API graph (JSON)
    "workflow": ("free_text", "png:comfyui-workflow"),  # ComfyUI's editor graph (JSON)
    "invokeai_metadata": ("free_text", "png:invokeai-metadata"),  # InvokeAI 3+ (JSON)
    "invokeai_graph": ("free_text", "png:invokeai-metadata"),
    "invokeai_workflow": ("free_text", "png:invokeai-metadata"),
    "sd-metadata": ("free_text", "png:invokeai-metadata"),  # InvokeAI 2 (JSON)
    "Dream": ("free_text", "png:invokeai-metadata"),  # InvokeAI 2's command line
    "Author": ("owner", None),
    "Copyright": ("owner", None),
}
# Keywords whose text is scanned without the keyword's context; Software names a generator too.
_PNG_IGNORED = frozenset({"Software", "Creation Time"})
# ImageMagick copies every EXIF tag of its input into a text chunk of its own ("exif:BodySerialNumber",
# "exif:GPSLatitude", "tiff:artist"): such a keyword means what the tag means (a device id, a place).
_EXIF_PROPERTY = re.compile(r"(?:exif|tiff)(?::thumbnail)?:([A-Za-z0-9]+)", re.IGNORECASE)
# Only the standard's names: a keyword the writer made up ("exif:GPSAnnaKowalska") would be spelled in
# the reason's pointer, so it stays free text, scanned with its keyword.
_EXIF_NAME_KINDS: dict[str, Kind] = {
    **{name.lower(): "location" for name in (*ExifTags.GPSTAGS.values(), "GPSInfo")},
    **{
        ExifTags.TAGS[tag].lower(): kind
        for tag, kind in exif.TAG_KINDS.items()
        if tag in ExifTags.TAGS and kind != "free_text"
    },
}
# A keyword that names the author under a writer's prefix or in another case ("tga:author", which
# ImageMagick copies from a TGA header; "dc:creator", "AUTHOR"): its text is the owner's name, as Author's
# is, whatever the scanner makes of it ("Ricky True" read as words). "icc:copyright" names a vendor, so
# only Copyright itself, in any case, counts of the copyright words.
_OWNER_WORDS = frozenset({"author", "artist", "creator", "owner", "ownername", "byline", "by-line"})
_RAW_PROFILE = "Raw profile type "  # ImageMagick's hex-encoded copy of a JPEG's EXIF or XMP
# iCCP names Pillow, libpng and Photoshop write for the profiles they embed: nothing to scan.
_STOCK_PROFILE_NAMES = frozenset({"ICC Profile", "ICC profile", "icc", "sRGB", "Photoshop ICC profile"})


def read_metadata(data: bytes, probe: ImageProbe) -> ImageMetadata:
    """Every metadata field of `data` that may hold personal data, plus AI markers and C2PA presence.

    `probe` must come from `probe(data)`; its limits bound the work. A block that does not parse is
    `unread` (see `block_items`); raises ImageUndecodable for other malformed metadata (fail closed: the
    gate cannot vouch for what it cannot read) and ImageLimitExceeded when metadata is larger than
    `max_metadata_bytes`.
    """
    budget = MetadataBudget(probe.limits.max_metadata_bytes)
    streams = probe.limits.inspect_compressed_streams
    blocks = list_blocks(data, probe.media_type, budget, probe.layout_for(data), streams=streams)
    items: list[MetadataItem] = []
    markers: list[str] = []
    for block in blocks.items:
        found, marks = block_items(block)
        items.extend(_in_picture(notices.as_owner(item), block.image) for item in found)
        markers.extend(marks)
        if len(items) > MAX_METADATA_ITEMS:  # a flood of tiny fields: each would cost a scan
            raise ImageLimitExceeded("image metadata holds more fields than MAX_METADATA_ITEMS")
    found, marks = _hidden_items(data, probe, budget)
    items.extend(found)
    markers.extend(marks)
    references = any(_references_manifest(b.payload) for b in blocks.items if b.source in ("xmp", "xmp_ext"))
    return ImageMetadata(
        items=tuple(items),
        ai_markers=tuple(dict.fromkeys(markers)),
        has_c2pa=blocks.has_c2pa,
        references_manifest=references,
    )


def _hidden_items(
    data: bytes, probe: ImageProbe, budget: MetadataBudget
) -> tuple[list[MetadataItem], list[str]]:
    """A generator's parameters in the pixels' low bits (`stealth`): scanned as text, and a marker. The
    strip cannot remove them, so text that does not decode, or holds a payload, is uninspected (held).

    A PNG is looked at through its first rows; a WebP is decoded when its pixels or alpha are lossless
    (VP8L, ALPH): lossy coding keeps no low bit."""
    layout = probe.layout_for(data)
    hidden = None
    if isinstance(layout, png.PngLayout):
        hidden = stealth.read_hidden(data, layout.chunks, budget)
    elif isinstance(layout, webp.WebpLayout) and any(c.fourcc in (b"VP8L", b"ALPH") for c in layout.chunks):
        hidden = stealth.read_decoded(data, budget)
    if hidden is None:
        return [], []
    where = "IDAT" if isinstance(layout, png.PngLayout) else "pixels"
    path = pointer(probe.format.lower(), where, "stealth", hidden.mode)
    marker = "png:stealth-parameters"
    if hidden.text is None or opaque.holds_payload(hidden.text):
        return [MetadataItem(path, "uninspected")], [marker]
    item = MetadataItem(path, "free_text", hidden.text, named_context=False)
    return list(labelled_json.as_json(item)), [marker]


def _in_picture(item: MetadataItem, image: int) -> MetadataItem:
    """The item with its path under /mpf/<n> when it comes from a further picture of a multi-picture JPEG.

    Uninspected items keep theirs: they are numbered across pictures already, and name their segment.
    """
    if not image or item.kind == "uninspected":
        return item
    return replace(item, path=pointer("mpf", str(image)) + item.path)


def _references_manifest(packet: bytes) -> bool:
    """Whether an XMP packet may point at a remote C2PA manifest, as c2pa-rs reads it (dcterms:provenance).

    Any namespace prefix counts, and so does a packet with NUL bytes (UTF-16/32): it is not searched.
    """
    return b"provenance" in packet or b"\x00" in packet


def block_items(block: Block) -> tuple[list[MetadataItem], list[str]]:
    """Items and AI markers of one block; `strip_identifiers` uses this to decide what to drop.

    A block that does not parse whole (XMP that is not XML, EXIF with offsets past its end, a truncated
    Photoshop resource) is one `unread` item: nobody can say what it holds, and the image decodes without
    it, so the strip removes it (libvips writes any string as XMP; exiftool reads such files).
    """
    try:
        items, markers = _block_items(block)
    except UnreadableBlock:
        where = (block.source.removesuffix("_ext"), block.container)
        return [MetadataItem(pointer(*filter(None, where), "unreadable"), "unread")], []
    # Free text that is JSON (ComfyUI's graphs in EXIF, a generator's in a JPEG comment) is walked as JSON:
    # scanned as one string it cost half a second per 50 KB and ran numbers together (`labelled_json`).
    return [read for item in items for read in labelled_json.as_json(item)], markers


def _block_items(block: Block) -> tuple[list[MetadataItem], list[str]]:
    if block.source == "exif":
        return exif.read_items(block.payload)
    if block.source in ("xmp", "xmp_ext"):
        items, markers = xmp.read_items(block.payload, frozenset(block.key.split()))
        if block.label:  # an XMP iTXt's language tag and translated keyword: the writer's text too
            path = pointer("png", block.container, png.XMP_KEYWORD, "keyword")
            items.append(MetadataItem(path, "free_text", block.label, named_context=False))
        return items, markers
    if block.source == "iptc":
        return iptc.read_items(block.payload)
    if block.source == "comment":
        # A payload (see `opaque`) is unread; NULs are UTF-16's, which `comment_text` reads both ways.
        # JSON escapes may hide a payload's control characters (`labelled_json.holds_payload`).
        kind: Kind = "unread" if labelled_json.holds_payload(block.text.replace("\x00", "")) else "free_text"
        return [MetadataItem(pointer("jpeg", "COM", block.key), kind, block.text)], []
    if block.source == "ducky":
        return ducky.read_items(block.payload), []
    if block.source == "icc":
        items = icc.read_items(block.payload, block.key)
        if block.label and block.label not in _STOCK_PROFILE_NAMES:  # PNG's iCCP name: the writer's text
            items.append(MetadataItem(pointer("icc", block.key, "name"), "free_text", block.label))
        return items, []
    if block.source == "palette":  # colour values: their text alone, no field name to give it context
        path = pointer("png", block.container, "0")
        return [MetadataItem(path, "free_text", block.text, named_context=False)], []
    if block.source in ("uninspected", "unread"):
        assert block.where is not None
        return [MetadataItem(pointer(*block.where), block.source)], []
    return _png_text_items(block)


def _png_text_items(block: Block) -> tuple[list[MetadataItem], list[str]]:
    key, text = block.key, block.text
    if key.startswith(_RAW_PROFILE):
        return _raw_profile_items(
            key[len(_RAW_PROFILE) :], text, pointer("png", block.container, "raw_profile")
        )
    if key in _PNG_IGNORED:
        # What the keyword promises is not what the writer must put there: scanned without its context
        # (as EXIF's Make and DateTime are), the keyword's iTXt labels too.
        generator = known_generator(text) if key == "Software" else None
        path = pointer("png", block.container, _path_key(key))
        found = [MetadataItem(path, "free_text", text, named_context=False)] if text.strip() else []
        if block.label != key:
            found.append(MetadataItem(path + "/keyword", "free_text", block.label))
        return found, [f"png:Software={generator}"] if generator else []
    kind, marker = _PNG_KEYS.get(key, ("free_text", None))
    kind = _exif_property_kind(key) or _owner_keyword_kind(key) or kind
    parsed = _json(text) if kind == "free_text" else None
    if key in ("prompt", "workflow") and parsed is None:
        marker = "png:prompt-text" if key == "prompt" else None
    elif key == "parameters" and not looks_like_a1111(text):
        marker = "png:parameters"
    if marker is None and parsed is not None:  # a graph under a keyword of the writer's own
        graph = json_parameters_marker(parsed)
        marker = f"png:{graph}" if graph else None
    path = pointer("png", block.container, _path_key(key))
    if any(map(opaque.holds_payload, opaque.strings(parsed) if parsed is not None else (text,))):
        # a diagram or scene the writer compressed or encoded: nothing a scan reads, so the chunk goes
        return [MetadataItem(path, "unread")], [marker] if marker else []
    value = None if kind in ("location", "device_id") else text  # their presence alone decides
    items = [MetadataItem(path, "json_text" if parsed is not None else kind, value, parsed)]
    if key not in _PNG_KEYS or block.label != key:
        # The keyword is the writer's choice too (up to 79 Latin-1 characters), and so are iTXt's language
        # tag and translated keyword: scanned like the text.
        items.append(MetadataItem(path + "/keyword", "free_text", block.label or key))
    return items, [marker] if marker else []


def _path_key(keyword: str) -> str:
    """A keyword as its path names it: in the first legacy encoding that reads its bytes (`legacy_text`)
    when there is one, so a keyword in Shift_JIS or ISO-2022-JP that spells an address is masked in
    reasons as one in ASCII is (the check masks tokens that are personal data; Latin-1 mojibake is none)."""
    found = readings(keyword.encode("latin-1"))
    return found[0] if found else keyword


def _exif_property_kind(keyword: str) -> Kind | None:
    """The kind of the EXIF tag a keyword such as "exif:BodySerialNumber" copies, when it is one the gate
    reads as personal (the GPS tags: location); None for any other keyword."""
    found = _EXIF_PROPERTY.fullmatch(keyword)
    return None if found is None else _EXIF_NAME_KINDS.get(found.group(1).lower())


def _owner_keyword_kind(keyword: str) -> Kind | None:
    """The owner kind for a keyword whose last name part is an author's word (`_OWNER_WORDS`) or that
    is "copyright" in any case; None otherwise."""
    last = keyword.rsplit(":", 1)[-1].strip().lower()
    if last in _OWNER_WORDS or keyword.strip().lower() == "copyright":
        return "owner"
    return None


def _json(text: str) -> Any:
    """Parsed JSON when `text` is a JSON object or array, else None (deep nesting counts as not JSON):
    `labelled_json.parse` of bare JSON, so a key an object repeats keeps every value it was given (an array
    under the key): readers disagree which one counts, and the chunk publishes them all, so all are
    scanned. The value is shared with that parser's cache: read it, never change it.
    """
    parsed = labelled_json.parse(text) if text.lstrip().startswith(("{", "[")) else None
    return parsed[1] if parsed is not None else None


def _raw_profile_items(profile: str, text: str, path: str) -> tuple[list[MetadataItem], list[str]]:
    """ImageMagick writes "\\n<name>\\n<length>\\n<hex lines>"; decode the EXIF and XMP ones.

    Any other profile (IPTC, 8BIM, ICC, or a name of the writer's choosing, which the keyword spells) and
    one whose header is not exactly that, or whose hex holds more or less than the length it states, is
    `unread`: the chunk is removed (ImageMagick reads the stated length; the rest is read by nobody).
    """
    lines = text.split("\n")
    unread = ([MetadataItem(path, "unread")], list[str]())
    if profile not in ("exif", "APP1", "xmp") or len(lines) < 4 or lines[0] or lines[1] != profile:
        return unread
    try:
        raw = binascii.unhexlify("".join(lines[3:]).replace(" ", ""))
    except (binascii.Error, ValueError):
        return unread
    length = lines[2].strip()
    if not (length.isascii() and length.isdigit() and len(length) <= 12) or int(length) != len(raw):
        return unread
    if raw.startswith(b"Exif\x00"):
        return exif.read_items(exif.tiff_block(raw))
    if raw.startswith(b"http://ns.adobe.com/xap/1.0/\x00"):
        raw = raw.split(b"\x00", 1)[1]
    return xmp.read_items(raw) if profile == "xmp" or raw.lstrip().startswith(b"<") else unread
