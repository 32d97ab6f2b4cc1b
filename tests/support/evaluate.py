"""Score extracted frames against gold annotations with the same matching rules as shared/eval/score.py; families
and which types are directional come from the event-type registry (flows/lexicon/event_types.csv)."""
from __future__ import annotations

import json
import re
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any, Callable

import polars as pl

from flows.lexicon import registry

STOP = {"and", "other", "of", "the", "products", "product", "materials", "goods", "similar"}
ORG_STOP = {"of", "for", "and", "the", "in", "on"}
KINDS = ("events", "people", "person_roles", "person_countries", "trade", "organizations")


def family(event_type: str) -> str:
    """The registry's family ('state_visit' -> 'visit'); gold may write the family itself ('visit')."""
    return registry.family(event_type)


def ordered(event_type: str) -> bool:
    """A directional type's pair is compared in order; a symmetric or mixed one (the mention decides) either way."""
    kind = registry.event_types().get(event_type)
    return kind is not None and kind.symmetry == "directional"


def date_key(value: Any, precision: str) -> str:
    text = value.isoformat() if isinstance(value, date) else str(value or "")
    return text[: {"day": 10, "month": 7, "year": 4}.get(precision, 10)]


def event_same(g: dict, p: dict) -> bool:
    """Same type family, same date at the gold precision (and the same precision), same countries."""
    if family(g["type"]) != family(str(p["event_type"])):
        return False
    precision = g.get("precision", "day")
    if str(p["date_precision"]) != precision or date_key(p["event_date"], precision) != date_key(g["date"], precision):
        return False
    gold_pair = (g.get("actor"), g.get("target"))
    pred_pair = (p.get("actor_iso3"), p.get("target_iso3"))
    if ordered(g["type"]) and not g.get("symmetric"):
        return gold_pair == pred_pair
    return set(gold_pair) == set(pred_pair)


def name_tokens(name: str) -> list[str]:
    return re.findall(r"[\w'-]+", name.casefold())


def same_person(gold_name: str, pred_name: str) -> bool:
    g, p = name_tokens(gold_name), name_tokens(pred_name)
    return bool(g and p) and (g[-1] == p[-1] or len(set(g) & set(p)) >= 2)


def org_forms(name: str) -> set[str]:
    text = name.casefold().strip()
    words = [w for w in text.split() if w and w not in ORG_STOP]
    return {text, "".join(w[0] for w in words if w[0].isalpha())}


def main_word(product: str) -> str:
    words = [w for w in re.findall(r"[a-z]+", product.casefold()) if w not in STOP]
    return words[0][:5] if words else product.casefold()


def match(gold: list, pred: list, same: Callable[[Any, Any], bool]) -> int:
    """Greedy one-to-one matching in gold order, as the scorer does."""
    used: set[int] = set()
    hits = 0
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and same(g, p):
                used.add(i)
                hits += 1
                break
    return hits


def prf(hits: int, n_gold: int, n_pred: int) -> dict:
    p = hits / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    r = hits / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"gold": n_gold, "predicted": n_pred, "matched": hits, "precision": round(p, 3), "recall": round(r, 3),
            "f1": round(f, 3)}


def _by_doc(frame: pl.DataFrame | None, names: dict[str, str]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    if frame is None:
        return out
    for row in frame.iter_rows(named=True):
        out[names.get(row["document_key"], "")].append(row)
    return out


def score_frames(frames: dict[str, pl.DataFrame], documents: pl.DataFrame, gold_dir: Path) -> dict:
    """Per-document and overall precision/recall/F1 of the extracted frames against gold_dir/*.json."""
    names = {k: Path(n).name for k, n in documents.select("document_key", "name").iter_rows()}
    events = _by_doc(frames.get("event_mentions"), names)
    people = _by_doc(frames.get("person_mentions"), names)
    trade = _by_doc(frames.get("trade_claims"), names)
    orgs = _by_doc(frames.get("memberships"), names)
    totals = {k: [0, 0, 0] for k in KINDS}
    per_doc = {}
    for path in sorted(Path(gold_dir).glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc = gold["document"]
        ge = [e for e in gold.get("events", []) if e.get("date") and not e.get("planned")]
        pe = [e for e in events.get(doc, []) if e.get("event_date") is not None
              and str(e.get("status") or "").casefold() != "planned"]
        gp, pp = gold.get("people", []), people.get(doc, [])
        gt, pt = gold.get("trade", []), trade.get(doc, [])
        go = [org_forms(o) for o in gold.get("organizations", [])]
        po = list({str(o["organization"]).casefold(): org_forms(str(o["organization"])) for o in orgs.get(doc, [])}.values())
        counts = {
            "events": (match(ge, pe, event_same), len(ge), len(pe)),
            "people": (match(gp, pp, lambda g, p: same_person(g["name"], str(p["name"]))), len(gp), len(pp)),
            "person_roles": (match(gp, pp, lambda g, p: same_person(g["name"], str(p["name"]))
                                   and main_word(g.get("role") or "") in str(p.get("role") or "").casefold()),
                             len(gp), len(pp)),
            "person_countries": (match(gp, pp, lambda g, p: same_person(g["name"], str(p["name"]))
                                       and g.get("country") == p.get("country_iso3")), len(gp), len(pp)),
            "trade": (match(gt, pt, lambda g, p: (g["exporter"], g["importer"]) == (p["exporter_iso3"], p["importer_iso3"])
                            and main_word(g["product"]) in str(p["product"]).casefold()), len(gt), len(pt)),
            "organizations": (match(go, po, lambda g, p: bool(g & p)), len(go), len(po)),
        }
        per_doc[doc] = {k: prf(*v) for k, v in counts.items()}
        for k, (h, g, p) in counts.items():
            totals[k][0] += h
            totals[k][1] += g
            totals[k][2] += p
    return {"overall": {k: prf(*v) for k, v in totals.items()}, "documents": per_doc}


def score_folder(folder: Path) -> dict:
    """Read folder/documents, extract, and score against folder/gold (the held-out and development sets)."""
    from flows.extract import extract_documents
    from flows.ingest.documents import read_documents

    docs, _ = read_documents(sorted((Path(folder) / "documents").iterdir()), Path(folder) / "documents")
    return score_frames(extract_documents(docs), docs, Path(folder) / "gold")


def format_scores(result: dict) -> str:
    """A per-document table (F1 of each kind) and the overall line, for notes and docs."""
    short = {"events": "ev", "people": "ppl", "person_roles": "role", "person_countries": "ctry", "trade": "trade",
             "organizations": "org"}
    lines = [f"{'document':44s} " + " ".join(f"{short[k]:>5s}" for k in KINDS)]
    for doc, res in result["documents"].items():
        lines.append(f"{doc:44s} " + " ".join(f"{res[k]['f1']:5.2f}" for k in KINDS))
    lines.append(f"{'overall F1':44s} " + " ".join(f"{result['overall'][k]['f1']:5.2f}" for k in KINDS))
    lines.append(f"{'overall P':44s} " + " ".join(f"{result['overall'][k]['precision']:5.2f}" for k in KINDS))
    lines.append(f"{'overall R':44s} " + " ".join(f"{result['overall'][k]['recall']:5.2f}" for k in KINDS))
    return "\n".join(lines)


if __name__ == "__main__":
    import sys

    print(format_scores(score_folder(Path(sys.argv[1]))))
