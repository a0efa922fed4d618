"""The API's `crosslink` commands: serve, keys and schema (registered in `api.cli`)."""
