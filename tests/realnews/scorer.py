"""The shared scorer (`shared/eval/score.py`, beside the repository: ../shared, or $DYAD_SHARED) as a module, so
the real-news tools match exactly as the scores do; `scorer_path` lets a test skip without importing it."""
from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def scorer_path() -> Path:
    """Where shared/eval/score.py is: $DYAD_SHARED, else ../shared beside the repository."""
    return Path(os.environ.get("DYAD_SHARED", ROOT.parent / "shared")) / "eval" / "score.py"


def load_scorer() -> ModuleType:
    """shared/eval/score.py as a module (it is a script, not a package)."""
    path = scorer_path()
    spec = importlib.util.spec_from_file_location("dyad_score", path)
    if spec is None or spec.loader is None or not path.is_file():
        raise SystemExit(f"no scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
