"""The public surface is exactly what __all__ says."""

from __future__ import annotations

import types

import gate.provenance as provenance


def test_all_names_exist_and_nothing_public_is_unlisted() -> None:
    public = {
        name
        for name, value in vars(provenance).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType)
    }
    assert public == set(provenance.__all__)
