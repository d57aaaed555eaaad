"""The dev PKI: files, modes, refusal to overwrite, and certificates c2pa-rs accepts."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from gate.errors import ConfigError
from gate.provenance import SignerConfig, TrustAnchors, create_dev_pki
from gate.provenance.pki import CHAIN_FILE, KEY_FILE, ROOT_FILE


def test_writes_root_chain_and_key(tmp_path: Path) -> None:
    pki = create_dev_pki(tmp_path / "pki")
    assert [p.name for p in (pki.root_ca, pki.signer_chain, pki.signer_key)] == [
        ROOT_FILE,
        CHAIN_FILE,
        KEY_FILE,
    ]
    assert pki.signer_key.read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----")  # PKCS#8, unencrypted
    # The files load back through the same checks production credentials go through.
    SignerConfig.from_files(pki.signer_chain, pki.signer_key)
    TrustAnchors.from_pem_file(pki.root_ca)


def test_key_is_private_and_certificates_are_readable(tmp_path: Path) -> None:
    pki = create_dev_pki(tmp_path)
    assert stat.S_IMODE(pki.signer_key.stat().st_mode) == 0o600
    assert stat.S_IMODE(pki.signer_chain.stat().st_mode) == 0o644


@pytest.mark.parametrize("existing", [ROOT_FILE, CHAIN_FILE, KEY_FILE])
def test_refuses_to_overwrite_any_existing_file(tmp_path: Path, existing: str) -> None:
    (tmp_path / existing).write_text("keep me")
    with pytest.raises(ConfigError, match="use --force") as info:
        create_dev_pki(tmp_path)
    assert existing in str(info.value)
    assert (tmp_path / existing).read_text() == "keep me"


def test_force_replaces_files_and_tightens_a_loose_key_mode(tmp_path: Path) -> None:
    first = create_dev_pki(tmp_path)
    old_key = first.signer_key.read_bytes()
    first.signer_key.chmod(0o644)
    second = create_dev_pki(tmp_path, force=True)
    assert second.signer_key.read_bytes() != old_key
    assert stat.S_IMODE(second.signer_key.stat().st_mode) == 0o600


def test_chain_is_leaf_then_intermediate_with_the_extensions_c2pa_needs(tmp_path: Path) -> None:
    pki = create_dev_pki(tmp_path)
    leaf, intermediate = x509.load_pem_x509_certificates(pki.signer_chain.read_bytes())
    root = x509.load_pem_x509_certificate(pki.root_ca.read_bytes())
    leaf.verify_directly_issued_by(intermediate)
    intermediate.verify_directly_issued_by(root)

    assert leaf.extensions.get_extension_for_class(x509.BasicConstraints).value.ca is False
    assert leaf.extensions.get_extension_for_class(x509.KeyUsage).value.digital_signature
    eku = leaf.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert ExtendedKeyUsageOID.EMAIL_PROTECTION in list(eku)
    leaf.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier)
    leaf.extensions.get_extension_for_class(x509.SubjectKeyIdentifier)
    assert intermediate.extensions.get_extension_for_class(x509.BasicConstraints).value.path_length == 0
    assert leaf.not_valid_before_utc < leaf.not_valid_after_utc <= intermediate.not_valid_after_utc


def test_subjects_name_roles_not_people(tmp_path: Path) -> None:
    pki = create_dev_pki(tmp_path)
    certs = [
        *x509.load_pem_x509_certificates(pki.signer_chain.read_bytes()),
        x509.load_pem_x509_certificate(pki.root_ca.read_bytes()),
    ]
    for cert in certs:
        oids = {attr.oid for attr in cert.subject}
        assert oids == {NameOID.COMMON_NAME, NameOID.ORGANIZATION_NAME}  # no email, no person, no locality
        assert cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value.startswith(
            "gate development"
        )


def test_two_calls_make_independent_roots(tmp_path: Path) -> None:
    one, two = create_dev_pki(tmp_path / "a"), create_dev_pki(tmp_path / "b")
    assert (
        TrustAnchors.from_pem_file(one.root_ca).fingerprints
        != TrustAnchors.from_pem_file(two.root_ca).fingerprints
    )
