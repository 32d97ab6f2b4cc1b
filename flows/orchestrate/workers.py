"""Extraction across processes: a local Dask cluster behind Prefect's DaskTaskRunner.

Each Dask worker is a separate process that reports its task runs to the Prefect API. Without a server
configured, every worker would start a temporary Prefect server of its own on the same SQLite file
(STACK.md), so the parent starts one temporary server and hands its address to the workers.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def shared_prefect_api() -> Iterator[str]:
    """The Prefect API every process of this run talks to: the configured one, or one temporary server."""
    from prefect.settings import get_current_settings, temporary_settings

    configured = get_current_settings().api.url
    if configured:
        os.environ["PREFECT_API_URL"] = str(configured)  # worker processes read their settings from the environment
        yield str(configured)
        return
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()
    server.start(timeout=get_current_settings().server.ephemeral.startup_timeout_seconds)
    os.environ["PREFECT_API_URL"] = server.api_url
    try:
        with temporary_settings(updates={"api.url": server.api_url}):
            yield server.api_url
    finally:
        os.environ.pop("PREFECT_API_URL", None)
        server.stop()


@contextmanager
def dask_task_runner(workers: int) -> Iterator[object]:
    """A DaskTaskRunner over a local cluster of `workers` single-threaded processes (one core each)."""
    # Dask's scheduler and nannies log every worker's start and stop at INFO; a run's terminal stays quiet.
    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "error")
    from prefect_dask import DaskTaskRunner

    with shared_prefect_api():
        yield DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True,
                                             "dashboard_address": None})
