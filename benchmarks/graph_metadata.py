"""The metadata check on ComfyUI graphs of realistic size, in each place ComfyUI and its nodes write them.

    PYTHONPATH=. python -P benchmarks/graph_metadata.py [--nodes 100,200,300] [--repeat 5]

A graph is ComfyUI's editor workflow (float coordinates of full precision, typed links, widget values) and
its API prompt, written as ComfyUI's SaveAnimatedWEBP writes them (EXIF Make "workflow:{...}", Model
"prompt:{...}"), as SaveImage writes them (PNG tEXt), and as a JPEG comment. Prints, per place and size,
the best of `--repeat` runs of `read_metadata` and of the check's judging of the items (ms), and the
reasons: a graph past the policy's `metadata_max_nodes` is held as UNSCANNABLE.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import sys
import time
from collections.abc import Callable
from typing import Any

from PIL import Image
from PIL.PngImagePlugin import PngInfo

from gate.core.checks.metadata import MetadataCheck
from gate.core.policy import load_policy
from gate.imaging import probe, read_metadata
from gate.scanning import ScanLimits

_NODE_TYPES: tuple[tuple[str, list[Any]], ...] = (
    ("CheckpointLoaderSimple", ["sd_xl_base_1.0.safetensors"]),
    ("CLIPTextEncode", ["a mountain lake at dawn, mist, volumetric light, 35mm"]),
    ("KSampler", [156680208700286, "randomize", 20, 8, "euler", "normal", 1]),
    ("VAEDecode", []),
    ("LoraLoader", ["add_detail.safetensors", 0.8, 0.8]),
    ("Note", ["Lower the denoise for img2img."]),
    ("SaveImage", ["ComfyUI"]),
)


def graphs(nodes: int, *, text: str | None = None) -> tuple[dict[str, Any], dict[str, Any]]:
    """(editor workflow, API prompt) of `nodes` nodes as ComfyUI's editor saves them: float coordinates
    of full precision, typed links, widget values; `text` replaces the first prompt's."""
    rnd = random.Random(nodes)
    workflow_nodes: list[dict[str, Any]] = []
    links: list[list[Any]] = []
    prompt: dict[str, Any] = {}
    for number in range(1, nodes + 1):
        kind, widgets = _NODE_TYPES[number % len(_NODE_TYPES)]
        if text is not None and kind == "CLIPTextEncode":
            widgets, text = [text], None
        inputs = []
        for slot in range(rnd.randint(0, 3) if number > 1 else 0):
            links.append([len(links) + 1, rnd.randint(1, number - 1), 0, number, slot, "LATENT"])
            inputs.append({"name": f"in{slot}", "type": "LATENT", "link": len(links)})
        workflow_nodes.append(
            {
                "id": number,
                "type": kind,
                "pos": [rnd.uniform(-2000, 4000), rnd.uniform(-1000, 3000)],
                "size": {"0": 315.0, "1": 262.0},
                "flags": {},
                "order": number,
                "mode": 0,
                "inputs": inputs,
                "outputs": [{"name": "LATENT", "type": "LATENT", "links": [], "slot_index": 0}],
                "properties": {"Node name for S&R": kind},
                "widgets_values": list(widgets),
            }
        )
        prompt[str(number)] = {
            "inputs": {f"w{i}": value for i, value in enumerate(widgets)},
            "class_type": kind,
            "_meta": {"title": kind},
        }
    workflow = {"last_node_id": nodes, "last_link_id": len(links), "nodes": workflow_nodes, "links": links}
    return {**workflow, "groups": [], "config": {}, "extra": {}, "version": 0.4}, prompt


def _webp_exif(nodes: int) -> bytes:
    workflow, prompt = graphs(nodes)
    exif = Image.Exif()
    exif[0x0110] = "prompt:" + json.dumps(prompt)
    exif[0x010F] = "workflow:" + json.dumps(workflow)
    buf = io.BytesIO()
    Image.new("RGB", (512, 512), (90, 120, 160)).save(buf, "WEBP", exif=exif.tobytes())
    return buf.getvalue()


def _png_text(nodes: int) -> bytes:
    workflow, prompt = graphs(nodes)
    info = PngInfo()
    info.add_text("prompt", json.dumps(prompt))
    info.add_text("workflow", json.dumps(workflow))
    buf = io.BytesIO()
    Image.new("RGB", (512, 512), (90, 120, 160)).save(buf, "PNG", pnginfo=info)
    return buf.getvalue()


def _jpeg_comment(nodes: int) -> bytes:
    workflow, _ = graphs(nodes)
    text = json.dumps(workflow)
    if len(text) > 65_000:  # one COM segment holds 65,533 bytes
        return b""
    buf = io.BytesIO()
    Image.new("RGB", (512, 512), (90, 120, 160)).save(buf, "JPEG", comment=text)
    return buf.getvalue()


PLACES: dict[str, Callable[[int], bytes]] = {
    "webp-exif": _webp_exif,
    "png-text": _png_text,
    "jpeg-comment": _jpeg_comment,
}


def measure(data: bytes, check: MetadataCheck, repeat: int) -> tuple[float, float, list[str]]:
    """Best-of-`repeat` ms of reading and of judging, and the reasons' entity and path."""
    read_ms = judge_ms = float("inf")
    reasons: list[str] = []
    info = probe(data)
    for _ in range(repeat):
        reader = sys.modules.get("gate.imaging.labelled_json")  # its parse cache would hide the reading
        if reader is not None:
            reader.parse.cache_clear()
        start = time.perf_counter()
        metadata = read_metadata(data, info)
        read = time.perf_counter()
        found = [reason for item in metadata.items for reason in check._item_reasons(item)]
        done = time.perf_counter()
        read_ms, judge_ms = min(read_ms, (read - start) * 1000), min(judge_ms, (done - read) * 1000)
        reasons = sorted({f"{r.entity} {r.path}" for r in found})
    return read_ms, judge_ms, reasons


def main() -> None:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", default="100,200,300")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    limits = load_policy().limits
    check = MetadataCheck(ScanLimits(max_depth=limits.params_max_depth, max_nodes=limits.metadata_max_nodes))
    for name, build in PLACES.items():
        for nodes in (int(n) for n in args.nodes.split(",")):
            data = build(nodes)
            if not data:
                continue
            read_ms, judge_ms, reasons = measure(data, check, args.repeat)
            timing = f"read {read_ms:7.1f} ms  judge {judge_ms:7.1f} ms"
            print(f"{name:13} {nodes:4} nodes {len(data):8} B  {timing}  {reasons}")


if __name__ == "__main__":
    main()
