"""Fifteenth image round: the places its canaries were planted (written before reading the imaging code).

`cases()` and `numeric_cases()` map a name to an image holding a canary (`round15_cases`).
"""

from __future__ import annotations

import struct

from tests.unit.imaging.round15_cases import (
    EMAIL,
    XMP_DESC_EMAIL,
    XMP_DJI,
    XMP_DJI2,
    XMP_GPS,
    XMP_PARROT,
    XMP_SKYDIO,
    after_soi,
    asc,
    base_jpeg,
    chunk,
    exif_app1,
    gps_bytes,
    icc_profile,
    ifd_bytes,
    itxt,
    png_with,
    rchunk,
    seg,
    tiff,
    und,
    webp_ext,
    xmp_packet,
    ztxt,
)

E = EMAIL
SERIALS = [b"1SD23ABC456789", b"PI040416AA8H123456", b"SKY123456789012", b"SN20231105XYZ"]


def mk_makernote(prefix: bytes, endian="<", text=E, rel=True):
    # a maker note: vendor header + IFD with an ASCII entry holding the canary and a serial
    ents = [asc(0x0001, b"mail " + text), asc(0x0002, b"SN20231105XYZ")]
    base = len(prefix) if rel else 0
    return prefix + ifd_bytes(ents, base, endian)


def jpeg_with_makernote(prefix, endian="<", model=b"X"):
    mn = mk_makernote(prefix, endian)
    t = tiff([asc(0x010F, model.split(b" ")[0]), asc(0x0110, model)], endian, exif_entries=[und(0x927C, mn)])
    return after_soi(base_jpeg(), exif_app1(t))


def cases():
    J = base_jpeg()
    c = {}
    # 1. MakerNotes of more makers
    c["mn_huawei"] = jpeg_with_makernote(b"HUAWEI\0\0" + b"II*\0\x08\0\0\0"[:0], model=b"HUAWEI P30")
    c["mn_xiaomi_plain"] = jpeg_with_makernote(b"", model=b"Xiaomi 13")
    c["mn_oppo"] = jpeg_with_makernote(b"OPPO\0\0\0\0", model=b"OPPO Find X5")
    c["mn_vivo"] = jpeg_with_makernote(b"", model=b"vivo X90")
    c["mn_oneplus"] = jpeg_with_makernote(b"", model=b"OnePlus 11")
    c["mn_sony_dsc"] = jpeg_with_makernote(b"SONY DSC \0\0\0", model=b"SONY XQ-BC52")
    c["mn_sony_mobile"] = jpeg_with_makernote(b"SONY MOBILE\0", model=b"Sony Xperia 1")
    c["mn_motorola"] = jpeg_with_makernote(b"", endian=">", model=b"motorola edge")
    c["mn_dji"] = jpeg_with_makernote(b"DJI\0\0\0", model=b"DJI FC3170")
    c["mn_parrot"] = jpeg_with_makernote(b"", model=b"Parrot ANAFI")
    c["mn_samsung_type2"] = jpeg_with_makernote(b"", model=b"SAMSUNG SM-G991B")
    c["mn_google"] = jpeg_with_makernote(b"HDRP\x02\xff\xff", model=b"Google Pixel 8")
    c["mn_qualcomm"] = jpeg_with_makernote(b"QVC\0\0\0", model=b"Qualcomm cam")
    c["mn_fuji"] = jpeg_with_makernote(b"FUJIFILM\x0c\0\0\0", model=b"FUJIFILM X-T5")
    c["mn_leica"] = jpeg_with_makernote(b"LEICA CAMERA AG\0MM\0\x08", model=b"LEICA Q3")
    c["mn_pentax"] = jpeg_with_makernote(b"PENTAX \0II", model=b"PENTAX K-3")
    c["mn_raw_text"] = after_soi(
        J,
        exif_app1(tiff([asc(0x010F, b"Xiaomi")], "<", exif_entries=[und(0x927C, b"owner " + E + b" " * 20)])),
    )
    c["mn_gps_rationals"] = after_soi(
        J,
        exif_app1(
            tiff(
                [asc(0x010F, b"HUAWEI")],
                "<",
                exif_entries=[und(0x927C, b"\0" * 8 + gps_bytes("<") + gps_bytes(">"))],
            )
        ),
    )
    # 2. PNG XMP/eXIf placements
    xp = xmp_packet(XMP_DESC_EMAIL)
    xg = xmp_packet(XMP_GPS)
    c["png_itxt_xmp_compressed"] = png_with(before_idat=[itxt(b"XML:com.adobe.xmp", xp, compressed=True)])
    c["png_itxt_xmp_compressed_gps"] = png_with(before_idat=[itxt(b"XML:com.adobe.xmp", xg, compressed=True)])
    c["png_ztxt_xmp"] = png_with(before_idat=[ztxt(b"XML:com.adobe.xmp", xp)])
    c["png_itxt_xmp_after_idat"] = png_with(after_idat=[itxt(b"XML:com.adobe.xmp", xp, compressed=True)])
    c["png_itxt_xmp_twice"] = png_with(
        before_idat=[
            itxt(b"XML:com.adobe.xmp", xmp_packet(""), compressed=False),
            itxt(b"XML:com.adobe.xmp", xp, compressed=True),
        ]
    )
    c["png_itxt_xmp_lang"] = png_with(
        before_idat=[itxt(b"XML:com.adobe.xmp", xp, compressed=True, lang=b"en", tkey=b"XMP")]
    )
    ex_gps = tiff([asc(0x010F, b"Xiaomi")], "<", gps=True)
    ex_mail = tiff([asc(0x010E, b"mail " + E)], ">")
    c["png_exif_after_idat"] = png_with(after_idat=[chunk(b"eXIf", ex_gps)])
    c["png_exif_before_ihdr_like_after_plte"] = png_with(after_ihdr=[chunk(b"eXIf", ex_gps)])
    c["png_exif_twice"] = png_with(
        before_idat=[chunk(b"eXIf", tiff([asc(0x010F, b"X")], "<")), chunk(b"eXIf", ex_gps)]
    )
    c["png_exif_twice_split"] = png_with(
        before_idat=[chunk(b"eXIf", ex_mail)], after_idat=[chunk(b"eXIf", ex_gps)]
    )
    c["png_exif_with_exif_header"] = png_with(before_idat=[chunk(b"eXIf", b"Exif\0\0" + ex_gps)])
    c["png_exif_lowercase_exif"] = png_with(before_idat=[chunk(b"exIf", ex_gps)])
    c["png_raw_profile_exif_ztxt"] = png_with(
        before_idat=[
            ztxt(
                b"Raw profile type exif",
                b"\nexif\n" + (b"%8d\n" % (len(ex_gps) + 6)) + (b"Exif\0\0" + ex_gps).hex().encode() + b"\n",
            )
        ]
    )
    c["png_raw_profile_app1_itxt"] = png_with(
        before_idat=[
            itxt(
                b"Raw profile type APP1",
                b"\nexif\n" + (b"%8d\n" % (len(ex_gps) + 6)) + (b"Exif\0\0" + ex_gps).hex().encode() + b"\n",
                compressed=True,
            )
        ]
    )
    c["png_caBX_like_unknown"] = png_with(before_idat=[chunk(b"vpAg", b"\0" * 9), chunk(b"prVW", E)])
    c["png_text_xmp_tEXt"] = png_with(before_idat=[chunk(b"tEXt", b"XML:com.adobe.xmp\0" + xp)])
    c["png_text_after_iend"] = png_with() + chunk(b"tEXt", b"Comment\0" + E)
    # 3. WebP odd orders and duplicates
    icc = icc_profile()
    exif_w = ex_gps
    xmpw = xp
    c["webp_exif_before_bits"] = webp_ext([rchunk(b"EXIF", exif_w), b"BITS"], flags_exif=True)
    c["webp_xmp_before_iccp"] = webp_ext(
        [rchunk(b"XMP ", xmpw), rchunk(b"ICCP", icc), b"BITS"], flags_icc=True, flags_xmp=True
    )
    c["webp_exif_twice"] = webp_ext(
        [b"BITS", rchunk(b"EXIF", tiff([asc(0x010F, b"X")], "<")), rchunk(b"EXIF", exif_w)], flags_exif=True
    )
    c["webp_xmp_twice"] = webp_ext(
        [b"BITS", rchunk(b"XMP ", xmp_packet("")), rchunk(b"XMP ", xmpw)], flags_xmp=True
    )
    c["webp_iccp_twice"] = webp_ext(
        [rchunk(b"ICCP", icc), rchunk(b"ICCP", icc[: -len(E)] + E), b"BITS"], flags_icc=True
    )
    c["webp_exif_noflag"] = webp_ext([b"BITS", rchunk(b"EXIF", exif_w)])
    c["webp_xmp_noflag"] = webp_ext([b"BITS", rchunk(b"XMP ", xmpw)])
    c["webp_exif_with_header"] = webp_ext([b"BITS", rchunk(b"EXIF", b"Exif\0\0" + exif_w)], flags_exif=True)
    c["webp_all_reversed"] = webp_ext(
        [rchunk(b"XMP ", xmpw), rchunk(b"EXIF", exif_w), b"BITS", rchunk(b"ICCP", icc)],
        flags_icc=True,
        flags_exif=True,
        flags_xmp=True,
    )
    c["webp_exif_lower"] = webp_ext([b"BITS", rchunk(b"exif", exif_w)], flags_exif=True)
    c["webp_unknown_chunk"] = webp_ext([b"BITS", rchunk(b"META", E)])
    c["webp_xmp_dji"] = webp_ext([b"BITS", rchunk(b"XMP ", xmp_packet(XMP_DJI))], flags_xmp=True)
    # 4. GIF (expected refusal by name)
    gif = bytearray(b"GIF89a" + struct.pack("<HH", 1, 1) + b"\x80\0\0" + b"\0\0\0\xff\xff\xff")
    gif += b"\x21\xfe" + bytes([len(E)]) + E + b"\0"  # comment
    xg_bytes = xmp_packet(XMP_DESC_EMAIL)
    gif += (
        b"\x21\xff\x0bXMP DataXMP"
        + b"".join(
            bytes([min(255, len(xg_bytes[i : i + 255]))]) + xg_bytes[i : i + 255]
            for i in range(0, len(xg_bytes), 255)
        )
        + b"\0"
    )
    gif += b"\x2c\0\0\0\0\x01\0\x01\0\0\x02\x02\x44\x01\0\x3b"
    c["gif_comment_xmp"] = bytes(gif)
    # 5. TIFF with SubIFDs and GPS into pixel data (expected refusal by name)
    c["tiff_gps_into_pixels"] = tiff(
        [
            (256, 3, 1, struct.pack("<H", 1)),
            (257, 3, 1, struct.pack("<H", 1)),
            (273, 4, 1, struct.pack("<I", 8)),
            (279, 4, 1, struct.pack("<I", 3)),
            (0x8825, 4, 1, struct.pack("<I", 8)),
        ],
        "<",
    )
    # 6. APP segments with other vendors' names
    c["app0_ocad"] = after_soi(J, seg(0xE0, b"Ocad$Rev: 14797 $\0" + E))
    c["app3_meta_kodak"] = after_soi(J, seg(0xE3, b"Meta\0\0" + tiff([asc(0xC350, b"owner " + E)], "<")))
    c["app3_meta_gps"] = after_soi(J, seg(0xE3, b"Meta\0\0" + tiff([asc(0x010F, b"Kodak")], "<", gps=True)))
    c["app4_scalado"] = after_soi(J, seg(0xE4, b"SCALADO\0" + E))
    c["app5_ricoh_rmeta"] = after_soi(J, seg(0xE5, b"RMETA\0" + E))
    c["app6_gopro"] = after_soi(J, seg(0xE6, b"GoPro\0" + E))
    c["app6_nitf"] = after_soi(J, seg(0xE6, b"NITF\0" + E))
    c["app7_huawei"] = after_soi(J, seg(0xE7, b"Huawei\0\0" + E))
    c["app7_qualcomm"] = after_soi(J, seg(0xE7, b"\x1aQualcomm Camera Attributes" + E))
    c["app8_spiff"] = after_soi(J, seg(0xE8, b"SPIFF\0" + E))
    c["app9_media_jukebox"] = after_soi(
        J, seg(0xE9, b"Media Jukebox\0\0\0<MJMD><Name>" + E + b"</Name></MJMD>")
    )
    c["app10_arot"] = after_soi(J, seg(0xEA, b"AROT\0\0" + E))
    c["app12_pictureinfo"] = after_soi(J, seg(0xEC, b"[picture info]\r\nOwner=" + E + b"\r\n"))
    c["app12_ducky_long"] = after_soi(
        J,
        seg(
            0xEC,
            b"Ducky"
            + b"\0\x02"
            + struct.pack(">H", len(E) * 2 + 4)
            + b"\0\0\0"
            + bytes([len(E)])
            + E.decode().encode("utf-16-be")
            + b"\0\0",
        ),
    )
    c["app13_adobe_cm"] = after_soi(J, seg(0xED, b"Adobe_CM\0" + E))
    c["app14_adobe_extra"] = after_soi(J, seg(0xEE, b"Adobe\0\x64\0\0\0\0\x01" + E))
    c["app15_q_text"] = after_soi(J, seg(0xEF, b"Q\0" + E))
    c["app15_text"] = after_soi(J, seg(0xEF, b"Text\0" + E))
    c["app1_xmp_dji"] = after_soi(J, seg(0xE1, b"http://ns.adobe.com/xap/1.0/\0" + xmp_packet(XMP_DJI)))
    c["app1_xmp_dji_prefix"] = after_soi(
        J, seg(0xE1, b"http://ns.adobe.com/xap/1.0/\0" + xmp_packet(XMP_DJI2))
    )
    c["app1_xmp_parrot"] = after_soi(J, seg(0xE1, b"http://ns.adobe.com/xap/1.0/\0" + xmp_packet(XMP_PARROT)))
    c["app1_xmp_skydio"] = after_soi(J, seg(0xE1, b"http://ns.adobe.com/xap/1.0/\0" + xmp_packet(XMP_SKYDIO)))
    c["app1_unknown_ns_url"] = after_soi(J, seg(0xE1, b"http://ns.example.com/custom/1.0/\0" + E))
    c["app2_unknown"] = after_soi(J, seg(0xE2, b"FPXR\0\x01" + E))
    # 7. MPF: second image with its own EXIF GPS / XMP GPS / COM
    c.update(mpf_cases(J))
    # 8. AVIF/HEIF brands (expected refusal by name)
    for brand in (
        b"avif",
        b"avis",
        b"mif1",
        b"msf1",
        b"heic",
        b"heix",
        b"hevc",
        b"heim",
        b"heis",
        b"miaf",
        b"MiHE",
        b"jpeg",
        b"crx ",
    ):
        ft = b"ftyp" + brand + b"\0\0\0\0" + b"mif1miaf"
        c[f"isobmff_{brand.decode().strip()}"] = (
            struct.pack(">I", len(ft) + 4) + ft + struct.pack(">I", 8 + len(E)) + b"meta" + E + bytes(64)
        )
    return c


def mpf_index(sizes_offsets, endian=">"):
    # MPF APP2: "MPF\0" + TIFF header + IFD with MPVersion, NumberOfImages, MPEntry
    n = len(sizes_offsets)
    entries_data = b""
    for i, (size, off) in enumerate(sizes_offsets):
        attr = 0x20030000 if i == 0 else 0x00000000
        entries_data += struct.pack(endian + "IIIHH", attr, size, off, 0, 0)
    ents = [
        (0xB000, 7, 4, b"0100"),
        (0xB001, 4, 1, struct.pack(endian + "I", n)),
        (0xB002, 7, len(entries_data), entries_data),
    ]
    t = (b"MM\0*" if endian == ">" else b"II*\0") + struct.pack(endian + "I", 8) + ifd_bytes(ents, 8, endian)
    return b"MPF\0" + t


def mpf_cases(J):
    out = {}
    second_variants = {
        "mpf_second_exif_gps": after_soi(J, exif_app1(tiff([asc(0x010F, b"X")], "<", gps=True))),
        "mpf_second_xmp_gps": after_soi(
            J, seg(0xE1, b"http://ns.adobe.com/xap/1.0/\0" + xmp_packet(XMP_GPS))
        ),
        "mpf_second_com": after_soi(J, seg(0xFE, b"mail " + E)),
        "mpf_second_makernote": jpeg_with_makernote(b"HUAWEI\0\0", model=b"HUAWEI P30"),
    }
    for name, second in second_variants.items():
        # primary with MPF index; offsets relative to the TIFF header in the MPF segment
        # offsets in the index count from its TIFF header; the primary's size does not depend on them
        primary = after_soi(J, seg(0xE2, mpf_index([(0, 0), (len(second), 0)])))
        off2 = len(primary) - (primary.index(b"MPF\0") + 4)
        primary = after_soi(J, seg(0xE2, mpf_index([(len(primary), 0), (len(second), off2)])))
        out[name] = primary + second
    # a third picture the index does not name
    third = after_soi(J, exif_app1(tiff([asc(0x010F, b"X")], ">", gps=True)))
    out["mpf_unindexed_third_exif_gps"] = out["mpf_second_exif_gps"] + third
    return out


def numeric_cases():
    J = base_jpeg()
    pad = E + b"\0" * ((4 - len(E) % 4) % 4)
    shorts = (pad * 80)[:1536]
    c = {}
    c["exif_transferfunction"] = after_soi(
        J, exif_app1(tiff([asc(0x010F, b"X"), (0x012D, 3, 768, shorts)], ">"))
    )
    c["exif_primarychroma"] = after_soi(
        J, exif_app1(tiff([asc(0x010F, b"X"), (0x013F, 5, 6, (pad * 3)[:48])], ">"))
    )
    c["exif_whitepoint"] = after_soi(
        J, exif_app1(tiff([asc(0x010F, b"X"), (0x013E, 5, 2, (pad * 2)[:16])], ">"))
    )
    c["exif_refblackwhite"] = after_soi(
        J, exif_app1(tiff([asc(0x010F, b"X"), (0x0214, 5, 6, (pad * 3)[:48])], ">"))
    )
    c["exif_ycbcrcoeff"] = after_soi(
        J, exif_app1(tiff([asc(0x010F, b"X"), (0x0211, 5, 3, (pad * 3)[:24])], ">"))
    )
    c["exif_private_long"] = after_soi(
        J, exif_app1(tiff([asc(0x010F, b"X"), (0xC6F3, 4, len(pad) // 4, pad)], ">"))
    )
    c["exif_lensspec"] = after_soi(
        J, exif_app1(tiff([asc(0x010F, b"X")], ">", exif_entries=[(0xA432, 5, 4, (pad * 2)[:32])]))
    )
    c["exif_subjectarea"] = after_soi(
        J,
        exif_app1(
            tiff(
                [asc(0x010F, b"X")],
                ">",
                exif_entries=[(0x9214, 3, 4, pad[:8]), (0x9214 + 0, 3, 4, pad[:8])][:1],
            )
        ),
    )
    c["exif_cfapattern"] = after_soi(
        J,
        exif_app1(
            tiff([asc(0x010F, b"X")], ">", exif_entries=[(0xA302, 7, len(pad) + 4, b"\0\x02\0\x02" + pad)])
        ),
    )
    c["exif_oecf"] = after_soi(
        J,
        exif_app1(
            tiff([asc(0x010F, b"X")], ">", exif_entries=[(0x8828, 7, len(pad) + 4, b"\0\x01\0\x01" + pad)])
        ),
    )
    c["exif_sfr"] = after_soi(
        J,
        exif_app1(
            tiff([asc(0x010F, b"X")], ">", exif_entries=[(0xA20C, 7, len(pad) + 4, b"\0\x01\0\x01" + pad)])
        ),
    )
    c["exif_devicesetting"] = after_soi(
        J,
        exif_app1(
            tiff([asc(0x010F, b"X")], ">", exif_entries=[(0xA40B, 7, len(pad) + 4, b"\0\x01\0\x01" + pad)])
        ),
    )
    c["exif_gps_version_long"] = after_soi(
        J,
        exif_app1(
            tiff(
                [asc(0x010F, b"X")],
                ">",
                exif_entries=[(0xA420, 2, 33, b"0123456789abcdef0123456789abcdef\0")],
            )
        ),
    )
    c["exif_componentsconfig"] = after_soi(
        J, exif_app1(tiff([asc(0x010F, b"X")], ">", exif_entries=[(0x9101, 7, 4, b"jane")]))
    )
    c["exif_isospeed_array"] = after_soi(
        J, exif_app1(tiff([asc(0x010F, b"X")], ">", exif_entries=[(0x8827, 3, len(pad) // 2, pad)]))
    )
    c["exif_bitspersample"] = after_soi(
        J, exif_app1(tiff([asc(0x010F, b"X"), (0x0102, 3, len(pad) // 2, pad)], ">"))
    )
    c["exif_xresolution_many"] = after_soi(
        J, exif_app1(tiff([asc(0x010F, b"X"), (0x011A, 5, len(pad) // 8 + 0, pad[: len(pad) // 8 * 8])], ">"))
    )
    return c
