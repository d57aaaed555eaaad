"""What the instruction-counting tools share: a script that runs itself under callgrind with
instrumentation off and switches it on around the work it counts (`scanner_instructions.py`,
`core_instructions.py`, `pattern_instructions.py`)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

_TOTALS = re.compile(r"^totals:\s+(\d+)", re.MULTILINE)


def missing() -> str | None:
    """Why callgrind cannot run here, or None."""
    if shutil.which("valgrind") is None or shutil.which("callgrind_control") is None:
        return "valgrind is not installed: apt-get install valgrind"
    return None


def instrument(on: bool, dump: bool = False) -> None:
    """Inside valgrind: switch this process's instrumentation on or off (and write a dump after it)."""
    pid = str(os.getpid())
    subprocess.run(["callgrind_control", "-i", "on" if on else "off", pid], check=True, capture_output=True)
    if dump:
        subprocess.run(["callgrind_control", "--dump", pid], check=True, capture_output=True)


def run_self(script: str, args: list[str], out: Path) -> subprocess.CompletedProcess[str]:
    """Run `script` with `args` under callgrind, instrumentation off at the start, into `out`, with the
    interpreter's flags kept (`-P`) and PYTHONHASHSEED fixed at 0."""
    command = [
        "valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={out}",
        sys.executable, *(["-P"] if sys.flags.safe_path else []), script, *args,
    ]  # fmt: skip
    env = dict(os.environ, PYTHONHASHSEED="0")
    return subprocess.run(command, env=env, capture_output=True, text=True, check=False)


def totals(path: Path) -> int | None:
    """The instructions a callgrind file counted, or None when it holds no count."""
    found = _TOTALS.search(path.read_text()) if path.exists() else None
    return int(found.group(1)) if found else None
