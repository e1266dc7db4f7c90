"""`realpolitik serve` (the API and the page) and `realpolitik token create` (write access)."""

from __future__ import annotations

import click

from realpolitik.cli import EXIT_USAGE, main
from realpolitik.redaction import redact


def _redacted_log_config() -> dict:
    """uvicorn's own logging set-up with every handler masking passwords."""
    import copy

    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config.setdefault("filters", {})["redact"] = {"()": "realpolitik.redaction.RedactingFilter"}
    for handler in config["handlers"].values():
        handler["filters"] = [*handler.get("filters", []), "redact"]
    # Our own records (unhandled errors with their tracebacks) go through the same handler.
    config["loggers"]["realpolitik"] = {"handlers": ["default"], "level": "INFO", "propagate": False}
    return config


@main.command()
@click.option("--db", help="Store: a DuckDB file or a postgresql:// URL (default from REALPOLITIK_DB).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--allow-remote-reads", is_flag=True, default=None,
              help="Let non-loopback clients read without a token (writes always need one).")
@click.option("--max-body-bytes", type=click.IntRange(min=1024), help="Largest request body (413 above it).")
@click.option("--tokens", "tokens_path", type=click.Path(dir_okay=False), help="Token file (default beside the store).")
def serve(db: str | None, host: str, port: int, allow_remote_reads: bool | None, max_body_bytes: int | None,
          tokens_path: str | None) -> None:
    """Serve the REST API (OpenAPI at /openapi.json) and the analyst's page at /.

    \b
    Reads are open to loopback clients; writes (ingest, corrections) need a token from
    `realpolitik token create`. The server never fetches URLs found in documents.
    """
    import sys

    import uvicorn

    from realpolitik.api import ApiSettings, create_app
    from realpolitik.api.access import is_loopback
    from realpolitik.api.deadlines import guarded_protocol

    settings = ApiSettings.from_env(db=db, allow_remote_reads=allow_remote_reads, max_body_bytes=max_body_bytes,
                                    tokens=tokens_path, bind=host)
    for name in ("header_timeout", "body_timeout"):
        if not getattr(settings, name) > 0:
            click.echo(f"realpolitik: REALPOLITIK_{name.upper()} must be a number of seconds above 0, "
                       f"not {getattr(settings, name)!r}", err=True)
            sys.exit(EXIT_USAGE)
    if settings.store_idle < 0:
        click.echo(f"realpolitik: REALPOLITIK_STORE_IDLE must be 0 or more seconds, not {settings.store_idle!r}",
                   err=True)
        sys.exit(EXIT_USAGE)
    if not is_loopback(host) and not settings.allow_remote_reads:
        click.echo(f"realpolitik: listening on {host}: remote clients need a token even to read "
                   "(--allow-remote-reads opens reads)", err=True)
    click.echo(f"realpolitik: serving {redact(settings.db)} on http://{host}:{port}/ (tokens in {settings.token_file})",
               err=True)
    # Idle keep-alive connections are closed after 5 s, at most 1,000 connections are served
    # at once (more get 503), and headers over 16 KB are refused by the HTTP parser; a request
    # head must arrive within header_timeout and a body must not stall past body_timeout
    # (uvicorn has neither: api/deadlines.py).
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info", log_config=_redacted_log_config(),
                timeout_keep_alive=5, limit_concurrency=1000, h11_max_incomplete_event_size=16 * 1024,
                http=guarded_protocol(settings.header_timeout, settings.body_timeout))


@main.group()
def token() -> None:
    """Write tokens for the API."""


@token.command("create")
@click.option("--name", default="analyst", show_default=True, help="Who the token is for: corrections made with it carry this name.")
@click.option("--db", help="The store the token is for (its token file sits beside it).")
@click.option("--tokens", "tokens_path", type=click.Path(dir_okay=False), help="Token file to add to.")
def token_create(name: str, db: str | None, tokens_path: str | None) -> None:
    """Create a token and print it once; only its hash is kept."""
    import sys

    from realpolitik.api import tokens
    from realpolitik.api.settings import ApiSettings

    settings = ApiSettings.from_env(db=db, tokens=tokens_path)
    try:
        secret = tokens.create(settings.token_file, name)
    except ValueError as exc:
        click.echo(f"realpolitik: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    click.echo(f"realpolitik: token for {name!r} stored (hashed) in {settings.token_file}; it is shown only now",
               err=True)
    click.echo(secret)
