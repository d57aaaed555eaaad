"""SOCIAL_HANDLE: profile links and handles after a platform or "follow" word, in several languages,
with the clean neighbours that must stay clean (the shop's own account, a style reference, a bare "@",
format words after a platform, source-code hosts)."""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from tests.unit.scanning.found import entities

FOUND = [
    # profile links, with and without scheme, www. or m.
    "customer profile instagram.com/jane.doe",
    "see https://x.com/janedoe_88 for the look",
    "https://twitter.com/hans_mueller",
    "tiktok.com/@maria.lopez",
    "https://www.facebook.com/profile.php?id=100012345678901",
    "m.facebook.com/anna.kowalska.5",
    "linkedin.com/in/hans-mueller-4711",
    "https://de.linkedin.com/in/lena-schmidt",
    "t.me/ivan_petrov",
    "youtube.com/@BobRossFan",
    "reddit.com/user/throwaway_8812",
    "https://bsky.app/profile/jane.bsky.social",
    "vk.com/id123456789",
    "threads.net/@carla_ruiz",
    "medium.com/@lena.schmidt",
    "instagram.com/stories/jane.doe/3141592653",
    "Karte mit QR-Code auf instagram.com/lena.schmidt.art drucken",
    # a handle after a platform name or "follow", in other languages
    "poster for instagram: @jane_doe88",
    "follow @jane_doe88 for more",
    "Kundin auf Instagram: @lena.schmidt",
    "mi instagram es @carla_ruiz",
    "mein TikTok ist @mia.kl",
    "son compte insta @chloe.martin",
    "il mio profilo instagram @giulia_b",
    "obserwuj @kasia.nowak",
    "подпишись на @ivan_petrov",
    "インスタ @sakura_tanaka のために",
    "인스타 @minjun.kim 선물",
    "关注 @wang_wei88",
    "takip et @ayse.yilmaz",
    "ไอจี @somchai_j",
    # a handle-shaped token after a platform name and a colon
    "Insta: jane.doe.88",
    "snapchat: ken_tanaka99",
    "usuario: carla_88",
    "line id: somchai1990",
    "ник: ivan_88",
    "username = lena.schmidt",
]

CLEAN = [
    "in the style of @nike",
    "design like the instagram feed of @zara",
    "follow us @acme.shop for new drops",
    "our instagram @acme.store",
    "folgt uns auf Instagram @acme.de",
    "síguenos en instagram @acme_es",
    "@2x retina asset",
    "css @media screen",
    "photo shot @ 85mm",
    "logo for instagram post, 1080x1080",
    "ig: story_format",
    "instagram: square_1080",
    "instagram: 4x5 portrait",
    "insta: acme.com",
    "youtube thumbnail, bold title",
    "instagram.com/explore/tags/summer",
    "https://www.instagram.com/p/C1a2B3c4D5e/",
    "linkedin.com/company/acme-gmbh",
    "reddit.com/r/photography",
    "x.com/search?q=sneakers",
    "tiktok.com/tag/summer",
    "medium.com/design-weekly/colour-trends-2026-4f1a2b",
    "https://www.youtube.com/playlist?list=PL123abc",
    "https://www.facebook.com/photo.php?fbid=1234567890",
    "https://www.facebook.com/sharer.php?u=https://acme.com",
    "https://github.com/lllyasviel/ControlNet",
    "models/sd_xl_base_1.0.safetensors",
    "contact: jane.doe@example.com",  # an address, not a handle (found as EMAIL_ADDRESS)
    "handle: brass, 12 cm",
    "follow the light, golden hour",
]


@pytest.mark.parametrize("text", FOUND)
def test_a_handle_or_profile_link_is_found(text: str) -> None:
    assert "SOCIAL_HANDLE" in entities(text)


@pytest.mark.parametrize("text", CLEAN)
def test_neighbours_have_no_handle(text: str) -> None:
    assert "SOCIAL_HANDLE" not in entities(text)


KEYED: list[tuple[dict[str, Any], bool]] = [
    ({"instagram": "@jane_doe88"}, True),
    ({"customer": {"tiktok": "maria.lopez"}}, True),
    ({"social_handle": "@lena.schmidt"}, True),
    ({"profile_url": "https://www.linkedin.com/in/hans-mueller"}, True),
    ({"instagram": ["@a_one", "@b_two"]}, True),
    ({"social": "instagram"}, False),
    ({"instagram": True}, False),
    ({"instagram": "none"}, False),
    ({"instagram": "a photo for the feed, warm light"}, False),
    ({"handle": "brass.png"}, False),
    ({"handle": "@acme", "brand": "Acme"}, False),
    ({"shop_instagram": "@acme.shop"}, False),
    # Not an address split across the key: the handle alone.
    ({"social": {"instagram": "@acme.shop", "tiktok": "@acme.store"}, "brand": "Acme"}, True),
]


@pytest.mark.parametrize(("params", "found"), KEYED)
def test_a_handle_under_a_platform_key(params: dict[str, Any], found: bool) -> None:
    assert ("SOCIAL_HANDLE" in {f.entity for f in scan_parameters(params)}) is found


def test_the_reason_names_the_pointer_never_the_handle() -> None:
    params = {"prompt": "mug, instagram: @jane_doe88", "customer": {"instagram": "@lena_schmidt"}}
    findings = scan_parameters(params)
    assert {(f.entity, f.path) for f in findings} == {
        ("SOCIAL_HANDLE", "/prompt"),
        ("SOCIAL_HANDLE", "/customer/instagram"),
    }
    assert all("jane" not in f.path and "lena" not in f.path for f in findings)
