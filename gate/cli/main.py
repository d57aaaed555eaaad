"""`gate`: the command line. Parses arguments, loads configuration once, and calls the core or the runner.

Exit status: 0 approved (or success), 3 quarantined, 4 rejected, 2 usage or configuration error,
1 an unexpected failure. Every error message says what was wrong and what to do.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from gate.errors import ConfigError, GateError

EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """argparse that prints one line and a hint, then exits with status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"gate: error: {message}\n(run '{self.prog} --help' for usage)\n")


def build_parser() -> argparse.ArgumentParser:
    """The full command tree."""
    # Imported here so `gate --help` does not load c2pa and Kafka.
    from gate.cli import (  # noqa: PLC0415
        backfill,
        check,
        demo,
        incidents,
        inventory,
        keys,
        quarantine,
        replay,
        report,
        rescan,
        resume,
        run,
        serve,
        store,
        topics,
        trust,
    )

    parser = _Parser(prog="gate", description="A streaming policy gate for product images.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    check.register(sub)
    keys.register(sub)
    run.register(sub)
    serve.register(sub)
    demo.register(sub)
    topics.register(sub)
    trust.register(sub)
    resume.register(sub)
    quarantine.register(sub)
    replay.register(sub)
    inventory.register(sub)
    report.register(sub)
    store.register(sub)
    rescan.register(sub)
    incidents.register(sub)
    backfill.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `gate` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.handler(args)
    except ConfigError as exc:
        print(f"gate: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except GateError as exc:
        print(f"gate: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return status


if __name__ == "__main__":
    sys.exit(main())
