# Crosslink (ingest and API) for deployment with Docker; docker-compose.yml runs it beside Neo4j.

# The API's in-browser IDE: GraphiQL and React from the npm registry at the versions the lock names,
# copied by `npm run vendor` into the folder the Python package carries, so that the page is served by
# the API itself and works offline.
FROM node:20-slim AS ide
WORKDIR /ide
COPY api/graphiql/package.json api/graphiql/package-lock.json ./
RUN mkdir vendor \
    && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error \
    && npm run --silent vendor

# The network pages' Cytoscape.js, the same way.
FROM node:20-slim AS pages
WORKDIR /pages
COPY api/pages/package.json api/pages/package-lock.json ./
RUN mkdir vendor \
    && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error \
    && npm run --silent vendor

# The wheel, built from the source with the IDE's and the pages' files in place: the queries (cypher/), the
# IDE, the pages and the demo's sample are package data inside it. It is built with the setuptools the build lock pins, checked
# against its hashes, rather than in an isolated environment that would fetch the newest one allowed.
FROM python:3.11-slim AS wheel
WORKDIR /src
COPY requirements/build.txt /tmp/build.txt
RUN pip install --no-cache-dir --disable-pip-version-check --require-hashes --no-deps -r /tmp/build.txt
COPY . .
COPY --from=ide /ide/vendor/ api/graphiql/vendor/
COPY --from=pages /pages/vendor/ api/pages/vendor/
RUN pip wheel --no-cache-dir --disable-pip-version-check --no-deps --no-build-isolation --wheel-dir /dist .

FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# The dependencies at the locked versions (the same file CI's wheel check installs), then the wheel
# without dependencies of its own; `pip check` fails the build if the two disagree.
COPY requirements/runtime.txt /tmp/runtime.txt
RUN pip install --require-hashes --no-deps -r /tmp/runtime.txt && rm /tmp/runtime.txt
COPY --from=wheel /dist/ /tmp/dist/
RUN pip install --no-deps /tmp/dist/crosslink-*.whl \
    && pip check \
    && rm -r /tmp/dist \
    && useradd --system --uid 10001 --home-dir /var/lib/crosslink --create-home --shell /usr/sbin/nologin crosslink

# The working folder is the service's own and writable: ingest writes its rejects file here, the API
# its audit log (CROSSLINK_AUDIT_LOG); relative default paths are taken from it.
WORKDIR /var/lib/crosslink
ENV CROSSLINK_AUDIT_LOG=/var/lib/crosslink/audit/audit.jsonl
USER crosslink
ENTRYPOINT ["crosslink"]
CMD ["--help"]
