"""A gate with a trusted dev PKI, built the way `gate check` builds it, plus an untrusted PKI."""

from __future__ import annotations

import pytest

from gate.core.pipeline import Pipeline
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
