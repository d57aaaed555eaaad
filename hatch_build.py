"""The wheel's build hook: compile the gate's hot packages with mypyc (build_tools/mypyc_build.py).

A regular wheel (`pip wheel .`, `pip install .`) carries the extension modules next to the `.py` files
(Python imports the extension module first; the sources stay for tracebacks and reading) and is tagged
for this interpreter and platform. Pure Python instead:
- the editable install (`pip install -e .`, `make venv`): the source tree is what runs, so an edit takes
  effect at once; nothing is compiled and nothing is written into the tree;
- `GATE_BUILD_PURE=1`: a pure, platform-independent wheel, for a machine without a C compiler.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def _mypyc_build() -> Any:
    """build_tools/mypyc_build.py, loaded by path (the build backend does not put the project on sys.path)."""
    path = Path(__file__).resolve().parent / "build_tools" / "mypyc_build.py"
    spec = importlib.util.spec_from_file_location("gate_mypyc_build", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


class MypycBuildHook(BuildHookInterface[Any]):
    """Compiles for the standard wheel; leaves editable and GATE_BUILD_PURE builds pure."""

    def dependencies(self) -> list[str]:
        """mypy (mypyc), setuptools and the project's own dependencies (mypyc reads their types)."""
        build = _mypyc_build()
        if build.pure_requested():
            return []
        return [*build.BUILD_REQUIREMENTS, *self.metadata.core.dependencies]

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Compile into a scratch directory and add the extension modules to the wheel."""
        build = _mypyc_build()
        if self.target_name != "wheel" or version == "editable" or build.pure_requested():
            return
        out = Path(tempfile.mkdtemp(prefix="gate-wheel-ext-"))
        self._scratch = out  # removed in `finalize`, once the wheel holds its copies
        for relative in build.compile_into(Path(self.root), out):
            build_data["force_include"][str(out / relative)] = relative.as_posix()
        build_data["pure_python"] = False
        build_data["infer_tag"] = True

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        """Remove the scratch directory of `initialize`."""
        scratch = getattr(self, "_scratch", None)
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
