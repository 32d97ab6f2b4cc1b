"""How far two annotators' gold for the same texts agree, scored with the scorer's own matching.

Issue 11 asks for a first-sight events F1 of 0.80 against one annotator's gold. What that figure can mean depends on
how far a second careful annotator, reading the same texts with the same conventions, would score against the first:
if two annotators agree at 0.70, an extractor cannot be shown to reach 0.80. This module reads annotator B's gold as
if it were a database's extraction (every dated, not planned event; every person, claim and organization) and scores
it against annotator A's gold with `tests.support.evaluate.score_frames`, in both directions, with the events also
split by type family (the catch-all 'other' is where annotators differ most).

    python -m tests.realnews.agreement GOLD_A GOLD_B [--json OUT]

Only the documents both folders hold are compared.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import polars as pl

from tests.support.evaluate import KINDS, event_same, family, match, prf, score_frames


def _gold(folder: Path) -> tuple[dict[str, dict], dict[str, Path]]:
    """Gold files by document name, and each document's file (so _only copies them without parsing them again)."""
    out, paths = {}, {}
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        out[data["document"]] = data
        paths[data["document"]] = path
    return out, paths


def _as_events(item: dict) -> dict:
    """A gold event in the shape of a row of v_event_mentions."""
    return {"event_type": item["type"], "event_date": item.get("date"), "date_precision": item.get("precision") or "day",
            "actor_iso3": item.get("actor"), "target_iso3": item.get("target"),
            "status": "planned" if item.get("planned") else "happened"}


def gold_as_frames(golds: dict[str, dict]) -> tuple[dict[str, pl.DataFrame], pl.DataFrame]:
    """One annotator's gold as the frames an extraction gives (keyed by a document key), and the documents frame."""
    names = sorted(golds)
    keys = {name: index for index, name in enumerate(names)}
    rows: dict[str, list[dict]] = defaultdict(list)
    for name, data in golds.items():
        key = keys[name]
        rows["event_mentions"] += [{"document_key": key, **_as_events(e)} for e in data.get("events", [])]
        rows["person_mentions"] += [{"document_key": key, "name": p.get("name"), "role": p.get("role"),
                                     "country_iso3": p.get("country")} for p in data.get("people", [])]
        rows["trade_claims"] += [{"document_key": key, "exporter_iso3": t.get("exporter"),
                                  "importer_iso3": t.get("importer"), "product": t.get("product")}
                                 for t in data.get("trade", [])]
        rows["memberships"] += [{"document_key": key, "organization": o} for o in data.get("organizations", [])]
    frames = {kind: pl.DataFrame(items, infer_schema_length=None) for kind, items in rows.items() if items}
    documents = pl.DataFrame({"document_key": list(keys.values()), "name": list(keys)})
    return frames, documents


def events_by_family(reference: dict[str, dict], other: dict[str, dict]) -> dict[str, dict]:
    """Events agreement per type family of the reference (matched, in reference, in other), dated and not planned."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for name, gold in reference.items():
        ref = [e for e in gold.get("events", []) if e.get("date") and not e.get("planned")]
        oth = [_as_events(e) for e in other[name].get("events", []) if e.get("date") and not e.get("planned")]
        for fam in {family(e["type"]) for e in ref} | {family(e["event_type"]) for e in oth}:
            ref_f = [e for e in ref if family(e["type"]) == fam]
            oth_f = [e for e in oth if family(e["event_type"]) == fam]
            counts[fam][0] += match(ref_f, oth_f, event_same)
            counts[fam][1] += len(ref_f)
            counts[fam][2] += len(oth_f)
    return {fam: prf(*value) for fam, value in sorted(counts.items())}


def agreement(folder_a: Path, folder_b: Path) -> dict:
    """B scored against A and A against B, over the documents both annotated, with events by family."""
    (gold_a, paths_a), (gold_b, paths_b) = _gold(folder_a), _gold(folder_b)
    common = sorted(set(gold_a) & set(gold_b))
    gold_a = {name: gold_a[name] for name in common}
    gold_b = {name: gold_b[name] for name in common}
    out: dict = {"documents": common}
    # the copies of _only live as long as the scoring: removed after it (a run left one folder per call behind)
    with tempfile.TemporaryDirectory(prefix="dyad-agreement-") as scratch:
        for label, reference_dir, paths, reference, other in (("b_against_a", folder_a, paths_a, gold_a, gold_b),
                                                              ("a_against_b", folder_b, paths_b, gold_b, gold_a)):
            frames, documents = gold_as_frames(other)
            wanted = [paths[name] for name in common]
            scored = score_frames(frames, documents, _only(reference_dir, wanted, Path(scratch) / label))
            out[label] = {"overall": scored["overall"], "documents": scored["documents"],
                          "events_by_family": events_by_family(reference, other)}
    return out


def _only(folder: Path, paths: list[Path], target: Path) -> Path:
    """The gold folder itself when these files (the compared documents') are all it holds, else `target` holding a
    copy of them."""
    if len(paths) == len(list(folder.glob("*.json"))):
        return folder
    target.mkdir(parents=True)
    for path in paths:
        (target / path.name).write_bytes(path.read_bytes())
    return target


def format_agreement(result: dict) -> str:
    """Overall F1 of each kind, both directions, and the events by family."""
    lines = [f"{len(result['documents'])} documents"]
    for label in ("b_against_a", "a_against_b"):
        overall = result[label]["overall"]
        lines.append(label + " " + " ".join(
            f"{kind}={overall[kind]['f1']:.2f}({overall[kind]['matched']}/{overall[kind]['gold']}/"
            f"{overall[kind]['predicted']})" for kind in KINDS))
    lines.append("events by family (B against A): " + " ".join(
        f"{fam}={v['f1']:.2f}({v['matched']}/{v['gold']}/{v['predicted']})"
        for fam, v in result["b_against_a"]["events_by_family"].items()))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold_a", type=Path)
    parser.add_argument("gold_b", type=Path)
    parser.add_argument("--json", type=Path, help="write the whole result here")
    args = parser.parse_args(argv)
    result = agreement(args.gold_a, args.gold_b)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(format_agreement(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
