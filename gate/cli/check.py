"""`gate check`: evaluate one image or one ingest event exactly as the streaming gate would.

This module is the command's arguments only: every `gate` command's parser is built at start, and the
evaluation (`gate.cli.check_run`: the scanner's tables, c2pa, Pillow) costs seconds of imports that
`gate --help` and the other commands must not pay.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(sub: Any) -> None:
    """Add the `check` command."""
    parser = sub.add_parser(
        "check",
        help="evaluate one image or event and print the decision",
        description="Exit status: 0 approved, 3 quarantined, 4 rejected, 5 the .c2pa sidecar does not verify "
        "IMAGE, 2 usage or configuration error.",
    )
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("image", nargs="?", type=Path, metavar="IMAGE", help="image file to evaluate")
    target.add_argument("--event", type=Path, metavar="EVENT.json", help="ingest event to evaluate instead")
    parser.add_argument("--params", type=Path, metavar="PARAMS.json", help="generation parameters (JSON)")
    declared = parser.add_mutually_exclusive_group()
    declared.add_argument(
        "--synthetic", dest="synthetic", action="store_const", const=True, help="declare AI-made"
    )
    declared.add_argument("--not-synthetic", dest="synthetic", action="store_const", const=False)
    parser.add_argument("--media-type", help="declared media type (checked against the bytes)")
    parser.add_argument("--policy", type=Path, metavar="POLICY.yaml", help="policy file (default: shipped)")
    parser.add_argument("--trust-anchors", type=Path, action="append", default=[], metavar="PEM")
    parser.add_argument(
        "--allowed-eku",
        action="append",
        default=[],
        metavar="OID",
        help="another extended key usage a signer certificate may carry (dotted OID)",
    )
    parser.add_argument(
        "--anchors-mode",
        choices=("replace", "add"),
        help="replace: trust only the anchors given; add: the C2PA trust lists too (default: the policy's)",
    )
    parser.add_argument(
        "--signer-chain", type=Path, metavar="PEM", help="signer certificate chain (leaf first)"
    )
    parser.add_argument("--signer-key", type=Path, metavar="PEM", help="signer private key (PKCS#8)")
    parser.add_argument(
        "--file-root",
        type=Path,
        action="append",
        default=[],
        metavar="DIR",
        help="directory file:// assets may come from (default: the event's directory)",
    )
    parser.add_argument(
        "--allow-host", action="append", default=[], metavar="HOST", help="host https:// assets may come from"
    )
    parser.add_argument(
        "--out", type=Path, metavar="PATH", help="write the image as the gate would publish it"
    )
    parser.add_argument(
        "--sidecar",
        type=Path,
        metavar="FILE.c2pa",
        help="verify IMAGE against this C2PA manifest store (default: IMAGE's name with .c2pa, if present)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON decision object")
    parser.set_defaults(handler=_run_check)


def _run_check(args: argparse.Namespace) -> int:
    from gate.cli.check_run import run_check_command  # noqa: PLC0415 - see the module's docstring

    return run_check_command(args)
