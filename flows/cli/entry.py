"""The `dyad` command's entry point: a `dyad run` goes to the warm runner when one can take it
(flows.orchestrate.warm_client, standard library only), before Prefect, Polars or the pipeline are imported;
everything else, and a run the runner cannot take, is the Typer app (flows.cli.app). Typer and Rich come with the
package (flows/cli/__init__.py exports `app`): ~0.1 s of the client's ~0.15 s."""
from __future__ import annotations

import sys


def main() -> None:
    """`dyad ...`: the console script and `python -m flows.cli`."""
    if len(sys.argv) > 1 and sys.argv[1] == "run":
        from flows.orchestrate.warm_client import handed_over

        code = handed_over(sys.argv)
        if code is not None:
            sys.exit(code)
    from flows.cli.app import app

    app()
