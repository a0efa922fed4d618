# Everyday commands. Neo4j is the local server run by scripts/neo4j (see that script for its settings).
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c

VENV := .venv

.PHONY: setup lock neo4j-start neo4j-stop neo4j-status test test-min check-wheel lint demo

setup:
	scripts/setup

# Rewrites requirements/*.txt from pyproject.toml (scripts/lock --upgrade: newest versions allowed).
lock: setup
	scripts/lock

# The fast tests (those needing no Neo4j) on the declared minimum versions, in .venv-min; `make test`
# runs the whole suite there.
test-min:
	scripts/test-min -m "not neo4j"

neo4j-start:
	scripts/neo4j start

neo4j-stop:
	scripts/neo4j stop

neo4j-status:
	scripts/neo4j status

# The tests run on a server of their own (port 7688, data in var/neo4j-test): they wipe the graph, and
# the graph of `make demo` or your own ingests on 7687 must survive them.
test: export NEO4J_URI := bolt://127.0.0.1:$(or $(TEST_NEO4J_PORT),7688)
test: export NEO4J_HOME_DIR := var/neo4j-test
test: export NEO4J_PASSWORD :=

# Starts Neo4j; runs the tests (locked versions), the wheel check (scripts/check-wheel: the built wheel,
# installed in a fresh virtualenv, ingests and answers GraphQL), the tests and the wheel check again on
# the declared minimum versions (scripts/test-min, requirements/minimum.txt and build-minimum.txt) and
# the linters; and stops Neo4j again whatever happened (also on Ctrl-C or a CI timeout).
# NEO4J_KEEP_RUNNING=1 leaves it running, for a server shared with other work.
# Every step runs; the exit status is the first failure's, in that order. "No tests collected" (5) is
# a failure too.
test: setup
	@stop_neo4j() { if [[ -z "$${NEO4J_KEEP_RUNNING:-}" ]]; then scripts/neo4j stop; fi; }; \
	trap stop_neo4j EXIT; trap 'exit 130' INT; trap 'exit 143' TERM; \
	scripts/neo4j start; \
	status=0; \
	$(VENV)/bin/pytest || status=$$?; \
	if [[ $$status -eq 5 ]]; then echo "make test: pytest collected no tests, which is a failure" >&2; fi; \
	wheel=0; \
	scripts/check-wheel || wheel=$$?; \
	minimum=0; \
	scripts/test-min || minimum=$$?; \
	scripts/check-wheel requirements/minimum.txt requirements/build-minimum.txt || minimum=$$?; \
	lint=0; \
	$(VENV)/bin/ruff check . || lint=$$?; \
	$(VENV)/bin/ruff format --check . || lint=$$?; \
	for step in $$wheel $$minimum $$lint; do if [[ $$status -eq 0 ]]; then status=$$step; fi; done; \
	exit $$status

# The wheel check alone, on a Neo4j already running (NEO4J_URI; `make test` runs it on its own server).
check-wheel: setup
	scripts/check-wheel

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

demo: setup neo4j-start
	$(VENV)/bin/crosslink demo
