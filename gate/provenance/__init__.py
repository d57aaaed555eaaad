"""C2PA provenance: a dev PKI, signing AI-generation manifests into images, and verifying them offline.

Public surface (everything else is private implementation):
    create_dev_pki, DevPki                    dev root CA / signer chain / key files
    TrustAnchors, SignerConfig                checked credentials (ConfigError with the fix)
    PreparedSigner, attach_manifest           sign; new image -> c2pa.created, changed -> parentOf chain
    GenerationClaim, EditAction               what gets claimed (org.gate.generation assertion)
    MAX_ASSERTION_BYTES                       the most JSON that assertion may hold
    reads_back                                whether a value signed into it can be read back exactly
    Verifier, verify_manifest, ProvenanceReport, GENERATION_INVALID_CODE (our label, unreadable content)
    TrustConfig, TrustList, read_lists        anchors + allowed EKUs + the C2PA trust lists, pinned (trust)
    TsaOptions, TimestampUnavailable          RFC 3161 time-stamps at signing (tsa; dev_tsa for development)
"""

from gate.provenance.credentials import SignerConfig, TrustAnchors
from gate.provenance.manifest import (
    GENERATION_LABEL,
    MAX_ASSERTION_BYTES,
    METADATA_EDITED,
    TRAINED_ALGORITHMIC_MEDIA,
    EditAction,
    GenerationClaim,
)
from gate.provenance.pki import DevPki, create_dev_pki
from gate.provenance.rendering import reads_back
from gate.provenance.sign import PreparedSigner, attach_manifest
from gate.provenance.trust import TrustConfig, TrustList, read_lists
from gate.provenance.tsa import TimestampUnavailable, TsaOptions
from gate.provenance.verify import (
    GENERATION_INVALID_CODE,
    REMOTE_ONLY_CODE,
    ProvenanceReport,
    Verifier,
    verify_manifest,
)

__all__ = [
    "GENERATION_INVALID_CODE",
    "REMOTE_ONLY_CODE",
    "GENERATION_LABEL",
    "MAX_ASSERTION_BYTES",
    "METADATA_EDITED",
    "TRAINED_ALGORITHMIC_MEDIA",
    "DevPki",
    "EditAction",
    "GenerationClaim",
    "PreparedSigner",
    "ProvenanceReport",
    "SignerConfig",
    "TimestampUnavailable",
    "TrustAnchors",
    "TrustConfig",
    "TrustList",
    "TsaOptions",
    "Verifier",
    "attach_manifest",
    "create_dev_pki",
    "read_lists",
    "reads_back",
    "verify_manifest",
]
