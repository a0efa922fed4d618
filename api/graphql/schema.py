"""The analysts' GraphQL schema: the queries and mutations, each a thin call to the request's
`graph.AsyncCrosslink` (`info.context.crosslink`).

`crosslink schema` prints it as SDL; `schema.graphql` at the repository root is that print, committed, so a
change to the API shows in review.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry
from graphql import GraphQLError
from strawberry.types import ExecutionContext, Info

from api.audit import AuditTrail
from api.auth import CanIngest, IsAdmin
from api.graphql import ingest_budget
from api.graphql import types as t
from api.graphql.budget import core_schema
from api.graphql.errors import ErrorCodes
from api.graphql.expansion import CheckedValidation
from api.graphql.limits import Limits, limiters
from api.graphql.lookahead import IDENTIFIER_FIELDS, NETWORK_FIELDS, PathReads, declared_reads, read_ahead
from api.graphql.parsing import ParsedDocuments
from graph.read import queries
from graph.read.queries import NetworkFilter as Filter


@strawberry.type(description="Questions about adverts, accounts, identifiers and the networks they form.")
class Query:
    @strawberry.field(
        description="An identifier as typed: normalised exactly as ingest does, so '+44 7400 123456', "
        "'wa.me/447400123456' and '00447400123456' find the same phone. `region` reads a national number; "
        "`platform` a bare handle."
    )
    async def identifier(
        self,
        info: Info,
        value: str,
        kind: t.IdentifierKind | None = None,
        region: str | None = None,
        platform: str | None = None,
    ) -> t.Identifier:
        key = queries.key_of_identifier(
            value, kind=kind.value if kind else None, region=region, platform=platform
        )
        with read_ahead(info, key, IDENTIFIER_FIELDS):
            found = await info.context.crosslink.identifier_at(key, value)
        return t.Identifier.of(found)

    @strawberry.field(description="Networks matching the filter, ranked; a Relay cursor connection.")
    async def networks(
        self,
        info: Info,
        filter: t.NetworkFilter | None = None,
        order_by: t.NetworkOrder = t.NetworkOrder.SCORE,
        first: t.First = 20,
        after: str | None = None,
    ) -> t.NetworkConnection:
        wanted = Filter(**vars(filter)) if filter is not None else Filter()
        page = await info.context.crosslink.networks(wanted, order=order_by.value, first=first, after=after)
        info.context.loaders.prime_nodes(page.items)
        return t.NetworkConnection(
            edges=[
                t.NetworkEdge(cursor=c, node=t.Network.of(n))
                for n, c in zip(page.items, page.cursors, strict=True)
            ],
            page_info=t.PageInfo.of(page),
            total_count=page.total,
        )

    @strawberry.field(description="One network by id (or key, network:<id>).")
    async def network(self, info: Info, id: strawberry.ID) -> t.Network:
        key = queries.key_of_network(str(id))
        with read_ahead(info, key, NETWORK_FIELDS):
            found = await info.context.crosslink.network(key)
        return t.Network.of(found)

    @strawberry.field(description="An account by platform and handle (for a WhatsApp author, its id).")
    async def account(self, info: Info, platform: str, handle: str) -> t.Account:
        return t.Account.of(await info.context.crosslink.account(platform, handle))

    @strawberry.field(
        description="An advert by id: advert:<platform>:<post id> (the prefix may be left out)."
    )
    async def advert(self, info: Info, id: strawberry.ID) -> t.Advert:
        return t.Advert.of(await info.context.crosslink.advert(str(id)))

    @strawberry.field(
        description='Adverts whose text matches, best first: words, "a phrase", AND / OR / NOT, wildcards.'
    )
    async def search(
        self, info: Info, text: str, first: t.First = 20, after: str | None = None
    ) -> t.SearchConnection:
        page = await info.context.crosslink.search(text, first=first, after=after)
        adverts = await info.context.loaders.nodes.load_many([key for key, _ in page.items])
        edges = [
            t.SearchEdge(cursor=cursor, score=score, node=t.Advert.of(advert))
            for (_, score), cursor, advert in zip(page.items, page.cursors, adverts, strict=True)
            if advert is not None
        ]
        return t.SearchConnection(edges=edges, page_info=t.PageInfo.of(page), total_count=page.total)

    @strawberry.field(
        description="The shortest connection between two identifiers, accounts or adverts (keys or raw "
        "values), through adverts and what they mention, hubs not crossed; null when none is at most maxHops "
        "long."
    )
    async def path(
        self,
        info: Info,
        from_: Annotated[str, strawberry.argument(name="from")],
        to: str,
        max_hops: int = 4,
        region: str | None = None,
        platform: str | None = None,
    ) -> t.Path | None:
        reads = PathReads(info)
        found = await info.context.crosslink.path(
            from_,
            to,
            max_hops=max_hops,
            region=region,
            platform=platform,
            on_found=reads.start,
        )
        if found is None:
            return None
        return t.Path.of(found, await reads.read())

    @strawberry.field(description="Nodes and relationships within `depth` steps of a node, for drawing.")
    async def neighbourhood(
        self,
        info: Info,
        id: str,
        depth: int = 1,
        limit: int = 200,
        region: str | None = None,
        platform: str | None = None,
    ) -> t.Neighbourhood:
        found = await info.context.crosslink.neighbourhood(
            id, depth=depth, limit=limit, region=region, platform=platform
        )
        return t.Neighbourhood(
            center=strawberry.ID(found.center),
            nodes=[t.GraphNode.of(n) for n in found.nodes],
            edges=[
                t.GraphEdge(
                    source=strawberry.ID(e.source), target=strawberry.ID(e.target), relation=e.relation
                )
                for e in found.edges
            ],
            truncated=found.truncated,
        )

    @strawberry.field(description="What the graph holds: counts, platforms, countries, the last ingest run.")
    async def stats(self, info: Info) -> t.Stats:
        return t.Stats.of(await info.context.crosslink.stats())

    @strawberry.field(
        description="The alert feed: adverts ingested since a time that carry a watched identifier,"
        " newest first."
    )
    async def watch_hits(self, info: Info, since: datetime, first: int = 100) -> list[t.WatchHit]:
        hits = await info.context.crosslink.watch_hits(since, first=first)
        return [
            t.WatchHit(
                identifier=strawberry.ID(h.identifier),
                run=h.run,
                ingested_at=h.ingested_at,
                relation=h.relation,
                spans=[t.Span.of(s) for s in h.spans],
                advert_key=h.advert,
            )
            for h in hits
        ]

    @strawberry.field(description="Every watched identifier (admin).", permission_classes=[IsAdmin])
    async def watchlist(self, info: Info) -> list[t.Watch]:
        return [t.Watch.of(w) for w in await info.context.crosslink.watchlist()]

    @strawberry.field(
        description="Every API key, revoked ones too, without secrets (admin).", permission_classes=[IsAdmin]
    )
    async def api_keys(self, info: Info) -> list[t.ApiKey]:
        return [t.ApiKey.of(k) for k in await info.context.crosslink.list_keys()]


@strawberry.type(description="Changes: pushing adverts (ingest role) and case work (admin role).")
class Mutation:
    @strawberry.mutation(
        description="Ingest a few adverts (at most 100) through the same pipeline as `crosslink ingest`,"
        " then "
        "update the networks they touch. Invalid adverts are returned in `rejects`, the others are written. "
        "Their texts together have a budget per request and per key a minute (INGEST_BUDGET_EXCEEDED).",
        permission_classes=[CanIngest],
    )
    async def ingest_adverts(
        self,
        info: Info,
        adverts: list[t.AdvertInput],
        # Named `feed` in Python: Strawberry's permission check takes a `source` argument of its own.
        feed: Annotated[
            str, strawberry.argument(name="source", description="The feed's name, as ingest's --source.")
        ],
        region: str | None = None,
    ) -> t.IngestResult:
        await ingest_budget.spend(info.context, [a.text for a in adverts], source=feed)
        report = await info.context.crosslink.push_adverts(
            [a.as_record() for a in adverts], source=feed, region=region
        )
        return t.IngestResult(
            run=report.run,
            accepted=report.accepted,
            rejected=report.rejected,
            created=report.created,
            updated=report.updated,
            unchanged=report.unchanged,
            duplicates=report.duplicates,
            advert_ids=[strawberry.ID(k) for k in report.adverts],
            rejects=[t.RejectedAdvert(index=r.line - 1, reason=r.reason) for r in report.rejects],
            networks_updated=report.networks_updated,
        )

    @strawberry.mutation(
        description="Tag a node (advert, account, identifier or network, by id) with a label and a"
        " case note.",
        permission_classes=[IsAdmin],
    )
    async def tag(self, info: Info, id: strawberry.ID, label: str, note: str | None = None) -> t.Tag:
        ctx = info.context
        return t.Tag.of(await ctx.crosslink.tag(str(id), label, note, by=ctx.key_id))

    @strawberry.mutation(
        description="Record that the platform took an account (by id) down, at a time (default now).",
        permission_classes=[IsAdmin],
    )
    async def mark_taken_down(
        self, info: Info, account: strawberry.ID, at: datetime | None = None
    ) -> t.Account:
        ctx = info.context
        return t.Account.of(await ctx.crosslink.mark_taken_down(str(account), at, by=ctx.key_id))

    @strawberry.mutation(
        description="Watch an identifier (typed as found, normalised as ingest does): new adverts "
        "carrying it appear in watchHits.",
        permission_classes=[IsAdmin],
    )
    async def watch(
        self,
        info: Info,
        identifier: str,
        kind: t.IdentifierKind | None = None,
        region: str | None = None,
        platform: str | None = None,
        note: str | None = None,
    ) -> t.Watch:
        ctx = info.context
        found = await ctx.crosslink.watch(
            identifier,
            kind=kind.value if kind else None,
            region=region,
            platform=platform,
            note=note,
            by=ctx.key_id,
        )
        return t.Watch.of(found)

    @strawberry.mutation(
        description="Stop watching an identifier; false when it was not watched.",
        permission_classes=[IsAdmin],
    )
    async def unwatch(
        self,
        info: Info,
        identifier: str,
        kind: t.IdentifierKind | None = None,
        region: str | None = None,
        platform: str | None = None,
    ) -> bool:
        return await info.context.crosslink.unwatch(
            identifier, kind=kind.value if kind else None, region=region, platform=platform
        )

    @strawberry.mutation(
        description="Create an API key; the key is in the answer, this once.", permission_classes=[IsAdmin]
    )
    async def create_api_key(self, info: Info, role: t.Role, name: str) -> t.NewApiKey:
        key, secret = await info.context.crosslink.create_key(role=role.value, name=name)
        return t.NewApiKey(key=secret, api_key=t.ApiKey.of(key))

    @strawberry.mutation(
        description="Revoke an API key by id: refused at once here, within 5 s on other API servers.",
        permission_classes=[IsAdmin],
    )
    async def revoke_api_key(self, info: Info, id: strawberry.ID) -> t.ApiKey:
        return t.ApiKey.of(await info.context.crosslink.revoke_key(str(id)))


class Schema(strawberry.Schema):
    """Strawberry's schema, without its logging of every error: `ErrorCodes` logs the unexpected ones."""

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        return None


def build_schema(limits: Limits | None = None) -> strawberry.Schema:
    """The schema with its extensions: the audit trail (outermost, so it sees the final error codes), the
    error codes, the depth, alias, token and item limits, and caches of parsed and validated documents
    (validation after the check that fragments do not open into too many fields).

    Analysts and tools send the same few documents again and again with new variables, so parsing and
    validating each once saves most of the work a small query costs. Both caches are bounded (128
    documents); the parsed one is keyed by the text and the token limit (`api.graphql.parsing`), the
    validated one by the parsed document and the rules, limits included.
    """
    limits = limits or Limits()
    schema = Schema(
        query=Query,
        mutation=Mutation,
        extensions=[
            AuditTrail,
            ErrorCodes,
            *limiters(limits),
            ingest_budget.OnePushPerRequest,
            ParsedDocuments,
            CheckedValidation,
        ],
    )
    # Made now rather than by the first request: what the item budget counts over, and the reads ahead
    # (which also checks that each field's declared read names an argument it has).
    core_schema(schema)
    for reads in (IDENTIFIER_FIELDS, NETWORK_FIELDS):
        declared_reads(schema, reads.type_name)
    return schema
