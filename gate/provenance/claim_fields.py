"""The forms a field of our generation assertion may take, so the gate signs only what it can read.

A scanner can miss free text (a name under a `sampler` key, where names are not looked for), so what is
signed is not free text at all: each field has a known type and a bounded, printable-ASCII form.

- a parameter value: a boolean, a finite number (integers within 64 bits), or a short identifier such as
  a sampler or scheduler name ("euler_a", "DPM++ 2M Karras": at most four words, 48 characters);
- a model name, version or provider: up to five words and 96 characters of letters, digits and `._+:/-`;
- a training-data source: up to 256 characters of letters, digits and the punctuation of URLs.

Anything else is left out of the claim (parameters, sources) or withheld (model fields) by the caller
(`gate.remediate`), and refused here when it reaches the signing boundary anyway. Pure data: no I/O.
"""

from __future__ import annotations

import math
import re
from typing import Any

_IDENTIFIER_VALUE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.+\-]{0,31}(?: [A-Za-z0-9_.+\-]{1,16}){0,3}")
_MAX_IDENTIFIER_CHARS = 48
_MODEL_FIELD = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.+:/\-]{0,95}(?: [A-Za-z0-9_.+:/\-]{1,95}){0,4}")
_MAX_MODEL_FIELD_CHARS = 96
_TRAINING_SOURCE = re.compile(r"[A-Za-z0-9][A-Za-z0-9 _.+:/\-~?=&%#@]{0,255}")
_MAX_INTEGER = 2**64


def parameter_value_form(value: Any) -> bool:
    """Whether a generation parameter's value has a form the assertion may carry (see the module doc)."""
    if isinstance(value, bool):
        return True
    if isinstance(value, int):
        return -_MAX_INTEGER < value < _MAX_INTEGER
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, str):
        return len(value) <= _MAX_IDENTIFIER_CHARS and _IDENTIFIER_VALUE.fullmatch(value) is not None
    return False


def model_field_form(value: Any) -> bool:
    """Whether a model name, version or provider has the bounded form the assertion may carry."""
    return (
        isinstance(value, str)
        and len(value) <= _MAX_MODEL_FIELD_CHARS
        and _MODEL_FIELD.fullmatch(value) is not None
    )


def training_source_form(value: Any) -> bool:
    """Whether a training-data source (a dataset name or URL) has the form the assertion may carry."""
    return isinstance(value, str) and _TRAINING_SOURCE.fullmatch(value) is not None


def claim_form_problem(data: Any) -> str | None:
    """Where an assertion body (already shaped as `check_generation_assertion` wants) breaks a form, as a
    value-free description; None when every field has its form."""
    model = data["model"]
    for key in ("name", "version", "provider"):
        if not model_field_form(model[key]):
            return f"/model/{key} is not a bounded model field"
    for index, source in enumerate(data["training_data_sources"]):
        if not training_source_form(source):
            return f"/training_data_sources/{index} is not a dataset name or URL"
    for position, (key, value) in enumerate(data["parameters"].items()):
        if not _IDENTIFIER_VALUE.fullmatch(key):
            return f"/parameters/*{position} has a key that is not an identifier"
        if not parameter_value_form(value):
            return f"/parameters/{key} is not a boolean, a number or a short identifier"
    return None
