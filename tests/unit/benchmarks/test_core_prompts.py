"""The core benchmark gives every evaluation a prompt of its own (the scanner remembers clean strings)."""

from __future__ import annotations

import itertools

from benchmarks.core import unique_prompts
from benchmarks.corpus_images import GENERATION


def test_every_generation_has_a_prompt_no_earlier_one_had() -> None:
    prompts = [g.parameters["prompt"] for g in itertools.islice(unique_prompts(), 10_000)]
    assert len(set(prompts)) == len(prompts)


def test_only_the_prompt_changes() -> None:
    first = next(unique_prompts())
    assert first.model == GENERATION.model
    assert first.training_data_sources == GENERATION.training_data_sources
    rest = {k: v for k, v in first.parameters.items() if k != "prompt"}
    assert rest == {k: v for k, v in GENERATION.parameters.items() if k != "prompt"}
    assert first.parameters["prompt"].startswith(GENERATION.parameters["prompt"])
