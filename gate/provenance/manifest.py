"""What the gate claims about an image, as a C2PA manifest definition. Pure data: no c2pa, no I/O.

Our own assertion has the label `org.gate.generation` (GENERATION_LABEL). Its JSON shape
(schemas/generation-metadata.schema.json) is, with no other keys allowed at any fixed level:

    {
      "model": {"name": str, "version": str, "provider": str},
      "training_data_sources": [str, ...],
      "parameters": {str: JSON, ...},      # minimised by the caller; signed only in known forms
      "gate": {"policy_version": str}      # "gate" always present; policy_version only when known
    }

c2pa-rs treats a trailing ".vN" on a label as the assertion version and drops ".v1", so an incompatible
shape must become "org.gate.generation.v2"; readers match the label with or without a version suffix.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final, TypeAlias

from gate.errors import ProvenanceError

JSON: TypeAlias = Any  # a JSON value; checked by check_json at the boundary

GENERATION_LABEL: Final = "org.gate.generation"
_GENERATION_LABEL: Final = re.compile(re.escape(GENERATION_LABEL) + r"(\.v\d+)?(__\d+)?")
IPTC: Final = "http://cv.iptc.org/newscodes/digitalsourcetype/"
TRAINED_ALGORITHMIC_MEDIA: Final = IPTC + "trainedAlgorithmicMedia"
COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA: Final = IPTC + "compositeWithTrainedAlgorithmicMedia"

# C2PA 2.x (18.14) "metadata-only change, pixels untouched": what stripping EXIF/GPS/XMP is.
# c2pa.redacted is for removing *assertions* from an ingredient's manifest, not file metadata.
METADATA_EDITED: Final = "c2pa.edited.metadata"
ALLOWED_EDIT_ACTIONS: Final = frozenset(
    {METADATA_EDITED, "c2pa.edited", "c2pa.converted", "c2pa.transcoded", "c2pa.repackaged",
     "c2pa.resized", "c2pa.orientation"}
)  # fmt: skip
PARENT_INGREDIENT_KEY: Final = "gate.parent"  # links c2pa.opened to the parentOf ingredient before signing
MAX_ASSERTION_BYTES: Final = 64 * 1024  # a manifest is not a place for bulk data

# Built once: `json.dumps` with options builds a new encoder on every call (a third of its cost on an
# assertion). Same options, same bytes.
_COMPACT: Final = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False)
_CANONICAL: Final = json.JSONEncoder(sort_keys=True, separators=(",", ":"))

_TOP_KEYS: Final = frozenset({"model", "training_data_sources", "parameters", "gate"})
_MODEL_KEYS: Final = frozenset({"name", "version", "provider"})
_GATE_KEYS: Final = frozenset({"policy_version"})


@dataclass(frozen=True, slots=True)
class EditAction:
    """A change the gate made to the image, e.g. EditAction(METADATA_EDITED, {"org.gate.removed": ["gps"]}).

    Custom parameter keys should be reverse-DNS namespaced (C2PA reserves un-namespaced ones).
    """

    action: str
    parameters: Mapping[str, JSON] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.action not in ALLOWED_EDIT_ACTIONS:
            raise ProvenanceError(f"edit action {self.action!r} is not one the gate may claim")
        check_json(self.parameters, "edit action parameters")

    def as_dict(self) -> dict[str, JSON]:
        """The C2PA action entry."""
        out: dict[str, JSON] = {"action": self.action}
        if self.parameters:
            out["parameters"] = dict(self.parameters)
        return out


@dataclass(frozen=True, slots=True)
class GenerationClaim:
    """How an image was generated, as the gate will sign it.

    `parameters` must already be minimised (no personal data): this module only checks it is JSON. The
    gate's own signing path (`gate.remediate`) also holds every field to a known form (`claim_fields`).
    `is_synthetic` False means a real image with AI-generated parts (compositeWithTrainedAlgorithmicMedia);
    None means a real photograph that the gate re-signs after an edit: no AI claim, no generation assertion.
    """

    model_name: str
    model_version: str
    provider: str
    training_data_sources: tuple[str, ...] = ()
    parameters: Mapping[str, JSON] = field(default_factory=dict)
    actions_extra: tuple[EditAction, ...] = ()
    is_synthetic: bool | None = True
    policy_version: str | None = None

    @property
    def digital_source_type(self) -> str | None:
        """The IPTC digitalSourceType URI this claim asserts; None for a real photograph (no AI claim)."""
        if self.is_synthetic is None:
            return None
        return TRAINED_ALGORITHMIC_MEDIA if self.is_synthetic else COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA

    def assertion_data(self) -> dict[str, JSON]:
        """The `org.gate.generation` assertion body, checked against the allowed shape."""
        gate: dict[str, JSON] = {}
        if self.policy_version is not None:
            gate["policy_version"] = self.policy_version
        data: dict[str, JSON] = {
            "model": {"name": self.model_name, "version": self.model_version, "provider": self.provider},
            "training_data_sources": list(self.training_data_sources),
            "parameters": dict(self.parameters),
            "gate": gate,
        }
        check_generation_assertion(data)
        return data


def check_json(value: JSON, what: str, *, _depth: int = 0) -> None:
    """Raise ProvenanceError unless `value` is plain JSON (str keys, finite numbers, bounded depth)."""
    if _depth > 32:
        raise ProvenanceError(f"{what} nest too deep")
    if value is None or isinstance(value, bool | int | str):
        return
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ProvenanceError(f"{what} hold a non-finite number")
        return
    if isinstance(value, Mapping):
        if not all(isinstance(k, str) for k in value):
            raise ProvenanceError(f"{what} have a non-string key")
        for item in value.values():
            check_json(item, what, _depth=_depth + 1)
        return
    if isinstance(value, list | tuple):
        for item in value:
            check_json(item, what, _depth=_depth + 1)
        return
    raise ProvenanceError(f"{what} hold a value of type {type(value).__name__}, which is not JSON")


def check_generation_assertion(data: JSON) -> None:
    """Raise ProvenanceError unless `data` has exactly the documented generation-assertion shape.

    Used when signing and when reading someone else's file, so messages name the place, never a value.
    """
    if not isinstance(data, Mapping) or set(data) != _TOP_KEYS:
        expected = ", ".join(sorted(_TOP_KEYS))
        raise ProvenanceError(f"generation assertion: the top level must have exactly {expected}")
    model = data["model"]
    if not isinstance(model, Mapping) or set(model) != _MODEL_KEYS:
        raise ProvenanceError("generation assertion: /model must have exactly name, version, provider")
    if not all(isinstance(model[k], str) and model[k] for k in _MODEL_KEYS):
        raise ProvenanceError("generation assertion: /model values must be non-empty strings")
    sources = data["training_data_sources"]
    if not isinstance(sources, list | tuple) or not all(isinstance(s, str) for s in sources):
        raise ProvenanceError("generation assertion: /training_data_sources must be a list of strings")
    if not isinstance(data["parameters"], Mapping):
        raise ProvenanceError("generation assertion: /parameters must be an object")
    gate = data["gate"]
    if not isinstance(gate, Mapping) or not set(gate) <= _GATE_KEYS:
        raise ProvenanceError("generation assertion: /gate may only hold policy_version")
    if not all(isinstance(v, str) for v in gate.values()):
        raise ProvenanceError("generation assertion: /gate/policy_version must be a string")
    check_json(data["parameters"], "generation parameters")
    size = len(_COMPACT.encode(data).encode())
    if size > MAX_ASSERTION_BYTES:
        raise ProvenanceError(f"generation assertion is {size} bytes; the limit is {MAX_ASSERTION_BYTES}")


def is_generation_label(label: str) -> bool:
    """True for our assertion's label, with or without a c2pa version / instance suffix."""
    return _GENERATION_LABEL.fullmatch(label) is not None


def manifest_definition(
    generation: GenerationClaim,
    *,
    claim_generator: Mapping[str, str],
    has_parent: bool,
    assertion: Mapping[str, JSON] | None = None,
) -> dict[str, JSON]:
    """The Builder's manifest JSON, without label/instance_id (see `with_stable_ids`).

    New image: c2pa.created (+ source type). Changed image with a manifest: c2pa.opened on the parentOf
    ingredient, carrying the source type too, so the active manifest alone declares the AI origin.
    `assertion` is `generation.assertion_data()` when the caller has already built (and so checked) it.
    """
    source_type = generation.digital_source_type
    if source_type is None and not has_parent:
        raise ProvenanceError("a new manifest must declare how the image was made (digitalSourceType)")
    first: dict[str, JSON] = {} if source_type is None else {"digitalSourceType": source_type}
    if has_parent:
        first = {"action": "c2pa.opened", **first, "parameters": {"ingredientIds": [PARENT_INGREDIENT_KEY]}}
    else:
        first = {"action": "c2pa.created", **first}
    actions = [first, *(a.as_dict() for a in generation.actions_extra)]
    assertions: list[JSON] = [{"label": "c2pa.actions.v2", "data": {"actions": actions}}]
    if source_type is not None:
        data = generation.assertion_data() if assertion is None else assertion
        assertions.append({"label": GENERATION_LABEL, "data": data})
    return {"claim_generator_info": [dict(claim_generator)], "assertions": assertions}


def with_stable_ids(definition: Mapping[str, JSON], *material: bytes) -> dict[str, JSON]:
    """Add a manifest label and instance id derived from the inputs, so a retry names the same manifest.

    c2pa-rs only accepts version-4-shaped UUIDs, so the hash is stamped with the v4 version/variant bits.
    """
    digest = hashlib.sha256()
    digest.update(_CANONICAL.encode(definition).encode())
    for part in material:
        digest.update(hashlib.sha256(part).digest())
    raw = digest.digest()
    return {
        **definition,
        "label": f"urn:c2pa:{v4_uuid(raw[:16])}",
        "instance_id": f"xmp:iid:{v4_uuid(raw[16:])}",
    }


def v4_uuid(raw: bytes) -> str:
    """`str(uuid.UUID(bytes=raw, version=4))` for 16 bytes, without building the UUID object (a quarter
    of the time; every signature names two)."""
    stamped = bytearray(raw)
    stamped[6] = (stamped[6] & 0x0F) | 0x40  # version 4
    stamped[8] = (stamped[8] & 0x3F) | 0x80  # RFC 4122 variant
    h = stamped.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
