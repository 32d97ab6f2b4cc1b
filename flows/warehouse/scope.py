"""What an incremental run reads back: only the kept documents' facts that its changes reach.

Facts of many documents meet in three places: merged events (within one (family, pair, status) group),
people (per person key) and organizations (per organization key). A run that adds, changes or removes a few
documents re-merges only the groups and keys those documents reach, before and after the change, so it reads
back only their kept facts (not every kept document, as a whole rebuild must). Everything else in the database
stays as it is.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import polars as pl

from flows.warehouse.connection import fetch_frame, storage_config
from schemas.staging import STAGING_MODELS, empty_frame, polars_schema

GROUP_SCHEMA = {"_family": pl.Utf8, "_pair": pl.Utf8, "status": pl.Utf8}
# The SQL twin of flows.transform.events.group_columns (actor and target are never null in staging: ISO3 codes).
PAIR_SQL = ("case when {t}.\"{sym}\" then least({t}.actor_iso3, {t}.target_iso3) || '-' || "
            "greatest({t}.actor_iso3, {t}.target_iso3) else {t}.actor_iso3 || '>' || {t}.target_iso3 end")
FAMILY_SQL = "coalesce(f.family, 'other')"


def _grouped(table: str, symmetric: str) -> str:
    """The rows of `table` with their merge group (_family, _pair, status)."""
    pair = PAIR_SQL.format(t="t", sym=symmetric)
    return (f"(select t.*, {FAMILY_SQL} as _family, {pair} as _pair from \"{table}\" t "
            "left join _families f on f.event_type = t.event_type)")


@dataclass
class Scope:
    """The database's side of an incremental run (all frames empty when the database is new)."""

    groups: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema=GROUP_SCHEMA))  # every group touched
    person_keys: list[str] = field(default_factory=list)  # every person touched, before or after the change
    organization_keys: list[str] = field(default_factory=list)
    old_event_ids: list[str] = field(default_factory=list)  # fact_event rows of the touched groups (they go)
    documents: pl.DataFrame = field(default_factory=pl.DataFrame)  # kept documents' key, name, published_date
    staged: dict[str, pl.DataFrame] = field(default_factory=dict)  # kept staged facts of the touched groups/keys


def read_scope(db: Path, replaced_keys: list[str], exclude_keys: list[str], new_groups: pl.DataFrame,
               new_person_keys: list[str], new_organization_keys: list[str],
               families: dict[str, str]) -> Scope:
    """The touched groups and keys (those of the new facts and those of the replaced documents' old facts), the
    old event ids of those groups, and the kept documents' staged facts in them.

    `replaced_keys` are the document keys of changed and removed sources; `exclude_keys` every document whose
    facts the run brings itself or drops (replaced and new): their rows in the database are not kept.
    Person and organization mentions come back by document (every mention of a document that names a touched
    key): the caller computes keys the way the full build does and keeps the touched ones.
    """
    staged = {kind: empty_frame(model) for kind, model in STAGING_MODELS.items()}
    groups = new_groups.select(list(GROUP_SCHEMA)).cast(GROUP_SCHEMA)
    if not db.exists():
        return Scope(groups=groups.unique(), person_keys=sorted(set(new_person_keys)),
                     organization_keys=sorted(set(new_organization_keys)), staged=staged)
    with duckdb.connect(str(db), read_only=True, config=storage_config(db, True)) as con:
        con.register("_families", pl.DataFrame({"event_type": list(families), "family": list(families.values())},
                                               schema={"event_type": pl.Utf8, "family": pl.Utf8}))
        con.register("_replaced", pl.DataFrame({"document_key": replaced_keys}, schema={"document_key": pl.Utf8}))
        con.register("_exclude", pl.DataFrame({"document_key": exclude_keys}, schema={"document_key": pl.Utf8}))
        scope = _touched(con, groups, new_person_keys, new_organization_keys)
        scope.staged = {**staged, **_kept_facts(con)}
        con.register("_kept", scope.staged["event_mentions"].select("document_key").unique())
        scope.documents = fetch_frame(con, "select document_key, name, published_date from dim_document "
                                           "semi join _kept using (document_key)")
    for kind, model in STAGING_MODELS.items():
        schema = polars_schema(model)
        scope.staged[kind] = scope.staged[kind].select(list(schema)).cast(schema)
    return scope


def _touched(con: duckdb.DuckDBPyConnection, groups: pl.DataFrame, new_person_keys: list[str],
             new_organization_keys: list[str]) -> Scope:
    """The groups and keys the run reaches: the new facts' and those of the replaced documents' old facts,
    each registered for the reads after it (_groups, _people, _organizations), and the touched groups' old
    event ids."""
    old_groups = fetch_frame(con, "select distinct _family, _pair, status from "
                                  f"{_grouped('stg_event_mentions', 'symmetric')} "
                                  "semi join _replaced using (document_key)")
    groups = pl.concat([groups, old_groups.cast(GROUP_SCHEMA)]).unique()
    con.register("_groups", groups)
    person_keys = sorted(set(new_person_keys) | set(fetch_frame(
        con, "select distinct person_key from fact_person_mention semi join _replaced using (document_key)"
    )["person_key"].to_list()))
    organization_keys = sorted(set(new_organization_keys) | set(fetch_frame(
        con, "select distinct organization_key from fact_membership semi join _replaced using (document_key)"
    )["organization_key"].to_list()))
    con.register("_people", pl.DataFrame({"person_key": person_keys}, schema={"person_key": pl.Utf8}))
    con.register("_organizations", pl.DataFrame({"organization_key": organization_keys},
                                                schema={"organization_key": pl.Utf8}))
    old_event_ids = fetch_frame(con, f"select event_id from {_grouped('fact_event', 'is_symmetric')} "
                                     "semi join _groups using (_family, _pair, status)")["event_id"].to_list()
    return Scope(groups=groups, person_keys=person_keys, organization_keys=organization_keys,
                 old_event_ids=old_event_ids)


def _kept_facts(con: duckdb.DuckDBPyConnection) -> dict[str, pl.DataFrame]:
    """The kept documents' staged facts in the touched groups and keys (registered by _touched): event
    mentions of the groups, and every person and membership row of a document that names a touched person or
    organization."""
    return {
        "event_mentions": fetch_frame(
            con, f"select * exclude (_family, _pair) from {_grouped('stg_event_mentions', 'symmetric')} "
                 "semi join _groups using (_family, _pair, status) anti join _exclude using (document_key)"),
        "person_mentions": fetch_frame(
            con, "select * from stg_person_mentions where document_key in (select document_key from "
                 "fact_person_mention semi join _people using (person_key)) and document_key not in "
                 "(select document_key from _exclude)"),
        "memberships": fetch_frame(
            con, "select * from stg_memberships where document_key in (select document_key from "
                 "fact_membership semi join _organizations using (organization_key)) and document_key not in "
                 "(select document_key from _exclude)"),
    }
