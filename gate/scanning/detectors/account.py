"""USER_ACCOUNT: a person's account name on a computer, read from the home folder in a path.

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

# A drive letter and "Users" or "Documents and Settings" (Windows), or "/home", "/Users", "/var/home",
# "/export/home" at the start of the value, after white space, a quote, "=", "(" or "file://" (Unix,
# macOS); then the account's folder, up to the next separator.
_HOME = re.compile(
    r"(?i)(?:(?<![\w\-])[a-z]:[\\/]{1,2}(?:users|documents and settings)"
    r"|(?:(?<![^\s\"'=(,;:\[{<>])|(?<=file://))(?:/var|/export)?/(?:home|users))"
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
