"""Building a ready Pipeline from file paths: policy, trust anchors, signer. Used by the CLI and workers."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

from gate.errors import ConfigError
from gate.pipeline import Pipeline
from gate.policy import Policy, load_policy
from gate.provenance import PreparedSigner, SignerConfig, TrustAnchors, Verifier
from gate.provenance.trust import DEFAULT_EKUS, TrustConfig, check_ekus, read_lists
from gate.provenance.tsa import TsaOptions


@dataclass(frozen=True, slots=True)
class PipelineSpec:
    """Paths that define a gate's decision core. Picklable, so workers can build their own Pipeline."""

    policy: Path | None = None
    trust_anchors: tuple[Path, ...] = ()
    signer_chain: Path | None = None
    signer_key: Path | None = None
    # Trust beyond the anchors (settings `trust.*`; the policy's trust section adds to them).
    allowed_ekus: tuple[str, ...] = ()
    anchors_mode: str | None = None
    trust_lists_dir: Path | None = None
    tsa: TsaOptions | None = None  # trusted time at signing

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
        trust = self.trust_config(policy)
        verifier = Verifier.create(trust)
        signer = None
        if self.signer_chain is not None and self.signer_key is not None:
            config = SignerConfig.from_files(self.signer_chain, self.signer_key)
            signer = PreparedSigner.create(config, trust, self.tsa)
        return Pipeline(policy, verifier, signer, around_check=around_check)

    def trust_config(self, policy: Policy) -> TrustConfig:
        """Anchors (policy's, then these), EKUs (defaults, policy's, these) and the lists, as one value."""
        mode = self.anchors_mode or policy.trust_anchors_mode or "replace"
        if mode not in ("replace", "add"):
            raise ConfigError(f"trust anchors mode {mode!r} is not 'replace' or 'add'")
        lists = read_lists(self.trust_lists_dir) if mode == "add" or self.trust_lists_dir else None
        return TrustConfig(
            anchors=_anchors((*policy.trust_anchor_files, *self.trust_anchors)),
            allowed_ekus=check_ekus([*DEFAULT_EKUS, *policy.trust_allowed_ekus, *self.allowed_ekus]),
            mode="add" if mode == "add" else "replace",
            lists=lists,
        )


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
