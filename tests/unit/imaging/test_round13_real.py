"""Thirteenth image round: two classes of real files of others that the gate misread.

- A display profile GNOME's mutter/colord made from a monitor's EDID (androidx/media's `media3test.png`, a
  screenshot) keeps the monitor's serial number, the EDID's MD5 and a home-folder path naming the account
  as entries of an ICC `dict` tag: read as text, judged clean, published. They are device identifiers now,
  zeroed in place as Apple's `mmod` serial is.
- AI generators' parameters outside the places the gate knew: ComfyUI writes its graphs in EXIF
  ("prompt:{...}" in Model, "workflow:{...}" in Make; save-image-extended "Prompt: {...}"), Civitai and
  SaveImage+ a ComfyUI graph in UserComment, SwarmUI `sui_image_params`, InvokeAI its own PNG keywords.
  30 such real files (ComfyUI's own examples, sd-metadata's samples) were approved as not AI-made.
"""

from __future__ import annotations

import io
import json
import struct
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from gate.core.pipeline import Pipeline
from gate.errors import ImageUndecodable
from gate.imaging import icc, icc_dict, probe, read_metadata, strip_identifiers
from gate.model import Verdict
from gate.worker.assembly import PipelineSpec
from tests.unit.imaging.images import chunk, decoded, icc_profile, jpeg_bytes, png_bytes, webp_bytes
from tests.unit.imaging.test_icc import MAKERS
from tests.unit.imaging.test_icc_tags import with_tags

REAL = Path(__file__).parents[2] / "fixtures" / "real"
SERIAL = "SN-VNA76A3L"


@pytest.fixture(scope="module")
def plain_gate() -> Pipeline:
    return PipelineSpec().build()


def dict_tag(*entries: tuple[str, str], record_size: int = 16) -> bytes:
    """A dictType tag: one record per (name, value), strings UTF-16BE after the records."""
    head = 16 + record_size * len(entries)
    records, body = b"", b""
    for name, value in entries:
        raw_name, raw_value = name.encode("utf-16-be"), value.encode("utf-16-be")
        fields = [head + len(body), len(raw_name), head + len(body) + len(raw_name), len(raw_value)]
        records += struct.pack(">IIII", *fields) + bytes(record_size - 16)
        body += raw_name + raw_value
    return b"dict" + bytes(4) + struct.pack(">II", len(entries), record_size) + records + body


EDID_ENTRIES = (("CMF_product", "mutter"), ("EDID_model", "LEN P32p-20"), ("DATA_source", "edid"))


@pytest.mark.parametrize(
    ("name", "value", "device"),
    [
        ("EDID_serial", SERIAL, True),
        ("edid_serial", SERIAL, True),
        ("EDID_md5", "cd6dabb5340eea940162e97c519a33a2", True),
        ("MAPPING_device_id", f"xrandr-Lenovo Group Limited-LEN P32p-20-{SERIAL}", True),
        ("Filename", "/home/jdoe/.local/share/icc/edid-cd6dabb5340eea940162e97c519a33a2.icc", True),
        ("DeviceUUID", "4b1f3c2e-9d0a-4a55-8f1e-0c2d3b4a5e6f", True),
        # Neighbours: the model, the maker, the tool, an empty serial (nothing to remove).
        ("EDID_model", "LEN P32p-20", False),
        ("EDID_manufacturer", "Lenovo Group Limited", False),
        ("CMF_version", "43.0", False),
        ("EDID_serial", "", False),
    ],
)
@pytest.mark.parametrize("maker", sorted(MAKERS))
def test_a_dict_entry_naming_a_device_is_a_device_id_zeroed_in_place(
    maker: str, name: str, value: str, device: bool
) -> None:
    data = MAKERS[maker](with_tags((b"meta", dict_tag(*EDID_ENTRIES, (name, value)))))
    where = "jpeg" if maker.startswith("jpeg") else maker
    found = read_metadata(data, probe(data))
    assert found.paths("device_id") == ((f"/icc/{where}/device",) if device else ())
    assert found.paths("uninspected") == ()
    stripped = strip_identifiers(data, probe(data))
    if not device:
        return
    assert stripped is not data and value.encode("utf-16-be") not in stripped
    assert "LEN P32p-20".encode("utf-16-be") in stripped or maker == "png"  # PNG's profile is deflated
    assert read_metadata(stripped, probe(stripped)).paths("device_id") == ()
    assert decoded(stripped) == decoded(data)


@pytest.mark.parametrize("record_size", [16, 24, 32])
def test_every_record_size_the_standard_allows_is_read(record_size: int) -> None:
    tag = dict_tag(("EDID_serial", SERIAL), ("EDID_model", "X"), record_size=record_size)
    assert [name for name, _, _ in icc_dict.entries(tag)] == ["EDID_serial", "EDID_model"]
    assert len(icc_dict.device_spans(tag)) == 1


@pytest.mark.parametrize(
    "tag",
    [
        b"dict" + bytes(4) + struct.pack(">II", 3, 16),  # three records that are not there
        b"dict" + bytes(4) + struct.pack(">II", 1, 20) + bytes(20),  # a record size no version has
        b"dict" + bytes(4) + struct.pack(">II", 1, 16) + struct.pack(">IIII", 32, 2, 400, 8) + b"\x00a",
    ],
    ids=["records", "record-size", "value-outside"],
)
def test_a_malformed_dict_holds_the_profile(tag: bytes) -> None:
    data = MAKERS["webp"](with_tags((b"meta", tag)))
    assert read_metadata(data, probe(data)).paths("uninspected") == ("/icc/webp/unreadable",)


NAMES = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=24)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(NAMES, NAMES), max_size=6), st.sampled_from([16, 24, 32]))
def test_the_dict_walker_reads_back_every_entry_and_the_strip_blanks_only_device_values(
    entries: list[tuple[str, str]], record_size: int
) -> None:
    tag = dict_tag(*entries, record_size=record_size)
    read = icc_dict.entries(tag)
    assert [name for name, _, _ in read] == [name for name, _ in entries]
    assert [tag[at : at + size].decode("utf-16-be") for _, at, size in read] == [v for _, v in entries]
    spans = icc_dict.device_spans(tag)
    devices = [v for n, v in entries if v and icc_dict.device_spans(dict_tag((n, v)))]
    assert len(spans) == len(devices)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_a_mutated_dict_tag_is_read_or_refused_never_crashes(data: st.DataObject) -> None:
    tag = bytearray(dict_tag(*EDID_ENTRIES, ("EDID_serial", SERIAL)))
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(8, len(tag) - 1))
        tag[at : at + 4] = data.draw(st.binary(min_size=1, max_size=4))
    try:
        spans = icc_dict.device_spans(bytes(tag))
    except ImageUndecodable:
        return
    assert all(0 <= start <= end <= len(tag) for start, end in spans)


def _png_profile(data: bytes) -> bytes:
    at = data.index(b"iCCP")
    (length,) = struct.unpack(">I", data[at - 4 : at])
    body = data[at + 4 : at + 4 + length]
    return zlib.decompress(body[body.index(b"\x00") + 2 :])


def test_the_real_mutter_screenshot_loses_its_monitor_serial_and_home_path(plain_gate: Pipeline) -> None:
    data = (REAL / "androidx-media3-edid-icc.png").read_bytes()
    assert read_metadata(data, probe(data)).paths("device_id") == ("/icc/png/device",)
    evaluation = plain_gate.evaluate(data, synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED, evaluation.decision.reason_codes
    assert evaluation.output is not None
    profile = _png_profile(evaluation.output)
    for secret in ("VNA76A3L", "andrewlewis", "cd6dabb5340eea940162e97c519a33a2"):
        assert secret.encode("utf-16-be") not in profile
    assert "LEN P32p-20".encode("utf-16-be") in profile  # the model is not a device's identity
    assert icc.read_items(profile, "png") == icc.read_items(profile, "png")  # still parses
    assert decoded(evaluation.output) == decoded(data)
    again = plain_gate.evaluate(evaluation.output, synthetic=False)
    assert again.verdict is Verdict.APPROVED and again.actions == ()


# --- Generators' parameters -------------------------------------------------------------------------

API_GRAPH = {"3": {"class_type": "KSampler", "inputs": {"seed": 1, "steps": 20}}}
WORKFLOW = {"last_node_id": 3, "nodes": [{"id": 3, "type": "KSampler"}], "links": []}
SWARM = {"sui_image_params": {"prompt": "a cat", "seed": 1}}
CIVITAI = {
    "resource-stack": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "x"}},
    **API_GRAPH,
    "extra": {"airs": ["urn:air:sdxl:checkpoint:civitai:1@2"]},
    "extraMetadata": json.dumps({"prompt": "a cat"}),
}


@pytest.mark.parametrize(
    ("tag", "text", "marker"),
    [
        (0x0110, "prompt:" + json.dumps(API_GRAPH), "exif:comfyui-prompt"),  # ComfyUI's Model
        (0x010F, "workflow:" + json.dumps(WORKFLOW), "exif:comfyui-workflow"),  # ComfyUI's Make
        (0x010E, "Workflow: " + json.dumps(WORKFLOW), "exif:comfyui-workflow"),  # save-image-extended
        (0x010F, "Prompt: " + json.dumps(API_GRAPH), "exif:comfyui-prompt"),
        (0x010D, "prompt:" + json.dumps(API_GRAPH), None),  # DocumentName is not read: removed whole
        (0x9286, json.dumps({"prompt": API_GRAPH}), "exif:comfyui-prompt"),  # SaveImage+
        (0x9286, json.dumps(CIVITAI), "exif:comfyui-prompt"),  # Civitai's generator
        (0x9286, json.dumps({"a": 1, "b": 2, **API_GRAPH}), None),  # one node among more other values
        (0x9286, json.dumps(SWARM, indent=2), "exif:swarmui-parameters"),
        (0x9286, "a cat\nSteps: 20, Sampler: Euler a, Seed: 1", "exif:a1111-parameters"),
        (0x010E, "a cat\nSteps: 20, Sampler: Euler a, Seed: 1", "exif:a1111-parameters"),
        # Neighbours: what cameras and editors write, JSON that is no graph, a label with text after it.
        (0x010F, "NIKON CORPORATION", None),
        (0x010E, "prompt: a cat on a sofa", None),
        (0x9286, json.dumps({"caption": "a cat", "nodes": []}), None),
        (0x9286, json.dumps({"nodes": [], "links": []}), None),  # an empty editor graph
        (0x9286, json.dumps({"3": {"inputs": {}}}), None),  # nodes without a class
        (0x010E, "{not json", None),
    ],
)
@pytest.mark.parametrize("container", ["jpeg", "webp"])
def test_generation_parameters_in_any_exif_text_mark_the_image_ai_made(
    container: str, tag: int, text: str, marker: str | None
) -> None:
    exif = Image.Exif()
    # UserComment starts with its character code; the others are ASCII (Pillow writes little-endian).
    exif[tag] = b"UNICODE\x00" + text.encode("utf-16-le") if tag == 0x9286 else text
    data = jpeg_bytes(exif=exif, icc=False) if container == "jpeg" else webp_bytes(exif=exif)
    assert read_metadata(data, probe(data)).ai_markers == ((marker,) if marker else ())


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (b"ASCII\x00\x00\x00jane.doe@example.com", "jane.doe@example.com"),
        (b"\x00" * 8 + b"jane.doe@example.com", "jane.doe@example.com"),
        # No character code (ComfyUI's SaveImage+ writes the text as ASCII): nothing of it is dropped.
        (b"jane.doe@example.com", "jane.doe@example.com"),
        (b'{"prompt": {}}', '{"prompt": {}}'),
    ],
)
def test_a_user_comment_is_read_whole_unless_it_starts_with_a_character_code(raw: bytes, text: str) -> None:
    exif = Image.Exif()
    exif[0x9286] = raw.decode("latin-1")  # type ASCII, as SaveImage+ writes it
    data = jpeg_bytes(exif=exif, icc=False)
    [item] = read_metadata(data, probe(data)).items
    assert item.value == text


@pytest.mark.parametrize(
    ("keyword", "text", "marker"),
    [
        ("invokeai_metadata", json.dumps({"positive_prompt": "a cat", "seed": 1}), "png:invokeai-metadata"),
        ("invokeai_graph", json.dumps({"id": "g", "nodes": {}, "edges": []}), "png:invokeai-metadata"),
        ("sd-metadata", json.dumps({"model": "stable diffusion", "image": {}}), "png:invokeai-metadata"),
        ("Dream", '"a cat" -s 50 -S 1', "png:invokeai-metadata"),
        ("generation_data", json.dumps(API_GRAPH), "png:comfyui-prompt"),  # a keyword of the writer's own
        ("graph", json.dumps(WORKFLOW), "png:comfyui-workflow"),
        ("sui", json.dumps(SWARM), "png:swarmui-parameters"),
        ("Comment", json.dumps({"caption": "a cat"}), None),
        ("Title", "invokeai_metadata", None),
    ],
)
def test_generators_png_keywords_and_graphs_under_any_keyword_mark_the_image(
    keyword: str, text: str, marker: str | None
) -> None:
    info = PngInfo()
    info.add_text(keyword, text)
    data = png_bytes(info)
    assert read_metadata(data, probe(data)).ai_markers == ((marker,) if marker else ())


def test_the_real_comfyui_webp_is_held_as_undeclared_and_passes_when_declared(plain_gate: Pipeline) -> None:
    data = (REAL / "generated" / "sd-metadata-comfyui-extended.webp").read_bytes()
    markers = read_metadata(data, probe(data)).ai_markers
    assert markers == ("exif:comfyui-workflow", "exif:comfyui-prompt")
    undeclared = plain_gate.evaluate(data, synthetic=False)
    assert undeclared.verdict is Verdict.QUARANTINED
    assert "provenance.undeclared_synthetic" in undeclared.decision.reason_codes
    declared = plain_gate.evaluate(data, synthetic=True)
    assert "provenance.undeclared_synthetic" not in declared.decision.reason_codes


def test_the_real_comfyui_webp_without_its_exif_is_not_marked() -> None:
    data = (REAL / "generated" / "sd-metadata-comfyui-extended.webp").read_bytes()
    with Image.open(io.BytesIO(data)) as image:
        buf = io.BytesIO()
        image.save(buf, "WEBP", lossless=True)
    plain = buf.getvalue()
    assert read_metadata(plain, probe(plain)).ai_markers == ()


def test_a_huge_or_deep_json_text_is_no_marker_and_no_crash() -> None:
    exif = Image.Exif()
    exif[0x9286] = b"ASCII\x00\x00\x00" + b"[" * 5000 + b"]" * 5000
    data = jpeg_bytes(exif=exif, icc=False)
    assert read_metadata(data, probe(data)).ai_markers == ()


# --- A PNG profile whose zlib stream stops after the whole profile ------------------------------------


def _cut_stream(profile: bytes, email: str | None = None) -> bytes:
    """The profile's zlib stream flushed but never finished (no final block, no Adler-32), as ente's
    Display P3 screenshots carry it."""
    if email:
        profile = with_tags((b"dscm", _mluc_en(email)), profile=profile)
    deflater = zlib.compressobj()
    cut = deflater.compress(profile) + deflater.flush(zlib.Z_SYNC_FLUSH)
    return cut


def _mluc_en(text: str) -> bytes:
    raw = text.encode("utf-16-be")
    return b"mluc" + bytes(4) + struct.pack(">II", 1, 12) + b"enUS" + struct.pack(">II", len(raw), 28) + raw


def _png_iccp(stream: bytes) -> bytes:
    data = png_bytes()
    at = data.index(b"iCCP") - 4
    (length,) = struct.unpack(">I", data[at : at + 4])
    new = chunk(b"iCCP", b"Display P3\x00\x00" + stream)
    return data[:at] + new + data[at + 12 + length :]


def test_a_profile_stream_cut_after_the_whole_profile_is_read_and_published(plain_gate: Pipeline) -> None:
    stream = _cut_stream(icc_profile())
    data = _png_iccp(stream)
    with Image.open(io.BytesIO(data)) as image:  # Pillow applies it
        assert image.info["icc_profile"] == icc_profile()
    found = read_metadata(data, probe(data))
    assert found.paths("uninspected") == found.paths("unread") == ()
    evaluation = plain_gate.evaluate(data, synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED, evaluation.decision.reason_codes
    assert evaluation.actions == ()


def test_text_in_a_cut_profile_stream_is_scanned(plain_gate: Pipeline) -> None:
    stream = _cut_stream(icc_profile(), email="jane.doe@example.com")
    evaluation = plain_gate.evaluate(_png_iccp(stream), synthetic=False)
    assert ("metadata.personal_data", "EMAIL_ADDRESS") in {
        (r.reason.code, r.reason.entity) for r in evaluation.decision.reasons
    }


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_a_profile_stream_cut_anywhere_else_is_still_held(data: st.DataObject) -> None:
    whole = zlib.compress(icc_profile())
    cut_at = data.draw(st.integers(1, len(whole) - 1))
    png = _png_iccp(whole[:cut_at])
    found = read_metadata(png, probe(png))
    # Short of the whole profile the colours are lost to every reader: held, as before. A cut inside the
    # Adler-32 or the last block's end leaves the whole profile readable: read.
    inflated = zlib.decompressobj().decompress(whole[:cut_at])
    if len(inflated) == len(icc_profile()):
        assert found.paths("uninspected") == ()
    else:
        assert found.paths("uninspected") == ("/png/iCCP/0",)


def test_bytes_past_a_whole_profile_in_a_cut_stream_keep_it_held() -> None:
    deflater = zlib.compressobj()
    stream = deflater.compress(icc_profile() + b"jane.doe@example.com") + deflater.flush(zlib.Z_SYNC_FLUSH)
    png = _png_iccp(stream)
    assert read_metadata(png, probe(png)).paths("uninspected") == ("/png/iCCP/0",)
