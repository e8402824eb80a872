-- The answers of POST requests under /api that carried an Idempotency-Key header, per user: a
-- retry with the same key gets the first answer again and makes no second change.
--
-- A request claims its key by inserting this row first, in the same transaction as the change it
-- makes, and fills in the answer before that transaction commits: the row and the change are both
-- there or both not. A second request with the same key meanwhile waits on the primary key (the
-- first one's row is not committed yet), then finds the answer and replays it; if the first one
-- rolled back, the second one makes the change itself. Nothing else ever sees a row without its
-- answer, so answer_status is null only inside the claiming transaction.
--
-- request_digest is SHA-256 over the method, the path and the body as sent: the same key with
-- another request is refused. A key is forgotten after expires_at (the purge-idempotency-keys
-- task deletes the rows; a claim ignores an expired row still there).
create table idempotency_keys (
    user_id         bigint not null references users (id) on delete cascade,
    idempotency_key text not null check (length(idempotency_key) between 1 and 255),
    request_digest  bytea not null check (length(request_digest) = 32),
    method          text not null,
    path            text not null,
    answer_status   integer check (answer_status between 200 and 599),
    answer_headers  jsonb not null default '{}',
    answer_body     bytea,
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    primary key (user_id, idempotency_key)
);
create index idempotency_keys_expiry_idx on idempotency_keys (expires_at);
