"""Truth table of USER_ACCOUNT (`detectors/account.py`): the account name in a home folder of a path,
as generation tools write absolute paths (ComfyUI workflows, a1111 and script parameters, PNG text
chunks). Clean rows: accounts that name no person, placeholders, and URLs whose path has a "users" or
"home" segment."""

from __future__ import annotations

import pytest

from gate.scanning import scan_parameters
from tests.unit.scanning.found import entities

PATHS: list[tuple[str, bool]] = [
    (r"C:\Users\jmartin\ComfyUI\input\photo.png", True),
    (r"C:\Documents and Settings\Jmartin\My Documents\scan.png", True),
    (r"D:\\Users\\anna.kowalska\\pics\\1.png", True),  # escaped once more, as in a JSON text
    ("C:/Users/anna/Downloads/img.png", True),
    ("/home/maria.garcia/sd/models/x.safetensors", True),
    ("/Users/jdoe/Desktop/ref.png", True),
    ("file:///Users/jdoe/ref.png", True),
    ("load /home/kowalski/a.png and upscale", True),
    ('{"ckpt": "/var/home/tanaka/models/a.ckpt"}', True),
    # corporate and network roots: an EDID-built display profile of a real PNG named its account so (redimg13)
    ("/usr/local/google/home/mwilson/.local/share/icc/edid-1a2b.icc", True),
    ("file:///usr/local/google/home/mwilson/x.png", True),
    ("/nfs/home/akowalski/renders/1.png", True),
    ("/data/home/index.html", False),
    ("https://cdn.example/usr/local/google/home/banner.png", False),
    (r"C:\Users\Public\Pictures\a.png", False),
    (r"C:\Users\Default\AppData\x", False),
    (r"C:\Users\All Users\x", False),
    ("/home/runner/work/repo/x.png", False),
    ("/home/ubuntu/models/sdxl.safetensors", False),
    ("/home/jovyan/work/out.png", False),
    ("/root/models/a.ckpt", False),
    ("/home/<user>/models", False),
    (r"C:\Users\%USERNAME%\AppData", False),
    ("/home/$USER/x", False),
    ("/Users/YOUR_NAME/Desktop", False),
    ("https://shop.example/users/123/avatar", False),
    ("https://github.com/home/jdoe", False),
    ("/api/home/banner", False),
    ("models/users/lora.safetensors", False),
    ("~/models/a.png", False),
    ("/content/drive/MyDrive/x.png", False),
    ("a sofa for the home, white walls", False),
]


@pytest.mark.parametrize(("value", "leaks"), PATHS)
def test_the_account_in_a_home_folder_is_an_identifier(value: str, leaks: bool) -> None:
    assert ("USER_ACCOUNT" in entities(value, key="path")) is leaks


def test_the_reason_names_the_pointer_not_the_account() -> None:
    findings = scan_parameters({"nodes": [{"inputs": {"image": r"C:\Users\jmartin\in.png"}}]})
    assert [(f.entity, f.path) for f in findings] == [("USER_ACCOUNT", "/nodes/0/inputs/image")]
    assert "jmartin" not in repr(findings)


# Who uploaded, reviewed, approved or edited: a person, whether written as a name or an account name.
@pytest.mark.parametrize(
    "key", ["uploaded_by", "uploader", "reviewed_by", "approved_by", "edited_by", "modified_by"]
)
@pytest.mark.parametrize("value", ["jan.kowalski", "Jan Kowalski", "jmartin"])
def test_who_did_something_is_a_person(key: str, value: str) -> None:
    assert entities(value, key=key) == {"PERSON"}


@pytest.mark.parametrize("value", ["Made with Google AI", "Acme Studio GmbH"])
def test_a_tool_or_a_company_under_those_keys_is_no_person(value: str) -> None:
    assert entities(value, key="uploaded_by") == set()
