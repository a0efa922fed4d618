"""The application's start-up: what it leaves for serving."""

from __future__ import annotations

import gc

from planted import Api


def test_start_up_objects_are_frozen_out_of_the_collector(api: Api) -> None:
    assert api.post("{ __typename }")["data"] == {"__typename": "Query"}
    assert gc.get_freeze_count() > 1000  # the modules, the schema and the drivers, at least
