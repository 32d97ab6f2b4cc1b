"""Named points where the crash tests stop a real run (SIGKILL) to prove the database stays whole."""
from __future__ import annotations

import os
import sys
import time

PAUSE_VARIABLE = "DYAD_FAULT_PAUSE"
RELEASE_VARIABLE = "DYAD_FAULT_RELEASE"


def checkpoint(name: str) -> None:
    """With DYAD_FAULT_PAUSE=name, say so on stderr and wait: until the file DYAD_FAULT_RELEASE names exists
    (the test's signal to go on), at most DYAD_FAULT_PAUSE_SECONDS (default 60); without a release file, that long.

    A no-op otherwise: one environment lookup, so it can stay in the production path it tests.
    """
    if os.environ.get(PAUSE_VARIABLE) != name:
        return
    print(f"DYAD_PAUSED {name} pid={os.getpid()}", file=sys.stderr, flush=True)
    deadline = time.monotonic() + float(os.environ.get("DYAD_FAULT_PAUSE_SECONDS", "60"))
    release = os.environ.get(RELEASE_VARIABLE)
    if not release:
        time.sleep(max(deadline - time.monotonic(), 0))
        return
    while not os.path.exists(release) and time.monotonic() < deadline:
        time.sleep(0.05)
