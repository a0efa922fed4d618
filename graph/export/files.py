"""Where a format of several files (CSV, i2) writes them: a folder, or one zip archive.

A writer of several files builds them in memory as `{name: bytes}` and hands them to `write_files`, so
that the CLI's `--out folder/`, `--out export.zip`, a download (a stream) and a caller's own open ZipFile
all take the same files.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import BinaryIO

Output = BinaryIO | str | os.PathLike[str] | zipfile.ZipFile


def write_files(files: Mapping[str, bytes], out: Output) -> None:
    """Write `files` into `out`: an open ZipFile (added to it), a path ending in `.zip` or a binary stream
    (a new zip archive), or any other path (a folder, created if missing, the files put in it)."""
    if isinstance(out, zipfile.ZipFile):
        _add(out, files)
    elif isinstance(out, str | os.PathLike):
        path = Path(out)
        if path.suffix.lower() == ".zip":
            with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
                _add(archive, files)
        else:
            path.mkdir(parents=True, exist_ok=True)
            for name, data in files.items():
                (path / name).write_bytes(data)
    else:
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            _add(archive, files)


def _add(archive: zipfile.ZipFile, files: Mapping[str, bytes]) -> None:
    for name, data in files.items():
        archive.writestr(name, data)
