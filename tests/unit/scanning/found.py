"""What the scanner finds in one value, for the truth tables of the scanning tests."""

from __future__ import annotations

from gate.scanning import scan_parameters


def entities(value: object, key: str = "prompt") -> set[str]:
    """The entity types `scan_parameters` finds in `{key: value}`."""
    return {f.entity for f in scan_parameters({key: value})}
