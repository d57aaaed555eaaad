"""The EXIF tags the gate knows to be technical: how the picture was coded and shot, nothing about who,
and how many numbers each holds.

Any other tag (DocumentName, HostComputer, PageName, a maker's private tag, a tag from a later standard)
is `unread`: the gate does not judge what it holds, so it is removed with the GPS (lossless, in place).
Tags that can name a person or a device are not here: `exif.TAG_KINDS` reads those. The lists are data;
widen them deliberately.
"""

from __future__ import annotations

# IFD0 and IFD1 (the thumbnail's): TIFF structure, Orientation, resolution, Make, Model, Software, dates.
_IMAGE = {
    0x00FE, 0x00FF, 0x0100, 0x0101, 0x0102, 0x0103, 0x0106, 0x010F, 0x0110, 0x0111, 0x0112, 0x0115, 0x0116,
    0x0117, 0x011A, 0x011B, 0x011C, 0x0128, 0x012D, 0x0131, 0x0132, 0x013E, 0x013F, 0x0201, 0x0202, 0x0211,
    0x0212, 0x0213, 0x0214,
}  # fmt: skip
# The Exif IFD: exposure, lens, flash, colour and timing (EXIF 2.32 / 3.0, CIPA DC-008).
_EXIF = {
    0x829A, 0x829D, 0x8822, 0x8824, 0x8827, 0x8828, 0x8830, 0x8831, 0x8832, 0x8833, 0x8834, 0x8835, 0x9000,
    0x9003, 0x9004, 0x9010, 0x9011, 0x9012, 0x9101, 0x9102, 0x9201, 0x9202, 0x9203, 0x9204, 0x9205, 0x9206,
    0x9207, 0x9208, 0x9209, 0x920A, 0x9214, 0x9290, 0x9291, 0x9292, 0x9400, 0x9401, 0x9402, 0x9403, 0x9404,
    0x9405, 0xA000, 0xA001, 0xA002, 0xA003, 0xA20B, 0xA20C, 0xA20E, 0xA20F, 0xA210, 0xA214, 0xA215, 0xA217,
    0xA300, 0xA301, 0xA302, 0xA401, 0xA402, 0xA403, 0xA404, 0xA405, 0xA406, 0xA407, 0xA408, 0xA409, 0xA40A,
    0xA40B, 0xA40C, 0xA432, 0xA433, 0xA434, 0xA460, 0xA461, 0xA462, 0xA500,
}  # fmt: skip
# The Interoperability IFD: index ("R98"), version, related file format and size.
_INTEROP = {0x0001, 0x0002, 0x1000, 0x1001, 0x1002}

#: IFD name (as `exif.Tiff` names them) -> tags known to be technical there. Writers mix IFD0 and Exif IFD
#: tags (PixelXDimension in IFD0 is common), so those three accept both lists.
KNOWN_TAGS: dict[str, frozenset[int]] = {
    "0": frozenset(_IMAGE | _EXIF),
    "1": frozenset(_IMAGE | _EXIF),
    "exif": frozenset(_IMAGE | _EXIF),
    "interop": frozenset(_INTEROP),
}

#: Known tags that hold more than one number: tag -> the most a writer needs (TIFF 6.0, EXIF 3.0 /
#: CIPA DC-008). Every other known tag of a numeric type holds one. A count above this is no longer that
#: tag's numbers but bytes no reader interprets as such (JPEGInterchangeFormat with 27 LONGs spans the
#: thumbnail's first 108 bytes), so the entry is `unread`; up to 4 bytes (the entry's own value field)
#: are tolerated, as cameras write ExifImageWidth as two SHORTs. Strip lists are bounded, as the strips
#: of an EXIF thumbnail are few.
MAX_COUNTS: dict[int, int] = {
    0x0102: 4,  # BitsPerSample: one per sample (RGB, CMYK)
    0x0111: 256,  # StripOffsets
    0x0117: 256,  # StripByteCounts
    0x012D: 768,  # TransferFunction: 3 x 256
    0x013E: 2,  # WhitePoint
    0x013F: 6,  # PrimaryChromaticities
    0x0211: 3,  # YCbCrCoefficients
    0x0212: 2,  # YCbCrSubSampling
    0x0214: 6,  # ReferenceBlackWhite
    0x8827: 4,  # PhotographicSensitivity (ISOSpeedRatings): "any", one to three in practice
    0x9214: 4,  # SubjectArea: a point, a circle or a rectangle
    0xA214: 4,  # SubjectLocation: 2 by the standard, 4 as several cameras write it
    0xA432: 4,  # LensSpecification
    0xA461: 2,  # SourceImageNumberOfCompositeImage
}
