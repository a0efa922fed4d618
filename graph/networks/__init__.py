"""Networks: adverts and accounts joined by shared identifiers, materialised as `Network` nodes.

`rebuild` recomputes every network, `update` only those a few adverts touch; both decide hubs with a
`HubRule` and return a `NetworkReport`. `catch_up` runs `update` (or `rebuild`) for the ingest runs the
networks do not yet account for. How it works, for analysts: docs/networks.md.
"""

from graph.networks.components import Hub
from graph.networks.pending import CatchUp, catch_up
from graph.networks.recompute import NetworkReport, rebuild, update
from graph.networks.rules import HubRule
from graph.networks.store import apply_schema, fill_missing

__all__ = [
    "CatchUp",
    "Hub",
    "HubRule",
    "NetworkReport",
    "apply_schema",
    "catch_up",
    "fill_missing",
    "rebuild",
    "update",
]
