"""`gate check`'s evaluation (its arguments: `gate.cli.check`).

Thin on purpose: parse the arguments, call the decision core's entry point (`gate.core.flow`), and hand
the outcome to the one record builder (`gate.core.record.decided_record`).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from gate.assets import AssetFetcher, FetchPolicy
from gate.core.event import Generation, json_syntax_detail
from gate.core.flow import EventOutcome, evaluate_event_bytes, evaluate_image
from gate.core.pipeline import Evaluation
from gate.core.record import decided_record
from gate.errors import ConfigError
from gate.imaging.c2pa_store import manifest_store
from gate.model import Verdict
from gate.provenance import Verifier
from gate.scanning.limits import MAX_DEPTH_CEILING
from gate.scanning.strict_json import (
    DuplicateKeyError,
    NonFiniteNumberError,
    NumberTooLongError,
    UnpairedSurrogateError,
    loads,
)
from gate.schemas import DECISION, schema_errors
from gate.storage.base import SIDECAR_SUFFIX
from gate.worker.assembly import PipelineSpec
from gate.worker.sidecar import SIDECAR_VERIFIES, check_sidecar

EXIT_BY_VERDICT = {Verdict.APPROVED: 0, Verdict.QUARANTINED: 3, Verdict.REJECTED: 4}
# The asset fetcher's hints name `gate run`'s settings; these are `gate check`'s options for the same.
_FETCH_OPTIONS = {
    "GATE_FETCH__FILE_ROOTS": "--file-root DIR (default: the event's folder)",
    "GATE_FETCH__HTTPS_ALLOW_HOSTS": "--allow-host HOST",
}
EXIT_SIDECAR_FAILS = 5  # the image is not the bytes its sidecar was made for (or the sidecar is unreadable)


def run_check_command(args: argparse.Namespace) -> int:
    """Evaluate, print, optionally write the published image; return the verdict's exit status."""
    spec = PipelineSpec(
        policy=args.policy,
        trust_anchors=tuple(args.trust_anchors),
        allowed_ekus=tuple(args.allowed_eku),
        anchors_mode=args.anchors_mode,
        signer_chain=args.signer_chain,
        signer_key=args.signer_key,
    )
    _refuse_overwriting_inputs(args)
    config = spec.load()
    pipeline = config.build()
    sidecar = None
    if args.event is not None:
        if args.params is not None or args.synthetic is not None:
            raise ConfigError(
                "--params/--synthetic describe a bare IMAGE; an --event carries its own generation"
            )
        if args.sidecar is not None:
            raise ConfigError("--sidecar verifies a bare IMAGE; pass the image instead of --event")
        outcome = _evaluate_event_file(args, pipeline)
    else:
        data = _read(args.image, "IMAGE")
        sidecar = check_sidecar(data, args.image, args.sidecar, lambda: Verifier.create(config.trust))
        outcome = evaluate_image(
            data,
            pipeline,
            event_id="local:" + hashlib.sha256(data).hexdigest()[:16],
            source="cli",
            declared_media_type=args.media_type,
            synthetic=args.synthetic,
            generation=_generation(args),
        )
    output = None
    if outcome.evaluation is not None:
        output = _write_output(outcome.evaluation, outcome.asset_data, args.out)
    doc = decided_record(outcome, output=output, with_timing=True, sidecar=sidecar).document
    problems = schema_errors(DECISION, doc)
    if problems:  # a bug, not bad input: say so loudly instead of printing an invalid document
        raise RuntimeError("decision does not match decision.schema.json: " + "; ".join(problems))
    _print(doc, args.json, outcome.error)
    if sidecar is not None and sidecar["state"] not in SIDECAR_VERIFIES:
        return EXIT_SIDECAR_FAILS
    return EXIT_BY_VERDICT[outcome.decision.verdict]


def _refuse_overwriting_inputs(args: argparse.Namespace) -> None:
    """--out (or the manifest store written beside it) must not be a file given as input: the published
    image is a changed copy (metadata stripped, a manifest attached), and the original would be lost."""
    if args.out is None:
        return
    given = [p for p in (args.image, args.event, args.params, args.sidecar, args.policy) if p is not None]
    given += [*args.trust_anchors, *(p for p in (args.signer_chain, args.signer_key) if p is not None)]
    written = {args.out.resolve(), args.out.with_suffix(SIDECAR_SUFFIX).resolve()}
    for path in given:
        if path.resolve() in written:
            raise ConfigError(
                f"--out {args.out} would overwrite {path}, which you gave as input; write the published "
                "image to another path (its manifest store goes beside it with .c2pa)"
            )


def _evaluate_event_file(args: argparse.Namespace, pipeline: Any) -> EventOutcome:
    raw = _read(args.event, "EVENT.json")
    roots = tuple(args.file_root) or (args.event.resolve().parent,)
    fetch_policy = FetchPolicy(file_roots=roots, https_allow_hosts=tuple(args.allow_host))
    with AssetFetcher(fetch_policy) as fetcher:
        return evaluate_event_bytes(raw, pipeline, fetcher, fallback_id="local:" + args.event.name)


def _generation(args: argparse.Namespace) -> Generation | None:
    parameters = None
    if args.params is not None:
        try:
            parameters = loads(_read(args.params, "PARAMS.json"))
        except DuplicateKeyError as exc:
            raise ConfigError(
                f"{args.params}: {exc}; JSON readers disagree on which value counts, so keep one of them"
            ) from exc
        except NonFiniteNumberError as exc:
            raise ConfigError(
                f"{args.params}: {exc}, which JSON does not allow; write a number or null"
            ) from exc
        except UnpairedSurrogateError as exc:
            raise ConfigError(f"{args.params}: {exc}; write the character itself or its escape pair") from exc
        except NumberTooLongError as exc:
            raise ConfigError(f"{args.params}: {exc}; write it as a string if it is an identifier") from exc
        except RecursionError:
            # Nested deeper than JSON can be parsed here, so deeper than any scan limit: evaluated as
            # what it is, parameters too deep to scan (`params.limits`), exactly as the gate would.
            parameters = _nested_beyond_scan_limits()
        except ValueError as exc:
            raise ConfigError(
                f"{args.params} is not valid JSON: {json_syntax_detail(exc)}; fix the file"
            ) from exc
    if parameters is None and args.synthetic is None:
        return None
    return Generation(synthetic=bool(args.synthetic), parameters=parameters)


def _nested_beyond_scan_limits() -> list[Any]:
    """A value nested one level deeper than any `ScanLimits.max_depth` may be (built without recursion)."""
    nested: list[Any] = []
    for _ in range(MAX_DEPTH_CEILING + 1):
        nested = [nested]
    return nested


def _write_output(evaluation: Evaluation, original: bytes, out: Path | None) -> dict[str, Any] | None:
    """Describe the bytes the gate would publish; with `out`, write them (only for an approval)."""
    publish = evaluation.verdict is Verdict.APPROVED and out is not None
    sidecar = None
    if publish:
        assert out is not None
        published = evaluation.output if evaluation.output is not None else original
        # Its manifest store goes beside it as OUT's name with .c2pa, as the store keeps <sha256>.c2pa.
        manifest = manifest_store(published, evaluation.media_type or "")
        try:
            out.write_bytes(published)
            if manifest is not None:
                sidecar = out.with_suffix(SIDECAR_SUFFIX)
                sidecar.write_bytes(manifest)
        except OSError as exc:
            raise ConfigError(
                f"cannot write --out {out}: {exc.strerror}; check the directory exists"
            ) from None
    if evaluation.output is None:
        return None
    result: dict[str, Any] = {
        "sha256": hashlib.sha256(evaluation.output).hexdigest(),
        "media_type": evaluation.media_type or "application/octet-stream",
        "size": len(evaluation.output),
    }
    if publish:
        result["path"] = str(out)
    if sidecar is not None:
        result["sidecar"] = sidecar.absolute().as_uri()
    return result


def _read(path: Path, what: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read {what} {path}: {exc.strerror}; check the path") from exc


def _print(doc: dict[str, Any], as_json: bool, error: str) -> None:
    if as_json:
        print(json.dumps(doc, indent=2, sort_keys=True))
        return
    policy = doc["policy"]
    print(f"verdict: {doc['verdict']}   (policy {policy['version']}, sha256 {policy['sha256'][:12]})")
    for reason in doc["reasons"]:
        where = f" {reason['entity']}" if "entity" in reason else ""
        where += f" at {reason['path']}" if "path" in reason else ""
        detail = f" ({reason['detail']})" if "detail" in reason else ""
        print(f"  - {reason['code']}{where}{detail} -> {reason['outcome']} [{reason['rule']}]")
    if error:
        print(f"  why: {error}", file=sys.stderr)
        for setting, option in _FETCH_OPTIONS.items():
            if setting in error:  # the fetcher names the gate's setting; `gate check` takes an option
                print(f"  (for gate check: {option})", file=sys.stderr)
    print(f"actions: {', '.join(doc['actions']) or 'none'}")
    asset = doc.get("asset")
    if asset:
        kind = asset["media_type"] or "unrecognised format"
        print(f"asset: {kind} sha256 {asset['sha256'][:16]} ({asset['size']} bytes)")
        output = asset.get("output")
        if output:
            where = output.get("path", "not written (use --out)")
            print(f"published: sha256 {output['sha256'][:16]} ({output['size']} bytes) -> {where}")
            if "sidecar" in output:
                print(f"  and its C2PA manifest store -> {Path(where).with_suffix(SIDECAR_SUFFIX)}")
    sidecar = doc.get("sidecar")
    if sidecar:
        codes = f" ({', '.join(sidecar['status_codes'])})" if sidecar["status_codes"] else ""
        print(f"sidecar {sidecar['path']}: {sidecar['state']}{codes}: {sidecar['meaning']}")
