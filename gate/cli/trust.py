"""`gate trust show|verify|update FILE`: the C2PA Trust List and TSA trust list the gate uses."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import Any

from gate.errors import ConfigError
from gate.provenance.trust import LIST_KINDS, TrustList, read_lists, vendored_lists_dir, write_list
from gate.settings import load_settings

EXIT_STALE = 1
_CLOCK_SKEW = dt.timedelta(days=1)  # a date written in another time zone than this machine's


def register(sub: Any) -> None:
    """Add the `trust` command group."""
    trust = sub.add_parser("trust", help="show, verify or update the C2PA trust lists")
    trust_sub = trust.add_subparsers(dest="trust_command", required=True)
    show = trust_sub.add_parser("show", help="which lists are in use, their sha256, issue date and age")
    verify = trust_sub.add_parser(
        "verify",
        help="check each list against its recorded sha256 and its age",
        description=f"Exit status: 0 fine, {EXIT_STALE} a list is older than trust.max_list_age_days "
        "or past its announced update, 2 a list is missing, altered or not a PEM bundle of CA certificates.",
    )
    update = trust_sub.add_parser(
        "update",
        help="install a newly downloaded list (PEM bundle) into trust.lists_dir",
        description="Copies FILE into DIR (trust.lists_dir) and records its sha256 and issue date in "
        "DIR/lists.json; the first time, DIR is seeded with the lists shipped with the gate. Point "
        "trust.lists_dir (GATE_TRUST__LISTS_DIR) at DIR, then restart the gate.",
    )
    update.add_argument(
        "file", type=Path, metavar="FILE", help="C2PA-TRUST-LIST.pem or C2PA-TSA-TRUST-LIST.pem"
    )
    update.add_argument("--kind", choices=LIST_KINDS, help="which list FILE is (default: from its name)")
    update.add_argument("--issued", help="the list's issue date, ISO 8601 (default: now)")
    update.add_argument("--source", default="", help="where FILE was downloaded from (recorded)")
    for parser in (show, verify, update):
        parser.add_argument("--config", type=Path, metavar="gate.yaml", help="settings file")
        parser.add_argument("--lists-dir", type=Path, metavar="DIR", help="overrides trust.lists_dir")
        parser.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(handler=_show)
    verify.set_defaults(handler=_verify)
    update.set_defaults(handler=_update)


def _directory(args: argparse.Namespace) -> tuple[Path | None, int]:
    settings = load_settings(args.config)
    return args.lists_dir or settings.trust.lists_dir, settings.trust.max_list_age_days


def _describe(item: TrustList, now: dt.datetime, max_age_days: int) -> dict[str, Any]:
    return {
        "kind": item.kind,
        "name": item.name,
        "certificates": len(item.anchors.fingerprints),
        "sha256": item.sha256,
        "issued": item.issued.isoformat(),
        "age_days": item.age(now).days,
        "next_update": item.next_update.isoformat() if item.next_update else None,
        "stale": item.is_stale(now, dt.timedelta(days=max_age_days)),
        "source": item.source,
    }


def _print(rows: list[dict[str, Any]], directory: Path | None, as_json: bool) -> None:
    where = str(directory or vendored_lists_dir())
    if as_json:
        print(json.dumps({"lists_dir": where, "lists": rows}, indent=2))
        return
    print(f"trust lists in {where}" + ("" if directory else " (shipped with the gate)"))
    for row in rows:
        state = "STALE" if row["stale"] else "ok"
        print(
            f"  {row['kind']:<5} {row['name']}: {row['certificates']} certificates, sha256 {row['sha256']}, "
            f"issued {row['issued']} ({row['age_days']} days ago) {state}"
        )


def _show(args: argparse.Namespace) -> int:
    directory, max_age = _directory(args)
    now = dt.datetime.now(dt.UTC)
    _print([_describe(item, now, max_age) for item in read_lists(directory).values()], directory, args.json)
    return 0


def _verify(args: argparse.Namespace) -> int:
    directory, max_age = _directory(args)
    now = dt.datetime.now(dt.UTC)
    rows = [_describe(item, now, max_age) for item in read_lists(directory).values()]
    _print(rows, directory, args.json)
    if any(row["stale"] for row in rows):
        if not args.json:
            print(
                "a list is stale: download the current one and run `gate trust update FILE --lists-dir DIR`"
            )
        return EXIT_STALE
    return 0


def _update(args: argparse.Namespace) -> int:
    directory, max_age = _directory(args)
    if directory is None:
        raise ConfigError(
            "gate trust update needs a directory to write to: pass --lists-dir DIR or set trust.lists_dir "
            "(the shipped copy is never changed in place)"
        )
    kind = args.kind or ("tsa" if "TSA" in args.file.name.upper() else "c2pa")
    try:
        pem = args.file.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read {args.file}: {exc.strerror}; pass the downloaded PEM file") from None
    issued = dt.datetime.now(dt.UTC)
    if args.issued:
        try:
            issued = dt.datetime.fromisoformat(args.issued.replace("Z", "+00:00"))
        except ValueError:
            raise ConfigError("--issued must be an ISO 8601 date, e.g. 2026-08-05T00:11:39Z") from None
        issued = issued if issued.tzinfo else issued.replace(tzinfo=dt.UTC)
        # A list dated after today would read as fresh for as long as that date is ahead (never stale).
        if issued > dt.datetime.now(dt.UTC) + _CLOCK_SKEW:
            raise ConfigError(
                f"--issued {args.issued} is in the future; give the date the list was published "
                "(its download page or file says it), or leave --issued out for now"
            )
    item = write_list(directory, kind, pem, issued=issued, source=args.source)
    _print([_describe(item, dt.datetime.now(dt.UTC), max_age)], directory, args.json)
    if not args.json:
        print(f"next: set trust.lists_dir={directory} (GATE_TRUST__LISTS_DIR) and restart the gate")
    return 0
