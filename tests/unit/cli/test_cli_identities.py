"""`gate run` publishes the trust-anchor and signer identities it loaded (digests and dates only)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes

from gate.cli.run import record_identities
from gate.errors import ConfigError
from gate.observe.metrics import GateMetrics
from gate.provenance import create_dev_pki
from gate.settings import load_settings


def test_identities_of_a_dev_pki(tmp_path: Path) -> None:
    pki = create_dev_pki(tmp_path)
    metrics = GateMetrics()
    settings = load_settings(
        trust_anchors=pki.root_ca, signer_chain=pki.signer_chain, signer_key=pki.signer_key
    )
    record_identities(metrics, settings)
    anchors = hashlib.sha256(pki.root_ca.read_bytes()).hexdigest()
    leaf = x509.load_pem_x509_certificates(pki.signer_chain.read_bytes())[0]
    fingerprint = leaf.fingerprint(hashes.SHA256()).hex()
    registry = metrics.registry
    assert registry.get_sample_value("gate_trust_anchors_info", {"sha256": anchors}) == 1
    assert registry.get_sample_value("gate_signer_certificate_info", {"sha256": fingerprint}) == 1
    assert (
        registry.get_sample_value("gate_signer_certificate_expiry_timestamp_seconds", {"sha256": fingerprint})
        == leaf.not_valid_after_utc.timestamp()
    )


def test_without_signer_or_anchors_nothing_is_published() -> None:
    metrics = GateMetrics()
    record_identities(metrics, load_settings())
    names = {sample.name for family in metrics.registry.collect() for sample in family.samples}
    assert not names & {"gate_trust_anchors_info", "gate_signer_certificate_info"}


def test_a_chain_without_a_certificate_is_a_config_error(tmp_path: Path) -> None:
    chain, key = tmp_path / "chain.pem", tmp_path / "key.pem"
    chain.write_text("not a certificate")
    key.write_text("x")
    with pytest.raises(ConfigError, match="signer_chain"):
        record_identities(GateMetrics(), load_settings(signer_chain=chain, signer_key=key))
