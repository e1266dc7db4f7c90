"""The corpus commands: ingest, failures, dyad, actors, events, claims, contested, correct, undo, export.

Thin wrappers over realpolitik.store, realpolitik.analysis and realpolitik.export: each
opens the store named by --db (default REALPOLITIK_DB, else ./realpolitik.duckdb), calls one
library function and prints a table, or JSON with --json for pipes.
"""

from __future__ import annotations

import getpass
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import click

from realpolitik.cli import EXIT_NOTHING, EXIT_OK, EXIT_PARTIAL, main
from realpolitik.cli.engine_options import engine_options, ray_engine
from realpolitik.redaction import redact
from realpolitik.schema import CLAIM_STATUSES, EVENT_TYPES
from realpolitik.store.fixes import ACTOR_KINDS
from realpolitik.terminal import printable

db_option = click.option("--db", envvar="REALPOLITIK_DB", default=None, show_envvar=True,
                         help="Store: a DuckDB file (default ./realpolitik.duckdb) or a postgresql:// URL.")
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON (for pipes) instead of a table.")
limit_option = click.option("--limit", type=int, default=100, show_default=True, help="At most this many rows.")
offset_option = click.option("--offset", type=int, default=0, help="Skip this many rows first.")
level_option = click.option(
    "--level", type=click.Choice(["state", "actor"]), default="state", show_default=True,
    help="state: count leaders, ministries, armed forces and firms as their state or organisation "
         "(as ICEWS and GDELT do); actor: each actor alone.")
user_option = click.option("--user", envvar="REALPOLITIK_USER", default=None,
                           help="Analyst the decision is attributed to (default: REALPOLITIK_USER, else login name).")


@contextmanager
def opened(db: str | None, create: bool = False, write: bool = False) -> Iterator[Any]:
    """Open the store or exit 3 with the store's own explanation. Only `create` (ingest) may
    bring a new DuckDB file into being: a mistyped --db must not read as an empty corpus.

    A DuckDB file is opened read-only unless the command writes (`create` or `write`), so
    reading commands run beside a running desk and each other; a writer waits up to
    REALPOLITIK_LOCK_WAIT seconds for the others to let go."""
    from pathlib import Path

    from realpolitik.config import Config
    from realpolitik.store import StoreError, open_store

    config = Config.from_env(db=db)
    location = config.db
    if not create and "://" not in location and location != ":memory:" and not Path(location).exists():
        click.echo(f"realpolitik: no store at {printable(location)}; check --db (or REALPOLITIK_DB), "
                   "or create it with `realpolitik ingest`", err=True)
        sys.exit(EXIT_NOTHING)
    try:
        store = open_store(location, read_only=not (create or write), wait=config.lock_wait)
    except StoreError as exc:
        click.echo(redact(f"realpolitik: {exc}"), err=True)
        sys.exit(EXIT_NOTHING)
    try:
        yield store
    except StoreError as exc:
        click.echo(redact(f"realpolitik: {exc}"), err=True)
        sys.exit(EXIT_NOTHING)
    finally:
        store.close()


def _jsonable(value: Any) -> Any:
    """A store row as its dict; anything else json cannot write (datetimes) as text."""
    from realpolitik.store.records import Record

    return value.to_dict() if isinstance(value, Record) else str(value)


def emit_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=1, default=_jsonable)
    sys.stdout.write("\n")


def console() -> Any:
    from rich.console import Console

    return Console(width=None if sys.stdout.isatty() else 160)


def table(title: str, columns: list[str], rows: list[list[Any]]) -> None:
    from rich.table import Table

    t = Table(title=title)
    for c in columns:
        t.add_column(c, overflow="fold")
    for r in rows:
        t.add_row(*["" if v is None else str(v) for v in r])
    console().print(t)


def snippet(text: str | None, width: int = 140) -> str:
    s = " ".join((text or "").split())
    return s if len(s) <= width else s[: width - 1] + "…"


def analyst(user: str | None) -> str:
    return user or os.environ.get("REALPOLITIK_USER") or getpass.getuser()


def actor_arg(store: Any, value: str) -> str:
    found = store.resolve_actor(value)
    if found is None:
        raise click.BadParameter(f"no actor {value!r} in the store (see `realpolitik actors`)")
    return found


# -- ingest ---------------------------------------------------------------------
@main.command()
@click.argument("paths", nargs=-1)
@db_option
@click.option("--retry-failures", is_flag=True, help="Try again documents that failed before (all of them when no PATH).")
@click.option("--reanalyse", is_flag=True, help="Analyse known documents again and replace their machine output.")
@click.option("--published", help="Publication date (YYYY, YYYY-MM or YYYY-MM-DD) for every input.")
@click.option("--title", help="Title for every input.")
@click.option("--source", help="Publisher for every input.")
@click.option("--max-bytes", type=click.IntRange(min=1), help="Refuse documents larger than this many bytes.")
@click.option("--processes", type=click.IntRange(1), default=1, show_default=True,
              help="Analyse on this many worker processes (results stored in input order).")
@engine_options
@click.option("--out", help="With --engine ray: write the analyses to parquet://DIR (partitioned by publication "
                            "month) instead of the store; load them later with `realpolitik ingest parquet://DIR`.")
@click.option("--verbose", "-v", is_flag=True, help="One line per document on stdout.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary.")
def ingest(paths: tuple[str, ...], db: str | None, retry_failures: bool, reanalyse: bool, published: str | None,
           title: str | None, source: str | None, max_bytes: int | None, processes: int, engine: str,
           address: str | None, workers: int, object_store_mb: int, out: str | None, verbose: bool,
           quiet: bool) -> None:
    """Analyse PATHS (files, folders, JSONL, Parquet, '-') and store the results.

    \b
    Re-ingesting is a no-op (documents are known by content hash); a changed file or URL
    becomes a new version of its document. Each document is stored in its own transaction
    (with --engine ray, each batch), so an interrupted run is completed by running it again.
    Failed documents are recorded (`realpolitik failures`) and skipped until --retry-failures.
    A PATH parquet://DIR loads analyses written by --out parquet://DIR, without analysing.
    Exit codes: 0 all stored or unchanged; 1 some failed; 3 nothing could be stored.
    """
    from realpolitik.cluster import parquet as parquet_out
    from realpolitik.dates import NOT_ABSOLUTE, normalize_published
    from realpolitik.ingest import Overrides
    from realpolitik.nlp import ModelNotFound
    from realpolitik.progress import progress_bar
    from realpolitik.store.batches import store_batches
    from realpolitik.store.ingest import IngestStats
    from realpolitik.store.ingest import ingest as run_ingest

    if not paths and not retry_failures:
        raise click.UsageError("give PATH(s) to ingest, or --retry-failures")
    if published is not None:
        norm = normalize_published(published)
        if norm is None:
            raise click.BadParameter(f"{published!r} {NOT_ABSOLUTE}",
                                     param_hint="--published")
        published = norm
    if out is not None or engine == "ray" or any(parquet_out.is_location(p) for p in paths):
        _check_engine_use(paths, engine, out, processes, retry_failures)
    if out is not None:
        _ingest_to_parquet(paths, out, Overrides(published, title, source), max_bytes, address, workers,
                           object_store_mb, quiet)
        return
    with opened(db, create=True) as store, progress_bar("ingesting", quiet=quiet) as advance:
        def on_item(outcome: str, path: str, detail: str) -> None:
            advance(1)
            if outcome == "failed":
                click.echo(redact(f"realpolitik: failed {printable(path)}: {printable(detail)}"), err=True)
            if verbose:
                click.echo(f"{outcome}\t{printable(path)}" + (f"\t{printable(detail)}" if detail else ""), nl=True)
                sys.stdout.flush()

        try:
            if paths and parquet_out.is_location(paths[0]):
                stats = store_batches(store, (r for p in paths for r in parquet_out.results(p)), IngestStats(),
                                      on_item)
            elif engine == "ray":
                from realpolitik.cluster.run import ingest as ray_ingest

                with ray_engine(address, workers, None, object_store_mb) as cluster:
                    stats = ray_ingest(store, paths, cluster, Overrides(published, title, source), max_bytes,
                                       retry_failures, reanalyse, on_item)
            else:
                stats = run_ingest(store, paths, overrides=Overrides(published, title, source), max_bytes=max_bytes,
                                   retry_failures=retry_failures, reanalyse=reanalyse, on_item=on_item,
                                   processes=processes)
        except FileNotFoundError as exc:
            click.echo(f"realpolitik: {printable(str(exc))}", err=True)
            sys.exit(EXIT_NOTHING)
        except ModelNotFound as exc:
            click.echo(f"realpolitik: {exc}", err=True)
            sys.exit(EXIT_NOTHING)
        counts = store.counts()
    if not quiet:
        click.echo(f"{stats.stored} stored ({stats.added} new, {stats.versions} new versions, {stats.reanalysed} "
                   f"re-analysed), {stats.unchanged} unchanged, {stats.failed} failed, {stats.skipped_failed} skipped "
                   f"as failed before; {stats.events} events; {stats.docs_per_second():.1f} documents/s", err=True)
        click.echo(f"store {redact(store.location)}: {counts['documents']} documents, {counts['events']} events, "
                   f"{counts['claims']} claims, {counts['actors']} actors", err=True)
    if stats.failed and not (stats.stored or stats.unchanged):
        sys.exit(EXIT_NOTHING)
    sys.exit(EXIT_PARTIAL if stats.failed else EXIT_OK)


def _check_engine_use(paths: tuple[str, ...], engine: str, out: str | None, processes: int,
                      retry_failures: bool) -> None:
    """Refuse the combinations that cannot mean what they say."""
    from realpolitik.cluster import parquet as parquet_out

    loading = [p for p in paths if parquet_out.is_location(p)]
    if loading and (len(loading) != len(paths) or out or engine == "ray"):
        raise click.UsageError("parquet://DIR is loaded as it is (no analysis): give it alone, without --engine ray "
                               "or --out")
    if out is not None and not parquet_out.is_location(out):
        raise click.BadParameter(f"{out!r}: give parquet://DIR", param_hint="--out")
    if out is not None and engine != "ray":
        raise click.UsageError("--out parquet://DIR is written by the Ray workers: add --engine ray")
    if out is not None and retry_failures:
        raise click.UsageError("--retry-failures reads the store's failures; it does not go with --out")
    if engine == "ray" and processes > 1:
        raise click.UsageError("--processes is for the local engine; with --engine ray use --workers")
    if engine == "ray" and "-" in paths:
        raise click.UsageError("--engine ray reads files and folders, not stdin ('-')")


def _ingest_to_parquet(paths: tuple[str, ...], out: str, overrides: Any, max_bytes: int | None,
                       address: str | None, workers: int, object_store_mb: int, quiet: bool) -> None:
    """--engine ray --out parquet://DIR: the workers write the analyses; nothing is stored."""
    from realpolitik.cluster import parquet as parquet_out

    with ray_engine(address, workers, None, object_store_mb) as cluster:
        run = cluster.write_parquet(paths, str(parquet_out.folder(out)), overrides, max_bytes)
    docs, failed = parquet_out.run_summary(out, run)
    for f in failed:
        click.echo(redact(f"realpolitik: failed {printable(f.path)}: {printable(f.reason)}"), err=True)
    if not quiet:
        click.echo(f"{docs} analyses and {len(failed)} failures written to {printable(out)} (run {run}); "
                   f"load them with `realpolitik ingest {printable(out)} --db STORE`", err=True)
    if not docs:
        sys.exit(EXIT_NOTHING)
    sys.exit(EXIT_PARTIAL if failed else EXIT_OK)


@main.command()
@db_option
@json_option
@click.option("--all", "include_resolved", is_flag=True, help="Also list failures that later succeeded.")
def failures(db: str | None, as_json: bool, include_resolved: bool) -> None:
    """List documents that could not be ingested, with the reason."""
    with opened(db) as store:
        found = store.failures(include_resolved=include_resolved)
    if as_json:
        emit_json(found)
        return
    table(f"Failures ({len(found)})", ["path", "reason", "attempts", "last seen", "resolved"],
          [[f.path, f.reason, f.attempts, f.last_seen, f.resolved_at or ""] for f in found])


@main.command()
@db_option
@json_option
@limit_option
@offset_option
@click.option("--actor", required=True, help="Whose interests (id, name or alias).")
@click.option("--since", help="From documents published on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--by", type=click.Choice(["month", "quarter", "year"]),
              help="Group the interests into topics and show each topic's salience per period.")
@click.option("--topics", "max_topics", type=click.IntRange(1, 50), default=8, show_default=True,
              help="With --by or --plot: at most this many topics, heaviest first.")
@click.option("--evidence", type=click.IntRange(0, 20), default=2, show_default=True,
              help="With --by or --plot: evidence sentences per topic.")
@click.option("--plot", "plot_path", type=click.Path(dir_okay=False),
              help="Draw each topic's salience over time to this PNG (implies --by year if --by is not given).")
def interests(db: str | None, as_json: bool, limit: int, offset: int, actor: str, since: str | None,
              by: str | None, max_topics: int, evidence: int, plot_path: str | None) -> None:
    """What an actor wants, opposes, fears or is committed to, as the corpus states it: ranked
    priorities first, then newest first, each with its document. A state's include those of
    its people and organs (its leader's, its ministries').

    With --by (or --plot) the interests are grouped into topics instead, each with its
    salience per period (how often and how emphatically it is stated), stances, who stated
    it, and evidence sentences."""
    if by or plot_path:
        return interest_topics(db, as_json, actor, since, by or "year", max_topics, evidence, plot_path)
    with opened(db) as store:
        who = actor_arg(store, actor)
        found = store.interests(actor=who, since=since, limit=limit, offset=offset)
    if as_json:
        emit_json(found)
        return
    table(f"Interests of {who} ({len(found)})", ["rank", "held by", "interest", "published", "document"],
          [[i.rank or "", i.actor, snippet(i.text), i.published or "", snippet(i.title or i.doc, 40)]
           for i in found])


def interest_topics(db: str | None, as_json: bool, actor: str, since: str | None, by: str, max_topics: int,
                    evidence: int, plot_path: str | None) -> None:
    """`interests --by`: the actor's interest topics with salience per period."""
    from realpolitik.analysis.interest_topics import topic_report
    from realpolitik.analysis.interest_topics_view import plot_topics, print_topics

    with opened(db) as store:
        report = topic_report(store, actor_arg(store, actor), since=since, by=by, topics=max_topics,
                              evidence=evidence)
    if plot_path:
        click.echo(f"plot written to {plot_topics(report, plot_path)}", err=True)
    if as_json:
        emit_json(report.to_dict())
    else:
        print_topics(report, console())


@main.command()
@db_option
def check(db: str | None) -> None:
    """Check the store: it opens, every row belongs to a stored document, each document has
    one current version. Exit 0 when sound, 1 with the problems listed, 3 when it cannot be
    opened (the message says how to recover)."""
    with opened(db) as store:
        problems = store.check()
        counts = store.counts()
    if problems:
        for problem in problems:
            click.echo(f"realpolitik: {printable(problem)}", err=True)
        sys.exit(EXIT_PARTIAL)
    click.echo(f"store {redact(store.location)} is sound: {counts['documents']} documents, "
               f"{counts['events']} events, {counts['decisions']} analyst decisions")


# -- queries --------------------------------------------------------------------
@main.command()
@click.argument("a")
@click.argument("b")
@db_option
@json_option
@click.option("--by", type=click.Choice(["month", "quarter", "year"]), default="year", show_default=True)
@click.option("--evidence", type=int, default=5, show_default=True, help="How many evidence sentences to show.")
@click.option("--plot", "plot_path", type=click.Path(dir_okay=False), help="Draw the index over time to this PNG.")
@level_option
def dyad(a: str, b: str, db: str | None, as_json: bool, by: str, evidence: int, plot_path: str | None,
         level: str) -> None:
    """How the relation between actors A and B moved: events per type and period, the
    cooperation–conflict index (mean Goldstein, with n), and the strongest evidence.

    At --level state (the default) each side holds its people and organs (Xi Jinping for
    China) and the report lists which of them contributed how many events."""
    from realpolitik.analysis.dyad import dyad_report, plot, print_dyad

    with opened(db) as store:
        report = dyad_report(store, actor_arg(store, a), actor_arg(store, b), by=by, evidence=evidence, level=level)
    if plot_path:
        plot(report, plot_path)
    if as_json:
        emit_json(report.to_dict())
    else:
        print_dyad(report, console())


@main.command()
@db_option
@json_option
@level_option
@click.option("--limit", type=int, default=30, show_default=True, help="The busiest this many nodes.")
@click.option("--focus", multiple=True, help="Also show this actor and all its partners (repeatable).")
@click.option("--since", help="Events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", help="Events on or before this date.")
def network(db: str | None, as_json: bool, level: str, limit: int, focus: tuple[str, ...], since: str | None,
            until: str | None) -> None:
    """Who acted on whom: pairs of states and organisations (or of actors, --level actor) with
    their number of events and mean Goldstein score, and each node's member actors."""
    from realpolitik.api.network import build

    with opened(db) as store:
        ids = [actor_arg(store, f) for f in focus]
        found = build(store, limit=limit, focus=ids, since=since, until=until, level=level)
    if as_json:
        emit_json(found)
        return
    names = {n["id"]: n["name"] for n in found["nodes"]}
    table(f"Relations at {level} level ({len(found['edges'])})", ["pair", "events", "Goldstein", "types"],
          [[f"{names.get(e['source'], e['source'])} – {names.get(e['target'], e['target'])}", e["events"],
            e["goldstein"], ", ".join(f"{t} {n}" for t, n in e["types"].items())]
           for e in sorted(found["edges"], key=lambda e: (-e["events"], e["source"], e["target"]))])
    table(f"Nodes ({len(found['nodes'])} of {found['total_actors']})", ["id", "name", "events", "member actors"],
          [[n["id"], n["name"], n["events"], ", ".join(f"{m} {k}" for m, k in n["members"].items())]
           for n in found["nodes"]])


@main.command()
@db_option
@json_option
@limit_option
@offset_option
@click.option("--kind", type=click.Choice(ACTOR_KINDS))
def actors(db: str | None, as_json: bool, limit: int, offset: int, kind: str | None) -> None:
    """Actors in the corpus, most mentioned first."""
    with opened(db) as store:
        found = store.actors(kind=kind, limit=limit, offset=offset)
    if as_json:
        emit_json(found)
        return
    table(f"Actors ({len(found)})", ["id", "name", "kind", "country/org", "role", "mentions", "documents", "events"],
          [[a.id, a.name, a.kind, a.country or a.org, a.role, a.mentions, a.documents, a.events] for a in found])


@main.command()
@db_option
@json_option
@limit_option
@offset_option
@click.option("--actor", help="Events with this actor (id, name or alias) as source or target.")
@click.option("--type", "type_", type=click.Choice(EVENT_TYPES, case_sensitive=False), help="PLOVER type.")
@click.option("--since", help="On or after this date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", help="On or before this date.")
@click.option("--corroborated", is_flag=True, help="List events told by several independent publishers instead.")
@click.option("--min-publishers", type=int, default=2, show_default=True, help="With --corroborated.")
def events(db: str | None, as_json: bool, limit: int, offset: int, actor: str | None, type_: str | None,
           since: str | None, until: str | None, corroborated: bool, min_publishers: int) -> None:
    """Events, oldest first, with their evidence sentence and source."""
    with opened(db) as store:
        who = actor_arg(store, actor) if actor else None
        if corroborated:
            from realpolitik.analysis.corroboration import corroborated as find

            found = [c.to_dict() for c in find(store, min_publishers=min_publishers, actor=who)]
            if type_:
                found = [c for c in found if c["type"] == type_.upper()]
            found = found[offset : offset + limit]
            if as_json:
                emit_json(found)
                return
            table(f"Corroborated events ({len(found)})",
                  ["dates", "type", "dyad", "publishers", "documents", "event ids", "evidence"],
                  [[", ".join(c["dates"]), c["type"], "–".join(c["dyad"]), len(c["publishers"]), c["documents"],
                    " ".join(e["id"] for e in c["events"]), snippet(c["events"][0]["sentence"])] for c in found])
            return
        found = store.events(actor=who, type=type_, since=since, until=until, limit=limit, offset=offset)
    if as_json:
        emit_json(found)
        return
    table(f"Events ({len(found)})", ["id", "date", "type", "source", "target", "Goldstein", "status", "publisher",
                                     "sentence"],
          [[e.id, e.dated, e.type + (" (negated)" if e.negated else "") + (" (if)" if e.hypothetical else ""),
            e.source, e.target, e.goldstein, e.status, snippet(e.publisher, 30), snippet(e.sentence)]
           for e in found])


@main.command()
@db_option
@json_option
@limit_option
@offset_option
@click.option("--status", type=click.Choice(CLAIM_STATUSES), help="Only claims with this status.")
@click.option("--source", help="Only claims by this source (actor id/name, or words of the source's description).")
def claims(db: str | None, as_json: bool, limit: int, offset: int, status: str | None, source: str | None) -> None:
    """The claims ledger: who says what, and how sure the text is."""
    with opened(db) as store:
        found = store.claims(status=status, source=source, limit=limit, offset=offset)
    if as_json:
        emit_json(found)
        return
    table(f"Claims ({len(found)})", ["id", "published", "status", "source", "publisher", "claim"],
          [[c.id, c.published, c.status, c.source or c.source_text, snippet(c.publisher, 30), snippet(c.text)]
           for c in found])


@main.command()
@db_option
@json_option
@click.option("--actor", help="Only items involving this actor.")
@click.option("--window", type=int, default=31, show_default=True, help="Days two dates may differ and still match.")
def contested(db: str | None, as_json: bool, actor: str | None, window: int) -> None:
    """Contradictions: the same dyad and type told both as happening and as not (negated or denied)."""
    from realpolitik.analysis.corroboration import contested as find

    with opened(db) as store:
        found = find(store, window_days=window, actor=actor_arg(store, actor) if actor else None)
    if as_json:
        emit_json(found)
        return
    rows = []
    for c in found:
        if c["kind"] == "denied claim":
            rows.append([c["published"], c["kind"], "", c["source"] or c["source_text"],
                         f"claim:{c['claim']} {snippet(c['text'])}"])
        else:
            told = " | ".join(f"{'✗' if e['id'] in c['denied'] else '✓'} event:{e['id']} {snippet(e['sentence'], 90)}"
                              for e in c["events"])
            rows.append([", ".join(c["dates"]), c["kind"], c["type"], "–".join(c["dyad"]), told])
    table(f"Contested ({len(found)})", ["dates", "kind", "type", "dyad/source", "evidence (✓ told, ✗ denied/negated)"],
          rows)


# -- corrections ----------------------------------------------------------------
FIXED_BY_PREFIX = ("event", "claim", "actor")


class CorrectGroup(click.Group):
    """`correct event:ID …` runs `correct event ID …` (likewise claim:ID and actor:ID), so an
    item named as the tables and `correct reject` name it works as it is."""

    def resolve_command(self, ctx: click.Context, args: list[str]) -> tuple[str | None, click.Command | None, list[str]]:
        what, sep, item = args[0].partition(":") if args else ("", "", "")
        command = self.get_command(ctx, what) if sep and item and what in FIXED_BY_PREFIX else None
        if command is not None:
            return what, command, [item, *args[1:]]
        return super().resolve_command(ctx, args)


@main.group(cls=CorrectGroup)
def correct() -> None:
    """Analyst corrections: append-only, attributed, reversible with `realpolitik undo ID`.

    \b
    realpolitik correct event ID --type ACCUSE --target RUS --date 2024-03-01 --negated false
    realpolitik correct claim ID --status denied
    realpolitik correct actor ACTOR --key NEW-ID --kind person --country RUS
    realpolitik correct actor ACTOR INTO          (what was read as ACTOR is really INTO)
    realpolitik correct reject event:ID           (or claim:ID, quantity:ID)
    `correct event:ID …` is the same as `correct event ID …`; ids are in every table.
    """


def _decide(db: str | None, kind: str, target: str, value: Any, user: str | None, note: str | None,
            scope: str = "*", resolve: Callable[[Any], tuple[str, Any]] | None = None) -> None:
    with opened(db, write=True) as store:
        if resolve:
            target, value = resolve(store)
        decision = store.decide(kind, target, value, analyst(user), scope=scope, note=note)  # type: ignore[arg-type]
        stored = next(d for d in store.decisions() if d.id == decision)
    click.echo(f"decision {decision}: {kind} {stored.target}" + (f" -> {stored.value}" if stored.value else "")
               + ("" if scope == "*" else f" in {scope}") + f" (undo with `realpolitik undo {decision}`)")


def _none(value: str | None) -> str | None:
    """'none' (any case) or an empty string clears a field: the text names no target, no date."""
    return None if value is not None and value.strip().lower() in ("", "none", "null") else value


def _given(**fields: str | None) -> dict[str, Any]:
    """The fields an analyst gave (each may be 'none' to clear it), as a fix's changes."""
    return {k: _none(v) for k, v in fields.items() if v is not None}


@correct.command("event")
@click.argument("event_id", metavar="ID")
@db_option
@user_option
@click.option("--type", "type_", metavar="TYPE", help=f"The PLOVER type: {', '.join(EVENT_TYPES)}.")
@click.option("--source", help="Who acted (actor id, name or alias; 'none' for no one).")
@click.option("--target", help="Whom it was aimed at (actor id, name or alias; 'none' for no one).")
@click.option("--date", help="When: YYYY, YYYY-MM, YYYY-MM-DD or START/END ('none': the document's date).")
@click.option("--negated", metavar="true|false", help="Whether the text says it did NOT happen.")
@click.option("--note", help="Why.")
def correct_event(event_id: str, db: str | None, user: str | None, type_: str | None, source: str | None,
                  target: str | None, date: str | None, negated: str | None, note: str | None) -> None:
    """Fix an event's type, source, target, date or negation (ID as the events table shows it)."""
    changes = _given(type=type_, source=source, target=target, date=date, negated=negated)
    if not changes:
        raise click.UsageError("give what to fix: --type, --source, --target, --date and/or --negated")
    _decide(db, "fix", f"event:{event_id.removeprefix('event:')}", changes, user, note)


@correct.command("claim")
@click.argument("claim_id", metavar="ID")
@db_option
@user_option
@click.option("--status", required=True, help=f"What the claim really is: {', '.join(CLAIM_STATUSES)}.")
@click.option("--note", help="Why.")
def correct_claim(claim_id: str, db: str | None, user: str | None, status: str, note: str | None) -> None:
    """Mark a claim's status (ID as the claims table shows it); its events follow."""
    _decide(db, "fix", f"claim:{claim_id.removeprefix('claim:')}", {"status": status}, user, note)


@correct.command("reject")
@click.argument("item")
@db_option
@user_option
@click.option("--note", help="Why.")
def correct_reject(item: str, db: str | None, user: str | None, note: str | None) -> None:
    """Reject an extraction: ITEM is event:ID, claim:ID or quantity:ID."""
    _decide(db, "reject", item, None, user, note)


@correct.command("actor")
@click.argument("actor")
@click.argument("into", required=False)
@db_option
@user_option
@click.option("--doc", help="Only in this document (id); default everywhere.")
@click.option("--new-id", help="Resolve to a new actor with this id (give --name and --kind).")
@click.option("--name", help="Name of the new actor.")
@click.option("--key", help="Give ACTOR this new id everywhere (its events, mentions and claims follow).")
@click.option("--kind", type=click.Choice(ACTOR_KINDS),
              help="ACTOR's kind (with --new-id: the new actor's, default organization).")
@click.option("--country", help="ACTOR's country, ISO alpha-3 ('none' for none; with --new-id: the new actor's).")
@click.option("--note", help="Why.")
def correct_actor(actor: str, into: str | None, db: str | None, user: str | None, doc: str | None, new_id: str | None,
                  name: str | None, key: str | None, kind: str | None, country: str | None, note: str | None) -> None:
    """Fix an actor: what was read as ACTOR is really INTO (or a new actor, --new-id), or
    ACTOR's own key, kind or country is wrong (--key, --kind, --country)."""
    if into or new_id:
        if key:
            raise click.UsageError("--key renames ACTOR itself; it does not go with INTO or --new-id")
        if into and (kind or country):
            raise click.UsageError("--kind and --country describe a new actor (--new-id) or fix ACTOR itself "
                                   "(without INTO); to change INTO's, run `correct actor INTO --kind …`")
    elif key or kind or country is not None:
        if doc:
            raise click.UsageError("an actor's key, kind and country hold in every document; drop --doc")
        changes = _given(key=key, kind=kind, country=country)
        _decide(db, "fix", "", None, user, note,
                resolve=lambda store: (f"actor:{actor_arg(store, actor.removeprefix('actor:'))}", changes))
        return
    else:
        raise click.UsageError("give INTO (an existing actor), --new-id with --name, or --key/--kind/--country")

    def resolve(store: Any) -> tuple[str, str | None]:
        target = actor_arg(store, actor) if doc is None else (store.resolve_actor(actor) or actor)
        if new_id:
            return target, json.dumps({"id": new_id, "name": name or new_id, "kind": kind or "organization",
                                       "country": country})
        return target, actor_arg(store, into or "")

    _decide(db, "resolve", actor, None, user, note, scope=doc or "*", resolve=resolve)


@correct.command("merge")
@click.argument("actor")
@click.argument("into")
@db_option
@user_option
@click.option("--note", help="Why.")
def correct_merge(actor: str, into: str, db: str | None, user: str | None, note: str | None) -> None:
    """Merge ACTOR into INTO everywhere; ACTOR's names become INTO's aliases."""
    _decide(db, "merge", actor, into, user, note,
            resolve=lambda store: (actor_arg(store, actor), actor_arg(store, into)))


@correct.command("list")
@db_option
@json_option
@click.option("--live", is_flag=True, help="Only decisions in force (not undone).")
def correct_list(db: str | None, as_json: bool, live: bool) -> None:
    """The decision log, oldest first."""
    with opened(db) as store:
        found = store.decisions(include_undone=not live)
    if as_json:
        emit_json(found)
        return
    table(f"Decisions ({len(found)})", ["id", "kind", "target", "value", "scope", "by", "at", "undone"],
          [[d.id, d.kind, d.target, d.value, d.scope, d.analyst, d.created_at,
            f"{d.undone_at} by {d.undone_by}" if d.undone_at else ""] for d in found])


@main.command()
@click.argument("decision", type=int)
@db_option
@user_option
def undo(decision: int, db: str | None, user: str | None) -> None:
    """Withdraw analyst decision DECISION (kept in the log, marked undone)."""
    with opened(db, write=True) as store:
        d = store.undo(decision, analyst(user))
    click.echo(f"undone decision {d.id}: {d.kind} {d.target}" + (f" -> {d.value}" if d.value else ""))


# -- export ---------------------------------------------------------------------
@main.command()
@click.argument("fmt", metavar="FORMAT", type=click.Choice(["json", "csv", "parquet", "graphml", "gdelt", "ftm"]))
@click.argument("out", type=click.Path())
@db_option
@level_option
def export(fmt: str, out: str, db: str | None, level: str) -> None:
    """Write the corpus (corrections applied) as FORMAT to OUT (a folder for csv and parquet).

    \b
    json     the analysis contract          csv/parquet  events, actors, claims, quantities,
    graphml  actor network (Gephi)                       documents, interests
    gdelt    GDELT 2.0 event table (61 tab-separated columns, no header, CAMEO codes)
    ftm      FollowTheMoney entities (JSONL, for Aleph and OpenSanctions tools)
    --level applies to graphml (nodes are states and organisations, or actors); the
    per-event formats keep every actor.
    """
    from realpolitik.export import export as run_export

    with opened(db) as store:
        written = run_export(store, fmt, out, level=level)
    for path in written:
        click.echo(str(path))
