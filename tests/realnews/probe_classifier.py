"""Could a learned sentence classifier find the events the rules miss on batches it never saw? A measurement, not a
part of dyad: it reads a database of one `measure.sh` run over several batches (texts in `dim_document`, the rules'
events in `v_event_mentions`) and the gold, and prints three figures per batch and pooled:

- ceiling: a *perfect* sentence detector (it knows which sentences hold a gold event and of which family) that adds,
  where the rules found nothing, one event dated by the sentence's first resolved date, between the document's pair,
  the first-named side acting. What the rules miss beyond this is about dates, sides and several acts in one
  sentence, not about spotting the sentence.
- learned: the same, with the detector a one-vs-rest logistic regression over the sentence's words and word pairs
  (numbers, years, months and country names masked), trained leave-one-batch-out: each batch is read by a model that
  never saw it, as a fresh blind batch would be.
- any-act: every sentence naming both sides with a date and no rule event read as an 'other' act (the broadest rule).

Usage: python -m tests.realnews.probe_classifier DB GOLD_DIR [--threshold 0.4] [--json OUT]
The texts stay in the ignored folder the database was built from; nothing here holds third-party text.
numpy comes with spaCy (thinc); no other dependency.
"""
from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import duckdb
import numpy as np

from flows.common.dates import dates_by_sentence
from flows.extract.countries import find_countries
from flows.extract.document import date_context
from flows.extract.document_pair import document_pair
from flows.extract.sentences import split_sentences
from flows.lexicon import registry
from tests.support.evaluate import event_same, family, match

# the classes: the registry's families ('state_visit' and 'official_visit' are both 'visit'), as the scorer compares
FAMILIES = sorted({kind.family for kind in registry.event_types().values()})
WORD = re.compile(r"[A-Za-z]+|\d+")
MONTHS = frozenset("january february march april may june july august september october november december "
                   "jan feb mar apr jun jul aug sep sept oct nov dec".split())
BATCH = re.compile(r"^(r\d+?)\d\d_")
# a gold evidence sentence is the dyad sentence sharing most of its words (gold copies the text; dyad's splitting of
# wrapped lines and lists can differ at the edges)
EVIDENCE_OVERLAP = 0.6


@dataclass
class Line:
    """One dyad sentence with what the probe needs: its words, dates, countries, gold and rule events."""

    doc: str
    batch: str
    index: int
    text: str
    pair: tuple[str, str] | None
    countries: list[tuple[int, int, str]]
    dates: list[tuple[date, str]]  # resolved point dates in order: (value, precision)
    gold: list[dict] = field(default_factory=list)
    rule: list[dict] = field(default_factory=list)


def _words(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(text)}


def read_lines(db: Path, gold: dict[str, dict]) -> list[Line]:
    """Every sentence of every document, split and dated by dyad's own code (as `extract_document` does)."""
    con = duckdb.connect(str(db), read_only=True)
    rules: dict[tuple[str, int], list[dict]] = defaultdict(list)
    # score.py's predicted rows: dated and not planned (a listed visit's row can sit past the last sentence)
    for name, index, kind, value, precision, actor, target in con.execute(
            "SELECT document_name, sentence_index, event_type, event_date, date_precision, actor_iso3, target_iso3 "
            "FROM v_event_mentions WHERE event_date IS NOT NULL AND coalesce(status, '') <> 'planned'").fetchall():
        rules[(name, index)].append({"event_type": kind, "event_date": value, "date_precision": precision,
                                     "actor_iso3": actor, "target_iso3": target})
    out: list[Line] = []
    for name, published, text in con.execute("SELECT name, published_date, text FROM dim_document").fetchall():
        sentences = split_sentences(text)
        texts = [s.text for s in sentences]
        context = date_context(text, texts, published)
        countries = [find_countries(t) for t in texts]
        dates = dates_by_sentence(context, text, sentences)
        pair = document_pair(countries, texts, text[:sentences[0].start] if sentences else text)
        batch = BATCH.match(name)
        doc_lines = [Line(name, batch.group(1) if batch else "?", s.index, s.text, pair,
                          [(c.start, c.end, c.iso3) for c in countries[i]],
                          [(d.value, d.precision) for d in dates[i] if d.value is not None and d.kind == "point"],
                          rule=rules.get((name, s.index), [])) for i, s in enumerate(sentences)]
        # rows past the last sentence (lists and fact boxes the reader numbers after the sentences): a line of no text
        tail = [e for (doc, index), events in rules.items() if doc == name and index >= len(sentences) for e in events]
        if tail:
            doc_lines.append(Line(name, doc_lines[0].batch if doc_lines else "?", len(sentences), "", pair, [], [],
                                  rule=tail))
        words = [_words(line.text) for line in doc_lines]
        for event in gold.get(name, {}).get("events", []):
            evidence = _words(event.get("evidence") or "")
            overlaps = [len(evidence & w) / max(1, min(len(evidence), len(w))) for w in words]
            if evidence and overlaps and max(overlaps) >= EVIDENCE_OVERLAP:
                doc_lines[overlaps.index(max(overlaps))].gold.append(event)
        out.extend(doc_lines)
    return out


def features(line: Line) -> list[str]:
    """Words and word pairs with numbers, years, months and country names masked (a model that learns 'Chile'
    learns one batch), how many of the pair's sides the sentence names, its first date's precision, its place."""
    masked = line.text
    for start, end, _ in sorted(line.countries, reverse=True):
        masked = masked[:start] + " COUNTRY " + masked[end:]
    words = []
    for match in WORD.finditer(masked):
        word = match.group()
        low = word.lower()
        words.append("YEAR" if low.isdigit() and len(low) == 4 else "NUM" if low.isdigit() else
                     "MONTH" if low in MONTHS else word if word == "COUNTRY" else low)
    named = {iso for _, _, iso in line.countries}
    sides = set(line.pair or ())
    return ([f"w={w}" for w in words] + [f"b={a}_{b}" for a, b in zip(words, words[1:])]
            + [f"sides={len(named & sides)}", f"others={min(2, len(named - sides))}",
               f"date={line.dates[0][1] if line.dates else 'none'}", f"lead={min(line.index, 3)}"])


def guessed_event(line: Line, kind: str) -> list[dict]:
    """One event of `kind`: the sentence's first resolved date, the document's pair, the side named first acting."""
    if not line.dates or not line.pair:
        return []
    named = sorted((start, iso) for start, _, iso in line.countries if iso in line.pair)
    actor = named[0][1] if named else line.pair[0]
    target = line.pair[1] if actor == line.pair[0] else line.pair[0]
    value, precision = line.dates[0]
    return [{"event_type": kind, "event_date": value, "date_precision": precision, "actor_iso3": actor,
             "target_iso3": target}]


def score(predicted: dict[str, list[dict]], gold: dict[str, dict]) -> tuple[int, int, int]:
    """(matched, gold, predicted) over the documents of `predicted`, one-to-one as score.py matches."""
    hits = n_gold = n_pred = 0
    for doc, events in predicted.items():
        wanted = [e for e in gold.get(doc, {}).get("events", []) if e.get("date") and not e.get("planned")]
        dated = [e for e in events if e["event_date"] is not None]
        hits += match(wanted, dated, event_same)
        n_gold += len(wanted)
        n_pred += len(dated)
    return hits, n_gold, n_pred


def train(x: np.ndarray, y: np.ndarray, steps: int = 150, rate: float = 0.05, l2: float = 1e-4) -> tuple[np.ndarray, np.ndarray]:
    """One-vs-rest logistic regression, full-batch Adam (a few thousand sentences: no library needed beyond numpy)."""
    w = np.zeros((x.shape[1], y.shape[1]), np.float32)
    b = np.zeros(y.shape[1], np.float32)
    moments = [np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)]
    for step in range(1, steps + 1):
        grad = (1 / (1 + np.exp(-(x @ w + b))) - y) / len(x)
        for k, (param, g) in enumerate(((w, x.T @ grad + l2 * w), (b, grad.sum(0)))):
            m, v = moments[2 * k], moments[2 * k + 1]
            m *= 0.9
            m += 0.1 * g
            v *= 0.999
            v += 0.001 * g * g
            param -= rate * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
    return w, b


def learned_probabilities(lines: list[Line]) -> np.ndarray:
    """Each sentence's family probabilities from a model trained on every batch but its own."""
    rows = [features(line) for line in lines]
    counts = Counter(f for row in rows for f in set(row))
    vocabulary = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= 3))}
    x = np.zeros((len(lines), len(vocabulary)), np.float32)
    for i, row in enumerate(rows):
        for f in row:
            if f in vocabulary:
                x[i, vocabulary[f]] = 1.0
    x /= np.maximum(1, np.sqrt(x.sum(1, keepdims=True)))
    y = np.zeros((len(lines), len(FAMILIES)), np.float32)
    for i, line in enumerate(lines):
        for event in line.gold:
            if family(event["type"]) in FAMILIES:
                y[i, FAMILIES.index(family(event["type"]))] = 1
    batches = np.array([line.batch for line in lines])
    out = np.zeros_like(y)
    for batch in sorted(set(batches)):
        held = batches == batch
        w, b = train(x[~held], y[~held])
        out[held] = 1 / (1 + np.exp(-(x[held] @ w + b)))
    return out


def variants(lines: list[Line], probabilities: np.ndarray, threshold: float) -> dict[str, dict[str, list[dict]]]:
    """The rules' events per document, and the rules' events plus each variant's guesses where the rules found none."""
    out: dict[str, dict[str, list[dict]]] = {k: defaultdict(list) for k in ("rules", "ceiling", "learned", "any-act")}
    for line, p in zip(lines, probabilities):
        for events in out.values():
            events[line.doc].extend(line.rule)
        if line.rule:
            continue
        for kind in sorted({family(e["type"]) for e in line.gold}):
            out["ceiling"][line.doc].extend(guessed_event(line, kind))
        best = int(p.argmax())
        if p[best] > threshold:
            out["learned"][line.doc].extend(guessed_event(line, FAMILIES[best]))
        if line.pair and set(line.pair) <= {iso for _, _, iso in line.countries}:
            out["any-act"][line.doc].extend(guessed_event(line, "other"))
    return out


def f1(hits: int, n_gold: int, n_pred: int) -> float:
    return 2 * hits / (n_gold + n_pred) if n_gold + n_pred else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("gold", type=Path)
    parser.add_argument("--threshold", type=float, default=0.4)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    gold = {}
    for path in sorted(args.gold.glob("*.json")):
        item = json.loads(path.read_text(encoding="utf-8"))
        gold[item["document"]] = item
    lines = read_lines(args.db, gold)
    runs = variants(lines, learned_probabilities(lines), args.threshold)
    batches = sorted({line.batch for line in lines}, key=lambda b: int(b[1:]) if b[1:].isdigit() else 0)
    result: dict[str, dict[str, list[int]]] = {}
    for batch in [*batches, "pooled"]:
        docs = {line.doc for line in lines if batch in ("pooled", line.batch)}
        result[batch] = {name: list(score({d: e for d, e in events.items() if d in docs}, gold))
                         for name, events in runs.items()}
        print(f"{batch:7s}" + "  ".join(f"{name} {f1(*s):.2f} ({s[0]}/{s[1]}/{s[2]})"
                                        for name, s in result[batch].items()))
    if args.json:
        args.json.write_text(json.dumps({"threshold": args.threshold, "scores": result}, indent=1) + "\n",
                             encoding="utf-8")


if __name__ == "__main__":
    main()
