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
from gate.provenance.trust import DEFAULT_EKUS, TrustConfig, check_ekus, read_lists
from gate.provenance.tsa import TsaOptions


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
    trust: TrustConfig = field(default_factory=TrustConfig)  # anchors, EKUs and lists, read once
    tsa: TsaOptions | None = None  # trusted time at signing

    @property
    def policy_ref(self) -> PolicyRef:
        """The version and sha256 of the loaded policy: what every record built from this config carries."""
        return self.policy.ref

    def build(
        self, *, around_check: Callable[[str], AbstractContextManager[object]] | None = None
    ) -> Pipeline:
        """A Pipeline from the loaded bytes; raises ConfigError naming what to fix."""
        verifier = Verifier.create(self.trust)
        signer = None
        if self.signer_chain is not None and self.signer_key is not None:
            config = SignerConfig.from_pem(self.signer_chain.data, self.signer_key.data)
            signer = PreparedSigner.create(config, self.trust, self.tsa)
        return Pipeline(self.policy, verifier, signer, around_check=around_check)


@dataclass(frozen=True, slots=True)
class PipelineSpec:
    """The files that define a gate's decision core. `load()` reads them; `build()` loads and builds."""

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
        trust = self._trust_config(policy, anchors)
        return LoadedConfig(policy_file, policy, anchors, chain, key, trust, self.tsa)

    def _trust_config(self, policy: Policy, anchors: tuple[LoadedFile, ...]) -> TrustConfig:
        """Anchors (policy's, then these), EKUs (defaults, policy's, these) and the lists, as one value."""
        mode = self.anchors_mode or policy.trust_anchors_mode or "replace"
        if mode not in ("replace", "add"):
            raise ConfigError(f"trust anchors mode {mode!r} is not 'replace' or 'add'")
        lists = read_lists(self.trust_lists_dir) if mode == "add" or self.trust_lists_dir else None
        pem = b"".join(item.data + b"\n" for item in anchors)
        return TrustConfig(
            anchors=TrustAnchors.from_pem(pem) if anchors else None,
            allowed_ekus=check_ekus([*DEFAULT_EKUS, *policy.trust_allowed_ekus, *self.allowed_ekus]),
            mode="add" if mode == "add" else "replace",
            lists=lists,
        )

    def build(
        self, *, around_check: Callable[[str], AbstractContextManager[object]] | None = None
    ) -> Pipeline:
        """Load everything and return a Pipeline; raises ConfigError naming what to fix."""
        return self.load().build(around_check=around_check)
