"""Without the `pixels` extra the gate still imports and runs; an enabled pixel check fails closed."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

# Runs in a fresh interpreter where the pixel packages cannot be imported.
SCRIPT = textwrap.dedent(
    """
    import json, sys
    from importlib.abc import MetaPathFinder

    BLOCKED = {"numpy", "cv2", "rapidocr_onnxruntime"}

    class Block(MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in BLOCKED:
                raise ImportError(name)
            return None

    sys.meta_path.insert(0, Block())
    from gate.demo.images import jpeg_bytes, parcel_banner, product_image
    from gate.core.pipeline import Pipeline
    from gate.core.policy import load_policy
    from gate.provenance import Verifier

    gate = Pipeline(load_policy(), Verifier.create(None))
    out = {}
    for source in ("studio-gen", "personalised-banner"):
        ev = gate.evaluate(jpeg_bytes(product_image(320, 240)), source=source, synthetic=False)
        out[source] = {"verdict": ev.verdict.value, "reasons": [d.as_dict() for d in ev.decision.reasons]}
    out["loaded"] = sorted(m for m in BLOCKED if m in sys.modules)
    print(json.dumps(out))
    """
)


def test_core_runs_without_the_pixel_packages_and_fails_closed_when_they_are_needed() -> None:
    run = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True)
    out = json.loads(run.stdout)
    assert out["loaded"] == []
    # No scope matches a product source: nothing needs the packages, the photo is approved.
    assert out["studio-gen"]["verdict"] == "approved"
    # A personalised banner needs them: quarantined, with the missing package named.
    banner = out["personalised-banner"]
    assert banner["verdict"] == "quarantined"
    codes = {(r["code"], r.get("detail")) for r in banner["reasons"]}
    assert ("pixels.unavailable", "rapidocr_onnxruntime") in codes
    assert ("gate.error", "rapidocr_onnxruntime") not in codes  # the value of detail is the package only
    assert any(code == "gate.error" for code, _ in codes)
