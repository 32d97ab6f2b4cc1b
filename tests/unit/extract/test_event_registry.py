"""The event-type registry (flows/lexicon/event_types.csv) is the one place a type lives: a new type is rows."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from flows.extract.event_grammar import rules
from flows.lexicon import read_table
from flows.lexicon.registry import event_types, family, family_kind
from flows.transform.events import event_types as dim_event_type
from schemas.staging import EVENT_TYPES

ROOT = Path(__file__).resolve().parents[3]


def test_every_reader_sees_the_same_types() -> None:
    codes = list(event_types())
    assert EVENT_TYPES == codes
    assert dim_event_type()["code"].to_list() == codes
    assert {trigger.event_type for trigger in rules()["triggers"]} <= set(codes)


def test_registry_columns_say_family_symmetry_and_actor_rule() -> None:
    kinds = event_types()
    assert {code for code, kind in kinds.items() if kind.symmetry == "directional"} == {
        "state_visit", "official_visit", "working_visit", "embassy_opened"}
    assert family("working_visit") == family("state_visit") == "visit"
    assert kinds["embassy_opened"].actor_rule == "opener" and kinds["official_visit"].actor_rule == "visitor"
    assert kinds["letters_exchanged"].is_symmetric("The presidents exchanged messages") is True
    assert kinds["letters_exchanged"].is_symmetric("The president sent a message") is False
    assert (kinds["meeting"].cameo_code, kinds["meeting"].goldstein) == ("040", 1.0)
    assert family_kind("official_visit", "paid a state visit to Oslo") == "state_visit"
    assert family_kind("official_visit", "paid a visit to Oslo") == "official_visit"


def test_dim_event_type_is_symmetric_only_for_always_symmetric_types() -> None:
    rows = {row["code"]: row for row in dim_event_type().iter_rows(named=True)}
    assert rows["meeting"]["is_symmetric"] and not rows["official_visit"]["is_symmetric"]
    assert not rows["letters_exchanged"]["is_symmetric"]  # 'sent' is one way, 'exchanged' both: the mention says


NEW_TYPE = ("code,label,family,symmetry,mutual_cue,actor_rule,marker,intent_plans,yields_to,cameo_code,goldstein,"
            "summary,summary_mutual\n"
            "sanctions_imposed,Sanctions imposed,sanctions,directional,,sender,,false,,163,-8.0,"
            "{actor} imposed sanctions on {target},\n")
NEW_TRIGGER = ("event_type,keywords,pattern,note\n"
               "sanctions_imposed,sanction,\\bimposed\\s+(?:new\\s+|fresh\\s+)?sanctions\\s+on\\b,imposed sanctions on X\n")
PROBE = """
import json
from datetime import date
import polars as pl
from flows.extract import extract_documents
from flows.transform.events import event_types
from schemas.staging import EventMention
docs = pl.DataFrame({"document_key": ["k" * 16], "name": ["x.txt"], "published_date": [date(2023, 3, 9)],
                     "text": ["On 3 March 2023 Norway imposed new sanctions on Iran over the drone deliveries."]})
events = EventMention.validate(extract_documents(docs)["event_mentions"])
dim = event_types().filter(pl.col("code") == "sanctions_imposed")
print(json.dumps({"events": events.select("event_type", "actor_iso3", "target_iso3", "event_date", "status", "symmetric",
                                           "summary").to_dicts(), "dim": dim.select("family", "cameo_code", "goldstein").to_dicts()},
                 default=str))
"""


@pytest.mark.slow
def test_a_new_event_type_is_rows_alone(tmp_path: Path) -> None:
    """Registry and trigger rows in a folder named by DYAD_LEXICON_EXTRA, no Python edit: the extractor finds the type,
    the staging schema accepts it and dim_event_type carries its CAMEO code."""
    (tmp_path / "event_types.csv").write_text(NEW_TYPE, encoding="utf-8")
    (tmp_path / "event_triggers.csv").write_text(NEW_TRIGGER, encoding="utf-8")
    env = {**os.environ, "DYAD_LEXICON_EXTRA": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["events"] == [{"event_type": "sanctions_imposed", "actor_iso3": "NOR", "target_iso3": "IRN",
                                "event_date": "2023-03-03", "status": "occurred", "symmetric": False,
                                "summary": "Norway imposed sanctions on Iran"}]
    assert found["dim"] == [{"family": "sanctions", "cameo_code": "163", "goldstein": -8.0}]


def test_without_the_extra_folder_the_new_type_is_unknown() -> None:
    assert "sanctions_imposed" not in event_types() and not any(
        row["event_type"] == "sanctions_imposed" for row in read_table("event_triggers.csv"))
