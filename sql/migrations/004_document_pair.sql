-- Version 4: dim_document keeps the extractor's pair of each document (pair_a, pair_b: what 'the two countries'
-- of the story are), which v_event_scope takes as the document's own pair. The columns are added in place: every
-- row stays, with no pair, and the view falls back to the pair of most of a document's event mentions for it.
-- The documents' source rows are marked as read by an extractor that kept no pair, so that the next run reads
-- every document again (as after a new extractor) and fills the pair in; table files are not read again for it.
-- (The mark is an ALTER ... USING, not an UPDATE, because it must also pass when source_file is absent: a database
-- of version 2 or older comes here with the table dropped by migration 003.)
alter table if exists dim_document add column if not exists pair_a varchar;
alter table if exists dim_document add column if not exists pair_b varchar;
alter table if exists source_file alter extractor_version set data type varchar
    using case when kind = 'document' then extractor_version || ' (no document pair)' else extractor_version end;
