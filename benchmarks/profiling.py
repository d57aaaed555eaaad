"""Profile the decision core's hot path with pyinstrument (the numbers the optimisation list is built on)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from benchmarks.core import unique_prompts
from benchmarks.corpus_images import ImageCase
from gate.core.pipeline import Pipeline


def profile_core(
    pipeline: Pipeline, cases: list[ImageCase], *, seconds: float, out_dir: Path
) -> dict[str, Any]:
    """Evaluate the corpus round-robin for `seconds` under pyinstrument; write the call tree as text.

    (No HTML report: it is 4 MB, too big to keep with the results; run pyinstrument by hand for it.)
    """
    try:
        from pyinstrument import Profiler  # noqa: PLC0415 - optional benchmark dependency
    except ImportError:
        return {"skipped": "pyinstrument is not installed (pip install -e '.[bench]')"}
    profiler = Profiler(interval=0.0005)
    deadline = time.monotonic() + seconds
    evaluations = 0
    generations = unique_prompts()  # as `run_core` times it: a prompt of its own per evaluation
    profiler.start()
    while time.monotonic() < deadline:
        for case in cases:
            for data in case.images:
                pipeline.evaluate(
                    data, declared_media_type=case.media_type, synthetic=True, generation=next(generations)
                )
                evaluations += 1
    profiler.stop()
    text = profiler.output_text(unicode=False, color=False, show_all=False)
    (out_dir / "profile-core.txt").write_text(text)
    return {"evaluations": evaluations, "seconds": seconds, "text": "profile-core.txt"}
