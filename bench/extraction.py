"""Extraction figure: documents per second on one core, beside baselines measured on the same files in the same process.

Phases, each timed on wall clock and on this process's CPU clock:
- read: `read_documents` (decode, metadata, Pandera validation), what ingest costs before extraction;
- split: the extractor's own sentence splitter over every text, the least any extractor must do;
- regex: one pass of every event trigger pattern over every text, what a naive regex extractor costs;
- extract: `extract_documents` with the chosen backbone (rules plus spaCy's entity recogniser and parse,
  flows/extract/nlp.py and syntax.py);
- extract_rules: the same with the rules alone (DYAD_BACKBONE=rules), the figure the backbone is weighed against.

The two extract figures are measured alike: each in a fresh child process of its own (`path_figure`), after the same
one warm-up document (lexicons, regexes and the model load once a process), over the documents once. Neither path
finds the other's caches warm (the process's lookup caches, the model's parses): timed in one process one after the
other, the second pass ran with the first one's caches and looked faster than it is.

`python -m bench.extraction SOURCES_DIR` prints the figures as one JSON line; run it in a child process
with POLARS_MAX_THREADS=1 so the figure is one core's. `python -m bench.extraction SOURCES_DIR --profile [N]` prints
where the rules path spends its time over the first N documents (cProfile, the project's functions by share).
"""
from __future__ import annotations

import json
import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.measure import python_child

ONE_CORE = {"POLARS_MAX_THREADS": "1", "OMP_NUM_THREADS": "1"}


def _timed(work: Callable[[], Any]) -> tuple[Any, float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def trigger_regex() -> re.Pattern[str]:
    """Every event trigger of the lexicon as one alternation (the naive regex baseline)."""
    from flows.extract.event_grammar import rules

    # the extractor's own compiled rows, filled as it fills them ('{relation_passive}'), so the baseline cannot drift
    # from it; a row may name its act's words ((?P<act>...)): one name may stand once in an alternation (no row refers
    # back to a name, (?P=...), so dropping the names changes no match)
    unnamed = (re.sub(r"\(\?P<\w+>", "(?:", trigger.pattern.pattern) for trigger in rules()["triggers"])
    return re.compile("|".join(f"(?:{pattern})" for pattern in unnamed), re.I)


def measure_extraction(root: Path) -> dict[str, Any]:
    """Time read, split and regex over every document under root/documents in this process, and each extract path in
    a fresh child process of its own (path_figure)."""
    from flows.extract.sentences import split_sentences
    from flows.ingest.documents import read_documents

    paths = sorted(p for p in (root / "documents").iterdir() if p.is_file())
    (documents, rejected), read_s, read_cpu = _timed(lambda: read_documents(paths, root))
    texts = documents["text"].to_list()
    sentences, split_s, split_cpu = _timed(lambda: sum(len(split_sentences(t)) for t in texts))
    pattern = trigger_regex()
    hits, regex_s, regex_cpu = _timed(lambda: sum(1 for t in texts for _ in pattern.finditer(t)))
    from flows.extract.nlp import backbone

    chosen = backbone()
    spacy_path, rules_path = _fresh_path(root, chosen), _fresh_path(root, "rules")
    warmup_s, rows = spacy_path["warmup_s"], spacy_path["rows"]
    extract_s, extract_cpu = spacy_path["seconds"], spacy_path["cpu_seconds"]
    rules_s, rules_cpu = rules_path["seconds"], rules_path["cpu_seconds"]
    n = documents.height
    mean_kb = sum(len(t.encode()) for t in texts) / max(n, 1) / 1024
    return {
        "documents": n, "rejected": rejected.height, "mean_kb": round(mean_kb, 2), "sentences": sentences,
        "regex_hits": hits, "warmup_s": round(warmup_s, 3), "backbone": chosen,
        "rows": rows, "warmup_rules_s": rules_path["warmup_s"],
        "seconds": {"read": round(read_s, 3), "split": round(split_s, 3), "regex": round(regex_s, 3),
                    "extract": round(extract_s, 3), "extract_rules": round(rules_s, 3)},
        "cpu_seconds": {"read": round(read_cpu, 3), "split": round(split_cpu, 3), "regex": round(regex_cpu, 3),
                        "extract": round(extract_cpu, 3), "extract_rules": round(rules_cpu, 3)},
        "docs_per_s": {k: round(n / v, 1) if v else None for k, v in
                       {"read": read_s, "split": split_s, "regex": regex_s, "extract": extract_s,
                        "extract_rules": rules_s}.items()},
        "docs_per_cpu_s": {k: round(n / v, 1) if v else None for k, v in
                           {"read": read_cpu, "split": split_cpu, "regex": regex_cpu, "extract": extract_cpu,
                           "extract_rules": rules_cpu}.items()},
    }


def path_figure(root: Path, backbone: str) -> dict[str, Any]:
    """One path's extraction in this process: one warm-up document, then every document once (call it in a fresh
    process, `_fresh_path`, so that no earlier pass has warmed its caches)."""
    os.environ["DYAD_BACKBONE"] = backbone  # read at each call (flows/extract/nlp.py): set before any extraction
    from flows.extract import extract_documents
    from flows.ingest.documents import read_documents

    paths = sorted(p for p in (root / "documents").iterdir() if p.is_file())
    documents, _ = read_documents(paths, root)
    _, warmup_s, _ = _timed(lambda: extract_documents(documents.head(1)))
    frames, seconds, cpu_seconds = _timed(lambda: extract_documents(documents))
    return {"backbone": backbone, "warmup_s": round(warmup_s, 3), "seconds": seconds, "cpu_seconds": cpu_seconds,
            "rows": {kind: frame.height for kind, frame in frames.items()}}


def _fresh_path(root: Path, backbone: str) -> dict[str, Any]:
    """path_figure in a child process of its own, with this process's environment (one core when it is one core's)."""
    child = python_child("import sys, json; from pathlib import Path; from bench.extraction import path_figure; "
                         "print(json.dumps(path_figure(Path(sys.argv[1]), sys.argv[2])))", str(root), backbone,
                         env={"DYAD_BACKBONE": backbone})
    if child.returncode != 0:
        raise RuntimeError(f"extraction bench ({backbone}) failed: {child.stderr[-2000:]}")
    return child.last_json()


def extraction_figure(root: Path, timeout: float | None = None) -> dict[str, Any]:
    """measure_extraction in a fresh one-core child process, with the child's peak RSS."""
    child = python_child("import sys, json; from pathlib import Path; from bench.extraction import measure_extraction; "
                         "print(json.dumps(measure_extraction(Path(sys.argv[1]))))", str(root), env=ONE_CORE,
                         timeout=timeout)
    if child.returncode != 0:
        raise RuntimeError(f"extraction bench failed: {child.stderr[-2000:]}")
    result = child.last_json()
    result["process"] = child.figures()
    seconds = result["seconds"]
    # the figure as ratios: how many times the extractor's time the baselines take
    result["ratio_to_split"] = round(seconds["extract"] / seconds["split"], 1) if seconds["split"] else None
    result["ratio_to_regex"] = round(seconds["extract"] / seconds["regex"], 1) if seconds["regex"] else None
    result["ratio_to_read"] = round(seconds["extract"] / seconds["read"], 1) if seconds["read"] else None
    return result


def profile_extraction(root: Path, limit: int = 1000, top: int = 30, backbone: str = "rules") -> list[dict[str, Any]]:
    """Where extraction spends its time: cProfile over extract_documents of the first `limit` documents, the
    project's functions by cumulative share (the hot spots docs/performance.md tables; cProfile inflates code that
    makes many small Python calls, so read shares, not seconds, and compare two trees in the same run)."""
    import cProfile
    import pstats

    from flows.extract import extract_documents
    from flows.ingest.documents import read_documents

    paths = sorted(p for p in (root / "documents").iterdir() if p.is_file())[:limit]
    documents, _ = read_documents(paths, root)
    previous = os.environ.get("DYAD_BACKBONE")
    os.environ["DYAD_BACKBONE"] = backbone
    try:
        extract_documents(documents.head(1))  # lexicons, regexes and the model load outside the profile
        profiler = cProfile.Profile()
        profiler.runcall(extract_documents, documents)
    finally:
        if previous is None:
            os.environ.pop("DYAD_BACKBONE", None)
        else:
            os.environ["DYAD_BACKBONE"] = previous
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    total = max((cumulative for (path, _, name), (_, _, _, cumulative, _) in stats.items()
                 if name == "extract_documents"), default=0.0) or 1.0
    rows = [{"function": f"{path.split('flows/')[-1]}:{line}({name})", "calls": calls,
             "cumulative_share": round(cumulative / total, 4), "own_share": round(own / total, 4)}
            for (path, line, name), (_, calls, own, cumulative, _) in stats.items() if "/flows/" in path]
    return sorted(rows, key=lambda row: -row["cumulative_share"])[:top]


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[2] == "--profile":
        for row in profile_extraction(Path(sys.argv[1]), int(sys.argv[3]) if len(sys.argv) > 3 else 1000):
            print(f"{row['cumulative_share']:7.1%} {row['own_share']:7.1%} {row['calls']:9d}  {row['function']}")
    else:
        print(json.dumps(measure_extraction(Path(sys.argv[1]))))
