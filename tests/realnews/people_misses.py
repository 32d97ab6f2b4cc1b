"""What a real-news run got wrong about people, per document, with the scorer's own matching.

    python -m tests.realnews.people_misses DB GOLD_DIR [--prefix r9] [--counts]

Per document: gold people not found (`-`), people found that no gold person is (`+`), and people found whose
country (`c`) or role (`r`) the scorer does not accept, each with the row that was matched by name. With --counts,
only the tallies per batch. misses.py holds events and trade; people score three ways (name, role, country), so
they get a listing of their own.
"""
from __future__ import annotations

import argparse
import collections
import json
from pathlib import Path

import duckdb

from tests.realnews.misses import Row, S, batch_of, pair_up


def same_name(g: Row, p: Row) -> bool:
    return bool(S.same_person(g["name"], str(p["name"])))


def same_role(g: Row, p: Row) -> bool:
    return same_name(g, p) and S.main_word(g.get("role") or "") in str(p.get("role") or "").casefold()


def same_country(g: Row, p: Row) -> bool:
    return same_name(g, p) and g.get("country") == p.get("country_iso3")


def show_gold(g: Row) -> str:
    return f"{g['name']} | {g.get('role')} | {g.get('country')}"


def show_pred(p: Row) -> str:
    return f"{p['name']} | {p.get('role')} | {p.get('country_iso3')}"


def named(g: Row, rows: list[Row]) -> str:
    """The found row with the gold person's name, shown (or '?' when none has it)."""
    hit = next((p for p in rows if same_name(g, p)), None)
    return show_pred(hit) if hit else "?"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("gold", type=Path)
    parser.add_argument("--prefix", default="", help="only gold files whose name starts so")
    parser.add_argument("--counts", action="store_true", help="only the tallies per batch")
    args = parser.parse_args()
    con = duckdb.connect(str(args.db), read_only=True)
    pred = S.by_doc(S.rows(con, "SELECT * FROM v_person_mentions"))
    tallies: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for path in sorted(args.gold.glob(f"{args.prefix}*.json")):
        gold_doc = json.loads(path.read_text(encoding="utf-8"))
        document = gold_doc["document"]
        gold, rows = gold_doc.get("people", []), list(pred.get(document, []))
        missed, extra = pair_up(gold, rows, same_name)
        wrong_country, _ = pair_up(gold, rows, same_country)
        wrong_role, _ = pair_up(gold, rows, same_role)
        wrong_country = [g for g in wrong_country if g not in missed]
        wrong_role = [g for g in wrong_role if g not in missed]
        tally = tallies[batch_of(document)]
        tally.update(gold=len(gold), predicted=len(rows), missed=len(missed), spurious=len(extra),
                     country=len(wrong_country), role=len(wrong_role))
        if args.counts or not (missed or extra or wrong_country or wrong_role):
            continue
        print(f"== {document}  people {len(gold) - len(missed)}/{len(gold)}, predicted {len(rows)}")
        lines = [f"  - {show_gold(g)}" for g in missed] + [f"  + {show_pred(p)}" for p in extra]
        lines += [f"  c {show_gold(g)}  <- {named(g, rows)}" for g in wrong_country]
        lines += [f"  r {show_gold(g)}  <- {named(g, rows)}" for g in wrong_role]
        print("\n".join(lines))
    total: collections.Counter[str] = collections.Counter()
    for name in sorted(tallies, key=lambda b: int(b[1:]) if b[1:].isdigit() else 0):
        total.update(tallies[name])
        print(name, dict(tallies[name]))
    print("pooled", dict(total))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
