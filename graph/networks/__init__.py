"""Networks: adverts and accounts joined by shared identifiers, materialised as `Network` nodes.

`rebuild` recomputes every network, `update` only those a few adverts touch; both decide hubs with a
`HubRule` and return a `NetworkReport`. How it works, for analysts: docs/networks.md.
"""

from graph.networks.components import Hub
from graph.networks.recompute import NetworkReport, rebuild, update
from graph.networks.rules import HubRule
from graph.networks.store import apply_schema, fill_missing

__all__ = ["Hub", "HubRule", "NetworkReport", "apply_schema", "fill_missing", "rebuild", "update"]
