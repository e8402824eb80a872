-- Alerts (issue 18, item 4): rules admins define over the fleet's failures, where alerts go
-- (channels), the alerts fired (one per rule and window) and their deliveries (an outbox).

-- Where alerts go: the portal's bell, a signed webhook, e-mail. Kept when switched off, so the
-- delivery history keeps its channel.
create table alert_channels (
    id          bigserial primary key,
    kind        text not null check (kind in ('PORTAL', 'WEBHOOK', 'EMAIL')),
    name        text not null check (length(name) between 1 and 100),
    -- WEBHOOK: the URL posted to; EMAIL: the addresses, comma separated; PORTAL: none
    target      text,
    -- WEBHOOK: the HMAC-SHA256 key of X-Portal-Signature (never rendered after creation)
    secret      text,
    enabled     boolean not null default true,
    created_at  timestamptz not null default now(),
    created_by  text not null,
    check ((kind = 'PORTAL') = (target is null)),
    check ((kind = 'WEBHOOK') = (secret is not null))
);

-- What fires an alert. Kept when switched off, so the alert history keeps its rule.
create table alert_rules (
    id             bigserial primary key,
    name           text not null check (length(name) between 1 and 100),
    kind           text not null check (kind in ('PROVISIONING_FAILED', 'CHANGE_FAILED', 'SYNC_FAILED',
                                                  'SYNC_STALE', 'WARMUP_BLOCKED', 'OVERRIDE_WAITING')),
    -- PROVISIONING_FAILED: the carrier error code counted
    error_code     text check (error_code is null or length(error_code) between 1 and 64),
    -- fires when at least this many are found
    threshold      integer not null check (threshold between 1 and 1000000),
    -- the window counted (and at most one alert per window); for "not synced" and "waiting":
    -- how long is too long, and how often the alert repeats while it lasts
    window_minutes integer not null check (window_minutes between 1 and 10080),
    -- the team whose numbers count (null: every team)
    team_id        bigint references teams (id),
    channel_ids    bigint[] not null default '{}',
    enabled        boolean not null default true,
    created_at     timestamptz not null default now(),
    created_by     text not null,
    check ((kind = 'PROVISIONING_FAILED') = (error_code is not null))
);

-- An alert: a rule that fired, once per window (the unique key is what makes it once, whichever
-- instance evaluates), with what it found.
create table alerts (
    id            bigserial primary key,
    rule_id       bigint not null references alert_rules (id),
    window_start  timestamptz not null,
    fired_at      timestamptz not null,
    -- whose it is: a team (null: every team's), or the fleet's as a whole (syncs: everyone sees them)
    team_id       bigint references teams (id),
    fleet         boolean not null,
    title         text not null,
    found         bigint not null,
    -- the page listing what was found (the Numbers page filtered, Changes, Sync, Approvals)
    link          text not null,
    -- the first few found: [{"label", "detail", "link"}]
    items         jsonb not null default '[]',
    unique (rule_id, window_start)
);
create index alerts_fired_idx on alerts (fired_at desc, id desc);

-- The outbox: one row per alert and channel (unique: an alert is never delivered twice to a
-- channel), claimed by the deliver-alerts task, retried with backoff.
create table alert_deliveries (
    id               bigserial primary key,
    alert_id         bigint not null references alerts (id),
    channel_id       bigint not null references alert_channels (id),
    state            text not null check (state in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         integer not null default 0,
    next_attempt_at  timestamptz,
    last_error       text,
    delivered_at     timestamptz,
    created_at       timestamptz not null default now(),
    unique (alert_id, channel_id)
);
create index alert_deliveries_due_idx on alert_deliveries (next_attempt_at) where state = 'PENDING';

-- The delivery log: every attempt and its answer.
create table alert_delivery_attempts (
    id            bigserial primary key,
    delivery_id   bigint not null references alert_deliveries (id),
    attempted_at  timestamptz not null,
    outcome       text not null check (outcome in ('DELIVERED', 'RETRY', 'FAILED')),
    status        integer,
    error         text
);
create index alert_delivery_attempts_delivery_idx on alert_delivery_attempts (delivery_id, id);

-- How far each person has read the bell's alerts.
create table alert_reads (
    user_id        bigint primary key references users (id) on delete cascade,
    seen_alert_id  bigint not null
);
