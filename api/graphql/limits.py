"""How much one request may ask for: query depth, aliases, tokens, page sizes, items, the body's bytes,
and the advert text `ingestAdverts` may push, per request and per key a minute.

The first three are Strawberry's limiters (which, in the versions pyproject.toml allows, cannot be
bypassed with fragments or introspection); page sizes are checked by the `graph` read functions, and the
items of all pages together by `api.graphql.budget`; the body size is checked by `api.app` before the
body is read; pushed text by `api.graphql.ingest_budget`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from strawberry.extensions import (
    AddValidationRules,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
    SchemaExtension,
)

from api.graphql.budget import MAX_ITEMS, item_budget
from graph.read.queries import MAX_PAGE

# Deep enough for network -> adverts -> mentions -> identifier -> networks -> ...; a deeper query is
# almost always a loop that would multiply reads.
MAX_DEPTH = 10
MAX_ALIASES = 30
MAX_TOKENS = 3000
# A push of the most adverts one call takes (100) with long texts fits well within this.
MAX_BODY_BYTES = 2 * 1024 * 1024
# A GET request's query string; longer documents go in a POST body.
MAX_QUERY_STRING_BYTES = 16 * 1024
# Characters of advert text one ingestAdverts request may push (its adverts' texts added up), and one key
# in a minute, all API processes together: extraction's work grows with the text, so these bound the work
# one ingest key can make the API do. A day's feed goes through `crosslink ingest`, which has no such limit.
MAX_INGEST_CHARS = 200_000
MAX_INGEST_CHARS_PER_MINUTE = 1_000_000

__all__ = ["MAX_PAGE", "Limits", "limiters"]


@dataclass(frozen=True)
class Limits:
    """The limits of one running API; the defaults above, or CROSSLINK_MAX_* from the environment."""

    depth: int = MAX_DEPTH
    aliases: int = MAX_ALIASES
    tokens: int = MAX_TOKENS
    body_bytes: int = MAX_BODY_BYTES
    query_string_bytes: int = MAX_QUERY_STRING_BYTES
    items: int = MAX_ITEMS
    ingest_chars: int = MAX_INGEST_CHARS
    ingest_chars_per_minute: int = MAX_INGEST_CHARS_PER_MINUTE

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Limits:
        env = os.environ if environ is None else environ
        values = {}
        for name, variable in (
            ("depth", "CROSSLINK_MAX_DEPTH"),
            ("aliases", "CROSSLINK_MAX_ALIASES"),
            ("tokens", "CROSSLINK_MAX_TOKENS"),
            ("body_bytes", "CROSSLINK_MAX_BODY_BYTES"),
            ("items", "CROSSLINK_MAX_ITEMS"),
            ("ingest_chars", "CROSSLINK_MAX_INGEST_CHARS"),
            ("ingest_chars_per_minute", "CROSSLINK_MAX_INGEST_CHARS_PER_MINUTE"),
        ):
            raw = env.get(variable)
            if raw:
                if not raw.isdigit() or int(raw) < 1:
                    raise ValueError(f"{variable} must be a positive whole number, not {raw!r}")
                values[name] = int(raw)
        return cls(**values)


def limiters(limits: Limits) -> list[Callable[[], SchemaExtension]]:
    """Factories of Strawberry's extensions enforcing the depth, alias and token limits (one per request).

    The depth and alias limiters are validation rules, made once here and shared by every request: each
    limiter makes a new rule class when constructed, and rules that differ on every request would defeat
    the schema's cache of validated documents (validation was the largest part of a small query's time).
    """
    rules = [
        *QueryDepthLimiter(max_depth=limits.depth).validation_rules,
        *MaxAliasesLimiter(max_alias_count=limits.aliases).validation_rules,
    ]
    return [
        lambda: AddValidationRules(rules),
        lambda: MaxTokensLimiter(max_token_count=limits.tokens),
        item_budget(limits.items),
    ]
