"""`gate resume`: release a tripped quarantine flood guard through the gate's admin endpoint."""

from __future__ import annotations

import argparse
import http.client
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

from gate.errors import ConfigError
from gate.settings import load_settings

EXIT_NOT_TRIPPED = 3


def register(sub: Any) -> None:
    """Add the `resume` command."""
    parser = sub.add_parser(
        "resume",
        help="resume consuming after the quarantine flood guard tripped (POST /admin/resume)",
        description="Asks a running gate to resume. Without --url it calls the gate on this host at the "
        "configured http.port (run it inside the pod: `kubectl exec POD -- gate resume`). The admin token, "
        "when the gate has one, is read from GATE_HTTP__ADMIN_TOKEN or --config. Exit status: 0 resuming, "
        "3 the guard was not tripped, 1 the gate refused or could not be reached, 2 --url or the settings "
        "cannot be used.",
    )
    parser.add_argument("--config", type=Path, metavar="gate.yaml", help="settings file (YAML)")
    parser.add_argument("--url", help="base URL of the gate's metrics port (default http://127.0.0.1:PORT)")
    parser.set_defaults(handler=_resume)


def _resume(args: argparse.Namespace) -> int:
    settings = load_settings(args.config)
    base = (args.url or f"http://127.0.0.1:{settings.http.port}").rstrip("/")
    if not base.startswith(("http://", "https://")):
        raise ConfigError(f"--url {base}: give an http:// or https:// URL of the gate's metrics port")
    try:
        request = urllib.request.Request(f"{base}/admin/resume", method="POST", data=b"")  # noqa: S310
        urllib.parse.urlsplit(base).port  # noqa: B018 - a port that is no number raises here
    except ValueError as exc:
        raise _not_a_url(base, exc) from None
    if settings.http.admin_token is not None:
        request.add_header("Authorization", f"Bearer {settings.http.admin_token.get_secret_value()}")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - scheme checked above
            print(response.read().decode(errors="replace").strip())
            return 0
    except http.client.InvalidURL as exc:  # a host with spaces or control characters
        raise _not_a_url(base, exc) from None
    except urllib.error.HTTPError as exc:
        body = exc.read().decode(errors="replace").strip()
        print(f"gate resume: {exc.code} {body}", file=sys.stderr)
        return EXIT_NOT_TRIPPED if exc.code == 409 else 1
    except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:  # a reply that is no HTTP
        reason = getattr(exc, "reason", exc)
        print(
            f"gate resume: cannot reach {base} ({reason}); "
            "is the gate running, and is --url its metrics port?",
            file=sys.stderr,
        )
        return 1


def _not_a_url(base: str, exc: Exception) -> ConfigError:
    return ConfigError(
        f"--url {base} is not a URL ({exc}); give one as http://HOST:PORT, the gate's metrics port"
    )
