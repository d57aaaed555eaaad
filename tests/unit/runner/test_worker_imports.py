"""A pool worker imports the runner's record module; the scanner (1.5-2 s of CPU to import) must come
only with a processor that scans. This guards the start-up of every worker and the runner tests' time."""

from __future__ import annotations

import subprocess
import sys


def test_the_record_and_pool_modules_do_not_import_the_scanner() -> None:
    code = (
        "import sys, gate.core.record, gate.runner.pool; "
        "print(sorted(m for m in sys.modules if m.startswith('gate.scanning')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
