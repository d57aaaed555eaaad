"""Twenty-first image round: canaries in places no round planted in (`round21_places`), written before
reading the readers, and what they found.

Found and closed, both in the manifest's COSE signature, which the gate had never read beside what c2pa-rs
reports of it (`gate/provenance/signatures.py`):
- a **certificate that names a person**: a signer the trust anchors vouch for was approved with its
  certificate's organisation, e-mail attribute or subject alternative name published in the image, and its
  organisation written to the audit record as `signer`. A real file does it: the Nikon Z9 photo of
  c2pa-org's public test files is signed with a personal certificate whose SAN is an employee's e-mail.
  Every certificate of every manifest's chain is now read by attribute name for the scanner
  (`provenance.personal_data` at /manifest/signature/certificate/N/...), and the signer is not recorded;
- **text in the unsigned padding** (`pad`, the kilobyte of zeros c2pa-rs reserves in the unprotected
  header for a later time-stamp) or under a header label C2PA does not define: no signature covers them,
  so they can be written after signing; now `metadata.uninspected` (/manifest/signature/pad).
No leak on main, kept as neighbours: schema.org persons beyond `author`, CAWG-shaped identity, metadata and
training-mining assertions, C2PA 2.x actions (changes, templates, metadata, agent objects), ingredient
descriptions and URIs, update manifests, store thumbnails of other kinds, maker notes of unparsed brands,
odd IPTC records and extended datasets, XMP alternatives and RDF forms, PNG chunks after IEND, APNG
chunks beside fdAT, chunks before a WebP frame's bitstream, segments between restart intervals.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from gate.core.pipeline import Pipeline
from gate.imaging.c2pa_store import manifest_store
from gate.model import Verdict
from gate.provenance import PreparedSigner, SignerConfig, create_dev_pki
from gate.provenance.signatures import signature_parts
from gate.worker.assembly import PipelineSpec
from tests.unit.imaging.round15_cases import EMAIL
from tests.unit.imaging.round21_manifests import signed
from tests.unit.imaging.round21_places import clean, found


def _certificate(
    subject: x509.Name,
    key: ec.EllipticCurvePrivateKey,
    issuer: x509.Name,
    issuer_key: ec.EllipticCurvePrivateKey,
    *,
    ca: bool,
    san: list[x509.GeneralName] | None = None,
) -> x509.Certificate:
    now = dt.datetime.now(dt.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=not ca,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=ca,
                crl_sign=ca,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), critical=False
        )
    )
    if not ca:
        builder = builder.add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), False)
    if san:
        builder = builder.add_extension(x509.SubjectAlternativeName(san), critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


def _personal_pki(directory: Path) -> tuple[Path, PreparedSigner]:
    """A CA and a photographer's own certificate under it: "Studio Desk" in the subject, the person's
    address only in the subject alternative names (as the Nikon file's GlobalSign PersonalSign has it)."""
    directory.mkdir(parents=True, exist_ok=True)
    root_key, inter_key, leaf_key = (ec.generate_private_key(ec.SECP256R1()) for _ in range(3))
    root_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Round21 Root CA")])
    inter_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Round21 PersonalSign CA")])
    leaf_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Studio Desk")])
    root = _certificate(root_name, root_key, root_name, root_key, ca=True)
    inter = _certificate(inter_name, inter_key, root_name, root_key, ca=True)
    leaf = _certificate(
        leaf_name, leaf_key, inter_name, inter_key, ca=False, san=[x509.RFC822Name(EMAIL.decode())]
    )
    pem = serialization.Encoding.PEM
    (directory / "root.pem").write_bytes(root.public_bytes(pem))
    (directory / "chain.pem").write_bytes(leaf.public_bytes(pem) + inter.public_bytes(pem))
    (directory / "key.pem").write_bytes(
        leaf_key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    signer = PreparedSigner.create(SignerConfig.from_files(directory / "chain.pem", directory / "key.pem"))
    return directory / "root.pem", signer


class _World:
    """The gate under test, and the signers whose manifests it trusts."""

    def __init__(self, base: Path) -> None:
        keys = create_dev_pki(base / "gate")
        partner = create_dev_pki(base / "partner")
        named = create_dev_pki(base / "named", organisation=f"Studio of {EMAIL.decode()}")
        personal_root, self.personal = _personal_pki(base / "personal")
        anchors = base / "anchors.pem"
        anchors.write_bytes(b"".join(p.read_bytes() for p in (partner.root_ca, named.root_ca, personal_root)))
        self.gate: Pipeline = PipelineSpec(
            trust_anchors=(anchors,), signer_chain=keys.signer_chain, signer_key=keys.signer_key
        ).build()
        self.partner = PreparedSigner.create(
            SignerConfig.from_files(partner.signer_chain, partner.signer_key)
        )
        self.named = PreparedSigner.create(SignerConfig.from_files(named.signer_chain, named.signer_key))


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> _World:
    return _World(tmp_path_factory.mktemp("round21"))


@pytest.fixture(scope="module")
def cases(world: _World) -> dict[str, tuple[bytes, bytes]]:
    return found(world.partner)


@pytest.fixture(scope="module")
def neighbours(world: _World) -> dict[str, bytes]:
    return clean(world.partner)


def _published(world: _World, data: bytes) -> bytes | None:
    """The bytes the gate publishes for `data` (declared AI-made, as the manifests say), or None."""
    evaluation = world.gate.evaluate(data, synthetic=True)
    if evaluation.verdict is not Verdict.APPROVED:
        return None
    return evaluation.output if evaluation.output is not None else data


def test_no_canary_is_published(world: _World, cases: dict[str, tuple[bytes, bytes]]) -> None:
    leaked = []
    for name, (data, needle) in sorted(cases.items()):
        assert not needle or needle in data, name  # the case holds what it should
        published = _published(world, data)
        # A needle spelled in pixels (stealth) cannot be looked for: such an image must not be approved.
        if published is not None and (not needle or needle in published):
            leaked.append(name)
    assert leaked == []


def test_clean_neighbours_are_approved(world: _World, neighbours: dict[str, bytes]) -> None:
    held = {name: data for name, data in neighbours.items() if _published(world, data) is None}
    assert sorted(held) == []


def _reasons(world: _World, data: bytes) -> set[tuple[str, str | None]]:
    evaluation = world.gate.evaluate(data, synthetic=True)
    return {(d.reason.code, d.reason.path) for d in evaluation.decision.reasons}


def _signer_fact(world: _World, data: bytes) -> object:
    evaluation = world.gate.evaluate(data, synthetic=True)
    return next(r.facts for r in evaluation.results if r.check == "provenance").get("signer")


def test_a_certificate_naming_a_person_holds_the_image_and_is_not_recorded(world: _World) -> None:
    named = signed(world.named)
    assert EMAIL in named
    assert (
        "provenance.personal_data",
        "/manifest/signature/certificate/0/subject/organizationName",
    ) in _reasons(world, named)
    assert _published(world, named) is None
    assert _signer_fact(world, named) is None
    personal = signed(world.personal)
    assert ("provenance.personal_data", "/manifest/signature/certificate/0/alternativeNames/0") in _reasons(
        world, personal
    )
    assert _published(world, personal) is None
    # An organisation's certificate is approved and recorded as before.
    plain = signed(world.partner)
    assert _published(world, plain) == plain
    assert _signer_fact(world, plain) == "gate development"


def _padding(data: bytes) -> tuple[int, int]:
    """Where the signature's large `pad` reserve lies in a signed JPEG (offset, length)."""
    for match in re.finditer(rb"cpad\x59", data):
        length = int.from_bytes(data[match.end() : match.end() + 2], "big")
        return match.end() + 2, length
    raise AssertionError("no padding reserve")


def test_text_in_the_unsigned_padding_is_held(world: _World) -> None:
    plain = signed(world.partner)
    at, length = _padding(plain)
    assert plain[at : at + length] == bytes(length)
    written = plain[:at] + (b"mail " + EMAIL).ljust(length, b" ") + plain[at + length :]
    assert ("metadata.uninspected", "/manifest/signature/pad") in _reasons(world, written)
    assert _published(world, written) is None


def test_an_unsigned_header_c2pa_does_not_define_is_held(world: _World) -> None:
    plain = signed(world.partner)
    renamed = plain.replace(b"cpad\x59", b"cpaX\x59", 1)  # same length: the signature still holds
    assert ("metadata.uninspected", "/manifest/signature/header") in _reasons(world, renamed)
    assert _published(world, renamed) is None


def test_signature_parts_read_every_certificate_and_fail_closed(world: _World) -> None:
    store = manifest_store(signed(world.personal), "image/jpeg")
    assert store is not None
    (parts,) = signature_parts(store)
    assert parts.unread == ()
    assert [c["subject"] for c in parts.certificates] == [
        {"commonName": "Studio Desk"},
        {"commonName": "Round21 PersonalSign CA"},
    ]
    assert parts.certificates[0]["alternativeNames"] == [EMAIL.decode()]
    assert signature_parts(store[: len(store) // 2])[0].unread == ("store",)
    broken = store.replace(b"\xd2\x84", b"\xd2\x85", 1)  # a COSE_Sign1 of five members
    assert {u for p in signature_parts(broken) for u in p.unread} == {"cose"}
