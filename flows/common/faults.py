"""Named points where the crash tests stop a real run (SIGKILL) to prove the database stays whole."""
from __future__ import annotations

import os
import sys
import time

PAUSE_VARIABLE = "DYAD_FAULT_PAUSE"


def checkpoint(name: str) -> None:
    """With DYAD_FAULT_PAUSE=name, say so on stderr and sleep (DYAD_FAULT_PAUSE_SECONDS, default 60).

    A no-op otherwise: one environment lookup, so it can stay in the production path it tests.
    """
    if os.environ.get(PAUSE_VARIABLE) == name:
        print(f"DYAD_PAUSED {name} pid={os.getpid()}", file=sys.stderr, flush=True)
        time.sleep(float(os.environ.get("DYAD_FAULT_PAUSE_SECONDS", "60")))
