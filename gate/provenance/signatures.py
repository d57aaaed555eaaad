"""What a manifest's COSE signature publishes beside the claim it signs: certificates and unsigned bytes.

Every manifest in a store (the active one and each ingredient's) ends in a `c2pa.signature` box holding a
COSE_Sign1 structure. Two parts of it are published with the image and read by no check before this one:

- the **certificates**: the signer's chain (`x5chain`, header label 33) and the time-stamp authorities'
  chains inside the time-stamp tokens (`sigTst`, `sigTst2`): each one's subject and issuer names and its
  subject alternative names. A certificate can name a person (a photographer's own certificate, an
  e-mail address in the subject or the SAN) or a device (a camera's serial number as its common name),
  and the trust anchors vouch for who issued it, not for what it names. Their text is returned for the
  scanner, by attribute name.
- the **unprotected header**, which no signature covers: c2pa-rs reserves about a kilobyte of zeros there
  (`pad`, `pad2`) so that a time-stamp can be added later without moving the image's bytes. Any other
  byte in that reserve, or a header entry C2PA does not define, can be changed after signing without
  invalidating anything, so it is returned as unread (`/manifest/signature/N/pad` ...).

Reading is bounded (boxes, depth, certificates) and total: a store or a structure that does not parse is
reported unread as a whole, never passed.
"""

from __future__ import annotations

import functools
import struct
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

import cbor2
from asn1crypto import cms, tsp
from asn1crypto import x509 as asn1_x509

_MAX_BOXES: Final = 4_096  # boxes walked per store (real stores: tens)
# The walk's depth of a manifest's children (the store's superbox is at 0, its manifests at 1, their
# children at 2): a `c2pa.signature` is looked for there and nowhere deeper (an assertion store's boxes
# are not walked).
_MANIFEST_DEPTH: Final = 2
_MAX_CERTIFICATES: Final = 8  # per signature (real chains: 2-3)
_X5CHAIN: Final = 33  # COSE header label of the certificate chain (RFC 9360)
# Unprotected header entries C2PA defines: the padding reserve, time-stamp tokens, OCSP responses (v2's
# rVals), and a chain where C2PA 1.x signers put it. Padding must hold zeros only.
_PADDING: Final = frozenset({"pad", "pad2"})
_TIME_STAMPS: Final = ("sigTst", "sigTst2")
_KNOWN_UNPROTECTED: Final = _PADDING | {*_TIME_STAMPS, "rVals", _X5CHAIN, "x5chain"}

# Subject and issuer attributes are named as X.520 and PKCS #9 name them, in camel case (commonName,
# organizationName, emailAddress, serialNumber ...): the scanner reads an e-mail under emailAddress, a person
# under commonName or givenName. An attribute without a name keeps its dotted OID.


@dataclass(frozen=True, slots=True)
class SignatureParts:
    """One manifest's signature, as published: the DER bytes of the certificates that parse (what a
    reading of them may be keyed by), and the pointers of what was not read."""

    manifest_label: str
    ders: tuple[bytes, ...]
    unread: tuple[str, ...]

    @property
    def certificates(self) -> tuple[Mapping[str, Any], ...]:
        """The text each certificate carries (`certificate_text`: `subject`, `issuer`,
        `alternativeNames`), in the order of `ders`."""
        return tuple(text for der in self.ders if (text := certificate_text(der)) is not None)


def signature_parts(store: bytes) -> tuple[SignatureParts, ...]:
    """The signature of every manifest in a C2PA manifest store (JUMBF), in the store's order.

    A store whose boxes do not parse yields one entry with `unread == ("store",)`.
    """
    try:
        found = _signature_boxes(store)
    except _Unparsable:
        return (SignatureParts("", (), ("store",)),)
    return tuple(_read_signature(label, content) for label, content in found)


class _Unparsable(Exception):
    """The store's boxes end early or are too many to walk (superboxes are walked to a manifest's children
    only: `_MANIFEST_DEPTH`)."""


def _box_at(data: bytes, at: int, end: int) -> tuple[bytes, int, int]:
    """(type, payload start, box end) of the ISO BMFF box at `at` in data[:end]; raises _Unparsable when
    its header or its size does not fit."""
    if at + 8 > end:
        raise _Unparsable
    size, kind = struct.unpack_from(">I4s", data, at)
    head = 8
    if size == 1:
        if at + 16 > end:
            raise _Unparsable
        (size,) = struct.unpack_from(">Q", data, at + 8)
        head = 16
    elif size == 0:
        size = end - at
    if size < head or at + size > end:
        raise _Unparsable
    return kind, at + head, at + size


def _label(data: bytes, start: int, end: int) -> str:
    """The label of the JUMBF description box (`jumd`) whose payload is data[start:end]: 16-byte type,
    toggles, then a NUL-ended label."""
    if end - start < 17 or not data[start + 16] & 0x02:
        return ""
    stop = data.find(b"\0", start + 17, end)
    return data[start + 17 : stop if stop >= 0 else end].decode("utf-8", "replace")


def _signature_boxes(store: bytes) -> list[tuple[str, bytes]]:
    """(manifest label, COSE bytes) of each `c2pa.signature` superbox, walking superboxes depth first.

    An offset walk over the store's bytes, in loops: only a description's label and a signature's COSE
    bytes are copied out (slicing each superbox's payload and a generator per level cost about half of
    the signature reading).
    """
    budget = _MAX_BOXES
    found: list[tuple[str, bytes]] = []

    def walk(at: int, end: int, parent: str, depth: int) -> None:
        # `parent` is the label of the superbox whose children store[at:end] holds.
        nonlocal budget
        while at < end:
            kind, payload, stop = _box_at(store, at, end)
            at = stop
            budget -= 1
            if budget < 0:
                raise _Unparsable
            if kind != b"jumb":
                continue
            # The description box first; the rest of the superbox is walked once, by the level below.
            if payload >= stop:
                raise _Unparsable
            first, described, described_end = _box_at(store, payload, stop)
            if first != b"jumd":
                raise _Unparsable
            label = _label(store, described, described_end)
            # What follows the description, its header counted as 8 bytes (as c2pa-rs writes it).
            inner = min(payload + 8 + described_end - described, stop)
            if label == "c2pa.signature":
                content: bytes | None = None
                while inner < stop:  # every child parses, or the store is unread
                    child, body, inner = _box_at(store, inner, stop)
                    if child == b"cbor" and content is None:
                        content = store[body:inner]
                found.append((parent, content if content is not None else b""))
                continue
            # A signature's manifest is the superbox that holds it (the store holds the manifests). A
            # manifest's children (assertion store, claim, credentials) hold no signature c2pa-rs would
            # read: what they carry is the claim's content, reported and scanned as assertions.
            if depth < _MANIFEST_DEPTH:
                walk(inner, stop, label, depth + 1)

    walk(0, len(store), "", 0)
    return found


def _read_signature(label: str, content: bytes) -> SignatureParts:
    try:
        cose = cbor2.loads(content)
    except (cbor2.CBORDecodeError, ValueError, TypeError, RecursionError):
        return SignatureParts(label, (), ("cose",))
    if isinstance(cose, cbor2.CBORTag) and cose.tag == 18:
        cose = cose.value
    if not (isinstance(cose, list | tuple) and len(cose) == 4 and isinstance(cose[0], bytes)):
        return SignatureParts(label, (), ("cose",))
    unread: list[str] = []
    try:
        protected = cbor2.loads(cose[0]) if cose[0] else {}
    except (cbor2.CBORDecodeError, ValueError, TypeError, RecursionError):
        return SignatureParts(label, (), ("protected",))
    unprotected = cose[1]
    if not isinstance(protected, Mapping) or not isinstance(unprotected, Mapping):
        return SignatureParts(label, (), ("header",))
    for key, value in unprotected.items():
        if key not in _KNOWN_UNPROTECTED:
            unread.append("header")
        elif key in _PADDING and not (isinstance(value, bytes) and not value.strip(b"\0")):
            unread.append(str(key))
    chain = protected.get(_X5CHAIN, unprotected.get(_X5CHAIN, unprotected.get("x5chain")))
    ders = [chain] if isinstance(chain, bytes) else list(chain) if isinstance(chain, list | tuple) else []
    if len(ders) > _MAX_CERTIFICATES or not all(isinstance(der, bytes) for der in ders):
        return SignatureParts(label, (), (*dict.fromkeys(unread), "x5chain"))
    stamped = [_time_stamp_certificates(unprotected[key]) for key in _TIME_STAMPS if key in unprotected]
    if any(found is None for found in stamped):
        unread.append("sigTst")
    ders += [der for found in stamped for der in found or ()]
    read = []
    for der in ders[: _MAX_CERTIFICATES * 3]:
        if certificate_text(der) is None:
            unread.append("x5chain")
        else:
            read.append(der)
    return SignatureParts(label, tuple(read), tuple(dict.fromkeys(unread)))


def _time_stamp_certificates(value: Any) -> list[bytes] | None:
    """The DER certificates an RFC 3161 time-stamp token carries (the TSA's chain), C2PA's `sigTst`
    shape (`{"tstTokens": [{"val": <CMS SignedData>}]}`); None when it does not parse."""
    tokens = value.get("tstTokens") if isinstance(value, Mapping) else None
    if not isinstance(tokens, list | tuple) or len(tokens) > _MAX_CERTIFICATES:
        return None
    ders: list[bytes] = []
    try:
        for token in tokens:
            der = token.get("val") if isinstance(token, Mapping) else None
            if not isinstance(der, bytes):
                return None
            ders += _token_certificates(der)
    except (ValueError, TypeError, KeyError):
        return None
    return ders[:_MAX_CERTIFICATES]


@functools.lru_cache(maxsize=256)
def _token_certificates(der: bytes) -> tuple[bytes, ...]:
    """The certificates of one time-stamp token (cached: a TSA answers with the same chain for months)."""
    choices = _signed_data(der)["certificates"] or ()
    return tuple(choice.chosen.dump() for choice in choices if choice.name == "certificate")


def _signed_data(der: bytes) -> Any:
    """The CMS SignedData of a time-stamp token, written as the token (C2PA 2.x) or as the whole
    TimeStampResp around it (c2pa-rs before 2.x). Raises ValueError when it is neither."""
    try:
        info = cms.ContentInfo.load(der)
        if info["content_type"].native == "signed_data":
            return info["content"]
    except ValueError:
        pass
    token = tsp.TimeStampResp.load(der)["time_stamp_token"]
    if token["content_type"].native != "signed_data":
        raise ValueError("no SignedData")
    return token["content"]


@functools.lru_cache(maxsize=256)
def certificate_text(der: bytes) -> Mapping[str, Any] | None:
    """The names a DER certificate publishes (subject, issuer, subject alternative names), or None when
    it does not parse. Read with asn1crypto, which takes what verifiers take (a TSA certificate of
    Adobe's has `_` in a PrintableString, which `cryptography` refuses). Cached: a partner signs every
    image with the same few certificates."""
    try:
        certificate = asn1_x509.Certificate.load(der)
        tbs = certificate["tbs_certificate"]
        subject, issuer = _name(tbs["subject"]), _name(tbs["issuer"])
        alternatives = certificate.subject_alt_name_value
        names = [_general_name(name) for name in alternatives] if alternatives else []
    except (ValueError, TypeError, KeyError):
        return None
    return {"subject": subject, "issuer": issuer, "alternativeNames": names}


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def _text(value: Any) -> str:
    return value.hex() if isinstance(value, bytes) else str(value)


def _name(name: asn1_x509.Name) -> dict[str, str]:
    out: dict[str, str] = {}
    for rdn in name.chosen:
        for attribute in rdn:
            key = _camel(str(attribute["type"].native))
            value = _text(attribute["value"].native)
            out[key] = f"{out[key]}, {value}" if key in out else value
    return out


def _general_name(name: asn1_x509.GeneralName) -> str:
    if name.name == "directory_name":
        return ", ".join(f"{k}={v}" for k, v in _name(name.chosen).items())
    return _text(name.native)
