-- Bulk edits are confirmed at once and made in the background (issue 6): the batch keeps what was
-- confirmed, so a restart in the middle of making its changes finishes them, each number once.
alter table change_batches add column number_ids   bigint[] not null default '{}';  -- as confirmed, in order
alter table change_batches add column edit         jsonb;                            -- kind and payload
alter table change_batches add column requested    integer not null default 0;       -- numbers confirmed
alter table change_batches add column submitted    integer not null default 0;       -- of them, handled so far
alter table change_batches add column submitted_at timestamptz;                      -- all handled
-- batches made before this migration were made whole within their request
update change_batches set requested = total + skipped, submitted = total + skipped, submitted_at = created_at;
