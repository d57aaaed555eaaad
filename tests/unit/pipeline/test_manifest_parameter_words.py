"""What a signed manifest may say under an allowed parameter key: a sampler or scheduler from their
vocabulary; elsewhere no given name, honorific or initial. Names written as identifiers ("kowalska_anna",
"J. Smith", "Dr Kowalska") were signed under `sampler` where the scanner does not look for names."""

from __future__ import annotations

import pytest

from gate.core.declared import names_no_one, parameter_words
from gate.core.pipeline import Pipeline
from gate.core.remediate import minimise_parameters

SAMPLERS = [
    # A1111 / Forge
    "Euler a", "Euler", "LMS", "Heun", "DPM2", "DPM2 a", "DPM++ 2S a", "DPM++ 2M", "DPM++ SDE",
    "DPM++ 2M SDE", "DPM++ 2M SDE Heun", "DPM++ 3M SDE", "DPM fast", "DPM adaptive", "LMS Karras",
    "DPM++ 2M Karras", "DDIM",
    "PLMS", "UniPC", "LCM", "Restart", "DDIM CFG++", "Automatic", "Align Your Steps", "KL Optimal",
    # ComfyUI
    "euler_ancestral", "dpmpp_2m_sde_gpu", "dpmpp_3m_sde", "uni_pc_bh2", "res_multistep", "er_sde", "seeds_2",
    "sa_solver", "ipndm_v", "gradient_estimation", "euler_cfg_pp", "heunpp2", "sgm_uniform", "ddim_uniform",
    "linear_quadratic", "kl_optimal", "align_your_steps", "karras", "exponential", "normal", "simple", "beta",
    # diffusers, InvokeAI
    "EulerDiscreteScheduler", "EulerAncestralDiscreteScheduler", "DPMSolverMultistepScheduler",
    "KDPM2AncestralDiscreteScheduler", "UniPCMultistepScheduler", "LCMScheduler", "TCDScheduler",
    "FlowMatchEulerDiscreteScheduler", "dpmpp_2m_k", "kdpm_2_a", "k_euler_a",
]  # fmt: skip
NAMES = [
    "kowalska_anna",
    "a.kowalska",
    "J. Smith",
    "Dr Kowalska",
    "maria",
    "mike_2001_ny",
    "euler_anna",
    "Frau Müller",
]


@pytest.mark.parametrize("value", SAMPLERS)
@pytest.mark.parametrize("key", ["sampler", "scheduler", "sampler_name"])
def test_samplers_and_schedulers_of_the_common_tools_are_signed(key: str, value: str) -> None:
    assert names_no_one(key, value)


@pytest.mark.parametrize("value", NAMES)
@pytest.mark.parametrize("key", ["sampler", "scheduler", "style", "model", "quality"])
def test_a_name_written_as_an_identifier_is_not(key: str, value: str) -> None:
    assert not names_no_one(key, value)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("style", "photographic"), ("style", "digital-art"), ("style", "neon-punk"), ("style", "vivid"),
        ("style", "art deco"), ("quality", "hd"), ("model", "sdxl"), ("model", "dall-e-3"),
        ("model", "juggernautXL_v9"), ("model", "Realistic_Vision_V6.0_B1"), ("model", "gpt-image-1"),
        ("model_hash", "31e35c80fc"), ("aspect_ratio", "16:9"), ("steps", 30), ("cfg_scale", 7.5),
    ],
)  # fmt: skip
def test_other_parameters_keep_their_values(key: str, value: object) -> None:
    assert names_no_one(key, value)


def test_words_split_camel_case_plus_signs_and_separators() -> None:
    assert parameter_words("DPM++ 2M Karras") == ["dpm", "pp", "2", "m", "karras"]
    assert parameter_words("KDPM2AncestralDiscreteScheduler") == [
        "kdpm2",
        "ancestral",
        "discrete",
        "scheduler",
    ]
    assert parameter_words("kowalska_anna") == ["kowalska", "anna"]


def test_the_manifest_keeps_the_sampler_and_drops_the_name(gate: Pipeline) -> None:
    allowed = gate.policy.allowed_parameter_keys
    kept = minimise_parameters(
        {"sampler": "DPM++ 2M Karras", "scheduler": "kowalska_anna", "style": "J. Smith", "steps": 30},
        allowed,
        [],
    )
    assert kept == {"sampler": "DPM++ 2M Karras", "steps": 30}
