"""`gate.provenance.signatures` on stores built box by box: every certificate a signature publishes (the
signer's chain and the time-stamp authorities' chains, in both forms c2pa-rs writes a token) is read by
attribute name, unsigned header content it does not read is named, and what does not parse fails closed."""

from __future__ import annotations

import datetime as dt
import struct

import cbor2
import pytest
from asn1crypto import cms, tsp
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from gate.provenance.signatures import signature_parts

_KEY = ec.generate_private_key(ec.SECP256R1())


def _der(common_name: str, email: str | None = None) -> bytes:
    attributes = [x509.NameAttribute(NameOID.COMMON_NAME, common_name)]
    if email:
        attributes.append(x509.NameAttribute(NameOID.EMAIL_ADDRESS, email))
    name = x509.Name(attributes)
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(_KEY.public_key())
        .serial_number(1)
        .not_valid_before(now)
        .not_valid_after(now + dt.timedelta(days=1))
        .sign(_KEY, hashes.SHA256())
    )
    return cert.public_bytes(serialization.Encoding.DER)


def _token(*ders: bytes, response: bool = False) -> bytes:
    """A CMS SignedData carrying `ders` (the TSA's chain), or the TimeStampResp around it."""
    signed = cms.SignedData(
        {
            "version": "v3",
            "digest_algorithms": [],
            "encap_content_info": {"content_type": "data"},
            "certificates": [cms.CertificateChoices.load(der) for der in ders],
            "signer_infos": [],
        }
    )
    info = cms.ContentInfo({"content_type": "signed_data", "content": signed})
    if response:
        return tsp.TimeStampResp({"status": {"status": "granted"}, "time_stamp_token": info}).dump()
    return info.dump()


def _box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def _superbox(label: str, *children: bytes) -> bytes:
    description = _box(b"jumd", bytes(16) + b"\x03" + label.encode() + b"\0")
    return _box(b"jumb", description + b"".join(children))


def _store(unprotected: dict[object, object], chain: list[bytes]) -> bytes:
    protected = cbor2.dumps({1: -7, 33: chain})
    cose = cbor2.dumps(cbor2.CBORTag(18, [protected, unprotected, None, b"sig"]))
    signature = _superbox("c2pa.signature", _box(b"cbor", cose))
    return _superbox("c2pa", _superbox("urn:c2pa:0a1b", signature))


def test_the_chain_and_the_time_stamps_certificates_are_read_by_attribute_name() -> None:
    unprotected = {
        "pad": bytes(64),
        "sigTst": {"tstTokens": [{"val": _token(_der("TSA A", "ops@example.net"), response=True)}]},
        "sigTst2": {"tstTokens": [{"val": _token(_der("TSA B"))}]},
        "rVals": {"ocspVals": []},
    }
    (parts,) = signature_parts(_store(unprotected, [_der("Signer", "jane.roe@example.com")]))
    assert parts.manifest_label == "urn:c2pa:0a1b"
    assert parts.unread == ()
    assert [c["subject"] for c in parts.certificates] == [
        {"commonName": "Signer", "emailAddress": "jane.roe@example.com"},
        {"commonName": "TSA A", "emailAddress": "ops@example.net"},
        {"commonName": "TSA B"},
    ]


@pytest.mark.parametrize(
    ("unprotected", "unread"),
    [
        ({"pad": b"\0\0mail jane.roe@example.com"}, ("pad",)),
        ({"pad2": "not bytes"}, ("pad2",)),
        ({"note": b"jane"}, ("header",)),
        ({7: b"jane"}, ("header",)),
        ({"sigTst": {"tstTokens": [{"val": b"not a token"}]}}, ("sigTst",)),
        ({"sigTst": ["not", "a", "map"]}, ("sigTst",)),
    ],
)
def test_unsigned_content_it_does_not_read_is_named(
    unprotected: dict[object, object], unread: tuple[str]
) -> None:
    (parts,) = signature_parts(_store(unprotected, [_der("Signer")]))
    assert parts.unread == unread


def test_what_does_not_parse_fails_closed() -> None:
    store = _store({"pad": bytes(8)}, [_der("Signer")])
    assert signature_parts(store[:-5])[0].unread == ("store",)
    assert signature_parts(store.replace(b"\xd2\x84", b"\xd2\x85", 1))[0].unread == ("cose",)
    (parts,) = signature_parts(_store({}, [b"not a certificate"]))
    assert parts.unread == ("x5chain",)
    (parts,) = signature_parts(_store({}, [_der("Signer")] * 9))
    assert parts.unread == ("x5chain",)


def test_each_certificate_read_keeps_its_bytes_and_its_findings_are_keyed_by_them() -> None:
    """The check's findings per certificate, keyed by its DER bytes, are the scan of its names' sorted JSON
    (what they were keyed by before), and a repeat signer's certificate (equal bytes, another object, as
    each image decodes its own) is found in the cache instead of scanned again."""
    import json  # noqa: PLC0415

    from gate.core.checks.provenance import _ASSERTION_LIMITS, _certificate_findings  # noqa: PLC0415
    from gate.scanning import scan_parameters  # noqa: PLC0415

    person, plain = _der("Jane Roe", "jane.roe@example.com"), _der("Signer")
    (parts,) = signature_parts(_store({}, [person, b"not a certificate", plain]))
    assert parts.ders == (person, plain) and len(parts.certificates) == 2
    for der, names in zip(parts.ders, parts.certificates, strict=True):
        old = scan_parameters(json.loads(json.dumps(names, sort_keys=True)), limits=_ASSERTION_LIMITS)
        assert _certificate_findings(der) == tuple((f.entity, f.path) for f in old)
    assert _certificate_findings(person)  # the e-mail address and the name are found
    hits = _certificate_findings.cache_info().hits
    assert _certificate_findings(bytes(bytearray(person))) == _certificate_findings(person)
    assert _certificate_findings.cache_info().hits == hits + 2
