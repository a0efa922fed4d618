"""The read side of the graph for analysts: the questions the GraphQL API and the CLI ask.

`queries` has one function per question; `batch` reads many keys in one query (the API's loaders);
`reader.Reader` (blocking) and `reader.AsyncReader` (the API's) run every `cypher/read_*.cypher` file in a
read transaction with a timeout.
"""

from graph.read.reader import (
    AsyncReader,
    BadInput,
    NotFound,
    Reader,
    ReaderBase,
    ReadError,
    TooLarge,
    Unavailable,
    read_timeout,
)

__all__ = [
    "AsyncReader",
    "BadInput",
    "NotFound",
    "ReadError",
    "Reader",
    "ReaderBase",
    "TooLarge",
    "Unavailable",
    "read_timeout",
]
