"""The Cypher queries, installed as the package `graph.queries` (see pyproject.toml) so that a wheel
carries them and `graph.cypher` reads them with importlib.resources. Only the .cypher files matter here."""
