-- Edits (issue 6): every edit is a row of pending_changes, local ones included (born settled),
-- so the Changes page is the whole record of what people asked for. Bulk edits are batches.

alter table pending_changes add column step text;             -- where a multi-step change is (UNLINK, LINK)
alter table pending_changes add column summary text;          -- "Rename to Growth line 7", for people
alter table pending_changes add column settled_at timestamptz;
alter table pending_changes add column provider text;         -- copied from the number: the Changes page filters on it
alter table pending_changes add column cancelled_by text;

-- The Changes page: newest first, by state, by requester.
create index pending_changes_recent_idx on pending_changes (created_at desc, id desc);
create index pending_changes_state_recent_idx on pending_changes (state, created_at desc, id desc);
create index pending_changes_batch_idx on pending_changes (batch_id) where batch_id is not null;

-- A bulk edit: one choice of edit over a selection or over "all that match" a filter.
create table change_batches (
    id              bigint generated always as identity primary key,
    kind            text not null,
    summary         text not null,          -- "SMS service plan → sp-2 / campaign CX"
    selection       text not null,          -- how the numbers were chosen, for people
    total           integer not null,       -- numbers that got a change
    skipped         integer not null,       -- numbers left alone (reasons in skipped_reasons)
    skipped_reasons jsonb not null default '[]',
    requested_by_id bigint references users (id) on delete set null,
    requested_by    text,
    created_at      timestamptz not null default now()
);
alter table pending_changes add constraint pending_changes_batch_fk
    foreign key (batch_id) references change_batches (id) on delete set null;
