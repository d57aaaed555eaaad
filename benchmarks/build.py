"""Which build of the gate a benchmark measures, and how a benchmark's child process imports the same one.

`make bench` and `make bench-quick` measure the build that ships: the wheel with the mypyc-compiled
modules (hatch_build.py), installed in `.venv-bench`. Run from the repository root, `python -m` would put
the source tree first on sys.path and its pure `gate` would shadow the installed one, so the Makefile
starts the benchmarks with `python -P` (no source tree in front) and appends the root at the end, where
only `benchmarks` is found. `--build compiled` then checks that the compiled modules were imported and
stops the run if they were not; every report states the build it measured.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BUILDS = ("compiled", "pure", "any")
# A module of every compiled package (build_tools/mypyc_build.py's COMPILED_PACKAGES): compiled, it is
# an extension module (.so), pure a .py file.
PROBES = ("gate.scanning.walk", "gate.scanning.detectors.base")


def gate_build() -> dict[str, Any]:
    """{"kind": "compiled" | "pure", "modules": {probe: file}, "package": where `gate` was imported from}."""
    files = {name: str(importlib.import_module(name).__file__) for name in PROBES}
    compiled = [name for name, file in files.items() if file.endswith((".so", ".pyd"))]
    kind = "pure" if not compiled else "compiled" if len(compiled) == len(files) else "mixed"
    gate = importlib.import_module("gate")
    return {"kind": kind, "modules": files, "package": str(Path(str(gate.__file__)).parent)}


def require_build(wanted: str) -> dict[str, Any]:
    """The imported build; SystemExit when `wanted` ("compiled" or "pure"; "any" accepts either) differs."""
    build = gate_build()
    if wanted != "any" and build["kind"] != wanted:
        raise SystemExit(
            f"asked to measure the {wanted} build of gate, but imported the {build['kind']} one from "
            f"{build['package']} ({build['modules']}). Run `make bench-quick` (compiled, .venv-bench) or "
            "`make bench-quick BUILD=pure`; started by hand, use `python -P` so the source tree does not "
            "shadow the installed package."
        )
    return build


def module_command(module: str, *args: str) -> list[str]:
    """The command that runs `python -m module args` with the build of `gate` this process imported:
    with -P the source tree is not put first; the root is appended, after the installed packages."""
    launcher = (
        "import runpy, sys; "
        f"sys.path.append({str(ROOT)!r}); "
        f"sys.argv[0] = {module!r}; "
        f"runpy.run_module({module!r}, run_name='__main__', alter_sys=True)"
    )
    return [sys.executable, "-P", "-c", launcher, *args]


if __name__ == "__main__":
    # `python -m benchmarks.build`: which build of gate this interpreter imports, and its children: spawned,
    # and forked from a forkserver that preloaded gate's modules, as the gate's pool has one do (the probes:
    # the pool's preload imports them too, and the whole worker would take longer than the test's bound).
    import json
    import multiprocessing

    with multiprocessing.get_context("spawn").Pool(1) as pool:
        child = pool.apply(gate_build)
    forkserver = multiprocessing.get_context("forkserver")
    forkserver.set_forkserver_preload(list(PROBES))
    with forkserver.Pool(1) as pool:
        forked = pool.apply(gate_build)
    print(json.dumps({"process": gate_build(), "spawned": child, "forkserver": forked}))
