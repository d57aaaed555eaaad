"""ICC colour profiles (JPEG APP2 "ICC_PROFILE", PNG iCCP, WebP ICCP): parsed, their text scanned.

The gate parses a profile with LittleCMS (Pillow's ImageCms) and hands its text (description, copyright,
manufacturer, model, target, viewing and screening descriptions) to the scanner, but for the stock texts
of the profiles nearly every image carries; PNG's iCCP profile name too. Text LittleCMS does not hand
back (other languages, Apple's `dscm`, colorant names) is read tag by tag (`icc_tags`), and Apple's `mmod`
serial number is a device id, zeroed by the strip. Profiles are kept, not
replaced: the colours a viewer shows stay those of the original. A tag outside the ICC's own list (and
the few Apple adds) is read by its type when that is numbers or text (`icc_tags.read_by_type`); of any
other type it is a thing the gate does not read: the profile is uninspected. So is a listed tag of a type
the gate does not read (`icc_tags.type_read`): a `gamt` of type `data`, a vendor's own type. A profile
LittleCMS cannot parse is undecodable. A measured chart in a text tag (`targ`, CGATS) is read without its
measurements (`cgats`).
"""

from __future__ import annotations

import functools
import io

from PIL import ImageCms

from gate.errors import ImageUndecodable
from gate.imaging import cgats, icc_tags
from gate.imaging.items import MetadataItem
from gate.pointers import pointer

JPEG_PREFIX = b"ICC_PROFILE\x00"
# ICC.1:2010 (v4) and v2 tag signatures, plus Apple's (dscm: localised description, mmod: make and
# model, vcgt/vcgp: video card gamma, ndin: native display information). Text ones are read through
# LittleCMS below; the rest are numbers (colorants, curves, tables).
_KNOWN_TAGS = frozenset(
    b"A2B0 A2B1 A2B2 B2A0 B2A1 B2A2 B2D0 B2D1 B2D2 B2D3 D2B0 D2B1 D2B2 D2B3 bXYZ bTRC bkpt calt chad chrm "
    b"ciis cicp clro clrt cprt crdi desc devs dmdd dmnd gTRC gXYZ gamt kTRC lumi meas meta mmod ncl2 ncol "
    b"ndin pre0 pre1 pre2 ps2i ps2s psd0 psd1 psd2 psd3 pseq psid rTRC rXYZ resp rig0 rig2 scrd scrn "
    b"targ tech vcgt vcgp view vued wtpt dscm".split()
)
# Texts of the profiles nearly every image carries (LittleCMS's and Pillow's built-in sRGB, the IEC, Apple,
# Adobe and Google stock profiles): nothing to scan, so no item. Anything else is handed to the scanner.
_STOCK_TEXTS = frozenset(
    {
        "sRGB built-in",
        "No copyright, use freely",
        "sRGB IEC61966-2.1",
        "sRGB IEC61966-2-1 black scaled",
        "Copyright (c) 1998 Hewlett-Packard Company",
        "IEC http://www.iec.ch",
        "IEC 61966-2.1 Default RGB colour space - sRGB",
        "Reference Viewing Condition in IEC61966-2.1",
        "Display P3",
        "Adobe RGB (1998)",
        "Copyright 1999 Adobe Systems Incorporated",
        "Copyright Apple Inc., 2022",
        "Copyright Apple Inc., 2017",
        "Copyright Apple Inc., 2023",
        "Copyright Apple Inc., 2024",
        "Copyright Apple Inc., 2025",
        "Google Inc. 2016",
        "Copyright Google Inc. 2016",
        "Copyright 2016 Google Inc.",
    }
)
_TEXT_FIELDS = (
    "profile_description",
    "copyright",
    "manufacturer",
    "model",
    "target",
    "viewing_condition",
    "screening_description",
)


def read_items(profile: bytes, where: str) -> list[MetadataItem]:
    """Text of `profile` as free_text items under /icc/<where>/ (a LittleCMS field name, or the tag's
    signature for text LittleCMS does not hand back), a device_id item for Apple's `mmod` serial number,
    or one uninspected item.

    An empty profile (an ICC_PROFILE segment of no bytes) gives no reader a colour: `unread`, removed. One
    no colour engine reads (no header, tags outside it, segments misnumbered) is held, as a PNG profile
    that does not inflate: LittleCMS and libjpeg ignore it, but a lenient reader may apply it, so
    removing it could change the colours.
    """
    if not profile:
        return [MetadataItem(pointer("icc", where, "empty"), "unread")]
    try:
        found = _read(profile)
    except ImageUndecodable:
        return [MetadataItem(pointer("icc", where, "unreadable"), "uninspected")]
    if found is None:
        return [MetadataItem(pointer("icc", where), "uninspected")]
    fields, tags, device = found
    items = [MetadataItem(pointer("icc", where, name), "free_text", text) for name, text in fields]
    items.extend(
        MetadataItem(pointer("icc", where, name), "free_text", text, named_context=False)
        for name, text in tags
    )
    if device:  # an `mmod` serial or a `dict` serial: the pointer says the profile, not the tag
        items.append(MetadataItem(pointer("icc", where, "device"), "device_id"))
    if icc_tags.has_unreferenced(profile):  # zeroed in place by the strip, as the serial numbers are
        items.append(MetadataItem(pointer("icc", where, "unreferenced"), "unread"))
    return items


_Read = tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...], bool]


@functools.lru_cache(maxsize=64)
def _read(profile: bytes) -> _Read | None:
    """(LittleCMS field, text) pairs, (tag signature, text) pairs for the rest of the profile's text, and
    whether it names a device; None when a tag is unknown. Cached: most images share a few profiles."""
    if len(profile) < 132 or profile[36:40] != b"acsp":
        raise ImageUndecodable("ICC profile has no valid header")
    table = icc_tags.tag_table(profile)
    for signature, offset, size in table:
        tag = profile[offset : offset + size]
        listed = signature.rstrip(b" ") in _KNOWN_TAGS
        if not icc_tags.type_read(tag) or (not listed and not icc_tags.read_by_type(tag)):
            return None
    try:
        parsed = ImageCms.ImageCmsProfile(io.BytesIO(profile)).profile
        texts = [(name, getattr(parsed, name)) for name in _TEXT_FIELDS]
    except (OSError, ValueError, TypeError) as exc:
        raise ImageUndecodable("ICC profile cannot be parsed") from exc
    fields = tuple(
        (name, cgats.readable(text))
        for name, text in texts
        if isinstance(text, str) and text.strip() and text.strip() not in _STOCK_TEXTS
    )
    # Every other string of every tag (other languages, Apple's dscm, colorant and colour names), but for
    # what LittleCMS handed back already and the stock texts.
    seen = {text.strip() for _, text in texts if isinstance(text, str)} | _STOCK_TEXTS
    tags: list[tuple[str, str]] = []
    for signature, offset, size in table:
        texts_of_tag = icc_tags.tag_texts(profile, signature, offset, size)
        rest = [cgats.readable(text) for text in texts_of_tag if text not in seen]
        if rest:
            tags.append((signature.decode("latin-1").rstrip(" "), "\n".join(dict.fromkeys(rest))))
    # The header's numbers run together: device maker, model and attributes (16 bytes), intent, illuminant
    # and creator (20), the date (12) can spell a phone number or an address as a tag's numbers can.
    header = icc_tags.header_text(profile)
    if header:
        tags.append(("header", header))
    device = icc_tags.device_signatures(profile)
    if device and device not in seen:
        tags.append(("signatures", device))
    names_device = any(icc_tags.has_device_ids(profile, offset, size) for _, offset, size in table)
    return fields, tuple(tags), names_device


def strip(profile: bytes, kinds: frozenset[str]) -> bytes | None:
    """The profile without what `kinds` names that it holds (device ids: `mmod` serials and dates;
    unread: bytes no tag or header field holds; both zeroed in place), or None when nothing changes.
    Text is not rewritten: a profile whose text holds personal data is the policy's to judge."""
    try:
        _read(profile)
    except ImageUndecodable:  # held whole (`read_items`): nothing of it is edited
        return None
    stripped = icc_tags.strip_device_ids(profile) if "device_id" in kinds else None
    if "unread" in kinds:
        stripped = icc_tags.zero_unreferenced(stripped or profile) or stripped
    return stripped
