"""Debian tools the tests need (Prometheus, promtool): installed with apt-get when missing, never skipped.

CI runs `make test` as root on a fresh machine; the Makefile installs them first, and this is the same step
for a test run started directly with pytest. A test that needs a tool FAILS when it cannot be had.
"""

from __future__ import annotations

import fcntl
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_LOCK = threading.Lock()
# pytest-xdist runs tests in two processes: two apt-get runs at once would fail on dpkg's lock.
_PROCESS_LOCK = Path(tempfile.gettempdir()) / "gate-tests-apt.lock"
PACKAGE_OF = {"promtool": "prometheus", "prometheus": "prometheus"}


@contextmanager
def apt_lock() -> Iterator[None]:
    """Held while a test looks for a Debian tool and installs it: one apt-get at a time across processes."""
    with _LOCK, _PROCESS_LOCK.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def require_tool(name: str) -> str:
    """The path of `name`, installing its Debian package first when missing; AssertionError if impossible."""
    with apt_lock():
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
