"""SESSION_TOKEN: session cookies (PHPSESSID=..., Magento's frontend=...), bearer tokens, JWTs, and
token-like values under session/cookie/token/authorization keys."""

from __future__ import annotations

import base64
import re
from typing import Any

from gate.scanning.context import key_fragments
from gate.scanning.detectors.base import (
    HAS_DIGIT,
    HAS_JWT,
    HAS_SEPARATOR,
    HAS_TOKEN_WORD,
    HAS_UPPER,
    PatternDetector,
    PatternRule,
    Text,
    any_word,
)
from gate.scanning.detectors.keyed_rule import KeyedRule, keyset
from gate.scanning.script_facts import HAS_NON_HEX

# Cookie and parameter names that carry a session, matched case-insensitively before "=" or ":".
_COOKIE_NAMES = (
    "phpsessid",
    "jsessionid",
    "asp.net_sessionid",
    "aspsessionid",
    "sessionid",
    "session_id",
    "_session_id",  # Rails
    "session",
    "sid",
    "connect.sid",
    "laravel_session",
    "ci_session",
    "frontend",
    "adminhtml",
    "persistent_shopping_cart",
    "_shopify_s",
    "_shopify_y",
    "cart_sig",
    "auth_token",
    "access_token",
    "refresh_token",
    "id_token",
    "csrftoken",
    "xsrf-token",
    "x-auth-token",
    "wordpress_logged_in_",
    "wp_woocommerce_session_",
    "api_key",
    "apikey",
    "api-key",
    "x-api-key",
    "client_secret",
    "secret_key",
    "access_key",
    "private_token",
    "private-token",
    # (text15) more shop and identity frameworks: OpenCart, Drupal (SSESS and the site's hash),
    # PrestaShop, Keycloak, NextAuth, Supabase
    "ocsessid",
    "ssess",
    "prestashop-",
    "keycloak_identity",
    "keycloak_session",
    "next-auth.session-token",
    "sb-access-token",
)
_COOKIE = re.compile(
    r"(?i)(?<![\w.\-])(?:" + "|".join(re.escape(name) for name in _COOKIE_NAMES) + r")[0-9a-f]{0,40}"
    r"\s*[=:]\s*[\"']?(?P<value>[A-Za-z0-9%._\-+/~]{8,4096})"
)
_BEARER = re.compile(r"(?i)\b(?:bearer|token)\s+(?P<value>[A-Za-z0-9\-._~+/]{16,4096}=*)")
# A bearer token shorter than 16 characters (test and internal tokens are): six at least, letters and digits.
_SHORT_BEARER = re.compile(r"(?i)\bbearer\s+(?P<value>[A-Za-z0-9\-._~+/]{6,15}=*)(?![\w\-.~+/=])")
_MIN_SHORT = 6
# HTTP Basic credentials (RFC 7617): "Authorization: Basic " and the base64 of "user:password", as curl
# commands, HAR files and logs print them; read only when the value decodes to a user and a password.
_BASIC = re.compile(r"(?i)\bbasic\s+(?P<value>[A-Za-z0-9+/]{8,684}={0,2})(?![A-Za-z0-9+/=\-_.])")
# "API key: sk-12ab34cd", "access token is 9f8e7d6c5b": a key's name in prose, then the value.
_CUED_KEY = re.compile(
    r"(?i)\b(?:api[ _\-]?key|secret[ _\-]?key|access[ _\-]?key|auth[ _\-]?token|access[ _\-]?token|"
    r"refresh[ _\-]?token|session[ _\-]?token|token|"
    # a password in prose, in the words of the shops' languages ("Passwort: Sommer2024!")
    r"password|passwort|kennwort|mot\s+de\s+passe|contraseña|senha|wachtwoord|hasło|parola|şifre|"
    r"salasana|пароль)\s*(?:is\s+|[:=]\s*)[\"']?"
    r"(?P<value>[A-Za-z0-9\-._~+/]{8,512})"
)
# (text18) A cookie in a "Cookie:" or "Set-Cookie:" header (an HTTP dump, a HAR entry, a log), whatever its
# name ("SESSID=", "sess=", "_ga="): a value of 16 or more token characters mixing letters and digits is a
# session or an online identifier (GDPR Recital 30). "theme=dark", "Max-Age=31536000" are not.
_HEADER_COOKIE = re.compile(
    r"(?i)\b(?:set-)?cookie\s*:\s*(?:[^\s=;]{1,64}=[^;\r\n]{0,256};\s*){0,16}?[^\s=;]{1,64}=[\"']?"
    r"(?P<value>[A-Za-z0-9%._\-+/~]{16,4096})"
)
_JWT = re.compile(r"(?<![\w\-])eyJ[A-Za-z0-9_\-]{8,2048}\.[A-Za-z0-9_\-]{8,8192}\.[A-Za-z0-9_\-]{8,2048}")
_TOKEN_LIKE = re.compile(r"[A-Za-z0-9%._\-+/~=]{8,}")


def token_like(candidate: str) -> bool:
    """A run of 8+ token characters mixing letters and digits (so "dark_mode" is not a session)."""
    for match in _TOKEN_LIKE.finditer(candidate):
        run = match.group()
        if any(ch.isdigit() for ch in run) and any(ch.isalpha() for ch in run):
            return True
    return False


def _valid_value(match: re.Match[str], text: Text) -> bool:
    return token_like(match.group("value"))


_MIN_SWITCHES = 4
_LETTER_DIGIT = re.compile(r"[A-Za-z](?=\d)|\d(?=[A-Za-z])")


def _random_value(match: re.Match[str], text: Text) -> bool:
    """A header cookie's value as random as an identifier: letters and digits switching four times at
    least ("a3f9c2e8..."); a setting or a version ("accepted-all-v2", "release-2026-12-01") does not."""
    return len(_LETTER_DIGIT.findall(match.group("value"))) >= _MIN_SWITCHES


def _short_token(match: re.Match[str], text: Text) -> bool:
    value = match.group("value")
    return (
        len(value) >= _MIN_SHORT and any(ch.isdigit() for ch in value) and any(ch.isalpha() for ch in value)
    )


def _user_and_password(match: re.Match[str], text: Text) -> bool:
    value = match.group("value")
    try:
        decoded = base64.b64decode(value + "=" * (-len(value) % 4), validate=True).decode("utf-8")
    except ValueError:  # binascii.Error and UnicodeDecodeError are ValueErrors
        return False
    user, colon, password = decoded.partition(":")
    return bool(colon and user and password) and decoded.isprintable()


_KEY_WORDS = any_word(
    (
        "api", "secret", "access", "token", "auth", "refresh", "session", "password", "passwort", "kennwort",
        "passe", "contraseña", "senha", "wachtwoord", "hasło", "parola", "şifre", "salasana", "пароль",
    )
)  # fmt: skip


def _bearer_words(text: Text) -> bool:
    return "bearer" in text.lower or "token" in text.lower


DETECTOR = PatternDetector(
    entity="SESSION_TOKEN",
    needs=HAS_SEPARATOR | HAS_JWT | HAS_TOKEN_WORD,
    rules=(
        PatternRule("session.jwt", _JWT, requires=HAS_JWT),
        PatternRule("session.cookie", _COOKIE, _valid_value, any_word(_COOKIE_NAMES), HAS_SEPARATOR),
        PatternRule("session.cookie", _HEADER_COOKIE, _random_value, any_word(("cookie",)), HAS_SEPARATOR),
        PatternRule("session.bearer", _BEARER, _valid_value, _bearer_words),
        PatternRule("session.bearer", _SHORT_BEARER, _short_token, any_word(("bearer",))),
        PatternRule("session.cued_key", _CUED_KEY, _valid_value, _KEY_WORDS),
        PatternRule("session.basic", _BASIC, _user_and_password, any_word(("basic",))),
    ),
)


# Secret keys of the services shops use, by the prefixes their issuers publish so that leaks can be
# found (Stripe "sk_live_"/"rk_live_", OpenAI "sk-proj-", GitHub "ghp_"/"github_pat_", Slack "xoxb-",
# AWS "AKIA"): a key alone, with no name before it, gives access to the account it belongs to.
_SECRET_PREFIXES = (
    "sk_live_",
    "rk_live_",
    "sk-proj-",
    "ghp_",
    "gho_",
    "ghu_",
    "github_pat_",
    "xoxb-",
    "xoxp-",
    "AKIA",
    "sk-ant-",
    "glpat-",
    "xoxa-",
    "xapp-",
)
_SECRET = re.compile(
    r"[sgrxA](?<![\w\-][sgrxA])(?:k_live_|k-proj-|k-ant-|hp_|ho_|hu_|ithub_pat_|lpat-|oxb-|oxp-|oxa-|app-|KIA)"
    r"(?P<value>[A-Za-z0-9_\-]{16,256})"
)
# Keys whose prefix is short or a word's start ("hf_", "r8_", "AIza"), each only in its issuer's exact
# shape: Hugging Face access tokens (the models' own hub), Replicate API tokens, Google API keys,
# SendGrid and npm tokens; (text13) PyPI upload tokens (a macaroon whose first bytes say "pypi.org"),
# Shopify's app tokens (shpat_, shpss_, shpca_, shppa_ and 32 hex digits), Mailgun's "key-" and 32
# characters, and Discord bot tokens (the bot's id in base64, a dot, 6 characters, a dot, 27-38).
_SHAPED_SECRET = re.compile(
    r"(?<![\w\-.])(?:hf_(?P<hf>[A-Za-z0-9]{30,40})|r8_(?P<r8>[A-Za-z0-9]{30,40})|AIza(?P<google>[A-Za-z0-9_\-]{35})|"
    r"SG\.(?P<sendgrid>[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43})|npm_(?P<npm>[A-Za-z0-9]{36})|"
    r"pypi-(?P<pypi>AgEIcHlwaS5vcmc[A-Za-z0-9_\-]{50,}))(?![\w\-])"
)
_shaped_prefix = any_word(("hf_", "r8_", "aiza", "sg.", "npm_", "pypi-"))
# Discord's bot token: no prefix, so only in text with two dots, and its first part is the base64 of a
# number of 17-20 digits (its first letter M, N or O).
_DISCORD = re.compile(r"(?<![\w\-.])(?P<value>[MNO][A-Za-z0-9]{23,25}\.[\w\-]{6}\.[\w\-]{27,38})(?![\w\-.])")


def _two_dots(text: Text) -> bool:
    return text.value.count(".") >= 2


def _discord_token(match: re.Match[str], text: Text) -> bool:
    """The first part decodes to the bot's id, 17-20 digits (a file name of that shape does not)."""
    head = match.group("value").split(".", 1)[0]
    try:
        decoded = base64.b64decode(head + "=" * (-len(head) % 4), validate=True)
    except ValueError:
        return False
    return 17 <= len(decoded) <= 20 and decoded.isdigit()


# Keys written in lower case only (so not under SECRET_KEYS' capitals): Shopify's app tokens and
# Mailgun's API keys.
_LOWER_SECRET = re.compile(
    r"(?<![\w\-.])(?:shp(?:at|ss|ca|pa)_(?P<shopify>[a-fA-F0-9]{32})|key-(?P<mailgun>[0-9a-z]{32}))(?![\w\-])"
)
# Webhook URLs hold their secret in the path: whoever has one posts as the shop.
_WEBHOOK = re.compile(
    r"hooks\.slack\.com/(?:services|workflows)/(?P<value>T[A-Z0-9]{6,}/[A-Z0-9]{6,}/[A-Za-z0-9]{16,})|"
    r"discord(?:app)?\.com/api/webhooks/(?P<discord>\d{15,}/[\w\-]{40,})"
)
_webhook_host = any_word(("hooks.slack.com", "/api/webhooks/"))


# One bit of the cue-word pass every text pays anyway (lower-cased: "akia").
_secret_prefix = any_word(tuple(prefix.lower() for prefix in _SECRET_PREFIXES))


def _secret_value(match: re.Match[str], text: Text) -> bool:
    value = next(group for group in match.groups() if group is not None)
    return any(ch.isdigit() for ch in value) and any(ch.isalpha() for ch in value)


SECRET_KEYS = PatternDetector(
    entity="SESSION_TOKEN",
    needs=HAS_UPPER,  # (with a digit) every issuer's key mixes capitals and digits
    # (hexfast26) Every rule needs a character no hash or UUID has ("sk_", "AKIA", "hf_", ".", "M"):
    # a hash in capitals is not asked.
    requires=HAS_NON_HEX,
    rules=(
        PatternRule("session.secret_key", _SECRET, _secret_value, _secret_prefix),
        PatternRule("session.secret_key", _SHAPED_SECRET, _secret_value, _shaped_prefix),
        PatternRule("session.webhook", _WEBHOOK, _secret_value, _webhook_host),
        PatternRule("session.secret_key", _DISCORD, _discord_token, _two_dots),
    ),
)

LOWER_SECRET_KEYS = PatternDetector(
    entity="SESSION_TOKEN",
    needs=HAS_DIGIT,
    requires=HAS_DIGIT | HAS_NON_HEX,  # "shpat_", "key-": never in a hash or a UUID
    rules=(
        PatternRule(
            "session.secret_key",
            _LOWER_SECRET,
            _secret_value,
            any_word(("shpat_", "shpss_", "shpca_", "shppa_", "key-")),
        ),
    ),
)


def _token_value(value: Any) -> bool:
    return isinstance(value, str) and token_like(value)


def _password(value: Any) -> bool:
    """Four visible characters at least, not one character repeated (a mask: "****", "••••")."""
    if not isinstance(value, str):
        return False
    visible = "".join(value.split())
    return len(visible) >= _MIN_PASSWORD and len(set(visible)) > 1


_MIN_PASSWORD = 4


KEYED_RULES = (
    KeyedRule(
        "SESSION_TOKEN",
        "session.key",
        keyset(
            "session session_id session_token session_key sid sessid phpsessid jsessionid cookie cookies "
            "ocsessid keycloak_identity keycloak_session next_auth_session_token sb_access_token "
            "set_cookie authorization auth auth_token access_token refresh_token id_token bearer token "
            "csrf_token xsrf_token x_auth_token x_session_id frontend api_key apikey jwt "
            # secrets of the services image generators call, and "API key" in the shops' languages
            "api_token api_secret client_secret secret_key private_key access_key secret_access_key "
            "aws_secret_access_key aws_access_key_id hf_token huggingface_token civitai_token "
            "civitai_api_key replicate_api_token openai_api_key x_api_key cle_api cle_d_api "
            # (text13) a service's secret under its own name ("twilio_secret", Slack's "signing_secret")
            "secret auth_secret app_secret consumer_secret signing_secret webhook_secret shared_secret "
            "twilio_secret stripe_secret jwt_secret "
            "api_schlussel api_schluessel chave_api clave_api chiave_api api_sleutel klucz_api"
        ),
        _token_value,
        fragments=key_fragments(
            "токен", "ключ_api", "api_ключ", "令牌", "トークン", "토큰", "密钥", "秘密鍵"
        ),
    ),
    # A password under its key is a credential whatever its form ("Tr0ub4dor&3", "Hunter2!Madrid").
    KeyedRule(
        "SESSION_TOKEN",
        "session.password",
        keyset(
            "password passwd pwd passcode user_password login_password passwort kennwort mot_de_passe "
            "motdepasse contrasena senha wachtwoord haslo parola sifre salasana adgangskode passord losenord "
            "heslo jelszo"
        ),
        _password,
        fragments=key_fragments(
            "пароль", "パスワード", "密码", "密碼", "비밀번호", "كلمة_المرور", "סיסמה", "รหัสผ่าน"
        ),
    ),
)
