"""Certificate purposes (EKUs), anchors that replace or add to the C2PA trust lists, and the lists
themselves, with real c2pa signing and verification and signers made with the dev PKI for each case."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from gate.core.policy.load import default_policy_path
from gate.errors import ConfigError
from gate.provenance import (
    DevPki,
    GenerationClaim,
    PreparedSigner,
    SignerConfig,
    TrustAnchors,
    Verifier,
    attach_manifest,
    create_dev_pki,
    verify_manifest,
)
from gate.provenance.trust import (
    C2PA_CLAIM_SIGNING,
    DEFAULT_EKUS,
    DOCUMENT_SIGNING,
    EMAIL_PROTECTION,
    TrustConfig,
    read_lists,
    vendored_lists_dir,
    write_list,
)
from gate.worker.assembly import PipelineSpec

from .conftest import make_image

MICROSOFT_C2PA = "1.3.6.1.4.1.311.76.59.1.9"  # the purpose Bing Image Creator / Designer certificates carry
OTHER_VENDOR = "1.3.6.1.4.1.55555.1.1"  # a private purpose nobody listed
PURPOSES = {
    "emailProtection": EMAIL_PROTECTION,
    "documentSigning": DOCUMENT_SIGNING,
    "c2pa claimSigning": C2PA_CLAIM_SIGNING,
    "vendor (Microsoft C2PA)": MICROSOFT_C2PA,
    "another vendor": OTHER_VENDOR,
}
ALL_PURPOSES = TrustConfig(allowed_ekus=tuple(PURPOSES.values()))


@pytest.fixture(scope="module")
def signed_by_purpose(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[DevPki, bytes]]:
    claim = GenerationClaim(model_name="m", model_version="1", provider="p", policy_version="1")
    signed = {}
    for name, oid in PURPOSES.items():
        pki = create_dev_pki(tmp_path_factory.mktemp("eku"), ekus=(oid,))
        # The gate's own signer must carry an allowed purpose too; this one allows them all.
        signer = PreparedSigner.create(
            SignerConfig.from_files(pki.signer_chain, pki.signer_key), ALL_PURPOSES
        )
        signed[name] = (pki, attach_manifest(make_image(), "image/jpeg", signer, claim))
    return signed


# purpose -> (state, cause) with the default EKUs; then with the vendor's purpose added
EKU_TABLE = {
    "emailProtection": (("trusted", None), ("trusted", None)),
    "documentSigning": (("trusted", None), ("trusted", None)),
    "c2pa claimSigning": (("trusted", None), ("trusted", None)),
    "vendor (Microsoft C2PA)": (("invalid", "signingCredential.invalid"), ("trusted", None)),
    "another vendor": (("invalid", "signingCredential.invalid"), ("invalid", "signingCredential.invalid")),
}


@pytest.mark.parametrize("purpose", sorted(EKU_TABLE))
def test_allowed_purposes_decide_whether_a_signer_counts(
    purpose: str, signed_by_purpose: dict[str, tuple[DevPki, bytes]]
) -> None:
    pki, signed = signed_by_purpose[purpose]
    anchors = TrustAnchors.from_pem_file(pki.root_ca)
    default, with_vendor = EKU_TABLE[purpose]
    for config, expected in (
        (TrustConfig(anchors=anchors), default),
        (TrustConfig(anchors=anchors, allowed_ekus=(*DEFAULT_EKUS, MICROSOFT_C2PA)), with_vendor),
    ):
        report = verify_manifest(signed, "image/jpeg", Verifier.create(config))
        assert (report.state, report.cause) == expected


def test_a_signer_whose_purpose_is_not_allowed_is_refused_at_start(
    signed_by_purpose: dict[str, tuple[DevPki, bytes]],
) -> None:
    pki, _ = signed_by_purpose["vendor (Microsoft C2PA)"]
    config = SignerConfig.from_files(pki.signer_chain, pki.signer_key)
    assert config.leaf_ekus == (MICROSOFT_C2PA,)
    with pytest.raises(ConfigError, match=r"trust\.allowed_ekus"):
        PreparedSigner.create(config)
    PreparedSigner.create(config, TrustConfig(allowed_ekus=(*DEFAULT_EKUS, MICROSOFT_C2PA)))


@pytest.mark.parametrize("bad", ["documentSigning", "1.3.6.1..4", "3.1", "1", "1.3.6.1.5.5.7.3.36 "])
def test_an_eku_that_is_not_an_oid_is_a_config_error(bad: str) -> None:
    with pytest.raises(ConfigError, match="dotted object identifier"):
        TrustConfig(allowed_ekus=(bad,))


def test_service_purposes_are_always_passed_to_c2pa() -> None:
    """c2pa-rs checks a TSA's certificate against the same EKU list: timeStamping must stay in it."""
    ekus = TrustConfig(allowed_ekus=(DOCUMENT_SIGNING,)).sdk_settings()["trust"]["trust_config"].split()
    assert ekus == [DOCUMENT_SIGNING, "1.3.6.1.5.5.7.3.8", "1.3.6.1.5.5.7.3.9"]


@pytest.fixture(scope="module")
def listed_pki(tmp_path_factory: pytest.TempPathFactory) -> DevPki:
    """A signer under a root that is on "the C2PA Trust List" of a lists directory made for the test."""
    return create_dev_pki(tmp_path_factory.mktemp("listed"), organisation="listed vendor")


@pytest.fixture(scope="module")
def lists_dir(tmp_path_factory: pytest.TempPathFactory, listed_pki: DevPki) -> Path:
    directory = tmp_path_factory.mktemp("lists")
    write_list(directory, "c2pa", listed_pki.root_ca.read_bytes(), issued=dt.datetime.now(dt.UTC))
    return directory


def _signed(pki: DevPki) -> bytes:
    signer = PreparedSigner.create(SignerConfig.from_files(pki.signer_chain, pki.signer_key))
    claim = GenerationClaim(model_name="m", model_version="1", provider="p", policy_version="1")
    return attach_manifest(make_image(), "image/jpeg", signer, claim)


# mode -> (our signer's state, a listed signer's state)
MODES = {
    "replace": ("trusted", "untrusted"),
    "add": ("trusted", "trusted"),
}


@pytest.mark.parametrize("mode", sorted(MODES))
def test_configured_anchors_replace_or_add_to_the_lists(
    mode: str, trusted_pki: DevPki, listed_pki: DevPki, lists_dir: Path
) -> None:
    spec = PipelineSpec(trust_anchors=(trusted_pki.root_ca,), anchors_mode=mode, trust_lists_dir=lists_dir)
    verifier = Verifier.create(spec.load().trust)
    states = tuple(
        verify_manifest(_signed(p), "image/jpeg", verifier).state for p in (trusted_pki, listed_pki)
    )
    assert states == MODES[mode]


def test_add_mode_without_anchors_trusts_only_the_lists(
    listed_pki: DevPki, trusted_pki: DevPki, lists_dir: Path
) -> None:
    lists = read_lists(lists_dir)
    verifier = Verifier.create(TrustConfig(mode="add", lists=lists))
    assert verify_manifest(_signed(listed_pki), "image/jpeg", verifier).state == "trusted"
    assert verify_manifest(_signed(trusted_pki), "image/jpeg", verifier).state == "untrusted"


def test_the_policy_trust_section_adds_purposes_and_sets_the_mode(
    tmp_path: Path, trusted_pki: DevPki
) -> None:
    policy_file = tmp_path / "policy.yaml"
    shipped = default_policy_path().read_text()  # with a trust section appended
    policy_file.write_text(
        shipped + f"trust:\n  anchors: [{trusted_pki.root_ca}]\n  allowed_ekus: ['{MICROSOFT_C2PA}']\n"
        "  anchors_mode: add\n"
    )
    trust = PipelineSpec(policy=policy_file).load().trust
    assert trust.mode == "add"
    assert MICROSOFT_C2PA in trust.allowed_ekus and set(DEFAULT_EKUS) <= set(trust.allowed_ekus)
    assert trust.anchors is not None and trust.lists is not None
    settings = trust.sdk_settings()["trust"]
    assert settings["user_anchors"] == trust.anchors.pem  # added to the lists, not replacing them
    # A settings value wins over the policy's mode.
    assert PipelineSpec(policy=policy_file, anchors_mode="replace").load().trust.mode == "replace"


def test_the_shipped_lists_match_their_recorded_digests() -> None:
    lists = read_lists()
    assert sorted(lists) == ["c2pa", "tsa"]
    assert lists["c2pa"].name == "C2PA Trust List" and len(lists["c2pa"].anchors.fingerprints) >= 10
    assert lists["tsa"].name == "C2PA TSA Trust List" and len(lists["tsa"].anchors.fingerprints) >= 5
    for item in lists.values():
        assert item.source.startswith("https://github.com/c2pa-org/conformance-public/")
        assert item.issued.year >= 2026


def test_an_altered_list_is_refused(tmp_path: Path) -> None:
    for path in vendored_lists_dir().iterdir():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    pem = tmp_path / "C2PA-TRUST-LIST.pem"
    pem.write_bytes(pem.read_bytes().replace(b"Subject", b"Subjekt", 1))
    with pytest.raises(ConfigError, match="does not match the sha256"):
        read_lists(tmp_path)


@pytest.mark.parametrize(
    ("age_days", "next_update_days", "stale"),
    [(10, None, False), (200, None, True), (10, -1, True), (10, 30, False)],
)
def test_staleness(age_days: int, next_update_days: int | None, stale: bool, lists_dir: Path) -> None:
    item = read_lists(lists_dir)["c2pa"]
    now = item.issued + dt.timedelta(days=age_days)
    nxt = None if next_update_days is None else now + dt.timedelta(days=next_update_days)
    item = dataclasses.replace(item, next_update=nxt)
    assert item.is_stale(now, dt.timedelta(days=180)) is stale
    config = TrustConfig(mode="add", lists={"c2pa": item})
    assert bool(config.stale_lists(now, dt.timedelta(days=180))) is stale
    assert TrustConfig(lists={"c2pa": item}).stale_lists(now, dt.timedelta(days=180)) == []  # not in use
