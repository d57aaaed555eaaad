"""Is the configured store fit for published images? The checks behind `gate store check`.

For a bucket: reachable with the pod's credentials, versioning on, every public access blocked, every
prefix (the segments and the derivation index) present and writable, and conditional writes honoured.
Presence is shown by a small marker object per prefix, written with a conditional put: created now or
already there, both prove the permission, since S3 authorises a request before it evaluates its
preconditions. Object lock is reported, not required.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from gate.errors import StoreUnavailable
from gate.storage.base import ALL_PREFIXES
from gate.storage.s3 import S3Store

MARKER = ".gate-prefix"
MARKER_BODY = b"gate store prefix\n"
_PUBLIC_ACCESS_FLAGS = ("BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets")


@dataclass(frozen=True, slots=True)
class Finding:
    """One check: its name, whether it passed, and what was seen or what to do."""

    name: str
    ok: bool
    detail: str


def check_bucket(store: S3Store) -> list[Finding]:
    """Every check of the bucket behind `store`; stops after the first when the bucket cannot be reached."""
    client = store.client()
    bucket = store.bucket
    reached = _ask(lambda: client.head_bucket(Bucket=bucket))
    if isinstance(reached, str):
        what = "check store.s3.bucket, store.s3.endpoint_url and the AWS_* credentials"
        return [Finding("bucket", False, f"bucket {bucket} cannot be reached ({reached}): {what}")]
    findings = [Finding("bucket", True, f"bucket {bucket} answers")]
    findings.append(_versioning(_ask(lambda: client.get_bucket_versioning(Bucket=bucket))))
    findings.append(_public_access(_ask(lambda: client.get_public_access_block(Bucket=bucket))))
    findings.append(_object_lock(_ask(lambda: client.get_object_lock_configuration(Bucket=bucket))))
    refused_rewrite: bool | None = None  # did a conditional put of an existing key get 412?
    for prefix in ALL_PREFIXES:
        key = f"{store.prefix}/{prefix}/{MARKER}" if store.prefix else f"{prefix}/{MARKER}"
        try:
            created = store.put_once(key, MARKER_BODY, "text/plain")
            if created and refused_rewrite is None:
                refused_rewrite = not store.put_once(key, MARKER_BODY, "text/plain")
        except StoreUnavailable as exc:
            findings.append(Finding(f"prefix {prefix}/", False, f"cannot write {key}: {exc}"))
            continue
        if not created:
            refused_rewrite = True
        state = "created" if created else "present"
        findings.append(Finding(f"prefix {prefix}/", True, f"{state} and writable ({key})"))
    if refused_rewrite is not None:
        findings.append(_conditional_writes(refused_rewrite))
    return findings


def check_directory(root: Path | None) -> list[Finding]:
    """The directory backend: `store_dir` set, and every segment directory creatable and writable."""
    if root is None:
        return [
            Finding(
                "store_dir",
                False,
                "no store configured (published bytes go inline only): set store_dir or store.backend: s3",
            )
        ]
    findings = []
    for prefix in ALL_PREFIXES:
        directory = root / (prefix if prefix != "derivations" else "derived")
        try:
            directory.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=directory, prefix=".tmp-check-"):
                pass
        except OSError as exc:
            detail = (
                f"{directory} is not writable ({exc.__class__.__name__}): fix the volume or its permissions"
            )
            findings.append(Finding(f"prefix {prefix}/", False, detail))
        else:
            findings.append(Finding(f"prefix {prefix}/", True, f"{directory} writable"))
    if os.access(root, os.W_OK | os.X_OK):
        findings.insert(0, Finding("store_dir", True, f"{root} is a writable directory"))
    return findings


def _ask(call: Callable[[], Any]) -> Any:
    """The response, or a short value-free description of why there is none."""
    try:
        return call()
    except ClientError as exc:
        return str(exc.response.get("Error", {}).get("Code", "error"))
    except (BotoCoreError, OSError) as exc:
        return exc.__class__.__name__


def _conditional_writes(refused_rewrite: bool) -> Finding:
    # A store that ignores If-None-Match would let two instances both win a derivation: outputs could differ.
    if refused_rewrite:
        return Finding(
            "conditional writes", True, "If-None-Match honoured (an existing key was not rewritten)"
        )
    return Finding(
        "conditional writes",
        False,
        "the store ignores If-None-Match: objects could be overwritten and two instances could both win a "
        "derivation; use a store (or version) that supports conditional writes",
    )


def _versioning(response: Any) -> Finding:
    if isinstance(response, str):
        return Finding("versioning", False, f"cannot be read ({response})")
    status = response.get("Status", "never enabled")
    if status == "Enabled":
        return Finding("versioning", True, "Enabled")
    return Finding(
        "versioning", False, f"{status}: enable it (aws s3api put-bucket-versioning, Status=Enabled)"
    )


def _public_access(response: Any) -> Finding:
    if isinstance(response, str):
        return Finding("public access", False, f"no public access block ({response}): block all four")
    config = response.get("PublicAccessBlockConfiguration", {})
    open_flags = [flag for flag in _PUBLIC_ACCESS_FLAGS if not config.get(flag)]
    if open_flags:
        return Finding("public access", False, f"not blocked: {', '.join(open_flags)} must be true")
    return Finding("public access", True, "all public access blocked")


def _object_lock(response: Any) -> Finding:
    # Reported, not required: retention is an operator's choice (README "Storage"), write-once is the gate's.
    if isinstance(response, str):
        return Finding("object lock", True, f"not configured ({response}); optional, see README Storage")
    rule = response.get("ObjectLockConfiguration", {}).get("Rule", {}).get("DefaultRetention", {})
    mode, days = rule.get("Mode", "none"), rule.get("Days") or rule.get("Years")
    return Finding("object lock", True, f"enabled, default retention {mode} {days or ''}".strip())
