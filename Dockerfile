# Crosslink (ingest and API) for deployment with Docker; docker-compose.yml runs it beside Neo4j.

# The API's in-browser IDE: GraphiQL and React from the npm registry at the versions the lock names,
# installed at build time so the page is served by the API itself and works offline.
FROM node:20-slim AS ide
WORKDIR /ide
COPY api/graphiql/package.json api/graphiql/package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund --loglevel=error

FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
COPY . /app
COPY --from=ide /ide/node_modules /app/api/graphiql/node_modules
# Editable, as in development: the package then finds files kept beside it in the repository
# (cypher/*.cypher), which a regular install would leave out.
RUN pip install -e . \
    && useradd --system --uid 10001 --home-dir /var/lib/crosslink --create-home --shell /usr/sbin/nologin crosslink

# The working folder is the service's own and writable: ingest writes its rejects file here, the API
# its audit log (CROSSLINK_AUDIT_LOG).
WORKDIR /var/lib/crosslink
ENV CROSSLINK_AUDIT_LOG=/var/lib/crosslink/audit/audit.jsonl
USER crosslink
ENTRYPOINT ["crosslink"]
CMD ["--help"]
