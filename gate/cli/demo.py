"""`gate demo`: the whole gate on an embedded broker with a realistic sample set, shown live."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(sub: Any) -> None:
    """Add the `demo` command."""
    parser = sub.add_parser(
        "demo",
        help="run the gate on an embedded broker with sample images and show the result live",
        description="Starts the embedded Kafka-compatible broker (Tansu), makes a dev PKI, produces a "
        "realistic sample set, runs `gate run` against it and shows verdicts and reasons as they arrive.",
    )
    parser.add_argument("--dir", type=Path, default=Path(".demo"), help="working directory (default .demo)")
    parser.add_argument("--rounds", type=int, default=10, help="how many times to send the sample set")
    parser.add_argument("--workers", type=int, default=2, help="gate worker processes")
    parser.add_argument("--timeout", type=float, default=180.0, help="seconds to wait for all decisions")
    parser.add_argument("--http-port", type=int, default=9108, help="port of /metrics (0: any free port)")
    parser.set_defaults(handler=_demo)


def _demo(args: argparse.Namespace) -> int:
    from gate.demo.session import DemoOptions, run_demo  # noqa: PLC0415 - heavy imports only when used
    from gate.errors import ConfigError  # noqa: PLC0415

    if args.rounds < 1 or args.workers < 0:
        raise ConfigError("--rounds must be at least 1 and --workers at least 0")
    if not args.timeout > 0:
        raise ConfigError("--timeout must be above 0 seconds (it bounds the wait for all decisions)")
    try:
        args.dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(
            f"cannot use --dir {args.dir}: {exc.strerror}; choose a folder you can write"
        ) from None
    return run_demo(
        DemoOptions(
            directory=args.dir,
            rounds=args.rounds,
            workers=args.workers,
            timeout_s=args.timeout,
            http_port=args.http_port,
        )
    )
