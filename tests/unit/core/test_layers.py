"""The README's layer diagram is the import-linter contract `make lint` checks, layer for layer."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _readme_layers() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("\ncli\n", 1)[1].split("```", 1)[0]
    layers = ["gate.cli"]
    for line in block.splitlines():
        found = re.match(r"\s*[├└]──▶ (\S+(?: \| \S+)*)", line)
        if found:
            layers.append(" | ".join(f"gate.{name}" for name in found.group(1).split(" | ")))
    return layers


def test_the_readme_diagram_lists_the_contract_layers_in_order() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contract = next(c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers")
    assert _readme_layers() == contract["layers"]


def test_every_package_and_top_level_module_of_gate_sits_in_a_layer() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contract = next(c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers")
    placed = {name.strip() for layer in contract["layers"] for name in layer.split("|")}
    gate = ROOT / "gate"
    present = {f"gate.{p.name}" for p in gate.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    present |= {f"gate.{p.stem}" for p in gate.glob("*.py") if p.stem != "__init__"}
    assert present == placed
