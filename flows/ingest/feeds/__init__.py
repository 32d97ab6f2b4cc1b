"""Feeds on a schedule: `[[feed]]` entries of sources.toml are fetched politely, their new items' pages become
documents under documents/<feed>/, and every failure is a quarantine row (feed, URL, reason)."""
from flows.ingest.feeds.client import Limits, USER_AGENT
from flows.ingest.feeds.fetch import FeedReport, FetchResult, fetch_feeds
from flows.ingest.feeds.frame import feed_items_frame
from flows.ingest.feeds.manifest import FeedEntry, read_feed_entries

__all__ = ["FeedEntry", "FeedReport", "FetchResult", "Limits", "USER_AGENT", "feed_items_frame", "fetch_feeds",
           "read_feed_entries"]
