-- The built-in sandbox's own state: what the simulated carriers hold. Kept in its own schema so
-- that a portal restart does not undo what was done to the "carriers", and so it can be dropped
-- or reseeded without touching the portal's mirror.

create table sandbox_meta (
    key   text primary key,
    value text not null
);

-- Sinch numbers, active (seed 002/001) and imported (seed 000), in one table: kind tells them apart.
create table sinch_numbers (
    project_id               text not null,
    kind                     text not null check (kind in ('ACTIVE', 'IMPORTED')),
    phone_number             text not null check (phone_number ~ '^\+[1-9][0-9]{6,14}$'),
    display_name             text,
    region_code              text not null,
    type                     text not null check (type in ('LOCAL', 'MOBILE', 'TOLL_FREE')),
    capabilities             text[] not null,
    money_currency           text not null,
    money_amount             numeric(10, 2) not null,
    payment_interval_months  integer not null default 1,
    next_charge_date         timestamptz,
    expire_at                timestamptz,
    -- '' is "not linked", as the API shows it
    sms_service_plan_id      text not null default '',
    sms_campaign_id          text not null default '',
    -- scheduled SMS provisioning: present while it runs or after it failed
    sms_prov_service_plan_id text,
    sms_prov_campaign_id     text,
    sms_prov_status          text check (sms_prov_status in ('WAITING', 'IN_PROGRESS', 'FAILED')),
    sms_prov_error_codes     text[],
    sms_prov_last_updated    timestamptz,
    sms_prov_next_at         timestamptz,  -- when the job moves on by itself
    sms_prov_outcome         text,         -- null: it will succeed; else the error code it will fail with
    voice_app_id             text not null default '',
    voice_last_updated       timestamptz,
    voice_prov_app_id        text,
    voice_prov_status        text check (voice_prov_status in ('WAITING', 'IN_PROGRESS', 'FAILED')),
    voice_prov_last_updated  timestamptz,
    voice_prov_next_at       timestamptz,
    voice_prov_outcome       text,
    callback_url             text,
    migrate_to_sinch_tmo     boolean not null default false,
    modified_at              timestamptz not null default now(),
    primary key (project_id, kind, phone_number)
);
create index sinch_numbers_list_idx on sinch_numbers (project_id, kind, region_code, type, phone_number);
create index sinch_numbers_imported_idx on sinch_numbers (project_id, kind, sms_service_plan_id, sms_campaign_id, phone_number);
create index sinch_numbers_sms_due_idx on sinch_numbers (sms_prov_next_at) where sms_prov_next_at is not null;
create index sinch_numbers_voice_due_idx on sinch_numbers (voice_prov_next_at) where voice_prov_next_at is not null;

create table sinch_available_numbers (
    phone_number     text primary key,
    region_code      text not null,
    type             text not null check (type in ('LOCAL', 'MOBILE', 'TOLL_FREE')),
    capabilities     text[] not null,
    currency         text not null,
    setup_amount     numeric(10, 2) not null,
    monthly_amount   numeric(10, 2) not null,
    payment_interval_months integer not null default 1,
    supporting_documentation_required boolean not null default false
);
create index sinch_available_list_idx on sinch_available_numbers (region_code, type, phone_number);

-- Flowroute v2 numbers (seed 004): ids are 11-digit North American numbers
create table flowroute_numbers (
    id                       text primary key check (id ~ '^1[2-9][0-9]{9}$'),
    alias                    text,
    cnam_lookups_enabled     boolean not null default false,
    messaging_enabled        boolean not null default false,
    number_type              text not null check (number_type in ('longcode', 'tollfree')),
    rate_center              text,
    state                    text,
    iso_country              text not null,
    monthly_cost             numeric(10, 2) not null,
    setup_cost               numeric(10, 2) not null,
    inbound_rate             numeric(10, 4) not null,
    rate_type                text not null,
    status                   text not null default 'PURCHASED',
    tier                     text not null default 'Standard',
    primary_route_id         text not null default '0',
    message_provision_id     text,
    message_provision_status text,
    modified_at              timestamptz not null default now()
);
