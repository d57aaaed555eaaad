"""`gate`: the command line. Parses arguments, loads configuration once, and calls the core or the runner.

Exit status: 0 approved (or success), 3 quarantined, 4 rejected, 2 usage or configuration error,
1 an unexpected failure, 130 interrupted (Ctrl-C), 141 its output was closed early (`| head`).
Every error message says what was wrong and what to do.
"""

from __future__ import annotations

import argparse
import os
import select
import sys
from collections.abc import Sequence

from gate.errors import ConfigError, GateError

EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports a command stopped by Ctrl-C
EXIT_OUTPUT_CLOSED = 141  # 128 + SIGPIPE, as a shell reports a command whose reader went away
_EXIT_STATUSES = (
    "exit status: 0 success (gate check: approved), 1 failure (message on stderr), 2 usage or "
    "configuration error, 3 quarantined (or the command's own 'not done' state, see its --help), "
    "4 rejected, 5 a .c2pa sidecar does not verify (gate check), 130 interrupted, "
    "141 the output was closed early (e.g. | head)"
)


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

    parser = _Parser(
        prog="gate", description="A streaming policy gate for product images.", epilog=_EXIT_STATUSES
    )
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
    try:
        # Building the parser imports every command (the scanner's tables among them: seconds on a loaded
        # machine), so a Ctrl-C there is as ordinary as one while a command runs.
        parser = build_parser()
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    args = parser.parse_args(argv)
    try:
        status: int = args.handler(args)
        sys.stdout.flush()  # a closed pipe shows here, not at exit as an "Exception ignored" message
    except BrokenPipeError:
        if not _stdout_closed():
            raise
        return EXIT_OUTPUT_CLOSED
    except ConfigError as exc:
        print(f"gate: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except GateError as exc:
        print(f"gate: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Exception as exc:
        refused = _kafka_settings_refused(exc)
        if refused is None:
            raise
        print(
            f"gate: the Kafka client refused the `kafka:` settings: {refused}; fix that key or value in "
            "--config or its GATE_KAFKA__ variable (librdkafka's CONFIGURATION.md lists them)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    return status


def _stdout_closed() -> bool:
    """True when stdout's reader went away (`gate ... | head -1`); stdout then points at /dev/null.

    Python would otherwise print a BrokenPipeError traceback, and again when it flushes at exit. A broken
    pipe of another kind (a socket) is not ours to hide: stdout is asked whether its reader is gone.
    """
    try:
        fd = sys.stdout.fileno()
        poller = select.poll()
        poller.register(fd, select.POLLOUT)
        gone = any(events & select.POLLERR for _, events in poller.poll(0))
    except (OSError, ValueError, AttributeError):  # no real stdout (tests, an embedding program)
        return False
    if gone:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fd)
        os.close(devnull)
    return gone


def _kafka_settings_refused(exc: Exception) -> str | None:
    """librdkafka's own words when it refused a setting (an unknown key, a bad value) as a client was made.

    The `kafka:` passthrough reaches librdkafka unchecked, so a misspelt key surfaces only there, in
    whichever command makes the first client. Looked up lazily: `gate --help` does not load librdkafka.
    """
    kafka = sys.modules.get("confluent_kafka")
    if kafka is None or not isinstance(exc, kafka.KafkaException) or not exc.args:
        return None
    error = exc.args[0]
    if not isinstance(error, kafka.KafkaError) or error.code() != kafka.KafkaError._INVALID_ARG:
        return None
    return str(error.str())


if __name__ == "__main__":
    sys.exit(main())
