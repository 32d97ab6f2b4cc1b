"""`python -m flows.cli` is the `dyad` command (the crash tests start it this way)."""
from flows.cli.entry import main

main()
