"""USER_ACCOUNT: a person's account name on a computer, read from the home folder in a path, and a
login under the keys pipelines record who did what with (`created_by`, `login`, `assignee`).

Generation tools write absolute paths into their parameters and files: ComfyUI workflows hold
`C:\\Users\\jmartin\\ComfyUI\\input\\photo.png`, a1111 and scripts `/home/maria.garcia/sd/models/...`,
macOS `/Users/jdoe/Desktop/ref.png`, PNG text chunks `C:\\Documents and Settings\\Jmartin\\...`. The
folder after `Users`, `home` or `Documents and Settings` is the account's name, most often the person's
own name or initials: an identifier of a person (GDPR Art. 4(1)).

Read only where the path starts (a drive letter, the start of the value or of a word, `file://`, `~`
is not a name): `https://shop.example/users/123/avatar` and `/api/home/banner` are URLs, not home
folders. Accounts that name no person (built-in Windows accounts, `root`, CI and cloud images' default
users, placeholders such as `<user>`, `%USERNAME%`, `$USER`, `YOUR_NAME`) stay clean.
"""

from __future__ import annotations

import re

from gate.scanning.detectors.base import HAS_HOME_PATH, PatternDetector, PatternRule, Text
from gate.scanning.detectors.keyed_rule import KeyedRule, keyset

# A drive letter and "Users" or "Documents and Settings" (Windows), or "/home", "/Users", "/var/home",
# "/export/home", "/nfs/home", "/usr/local/google/home" (a real PNG's display profile named its account
# so) at the start of the value, after white space, a quote, "=", "(" or "file://" (Unix, macOS); then
# the account's folder, up to the next separator.
_HOME = re.compile(
    r"(?i)(?:(?<![\w\-])[a-z]:[\\/]{1,2}(?:users|documents and settings)"
    r"|(?:(?<![^\s\"'=(,;:\[{<>])|(?<=file://))(?:/var|/export|/usr/local/google|/nfs)?"
    r"/(?:home|users))"
    r"[\\/]{1,2}(?P<account>[^\\/\s:*?\"<>|,;]{2,64})(?=[\\/]|[\s\"'),;\]}>]|$)"
)
# Accounts of systems, services and images, and the placeholders of documentation: no person's name.
_NOBODY = frozenset(
    (
        "public", "default", "defaultuser0", "default.migrated", "all", "users", "user", "administrator",
        "admin", "administrateur", "administrador", "administratör", "guest", "gast", "invité", "invitado",
        "localservice", "networkservice", "systemprofile", "wdagutilityaccount", "root", "username",
        "user_name", "user-name", "name", "your_name", "yourname", "your-name", "yourusername",
        "your_username", "your-username", "myname", "my_name", "me", "you", "someone", "somebody",
        "anyone", "example", "test", "tester", "testuser", "demo", "ubuntu", "debian", "centos", "fedora",
        "ec2-user", "azureuser", "opc", "admin1", "runner", "runneradmin", "vagrant", "pi", "docker",
        "app", "apps", "www-data", "nginx", "apache", "jenkins", "circleci", "travis", "buildbot",
        "builder", "build", "ci", "gitpod", "codespace", "codespaces", "coder", "jovyan", "node", "nobody",
        "linuxbrew", "colab", "studio-lab-user", "sagemaker-user", "ubuntu-user", "kali", "shared",
        "share", "temp", "tmp", "dev", "developer",
    )
)  # fmt: skip
_PLACEHOLDER = re.compile(r"^(?:[<{\[$%].*|.*[>}\]%]|x+|\.+|\*+|_+|-+|\d+)$", re.IGNORECASE)


def _person_account(match: re.Match[str], text: Text) -> bool:
    account = match.group("account").strip(". ")
    folded = account.casefold()
    return (
        len(account) >= 2
        and folded not in _NOBODY
        and _PLACEHOLDER.match(account) is None
        and any(ch.isalpha() for ch in account)
    )


DETECTOR: PatternDetector = PatternDetector(
    entity="USER_ACCOUNT",
    needs=HAS_HOME_PATH,
    rules=(PatternRule("account.home_folder", _HOME, _person_account),),
)


# Keys that record who did something, as a login: {"created_by": "jsmith42"}, {"owner_login": "kpatel"}.
# (The keys that hold a person's name, `modified_by`, `author`, are person_keyed's.)
_LOGIN_KEYS = keyset(
    "created_by createdby login user_login login_name owner_login author_login assignee "
    "assigned_to reporter submitter updated_by last_modified_by last_edited_by user_name_login "
    "account_name account_login erstellt_von bearbeitet_von cree_par modifie_par creado_por modificado_por "
    "creato_da modificato_da criado_por aangemaakt_door utworzone_przez"
)
# A login is one token of letters, digits and "._-"; a service's account says what it is by a word.
_LOGIN = re.compile(r"[A-Za-z][\w.\-]{1,63}")
_SERVICE_WORDS = frozenset(
    (
        "bot", "svc", "service", "pipeline", "system", "automation", "ci", "cd", "runner", "worker", "daemon",
        "render", "renderer", "batch", "cron", "deploy", "api", "sync", "import", "export", "job", "agent",
        "scheduler", "integration", "webhook", "server", "auto", "script", "task", "queue", "robot",
    )
)  # fmt: skip
_LOGIN_PARTS = re.compile(r"[._\-]|(?<=[a-z])(?=[A-Z])|\d+")


def _login(value: object) -> bool:
    if not isinstance(value, str) or _LOGIN.fullmatch(value) is None:
        return False
    folded = value.casefold()
    if folded in _NOBODY or _PLACEHOLDER.match(value) is not None:
        return False
    parts = {part.lower() for part in _LOGIN_PARTS.split(value) if part}
    return sum(ch.isalpha() for ch in value) >= 2 and parts.isdisjoint(_SERVICE_WORDS)


KEYED_RULES: tuple[KeyedRule, ...] = (KeyedRule("USER_ACCOUNT", "account.login_key", _LOGIN_KEYS, _login),)
