-- Sync runs, the outbox of pending provider changes, webhook replay protection, and
-- db-scheduler's own table (issue 4). The number record itself is unchanged: V1 designed it whole.

-- One run of a sync of one provider account: what it did, and why it failed if it did.
create table sync_runs (
    id                  bigint generated always as identity primary key,
    provider_account_id bigint not null references provider_accounts (id),
    trigger             text not null check (trigger in ('SCHEDULED', 'MANUAL')),
    status              text not null check (status in ('RUNNING', 'SUCCEEDED', 'FAILED')),
    started_by          text,               -- a username for "Sync now", null for the schedule
    started_at          timestamptz not null,
    finished_at         timestamptz,
    heartbeat_at        timestamptz not null, -- a run whose heartbeat stops was cut off (crash, restart)
    scopes_total        integer not null default 0,
    scopes_done         integer not null default 0,
    pages               integer not null default 0,
    expected            integer,            -- what the carrier said it holds (Sinch totalSize), when it says
    fetched             integer not null default 0,
    created             integer not null default 0,
    updated             integer not null default 0,
    unchanged           integer not null default 0,
    vanished            integer not null default 0,
    errors              integer not null default 0,
    error_message       text,
    check ((status = 'RUNNING') = (finished_at is null))
);
create index sync_runs_account_idx on sync_runs (provider_account_id, started_at desc);
-- one run at a time per account, whatever the number of portal instances
create unique index sync_runs_one_running on sync_runs (provider_account_id) where status = 'RUNNING';

-- Provider numbers seen by a running sync; what the mirror has and the run did not see vanished.
-- Unlogged: scratch data of one run, worthless after a crash (the run is then failed anyway).
create unlogged table sync_seen (
    sync_run_id              bigint not null,
    provider_phone_number_id text not null,
    primary key (sync_run_id, provider_phone_number_id)
);

-- The outbox: every provider-bound edit, written in the same transaction as its event, and
-- pushed to the carrier by the dispatcher. The sync never overwrites the fields of an open one.
create table pending_changes (
    id               bigint generated always as identity primary key,
    phone_number_id  bigint not null references phone_numbers (id) on delete cascade,
    batch_id         bigint,
    kind             text not null,          -- RENAME, SMS_CONFIGURATION, VOICE_APP, CNAM, MESSAGING, RELEASE, ...
    fields           text[] not null,        -- the mirror columns this change owns until it settles
    payload          jsonb not null,         -- what to send
    previous         jsonb,                  -- the values before, for "restore previous"
    state            text not null check (state in ('PENDING', 'IN_PROGRESS', 'WAITING_FOR_PROVIDER',
                                                    'SUCCEEDED', 'FAILED', 'PARTIAL', 'CANCELLED')),
    attempts         integer not null default 0,
    next_attempt_at  timestamptz,
    provider_code    text,
    provider_message text,
    requested_by_id  bigint references users (id) on delete set null,
    requested_by     text,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    version          bigint not null default 0
);
create index pending_changes_open_idx on pending_changes (phone_number_id)
    where state in ('PENDING', 'IN_PROGRESS', 'WAITING_FOR_PROVIDER', 'PARTIAL');
create index pending_changes_due_idx on pending_changes (next_attempt_at)
    where state in ('PENDING', 'WAITING_FOR_PROVIDER');

-- Webhook deliveries already handled: a replayed eventId is acknowledged and ignored.
create table webhook_events (
    provider    text not null,
    event_id    text not null,
    received_at timestamptz not null default now(),
    primary key (provider, event_id)
);

-- db-scheduler 16.12.0 (its PostgreSQL DDL for that version): cluster-safe task executions.
create table scheduled_tasks (
    task_name            text not null,
    task_instance        text not null,
    task_data            bytea,
    execution_time       timestamptz not null,
    picked               boolean not null,
    picked_by            text,
    last_success         timestamptz,
    last_failure         timestamptz,
    consecutive_failures integer,
    last_heartbeat       timestamptz,
    version              bigint not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
