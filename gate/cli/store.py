"""`gate store check`: is the configured store fit for published images? Exit 0 if so, 1 with the reasons."""

from __future__ import annotations

import argparse
from typing import Any

from gate.cli.run import add_common_options, settings_from_args


def register(sub: Any) -> None:
    """Add the `store` command group."""
    store = sub.add_parser("store", help="the store for published images")
    store_sub = store.add_subparsers(dest="store_command", required=True)
    check = store_sub.add_parser(
        "check",
        help="check the bucket (reachable, versioning on, public access blocked, prefixes writable) "
        "or the store directory; exit 0 when fit, 1 with the reasons",
    )
    add_common_options(check)
    check.set_defaults(handler=_check)


def _check(args: argparse.Namespace) -> int:
    from gate.storage.fitness import check_bucket, check_directory  # noqa: PLC0415 - boto3 only here
    from gate.storage.s3 import S3Store  # noqa: PLC0415

    settings = settings_from_args(args)
    if settings.store.backend == "s3":
        store = S3Store(settings.store.s3)
        print(f"store: s3://{store.bucket}/{store.prefix}")
        findings = check_bucket(store)
    else:
        print(f"store: directory {settings.store_dir or '(none)'}")
        findings = check_directory(settings.store_dir)
    for finding in findings:
        print(f"{'ok  ' if finding.ok else 'FAIL'}  {finding.name}: {finding.detail}")
    failed = [f.name for f in findings if not f.ok]
    if failed:
        print(f"not fit: {', '.join(failed)}")
        return 1
    print("fit")
    return 0
