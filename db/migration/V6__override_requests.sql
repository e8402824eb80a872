-- Enablement overrides (issue 7): an operator requests one, an admin approves or rejects it; the
-- approved value lands in phone_numbers.override_* (seed 003's adminEnablementOverride).
--
-- A request is PENDING until an admin approves or rejects it, or a newer request for the same
-- number supersedes it. An approved request whose override an admin later clears is CLEARED.

create table override_requests (
    id                bigint generated always as identity primary key,
    phone_number_id   bigint not null references phone_numbers (id) on delete cascade,
    requested_enabled boolean not null,                 -- force enabled (true) or force disabled (false)
    reason            text not null check (length(btrim(reason)) between 3 and 500),
    state             text not null default 'PENDING'
                      check (state in ('PENDING', 'APPROVED', 'REJECTED', 'SUPERSEDED', 'CLEARED')),
    requested_by_id   bigint references users (id) on delete set null,
    requested_by      text not null,                    -- display name, kept if the user is deleted
    requested_at      timestamptz not null default now(),
    decided_by_id     bigint references users (id) on delete set null,
    decided_by        text,
    decided_at        timestamptz,                      -- approved, rejected or superseded at
    decision_comment  text check (decision_comment is null or length(decision_comment) <= 500),
    superseded_by     bigint references override_requests (id) on delete set null,
    cleared_by        text,
    cleared_at        timestamptz,
    version           bigint not null default 0,
    constraint override_requests_decided check ((state = 'PENDING') = (decided_at is null)),
    constraint override_requests_superseded check (superseded_by is null or state = 'SUPERSEDED'),
    constraint override_requests_cleared check ((state = 'CLEARED') = (cleared_at is not null))
);

-- At most one open request per number: a newer one supersedes the older in the same transaction.
create unique index override_requests_one_pending on override_requests (phone_number_id) where state = 'PENDING';
-- The navigation badge counts these on every admin page, the Approvals page lists them oldest first:
-- both read only this small partial index.
create index override_requests_pending_idx on override_requests (requested_at, id) where state = 'PENDING';
-- A number's page shows its latest request; the Approvals page its recent decisions.
create index override_requests_number_idx on override_requests (phone_number_id, requested_at desc, id desc);
create index override_requests_decided_idx on override_requests (decided_at desc, id desc) where decided_at is not null;
