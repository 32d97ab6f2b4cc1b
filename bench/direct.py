"""The pipeline's work without Prefect: the flow's body with every stage task replaced by its plain function.

Prefect's task objects in flows.orchestrate.pipeline are swapped for their `.fn` and the run artifacts (a Prefect API call)
for a no-op, so the stages run exactly as `dyad run` runs them, in the same order, with no server, flow run or
task runs. `python -m bench.direct SOURCES DB [--full]` prints the run summary and the time as one JSON line.
"""
from __future__ import annotations

import json
import sys
import time
from dataclasses import asdict
from typing import Any


def run_direct(sources: str, db: str, full: bool = False) -> dict[str, Any]:
    """Run the pipeline's stages in this process without Prefect; the summary and the seconds they took."""
    clock = time.perf_counter()
    from prefect import Task

    import flows.orchestrate.artifacts
    import flows.orchestrate.pipeline as pipeline_module

    imported = time.perf_counter() - clock
    for name, value in list(vars(pipeline_module).items()):
        if isinstance(value, Task):
            setattr(pipeline_module, name, value.fn)
    flows.orchestrate.artifacts.publish_run_artifacts = lambda summary, db_path: []
    start = time.perf_counter()
    summary = pipeline_module.pipeline.fn(sources=sources, db=db, full=full)
    return {**asdict(summary), "stages_s": round(time.perf_counter() - start, 3), "import_s": round(imported, 3)}


if __name__ == "__main__":
    from flows.settings import configure_prefect_environment

    configure_prefect_environment()
    print(json.dumps(run_direct(sys.argv[1], sys.argv[2], full="--full" in sys.argv[3:]), default=str))
