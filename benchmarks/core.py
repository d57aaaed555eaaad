"""Part 1: the decision core against a bare c2pa-python loop doing the same C2PA work on the same bytes.

Gate side: `Pipeline.evaluate` with every check on and the default policy (trusted dev PKI, a signer).
Bare side: c2pa-python only, with the same settings (offline, thumbnails off, same trust anchors):
  - image with a manifest:    Reader.try_create + reader.json()    (gate: verify, approve, no change)
  - image without a manifest: Reader.try_create -> None, then Builder.sign with the same manifest
                              definition the gate signs            (gate: verify, attach a manifest)
Floor: what any gate must do however lean it is, measured on the same bytes:
  - hashlib.sha256 of the image (the content address and audit record of every decision), plus
  - the one c2pa call it cannot skip: verify where there is a manifest; where there is none, sign over
    that digest with c2pa-rs's data-hashed flow and insert the manifest (what the gate does for JPEG/PNG;
    Builder.sign would hash and copy the image again inside c2pa-rs).
  floor/bare is therefore the least gate/bare any gate that hashes its input can score on this corpus.

For each case and repetition the gate and bare passes run back to back (order alternating), and the ratio
gate/bare is taken inside that repetition before summarising.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any

import c2pa

from benchmarks.corpus_images import GENERATION, ImageCase
from benchmarks.stats import rate, ratio_summary, summarize
from gate.core.event import Generation
from gate.core.pipeline import Pipeline
from gate.model import Verdict
from gate.provenance import GenerationClaim, SignerConfig, TrustAnchors, data_hashed
from gate.provenance.manifest import manifest_definition
from gate.provenance.sign import gate_version

TARGET_OVERHEAD = 1.15  # the gate may cost at most 15% more than bare c2pa

_OFFLINE = {
    "verify": {"remote_manifest_fetch": False, "ocsp_fetch": False},
    "core": {"allowed_network_hosts": []},
}


class BareC2pa:
    """The same C2PA work as the gate, written as directly as c2pa-python allows."""

    def __init__(self, anchors: TrustAnchors, signer: SignerConfig) -> None:
        trust = {"trust": {"trust_anchors": anchors.pem}}
        self.verify_context = c2pa.Context.from_json(json.dumps({**_OFFLINE, **trust}))
        sign_settings = {**_OFFLINE, **trust, "builder": {"thumbnail": {"enabled": False}}}
        self.sign_context = c2pa.Context.from_json(json.dumps(sign_settings))
        self.signer = c2pa.Signer.from_info(
            c2pa.C2paSignerInfo(signer.alg.encode(), signer.chain_pem, signer.key_pem, None)
        )
        # Built once: the manifest the gate would sign for this corpus's generation parameters.
        claim = GenerationClaim(
            model_name="sdxl-base",
            model_version="1.0",
            provider="stability.ai",
            training_data_sources=("licensed-stock",),
            parameters={
                k: v for k, v in GENERATION.parameters.items() if k not in ("prompt", "negative_prompt")
            },
            policy_version="bench",
        )
        self.definition = manifest_definition(
            claim, claim_generator={"name": "bare", "version": gate_version()}, has_parent=False
        )

    def verify(self, data: bytes, media_type: str) -> str | None:
        """The manifest store report (validation state and results), or None without a manifest."""
        reader = c2pa.Reader.try_create(media_type, io.BytesIO(data), None, self.verify_context)
        if reader is None:
            return None
        with reader:
            report: str = reader.json()
        return report

    def sign(self, data: bytes, media_type: str) -> bytes:
        """Embed a newly signed AI-generation manifest."""
        with c2pa.Builder(self.definition, context=self.sign_context) as builder:
            builder.set_intent(
                c2pa.C2paBuilderIntent.CREATE, c2pa.C2paDigitalSourceType.TRAINED_ALGORITHMIC_MEDIA
            )
            out = io.BytesIO()
            builder.sign(self.signer, media_type, io.BytesIO(data), out)
        return out.getvalue()

    def sign_over_digest(self, data: bytes, media_type: str, digest: bytes) -> bytes:
        """Embed the same manifest, signed over a SHA-256 already computed (c2pa-rs's data-hashed flow)."""
        slot = data_hashed.manifest_slot(data, media_type)
        if slot is None or not data_hashed.available():
            return self.sign(data, media_type)
        with c2pa.Builder(self.definition, context=self.sign_context) as builder:
            builder.set_intent(
                c2pa.C2paBuilderIntent.CREATE, c2pa.C2paDigitalSourceType.TRAINED_ALGORITHMIC_MEDIA
            )
            manifest = data_hashed.sign_embeddable(builder, self.signer, media_type, slot, digest)
        image = memoryview(data)  # joined from views, as the gate does: one copy of the image, not two
        return b"".join((image[:slot], manifest, image[slot:]))

    def process(self, data: bytes, media_type: str) -> bytes | None:
        """Verify; sign where there was no manifest (what the gate does for a synthetic image)."""
        if self.verify(data, media_type) is None:
            return self.sign(data, media_type)
        return None


def unique_prompts() -> Iterator[Generation]:
    """`GENERATION` with a prompt no earlier evaluation saw, one per call.

    A production stream's prompts differ from image to image while its sampler, sizes and model repeat;
    the scanner remembers strings it found clean (`gate.scanning.walk`), so one prompt repeated for the
    whole benchmark would be read once and then cost nothing.
    """
    prompt = GENERATION.parameters["prompt"]
    for n in itertools.count():
        yield replace(GENERATION, parameters={**GENERATION.parameters, "prompt": f"{prompt}, variation {n}"})


def gate_step(pipeline: Pipeline) -> Callable[[bytes, str], Any]:
    """One gate evaluation of one image (synthetic, clean parameters with a prompt of its own: approved)."""
    generations = unique_prompts()

    def step(data: bytes, media_type: str) -> Any:
        return pipeline.evaluate(
            data, declared_media_type=media_type, synthetic=True, generation=next(generations)
        )

    return step


def sha256_step(data: bytes, media_type: str) -> Any:
    """Hash the bytes once."""
    return hashlib.sha256(data).digest()


def floor_step(bare: BareC2pa, signed: bool) -> Callable[[bytes, str], Any]:
    """The least a gate can do for an image of this case: hash it, and verify it or sign over that hash (no
    probe for a manifest: the case says whether there is one)."""

    def step(data: bytes, media_type: str) -> Any:
        digest = hashlib.sha256(data).digest()
        if signed:
            return bare.verify(data, media_type)
        return bare.sign_over_digest(data, media_type, digest)

    return step


def check_expected(pipeline: Pipeline, case: ImageCase) -> None:
    """Fail loudly if the gate does not approve the corpus the way this benchmark assumes."""
    want_actions = () if case.variant == "signed" else ("manifest.attached",)
    for data in case.images:
        evaluation = pipeline.evaluate(
            data, declared_media_type=case.media_type, synthetic=True, generation=GENERATION
        )
        if evaluation.verdict is not Verdict.APPROVED or evaluation.actions != want_actions:
            raise RuntimeError(
                f"{case.name}: the gate decided {evaluation.verdict.value} {evaluation.actions} "
                f"({', '.join(evaluation.decision.reason_codes)}); "
                f"the benchmark expects approved {want_actions}"
            )


def _pass(step: Callable[[bytes, str], Any], case: ImageCase, passes: int) -> float:
    """Seconds per image over `passes` passes of the case's images."""
    images, media_type = case.images, case.media_type
    start = time.perf_counter()
    for _ in range(passes):
        for data in images:
            step(data, media_type)
    return (time.perf_counter() - start) / (passes * len(images))


def _passes_for(step: Callable[[bytes, str], Any], case: ImageCase, min_seconds: float) -> int:
    per_image = _pass(step, case, 1)  # also the warm-up
    return max(1, round(min_seconds / max(per_image * len(case.images), 1e-9)))


@dataclass
class _Samples:
    gate: list[float]
    bare: list[float]
    sha: list[float]
    floor: list[float]


def check_breakdown(pipeline: Pipeline, case: ImageCase, passes: int = 3) -> dict[str, float]:
    """Median milliseconds per check (from the gate's own CheckResult.elapsed_ms) plus the remainder."""
    per_check: dict[str, list[float]] = {}
    for _ in range(passes):
        for data in case.images:
            evaluation = pipeline.evaluate(
                data, declared_media_type=case.media_type, synthetic=True, generation=GENERATION
            )
            in_checks = 0.0
            for result in evaluation.results:
                per_check.setdefault(result.check, []).append(result.elapsed_ms)
                in_checks += result.elapsed_ms
            # decide + remediation (signing) + bookkeeping
            per_check.setdefault("decide+remediate", []).append(evaluation.elapsed_ms - in_checks)
    return {name: summarize(values).median for name, values in per_check.items()}


def run_core(
    pipeline: Pipeline, bare: BareC2pa, cases: list[ImageCase], *, reps: int, min_seconds: float
) -> dict[str, Any]:
    """Measure every case; return JSON-ready results (per case and for the whole corpus)."""
    gate = gate_step(pipeline)
    for case in cases:
        check_expected(pipeline, case)
    plan = {case.name: _passes_for(gate, case, min_seconds) for case in cases}
    for case in cases:
        _pass(bare.process, case, 1)  # warm-up of the bare side too
    samples = {case.name: _Samples([], [], [], []) for case in cases}
    floors = {case.name: floor_step(bare, case.variant == "signed") for case in cases}
    for rep in range(reps):
        for index, case in enumerate(cases):
            s, passes, lean = samples[case.name], plan[case.name], floors[case.name]
            if (rep + index) % 2 == 0:
                s.gate.append(_pass(gate, case, passes))
                s.bare.append(_pass(bare.process, case, passes))
                s.floor.append(_pass(lean, case, passes))
            else:
                s.floor.append(_pass(lean, case, passes))
                s.bare.append(_pass(bare.process, case, passes))
                s.gate.append(_pass(gate, case, passes))
            s.sha.append(_pass(sha256_step, case, passes))
    per_case = []
    for case in cases:
        s = samples[case.name]
        per_case.append(
            {
                "case": case.name,
                "format": case.fmt,
                "size_class": case.size_class,
                "variant": case.variant,
                "mean_bytes": round(case.mean_bytes),
                "images": len(case.images),
                "passes_per_rep": plan[case.name],
                "gate_images_per_s": summarize([rate(1, t) for t in s.gate]).as_dict(),
                "bare_images_per_s": summarize([rate(1, t) for t in s.bare]).as_dict(),
                "sha256_images_per_s": summarize([rate(1, t) for t in s.sha]).as_dict(),
                "floor_images_per_s": summarize([rate(1, t) for t in s.floor]).as_dict(),
                "gate_ms": summarize([t * 1000 for t in s.gate]).as_dict(),
                "bare_ms": summarize([t * 1000 for t in s.bare]).as_dict(),
                "sha256_ms": summarize([t * 1000 for t in s.sha]).as_dict(),
                "floor_ms": summarize([t * 1000 for t in s.floor]).as_dict(),
                "ratio_gate_over_bare": ratio_summary(s.gate, s.bare).as_dict(),
                "ratio_floor_over_bare": ratio_summary(s.floor, s.bare).as_dict(),
                "ratio_gate_over_floor": ratio_summary(s.gate, s.floor).as_dict(),
                "ratio_bare_over_sha256": ratio_summary(s.bare, s.sha).as_dict(),
                "check_ms": check_breakdown(pipeline, case),
            }
        )
    # The whole corpus, one image of each case in turn: per repetition, total gate time / total bare time.
    total_gate = [sum(samples[c.name].gate[r] for c in cases) for r in range(reps)]
    total_bare = [sum(samples[c.name].bare[r] for c in cases) for r in range(reps)]
    total_floor = [sum(samples[c.name].floor[r] for c in cases) for r in range(reps)]
    overall = ratio_summary(total_gate, total_bare)
    floor = ratio_summary(total_floor, total_bare)
    return {
        "reps": reps,
        "min_seconds_per_side": min_seconds,
        "bare_definition": "Reader.try_create + reader.json(); Builder.sign (same manifest, thumbnails off) "
        "where there is no manifest",
        "floor_definition": "SHA-256 of the image + Reader.try_create + reader.json() where there is a "
        "manifest; where there is none, the same manifest signed over that SHA-256 (c2pa-rs data-hashed "
        "flow) and inserted",
        "cases": per_case,
        "overall_ratio_gate_over_bare": overall.as_dict(),
        "overall_ratio_floor_over_bare": floor.as_dict(),
        "overall_ratio_gate_over_floor": ratio_summary(total_gate, total_floor).as_dict(),
        "overall_gate_images_per_s": summarize([len(cases) / t for t in total_gate]).as_dict(),
        "overall_bare_images_per_s": summarize([len(cases) / t for t in total_bare]).as_dict(),
        "target_ratio": TARGET_OVERHEAD,
        "target_met": overall.median <= TARGET_OVERHEAD,
        # Whether the target can be met at all by a gate that hashes each image: the floor must be below it.
        "target_reachable": floor.median <= TARGET_OVERHEAD,
    }
