"""Check restored real-news texts against their committed gold: every gold event's evidence and every gold
person's name should be found in the text (whitespace, quotes and dashes normalised).

    python3 tests/realnews/check_texts.py BATCH [BATCH ...]      e.g. r1 r3 (texts in $DYAD_REALNEWS_TEXTS/texts-<batch>)

Prints one line per id: OK, MISSING TEXT, or how many probes were found and which were not; exit code 1 when any
id needs a look. A probe the annotator wrote in full where the text has a short form ("Nana Akufo-Addo" for
"President Akufo-Addo") stays flagged: read it before trusting or doubting a text."""
import csv, json, os, re, sys, unicodedata
from pathlib import Path
MAIN = Path(__file__).resolve().parent
TEXTS = Path(os.environ.get("DYAD_REALNEWS_TEXTS", "/work/rn"))
def norm(s):
    s = unicodedata.normalize("NFKC", s)
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = re.sub(r"[\u2013\u2014]", "-", s)
    return re.sub(r"\s+", " ", s).strip().casefold()
bad = 0
for batch in sys.argv[1:]:
    rows = [r for r in csv.DictReader(open(MAIN / "sources.csv", encoding="utf-8")) if r["batch"] == batch]
    for r in rows:
        folder = TEXTS / f"texts-{batch}"
        texts = [p for p in (folder / f"{r['id']}{s}" for s in (".md", ".txt", ".html")) if p.is_file()]
        if not texts:
            print(f"{r['id']}: MISSING TEXT"); bad += 1; continue
        text = norm(texts[0].read_text(encoding="utf-8"))
        gold = json.loads((MAIN / "gold" / f"{r['id']}.json").read_text(encoding="utf-8"))
        probes = [e.get("evidence") or "" for e in gold.get("events", [])] + [p["name"] for p in gold.get("people", [])]
        probes = [p for p in probes if p]
        # evidence may be cut or joined with "..." by the annotator: check each piece of 20+ chars
        missing = []
        for p in probes:
            pieces = [x for x in re.split(r"\s*(?:\.\.\.|\u2026|\[\.\.\.\])\s*", p) if len(x) >= 8] or [p]
            if not all(norm(x) in text for x in pieces):
                missing.append(p)
        status = "OK" if not missing else f"{len(probes) - len(missing)} of {len(probes)} found"
        if missing: bad += 1
        print(f"{r['id']}: {status}" + "".join(f"\n    not found: {m[:120]}" for m in missing))
print(f"# {bad} ids need a look")
sys.exit(1 if bad else 0)
