"""Crosslink's core. `from graph import Crosslink` gives the object a Python user holds (`graph.crosslink`).

It is imported when first asked for, not with the package: extraction alone (`graph.identifiers`, the
ingest's worker processes) imports little, while the driver and the network code behind `Crosslink` take
far longer to load.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from graph.crosslink import AsyncCrosslink, Crosslink

__all__ = ["AsyncCrosslink", "Crosslink"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from graph import crosslink

        return getattr(crosslink, name)
    raise AttributeError(f"module 'graph' has no attribute {name!r}")
