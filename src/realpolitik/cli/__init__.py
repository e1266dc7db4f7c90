"""The command line: thin wrappers that parse arguments, call the library and show progress.

Each command family lives in its own module and attaches itself to `main`; the modules are
listed in COMMAND_MODULES, so adding a command is one line here.
"""

from __future__ import annotations

import importlib

import click

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_NOTHING = 0, 1, 2, 3

COMMAND_MODULES = (
    "realpolitik.cli.analyze",
    "realpolitik.cli.bench",
    "realpolitik.cli.forecast",
    "realpolitik.cli.store",
    "realpolitik.cli.serve",
)


HELP = """Read geopolitical writing and keep a sourced model of it: actors, events, claims,
interests and figures, each pointing back to the sentence behind it.

\b
Exit codes (shared by every command):
  0  success
  1  some inputs failed (each is named on stderr); the rest were processed
  2  usage error: bad arguments or options
  3  nothing could be processed (no input succeeded), or a required resource is missing
"""


@click.group(help=HELP, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="realpolitik")
def main() -> None:
    """realpolitik: read geopolitical writing, keep a sourced model of it."""


for _module in COMMAND_MODULES:
    importlib.import_module(_module)
