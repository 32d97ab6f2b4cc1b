"""Build a dyad sources folder from the real texts of some batches, and the gold that goes with it.

    python -m tests.realnews.prepare --texts DIR [DIR ...] --batches r1 r2 --out SOURCES_DIR --gold-out GOLD_DIR

For every row of `sources.csv` whose batch is asked for, whose text is found in one of the --texts folders
(`<id>.md`, `<id>.txt` or `<id>.html`) and whose gold is in --gold (`<id>.json`):
- the text is written to `SOURCES_DIR/documents/<id>.<ext>` with the one mechanical change made to what the search
  tool returns: its ` date YYYY-MM-DD ` prefix on the first line is put on a line of its own (otherwise the dateline
  rule, which wants a date line, reads no publication date);
- a `[[source]]` entry in `SOURCES_DIR/sources.toml` carries the address from `sources.csv` as `url` (the address
  is committed anyway; ingest reads a publication date from it when the text has none);
- the gold file is copied to GOLD_DIR.
Every row that is left out is named on stderr with why (no text, no gold, a duplicate id), and the counts are
printed; the exit code is 1 when nothing at all was written (a wrong folder), 0 otherwise.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEXT_SUFFIXES = (".md", ".txt", ".html")
# The search tool's date prefix on a text's first line (" date 2021-08-09 The visit ..."); group 1 is the date.
DATE_PREFIX_RX = re.compile(r"\A\s*date (\d{4}-\d{2}-\d{2})[ \t]+")


def split_date_prefix(text: str) -> str:
    """' date 2021-08-09 By A Writer' -> 'date 2021-08-09\\n\\nBy A Writer'; any other text unchanged."""
    return DATE_PREFIX_RX.sub(lambda m: f"date {m[1]}\n\n", text, count=1)


def toml_string(value: str) -> str:
    """A TOML basic string (json's escapes are TOML's for the characters an address or an id can hold)."""
    return json.dumps(value, ensure_ascii=False)


def find_text(doc_id: str, folders: list[Path]) -> Path | None:
    for folder in folders:
        for suffix in TEXT_SUFFIXES:
            candidate = folder / f"{doc_id}{suffix}"
            if candidate.is_file():
                return candidate
    return None


def read_rows(sources_csv: Path, batches: set[str]) -> list[dict[str, str]]:
    with sources_csv.open(encoding="utf-8", newline="") as handle:
        return [row for row in csv.DictReader(handle) if (row.get("batch") or "").strip() in batches]


def prepare(texts: list[Path], batches: set[str], out: Path, gold_out: Path, gold: Path, sources_csv: Path
            ) -> tuple[int, list[str]]:
    """(documents written, reasons for rows left out). Writes documents, sources.toml and gold."""
    (out / "documents").mkdir(parents=True, exist_ok=True)
    gold_out.mkdir(parents=True, exist_ok=True)
    entries: list[str] = []
    skipped: list[str] = []
    seen: set[str] = set()
    for row in read_rows(sources_csv, batches):
        doc_id = (row.get("id") or "").strip()
        if not doc_id or doc_id in seen:
            skipped.append(f"{doc_id or '<no id>'}: {'duplicate id' if doc_id else 'row without an id'}")
            continue
        seen.add(doc_id)
        text_path = find_text(doc_id, texts)
        gold_path = gold / f"{doc_id}.json"
        if text_path is None:
            skipped.append(f"{doc_id}: no text in {', '.join(map(str, texts))}")
            continue
        if not gold_path.is_file():
            skipped.append(f"{doc_id}: no gold in {gold}")
            continue
        relpath = f"documents/{doc_id}{text_path.suffix}"
        text = text_path.read_text(encoding="utf-8")
        (out / relpath).write_text(split_date_prefix(text), encoding="utf-8")
        shutil.copyfile(gold_path, gold_out / gold_path.name)
        lines = ["[[source]]", f"path = {toml_string(relpath)}", 'kind = "document"']
        url = (row.get("url") or "").strip()
        if url:
            lines.append(f"url = {toml_string(url)}")
        lines.append(f"origin = {toml_string('real news batch ' + row['batch'].strip() + ', tests/realnews/sources.csv')}")
        entries.append("\n".join(lines))
    header = "# Built by tests/realnews/prepare.py from tests/realnews/sources.csv: one entry per real text.\n\n"
    (out / "sources.toml").write_text(header + "\n\n".join(entries) + "\n", encoding="utf-8")
    return len(entries), skipped


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", nargs="+", type=Path, required=True, help="folders holding <id>.md texts")
    parser.add_argument("--batches", nargs="+", required=True, help="batch names of sources.csv (r1 r2 ...)")
    parser.add_argument("--out", type=Path, required=True, help="the sources folder to build")
    parser.add_argument("--gold-out", type=Path, required=True, help="where the gold of the chosen texts goes")
    parser.add_argument("--gold", type=Path, default=HERE / "gold", help="gold folder (default tests/realnews/gold)")
    parser.add_argument("--sources-csv", type=Path, default=HERE / "sources.csv")
    args = parser.parse_args(argv)
    written, skipped = prepare(args.texts, set(args.batches), args.out, args.gold_out, args.gold, args.sources_csv)
    for reason in skipped:
        print(f"left out {reason}", file=sys.stderr)
    print(f"{written} documents written to {args.out}, {len(skipped)} rows left out", file=sys.stderr)
    return 0 if written else 1


if __name__ == "__main__":
    sys.exit(main())
