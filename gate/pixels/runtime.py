"""Importing the optional pixel packages, and translating their absence into one error."""

from __future__ import annotations

import importlib
from types import ModuleType

from gate.errors import GateError

# Import name -> the distribution to install, for the message.
_DISTRIBUTIONS = {
    "numpy": "numpy",
    "cv2": "opencv-python",
    "rapidocr_onnxruntime": "rapidocr-onnxruntime",
}


class PixelsUnavailable(GateError):
    """A pixel check is enabled but a package it needs is not installed. `module` names it."""

    def __init__(self, module: str) -> None:
        self.module = module
        super().__init__(
            f"the pixel checks need {_DISTRIBUTIONS.get(module, module)}, which is not installed; "
            "install the gate with its `pixels` extra (pip install 'gate[pixels]') or turn the "
            "pixel checks off in the policy"
        )


def require(module: str) -> ModuleType:
    """Import `module` or raise PixelsUnavailable naming it."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise PixelsUnavailable(module) from exc
