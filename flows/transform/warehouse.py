"""Conform keys and build the star's dimension and fact frames from documents and extracted facts."""
from __future__ import annotations

from datetime import datetime

import polars as pl

from flows.settings import EXTRACTOR_VERSION
from flows.transform.events import assign_events, build_events, event_types
from flows.transform.keys import date_key_expr, key_expr

MENTION_KEY_COLUMNS = ("document_key", "sentence_index", "char_start", "event_type", "actor_iso3", "target_iso3",
                       "event_date", "date_precision")
# Natural keys of the facts read from sentences: where in which document, and what was said.
CLAIM_KEY_COLUMNS = ("document_key", "sentence_index", "char_start", "char_end", "exporter_iso3", "importer_iso3",
                     "product")
# value and unit too: the span is the sentence's, and one sentence can state two counts of the same measure
# ('300 types of goods, with over 270 enterprises')
FIGURE_KEY_COLUMNS = ("document_key", "sentence_index", "char_start", "char_end", "measure", "value", "unit",
                      "period_start", "period_end", "exporter_iso3", "importer_iso3")

# The document's own pair as the extractor reads it (schemas.staging.DocumentPair), kept in dim_document.
PAIR_COLUMNS = ("pair_a", "pair_b")

# What an organization is keyed by: its acronym, else its name, case-folded.
ORGANIZATION_NATURAL = pl.coalesce("acronym", "organization").str.to_lowercase().alias("_natural")


def build_documents(documents: pl.DataFrame, run_started: datetime) -> pl.DataFrame:
    """dim_document rows (ingested_at is this run; the load keeps the first run's time for unchanged content), with
    the extractor's pair where the documents frame carries it (flows.orchestrate.pipeline joins it on after the
    extract stage), else none."""
    pair = [pl.col(c) if c in documents.columns else pl.lit(None, pl.Utf8).alias(c) for c in PAIR_COLUMNS]
    return documents.select(
        "document_key", "name", "path", "format", "sha256", "size_bytes", "encoding", "title", "outlet",
        "dateline_place", "published_date", "published_source", "text",
        pl.lit(run_started).cast(pl.Datetime("us")).alias("ingested_at"), *pair,
    )


def build_people(person_mentions: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(dim_person, fact_person_mention): one person across documents per normalized name and country."""
    mentions = person_mentions.with_columns(key_expr("normalized_name", "country_iso3").alias("person_key"))
    people = (
        mentions.with_columns(pl.col("name").str.len_chars().alias("_len"))
        .sort(["person_key", "_len", "name"], descending=[False, True, False])
        .group_by("person_key", maintain_order=True)
        .agg(
            pl.col("name").first(),
            pl.col("normalized_name").first(),
            pl.col("country_iso3").first(),
            pl.col("role").drop_nulls().mode().sort().first().alias("role"),
        )
    )
    facts = mentions.sort(["document_key", "sentence_index", "char_start"]).unique(
        ["document_key", "person_key"], keep="first", maintain_order=True
    ).select("document_key", "person_key", "name", "role", "country_iso3", "sentence_index", "char_start",
             "char_end", "evidence")
    return people, facts


def build_memberships(memberships: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(dim_organization, fact_membership), organizations keyed by acronym (else name), case-folded."""
    keyed = memberships.with_columns(ORGANIZATION_NATURAL).with_columns(key_expr("_natural").alias("organization_key"))
    # The most common spelling, then the alphabetically first: the same whatever order documents come in.
    organizations = keyed.sort("organization_key").group_by("organization_key", maintain_order=True).agg(
        pl.col("acronym").drop_nulls().mode().sort().first(),
        pl.coalesce("organization_name", "organization").drop_nulls().mode().sort().first().alias("name"),
    )
    facts = keyed.sort(["document_key", "sentence_index"]).unique(
        ["document_key", "country_iso3", "organization_key"], keep="first", maintain_order=True
    ).select("document_key", "country_iso3", "organization_key", "sentence_index", "char_start", "char_end", "evidence")
    return organizations, facts


def build_event_facts(event_mentions: pl.DataFrame, documents: pl.DataFrame,
                      people: pl.DataFrame) -> dict[str, pl.DataFrame]:
    """fact_event_mention, fact_event and fact_event_participant."""
    types = event_types()
    families = dict(zip(types["code"], types["family"]))
    mentions = event_mentions.join(
        documents.select("document_key", pl.col("name").alias("document_name"), "published_date"),
        on="document_key", how="left",
    ).with_columns(
        key_expr(*MENTION_KEY_COLUMNS).alias("mention_key"),
        date_key_expr("event_date").alias("date_key"),
        pl.col("event_type").replace_strict(families, default="other").alias("family"),
    ).unique("mention_key", keep="first", maintain_order=True)
    mentions = assign_events(mentions, families)
    # Participants live in fact_event_participant only: the event and mention rows do not repeat them.
    events = build_events(mentions).drop("participants", strict=False)
    fact_mention = mentions.select(
        "mention_key", "event_id", "document_key", "event_type", "event_date", "date_key", "date_precision",
        "date_text", "date_resolution", "date_anchor", "actor_iso3", "target_iso3", "status", pl.col("symmetric").alias("is_symmetric"),
        "sentence_index", "char_start", "char_end", "evidence", "trigger", "summary",
        pl.lit(EXTRACTOR_VERSION).alias("extractor_version"),
    )
    return {
        "fact_event_mention": fact_mention,
        "fact_event": events,
        "fact_event_participant": build_participants(mentions, people),
    }


PARTICIPANT_SCHEMA = {"mention_key": pl.Utf8, "document_key": pl.Utf8, "position": pl.Int32, "participant": pl.Utf8,
                      "person_key": pl.Utf8, "role": pl.Utf8}


def build_participants(mentions: pl.DataFrame, people: pl.DataFrame) -> pl.DataFrame:
    """Mention x participant, the name as written; resolved to a person of the same document with that name
    (or that surname: 'Lukashenko' is 'Alexander Lukashenko' in the document that names him so)."""
    if mentions.is_empty() or "participants" not in mentions.columns:
        return pl.DataFrame(schema=PARTICIPANT_SCHEMA)
    named = (mentions.select("mention_key", "document_key", pl.col("participants").alias("participant"))
             .explode("participant").drop_nulls("participant")
             .filter(pl.col("participant").str.strip_chars() != "")
             .with_columns(pl.int_range(pl.len()).over("mention_key").cast(pl.Int32).alias("position"))
             .unique(["mention_key", "participant"], keep="first", maintain_order=True))
    if named.is_empty():
        return pl.DataFrame(schema=PARTICIPANT_SCHEMA)
    candidates = (named.join(people.select("document_key", "name", "person_key", "role"), on="document_key")
                  .filter((pl.col("name") == pl.col("participant"))
                          | pl.col("name").str.ends_with(" " + pl.col("participant").str.split(" ").list.last()))
                  .sort("mention_key", "position", pl.col("name") != pl.col("participant"))
                  .unique(["mention_key", "participant"], keep="first", maintain_order=True)
                  .select("mention_key", "participant", "person_key", "role")) if not people.is_empty() else \
        pl.DataFrame(schema={k: PARTICIPANT_SCHEMA[k] for k in ("mention_key", "participant", "person_key", "role")})
    return (named.join(candidates, on=["mention_key", "participant"], how="left")
            .select(list(PARTICIPANT_SCHEMA)).cast(PARTICIPANT_SCHEMA).sort("mention_key", "position"))


def build_dates(frames: dict[str, pl.DataFrame]) -> pl.DataFrame:
    """dim_date: every day the facts refer to."""
    columns = {"fact_event_mention": ["event_date"], "fact_figure": ["period_start", "period_end"]}
    values = [frames[t].get_column(c) for t, cs in columns.items() if t in frames for c in cs
              if c in frames[t].columns]
    days = pl.concat(values).drop_nulls().unique().sort() if values else pl.Series("date", [], pl.Date)
    return pl.DataFrame({"date": days}).with_columns(
        date_key_expr("date").alias("date_key"),
        pl.col("date").dt.year().cast(pl.Int32).alias("year"),
        pl.col("date").dt.quarter().cast(pl.Int32).alias("quarter"),
        pl.col("date").dt.month().cast(pl.Int32).alias("month"),
        pl.col("date").dt.day().cast(pl.Int32).alias("day"),
    ).select("date_key", "date", "year", "quarter", "month", "day")


def build_event_types(types: pl.DataFrame) -> pl.DataFrame:
    """dim_event_type keyed by a hash of the code: a new or reordered type never renumbers the others."""
    return types.with_columns(key_expr("code").alias("event_type_key"))


def with_key(frame: pl.DataFrame, key: str, columns: tuple[str, ...]) -> pl.DataFrame:
    """frame with a deterministic key over its natural-key columns (first), one row per key."""
    keyed = frame.with_columns(key_expr(*columns).alias(key)) if not frame.is_empty() \
        else frame.with_columns(pl.lit(None, pl.Utf8).alias(key))
    return keyed.unique(key, keep="first", maintain_order=True).select(key, pl.exclude(key))


def build_claims(claims: pl.DataFrame) -> pl.DataFrame:
    """fact_trade_claim: one row per claim (its key), with the HS chapter of its product."""
    return with_key(claims, "claim_key", CLAIM_KEY_COLUMNS).with_columns(
        pl.col("hs_code").str.slice(0, 2).alias("hs_chapter"))


def unmerged_frames(documents: pl.DataFrame, staged: dict[str, pl.DataFrame],
                    run_started: datetime) -> dict[str, pl.DataFrame]:
    """The star tables whose rows no other document changes: documents, claims, figures (and the event types)."""
    return {
        "dim_document": build_documents(documents, run_started),
        "dim_event_type": build_event_types(event_types()),
        "fact_trade_claim": build_claims(staged["trade_claims"]),
        "fact_figure": with_key(staged["figures"], "figure_key", FIGURE_KEY_COLUMNS),
    }


def build_warehouse(documents: pl.DataFrame, staged: dict[str, pl.DataFrame],
                    run_started: datetime) -> dict[str, pl.DataFrame]:
    """Every star table the documents side loads, by table name."""
    dim_person, fact_person = build_people(staged["person_mentions"])
    dim_org, fact_membership = build_memberships(staged["memberships"])
    frames = {**unmerged_frames(documents, staged, run_started), "dim_person": dim_person,
              "fact_person_mention": fact_person, "dim_organization": dim_org, "fact_membership": fact_membership}
    frames.update(build_event_facts(staged["event_mentions"], documents, fact_person))
    frames["dim_date"] = build_dates(frames)
    return frames
