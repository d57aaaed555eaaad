"""Real headless Chromium (Debian's `chromium`) for tests of HTML the gate writes.

Installed with apt-get when missing (CI runs as root on a fresh machine); a test that needs it fails
when it cannot be had, it never skips.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from tests.debian_tools import apt_lock

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run")


def chromium() -> str:
    """The path of the chromium binary, installing the Debian package when it is missing."""
    with apt_lock():
        found = shutil.which("chromium")
        if found:
            return found
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        for command in (["apt-get", "update"], ["apt-get", "install", "-y", "chromium"]):
            done = subprocess.run(command, env=env, capture_output=True, text=True, check=False, timeout=900)
            assert done.returncode == 0, f"{' '.join(command)} failed: {done.stderr[-2000:]}"
        found = shutil.which("chromium")
        assert found, "apt-get installed chromium but it is not on PATH"
        return found


def screenshot(page: Path, out: Path, size: tuple[int, int] = (900, 2600)) -> None:
    """Render `page` and save a PNG of it."""
    done = subprocess.run(
        [chromium(), *FLAGS, f"--window-size={size[0]},{size[1]}", f"--screenshot={out}", page.as_uri()],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0 and out.exists(), done.stderr[-2000:]


def rendered_dom(page: Path) -> str:
    """The DOM after the page loaded (and any script ran), as Chromium serialises it."""
    done = subprocess.run(
        [chromium(), *FLAGS, "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout
