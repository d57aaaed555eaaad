"""Nineteenth image round: JSON in an EXIF text tag is read as JSON (`gate/imaging/labelled_json.py`).

ComfyUI's WebP writer puts its graphs in EXIF Make and Model as "workflow:{...}" and "prompt:{...}";
SaveImage+ and Civitai a bare graph in UserComment. Scanned as one string, a graph of a hundred nodes cost
the metadata check 350-1,000 ms (near its timeout on a loaded machine) and its node coordinates ran
together into a phone and a card number: an AI image declared as such was held. A graph of 200 nodes
passed the text scanner's 100,000-character bound and was held as unscannable. Walked as JSON (as a PNG
text chunk's is), every key and string is still read, in 10-60 ms.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from benchmarks.graph_metadata import graphs
from gate.core.pipeline import Pipeline
from gate.imaging import probe, read_metadata, strip_identifiers
from gate.model import Verdict
from gate.worker.assembly import PipelineSpec
from tests.unit.imaging.images import jpeg_bytes, pixels, webp_bytes

MAKE, MODEL, DESCRIPTION, USER_COMMENT = 0x010F, 0x0110, 0x010E, 0x9286


def exif_of(*fields: tuple[int, str]) -> Image.Exif:
    exif = Image.Exif()
    for tag, value in fields:
        exif[tag] = value
    return exif


def comfyui_webp(nodes: int, *, text: str | None = None, label: str = "workflow") -> bytes:
    """What ComfyUI's SaveAnimatedWEBP writes: the prompt in Model, each extra_pnginfo key from Make down."""
    workflow, prompt = graphs(nodes, text=text)
    return webp_bytes(
        exif=exif_of((MODEL, "prompt:" + json.dumps(prompt)), (MAKE, f"{label}:{json.dumps(workflow)}"))
    )


@pytest.fixture(scope="module")
def gate() -> Pipeline:
    return PipelineSpec().build()


def metadata_reasons(gate: Pipeline, data: bytes) -> list[tuple[str, str | None, str | None]]:
    evaluation = gate.evaluate(data, synthetic=True)
    found = [d.reason for d in evaluation.decision.reasons]
    return [(r.code, r.entity, r.path) for r in found if r.check == "metadata"]


@pytest.mark.parametrize("nodes", [100, 200])
def test_a_comfyui_graph_of_realistic_size_in_exif_is_walked_and_passes(gate: Pipeline, nodes: int) -> None:
    data = comfyui_webp(nodes)
    metadata = read_metadata(data, probe(data))
    assert [(item.path, item.kind) for item in metadata.items] == [
        ("/exif/Make", "json_text"),
        ("/exif/Model", "json_text"),
    ]
    assert set(metadata.ai_markers) == {"exif:comfyui-workflow", "exif:comfyui-prompt"}
    assert metadata_reasons(gate, data) == []


@pytest.mark.parametrize(
    ("data", "entity", "path"),
    [
        # A prompt's e-mail address deep in the graph: found, under the node's pointer.
        (
            comfyui_webp(60, text="portrait, send to jane.doe@example.com"),
            "EMAIL_ADDRESS",
            "/exif/Make/nodes/",
        ),
        (comfyui_webp(60, text="portrait, send to jane.doe@example.com"), "EMAIL_ADDRESS", "/exif/Model/"),
        # The key ComfyUI writes before the colon is the writer's: scanned as text.
        (comfyui_webp(20, label="jane.doe@example.com"), "EMAIL_ADDRESS", "/exif/Make/label"),
        # A bare graph in UserComment (SaveImage+), in ImageDescription, in a JPEG.
        (
            jpeg_bytes(
                exif=exif_of((USER_COMMENT, json.dumps({"note": "call +44 20 7946 0958"}))), icc=False
            ),
            "PHONE_NUMBER",
            "/exif/UserComment/",
        ),
        (
            webp_bytes(exif=exif_of((DESCRIPTION, 'Prompt: [{"by": "jane.doe@example.com"}]'))),
            "EMAIL_ADDRESS",
            "/exif/ImageDescription/",
        ),
        # A key repeated: the first value, which Python's reader drops, is read too.
        (
            webp_bytes(exif=exif_of((MAKE, '{"text": "jane.doe@example.com", "text": "a cat"}'))),
            "EMAIL_ADDRESS",
            "/exif/Make/",
        ),
        # Not JSON as a whole (text after it, a broken brace): the whole text is scanned as before.
        (
            webp_bytes(exif=exif_of((MAKE, 'workflow:{"nodes": []} mail jane.doe@example.com'))),
            "EMAIL_ADDRESS",
            "/exif/Make",
        ),
        (webp_bytes(exif=exif_of((MAKE, '{"by": "jane.doe@example.com"'))), "EMAIL_ADDRESS", "/exif/Make"),
    ],
)
def test_personal_data_in_exif_json_is_found(gate: Pipeline, data: bytes, entity: str, path: str) -> None:
    found = metadata_reasons(gate, data)
    assert any(e == entity and p is not None and p.startswith(path) for _, e, p in found), found


def test_a_payload_behind_json_escapes_is_unread_and_removed(gate: Pipeline) -> None:
    # Control characters written as \\u escapes: a binary payload, invisible in the text as written.
    payload = "".join(chr(code) for code in range(1, 9)) * 4
    data = webp_bytes(exif=exif_of((DESCRIPTION, json.dumps({"blob": payload}))))
    metadata = read_metadata(data, probe(data))
    assert ("/exif/ImageDescription", "unread") in [(item.path, item.kind) for item in metadata.items]
    evaluation = gate.evaluate(data, synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED and evaluation.output is not None
    assert read_metadata(evaluation.output, probe(evaluation.output)).items == ()


@pytest.mark.parametrize(
    "text",
    ["prompt: a cat on a sofa", "{not json", "NIKON CORPORATION", 'a "quoted": [word]', "12:[3]x"],
)
def test_text_that_is_not_json_stays_free_text(text: str) -> None:
    data = webp_bytes(exif=exif_of((MAKE, text)))
    [item] = read_metadata(data, probe(data)).items
    assert (item.kind, item.value) == ("free_text", text)


def test_a_json_tag_goes_when_json_text_is_stripped() -> None:
    data = comfyui_webp(10)
    out = strip_identifiers(data, probe(data), frozenset({"json_text"}))
    assert read_metadata(out, probe(out)).items == ()


def test_a_graph_walked_as_json_is_approved_when_declared(gate: Pipeline) -> None:
    evaluation = gate.evaluate(comfyui_webp(100), synthetic=True)
    assert evaluation.verdict is not Verdict.REJECTED
    assert not [d for d in evaluation.decision.reasons if d.reason.code.startswith("metadata.")]


def comfyui_png(nodes: int) -> bytes:
    """What ComfyUI's SaveImage writes: both graphs as PNG text chunks."""
    workflow, prompt = graphs(nodes)
    info = PngInfo()
    info.add_text("prompt", json.dumps(prompt))
    info.add_text("workflow", json.dumps(workflow))
    buf = io.BytesIO()
    pixels().save(buf, "PNG", pnginfo=info)
    return buf.getvalue()


@pytest.mark.parametrize("container", ["webp", "png"])
def test_a_comfyui_graph_of_300_nodes_passes(gate: Pipeline, container: str) -> None:
    """The metadata budget (limits.metadata_max_nodes, 50,000 values) reads a graph of ~1,200 nodes."""
    data = comfyui_webp(300) if container == "webp" else comfyui_png(300)
    assert metadata_reasons(gate, data) == []


@pytest.mark.parametrize("container", ["webp", "png"])
def test_a_graph_past_the_metadata_budget_is_held_unscanned(tmp_path: Path, container: str) -> None:
    """The budget is the policy's: past it the field is UNSCANNABLE (never approved), not read in part."""
    policy = tmp_path / "small-budget.yaml"
    policy.write_text(
        'version: "small-budget"\nlimits: {metadata_max_nodes: 2000}\nrules:\n'
        "  - match: {code: metadata.personal_data}\n    outcome: quarantine\n"
    )
    gate = PipelineSpec(policy=policy).build()
    data = comfyui_webp(300) if container == "webp" else comfyui_png(300)
    assert ("metadata.personal_data", "UNSCANNABLE") in [(c, e) for c, e, _ in metadata_reasons(gate, data)]
    assert gate.evaluate(data, synthetic=True).verdict is not Verdict.APPROVED


def test_a_graph_in_a_jpeg_comment_is_walked_too(gate: Pipeline) -> None:
    """Any free-text field holding JSON: a comment's graph of 80 nodes read as a card number before."""
    workflow, _ = graphs(80)
    buf = io.BytesIO()
    pixels().save(buf, "JPEG", comment=json.dumps(workflow))
    data = buf.getvalue()
    assert [(i.path, i.kind) for i in read_metadata(data, probe(data)).items] == [
        ("/jpeg/COM/0", "json_text")
    ]
    assert metadata_reasons(gate, data) == []
    with_address = data.replace(
        b"Lower the denoise for img2img.", b"jane.doe.lake@example-mail.com"
    )  # same length
    assert ("metadata.personal_data", "EMAIL_ADDRESS") in [
        (c, e) for c, e, _ in metadata_reasons(gate, with_address)
    ]
