"""Session-wide credentials (a trusted and an untrusted dev PKI) and small images made on the fly."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from gate.provenance import (
    DevPki,
    GenerationClaim,
    PreparedSigner,
    SignerConfig,
    TrustAnchors,
    Verifier,
    create_dev_pki,
)

MEDIA_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png"}


def make_image(fmt: str = "JPEG", color: tuple[int, int, int] = (200, 40, 30), size: int = 48) -> bytes:
    """A small, non-uniform image so the encoded data has real content to tamper with."""
    image = Image.new("RGB", (size, size), color)
    for x in range(size):
        image.putpixel((x, x), (x * 5 % 256, 255 - x, 90))
    out = io.BytesIO()
    image.save(out, fmt)
    return out.getvalue()


@pytest.fixture(scope="session")
def trusted_pki(tmp_path_factory: pytest.TempPathFactory) -> DevPki:
    return create_dev_pki(tmp_path_factory.mktemp("trusted-pki"))


@pytest.fixture(scope="session")
def untrusted_pki(tmp_path_factory: pytest.TempPathFactory) -> DevPki:
    return create_dev_pki(tmp_path_factory.mktemp("untrusted-pki"), organisation="someone else")


@pytest.fixture(scope="session")
def anchors(trusted_pki: DevPki) -> TrustAnchors:
    return TrustAnchors.from_pem_file(trusted_pki.root_ca)


@pytest.fixture(scope="session")
def signer(trusted_pki: DevPki, anchors: TrustAnchors) -> PreparedSigner:
    return PreparedSigner.create(
        SignerConfig.from_files(trusted_pki.signer_chain, trusted_pki.signer_key), anchors
    )


@pytest.fixture(scope="session")
def untrusted_signer(untrusted_pki: DevPki) -> PreparedSigner:
    return PreparedSigner.create(
        SignerConfig.from_files(untrusted_pki.signer_chain, untrusted_pki.signer_key)
    )


@pytest.fixture(scope="session")
def verifier(anchors: TrustAnchors) -> Verifier:
    return Verifier.create(anchors)


@pytest.fixture
def claim() -> GenerationClaim:
    return GenerationClaim(
        model_name="product-diffusion",
        model_version="2.1",
        provider="example-ai",
        training_data_sources=("licensed-stock-2024",),
        parameters={"steps": 30, "guidance": 7.5, "sampler": "ddim", "size": [1024, 1024]},
        policy_version="2025-01",
    )
