"""What a real-news run missed, per document and by cause, with the scorer's own matching.

    python -m tests.realnews.misses DB GOLD_DIR [--prefix r9] [--kind events|trade] [--causes] [-v]

Lists, per document, the gold items not matched (-) and the predicted rows not matched (+). With --causes (events):
every unmatched gold event is classed by its nearest unmatched predicted row of the same document: `near:date:value`
or `near:date:precision` (right type family and sides, other date), `near:type` (right date and sides), `near:sides`
(right date and type), or `missed` (nothing near); the predicted rows left over are `spurious`. Counts pooled and
per batch (a batch is the id's prefix before its last two digits: r905 -> r9, r1012 -> r10).

The matching is imported from `shared/eval/score.py` (beside the repository: ../shared, or $DYAD_SHARED), so
these lists can never disagree with the scores.
"""
from __future__ import annotations

import argparse
import collections
import json
from pathlib import Path
from typing import Any, Callable

import duckdb

from tests.realnews.scorer import load_scorer

S = load_scorer()
Row = dict[str, Any]


def batch_of(document: str) -> str:
    """'r905_x.md' -> 'r9'; 'r1012_x.md' -> 'r10' (ids are the batch and a two-digit number)."""
    return document.split("_")[0][:-2]


def pair_up(gold: list[Row], pred: list[Row], same: Callable[[Row, Row], bool]) -> tuple[list[Row], list[Row]]:
    """(gold not matched, predicted not matched), one-to-one in the scorer's order."""
    used: set[int] = set()
    missed = []
    for g in gold:
        hit = next((i for i, p in enumerate(pred) if i not in used and same(g, p)), None)
        if hit is None:
            missed.append(g)
        else:
            used.add(hit)
    return missed, [p for i, p in enumerate(pred) if i not in used]


def trade_same(g: Row, p: Row) -> bool:
    return (g.get("exporter") == p.get("exporter_iso3") and g.get("importer") == p.get("importer_iso3")
            and S.main_word(g["product"]) in str(p.get("product", "")).casefold())


def cause(g: Row, p: Row) -> str | None:
    """Why a predicted row is near a gold event but not it, or None when it is not near."""
    precision = g.get("precision", "day")
    same_family = S.family(g["type"]) == S.family(str(p["event_type"]))
    same_date = (str(p["date_precision"]) == precision
                 and S.date_key(p["event_date"], precision) == S.date_key(g["date"], precision))
    gold_pair, pred_pair = (g.get("actor"), g.get("target")), (p.get("actor_iso3"), p.get("target_iso3"))
    directed = g["type"] in S.DIRECTIONAL and not g.get("symmetric")
    same_sides = gold_pair == pred_pair if directed else set(gold_pair) == set(pred_pair)
    if same_family and same_sides and not same_date:
        same_year = S.date_key(p["event_date"], "year") == S.date_key(g["date"], "year")
        return "date:precision" if same_year and str(p["date_precision"]) != precision else "date:value"
    if same_date and same_sides and not same_family:
        return "type"
    if same_date and same_family and not same_sides:
        return "sides"
    return None


def show_gold(e: Row) -> str:
    return f"{e['date']} {e.get('precision')} {e['type']} {e.get('actor')}->{e.get('target')} | {e.get('evidence', '')[:100]}"


def show_pred(e: Row) -> str:
    return (f"{e['event_date']} {e['date_precision']} {e['event_type']} {e.get('actor_iso3')}->{e.get('target_iso3')}"
            f" | {str(e.get('evidence', ''))[:100]}")


def classify(missed: list[Row], extra: list[Row]) -> tuple[list[tuple[str, Row, Row | None]], list[Row]]:
    """Each missed gold event with its cause and nearest row; the predicted rows near nothing (spurious)."""
    taken: set[int] = set()
    classed = []
    for g in missed:
        near = next(((j, c) for j, p in enumerate(extra) if j not in taken and (c := cause(g, p))), None)
        if near is None:
            classed.append(("missed", g, None))
        else:
            taken.add(near[0])
            classed.append(("near:" + near[1], g, extra[near[0]]))
    return classed, [p for j, p in enumerate(extra) if j not in taken]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("gold", type=Path)
    parser.add_argument("--prefix", default="", help="only gold files whose name starts so")
    parser.add_argument("--kind", choices=["events", "trade"], default="events")
    parser.add_argument("--causes", action="store_true", help="count the misses by cause (events)")
    parser.add_argument("-v", "--verbose", action="store_true", help="with --causes: list every miss")
    args = parser.parse_args()
    con = duckdb.connect(str(args.db), read_only=True)
    if args.kind == "events":
        pred = S.by_doc(S.scored_pred(S.rows(con, "SELECT * FROM v_event_mentions")))
    else:
        pred = S.by_doc(S.rows(con, "SELECT * FROM v_trade_claims"))
    counts: collections.Counter[str] = collections.Counter()
    per_batch: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for path in sorted(args.gold.glob(f"{args.prefix}*.json")):
        gold_doc = json.loads(path.read_text(encoding="utf-8"))
        document = gold_doc["document"]
        if args.kind == "events":
            gold, same, gshow, pshow = S.scored_gold(gold_doc.get("events", [])), S.event_same, show_gold, show_pred
        else:
            gold, same = gold_doc.get("trade", []), trade_same
            gshow = lambda e: f"{e.get('exporter')}->{e.get('importer')} {e['product']}"  # noqa: E731
            pshow = lambda e: f"{e.get('exporter_iso3')}->{e.get('importer_iso3')} {e.get('product')}"  # noqa: E731
        rows = list(pred.get(document, []))
        missed, extra = pair_up(gold, rows, same)
        if args.causes and args.kind == "events":
            batch = per_batch[batch_of(document)]
            for counter in (counts, batch):
                counter.update(gold=len(gold), matched=len(gold) - len(missed), predicted=len(rows))
            classed, spurious = classify(missed, extra)
            for kind, g, p in classed:
                counts[kind] += 1
                batch[kind] += 1
                if args.verbose:
                    print(f"{kind:20s} {document[:34]:34s} G {gshow(g)}" + (f"\n{'':55s} P {pshow(p)}" if p else ""))
            counts["spurious"] += len(spurious)
            batch["spurious"] += len(spurious)
            for p in spurious if args.verbose else []:
                print(f"{'spurious':20s} {document[:34]:34s} P {pshow(p)}")
        elif missed or extra:
            print(f"== {document}  matched {len(gold) - len(missed)}/{len(gold)}, predicted {len(rows)}")
            print("".join(f"  - {gshow(g)}\n" for g in missed) + "".join(f"  + {pshow(p)}\n" for p in extra), end="")
    if args.causes:
        print("pooled", dict(counts))
        for name in sorted(per_batch, key=lambda b: int(b[1:]) if b[1:].isdigit() else 0):
            print(name, dict(per_batch[name]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
