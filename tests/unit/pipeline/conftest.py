"""A gate with a trusted dev PKI, built the way `gate check` builds it, plus an untrusted PKI."""

from __future__ import annotations

import dataclasses

import pytest

from gate.core.pipeline import Pipeline
from gate.core.policy import default_policy_path
from gate.provenance import DevPki, create_dev_pki
from gate.worker.assembly import PipelineSpec


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> DevPki:
    return create_dev_pki(tmp_path_factory.mktemp("gate-pki"))


@pytest.fixture(scope="session")
def other_pki(tmp_path_factory: pytest.TempPathFactory) -> DevPki:
    return create_dev_pki(tmp_path_factory.mktemp("other-pki"), organisation="another studio")


@pytest.fixture(scope="session")
def spec(pki: DevPki) -> PipelineSpec:
    return PipelineSpec(
        trust_anchors=(pki.root_ca,), signer_chain=pki.signer_chain, signer_key=pki.signer_key
    )


@pytest.fixture(scope="session")
def gate(spec: PipelineSpec) -> Pipeline:
    return spec.build()


@pytest.fixture(scope="session")
def gate_without_signer(pki: DevPki) -> Pipeline:
    return PipelineSpec(trust_anchors=(pki.root_ca,)).build()


@pytest.fixture(scope="session")
def streams_gate(spec: PipelineSpec, tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    """The gate with `limits.inspect_compressed_streams` on: PNG image data inflated, JPEG and WebP coded
    data decoded to find what follows it."""
    shipped = default_policy_path().read_text()
    limit = "  check_timeout_ms: 5000\n"
    assert limit in shipped
    policy = tmp_path_factory.mktemp("streams") / "policy.yaml"
    policy.write_text(shipped.replace(limit, limit + "  inspect_compressed_streams: true\n"))
    return dataclasses.replace(spec, policy=policy).build()
