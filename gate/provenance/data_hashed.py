"""Sign with the SHA-256 the gate already has: c2pa-rs's data-hashed embeddable flow, for JPEG and PNG.

`Builder.sign` reads the whole image, hashes it, writes a copy with the manifest inserted and returns it. The
gate has hashed the image already (its content address), and a C2PA data hash is the SHA-256 of the asset
*without* the manifest's byte range: for an image that gets one inserted, that is exactly the SHA-256 of the
image as it arrived. So the gate asks c2pa-rs for a manifest of known size (`data_hashed_placeholder`),
has it signed over the known digest with the slot as the exclusion (`sign_data_hashed_embeddable`), and
inserts the bytes itself. c2pa-rs builds and signs the manifest exactly as before (same claim, assertions,
signer, Context settings); only the hashing and copying of the asset move to the gate, and the result
verifies like any other (tests read it back with c2pa's Reader). Measured on this machine: 3 MB images sign
in ~2.5 ms instead of ~7 ms; small ones cost the same.

c2pa-python 0.38 does not wrap these two functions of its own native library, so they are bound here over
the library it loaded, using its handle attributes and error reader (but not its per-handle call guards:
the Builder is local to one signing and the Signer lives as long as the process). Another c2pa-rs or
c2pa-python minor version, or a missing symbol, makes `available()` false and the caller signs with
`Builder.sign`; a test fails if the installed one lacks the flow, so an upgrade cannot silently make
signing slower.
Only images whose manifest slot is unambiguous are signed this way (`manifest_slot`); anything else, e.g.
an image that already carries C2PA segments, goes the `Builder.sign` way, which also replaces those.
"""

from __future__ import annotations

import ctypes
import json
from importlib import metadata
from typing import Any, Final

import c2pa

JPEG: Final = "image/jpeg"
PNG: Final = "image/png"

_TESTED_SDK: Final = "0.91."  # c2pa-rs minor version whose FFI signatures these bindings follow
_TESTED_WRAPPER: Final = "0.38."  # c2pa-python minor version whose internals (handles, errors) are used
_SHA256_SIZE: Final = 32
_PNG_SIGNATURE: Final = b"\x89PNG\r\n\x1a\n"
_PNG_IHDR_END: Final = 8 + 8 + 13 + 4  # signature, IHDR length+type, IHDR data, CRC
_APP0, _APP11, _APP15, _SOS = 0xE0, 0xEB, 0xEF, 0xDA
_MPF = b"MPF\x00"  # an APP2 multi-picture index (CIPA DC-007)
_STANDALONE: Final = frozenset({0x01, 0xFF, *range(0xD0, 0xDA)})  # TEM, fill, RSTn, SOI, EOI: no length

_Bytes = ctypes.POINTER(ctypes.c_ubyte)


def _wrapper_version() -> str:
    return metadata.version("c2pa-python")


def _bind() -> Any | None:
    """The native library with the two functions typed, or None if this is not the c2pa-rs they were
    written and tested against (their C signatures could change without their names changing)."""
    module = getattr(c2pa, "c2pa", None)
    lib = getattr(module, "_lib", None)
    if lib is None or not hasattr(module, "_check_ffi_operation_result"):
        return None
    try:
        # Both pins: the C signatures are c2pa-rs's, the handle attributes and error reader c2pa-python's.
        if not c2pa.sdk_version().startswith(_TESTED_SDK) or not _wrapper_version().startswith(
            _TESTED_WRAPPER
        ):
            return None
        placeholder = lib.c2pa_builder_data_hashed_placeholder
        sign = lib.c2pa_builder_sign_data_hashed_embeddable
    except (AttributeError, c2pa.C2paError, metadata.PackageNotFoundError):
        return None
    # c2pa-python does not wrap these two, so typing them here changes nothing it relies on.
    placeholder.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_char_p, ctypes.POINTER(_Bytes)]
    placeholder.restype = ctypes.c_int64
    sign.argtypes = [
        ctypes.c_void_p,
        ctypes.c_void_p,
        ctypes.c_char_p,
        ctypes.c_char_p,
        ctypes.c_void_p,
        ctypes.POINTER(_Bytes),
    ]
    sign.restype = ctypes.c_int64
    return lib


_LIB: Final = _bind()


def available() -> bool:
    """Whether the data-hashed flow can be used with the installed c2pa-python."""
    return _LIB is not None


def manifest_slot(data: bytes, media_type: str) -> int | None:
    """Where a new manifest goes in `data`, or None when this module should not place it.

    PNG: right after IHDR (the first chunk, by the spec), refused if any caBX chunk exists. JPEG: after SOI
    and the APPn segments that follow it (JFIF/Exif/ICC stay first and contiguous) but before an MPF index,
    refused if any APP11
    segment comes before the scan. None for anything malformed: `Builder.sign` then decides.
    """
    if media_type == PNG:
        return _png_slot(data)
    if media_type == JPEG:
        return _jpeg_slot(data)
    return None


def _png_slot(data: bytes) -> int | None:
    if not data.startswith(_PNG_SIGNATURE) or data[12:16] != b"IHDR" or data[8:12] != b"\x00\x00\x00\x0d":
        return None
    pos, end = 8, len(data)
    while pos + 8 <= end:
        length = int.from_bytes(data[pos : pos + 4], "big")
        kind = data[pos + 4 : pos + 8]
        if kind == b"caBX":
            return None
        pos += 12 + length
        if kind == b"IEND":
            return _PNG_IHDR_END if pos <= end else None
    return None


def _jpeg_slot(data: bytes) -> int | None:
    if not data.startswith(b"\xff\xd8"):
        return None
    pos, end, slot = 2, len(data), None
    while pos + 4 <= end and data[pos] == 0xFF:
        marker = data[pos + 1]
        if marker == _SOS:
            return pos if slot is None else slot
        if marker == _APP11 or marker in _STANDALONE:
            return None  # a manifest (or something c2pa might take for one), fill bytes: Builder.sign decides
        if slot is None and (not _APP0 <= marker <= _APP15 or data.startswith(_MPF, pos + 4)):
            # Before an MPF index too: its offsets count from itself, so the pictures it lists after EOI
            # move with it; a manifest inserted between would leave every offset short by its length.
            slot = pos
        length = int.from_bytes(data[pos + 2 : pos + 4], "big")
        if length < 2 or pos + 2 + length > end:
            return None
        pos += 2 + length
    return None


def sign_embeddable(
    builder: c2pa.Builder, signer: c2pa.Signer, media_type: str, slot: int, digest: bytes
) -> bytes:
    """The signed manifest, composed for `media_type`, to insert at `slot` of an image hashing to `digest`.

    Raises c2pa.C2paError if c2pa-rs refuses (its message, typed as c2pa-python types it), ValueError for a
    digest that is not a SHA-256 (c2pa-rs would sign any byte string as one).
    """
    assert _LIB is not None, "check available() first"
    if len(digest) != _SHA256_SIZE:
        raise ValueError(f"a SHA-256 digest has {_SHA256_SIZE} bytes, not {len(digest)}")
    module: Any = c2pa.c2pa
    check = module._check_ffi_operation_result
    fmt = media_type.encode()
    reserve = signer.reserve_size()
    placeholder = _take(
        _LIB.c2pa_builder_data_hashed_placeholder, check, builder._handle, reserve, fmt, what="placeholder"
    )
    data_hash = {
        "exclusions": [{"start": slot, "length": len(placeholder)}],
        "name": "jumbf manifest",
        "alg": "sha256",
        # c2pa-rs reads these byte fields as JSON arrays; a base64 string would be taken as its own bytes.
        "hash": list(digest),
        "pad": [],
    }
    manifest = _take(
        _LIB.c2pa_builder_sign_data_hashed_embeddable,
        check,
        builder._handle,
        signer._handle,
        json.dumps(data_hash).encode(),
        fmt,
        None,
        what="signing",
    )
    if not manifest or len(manifest) != len(placeholder):  # nothing to embed, or the exclusion is wrong
        raise c2pa.C2paError(f"signed manifest is {len(manifest)} bytes, its slot {len(placeholder)}")
    return manifest


def _negative(result: int) -> bool:
    return result < 0


def _take(function: Any, check: Any, *args: Any, what: str) -> bytes:
    """Call a native function that returns a length and hands out a buffer; copy and free the buffer."""
    assert _LIB is not None
    out = _Bytes()
    try:
        length = function(*args, ctypes.byref(out))
        check(length, f"{what}: {{}}", check=_negative)
        return ctypes.string_at(out, length)
    finally:
        if out:
            _LIB.c2pa_free(out)
