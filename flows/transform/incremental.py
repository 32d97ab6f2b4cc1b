"""An incremental run's star: the rows of the documents read now, and the cross-document rows they reach.

A full build (flows.transform.warehouse.build_warehouse) merges every document's facts. Merged events never
cross a (family, pair, status) group, a person row depends only on the mentions with its key and an
organization row only on those with its key: so rebuilding just the groups and keys the new, changed and
removed documents reach, from the new facts plus the kept documents' facts of those groups and keys
(flows.warehouse.scope), gives exactly the rows a full build gives for them, and every other row stays as it is.
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import polars as pl

from flows.transform.events import event_types, group_columns
from flows.transform.keys import key_expr
from flows.transform.warehouse import (
    ORGANIZATION_NATURAL,
    build_event_facts,
    build_memberships,
    build_people,
    unmerged_frames,
)
from flows.warehouse.scope import Scope, read_scope

GROUP_COLUMNS = ["_family", "_pair", "status"]


def event_families() -> dict[str, str]:
    """event type code -> its family, from the registry."""
    types = event_types()
    return dict(zip(types["code"], types["family"]))




def touched_by(staged: dict[str, pl.DataFrame], families: dict[str, str]) -> tuple[pl.DataFrame, list[str], list[str]]:
    """(event groups, person keys, organization keys) the documents read now reach."""
    mentions = staged["event_mentions"]
    groups = (mentions.with_columns(*group_columns(families)).select(GROUP_COLUMNS).unique()
              if not mentions.is_empty() else pl.DataFrame(schema={c: pl.Utf8 for c in GROUP_COLUMNS}))
    people = staged["person_mentions"]
    person_keys = people.select(key_expr("normalized_name", "country_iso3"))[:, 0].unique().to_list() \
        if not people.is_empty() else []
    return groups, person_keys, _organization_keys(staged["memberships"])


def _organization_keys(memberships: pl.DataFrame) -> list[str]:
    if memberships.is_empty():
        return []
    return memberships.select(ORGANIZATION_NATURAL).select(key_expr("_natural"))[:, 0].unique().to_list()


def _with_keys(frame: pl.DataFrame, key: pl.Expr, keys: list[str]) -> pl.DataFrame:
    """The rows of `frame` whose key (as the full build computes it) is one of `keys`."""
    if frame.is_empty():
        return frame
    return frame.filter(key.is_in(pl.Series(keys, dtype=pl.Utf8).implode()))


def build_increment(documents: pl.DataFrame, staged: dict[str, pl.DataFrame], scope: Scope,
                    run_started: datetime) -> tuple[dict[str, pl.DataFrame], pl.DataFrame]:
    """(star frames, kept mentions' event ids): the documents' own rows (all of their tables), dim_event_type,
    and the dim_person, dim_organization and fact_event rows of the touched keys and groups; the kept
    mentions of the touched groups with the event each now belongs to (the load re-points them)."""
    families = event_families()
    kept = scope.staged
    people_in = pl.concat([staged["person_mentions"], _with_keys(
        kept["person_mentions"], key_expr("normalized_name", "country_iso3"), scope.person_keys)], how="vertical_relaxed")
    dim_person, _ = build_people(people_in)
    _, fact_person = build_people(staged["person_mentions"])
    kept_members = kept["memberships"]
    if not kept_members.is_empty():
        kept_members = _with_keys(kept_members.with_columns(ORGANIZATION_NATURAL), key_expr("_natural"),
                                  scope.organization_keys).drop("_natural")
    dim_org, _ = build_memberships(pl.concat([staged["memberships"], kept_members], how="vertical_relaxed"))
    _, fact_membership = build_memberships(staged["memberships"])
    kept_mentions = kept["event_mentions"]
    if not kept_mentions.is_empty():  # exactly the touched groups, as the full build groups them
        kept_mentions = (kept_mentions.with_columns(*group_columns(families))
                         .join(scope.groups, on=GROUP_COLUMNS, how="semi").drop("_family", "_pair"))
    own = documents.select("document_key", "name", "published_date")
    event_documents = pl.concat([own, scope.documents.select(own.columns).cast(own.schema)]) \
        if not scope.documents.is_empty() else own
    events = build_event_facts(pl.concat([staged["event_mentions"], kept_mentions], how="vertical_relaxed"),
                               event_documents, fact_person)
    new_keys = documents["document_key"].implode()
    mentions = events["fact_event_mention"]
    frames = {
        **unmerged_frames(documents, staged, run_started),
        "dim_person": dim_person,
        "fact_person_mention": fact_person,
        "dim_organization": dim_org,
        "fact_membership": fact_membership,
        "fact_event_mention": mentions.filter(pl.col("document_key").is_in(new_keys)),
        "fact_event": events["fact_event"],
        "fact_event_participant": events["fact_event_participant"].filter(pl.col("document_key").is_in(new_keys)),
    }
    event_ids = mentions.filter(~pl.col("document_key").is_in(new_keys)).select("mention_key", "event_id")
    return frames, event_ids


def replaced_rows(scope: Scope) -> dict[str, tuple[str, list[str]]]:
    """table -> (key column, keys whose old rows an incremental run deletes before writing the new ones)."""
    return {"dim_person": ("person_key", scope.person_keys),
            "dim_organization": ("organization_key", scope.organization_keys),
            "fact_event": ("event_id", scope.old_event_ids)}


def build_scoped(db: Path, documents: pl.DataFrame, staged: dict[str, pl.DataFrame], replaced_keys: list[str],
                 run_started: datetime) -> tuple[dict[str, pl.DataFrame], pl.DataFrame, dict[str, tuple[str, list[str]]]]:
    """An incremental run's transform: (star frames, kept mentions' event ids, rows to replace by key)."""
    families = event_families()
    groups, person_keys, organization_keys = touched_by(staged, families)
    new_keys = documents["document_key"].to_list()
    scope = read_scope(db, replaced_keys, sorted(set(replaced_keys) | set(new_keys)), groups, person_keys,
                       organization_keys, families)
    frames, event_ids = build_increment(documents, staged, scope, run_started)
    return frames, event_ids, replaced_rows(scope)
