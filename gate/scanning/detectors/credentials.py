# ruff: noqa: RUF001 - password words of other scripts, on purpose
"""SESSION_TOKEN: credentials `session` does not read (the twelfth attacker round), each after its own
mark, so that text without the mark costs one prefilter:

- a password in prose after its word in 25 languages and scripts, with a few words or a particle
  between ("senha do wifi da loja: Ipanema@2025", "パスワードは sakura2024!", "密码是 abc12345"): a
  value of 6-64 characters with a letter and a digit (a password's word before a product, "password
  reset screen", is followed by none);
- a password in a URL's user information ("postgres://user:S3cret@db:5432/x"): whoever reads it logs in;
- a private key's PEM armour ("-----BEGIN OPENSSH PRIVATE KEY-----");
- an account key in a connection string ("AccountKey=...", "SharedAccessKey=...", Azure's form);
- a Telegram bot token (a bot's number, ":AA" and 30-34 characters, the shape BotFather issues).
"""

from __future__ import annotations

import re

from gate.scanning.detectors.base import (
    HAS_DIGIT,
    HAS_DIGIT_WORDS,
    HAS_SEPARATOR,
    PatternDetector,
    PatternRule,
    Text,
    any_word,
)
from gate.scanning.normalise import as_written_and_read

_PASSWORD_WORDS = (
    "password", "passwort", "kennwort", "mot de passe", "contraseña", "senha", "wachtwoord", "hasło",
    "parola", "şifre", "salasana", "пароль", "lösenord", "adgangskode", "passord", "heslo", "jelszó",
    "パスワード", "暗証番号", "密码", "密碼", "口令", "비밀번호", "รหัสผ่าน", "كلمة المرور", "كلمة السر",
    "पासवर्ड", "mật khẩu", "kata sandi", "κωδικός", "סיסמה", "رمز عبور",
)  # fmt: skip
# The word, up to three short words ("do wifi da loja", "for the shop") before a colon, or a particle
# or verb of its language ("は", "是", "는", "is", "ist", "é", "es"), then the value.
# (as written and as `normalise` reads them: "パスワード" is read with "-" for "ー")
_FORMS = sorted(as_written_and_read(_PASSWORD_WORDS), key=len, reverse=True)
_PASSWORD = re.compile(
    r"(?i:" + "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in _FORMS) + r")"
    r"(?:(?:\s+[^\W\d_]{1,8}){0,4}\s*[:=：]|\s*(?:は|是|為|는|은|:|：|=)|\s+(?:is|ist|est|es|é|è|jest|to))\s*"
    r"[\"'「『]?(?P<value>[^\s\"'」』,;]{6,64})"
)
_has_password_word = any_word(tuple(word.lower() for word in _FORMS))


def _password(match: re.Match[str], text: Text) -> bool:
    value = match.group("value").rstrip(".。")
    return len(value) >= 6 and any(ch.isdigit() for ch in value) and any(ch.isalpha() for ch in value)


_URL_PASSWORD = re.compile(
    r"\b[a-z][a-z0-9+.\-]{1,20}://[^\s:/@]{1,64}:(?P<value>[^\s@/]{3,128})@[\w.\-]+", re.IGNORECASE
)


def _has_url_credentials(text: Text) -> bool:
    value = text.value
    return "://" in value and "@" in value


_PRIVATE_KEY = re.compile(r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----")
_ACCOUNT_KEY = re.compile(
    r"(?i)\b(?:AccountKey|SharedAccessKey|SharedAccessSignature|sig)=(?P<value>[A-Za-z0-9+/%]{20,}={0,2})"
)
_TELEGRAM = re.compile(r"(?<![\w:])\d{8,10}:AA[A-Za-z0-9_\-]{30,34}(?![\w\-])")


def _telegram_mark(text: Text) -> bool:
    return ":AA" in text.value


# Each rule only on the strings whose facts it needs (`PatternRule.requires`: decided once per set of
# facts, not per string): free text with digits for a password or a key's armour, a "=" or ":" for the rest.
DETECTOR = PatternDetector(
    entity="SESSION_TOKEN",
    needs=HAS_DIGIT_WORDS | HAS_SEPARATOR,
    requires=HAS_DIGIT,
    rules=(
        PatternRule("session.password_prose", _PASSWORD, _password, when=_has_password_word),
        PatternRule("session.url_password", _URL_PASSWORD, when=_has_url_credentials, requires=HAS_SEPARATOR),
        PatternRule(
            "session.private_key", _PRIVATE_KEY, when=any_word(("private key",)), requires=HAS_DIGIT_WORDS
        ),
        PatternRule(
            "session.account_key",
            _ACCOUNT_KEY,
            when=any_word(("accountkey", "sharedaccess", "sig=")),
            requires=HAS_SEPARATOR,
        ),
        PatternRule("session.telegram_bot", _TELEGRAM, when=_telegram_mark, requires=HAS_SEPARATOR),
    ),
)
