"""moto's S3-protocol server, serving one request at a time: `python moto_serial.py HOST PORT`.

moto checks `If-None-Match: *` and then stores the object as two steps; with its default threaded server,
two conditional puts of one key in flight at once can both pass the check, where S3 accepts exactly one.
Served one request at a time, each conditional put is atomic as on S3, while the clients under test still
race each other (both miss the lookup, both write, one loses the conditional put).
"""

from __future__ import annotations

import sys

from moto.moto_server.werkzeug_app import DomainDispatcherApplication, MotoRequestHandler, create_backend_app
from werkzeug.serving import run_simple


def main() -> None:
    """Serve until terminated."""
    host, port = sys.argv[1], int(sys.argv[2])
    run_simple(
        host,
        port,
        DomainDispatcherApplication(create_backend_app),
        threaded=False,
        request_handler=MotoRequestHandler,
    )


if __name__ == "__main__":
    main()
