"""Static files a page loads, served by name from the package: the IDE's and the network pages'.

Only the names listed are served (nothing is read from a path the request gives), each read once and
kept; a file that is missing (scripts/setup not run, or a wheel built before it) answers 503 with what
to do, and is looked for again on the next request.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib.resources.abc import Traversable
from pathlib import Path

from fastapi.responses import JSONResponse, Response

MEDIA_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}


class Assets:
    """The files of `files` (name -> file), answered with `headers`; `missing` is the 503's message, with
    `{asset}` standing for the missing file."""

    def __init__(self, files: Mapping[str, Traversable], *, missing: str, headers: Mapping[str, str]) -> None:
        self.files = files
        self.missing = missing
        self.headers = dict(headers)
        self._read: dict[str, bytes] = {}

    def response(self, name: str) -> Response:
        """The file called `name`: 200, 404 for a name not listed, 503 when it is not installed."""
        asset = self.files.get(name)
        if asset is None:
            return JSONResponse({"detail": "no such asset"}, status_code=404)
        if name not in self._read:
            try:
                self._read[name] = asset.read_bytes()
            except FileNotFoundError:
                return JSONResponse({"detail": self.missing.format(asset=asset)}, status_code=503)
        return Response(self._read[name], media_type=MEDIA_TYPES[Path(name).suffix], headers=self.headers)

    def forget(self) -> None:
        """Read every file again on its next request (after the files changed)."""
        self._read.clear()
