"""Building a ready Pipeline from file paths: policy, trust anchors, signer. Used by the CLI and workers."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

from gate.core.pipeline import Pipeline
from gate.core.policy import Policy, load_policy
from gate.errors import ConfigError
from gate.provenance import PreparedSigner, SignerConfig, TrustAnchors, Verifier


@dataclass(frozen=True, slots=True)
class PipelineSpec:
    """Paths that define a gate's decision core. Picklable, so workers can build their own Pipeline."""

    policy: Path | None = None
    trust_anchors: tuple[Path, ...] = ()
    signer_chain: Path | None = None
    signer_key: Path | None = None

    def __post_init__(self) -> None:
        if (self.signer_chain is None) != (self.signer_key is None):
            raise ConfigError(
                "a signer needs both --signer-chain and --signer-key (GATE_SIGNER_CHAIN/GATE_SIGNER_KEY)"
            )

    def load_policy(self) -> Policy:
        """The policy this spec names (the shipped default when none)."""
        return load_policy(self.policy)

    def build(
        self, *, around_check: Callable[[str], AbstractContextManager[object]] | None = None
    ) -> Pipeline:
        """Load everything and return a Pipeline; raises ConfigError naming what to fix."""
        policy = self.load_policy()
        anchors = _anchors((*policy.trust_anchor_files, *self.trust_anchors))
        verifier = Verifier.create(anchors)
        signer = None
        if self.signer_chain is not None and self.signer_key is not None:
            signer = PreparedSigner.create(
                SignerConfig.from_files(self.signer_chain, self.signer_key), anchors
            )
        return Pipeline(policy, verifier, signer, around_check=around_check)


def _anchors(paths: Sequence[Path]) -> TrustAnchors | None:
    if not paths:
        return None
    pem = b""
    for path in paths:
        try:
            pem += path.read_bytes() + b"\n"
        except OSError as exc:
            raise ConfigError(
                f"cannot read trust anchors {path}: {exc.strerror}; pass an existing PEM file"
            ) from exc
    return TrustAnchors.from_pem(pem)
