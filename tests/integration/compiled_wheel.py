"""The compiled wheel that test_compiled_build.py compares with the pure build: built the way it ships
(`pip wheel .` through hatch_build.py, here without build isolation so the venv's mypy, setuptools and
hatchling serve, and with gcc -O1 for -O3: see `OPT_LEVEL`) and unpacked under
`.cache/compiled/<hash of its sources>`, so a second run with the same sources reuses it.

The build (mypy, then gcc on two cores: 108 s of the last CI's wall, the suite's longest setup) is started
in the background when the test is collected (conftest.py's `pytest_collection_finish`, one worker), so it
runs in the time the integration tests spend waiting on the broker and their `gate` processes, and the test
only waits for what is left. It runs at the workers' priority: niced, it would get next to no CPU on a
shared machine (load 20 here while this was written) while its test waits for it. `build` takes an
exclusive lock: whoever comes second waits for the first build and reuses it; if that one failed, it builds
again itself, so a failure shows in the test with the compiler's messages. A fresh clone builds every time:
nothing is skipped.

    python tests/integration/compiled_wheel.py   # build (or reuse) and print the site directory
"""

from __future__ import annotations

import fcntl
import importlib.util
import os
import shutil
import signal
import subprocess
import sys
import zipfile
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".cache" / "compiled"
# Outside CACHE, which a build of other sources empties: a lock file removed while held locks nothing.
LOCK = ROOT / ".cache" / "compiled.lock"
LOG = ROOT / ".cache" / "compiled-build.log"
# gcc -O1 instead of the shipped -O3 (build_tools/mypyc_build.py's OPT_SWITCH says why the comparison proves
# the same): 114 instead of 183 CPU seconds of gcc, about 35 s of the suite's wall time on two cores. What it
# gives up: a gcc -O3 miscompilation of mypyc's C would not show here (the benchmarks run the -O3 wheel).
OPT_LEVEL = "1"


def mypyc_build() -> ModuleType:
    """build_tools/mypyc_build.py, loaded by path (as hatch_build.py loads it)."""
    spec = importlib.util.spec_from_file_location("gate_mypyc_build", ROOT / "build_tools" / "mypyc_build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build() -> Path:
    """The directory holding the unpacked compiled wheel of the current sources (put it first on PYTHONPATH
    to import it): built here, or by the build that held the lock before. Raises CalledProcessError (pip's
    output on stderr) when the wheel does not build."""
    tool = mypyc_build()
    here = CACHE / tool.source_hash(ROOT, OPT_LEVEL)
    LOCK.parent.mkdir(parents=True, exist_ok=True)
    with LOCK.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # a build under way: wait for it, then reuse what it finished
        if not (here / "complete").exists():
            shutil.rmtree(CACHE, ignore_errors=True)  # older sources' builds and a failed one's leftovers
            wheels = here / "wheel"
            env = {k: v for k, v in os.environ.items() if k != tool.PURE_SWITCH}
            env[tool.OPT_SWITCH] = OPT_LEVEL
            subprocess.run(
                [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                 "-w", str(wheels), str(ROOT)],
                check=True, env=env,
            )  # fmt: skip
            (wheel,) = wheels.glob("gate-*.whl")
            assert not wheel.name.endswith("-none-any.whl"), f"{wheel.name} is a pure wheel"
            with zipfile.ZipFile(wheel) as archive:
                archive.extractall(here / "site")
            (here / "complete").touch()
    return here / "site"


def start_in_background() -> subprocess.Popen[bytes]:
    """`build` in a child process of its own session, its output in `LOG`; stop it with `stop` if it still
    runs when the session ends."""
    LOG.parent.mkdir(parents=True, exist_ok=True)
    with LOG.open("wb") as sink:
        return subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve())],
            stdout=sink,
            stderr=sink,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )


def stop(process: subprocess.Popen[bytes]) -> None:
    """Kill a background build that still runs (with pip's and gcc's processes) and reap it."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


if __name__ == "__main__":
    print(build())
