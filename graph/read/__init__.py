"""The read side of the graph for analysts: the questions the GraphQL API and the CLI ask.

`queries` has one function per question; `batch` reads many keys in one query (the API's loaders);
`reader.Reader` runs every `cypher/read_*.cypher` file in a read transaction with a timeout.
"""

from graph.read.reader import BadInput, NotFound, Reader, ReadError, TooLarge, Unavailable, read_timeout

__all__ = ["BadInput", "NotFound", "ReadError", "Reader", "TooLarge", "Unavailable", "read_timeout"]
