"""Debian tools the tests need (Prometheus, promtool): installed with apt-get when missing, never skipped.

CI runs `make test` as root on a fresh machine; the Makefile installs them first, and this is the same step
for a test run started directly with pytest. A test that needs a tool FAILS when it cannot be had.
"""

from __future__ import annotations

import shutil
import subprocess
import threading

_LOCK = threading.Lock()
PACKAGE_OF = {"promtool": "prometheus", "prometheus": "prometheus"}


def require_tool(name: str) -> str:
    """The path of `name`, installing its Debian package first when missing; AssertionError if impossible."""
    with _LOCK:
        found = shutil.which(name)
        if found is None:
            package = PACKAGE_OF[name]
            for command in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", package]):
                result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
                if result.returncode != 0:
                    raise AssertionError(
                        f"{name} is missing and `{' '.join(command)}` failed ({result.returncode}): "
                        f"{result.stderr.strip()[-500:]}; install Debian's `{package}` package"
                    )
            found = shutil.which(name)
        assert found is not None, f"{name} is still missing after installing Debian's {PACKAGE_OF[name]}"
        return found
