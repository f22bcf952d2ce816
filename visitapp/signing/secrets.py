"""Where passwords and PINs come from: an environment variable named by the user, or a prompt."""

from __future__ import annotations

import getpass
import os
import sys

from visitapp.errors import InvalidInput
from visitapp.i18n import _


def read_secret(env_var: str | None, prompt: str, *, confirm: bool = False) -> str:
    """The secret in ``$env_var`` if a variable is named, else asked for without echo.

    A named but unset variable is an error rather than a silent prompt, so a
    script that forgot to export it fails at once instead of hanging.
    """
    if env_var:
        value = os.environ.get(env_var)
        if value is None:
            raise InvalidInput(_("The environment variable {name} is not set.").format(name=env_var))
        return value
    if not sys.stdin or not sys.stdin.isatty():
        raise InvalidInput(_("No terminal to ask for the password; name an environment variable that holds it."))
    value = getpass.getpass(prompt)
    if confirm and getpass.getpass(_("Repeat: ")) != value:
        raise InvalidInput(_("The two passwords differ."))
    return value
