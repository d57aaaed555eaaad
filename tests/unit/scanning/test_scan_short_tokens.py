"""SESSION_TOKEN: short bearer tokens and API keys after their name, with the neighbours where the same
words are a bond, a coin or a placeholder."""

from __future__ import annotations

import pytest

from tests.unit.scanning.found import entities

FOUND = [
    "Authorization: Bearer abc123XYZ",
    "Bearer abc123",
    "curl -H 'Authorization: Bearer 9f8e7d' https://api.example.com",
    "api_key=sk-12ab34cd",
    "x-api-key: 12ab34cd56",
    "API key: sk-12ab34cd",
    "my access token is 9f8e7d6c5b4a",
    "client_secret=s3cr3tV4lue",
]

CLEAN = [
    "bearer bonds poster, 1920s",
    "token economy illustration",
    "token: gold coin",
    "api key icon, flat design",
    "the bearer of good news",
    "Bearer 2024",
    "access: public",
    "api_key=YOUR_API_KEY",
    "session token: expired",
]


@pytest.mark.parametrize("text", FOUND)
def test_a_short_token_after_its_name_is_found(text: str) -> None:
    assert "SESSION_TOKEN" in entities(text)


@pytest.mark.parametrize("text", CLEAN)
def test_the_words_alone_are_clean(text: str) -> None:
    assert "SESSION_TOKEN" not in entities(text)
