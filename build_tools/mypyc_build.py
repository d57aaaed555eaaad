"""Compile the gate's hot packages with mypyc, outside the source tree.

One function, `compile_into`, serves the wheel build (`hatch_build.py`, the hatchling hook behind
`pip wheel .` and `pip install .`) and the test that compares the compiled build with the pure one
(`tests/integration/test_compiled_build.py`). It copies the sources into a scratch directory, runs mypyc
and gcc there and copies only the extension modules out: no `.so` ever lands next to the edited source,
where it would shadow every later edit (Python imports an extension module before a `.py` of the same
name). Needs mypy (mypyc ships with it), setuptools and a C compiler.

    python build_tools/mypyc_build.py OUT_DIR   # the extension modules, laid out as in the package
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# The packages compiled to C. gate/scanning is the parameter scanner (1.6-2x faster compiled); the
# rest of the decision core spends its time in c2pa-rs, hashing and Pillow, which compiling does not
# reach (README "Performance", mypyc). Every module here must pass `mypy --strict` (mypyc refuses what
# it cannot type) and keep mypyc's rules: no class attributes on dict subclasses, imported constants
# used as class attribute defaults declared `Final`.
COMPILED_PACKAGES = ("gate/scanning",)
# Set to a non-empty value other than "0" to build a pure-Python wheel (no C compiler needed).
PURE_SWITCH = "GATE_BUILD_PURE"
# gcc's optimisation level for the C that mypyc writes: "3" (unset) for the wheel that ships. The test that
# compares the compiled build with the pure one sets "1": gcc is most of the build's CPU (measured at load
# 15-22 on two cores: mypy 18-24 s, gcc 183 s at -O3 and 114 s at -O1), and mypyc's semantics, which that
# test guards, are fixed in the C it writes, not in how gcc optimises it. "0" is refused: mypyc then also
# turns the C runtime's assertions on (-UNDEBUG), which is another build than the one that ships.
OPT_SWITCH = "GATE_MYPYC_OPT_LEVEL"
OPT_LEVELS = ("1", "2", "3")
# What the build needs besides the project's own dependencies (mypyc reads their types).
BUILD_REQUIREMENTS = ("mypy>=1.11", "setuptools>=65")

# The build step, run by a fresh interpreter in the scratch directory. distutils compiles the C files
# of one extension one after another; mypyc's `multi_file` output is one C file per module, compiled
# here `jobs` at a time (the compiler runs in child processes, so threads suffice).
_DRIVER = r"""
import sys
from concurrent.futures import ThreadPoolExecutor

import setuptools  # noqa: F401 - before distutils: setuptools' own copy of it
from distutils import ccompiler
from mypyc.build import mypycify

jobs, opt_level = int(sys.argv[1]), sys.argv[2]
# The compiled modules are checked as strictly as `make typecheck` does (pyproject.toml's [tool.mypy]);
# the modules they import only lend their types (the build environment has no stub packages, and
# gate/__init__.py names the whole package for type checkers).
paths = ["--follow-imports=silent", *sys.argv[3:]]


def compile_in_parallel(self, sources, output_dir=None, macros=None, include_dirs=None, debug=0,
                        extra_preargs=None, extra_postargs=None, depends=None):
    macros, objects, extra_postargs, pp_opts, build = self._setup_compile(
        output_dir, macros, include_dirs, sources, depends, extra_postargs)
    cc_args = self._get_cc_args(pp_opts, debug, extra_preargs)

    def one(obj):
        src, ext = build[obj]
        self._compile(obj, src, ext, cc_args, extra_postargs, pp_opts)

    with ThreadPoolExecutor(jobs) as pool:
        list(pool.map(one, objects))
    return objects


ccompiler.CCompiler.compile = compile_in_parallel
setuptools.setup(
    name="gate-compiled",
    ext_modules=mypycify(paths, opt_level=opt_level, multi_file=True),
    script_args=["build_ext", "--inplace", "--parallel", str(jobs)],
)
"""


def pure_requested() -> bool:
    """True when the environment asks for a pure-Python build."""
    return os.environ.get(PURE_SWITCH, "") not in ("", "0")


def opt_level() -> str:
    """gcc's -O level the environment asks for (`OPT_SWITCH`), "3" when unset; ValueError when not one
    of `OPT_LEVELS`."""
    level = os.environ.get(OPT_SWITCH, "") or "3"
    if level not in OPT_LEVELS:
        raise ValueError(f"{OPT_SWITCH}={level!r}: use one of {', '.join(OPT_LEVELS)} (3 is what ships)")
    return level


def compiled_sources(root: Path) -> list[Path]:
    """The modules compiled to C, relative to the project root, sorted."""
    found: list[Path] = []
    for package in COMPILED_PACKAGES:
        found.extend(p.relative_to(root) for p in (root / package).rglob("*.py"))
    return sorted(found)


def source_hash(root: Path, level: str | None = None) -> str:
    """A hash of everything the compiled modules are made from: their sources, the mypy settings, this
    file, the mypy (mypyc) version and gcc's -O level (`level`, else `opt_level()`). Equal hashes, equal
    extension modules."""
    import mypy.version  # noqa: PLC0415 - a build requirement, not a runtime one

    digest = hashlib.sha256()
    digest.update(mypy.version.__version__.encode())
    digest.update(f"-O{level or opt_level()}".encode())
    digest.update(sys.version.encode())
    for path in [*compiled_sources(root), Path("pyproject.toml"), Path(__file__).resolve().relative_to(root)]:
        digest.update(str(path).encode() + b"\0" + (root / path).read_bytes() + b"\0")
    return digest.hexdigest()[:20]


def compile_into(root: Path, out: Path, jobs: int | None = None) -> list[Path]:
    """Compile `COMPILED_PACKAGES` of the project at `root`; write the extension modules (one per
    module, plus mypyc's shared library) under `out`, laid out as in the package. Returns their paths
    relative to `out`, compiled at gcc's `opt_level()`. Raises CalledProcessError (with mypy's or gcc's
    messages on stderr) on failure."""
    jobs = jobs or os.cpu_count() or 1
    level = opt_level()
    with tempfile.TemporaryDirectory(prefix="gate-mypyc-") as scratch:
        work = Path(scratch)
        # The whole package (mypy follows imports out of the compiled packages) and the mypy settings.
        shutil.copytree(root / "gate", work / "gate", ignore=shutil.ignore_patterns("__pycache__", "*.so"))
        shutil.copy2(root / "pyproject.toml", work / "pyproject.toml")
        paths = [str(p) for p in compiled_sources(root)]
        subprocess.run([sys.executable, "-c", _DRIVER, str(jobs), level, *paths], cwd=work, check=True)
        built = sorted(p.relative_to(work) for p in work.glob("**/*.so") if "build" not in p.parts)
        for relative in built:
            (out / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(work / relative, out / relative)
    return built


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python build_tools/mypyc_build.py OUT_DIR")
    for path in compile_into(Path(__file__).resolve().parent.parent, Path(sys.argv[1])):
        print(path)
