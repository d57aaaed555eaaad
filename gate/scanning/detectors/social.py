"""SOCIAL_HANDLE: a social-media account of a person, as a profile link or a handle (GDPR Art. 4(1): an
online identifier that singles a person out).

- A profile link anywhere (`instagram.com/jane.doe`, `x.com/janedoe_88`, `tiktok.com/@maria.lopez`,
  `facebook.com/profile.php?id=1000...`, `linkedin.com/in/hans-mueller`, `t.me/ivan_petrov`,
  `youtube.com/@name`): the path names an account, not a post, a search or a help page (`/p/...`,
  `/explore`, `linkedin.com/company/...`, `reddit.com/r/...` are no one's).
- A handle with its "@" after a platform name or a "follow" word (`instagram: @jane_doe88`, `mi
  instagram es @carla_ruiz`, `follow @jane_doe88`, `フォロー @...`), or a handle-shaped token after a
  platform name and a colon (`Insta: jane.doe.88`, `snapchat: ken_tanaka99`).

Decided (README "Social-media handles"): the gate cannot tell a shop's account from a person's, and
generation parameters need neither, so a handle or link found so is reported whoever holds it, except
where the text says it is the shop's own or a style it follows: a first-person plural before it
(`follow us @acme`, `our instagram @acme`, `folgt uns`, `síguenos`) or a style reference (`in the style
of @nike`, `inspired by @zara`, `like @acme`). A bare `@name` with no platform or "follow" word is not
read (`@2x`, `@media`, `@nike` in a mood board). Source-code hosts (GitHub, Hugging Face, Civitai) name
the authors of models and tools, which generation parameters cite: not read.
"""

from __future__ import annotations

import re
from typing import Any

from gate.scanning import lexicon
from gate.scanning.detectors.base import (
    HAS_AT,
    HAS_LINK,
    HAS_SEPARATOR,
    PatternDetector,
    PatternRule,
    Text,
    any_word,
)
from gate.scanning.detectors.keyed_rule import KeyedRule, keyset

# Hosts whose first path segment (or the segment after a marker such as `in/`) names an account.
_HOSTS = (
    "instagram.com", "instagr.am", "threads.net", "threads.com", "tiktok.com", "youtube.com", "x.com",
    "twitter.com", "facebook.com", "fb.com", "linkedin.com", "t.me", "telegram.me", "pinterest.com",
    "snapchat.com", "vk.com", "twitch.tv", "reddit.com", "bsky.app", "medium.com", "onlyfans.com",
    "patreon.com", "weibo.com", "douyin.com", "xiaohongshu.com", "ok.ru", "xing.com", "mastodon.social",
)  # fmt: skip
_PROFILE = re.compile(
    r"(?i)(?<![\w.\-@])(?:https?://)?(?:(?:www|m|mobile|[a-z]{2})\.)?(?P<host>"
    + "|".join(re.escape(host) for host in _HOSTS)
    + r")/(?P<path>[^\s\"'<>]{2,200})"
)
# First path segments of pages that name no account.
_NO_ACCOUNT = keyset(
    "p reel reels tv explore search hashtag hashtags tag tags tags.php home i intent share sharer sharer.php "
    "login signup register about legal privacy terms tos help settings policies watch shorts results "
    "feed directory pin ideas today groups events marketplace gaming pages business ads developers "
    "dialog plugins r company school jobs learning pulse s joinchat addstickers video videos music "
    "discover trending topic topics embed oauth notifications messages download store shop playlist live "
    "premium gallery photo photo.php permalink.php story.php status"
)
# After these segments the account's name follows (`linkedin.com/in/NAME`, `reddit.com/user/NAME`).
_ACCOUNT_MARKERS = keyset("in pub user u c channel add profile people stories")
# Hosts whose accounts are written with an "@" and whose other paths are posts or publications.
_AT_HOSTS = frozenset(("tiktok.com", "medium.com", "threads.net", "threads.com"))
_HANDLE_CHARS = re.compile(r"@?[\w.\-]{2,64}")
_ID_QUERY = re.compile(r"[?&]id=\d{5,}")

_HANDLE = r"(?P<handle>[^\W\d](?:[\w.]{0,28}[^\W_.]|[\w.]{0,28}_))(?![\w@/])"
# A platform name or a "follow" word, then within a few words a handle with its "@" (not an address's).
_CUED_AT = lexicon.Cues("social", "social_follow").then(r"[^\n@]{0,24}?(?<![\w.])@" + _HANDLE)
# A platform name, a colon, then a handle-shaped token.
_CUED_COLON = lexicon.Cues("social").then(r"[^\S\n]*[:\uff1a=][^\S\n]*@?" + _HANDLE)

# Words before a handle that make it the shop's own or a style (the module's docstring), as whole words.
_NOT_A_PERSON = keyset(
    "us our ours uns unser unsere unseren unserem unserer nous notre nos nuestro nuestra nuestros síguenos "
    "siguenos nostro nostra nostri seguiteci seguici ons onze nosso nossa nossos sigam-nos наш наша нашем "
    "нашу нас style styles stil estilo stile inspired inspiriert inspiré inspirée inspirado inspirada "
    "ispirato ispirata like wie comme como come moodboard brand marke marca marque"
)
_WORDS = re.compile(r"[^\W\d_]+")
# Tokens after "platform:" that describe a format, not an account ("ig: story_format", "insta: square_1080").
_FORMAT_WORDS = keyset(
    "story stories feed post posts reel reels square portrait landscape cover banner format size ad ads "
    "carousel grid highlight vertical horizontal template frame px ratio profile header thumbnail pin "
    "short shorts video live filter tile"
)
_FILE_ENDINGS = (
    ".com", ".net", ".org", ".png", ".jpg", ".jpeg", ".webp", ".gif", ".mp4", ".io", ".co", ".de"
)  # fmt: skip
_MIN_LETTERS = 3
_MARKED = 2


def _profile_path(match: re.Match[str], text: Text) -> bool:
    host, path = match.group("host").lower(), match.group("path")
    if (host.endswith("facebook.com") or host == "fb.com") and path.lower().startswith("profile.php"):
        return _ID_QUERY.search(path) is not None
    segments = [s for s in re.split(r"[/?#]", path) if s]
    if not segments:
        return False
    first = segments[0].lower()
    if first in _ACCOUNT_MARKERS:
        if len(segments) < _MARKED:  # the marker and the name
            return False
        first = segments[1].lower()
    elif first in _NO_ACCOUNT:
        return False
    if host in _AT_HOSTS and not first.startswith("@"):
        return False
    return _HANDLE_CHARS.fullmatch(first) is not None and any(ch.isalnum() for ch in first)


def _shop_or_style(text: Text, cue_start: int, at: int) -> bool:
    """Whether a word before the handle says the shop speaks or a style is meant."""
    before = text.value[max(0, cue_start - 32) : at].lower()
    return any(word in _NOT_A_PERSON for word in _WORDS.findall(before))


def _cued_handle(match: re.Match[str], text: Text) -> bool:
    return not _shop_or_style(text, match.start(), match.start("handle"))


def _cued_token(match: re.Match[str], text: Text) -> bool:
    token = match.group("handle")
    lower = token.lower()
    if lower.endswith(_FILE_ENDINGS) or not any(ch in "._0123456789" for ch in token):
        return False
    letters = _WORDS.findall(lower)
    if sum(len(word) for word in letters) < _MIN_LETTERS or all(word in _FORMAT_WORDS for word in letters):
        return False
    return not _shop_or_style(text, match.start(), match.start("handle"))


DETECTOR = PatternDetector(
    entity="SOCIAL_HANDLE",
    needs=HAS_LINK | HAS_AT | HAS_SEPARATOR,
    rules=(
        PatternRule("social.profile_link", _PROFILE, _profile_path, when=any_word(_HOSTS), requires=HAS_LINK),
        # (The cued patterns look their cue words up themselves: no prefilter but the "@".)
        PatternRule("social.cued_handle", _CUED_AT, _cued_handle, requires=HAS_AT),
        PatternRule("social.cued_token", _CUED_COLON, _cued_token, requires=HAS_SEPARATOR),
    ),
)

# Keys named for a platform or a social handle; the value must be shaped like a handle or a profile link.
# The parameters do not say whose account it is, so it is reported (a reviewer releases a shop's); keys
# that say it is the shop's (`shop_instagram`, `brand_tiktok`) are no platform key, nor a bare `handle`
# (a bag's, a door's).
_SOCIAL_KEYS = keyset(
    "instagram insta ig instagram_handle ig_handle tiktok tiktok_handle twitter twitter_handle x_handle "
    "facebook facebook_url fb linkedin linkedin_url snapchat telegram threads youtube_handle pinterest "
    "twitch bluesky mastodon social_handle social_media_handle social_profile profile_url "
    "profile_link wechat wechat_id line_id kakao kakaotalk weibo douyin xiaohongshu vk vkontakte"
)
_PLATFORMS = keyset(
    "instagram insta ig tiktok twitter x facebook fb linkedin snapchat telegram threads youtube pinterest "
    "twitch bluesky mastodon wechat line kakao weibo douyin xiaohongshu vk none null n/a - yes no true "
    "false"
)
_KEYED_HANDLE = re.compile(r"@?[^\W\d][\w.\-]{1,63}")


def _handle_value(value: Any) -> bool:
    if isinstance(value, list | tuple):
        return any(_handle_value(item) for item in value)
    if not isinstance(value, str):
        return False
    token = value.strip()
    if token.lower() in _PLATFORMS:
        return False
    if _PROFILE.search(token) is not None:
        return True
    return _KEYED_HANDLE.fullmatch(token) is not None and not token.lower().endswith(_FILE_ENDINGS)


KEYED_RULES: tuple[KeyedRule, ...] = (KeyedRule("SOCIAL_HANDLE", "social.key", _SOCIAL_KEYS, _handle_value),)
