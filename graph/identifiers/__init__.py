"""Identifier extraction: find, canonicalise and validate the identifiers an advert carries.

`extract`, `identify` and `TYPES` (the registry of identifier types by name) are loaded on first use,
so that importing one kind's module does not pull in every other kind.
"""

from typing import Any

from graph.identifiers.base import Identifier, IdentifierType

__all__ = ["TYPES", "Identifier", "IdentifierType", "extract", "identify", "occurrences"]


def __getattr__(name: str) -> Any:
    if name in ("TYPES", "extract", "identify", "occurrences"):
        from graph.identifiers import registry

        return getattr(registry, name)
    raise AttributeError(name)
