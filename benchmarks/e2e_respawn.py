"""What starting and replacing a worker costs, by start method: `python -m benchmarks.e2e_respawn`.

A pool of one worker with the e2e benchmarks' worker recipe (`signing_factory`) is started, decides one
record, then has its worker killed (SIGKILL, idle) and decides another record: that second decision waits
for the replacement to start and build. "spawn" starts a fresh interpreter that imports the worker's
modules (the scanner compiles its tables at import); "forkserver" forks it from a server that imported
them once. The methods alternate, so both meet the same machine; the load average is printed with them.
"""

from __future__ import annotations

import argparse
import os
import signal
import tempfile
import time
from pathlib import Path

from benchmarks.e2e import signing_factory
from benchmarks.stats import summarize
from gate.core.record import InboundRecord
from gate.provenance.pki import create_dev_pki
from gate.runner.pool import ProcessPool

_RECORD = InboundRecord("ingest", 0, 0, b"k", b"{}")  # not an event: quarantined, a cheap decision


def measure(factory: object, method: str, kills: int) -> tuple[float, list[float]]:
    """(seconds to start the pool, [seconds to decide a record right after its worker was killed])."""
    pool = ProcessPool(factory, workers=1, event_timeout_s=60.0, start_method=method)  # type: ignore[arg-type]
    started = time.monotonic()
    pool.start()
    first = time.monotonic() - started
    pool.process([_RECORD])
    respawns = []
    for _ in range(kills):
        os.kill(pool.pids[0], signal.SIGKILL)
        time.sleep(0.2)  # the death is seen by the next dispatch (died idle: nothing fails)
        began = time.monotonic()
        pool.process([_RECORD])
        respawns.append(time.monotonic() - began)
    pool.close()
    return first, respawns


def main() -> None:
    """Alternate the start methods `--rounds` times; print start and respawn times for each."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--kills", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        factory = signing_factory(create_dev_pki(Path(scratch)))
        results: dict[str, dict[str, list[float]]] = {}
        # forkserver first: its first start includes starting the server (later rounds reuse it).
        for _ in range(args.rounds):
            for method in ("forkserver", "spawn"):
                first, respawns = measure(factory, method, args.kills)
                entry = results.setdefault(method, {"start": [], "respawn": []})
                entry["start"].append(first)
                entry["respawn"].extend(respawns)
                print(
                    f"{method}: start {first:.2f} s, respawn {[round(r, 3) for r in respawns]} s", flush=True
                )
    print(f"load average {os.getloadavg()}")
    for method, entry in results.items():
        respawn = summarize(entry["respawn"])
        print(f"{method}: start {[round(s, 2) for s in entry['start']]} s; respawn {respawn.fmt()}")


if __name__ == "__main__":
    main()
