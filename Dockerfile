# Crosslink (ingest and API) for deployment with Docker; docker-compose.yml runs it beside Neo4j.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
COPY . /app
# Editable, as in development: the package then finds files kept beside it in the repository
# (cypher/*.cypher), which a regular install would leave out.
RUN pip install -e . \
    && useradd --system --uid 10001 --home-dir /var/lib/crosslink --create-home --shell /usr/sbin/nologin crosslink

# The working folder is the service's own and writable: ingest writes its rejects file here.
WORKDIR /var/lib/crosslink
USER crosslink
ENTRYPOINT ["crosslink"]
CMD ["--help"]
