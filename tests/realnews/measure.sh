#!/usr/bin/env bash
# tests/realnews/measure.sh TREE TAG BATCH [BATCH ...]
# One `dyad run` of the code in TREE (a checkout with `make install` done) over the real texts of the batches, scored
# with shared/eval/score.py overall and per batch. The texts are third-party and never committed: they sit in
# $DYAD_REALNEWS_TEXTS/texts-<batch>/<id>.md (default /work/rn; see tests/realnews/README.md for restoring them).
# $BLIND names the fresh blind batch, refused unless BLIND_RUN=1 (its one first-sight run). Gold and sources.csv
# come from TREE, or from $GOLDTREE (a checkout holding a batch's gold that TREE's older code lacks).
# Output: $OUT/TAG.txt (summary), TAG.json (pooled, per document), TAG.<batch>.json; the database in /tmp/m-TAG.
set -euo pipefail
TREE=$1; TAG=$2; shift 2
ROOT=${DYAD_REALNEWS_TEXTS:-/work/rn}; OUT=${OUT:-$ROOT/out}; mkdir -p "$OUT"
for b in "$@"; do
  if [ "$b" = "${BLIND:-}" ] && [ "${BLIND_RUN:-0}" != 1 ]; then echo "$b is the blind batch: refused (BLIND_RUN=1 for its one run)"; exit 2; fi
done
W=/tmp/m-$TAG; rm -rf "$W"; mkdir -p "$W"
texts=(); for b in "$@"; do texts+=("$ROOT/texts-$b"); done
GOLD=${GOLDTREE:-$TREE}/tests/realnews/gold
cd "$TREE"
.venv/bin/python -m tests.realnews.prepare --texts "${texts[@]}" --batches "$@" --out "$W/src" --gold-out "$W/gold" --gold "$GOLD" --sources-csv "${GOLDTREE:-$TREE}/tests/realnews/sources.csv" 2> "$W/prepare.err" || { cat "$W/prepare.err"; exit 1; }
DYAD_AUTO_SERVER=0 .venv/bin/dyad run --sources "$W/src" --db "$W/db.duckdb" -q > "$W/run.log" 2>&1 || { tail -20 "$W/run.log"; exit 1; }
SCORE=${DYAD_SHARED:-$TREE/../shared}/eval/score.py
.venv/bin/python $SCORE --db "$W/db.duckdb" --gold "$W/gold" --json > $OUT/$TAG.json
{ echo "# $TAG ($(git -C "$TREE" rev-parse --short HEAD)) batches: $*"; 
  .venv/bin/python $SCORE --db "$W/db.duckdb" --gold "$W/gold" | grep overall
  for b in "$@"; do
    mkdir -p "$W/gold-$b"; cp "$W"/gold/${b}[0-9][0-9]_*.json "$W/gold-$b/" 2>/dev/null || true
    .venv/bin/python $SCORE --db "$W/db.duckdb" --gold "$W/gold-$b" --json > $OUT/$TAG.$b.json
    .venv/bin/python - "$b" $OUT/$TAG.$b.json <<'PY'
import json, sys
d = json.load(open(sys.argv[2])); o = d.get("overall", d)
def f(k):
    v = o.get(k) or {}
    return f"{v.get('f1', 0):.2f}({v.get('matched')}/{v.get('gold')}/{v.get('predicted')})" if v else "-"
print(sys.argv[1], " ".join(f"{k}={f(k)}" for k in o if isinstance(o[k], dict)))
PY
  done; } | tee $OUT/$TAG.txt
