-- The portal's schema, designed as one piece (issue 2).
--
-- Conventions: snake_case; timestamptz everywhere; enums as text with CHECK constraints that
-- spell the exact values of seed 003 (readable in psql and CSV, cheap to extend with a new
-- migration); every mutable aggregate carries a version for optimistic locking.

-- Trigram search (digits anywhere in a number, words anywhere in a name). The extension lives
-- in public so that dropping a portal schema (tests create and drop one per run) never drops it.
create extension if not exists pg_trgm with schema public;

-- ---------------------------------------------------------------------------------------------
-- People
-- ---------------------------------------------------------------------------------------------

create table roles (
    code        text primary key,
    rank        smallint not null unique,   -- a higher rank includes every lower one
    description text not null
);

insert into roles (code, rank, description) values
    ('VIEWER',   1, 'Watches the dashboard and reads the inventory'),
    ('OPERATOR', 2, 'Edits numbers and requests enablement overrides'),
    ('ADMIN',    3, 'Approves overrides, releases numbers, manages users and providers');

create table teams (
    id         bigint generated always as identity primary key,
    name       text not null check (length(btrim(name)) between 1 and 100),
    created_at timestamptz not null default now()
);
create unique index teams_name_key on teams (lower(name));

create table users (
    id                    bigint generated always as identity primary key,
    username              text not null check (username ~ '^[a-z0-9][a-z0-9._-]{1,39}$'),
    display_name          text not null check (length(btrim(display_name)) between 1 and 100),
    password_hash         text not null,
    role                  text not null references roles (code),
    enabled               boolean not null default true,
    failed_login_attempts integer not null default 0 check (failed_login_attempts >= 0),
    locked_until          timestamptz,
    last_login_at         timestamptz,
    created_at            timestamptz not null default now(),
    modified_at           timestamptz not null default now(),
    version               bigint not null default 0
);
create unique index users_username_key on users (lower(username));

-- A user with no rows here may see every team; rows limit the user to those teams.
create table user_teams (
    user_id bigint not null references users (id) on delete cascade,
    team_id bigint not null references teams (id) on delete cascade,
    primary key (user_id, team_id)
);
create index user_teams_team_idx on user_teams (team_id);

-- ---------------------------------------------------------------------------------------------
-- Provider accounts: one row per carrier account the mirror follows
-- ---------------------------------------------------------------------------------------------

create table provider_accounts (
    id          bigint generated always as identity primary key,
    provider    text not null check (provider in ('SINCH', 'SINCH_IMPORTED', 'FLOWROUTE')),
    account_ref text not null,              -- Sinch project id, Flowroute access key id
    name        text not null,
    mode        text not null check (mode in ('SANDBOX', 'LIVE')),
    created_at  timestamptz not null default now(),
    unique (provider, account_ref)
);

-- ---------------------------------------------------------------------------------------------
-- The number record (seed 003), one row per number per provider account
-- ---------------------------------------------------------------------------------------------

create table phone_numbers (
    id                     bigint generated always as identity primary key,

    -- identity
    number                 text not null check (number ~ '^\+[1-9][0-9]{6,14}$'),  -- E.164
    name                   text check (length(name) <= 255),
    country_code           text check (country_code ~ '^[A-Z]{2}$'),               -- Sinch regionCode
    number_type            text check (number_type in ('LOCAL', 'MOBILE', 'TOLL_FREE')),

    -- ownership (business, user, team, source, campaign)
    business_id            text,
    business_name          text,
    owner_user_id          text,
    owner_user_name        text,
    team_id                bigint references teams (id),
    campaign_id            text,            -- the business campaign the number serves
    source_id              text,
    leadping_owned         boolean not null default true,

    -- provider fields
    provider_account_id    bigint not null references provider_accounts (id),
    provider               text not null check (provider in ('SINCH', 'SINCH_IMPORTED', 'FLOWROUTE')),
    provider_phone_number_id text not null,
    provider_order_id      text,
    provider_order_status  text,
    provider_status        text,
    provider_error         text,
    provider_synced_at     timestamptz,
    provider_expire_at     timestamptz,     -- Sinch expireAt: past it the number is Expired
    provider_raw           jsonb,           -- the provider's last raw state, shown on the detail page
    provider_state_hash    text,            -- digest of the mapped provider state: unchanged = no write
    provider_missing_since timestamptz,     -- absent from the last complete sync

    -- release (hold, schedule, who and why)
    provider_released_at                   timestamptz,
    provider_release_requested_at          timestamptz,
    provider_release_hold_starts_at        timestamptz,
    provider_release_scheduled_at          timestamptz,
    provider_release_reason                text,
    provider_release_requested_by_user_id  text,
    provider_release_requested_by_name     text,
    provider_release_unassign_at_hold_start boolean not null default false,

    -- provider-side configuration the portal edits (Sinch sms/voice, Flowroute CNAM/messaging)
    sms_service_plan_id            text,
    sms_provisioning_status        text check (sms_provisioning_status in ('WAITING', 'IN_PROGRESS', 'FAILED')),
    sms_provisioning_error_codes   text[],
    sms_provisioning_target_plan_id     text,   -- what scheduled provisioning is applying
    sms_provisioning_target_campaign_id text,
    voice_app_id                   text,
    voice_provisioning_status      text check (voice_provisioning_status in ('WAITING', 'IN_PROGRESS', 'FAILED')),
    voice_provisioning_error_codes text[],
    cnam_lookups_enabled           boolean,
    messaging_enabled              boolean,

    -- capabilities
    cap_sms                boolean not null default false,
    cap_voice              boolean not null default false,
    cap_warmup             boolean not null default false,
    cap_testing            boolean not null default false,

    -- routing
    routing_sms_enabled          boolean not null default false,
    routing_voice_enabled        boolean not null default false,
    routing_warmup_only          boolean not null default false,
    routing_internal_test_only   boolean not null default false,
    routing_team_id              text,
    routing_source_id            text,
    routing_campaign_id          text,
    routing_messaging_profile_id text,
    routing_voice_connection_id  text,

    -- 10DLC
    ten_dlc_brand_id               text,
    ten_dlc_campaign_id            text,
    ten_dlc_campaign_status        text,
    ten_dlc_assignment_status      text,
    ten_dlc_messaging_profile_id   text,
    ten_dlc_status_updated_at      timestamptz,
    ten_dlc_failure_reason         text,
    ten_dlc_last_provider_event_id text,

    -- billing
    billing_business_id          text,
    billing_business_name        text,
    billing_user_id              text,
    billing_user_name            text,
    billing_subscription_item_id text,
    billing_monthly_amount       numeric(12, 4) check (billing_monthly_amount >= 0),
    billing_currency             text check (billing_currency ~ '^[A-Z]{3}$'),
    billing_channel              text,

    is_preferred           boolean not null default false,
    is_default             boolean not null default false,

    -- location
    location_name          text,
    location_state         text,
    location_country_code  text,
    location_latitude      numeric(9, 6) check (location_latitude between -90 and 90),
    location_longitude     numeric(9, 6) check (location_longitude between -180 and 180),
    location_time_zone_id  text,

    -- derived (one pure function each, recomputed whenever their inputs change)
    inventory_state        text not null default 'Available' check (inventory_state in (
        'Available', 'Assigned', 'Pending verification', 'Ready for SMS', 'Ready for voice',
        'Restricted', 'Suspended', 'Failed', 'Released', 'Pending release', 'Warmup-only',
        'Internal/test-only')),
    status                 text not null default 'Unregistered' check (status in (
        'Unregistered', 'Provisioning', 'FailedProvisioning', 'Active', 'Expired', 'Suspended',
        'PendingRelease')),

    -- enablement: the override, when set, wins over enabled
    enabled                          boolean not null default true,
    override_enabled                 boolean,
    override_reason                  text,
    override_updated_by_user_id      text,
    override_updated_at              timestamptz,
    constraint override_complete check (
        (override_enabled is null and override_reason is null and override_updated_at is null)
        or (override_enabled is not null and override_reason is not null and override_updated_at is not null)),

    -- pool and approval flags
    is_internal_pool               boolean not null default false,
    is_approved_test_destination   boolean not null default false,
    is_messaging_program_approved  boolean not null default false,

    -- SMS warmup
    warmup_enabled          boolean not null default false,
    warmup_state            text check (warmup_state in (
        'Not Started', 'Warming', 'Healthy', 'Needs Attention', 'Paused', 'Blocked', 'Ready')),
    warmup_health_score     integer check (warmup_health_score between 0 and 100),
    warmup_progress_percent integer check (warmup_progress_percent between 0 and 100),
    warmup_next_action_at   timestamptz,
    warmup_pause_reason     text,

    -- call warmup
    call_warmup_enabled        boolean not null default false,
    call_warmup_state          text check (call_warmup_state in (
        'Not Started', 'Not Eligible', 'Warming', 'Warmed', 'Paused', 'Needs Attention', 'Blocked')),
    call_warmup_stage          smallint check (call_warmup_stage between 0 and 4),
    call_warmup_next_action_at timestamptz,
    call_warmup_pause_reason   text,
    call_warmup_health_reason  text,

    -- health
    health_status          text check (health_status in (
        'Not Started', 'Warming', 'Healthy', 'Needs Attention', 'Paused', 'Blocked', 'Ready')),
    health_reason          text,

    created_at             timestamptz not null default now(),
    modified_at            timestamptz not null default now(),
    version                bigint not null default 0,

    constraint phone_numbers_provider_key unique (provider_account_id, provider_phone_number_id)
);

-- Searches of DESIGN.md / issue 5. Every sort index ends in id: the keyset tiebreaker.
create index phone_numbers_number_trgm   on phone_numbers using gin (number public.gin_trgm_ops);
create index phone_numbers_name_trgm     on phone_numbers using gin (name public.gin_trgm_ops);
create index phone_numbers_number_sort   on phone_numbers (number, id);
create index phone_numbers_name_sort     on phone_numbers (name, id);
create index phone_numbers_modified_sort on phone_numbers (modified_at desc, id desc);
create index phone_numbers_health_sort   on phone_numbers (warmup_health_score, id);
create index phone_numbers_team_idx      on phone_numbers (team_id, number, id);
create index phone_numbers_account_idx   on phone_numbers (provider_account_id, number_type, country_code);
create index phone_numbers_state_idx     on phone_numbers (inventory_state, number, id);
create index phone_numbers_status_idx    on phone_numbers (status, number, id);
create index phone_numbers_campaign_idx  on phone_numbers (campaign_id) where campaign_id is not null;
create index phone_numbers_plan_idx      on phone_numbers (sms_service_plan_id) where sms_service_plan_id is not null;
create index phone_numbers_10dlc_idx     on phone_numbers (ten_dlc_campaign_id) where ten_dlc_campaign_id is not null;
create index phone_numbers_warmup_idx    on phone_numbers (warmup_state) where warmup_state is not null;
create index phone_numbers_call_warmup_idx on phone_numbers (call_warmup_state) where call_warmup_state is not null;
create index phone_numbers_override_idx  on phone_numbers (override_enabled) where override_enabled is not null;
-- the provisioning poll and the "provisioning failed" filter read only the few unsettled rows
create index phone_numbers_provisioning_idx on phone_numbers (id)
    where sms_provisioning_status is not null or voice_provisioning_status is not null;

-- ---------------------------------------------------------------------------------------------
-- The per-number event trail: append-only, newest first on the detail page
-- ---------------------------------------------------------------------------------------------

create table number_events (
    id              bigint generated always as identity primary key,
    phone_number_id bigint not null references phone_numbers (id) on delete cascade,
    type            text not null,          -- RENAMED, PROVIDER_CHANGED, OVERRIDE_APPROVED, ...
    title           text not null,
    details         text,
    field           text,                   -- the field that changed, when one did
    before_value    text,
    after_value     text,
    source          text not null check (source in ('PORTAL', 'PROVIDER_SYNC', 'WEBHOOK', 'SCHEDULER', 'API')),
    actor_id        bigint references users (id) on delete set null,
    actor_name      text,                   -- kept even if the user is deleted later
    created_at      timestamptz not null default now()
);
create index number_events_timeline_idx on number_events (phone_number_id, created_at desc, id desc);
