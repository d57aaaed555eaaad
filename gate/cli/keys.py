"""`gate keys init DIR`: a development PKI for C2PA signing."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from gate.errors import ConfigError
from gate.provenance import create_dev_pki


def register(sub: Any) -> None:
    """Add the `keys` command group."""
    keys = sub.add_parser("keys", help="manage signing keys")
    keys_sub = keys.add_subparsers(dest="keys_command", required=True)
    init = keys_sub.add_parser(
        "init",
        help="create a development PKI (root CA, signer chain, PKCS#8 key)",
        description="Writes DIR/root-ca.pem (trust anchor), DIR/signer-chain.pem (leaf, intermediate), "
        "DIR/signer-key.pem (PKCS#8, mode 0600), and the development time-stamp authority's "
        "DIR/tsa-chain.pem and DIR/tsa-key.pem. For development and tests only.",
    )
    init.add_argument("directory", type=Path, metavar="DIR")
    init.add_argument("--force", action="store_true", help="overwrite existing files")
    init.set_defaults(handler=_init)


def _init(args: argparse.Namespace) -> int:
    try:
        pki = create_dev_pki(args.directory, force=args.force)
    except OSError as exc:
        where = exc.filename or args.directory
        raise ConfigError(
            f"cannot write the keys to {where}: {exc.strerror}; choose a DIR you can create and write"
        ) from None
    print(f"trust anchor:  {pki.root_ca}")
    print(f"signer chain:  {pki.signer_chain}")
    print(f"signer key:    {pki.signer_key}")
    print(f"dev TSA:       {pki.tsa_chain} {pki.tsa_key}")
    print(
        f"next: gate check IMAGE --synthetic --trust-anchors {pki.root_ca} "
        f"--signer-chain {pki.signer_chain} --signer-key {pki.signer_key} --out signed.jpg"
    )
    return 0
