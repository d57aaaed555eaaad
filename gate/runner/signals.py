"""The runner's signal handlers: SIGTERM and SIGINT stop the gate, SIGHUP reloads its configuration."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from types import FrameType


def install_signal_handlers(stop: Callable[[], None], reload: Callable[[], None]) -> Callable[[], None]:
    """SIGHUP calls `reload`, SIGTERM and SIGINT `stop` (main thread only); returns what restores the old."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None

    def handler(signum: int, _frame: FrameType | None) -> None:
        (reload if signum == signal.SIGHUP else stop)()

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)}

    def restore() -> None:
        for sig, old in previous.items():
            signal.signal(sig, old)

    return restore
