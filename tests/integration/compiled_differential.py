"""Run by test_compiled_build.py in a child interpreter, once per build of gate (pure, compiled).

    python -P compiled_differential.py INPUTS_DIR

Reads the inputs the test wrote (parameter records as JSON, images, the development PKI), scans and
evaluates every one, and prints one JSON document: which build of gate did it, then every finding and
every decision in order. The test compares the two documents byte for byte. Imports nothing but gate and
the standard library, so the build under test is the only `gate` this process sees.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import gate.scanning.walk
from gate.core.event import Generation, ModelInfo
from gate.errors import ScanLimitExceeded
from gate.scanning import ScanLimits, scan_parameters, scan_text
from gate.worker.assembly import PipelineSpec

# Small limits as well as the defaults: the limit paths (depth, nodes, string length) must agree too.
TIGHT = ScanLimits(max_depth=4, max_nodes=40, max_string_chars=300, max_total_chars=2_000)


def findings(call: Any) -> list[Any]:
    """Every finding of one scan as [entity, pointer, detector], or the limit that stopped it."""
    try:
        return [[f.entity, f.path, f.detector] for f in call()]
    except ScanLimitExceeded as stopped:
        return [["limit", type(stopped).__name__, str(stopped)]]


def scans(records: list[Any], texts: list[list[str]]) -> dict[str, Any]:
    """Findings for every record (default and tight limits) and every (text, context) pair."""
    return {
        "params": [findings(lambda r=r: scan_parameters(r)) for r in records],
        "params_tight": [findings(lambda r=r: scan_parameters(r, limits=TIGHT)) for r in records],
        "texts": [findings(lambda t=t: scan_text(t[0], path="/t", context=t[1])) for t in texts],
    }


def decisions(inputs: Path, generations: list[Any]) -> list[Any]:
    """Every image evaluated with every generation: verdict, actions and each decided reason."""
    pki = json.loads((inputs / "pki.json").read_text())
    pipeline = PipelineSpec(
        trust_anchors=(Path(pki["root_ca"]),),
        signer_chain=Path(pki["signer_chain"]),
        signer_key=Path(pki["signer_key"]),
    ).build()
    out = []
    for image in sorted((inputs / "images").iterdir()):
        media_type = "image/png" if image.suffix == ".png" else "image/jpeg"
        for params in generations:
            generation = Generation(synthetic=True, model=ModelInfo(name="sdxl-base"), parameters=params)
            evaluation = pipeline.evaluate(
                image.read_bytes(), declared_media_type=media_type, synthetic=True, generation=generation
            )
            out.append(
                [
                    image.name,
                    evaluation.verdict.value,
                    list(evaluation.actions),
                    [reason.as_dict() for reason in evaluation.decision.reasons],
                    [r.value for r in evaluation.decision.remediations],
                ]
            )
    return out


def main(inputs: Path) -> None:
    """Print the build and everything it found and decided."""
    records = json.loads((inputs / "records.json").read_text())
    texts = json.loads((inputs / "texts.json").read_text())
    generations = json.loads((inputs / "generations.json").read_text())
    document = {
        "build": "compiled" if str(gate.scanning.walk.__file__).endswith(".so") else "pure",
        "scans": scans(records, texts),
        "decisions": decisions(inputs, generations),
    }
    sys.stdout.write(json.dumps(document, ensure_ascii=False, sort_keys=True))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
