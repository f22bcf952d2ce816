"""Several output files (a report and its CSV files) written all or nothing."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from visitapp.errors import InvalidInput
from visitapp.i18n import _


def _cannot_replace(path: Path, err: OSError) -> InvalidInput:
    if isinstance(err, PermissionError):  # Windows: a CSV open in Excel or a PDF open in a reader
        return InvalidInput(_("Cannot replace {path}: it is open in another program or write-protected. "
                              "Close the file in the other program and try again.").format(path=path))
    return InvalidInput(_("Cannot write {path}: {reason}.").format(path=path, reason=err.strerror or err))


def write_all(files: dict[Path, bytes]) -> None:
    """Write every file, all or nothing.

    Each file is written to a temporary file beside its destination; then every existing destination
    is moved aside (on Windows this fails at once for a file another program holds open, before any
    destination changed), the new files are put in place and the old ones dropped. A failure midway
    puts the old files back and removes the new ones: never some reports new and some old.
    """
    temps: list[tuple[str, Path]] = []
    moved: list[tuple[str, Path]] = []  # (old file set aside, its place)
    placed: list[Path] = []
    try:
        for path in files:
            if path.is_dir():
                raise InvalidInput(_("{path} is a folder; give a file name to write.").format(path=path))
        for path, data in files.items():
            try:
                fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
                temps.append((tmp, path))
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
                    fh.flush()
                    os.fsync(fh.fileno())
                os.chmod(tmp, 0o600)  # reports and CSVs hold notes: owner only
            except OSError as err:
                raise InvalidInput(_("Cannot write {path}: {reason}.").format(
                    path=path, reason=err.strerror or err)) from err
        for tmp, path in temps:
            if path.exists() or path.is_symlink():
                try:
                    os.replace(path, tmp + ".old")
                except OSError as err:
                    raise _cannot_replace(path, err) from err
                moved.append((tmp + ".old", path))
        for tmp, path in temps:
            try:
                os.replace(tmp, path)
            except OSError as err:
                raise _cannot_replace(path, err) from err
            placed.append(path)
    except BaseException:
        had_old = {path for _old, path in moved}
        for path in placed:
            if path not in had_old:
                path.unlink(missing_ok=True)
        for old, path in moved:
            try:
                os.replace(old, path)
            except OSError:
                pass  # the old file stays beside it, under its temporary name, rather than lost
        raise
    else:
        for old, _path in moved:
            Path(old).unlink(missing_ok=True)
    finally:
        for tmp, _path in temps:
            Path(tmp).unlink(missing_ok=True)
