"""An application's client id, which is no customer's: the key `client_id` names a customer's number in
shops' exports (French "id client", Spanish "id cliente"), and also the id an application is given.

Two applications' ids are told by the object they sit in, and by their value's shape:
- ComfyUI's `/prompt` body (`{"client_id": "...", "prompt": {"3": {"class_type": "KSampler", ...}}}`):
  the id of the browser tab's websocket, random hex or a UUID the page made up; a graph of nodes with
  their class types stands beside it. A value of another shape (a shop's "C-100482") is still read.
- OAuth 2 (RFC 6749, RFC 9068): a token's claims or a token request, where `client_id` names the
  application that asked (`iss` with `aud` or `exp`, `grant_type`, `response_type`, `redirect_uri`,
  `client_secret`); one token without spaces.
Whatever the object, the value is still read as text by every text detector; only the key's word
"client" is not taken for a customer.
"""

from __future__ import annotations

import re
from typing import Any

_KEYS = ("client_id", "clientId")
# Random hex of a websocket id or a UUID, with or without its dashes (ComfyUI's page writes uuid4().hex).
_RANDOM_ID = re.compile(r"[0-9a-fA-F]{8,64}|[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}")
_TOKEN = re.compile(r"[\w.:/@+\-]{2,200}")
_OAUTH_REQUEST = ("grant_type", "response_type", "redirect_uri", "client_secret", "code_verifier")
# ComfyUI graphs hold at most a few thousand nodes; a few are enough to say what the object is.
_NODES_LOOKED_AT = 8


def _comfy_prompt(graph: Any) -> bool:
    """Whether `graph` is a ComfyUI API prompt: node ids mapped to objects with a string `class_type`."""
    if type(graph) is not dict or not graph:
        return False
    for position, node in enumerate(graph.values()):
        if position >= _NODES_LOOKED_AT:
            break
        if type(node) is dict and type(node.get("class_type")) is str:
            return True
    return False


def _oauth(obj: dict[Any, Any]) -> bool:
    if "iss" in obj and ("aud" in obj or "exp" in obj):
        return True
    return any(name in obj for name in _OAUTH_REQUEST)


def application_client(obj: dict[Any, Any]) -> str | None:
    """The key of `obj` that holds an application's client id (module docstring), or None: the key under
    which the customer-id rule does not read its word "client"."""
    for key in _KEYS:
        if key in obj:
            value = obj[key]
            if type(value) is not str:
                return None
            if _RANDOM_ID.fullmatch(value) and _comfy_prompt(obj.get("prompt")):
                return key
            if _TOKEN.fullmatch(value) and _oauth(obj):
                return key
            return None
    return None
