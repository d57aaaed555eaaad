"""The memory benchmark counts every process of a gate: the runner, the forkserver and the workers forked
from it (a worker's parent is the forkserver, not the runner), each once."""

from __future__ import annotations

import subprocess
import sys
import time

from benchmarks.memory import gate_processes, pss_kib

# A stand-in for `gate run`: a process that starts two workers from a forkserver, as the pool does, says
# their pids and waits.
_RUNNER = """
import multiprocessing, sys, time
if __name__ == "__main__":
    ctx = multiprocessing.get_context("forkserver")
    # A target the forked worker can find (a function of `-c`'s __main__ it could not unpickle).
    workers = [ctx.Process(target=time.sleep, args=(60,), daemon=True) for _ in range(2)]
    for w in workers:
        w.start()
    print(" ".join(str(w.pid) for w in workers), flush=True)
    sys.stdin.read()
"""


def test_the_forkserver_and_the_workers_it_forked_are_counted() -> None:
    runner = subprocess.Popen(
        [sys.executable, "-c", _RUNNER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert runner.stdout is not None
        workers = {int(pid) for pid in runner.stdout.readline().split()}
        assert len(workers) == 2
        roles = gate_processes(runner.pid)
        for _ in range(50):  # the resource tracker may not be listed yet: nothing else should move
            if len(roles["forkserver"]) == 1 and set(roles["workers"]) == workers:
                break
            time.sleep(0.05)
            roles = gate_processes(runner.pid)
        assert roles["runner"] == [runner.pid]
        assert len(roles["forkserver"]) == 1
        assert set(roles["workers"]) == workers
        every = [pid for pids in roles.values() for pid in pids]
        assert len(every) == len(set(every)), "a process counted twice"
        assert all(pss_kib(pid) > 0 for pid in every)
    finally:
        assert runner.stdin is not None
        runner.stdin.close()
        runner.wait(10)


def test_a_process_that_is_gone_has_no_processes_and_no_memory() -> None:
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait(10)
    assert gate_processes(gone.pid) == {"runner": [gone.pid], "forkserver": [], "workers": [], "other": []}
    assert pss_kib(gone.pid) == 0
