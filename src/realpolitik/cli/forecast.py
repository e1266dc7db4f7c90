"""`realpolitik forecast`, `realpolitik backtest` and `realpolitik scenario draft`."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from realpolitik.cli import EXIT_NOTHING, EXIT_OK, EXIT_USAGE, main

MODEL_CHOICES = ("compromise", "nash", "median", "eu")


def _models(values: tuple[str, ...]) -> tuple[str, ...]:
    """--model may repeat or hold a comma list; none means every model."""
    names = [n.strip() for v in values for n in v.split(",") if n.strip()]
    bad = [n for n in names if n not in MODEL_CHOICES]
    if bad:
        raise click.BadParameter(f"{', '.join(bad)} (choose from {', '.join(MODEL_CHOICES)})", param_hint="--model")
    return tuple(dict.fromkeys(names)) or MODEL_CHOICES


@main.command()
@click.argument("scenario_file", type=click.Path(dir_okay=False))
@click.option("--model", "model", multiple=True, help="compromise, nash, median, eu (repeat or comma-separate; default all).")
@click.option("--rounds", type=click.IntRange(1, 100), default=10, show_default=True, help="Rounds of the expected-utility model.")
@click.option("--plot", "plot_out", type=click.Path(dir_okay=False), help="Save the EU model's rounds as an image.")
@click.option("--json", "json_out", type=click.Path(dir_okay=False), help="Write the forecasts as JSON ('-' for stdout).")
def forecast(scenario_file: str, model: tuple[str, ...], rounds: int, plot_out: str | None, json_out: str | None) -> None:
    """Forecast the outcome of the issue in SCENARIO_FILE with each model.

    \b
    Exit codes: 0 forecast made; 2 bad options; 3 the scenario file is unusable (every
    problem is listed with its line).
    """
    from realpolitik.forecast.engine import run_scenario
    from realpolitik.forecast.scenario import ScenarioError, load_scenario

    models = _models(model)
    try:
        scenario = load_scenario(scenario_file)
        result = run_scenario(scenario, models, rounds=rounds)
    except ScenarioError as exc:
        for problem in exc.problems:
            click.echo(f"realpolitik: {problem}", err=True)
        sys.exit(EXIT_NOTHING)
    data = result.to_dict(scenario)
    if json_out:
        text = json.dumps(data, ensure_ascii=False, indent=1)
        if json_out == "-":
            click.echo(text)
        else:
            Path(json_out).write_text(text + "\n", encoding="utf-8")
    if json_out != "-":
        _print_forecast(scenario, result, data)
    if plot_out:
        if result.eu is None:
            raise click.UsageError("--plot needs the eu model")
        from realpolitik.forecast.plot import plot_rounds

        click.echo(f"plot written to {plot_rounds(scenario, result.eu, plot_out)}")
    sys.exit(EXIT_OK)


def _print_forecast(scenario, result, data: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    flag = " [yellow](illustrative)[/]" if scenario.illustrative else ""
    console.print(f"[bold]{scenario.issue}[/]{flag}")
    console.print(f"  0 = {scenario.low}\n  100 = {scenario.high}")
    if scenario.status_quo is not None:
        console.print(f"  status quo: {scenario.status_quo:g}")
    table = Table("model", "forecast")
    for name, value in data["forecasts"].items():
        table.add_row(name, f"{value:.1f}")
    console.print(table)
    console.print(f"spread between models: {data['spread']:.1f}")
    if result.eu is not None:
        names = [a.id for a in scenario.actors]
        rounds = Table("round", *names, "forecast", "moves", title="expected-utility model, round by round")
        for r in data["rounds"]:
            moves = "; ".join(f"{m['actor']} {m['kind']} to {m['challenger']}" for m in r["moves"]) or "-"
            rounds.add_row(str(r["round"]), *(f"{r['positions'][n]:.0f}" for n in names), f"{r['forecast']:.1f}", moves)
        console.print(rounds)


def default_deu_path() -> Path:
    """../shared/data/deu3/deu3.csv beside the repository, or under $REALPOLITIK_SHARED."""
    env = os.environ.get("REALPOLITIK_SHARED")
    root = Path(env) if env else Path(__file__).resolve().parents[3] / ".." / "shared"
    return root / "data" / "deu3" / "deu3.csv"


@main.command()
@click.argument("deu_file", type=click.Path(dir_okay=False), required=False)
@click.option("--model", "model", multiple=True, help="compromise, nash, median, eu (default all).")
@click.option("--capability", type=click.Choice(["equal", "gdp", "votes"]), default="equal", show_default=True,
              help="equal; the file's GDP line; or Council votes by the rules in force (institutions as the heaviest state).")
@click.option("--cv", "cv_folds", type=click.IntRange(2, 50), help="Also cross-validate the capability rule for the compromise model with this many folds.")
@click.option("--json", "json_out", type=click.Path(dir_okay=False), help="Write the report as JSON ('-' for stdout).")
def backtest(deu_file: str | None, model: tuple[str, ...], capability: str, cv_folds: int | None, json_out: str | None) -> None:
    """Score the models on DEU III: mean absolute error against the recorded outcomes.

    \b
    DEU_FILE defaults to ../shared/data/deu3/deu3.csv (or $REALPOLITIK_SHARED/data/deu3/deu3.csv).
    Exit codes: 0 scored; 2 bad options; 3 the file is missing or unreadable.
    """
    from realpolitik.forecast.backtest import backtest as run_backtest
    from realpolitik.forecast.backtest import cross_validate
    from realpolitik.forecast.capability import CapabilityRule
    from realpolitik.forecast.deu import DEUFormatError, read_deu

    path = Path(deu_file) if deu_file else default_deu_path()
    try:
        data = read_deu(path)
    except (OSError, DEUFormatError) as exc:
        click.echo(f"realpolitik: cannot read {path}: {exc}", err=True)
        sys.exit(EXIT_NOTHING)
    report = run_backtest(data, _models(model), CapabilityRule(capability))
    if cv_folds:
        report["cross_validation"] = cross_validate(data, "compromise", k=cv_folds)
    if json_out == "-":
        click.echo(json.dumps(report, indent=1))
    else:
        if json_out:
            Path(json_out).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
        click.echo(f"DEU III: {report['issues_used']} issues used, {report['issues_skipped']} skipped "
                   f"({'; '.join(f'{n} {r}' for r, n in report['skipped_reasons'].items())}); "
                   f"{report['salience_imputed']} missing saliences set to 50")
        click.echo(f"capabilities: {report['capability']}")
        for s in report["scores"]:
            click.echo(f"  {s['model']:<11} MAE {s['mae']:6.2f}  (median error {s['median_error']:.1f}, n={s['issues']})")
        if cv_folds:
            cv = report["cross_validation"]
            click.echo(f"cross-validated compromise ({cv['folds']} folds, {cv['candidates']} candidate rules): "
                       f"MAE {cv['cv_mae']:.2f}, folds {cv['fold_mae_range'][0]:.1f}–{cv['fold_mae_range'][1]:.1f} "
                       f"(sd {cv['fold_mae_sd']:.2f}); in-sample best {cv['in_sample_best']['rule']} "
                       f"{cv['in_sample_best']['mae']:.2f}")
    sys.exit(EXIT_OK)


@main.group()
def scenario() -> None:
    """Build scenario files for `realpolitik forecast`."""


@scenario.command()
@click.argument("issue")
@click.argument("more_actors", nargs=-1)
@click.option("--actors", "first_actor", required=True, help="Actor ids, e.g. --actors CHN RUS KAZ (or CHN,RUS).")
@click.option("--terms", "terms", multiple=True,
              help="A phrase that names the issue in stated interests, e.g. --terms 'seabed mining' "
                   "(repeat for more; a statement names the issue when it holds every content word of "
                   "one phrase; default: ISSUE itself).")
@click.option("--since", callback=lambda ctx, param, value: _since(value),
              help="Only interests stated in documents published on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--analysis", "analysis_file", type=click.Path(dir_okay=False, exists=True),
              help="Analysis contract JSON to take stated interests from (default: the corpus store).")
@click.option("--db", help="Store to read interests from (default REALPOLITIK_DB or ./realpolitik.duckdb).")
@click.option("-o", "--out", type=click.Path(dir_okay=False), help="Write the draft YAML here (default stdout).")
def draft(issue: str, more_actors: tuple[str, ...], first_actor: str, terms: tuple[str, ...], since: str | None,
          analysis_file: str | None, db: str | None, out: str | None) -> None:
    """Draft a scenario on ISSUE for the given actors from their stated interests.

    \b
    For each actor, from its stated interests (its people's and bodies' included: "Xi wants
    …" counts for CHN), grouped into topics as `realpolitik interests --by` groups them:
      salience  the share of what it states that is on the issue (statements that name it,
                and topics whose key terms or at least half of whose statements do;
                emphatic statements double), relative to the heaviest thing it states
      position  the stances of those statements: wants/commits toward 100, opposes/fears
                toward 0 (left empty when none names the issue in its head)
      evidence  every statement counted: document, span, sentence offsets, quote, stance
    Each number's source names the evidence items it rests on. An actor with no statement on
    the issue keeps the default salience 50, labelled in its `basis`. Interests come from the
    corpus store or an analysis file; a file without its documents' text falls back to the
    rank-and-wording rule (salience only). Exit codes: 0 drafted; 2 bad options; 3 the store
    or file is unusable.
    """
    import yaml

    actors = [a.strip() for a in (first_actor, *more_actors) for a in a.split(",") if a.strip()]
    if analysis_file:
        analysis = _read_analysis(analysis_file)
        if analysis.get("documents"):
            drafted, source = _draft_from_analysis(analysis_file, analysis, issue, actors, terms, since), analysis_file
        else:
            from realpolitik.forecast.draft import draft_scenario, interests_by_key

            if terms or since:
                click.echo("realpolitik: --terms and --since need the documents' text; "
                           f"{analysis_file} has none, so they are ignored", err=True)
            interests = interests_by_key(analysis.get("interests", []), analysis.get("actors", []), actors)
            drafted, source = draft_scenario(issue, actors, interests), f"{analysis_file} (rank-and-wording fallback)"
    else:
        from realpolitik.cli.store import opened

        with opened(db) as store:   # read-only beside a running desk; a missing store is refused
            drafted = _draft_or_exit(store, issue, actors, terms, since)
            source = f"the store {db or 'REALPOLITIK_DB'}"
    text = yaml.safe_dump(drafted, sort_keys=False, allow_unicode=True, width=100)
    if out:
        Path(out).write_text(text, encoding="utf-8")
        click.echo(f"draft written to {out}", err=True)
    else:
        click.echo(text)
    for a in drafted["actors"]:
        position = "-" if a["position"] is None else f"{a['position']:g}"
        click.echo(f"  {a['id']:<8} salience {a['salience']:>4g}  position {position:>4}  "
                   f"{len(a['evidence'])} statement(s)  basis: {a['basis']['salience']}", err=True)
    found = sum(1 for a in drafted["actors"] if a["evidence"])
    click.echo(f"{found} of {len(actors)} actors have stated interests on the issue in {source}", err=True)
    sys.exit(EXIT_OK)


def _since(value: str | None) -> str | None:
    """A --since date as the store compares it, or a usage error naming the value."""
    import re

    if value is not None and not re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", value.strip()):
        raise click.BadParameter(f"{value!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)", param_hint="--since")
    return value.strip() if value else None


def _read_analysis(path: str) -> dict:
    try:
        analysis = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        click.echo(f"realpolitik: cannot read {path}: {exc}", err=True)
        sys.exit(EXIT_NOTHING)
    if not isinstance(analysis, dict) or not isinstance(analysis.get("interests"), list):
        click.echo(f"realpolitik: {path} has no 'interests' list (is it analysis contract JSON?)", err=True)
        sys.exit(EXIT_USAGE)
    return analysis


def _draft_from_analysis(path: str, analysis: dict, issue: str, actors: list[str], terms: tuple[str, ...],
                         since: str | None) -> dict:
    """Load an analysis file with its documents into a store in memory and draft from it."""
    from realpolitik.schema import validate
    from realpolitik.store import open_store

    try:
        checked = validate(analysis)
    except ValueError as exc:  # pydantic's ValidationError is a ValueError
        click.echo(f"realpolitik: {path} is not a usable analysis: {exc}", err=True)
        sys.exit(EXIT_NOTHING)
    with open_store(":memory:") as store:
        store.add_analysis(checked)
        return _draft_or_exit(store, issue, actors, terms, since)


def _draft_or_exit(store, issue: str, actors: list[str], terms: tuple[str, ...], since: str | None) -> dict:
    from realpolitik.forecast.draft_interests import draft_from_store

    try:
        return draft_from_store(store, issue, actors, terms, since=since)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
