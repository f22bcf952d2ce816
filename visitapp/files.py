"""Write a file whole or not at all.

The bytes go to a temporary file in the destination's folder and replace the
destination in one rename, so a failure (a full disk, a wrong password found
late) never leaves a half-written PDF or key behind.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from visitapp.errors import InvalidInput
from visitapp.i18n import _


def check_writable(path: Path) -> None:
    """Fail early, before slow work, when ``path`` cannot be written."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise InvalidInput(_("{path} is a folder; give a file name to write.").format(path=path))
    if not folder.is_dir():
        raise InvalidInput(_("The folder {folder} does not exist.").format(folder=folder))
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise InvalidInput(_("Cannot write {path}: permission denied.").format(path=path))


def write_atomic(path: Path, data: bytes, *, mode: int | None = None) -> None:
    """Replace ``path`` with ``data`` in one step; mode 0600 (owner only) unless ``mode`` says otherwise.

    Exports, keys, plans and reports hold notes or personal data: private
    whatever the umask (issue 12).
    """
    path = Path(path)
    check_writable(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as err:
        raise InvalidInput(_("Cannot write {path}: {reason}.").format(path=path, reason=err.strerror)) from err
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode if mode is not None else 0o600)
        os.replace(tmp, path)
    except OSError as err:
        Path(tmp).unlink(missing_ok=True)
        raise InvalidInput(_("Cannot write {path}: {reason}.").format(path=path, reason=err.strerror)) from err
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
