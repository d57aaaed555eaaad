"""The one place that knows c2pa-python's settings shapes and error conventions.

Everything here was measured against c2pa-python 0.38.1 (c2pa-rs 0.91.3); see the tests for the evidence.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import c2pa

from gate.errors import ProvenanceError

# No network, ever: the gate verifies untrusted uploads, and a manifest can point at a URL (remote manifest,
# OCSP responder, did:web). remote_manifest_fetch defaults to true in c2pa-rs; an empty allow-list blocks
# every request the SDK's HTTP resolver would make, as a second wall behind the two switches.
OFFLINE_SETTINGS: Mapping[str, Any] = {
    "verify": {"remote_manifest_fetch": False, "ocsp_fetch": False},
    "core": {"allowed_network_hosts": []},
}


def error_kind(exc: BaseException) -> str:
    """The c2pa error kind ("NotSupported", "Decoding", "Remote", ...) of a C2paError.

    Native errors read "Kind: detail". Not every kind has a typed subclass (a remote manifest raises the base
    class with "Remote: ..."), so the message prefix is the reliable key; the class name is the fallback.
    """
    head, sep, _ = str(exc).partition(":")
    if sep and head.isidentifier():
        return head
    return type(exc).__name__.removeprefix("_C2pa") or "C2paError"


def settings_for(*parts: Mapping[str, Any]) -> dict[str, Any]:
    """Deep-merge settings dicts; later parts win."""
    merged: dict[str, Any] = {}
    for part in parts:
        _merge_into(merged, part)
    return merged


def _merge_into(target: dict[str, Any], part: Mapping[str, Any]) -> None:
    for key, value in part.items():
        if isinstance(value, Mapping) and isinstance(target.get(key), dict):
            _merge_into(target[key], value)
        elif isinstance(value, Mapping):
            target[key] = {}
            _merge_into(target[key], value)
        else:
            target[key] = value


def make_context(settings: Mapping[str, Any], *, purpose: str) -> c2pa.Context:
    """A reusable (thread-safe) c2pa Context; an SDK refusal becomes ProvenanceError naming `purpose`."""
    try:
        return c2pa.Context.from_json(json.dumps(settings))
    except c2pa.C2paError as exc:
        raise ProvenanceError(f"creating the C2PA context for {purpose} failed ({error_kind(exc)})") from None
