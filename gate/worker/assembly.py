"""Building a Pipeline: files are read once at the edge, and workers build from the loaded bytes.

`PipelineSpec` names the files (policy, trust anchors, signer); `PipelineSpec.load()` reads them all once
into a `LoadedConfig`, which carries the bytes and their sha256. Workers, replacements included, build
their Pipeline from that `LoadedConfig` and never open a configuration file: a policy file changed on disk
changes nothing until the runner loads it again (SIGHUP or restart).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path

from gate.core.pipeline import Pipeline
from gate.core.policy import Policy, default_policy_path, parse_policy
from gate.errors import ConfigError
from gate.model import PolicyRef
from gate.provenance import PreparedSigner, SignerConfig, TrustAnchors, Verifier


@dataclass(frozen=True, slots=True)
class LoadedFile:
    """The bytes of one configuration file as read once, with where they came from and their sha256."""

    origin: Path
    data: bytes = field(repr=False)
    sha256: str = ""

    @classmethod
    def read(cls, path: Path, what: str, fix: str) -> LoadedFile:
        """Read `path`; ConfigError naming `what` it was and how to `fix` it when it cannot be read."""
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ConfigError(f"cannot read {what} {path}: {exc.strerror}; {fix}") from exc
        return cls(path, data, hashlib.sha256(data).hexdigest())


@dataclass(frozen=True, slots=True)
class LoadedConfig:
    """Everything a worker needs to build its Pipeline, as bytes (picklable; no paths are read again)."""

    policy_file: LoadedFile
    policy: Policy
    trust_anchors: tuple[LoadedFile, ...] = ()
    signer_chain: LoadedFile | None = None
    signer_key: LoadedFile | None = None

    @property
    def policy_ref(self) -> PolicyRef:
        """The version and sha256 of the loaded policy: what every record built from this config carries."""
        return self.policy.ref

    def build(
        self, *, around_check: Callable[[str], AbstractContextManager[object]] | None = None
    ) -> Pipeline:
        """A Pipeline from the loaded bytes; raises ConfigError naming what to fix."""
        anchors = None
        if self.trust_anchors:
            anchors = TrustAnchors.from_pem(b"".join(item.data + b"\n" for item in self.trust_anchors))
        verifier = Verifier.create(anchors)
        signer = None
        if self.signer_chain is not None and self.signer_key is not None:
            signer = PreparedSigner.create(
                SignerConfig.from_pem(self.signer_chain.data, self.signer_key.data), anchors
            )
        return Pipeline(self.policy, verifier, signer, around_check=around_check)


@dataclass(frozen=True, slots=True)
class PipelineSpec:
    """The files that define a gate's decision core. `load()` reads them; `build()` loads and builds."""

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
        """The policy this spec names (the shipped default when none), read now."""
        return self.load().policy

    def load(self) -> LoadedConfig:
        """Read the policy, the trust anchors it and the spec name, and the signer, once."""
        policy_file = LoadedFile.read(
            self.policy or default_policy_path(), "policy file", "pass an existing --policy"
        )
        policy = parse_policy(policy_file.data, origin=policy_file.origin)
        anchors = tuple(
            LoadedFile.read(path, "trust anchors", "pass an existing PEM file")
            for path in (*policy.trust_anchor_files, *self.trust_anchors)
        )
        chain = key = None
        if self.signer_chain is not None and self.signer_key is not None:
            chain = LoadedFile.read(self.signer_chain, "signer chain", "check the path")
            key = LoadedFile.read(self.signer_key, "signer key", "check the path")
        return LoadedConfig(policy_file, policy, anchors, chain, key)

    def build(
        self, *, around_check: Callable[[str], AbstractContextManager[object]] | None = None
    ) -> Pipeline:
        """Load everything and return a Pipeline; raises ConfigError naming what to fix."""
        return self.load().build(around_check=around_check)
