"""`gate serve`: the synchronous veto, Adobe Commerce's product-save webhook.

See README "Magento / Adobe Commerce".

Thin: settings and files are read here, once (the policy pinned like `gate run`'s), and handed to
`gate.commerce`, which answers the requests.
"""

from __future__ import annotations

import argparse
import logging
import signal
import threading
from pathlib import Path
from typing import Any

from gate.errors import ConfigError

log = logging.getLogger("gate.cli.serve")
# Fields the service's log lines carry beyond the shared allow-list: the refusal audit line.
LOG_FIELDS = frozenset({"audit"})


def register(sub: Any) -> None:
    """Add the `serve` command."""
    parser = sub.add_parser(
        "serve",
        help="answer Adobe Commerce product-save webhooks (veto images synchronously)",
        description="Serves POST /commerce/webhooks/product-save, /healthz, /readyz and /metrics on one "
        "port. "
        "Settings come from --config (YAML) and GATE_* variables; commerce.webhook_public_key is required. "
        "Exit status: 0 clean stop, 1 Kafka transactions cannot start, 2 configuration error.",
    )
    parser.add_argument(
        "--listen", required=True, metavar="HOST:PORT", help="address to bind (port 0: any free)"
    )
    parser.add_argument("--config", type=Path, metavar="gate.yaml", help="settings file (YAML)")
    parser.add_argument("--log-level", default="INFO", help="DEBUG, INFO, WARNING, ERROR")
    parser.add_argument("--log-format", default="json", choices=("json", "text"))
    parser.set_defaults(handler=_serve)


def parse_listen(value: str) -> tuple[str, int]:
    """`HOST:PORT` (`[::1]:8080` for IPv6) as a bindable address; ConfigError saying what to fix."""
    host, sep, port = value.rpartition(":")
    host = host.removeprefix("[").removesuffix("]")
    if not sep or not host or not port.isdigit() or int(port) > 65535:
        raise ConfigError(f"--listen {value!r}: give HOST:PORT, e.g. 127.0.0.1:8080 or 0.0.0.0:8080")
    return host, int(port)


def _serve(args: argparse.Namespace) -> int:
    from gate.cli.run import processor_factory, record_identities  # noqa: PLC0415
    from gate.commerce.assembly import build_server  # noqa: PLC0415
    from gate.observe.logs import configure_logging  # noqa: PLC0415
    from gate.settings import load_settings  # noqa: PLC0415

    configure_logging(args.log_level, args.log_format, extra_fields=LOG_FIELDS)
    host, port = parse_listen(args.listen)
    settings = load_settings(args.config)
    factory = processor_factory(settings)  # the policy, trust and signer, read once and checked
    served = build_server(settings, factory.config, factory.fetch, host=host, port=port)
    record_identities(served.metrics, settings)
    stopping = threading.Event()

    def stop(signum: int, frame: object) -> None:
        if not stopping.is_set():
            stopping.set()
            threading.Thread(target=served.server.stop, daemon=True).start()

    def reload(signum: int, frame: object) -> None:
        # Off the signal handler: reading files and building a pipeline must not run inside it.
        threading.Thread(target=served.service.reload, args=(factory.spec.load,), daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGHUP, reload)
    log.info(
        "commerce webhook listening",
        extra={"port": served.server.port, "policy_version": factory.policy.version},
    )
    try:
        served.server.serve_forever()
    finally:
        served.close()
    return 0
