"""What an image shows, read with models that ship inside registry packages (no model hub is reachable).

    rgb = decode_for_pixels(data, max_side=1280)   # downscaled RGB array
    lines = read_text(rgb)                         # rapidocr-onnxruntime (PP-OCRv4, ONNX in the wheel)
    faces = find_faces(rgb)                        # OpenCV's Haar cascade (XML in the wheel)

The packages are an extra (`pip install gate[pixels]`): importing this module needs none of them; a
call that needs a missing one raises `PixelsUnavailable` naming the package, which the check turns
into a closed failure.
"""

from gate.pixels.decode import decode_for_pixels
from gate.pixels.faces import FaceBox, find_faces, load_face_detector
from gate.pixels.runtime import PixelsUnavailable
from gate.pixels.text import TextLine, load_text_reader, read_text, spaced_variant

__all__ = [
    "FaceBox",
    "PixelsUnavailable",
    "TextLine",
    "decode_for_pixels",
    "find_faces",
    "load_face_detector",
    "load_text_reader",
    "read_text",
    "spaced_variant",
]
