"""The star's deterministic keys and its one representation of participants, on tiny frames."""
from __future__ import annotations

import polars as pl
from polars.testing import assert_frame_equal

from flows.transform.keys import stable_key
from flows.transform.warehouse import build_claims, build_event_types, build_participants

MENTIONS = pl.DataFrame({
    "mention_key": ["m1", "m2", "m3"],
    "document_key": ["d1", "d1", "d2"],
    "participants": [["Lukashenko", "Ilham Aliyev"], [], None],
}, schema_overrides={"participants": pl.List(pl.Utf8)})
PEOPLE = pl.DataFrame({
    "document_key": ["d1", "d2"], "name": ["Alexander Lukashenko", "Lukashenko"],
    "person_key": ["p-luk", "p-other"], "role": ["President", None],
})


def test_participants_are_one_row_a_mention_and_name_resolved_within_the_document() -> None:
    got = build_participants(MENTIONS, PEOPLE)
    expected = pl.DataFrame({
        "mention_key": ["m1", "m1"], "document_key": ["d1", "d1"], "position": [0, 1],
        "participant": ["Lukashenko", "Ilham Aliyev"],
        "person_key": ["p-luk", None],     # the surname matches d1's Alexander Lukashenko, not d2's person
        "role": ["President", None],
    }, schema_overrides={"position": pl.Int32})
    assert_frame_equal(got, expected)


def test_no_participants_gives_an_empty_frame_of_the_table_shape() -> None:
    got = build_participants(MENTIONS.filter(pl.col("mention_key") == "m2"), PEOPLE)
    assert got.is_empty() and got.columns == ["mention_key", "document_key", "position", "participant",
                                              "person_key", "role"]


def test_event_type_key_is_a_hash_of_the_code_whatever_the_order() -> None:
    types = pl.DataFrame({"code": ["state_visit", "agreement_signed"], "label": ["State visit", "Agreement"]})
    keyed = build_event_types(types)
    again = build_event_types(types.reverse())
    assert dict(zip(keyed["code"], keyed["event_type_key"])) == dict(zip(again["code"], again["event_type_key"]))
    assert keyed["event_type_key"][0] == stable_key("state_visit")


def test_claims_get_a_key_of_their_natural_key_and_one_row_each() -> None:
    claim = {"document_key": "d1", "sentence_index": 3, "char_start": 10, "char_end": 90, "exporter_iso3": "AZE",
             "importer_iso3": "BLR", "product": "oil", "hs_code": "2709", "evidence": "x"}
    claims = build_claims(pl.DataFrame([claim, claim, {**claim, "product": "wine", "hs_code": None}]))
    assert claims.height == 2 and claims.columns[0] == "claim_key"
    assert claims["claim_key"][0] == stable_key("d1", 3, 10, 90, "AZE", "BLR", "oil")
    assert claims["hs_chapter"].to_list() == ["27", None]
