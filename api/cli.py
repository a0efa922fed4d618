"""The `crosslink` command: ingest adverts, apply the schema, summarise the graph, run the demo, write a
synthetic corpus, and the
commands kept in `api/commands/` (serve, keys, schema, networks, bloom).

Each command connects with the environment's settings (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD,
NEO4J_DATABASE) and calls a method of the `graph.Crosslink` it opens, as a Python user would; this
module only parses options and reports.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NoReturn

import click
from neo4j.exceptions import DriverError, Neo4jError
from tqdm import tqdm

from api import logs
from api.commands.bloom import bloom
from api.commands.connection import graph_connection
from api.commands.export import export
from api.commands.formats import csv_options, describe_format, format_options, read_inputs
from api.commands.job_metrics import counted, metrics_textfile_option, records_job
from api.commands.keys import keys
from api.commands.networks import networks
from api.commands.nightly import nightly
from api.commands.schema import schema
from api.commands.serve import run_server, serve
from api.commands.stopping import stop_on_signals
from api.commands.webhooks import webhooks_group
from graph.advert import REGIONS
from graph.crosslink import Crosslink
from graph.formats import FormatError
from graph.ingest import (
    DEFAULT_BATCH_SIZE,
    SAMPLE_ADVERTS,
    IngestFailed,
    IngestInterrupted,
    RejectsFile,
    RunReport,
)
from graph.networks import NetworkReport
from graph.networks.lease import RecomputeBusy
from graph.read.records import Network
from graph.runs import stale_seconds
from graph.summary import format_summary

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_REJECTS = 3
# A JSON progress line on stderr every this many batches, when stderr is not a terminal.
LOG_EVERY_BATCHES = 10


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--log-format",
    type=click.Choice(logs.FORMATS, case_sensitive=False),
    envvar=logs.VARIABLE,
    help="Log as text for a person or as JSON lines for a log collector (env CROSSLINK_LOG_FORMAT) "
    "[default: ingest writes JSON lines when stderr is not a terminal, text otherwise].",
)
def main(log_format: str | None) -> None:
    """Crosslink: adverts in, a graph of shared identifiers out (Neo4j).

    Connection settings come from NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE; without
    NEO4J_PASSWORD the local server's password file (var/neo4j/password) is used.
    """
    if log_format is not None:
        logs.configure(log_format.lower())


def _fail(message: str) -> NoReturn:
    click.echo(f"crosslink: {message}", err=True)
    sys.exit(EXIT_FAILED)


def _log(event: str, **fields: Any) -> None:
    """One JSON log line on stderr."""
    line = {"time": datetime.now(UTC).isoformat(timespec="seconds"), "event": event, **fields}
    click.echo(json.dumps(line, ensure_ascii=False, default=str), err=True)


class _Progress:
    """A progress bar when stderr is a terminal, a JSON log line every few batches when logging JSON
    lines, nothing otherwise."""

    def __init__(self, interactive: bool, json_lines: bool = True) -> None:
        self.bar: tqdm | None = None
        self.json_lines = json_lines
        if interactive:
            self.bar = tqdm(unit=" adverts", file=sys.stderr, dynamic_ncols=True)

    def __call__(self, report: RunReport) -> None:
        if self.bar is not None:
            self.bar.update(report.read - self.bar.n)
            self.bar.set_postfix(
                created=report.created,
                updated=report.updated,
                unchanged=report.unchanged,
                rejected=report.rejected,
                refresh=False,
            )
        elif self.json_lines and report.batches % LOG_EVERY_BATCHES == 0:
            _log("progress", **report.as_dict())

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _region_option(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    code = value.strip().upper()
    if code not in REGIONS:
        raise click.BadParameter(f"{value!r} is not an ISO 3166 alpha-2 country code such as GB or FR")
    return code


@main.command("ingest")
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option("--source", required=True, help="Name of the feed, stored on the run and on new adverts.")
@click.option(
    "--region",
    callback=_region_option,
    metavar="XX",
    help="Country (ISO alpha-2) of adverts that carry no region; also how their national numbers are read.",
)
@click.option(
    "--batch",
    "batch_size",
    default=DEFAULT_BATCH_SIZE,
    show_default=True,
    type=click.IntRange(1, 50_000),
    help="Adverts per transaction.",
)
@click.option(
    "--rejects",
    "rejects_path",
    type=click.Path(dir_okay=False, writable=True),
    help="Where to write rejected lines as JSON lines [default: rejects-<source>-<time>.jsonl, "
    "created only when a line is rejected].",
)
@click.option(
    "--rewrite",
    is_flag=True,
    help="Write adverts again even when unchanged: after the identifier extraction or the indicator "
    "lexicon changed, or to analyse adverts stored before texts were analysed.",
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(0, 64),
    help="Processes extracting identifiers ahead of the writes; 0 extracts in the writing process.",
)
@click.option(
    "--networks/--no-networks",
    "update_networks",
    default=True,
    show_default=True,
    help="Then bring the networks up to date with this run and any earlier one they miss; "
    "--no-networks leaves it to `crosslink networks update` (between the files of a bulk load, say).",
)
@format_options
@metrics_textfile_option
@records_job("ingest")
def ingest_command(
    files: tuple[str, ...],
    source: str,
    region: str | None,
    batch_size: int,
    rejects_path: str | None,
    rewrite: bool,
    workers: int,
    update_networks: bool,
    input_format: str,
    mapping: dict[str, str],
    encoding: str | None,
    delimiter: str | None,
    platform: str | None,
    job_counts: dict[str, float],
) -> None:
    """Ingest adverts from FILEs (`-` or none: standard input) into the graph: JSON Lines, a Telegram
    Desktop export, X, Facebook or TikTok API responses, or CSV (--format; docs/formats.md).

    The schema is applied first. Each batch is one transaction; an advert already in the graph with the
    same content is skipped, so the same input can be run again, also after a failure, to finish the job.
    Progress goes to stderr: a bar on a terminal, else JSON lines (see --log-format), ending with a
    summary line. With --metrics-textfile the run's metrics are written for the node exporter.

    \b
    Exit status:
      0  every line was accepted
      3  the run finished, and some lines were rejected (see the rejects file)
      1  the run failed: Neo4j unreachable, a batch could not be written, or a file
         is not in its format or breaks off (the adverts read before it stay written)
      2  bad usage (unknown option, missing file)
      130, 143  stopped by Ctrl-C or SIGTERM, after the batch being written; the run is
         marked interrupted (a second signal stops at once)
    """
    paths = list(files) or ["-"]
    names = ["<stdin>" if p == "-" else p for p in paths]
    stale_after = _stale_after()
    if rejects_path is None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in source)[:40]
        rejects_path = f"rejects-{safe}-{stamp}.jsonl"
    json_lines = _json_lines()
    interactive = not json_lines and sys.stderr.isatty()
    formats: dict[str, str] = {}

    def chosen(file: str, name: str) -> None:
        formats[file] = name
        if not json_lines:
            click.echo(f"crosslink: {file}: read as {describe_format(name)}", err=True)
        else:
            _log("format", file=file, format=name)

    try:
        csv = csv_options(input_format, mapping, encoding, delimiter, platform)
        inputs = read_inputs(paths, input_format, csv, chosen)
    except (FormatError, OSError) as error:
        _fail(str(error))
    with (
        graph_connection() as graph,
        RejectsFile(rejects_path) as rejects,
        stop_on_signals() as stop,
    ):
        progress = _Progress(interactive, json_lines)
        try:
            report = graph.ingest(
                inputs,
                source=source,
                files=names,
                region=region,
                batch_size=batch_size,
                rejects=rejects,
                progress=progress,
                rewrite=rewrite,
                stop=stop,
                workers=workers,
                update_networks=False,  # below, so that a failure there is told apart
                stale_after=stale_after,
            )
        except IngestInterrupted as error:
            progress.close()
            job_counts.update(counted(error.report.as_dict()))
            if json_lines:
                _log("interrupted", **error.report.as_dict())
            click.echo(f"crosslink: interrupted: {error}. {NETWORKS_LEFT}", err=True)
            sys.exit(128 + stop.signal)
        except IngestFailed as error:
            progress.close()
            job_counts.update(counted(error.report.as_dict()))
            if json_lines:
                _log("failed", **error.report.as_dict())
            _fail(f"{error} {NETWORKS_LEFT}")
        except FormatError as error:
            progress.close()
            _fail(f"{error}. The adverts read before it are in the graph. {NETWORKS_LEFT}")
        except OSError as error:
            progress.close()
            _fail(f"cannot read the input: {error}")
        progress.close()
        summary = report.as_dict()
        job_counts.update(counted(summary))
        if formats:
            summary["formats"] = formats
        if update_networks:
            summary["networks"] = _catch_up_networks(graph)
    if rejects.count:
        summary["rejects_file"] = str(rejects.path)
    if json_lines:
        _log("finished", **summary)
    else:
        click.echo(_human(summary), err=True)
    sys.exit(EXIT_REJECTS if report.rejected else EXIT_OK)


def _json_lines() -> bool:
    """Whether to log JSON lines: as --log-format says, else when stderr is not a terminal."""
    chosen = click.get_current_context().find_root().params.get("log_format")
    return chosen.lower() == "json" if chosen else not sys.stderr.isatty()


NETWORKS_LEFT = "The networks were not updated: the next ingest or `crosslink networks update` will."


def _catch_up_networks(graph: Crosslink) -> dict[str, Any]:
    """The networks brought up to date after a completed run, as the summary's `networks`; on failure
    the adverts stay in and the run stays pending, so saying what to run next is enough."""
    try:
        return graph.update_networks().as_dict()
    except (Neo4jError, DriverError, OSError, RecomputeBusy) as error:
        _fail(
            f"the adverts are in, but the networks could not be updated ({type(error).__name__}: {error}); "
            "run `crosslink networks update`"
        )


def _stale_after() -> float:
    """The stale threshold of ingest runs (graph.runs), or a usage error naming the variable."""
    try:
        return stale_seconds()
    except ValueError as error:
        click.echo(f"crosslink: {error}", err=True)
        sys.exit(2)


def _human(summary: dict[str, Any]) -> str:
    """The final summary as one sentence, for a terminal."""
    rejected = f"rejected {summary['rejected']}"
    if summary.get("rejects_file"):
        rejected += f" (see {summary['rejects_file']})"
    stale = summary.get("stale_runs")
    if stale:  # runs that had died without saying so, found when this one started
        rejected += f"; marked interrupted (no heartbeat): {', '.join(stale)}"
    return (
        f"{summary['run']} {summary['status']}: read {summary['read']}, accepted {summary['accepted']}, "
        f"{rejected}; created {summary['created']}, updated {summary['updated']}, unchanged "
        f"{summary['unchanged']}, duplicates {summary['duplicates']}; {summary['seconds']:.1f}s, "
        f"{summary['adverts_per_second']:.0f} adverts/s" + _human_networks(summary.get("networks"))
    )


def _human_networks(networks: dict[str, Any] | None) -> str:
    if networks is None:
        return ""
    done = networks["recompute"]
    if done is None:
        return "; networks up to date"
    verb = "rebuilt" if done["kind"] == "rebuild" else "updated"
    return (
        f"; networks {verb} for {networks['adverts']} adverts of {len(networks['runs'])} run(s): "
        f"{done['networks']} networks, {done['networks_created']} new, {done['networks_removed']} removed, "
        f"{done['seconds']:.1f}s"
    )


@main.command("schema-apply")
def schema_apply_command() -> None:
    """Create the graph's constraints and indexes if missing (ingest does this too)."""
    with graph_connection() as graph:
        created = graph.apply_schema()
    click.echo(f"created: {', '.join(created)}" if created else "schema up to date")


@main.command("summary")
@click.option(
    "--limit", default=20, show_default=True, type=click.IntRange(1, 1000), help="Shared identifiers."
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
def summary_command(limit: int, as_json: bool) -> None:
    """What the graph holds, and the identifiers shared by several accounts or platforms.

    Ingest runs left `running` with no heartbeat for CROSSLINK_RUN_STALE_SECONDS are marked interrupted
    first, and interrupted runs are listed.
    """
    stale_after = _stale_after()
    with graph_connection() as graph:
        summary = graph.summary(limit=limit, stale_after=stale_after)
    if as_json:
        click.echo(json.dumps(summary.as_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_summary(summary))


@main.command("demo")
@click.option("--serve/--no-serve", default=True, show_default=True, help="Serve the API afterwards.")
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="The API's port."
)
def demo_command(serve: bool, port: int) -> None:
    """Ingest the bundled sample adverts, build networks, print what was found, and serve the API.

    The sample holds a few deliberately bad lines, to show how rejects are reported. Running the demo
    again changes nothing in the graph: the adverts are already there. A reader key is created for the
    IDE each time and printed once.
    """
    rejected = []
    with graph_connection() as graph:
        try:
            report = graph.ingest(
                SAMPLE_ADVERTS,
                source="demo",
                files=[SAMPLE_ADVERTS.name],
                rejects=rejected.append,
                update_networks=False,  # rebuilt below: the demo shows what a rebuild finds
            )
        except IngestFailed as error:
            _fail(str(error))
        networks = graph.rebuild_networks()
        summary = graph.summary()
        click.echo(
            f"Ingested {SAMPLE_ADVERTS.name}: read {report.read}, accepted {report.accepted} "
            f"(created {report.created}, updated {report.updated}, unchanged {report.unchanged}, "
            f"duplicates {report.duplicates}), "
            f"rejected {report.rejected}, in {report.seconds:.1f}s."
        )
        for reject in rejected:
            click.echo(f"  rejected line {reject.line}: {reject.reason}")
        click.echo("")
        click.echo(format_summary(summary))
        click.echo("")
        click.echo(format_networks(networks, graph.networks(first=10).items))
        if not serve:
            return
        _, key = graph.create_key(role="reader", name="demo")
        click.echo("")
        click.echo(f"The API: http://127.0.0.1:{port}/ide (GraphQL IDE), http://127.0.0.1:{port}/graphql")
        click.echo(f"The networks, drawn: http://127.0.0.1:{port}/networks (the page asks for the key)")
        click.echo(f"Your reader key (shown once): {key}")
        click.echo("In the IDE, add the header  Authorization: Bearer <key>  and try, for example:")
        click.echo(
            "  { networks(first: 5, filter: {minPlatforms: 2, minCountries: 2}) "
            "{ totalCount edges { node { id score platforms countries scoreExplanation } } } }"
        )
        click.echo("Stop with Ctrl-C; the graph stays in the local Neo4j (scripts/neo4j stop).")
        run_server(graph, host="127.0.0.1", port=port)


def format_networks(report: NetworkReport, top: list[Network]) -> str:
    """The networks the rebuild found and the `top` ones (best first), as lines for the terminal."""
    lines = [
        f"Networks: {report.networks} ({len(report.hubs)} hub identifiers left out), the top ones by score:"
    ]
    for n in top:
        lines.append(
            f"  {n.id}  score {n.score:.0f}  {n.advert_count} adverts, {n.account_count} accounts, "
            f"platforms: {', '.join(n.platforms)}; countries: {', '.join(n.countries)}"
        )
    return "\n".join(lines)


@main.command("synth")
@click.option(
    "--adverts", required=True, type=click.IntRange(1, 100_000_000), help="How many adverts to write."
)
@click.option("--seed", default=1, show_default=True, type=int, help="The same seed writes the same files.")
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, writable=True, path_type=Path),
    help="Folder for adverts.jsonl, truth.jsonl and networks.jsonl (created if missing).",
)
def synth_command(adverts: int, seed: int, out_dir: Path) -> None:
    """Write a synthetic advert corpus with planted networks and its ground truth.

    adverts.jsonl is in the ingest format; truth.jsonl gives, line for line, each advert's planted
    network (or none), its class (smuggling or benign), whether it is a rotated member (a later epoch
    of a network that renewed every identifier) and the identifiers it really contains; networks.jsonl
    describes each planted network (smuggling, or a benign organisation of the same routes: ferry,
    school, cargo, charity, news or jobs) and each hub. Streams, so a million adverts need little
    memory. The planted phone numbers are drawn from real mobile ranges: never dial or publish them.
    """
    from graph.synth import generate

    try:
        report = generate(out_dir, adverts=adverts, seed=seed)
    except OSError as error:
        _fail(f"cannot write the corpus to {out_dir}: {error.strerror or error}")
    click.echo(json.dumps(report.as_json(), ensure_ascii=False))


# Commands kept in modules of their own: the API server, its keys and schema, and network analytics.
main.add_command(serve)
main.add_command(keys)
main.add_command(schema)
main.add_command(networks)
main.add_command(bloom)
main.add_command(export)
main.add_command(nightly)
main.add_command(webhooks_group)


if __name__ == "__main__":
    main()
