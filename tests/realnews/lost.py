"""Where the gold events a run misses outright are lost, when their sentence holds a trigger of their family.

    python -m tests.realnews.lost DB GOLD_DIR [--prefix r9] [-v]

For every gold event that tests/realnews/misses.py classes `missed` (no predicted row near it), the evidence
sentence is found in the document, the document is read again with every step of events.py recorded
(lost_trace.py), and the event is given the first stage where its family's trigger stops leading to it:

- `untriggered`: no clause of the sentence found a trigger of the family (not this tool's business);
- `gate:<step>`: the clause's hits of the family were all removed by a gate (_no_state_event and its line,
  without_titled_bodies, choose_hits, no_act, without_part_steps);
- `build:<condition>`: `_build` returned None for every hit of the family; the condition is the `if` it returned
  under (e.g. `if actor is None or target is None:`: no sides);
- `row:<what>`: rows of the family were built but none is the gold's: `date`, `precision`, `sides`, `planned`,
  `type` (the scorer's type; a visit's kinds are one), joined by '+' when several differ;
- `merged`: the gold's row was built and folded into another by _keep_once;
- `clause`, `sentence`, `document`, `stored`: the gold's row was built and dropped after (the clause's closing
  chain; find_events' same-sides merge, greetings, told-again, hoped subjects; the document's steps between
  find_events and its final rows; the load);
- `elsewhere`: the gold's row reached the database but the scorer paired it with another gold event.
Counts pooled, per batch and per stage; -v lists each event with its stage.
"""
from __future__ import annotations

import argparse
import collections
import json
import re
from pathlib import Path
from typing import Any

import duckdb

from flows.extract.sentences import split_sentences
from flows.lexicon.registry import family
from tests.realnews.lost_trace import DocTrace, SentenceTrace, traced
from tests.realnews.misses import S, batch_of, classify, pair_up

WORD = re.compile(r"\w+")


def evidence_index(sentences: list[str], evidence: str) -> int | None:
    """The sentence that holds the evidence: its words in order, else the one sharing most of its words (> 60%)."""
    wanted = WORD.findall(evidence.casefold())
    if not wanted:
        return None
    joined = " ".join(wanted)
    for index, text in enumerate(sentences):
        if joined[:80] in " ".join(WORD.findall(text.casefold())):
            return index
    scores = [(len(set(wanted) & set(WORD.findall(text.casefold()))) / len(set(wanted)), index)
              for index, text in enumerate(sentences)]
    best = max(scores, default=(0.0, None))
    return best[1] if best[0] > 0.6 else None


def as_pred(row: Any) -> dict:
    """An EventRow in the scorer's column names."""
    return {"event_type": row.event_type, "event_date": row.event_date, "actor_iso3": row.actor,
            "target_iso3": row.target, "date_precision": row.date.precision if row.date else None,
            "status": row.status}


def scored_same(gold: dict, pred: dict) -> bool:
    return bool(S.scored_pred([pred])) and S.event_same(gold, pred)


def differences(gold: dict, pred: dict) -> str:
    """What keeps a row of the gold's family from being the gold: date, precision, sides, planned, type."""
    out = []
    # the scorer's family here, not the registry's that `stage` picks rows by: a row of the gold's registry family
    # may still be another type to the scorer (only a visit's kinds are one), and that is what keeps it unmatched
    if S.family(gold["type"]) != S.family(str(pred["event_type"])):
        out.append("type")
    precision = gold.get("precision", "day")
    if pred["event_date"] is None:
        out.append("undated")
    elif S.date_key(pred["event_date"], precision) != S.date_key(gold["date"], precision):
        out.append("date")
    elif pred["date_precision"] != precision:
        out.append("precision")
    pair, mine = (gold.get("actor"), gold.get("target")), (pred["actor_iso3"], pred["target_iso3"])
    directed = gold["type"] in S.DIRECTIONAL and not gold.get("symmetric")
    if (pair != mine) if directed else (set(pair) != set(mine)):
        out.append("sides")
    if str(pred.get("status")) == "planned":
        out.append("planned")
    return "+".join(out) or "same"


def stage(gold: dict, record: SentenceTrace | None, trace: DocTrace, stored: list[dict]) -> str:
    """The first step at which the gold's family stops leading to the gold's row (see the module's list)."""
    if record is None:
        return "unread"
    fam = family(gold["type"])
    mine = [clause for clause in record.clauses if any(family(hit.event_type) == fam for hit in clause.found)]
    if not mine:
        return "untriggered"
    best = ""
    for clause in mine:
        result = _clause_stage(gold, fam, clause)
        best = max(best, result, key=_rank)
    if best != "built":
        return best
    if any(scored_same(gold, as_pred(row)) for row in record.rows):
        if record.added is None:
            return "document:link line"
        if not any(scored_same(gold, row) for row in record.told):
            return "document:not added"
        if not any(scored_same(gold, row) for row in trace.final):
            return "document:final merge"
        return "elsewhere" if any(scored_same(gold, row) for row in stored) else "stored"
    rows = [row for clause in mine for row in clause.rows]
    return "clause" if not any(scored_same(gold, as_pred(row)) for row in rows) else "sentence"


ORDER = ("gate:", "build:", "row:", "merged", "clause", "built")


def _rank(label: str) -> int:
    return next((k for k, head in enumerate(ORDER) if label.startswith(head)), -1)


def _clause_stage(gold: dict, fam: str, clause: Any) -> str:
    def keeps(hits: list | None) -> bool:
        return hits is None or any(family(hit.event_type) == fam for hit in hits)
    if clause.no_state:
        return f"gate:_no_state_event {clause.no_state}"
    for name, hits in (("without_titled_bodies", clause.titled), ("choose_hits", clause.chosen)):
        if not keeps(hits):
            return f"gate:{name}"
    if clause.chosen is not None and not keeps([hit for hit in clause.chosen if hit not in clause.no_act]):
        return "gate:no_act"
    if not keeps(clause.steps):
        return "gate:without_part_steps"
    built = [(hit, row, why) for hit, row, why in clause.built if family(hit.event_type) == fam]
    rows = [row for _, row, _ in built if row is not None]
    if not rows:
        whys = collections.Counter(why for _, _, why in built)
        return f"build:{whys.most_common(1)[0][0]}" if whys else "gate:not built"
    if not any(scored_same(gold, as_pred(row)) for row in rows):
        return "row:" + min((differences(gold, as_pred(row)) for row in rows), key=lambda d: d.count("+"))
    if any(scored_same(gold, as_pred(row)) for row in clause.rows):
        return "built"
    return "merged" if any(scored_same(gold, as_pred(row)) for row in clause.merged) else "clause"


def documents(con: duckdb.DuckDBPyConnection) -> dict[str, dict]:
    """The run's documents as extract_document reads them, by file name."""
    cursor = con.execute("SELECT document_key, name, text, published_date, path FROM dim_document")
    return {Path(name).name: {"document_key": key, "text": text, "published_date": published, "path": path}
            for key, name, text, published, path in cursor.fetchall()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("gold", type=Path)
    parser.add_argument("--prefix", default="")
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--json", type=Path, help="write every classed event here")
    args = parser.parse_args()
    con = duckdb.connect(str(args.db), read_only=True)
    pred = S.by_doc(S.scored_pred(S.rows(con, "SELECT * FROM v_event_mentions")))
    docs = documents(con)
    counts: collections.Counter[str] = collections.Counter()
    per_batch: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    listed = []
    for path in sorted(args.gold.glob(f"{args.prefix}*.json")):
        gold_doc = json.loads(path.read_text(encoding="utf-8"))
        name = gold_doc["document"]
        stored = list(pred.get(name, []))
        missed, extra = pair_up(S.scored_gold(gold_doc.get("events", [])), stored, S.event_same)
        outright = [g for kind, g, _ in classify(missed, extra)[0] if kind == "missed"]
        if not outright or name not in docs:
            continue
        trace = traced(docs[name])
        texts = [sentence.text for sentence in split_sentences(docs[name]["text"])]
        for gold in outright:
            index = evidence_index(texts, gold.get("evidence", ""))
            label = "no sentence" if index is None else stage(gold, trace.by_index.get(index), trace, stored)
            head = label.split(" ")[0] if label.startswith("gate:_no") else label
            counts[head] += 1
            per_batch[batch_of(name)][head.split(":")[0]] += 1
            listed.append({"document": name, "stage": label, "gold": gold})
            if args.verbose:
                print(f"{label[:60]:60s} {name[:30]:30s} {gold['date']} {gold['type']} {gold.get('actor')}->"
                      f"{gold.get('target')} | {gold.get('evidence', '')[:90]}")
    total = sum(counts.values())
    triggered = total - counts["untriggered"] - counts["no sentence"] - counts["unread"]
    print(f"missed outright {total}, triggered {triggered}")
    for label, n in counts.most_common():
        print(f"{n:5d}  {label}")
    for name in sorted(per_batch, key=lambda b: int(b[1:]) if b[1:].isdigit() else 0):
        print(name, dict(per_batch[name]))
    if args.json:
        args.json.write_text(json.dumps(listed, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
