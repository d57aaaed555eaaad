"""Cases of the fifth attacker round (redimg5) in what phones write: a gain map's and a thumbnail's EXIF,
a second EXIF segment, MakerNote and XP tags, Samsung and motion-photo trailers, GPS, names, contact
details and file paths in XMP, and formats the gate does not read. See `round5_cases` for the form.
"""

from __future__ import annotations

import io
import struct

from tests.unit.imaging.images import jpeg_bytes, pixels, xmp_packet
from tests.unit.imaging.multipicture import mpo
from tests.unit.pipeline.round5_cases import PNG, STREAM, Case, planted, png_rebuilt
from tests.unit.pipeline.test_unseen_containers import (
    JPEG,
    after_soi,
    ascii_tag,
    tiff,
    tiff_exif_ifd,
    tiff_with_thumbnail,
    undefined_tag,
    webp_with,
)

# GPS as a phone writes it: 48 deg 51' 23.98765" N, 2 deg 21' 5.4321" E (rationals no clean file holds).
LAT_SECONDS = struct.pack("<II", 2398765, 100000)
LON_SECONDS = struct.pack("<II", 54321, 10000)


def gps_tiff(order: str = "<") -> bytes:
    """IFD0 with only a GPS pointer, to a GPS IFD with latitude and longitude."""
    o = order
    gps_at = 8 + 2 + 12 + 4
    lat = struct.pack(o + "IIII", 48, 1, 51, 1) + struct.pack(o + "II", 2398765, 100000)
    lon = struct.pack(o + "IIII", 2, 1, 21, 1) + struct.pack(o + "II", 54321, 10000)
    ifd0 = struct.pack(o + "H", 1) + struct.pack(o + "HHII", 0x8825, 4, 1, gps_at) + bytes(4)
    head = (b"II*\x00" if o == "<" else b"MM\x00*") + struct.pack(o + "I", 8)
    data_at = gps_at + 2 + 12 * 4 + 4
    gps = struct.pack(o + "H", 4)
    gps += struct.pack(o + "HHI", 1, 2, 2) + b"N\x00\x00\x00"
    gps += struct.pack(o + "HHII", 2, 5, 3, data_at)
    gps += struct.pack(o + "HHI", 3, 2, 2) + b"E\x00\x00\x00"
    gps += struct.pack(o + "HHII", 4, 5, 3, data_at + 24) + bytes(4)
    return head + ifd0 + gps + lat + lon


GPS_PLANTED = (LAT_SECONDS, LON_SECONDS)


def exif_jpeg(block: bytes, data: bytes = JPEG) -> bytes:
    return after_soi(0xE1, b"Exif\x00\x00" + block, data)


def _apple_makernote(text: str) -> bytes:
    """An Apple MakerNote ("Apple iOS", version 1, big-endian IFD, offsets from the note's start)."""
    value = text.encode() + b"\x00"
    head = b"Apple iOS\x00\x00\x01MM"
    data_at = len(head) + 2 + 12 + 4
    ifd = struct.pack(">H", 1) + struct.pack(">HHII", 0x000B, 2, len(value), data_at) + bytes(4)
    return head + ifd + value


def _phone_cases() -> dict[str, Case]:
    thumb_artist, thumb_artist_text = planted("thumbexif")
    maker, maker_text = planted("applemaker")
    xp, xp_text = planted("xpsub")
    uc, uc_text = planted("ucbom")
    samsung, samsung_text = planted("samsung")
    motion, motion_text = planted("motion")
    item, item_text = planted("gcontainer")
    host, host_text = planted("hostcomputer")
    thumbnail_gps = exif_jpeg(gps_tiff(), jpeg_bytes(icc=False))
    thumbnail_artist = exif_jpeg(tiff([ascii_tag(0x013B, thumb_artist)]), jpeg_bytes(icc=False))
    samsung_record = b"\x00\x00\x01\x0a" + struct.pack("<I", 14) + b"Image_UTC_Data" + samsung.encode()
    sefh = b"SEFH" + struct.pack("<II", 106, 1) + b"\x00\x00\x01\x0a"
    sefh += struct.pack("<II", len(samsung_record) + 0, len(samsung_record))
    trailer = samsung_record + sefh + struct.pack("<I", len(sefh)) + b"SEFT"
    mp4 = struct.pack(">I", 24) + b"ftypmp42" + bytes(4) + b"isommp42"
    udta = b"\xa9xyz" + b"+48.8566+002.3522/" + b"\xa9cmt" + motion.encode()
    mp4 += struct.pack(">I", 8 + len(udta)) + b"udta" + udta
    motion_xmp = xmp_packet(
        "<GCamera:MotionPhoto>1</GCamera:MotionPhoto>"
        "<Container:Directory><rdf:Seq>"
        "<rdf:li rdf:parseType='Resource'>"
        "<Container:Item Item:Mime='image/jpeg' Item:Semantic='Primary'/></rdf:li>"
        f"<rdf:li rdf:parseType='Resource'><Container:Item Item:Mime='video/mp4' Item:Semantic='MotionPhoto'"
        f" Item:Length='{len(mp4)}' Item:Padding='0'/></rdf:li>"
        "</rdf:Seq></Container:Directory>",
        attributes='xmlns:GCamera="http://ns.google.com/photos/1.0/camera/"'
        ' xmlns:Container="http://ns.google.com/photos/1.0/container/"'
        ' xmlns:Item="http://ns.google.com/photos/1.0/container/item/"',
    )
    item_xmp = motion_xmp.replace(
        b"Item:Semantic='Primary'", f"Item:Semantic='Primary' Item:Label='{item}'".encode()
    )
    return {
        "mpf gain map EXIF GPS": (mpo(JPEG, exif_jpeg(gps_tiff(), jpeg_bytes(icc=False))), GPS_PLANTED),
        "mpf gain map EXIF GPS big-endian": (
            mpo(JPEG, exif_jpeg(gps_tiff(">"), jpeg_bytes(icc=False))),
            (struct.pack(">II", 2398765, 100000),),
        ),
        "jpeg second EXIF segment with GPS": (
            exif_jpeg(gps_tiff(), exif_jpeg(tiff([(0x0112, 3, 1, b"\x01\x00")]))),
            GPS_PLANTED,
        ),
        "jpeg EXIF thumbnail with its own GPS": (exif_jpeg(tiff_with_thumbnail(thumbnail_gps)), GPS_PLANTED),
        "jpeg EXIF thumbnail with its own Artist": (
            exif_jpeg(tiff_with_thumbnail(thumbnail_artist)),
            thumb_artist_text,
        ),
        "jpeg Apple MakerNote ASCII tag": (
            exif_jpeg(tiff_exif_ifd([undefined_tag(0x927C, _apple_makernote(maker))], ">")),
            maker_text,
        ),
        "jpeg XPAuthor in the Exif IFD": (
            exif_jpeg(tiff_exif_ifd([(0x9C9D, 1, 2 * len(xp) + 2, xp.encode("utf-16-le") + b"\x00\x00")])),
            xp_text,
        ),
        "jpeg UserComment UNICODE with a BOM against the order": (
            exif_jpeg(
                tiff_exif_ifd([undefined_tag(0x9286, b"UNICODE\x00\xff\xfe" + uc.encode("utf-16-le"))], ">")
            ),
            uc_text,
        ),
        "jpeg Samsung SEFH trailer": (JPEG + trailer, samsung_text),
        "jpeg HostComputer": (exif_jpeg(tiff([ascii_tag(0x013C, host)])), host_text),
        "jpeg Pixel motion photo video": (_with_xmp(motion_xmp) + mp4, motion_text),
        "xmp Container item label": (_with_xmp(item_xmp), item_text),
    }


def _with_xmp(packet: bytes) -> bytes:
    return after_soi(0xE1, b"http://ns.adobe.com/xap/1.0/\x00" + packet)


def _xmp_gps_cases() -> dict[str, Case]:
    element = xmp_packet("<exif:GPSLatitude>48,51.39765N</exif:GPSLatitude>")
    other_prefix = xmp_packet(
        attributes='xmlns:e="http://ns.adobe.com/exif/1.0/" e:GPSLatitude="48,51.39765N"'
    )
    dest = xmp_packet(attributes='exif:GPSDestLatitude="48,51.39765N"')
    dji = xmp_packet(
        attributes='xmlns:drone-dji="http://www.dji.com/drone-dji/1.0/"'
        ' drone-dji:GpsLatitude="48.8566149" drone-dji:GpsLongitude="2.3522219"'
    )
    shown = xmp_packet(
        "<Iptc4xmpExt:LocationShown><rdf:Bag><rdf:li rdf:parseType='Resource'>"
        "<exif:GPSLatitude>48,51.39765N</exif:GPSLatitude><exif:GPSLongitude>2,21.0905E</exif:GPSLongitude>"
        "</rdf:li></rdf:Bag></Iptc4xmpExt:LocationShown>"
    )
    itxt = b"XML:com.adobe.xmp\x00\x00\x00\x00\x00" + element  # uncompressed, no language tag
    return {
        "png iTXt XMP GPSLatitude": (png_rebuilt(PNG, [STREAM], ((b"iTXt", itxt),)), (b"51.39765N",)),
        "webp XMP GPSLatitude": (webp_with(b"XMP ", element), (b"51.39765N",)),
        "png eXIf GPS": (png_rebuilt(PNG, [STREAM], ((b"eXIf", gps_tiff()),)), GPS_PLANTED),
        "webp EXIF GPS": (webp_with(b"EXIF", gps_tiff()), GPS_PLANTED),
        "xmp GPSLatitude element": (_with_xmp(element), (b"51.39765N",)),
        "xmp GPSLatitude under another prefix": (_with_xmp(other_prefix), (b"51.39765N",)),
        "xmp GPSDestLatitude": (_with_xmp(dest), (b"51.39765N",)),
        "xmp drone-dji GpsLatitude": (_with_xmp(dji), (b"48.8566149",)),
        "xmp IPTC LocationShown GPS": (_with_xmp(shown), (b"51.39765N",)),
    }


def _xmp_people_cases() -> dict[str, Case]:
    """Where photo tools put names and paths in XMP: face regions, contact details, source file paths."""
    texts = {
        name: planted(name) for name in ("mwgname", "mpperson", "ciemail", "filepath", "rawfile", "history")
    }
    enc = {name: text for name, (text, _) in texts.items()}
    ns = (
        'xmlns:mwg-rs="http://www.metadataworkinggroup.com/schemas/regions/"'
        ' xmlns:MP="http://ns.microsoft.com/photo/1.2/"'
        ' xmlns:MPRI="http://ns.microsoft.com/photo/1.2/t/RegionInfo#"'
        ' xmlns:MPReg="http://ns.microsoft.com/photo/1.2/t/Region#"'
        ' xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/"'
        ' xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"'
        ' xmlns:stRef="http://ns.adobe.com/xap/1.0/sType/ResourceRef#"'
        ' xmlns:stEvt="http://ns.adobe.com/xap/1.0/sType/ResourceEvent#"'
        ' xmlns:crs="http://ns.adobe.com/camera-raw-settings/1.0/"'
    )
    packets = {
        "mwgname": "<mwg-rs:Regions rdf:parseType='Resource'><mwg-rs:RegionList><rdf:Bag>"
        f"<rdf:li rdf:parseType='Resource'><mwg-rs:Name>{enc['mwgname']}</mwg-rs:Name>"
        "<mwg-rs:Type>Face</mwg-rs:Type></rdf:li></rdf:Bag></mwg-rs:RegionList></mwg-rs:Regions>",
        "mpperson": "<MP:RegionInfo rdf:parseType='Resource'><MPRI:Regions><rdf:Bag>"
        f"<rdf:li MPReg:PersonDisplayName='{enc['mpperson']}' MPReg:Rectangle='0.1, 0.2, 0.3, 0.4'/>"
        "</rdf:Bag></MPRI:Regions></MP:RegionInfo>",
        "ciemail": "<Iptc4xmpCore:CreatorContactInfo rdf:parseType='Resource'>"
        f"<Iptc4xmpCore:CiEmailWork>{enc['ciemail']}</Iptc4xmpCore:CiEmailWork>"
        "</Iptc4xmpCore:CreatorContactInfo>",
        "filepath": f"<xmpMM:DerivedFrom stRef:filePath='/Users/{enc['filepath']}/Pictures/IMG_1.CR2'/>",
        "rawfile": f"<crs:RawFileName>{enc['rawfile']}.dng</crs:RawFileName>",
        "history": "<xmpMM:History><rdf:Seq><rdf:li stEvt:action='saved'"
        f" stEvt:parameters='to C:/Users/{enc['history']}/Desktop'/></rdf:Seq></xmpMM:History>",
    }
    names = {
        "mwgname": "xmp MWG face region name",
        "mpperson": "xmp Microsoft PersonDisplayName",
        "ciemail": "xmp IPTC creator contact e-mail",
        "filepath": "xmp DerivedFrom file path",
        "rawfile": "xmp Camera Raw file name",
        "history": "xmp History parameters",
    }
    return {
        names[key]: (_with_xmp(xmp_packet(body, attributes=ns)), texts[key][1])
        for key, body in packets.items()
    }


def _other_format_cases() -> dict[str, Case]:
    gif_text, gif_planted = planted("gifcomment")
    tif_text, tif_planted = planted("tiffdesc")
    buf = io.BytesIO()
    pixels().convert("P").save(buf, "GIF", comment=gif_text.encode())
    gif = buf.getvalue()
    buf = io.BytesIO()
    pixels().save(buf, "TIFF", tiffinfo={0x010E: tif_text})
    tif = buf.getvalue()
    avif_text, avif_planted = planted("avif")
    avif = struct.pack(">I", 28) + b"ftypavif" + bytes(4) + b"avifmif1miaf" + avif_text.encode()
    heic_text, heic_planted = planted("heic")
    heic = struct.pack(">I", 24) + b"ftypheic" + bytes(4) + b"mif1heic" + heic_text.encode()
    return {
        "gif comment": (gif, gif_planted),
        "tiff ImageDescription": (tif, tif_planted),
        "avif bytes": (avif, avif_planted),
        "heic bytes": (heic, heic_planted),
    }


PHONE: dict[str, Case] = {
    **_phone_cases(),
    **_xmp_gps_cases(),
    **_xmp_people_cases(),
    **_other_format_cases(),
}
