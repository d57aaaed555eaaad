"""The decision core: run the checks on one asset, decide by policy, apply remediations.

Knows nothing of Kafka. `gate check`, the streaming runner's workers and the faust integration all call
`Pipeline.evaluate`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass

from gate.assets import FetchedAsset
from gate.core.checks.base import Check, CheckAlarm, CheckContext, run_check
from gate.core.checks.generation import ModelCheck
from gate.core.checks.image import ImageCheck
from gate.core.checks.integrity import IntegrityCheck
from gate.core.checks.metadata import MetadataCheck
from gate.core.checks.order import order_problems
from gate.core.checks.parameters import ParametersCheck
from gate.core.checks.pixels import PixelsCheck
from gate.core.checks.provenance import ProvenanceCheck
from gate.core.event import Generation, IngestEvent
from gate.core.policy import Decision, Policy, Subject, decide
from gate.core.remediate import (
    RemediationFailed,
    apply_remediations,
    available_remediations,
    release_remediations,
)
from gate.imaging import ImageLimits
from gate.model import CheckResult, Reason, Status, Verdict
from gate.provenance import PreparedSigner, Verifier
from gate.provenance.tsa import TimestampUnavailable
from gate.scanning import ScanLimits
from gate.scanning.memo import remembering


@dataclass(frozen=True, slots=True)
class Evaluation:
    """Everything the gate concluded about one asset."""

    decision: Decision
    results: tuple[CheckResult, ...]
    actions: tuple[str, ...]
    sha256: str
    media_type: str | None
    output: bytes | None  # the bytes to publish when the gate changed the image, else None
    elapsed_ms: float
    remediation_ms: float = 0.0

    @property
    def verdict(self) -> Verdict:
        """Shortcut for `decision.verdict`."""
        return self.decision.verdict


class Pipeline:
    """Checks, policy and remediations for one gate configuration. Reusable; not thread-safe."""

    def __init__(
        self,
        policy: Policy,
        verifier: Verifier,
        signer: PreparedSigner | None = None,
        *,
        around_check: Callable[[str], AbstractContextManager[object]] | None = None,
    ) -> None:
        """`around_check(name)` wraps each check (the tracing seam: one span per check)."""
        self.policy = policy
        self.signer = signer
        self.around_check = around_check or _no_instrumentation
        self._instrumented = around_check is not None
        limits = policy.limits
        scan_limits = ScanLimits(max_depth=limits.params_max_depth, max_nodes=limits.params_max_nodes)
        self.timeout_s = limits.check_timeout_ms / 1000.0
        self.checks: tuple[Check, ...] = (
            IntegrityCheck(),
            ImageCheck(
                ImageLimits(
                    max_bytes=limits.max_bytes,
                    max_width=limits.max_width,
                    max_height=limits.max_height,
                    max_pixels=limits.max_pixels,
                    inspect_compressed_streams=limits.inspect_compressed_streams,
                )
            ),
            ParametersCheck(scan_limits),
            ModelCheck(policy.approved_models),
            MetadataCheck(ScanLimits(max_depth=limits.params_max_depth, max_nodes=limits.metadata_max_nodes)),
            ProvenanceCheck(verifier),
            PixelsCheck(policy.pixels, scan_limits),  # last: the costliest, and off for most events
        )
        problems = order_problems([check.name for check in self.checks])
        if problems:  # a programming error: fail at construction, not by skipping checks per event
            raise ValueError("checks out of order: " + "; ".join(problems))

    def evaluate_event(
        self, event: IngestEvent, asset: FetchedAsset, *, for_release: bool = False
    ) -> Evaluation:
        """Evaluate an ingest event whose asset has been fetched (and hashed, once, by the fetcher)."""
        return self.evaluate(
            asset.data,
            declared_media_type=event.asset.media_type,
            declared_sha256=event.asset.sha256,
            sha256=asset.sha256,
            source=event.source,
            synthetic=event.synthetic,
            generation=event.generation,
            for_release=for_release,
        )

    def evaluate(
        self,
        data: bytes,
        *,
        declared_media_type: str | None = None,
        declared_sha256: str | None = None,
        source: str = "unknown",
        synthetic: bool | None = None,
        generation: Generation | None = None,
        sha256: str | None = None,
        for_release: bool = False,
    ) -> Evaluation:
        """Run every check, decide, and remediate when the verdict is approve.

        `sha256` is the digest of `data` when the caller already has it (the fetcher computed it).
        `for_release`: a reviewer approves the image whatever the verdict, so the remediations an approval
        needs (`release_remediations`) are applied anyway, and one that fails raises (the release is
        refused) instead of turning into a reason.
        """
        # The scans of one image share what the detectors found in each string (see gate.scanning.memo).
        with remembering():
            return self._evaluate(
                data,
                declared_media_type=declared_media_type,
                declared_sha256=declared_sha256,
                source=source,
                synthetic=synthetic,
                generation=generation,
                sha256=sha256,
                for_release=for_release,
            )

    def _evaluate(
        self,
        data: bytes,
        *,
        declared_media_type: str | None,
        declared_sha256: str | None,
        source: str,
        synthetic: bool | None,
        generation: Generation | None,
        sha256: str | None,
        for_release: bool,
    ) -> Evaluation:
        start = time.perf_counter()
        ctx = CheckContext(
            data=data,
            declared_media_type=declared_media_type,
            declared_sha256=declared_sha256,
            source=source,
            synthetic=synthetic,
            generation=generation,
            sha256=sha256 or "",
        )
        results: list[CheckResult] = []
        with CheckAlarm() as alarm:
            if self._instrumented:
                for check in self.checks:
                    with self.around_check(check.name):
                        results.append(run_check(check, ctx, self.timeout_s, alarm))
            else:  # no span to open: spares a context manager per check
                results = [run_check(check, ctx, self.timeout_s, alarm) for check in self.checks]
        subject = Subject(source=source, synthetic=synthetic)
        decision = decide(results, self.policy, subject, available_remediations(ctx, self.signer))
        output: bytes | None = None
        actions: tuple[str, ...] = ()
        remediation_started = time.perf_counter()
        if for_release:
            wanted = release_remediations(decision.reasons, ctx)
            published, actions = apply_remediations(tuple(wanted), ctx, self.policy, self.signer)
            output = published if published is not data else None
        elif decision.remediations:
            try:
                published, actions = apply_remediations(decision.remediations, ctx, self.policy, self.signer)
            except TimestampUnavailable as exc:
                # Its own reason, for the policy to decide (default: quarantine); signing is then not
                # available, so whatever needed it falls back too.
                missing = Reason(code="provenance.timestamp_unavailable", check="remediation", detail=exc.why)
                results.append(CheckResult("remediation", "1", Status.FAIL, (missing,)))
                decision = decide(results, self.policy, subject, ())
            except Exception as exc:
                failure = Reason(code="gate.error", check="remediation", detail=_error_detail(exc))
                results.append(CheckResult("remediation", "1", Status.ERROR, (failure,)))
                decision = decide(results, self.policy, subject, ())
            else:
                output = published if published is not data else None
        return Evaluation(
            decision=decision,
            results=tuple(results),
            actions=actions,
            sha256=ctx.sha256,
            media_type=ctx.probe.media_type if ctx.probe else declared_media_type,
            output=output,
            elapsed_ms=(time.perf_counter() - start) * 1000.0,
            remediation_ms=(time.perf_counter() - remediation_started) * 1000.0
            if decision.remediations or actions
            else 0.0,
        )


def _no_instrumentation(name: str) -> AbstractContextManager[object]:
    return nullcontext()


def _error_detail(exc: Exception) -> str:
    return "remediation_unavailable" if isinstance(exc, RemediationFailed) else type(exc).__name__
