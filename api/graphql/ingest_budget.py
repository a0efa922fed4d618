"""How much advert text `ingestAdverts` takes: per request, and per key in a minute across every API
process (counted in the graph, see `graph.ingest_budget`).

Extraction's work grows with the text, so the characters of the adverts' texts, added up, are what is
counted. A push over either limit is refused whole with INGEST_BUDGET_EXCEEDED before anything is
written, and is not counted against the minute. A push refused whole for another reason (too many
adverts, no source) is refused before it is counted.
"""

from __future__ import annotations

from collections.abc import Sequence

from api.graphql.context import Context
from api.graphql.errors import INGEST_BUDGET_EXCEEDED, ApiError
from graph.casework import check_push

_SMALLER = "send them in smaller pushes (files go through `crosslink ingest`)"


def text_chars(texts: Sequence[str]) -> int:
    """The characters of all the texts together (Unicode code points, as the ingest's own cap counts)."""
    return sum(len(text) for text in texts)


async def spend(context: Context, texts: Sequence[str], *, source: str) -> None:
    """Take the texts of one push out of the request's and the key's budget, or raise ApiError with
    INGEST_BUDGET_EXCEEDED naming the limit and what was asked."""
    check_push(texts, source=source)
    limits, chars = context.limits, text_chars(texts)
    if chars > limits.ingest_chars:
        raise ApiError(
            INGEST_BUDGET_EXCEEDED,
            f"the adverts' texts hold {chars:,} characters in all; one ingestAdverts request takes at most "
            f"{limits.ingest_chars:,}: {_SMALLER}",
        )
    if chars > limits.ingest_chars_per_minute:
        raise ApiError(
            INGEST_BUDGET_EXCEEDED,
            f"the adverts' texts hold {chars:,} characters in all; a key may push at most "
            f"{limits.ingest_chars_per_minute:,} a minute: {_SMALLER}",
        )
    if chars == 0:
        return
    spent = await context.crosslink.spend_ingest_budget(
        context.key_id, chars, per_minute=limits.ingest_chars_per_minute
    )
    if not spent.granted:
        raise ApiError(
            INGEST_BUDGET_EXCEEDED,
            f"this key may push {spent.limit:,} characters of advert text a minute and has pushed "
            f"{spent.used:,} this minute; these {chars:,} more are refused: send them again in "
            f"{spent.seconds_left} s, or {_SMALLER.removeprefix('send them ')}",
        )
