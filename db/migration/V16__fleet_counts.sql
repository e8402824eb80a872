-- The dashboard's counts (issue 15), maintained instead of scanned: a GROUP BY over a million
-- numbers costs 150-200 ms, the dashboard must answer in a few.
--
-- How they stay exact under every write, whoever makes it (a verb, the sync's multi-row
-- statements, plain SQL in a test): STATEMENT-level triggers on phone_numbers read the statement's
-- transition tables (the rows before and after) and append one aggregated delta per group that
-- changed to an append-only table. Appending never waits on a lock another transaction holds (a
-- single counter row per group would serialise every sync page and verb on it, and two
-- transactions moving numbers between the same two groups could deadlock). A read sums the base
-- table and the deltas in one statement, so it sees one snapshot: a transaction's writes and
-- their deltas commit together. A recurring job (numbers.FleetCounts#fold) moves the deltas into
-- the base table in one transaction, keeping the deltas few; a read before or after a fold sums
-- the same. numbers.FleetCountsTests compares the sum with a fresh GROUP BY after every kind of write.

-- Numbers per (team, account, inventory state, status, SMS warmup, call warmup, call stage):
-- a few thousand groups at most, whatever the fleet's size. Null team: no team; null warmup:
-- never warmed (shown as Not Started); null stage: not in call warmup.
create table fleet_counts (
    team_id             bigint,
    provider_account_id bigint not null,
    inventory_state     text not null,
    status              text not null,
    warmup_state        text,
    call_warmup_state   text,
    call_warmup_stage   smallint,
    numbers             bigint not null,
    constraint fleet_counts_group unique nulls not distinct
        (team_id, provider_account_id, inventory_state, status, warmup_state, call_warmup_state, call_warmup_stage)
);

create table fleet_count_deltas (
    id                  bigint generated always as identity primary key,
    team_id             bigint,
    provider_account_id bigint not null,
    inventory_state     text not null,
    status              text not null,
    warmup_state        text,
    call_warmup_state   text,
    call_warmup_stage   smallint,
    numbers             bigint not null
);

-- Numbers linked per 10DLC campaign and team (the campaign capacity; team: a limited viewer's share).
create table ten_dlc_counts (
    team_id     bigint,
    campaign_id text not null,
    numbers     bigint not null,
    constraint ten_dlc_counts_group unique nulls not distinct (team_id, campaign_id)
);

create table ten_dlc_count_deltas (
    id          bigint generated always as identity primary key,
    team_id     bigint,
    campaign_id text not null,
    numbers     bigint not null
);
-- a one-team viewer's fullest campaigns come from this index (FleetCounts.campaignLoads)
create index ten_dlc_counts_fullest on ten_dlc_counts (team_id, numbers desc, campaign_id);
create index ten_dlc_count_deltas_campaign on ten_dlc_count_deltas (campaign_id);
create index ten_dlc_count_deltas_team on ten_dlc_count_deltas (team_id, campaign_id);

-- The same per campaign in all teams: the fullest campaigns come from its index (a fleet of a
-- million numbers has some 20,000 campaigns at 50 each; summing them per read would cost 50 ms),
-- and the carrier's limit counts every team's numbers.
create table ten_dlc_totals (
    campaign_id text primary key,
    numbers     bigint not null
);
create index ten_dlc_totals_fullest on ten_dlc_totals (numbers desc, campaign_id);

create table ten_dlc_total_deltas (
    id          bigint generated always as identity primary key,
    campaign_id text not null,
    numbers     bigint not null
);
create index ten_dlc_total_deltas_campaign on ten_dlc_total_deltas (campaign_id);

-- Numbers added (inserted: first seen) and released (entering inventory state Released) per UTC
-- day and team: the trends' flows, which a snapshot of counts cannot tell.
create table fleet_flows (
    day      date not null,
    team_id  bigint,
    added    bigint not null,
    released bigint not null,
    constraint fleet_flows_group unique nulls not distinct (day, team_id)
);

create table fleet_flow_deltas (
    id       bigint generated always as identity primary key,
    day      date not null,
    team_id  bigint,
    added    bigint not null,
    released bigint not null
);

-- The delta tables are emptied by every fold: vacuumed after every thousand dead rows rather than
-- after a fifth of the table, so that reads never wade through what a large sync left folded (the
-- dashboard benchmark: 90,000 dead rows of a million-number load made a read 300 ms).
alter table fleet_count_deltas set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000,
    autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 1000);
alter table ten_dlc_count_deltas set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000,
    autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 1000);
alter table ten_dlc_total_deltas set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000,
    autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 1000);
alter table fleet_flow_deltas set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000,
    autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 1000);

-- One function per kind of statement; each sums the rows leaving a group (-1) and entering one
-- (+1) and appends only the groups whose sum moved. An update that touches no counted column
-- (most of them: a name, a sync's provider fields) appends nothing.
create function fleet_counts_moved() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into fleet_count_deltas (team_id, provider_account_id, inventory_state, status, warmup_state,
                                        call_warmup_state, call_warmup_stage, numbers)
        select team_id, provider_account_id, inventory_state, status, warmup_state, call_warmup_state,
               call_warmup_stage, count(*)
        from new_rows group by 1, 2, 3, 4, 5, 6, 7;
        with moved as (select team_id, ten_dlc_campaign_id as campaign_id, count(*) as n from new_rows
                       where ten_dlc_campaign_id is not null group by 1, 2),
             per_team as (insert into ten_dlc_count_deltas (team_id, campaign_id, numbers) select * from moved)
        insert into ten_dlc_total_deltas (campaign_id, numbers) select campaign_id, sum(n) from moved group by 1;
        insert into fleet_flow_deltas (day, team_id, added, released)
        select (now() at time zone 'UTC')::date, team_id, count(*), 0 from new_rows group by team_id;
    elsif tg_op = 'DELETE' then
        insert into fleet_count_deltas (team_id, provider_account_id, inventory_state, status, warmup_state,
                                        call_warmup_state, call_warmup_stage, numbers)
        select team_id, provider_account_id, inventory_state, status, warmup_state, call_warmup_state,
               call_warmup_stage, -count(*)
        from old_rows group by 1, 2, 3, 4, 5, 6, 7;
        with moved as (select team_id, ten_dlc_campaign_id as campaign_id, -count(*) as n from old_rows
                       where ten_dlc_campaign_id is not null group by 1, 2),
             per_team as (insert into ten_dlc_count_deltas (team_id, campaign_id, numbers) select * from moved)
        insert into ten_dlc_total_deltas (campaign_id, numbers) select campaign_id, sum(n) from moved group by 1;
    else
        insert into fleet_count_deltas (team_id, provider_account_id, inventory_state, status, warmup_state,
                                        call_warmup_state, call_warmup_stage, numbers)
        select team_id, provider_account_id, inventory_state, status, warmup_state, call_warmup_state,
               call_warmup_stage, sum(n)
        from (select team_id, provider_account_id, inventory_state, status, warmup_state, call_warmup_state,
                     call_warmup_stage, -1 as n from old_rows
              union all
              select team_id, provider_account_id, inventory_state, status, warmup_state, call_warmup_state,
                     call_warmup_stage, 1 from new_rows) moved
        group by 1, 2, 3, 4, 5, 6, 7 having sum(n) <> 0;
        with moved as (
                 select team_id, campaign_id, sum(n) as n
                 from (select team_id, ten_dlc_campaign_id as campaign_id, -1 as n from old_rows where ten_dlc_campaign_id is not null
                       union all
                       select team_id, ten_dlc_campaign_id, 1 from new_rows where ten_dlc_campaign_id is not null) rows
                 group by 1, 2 having sum(n) <> 0),
             per_team as (insert into ten_dlc_count_deltas (team_id, campaign_id, numbers) select * from moved)
        insert into ten_dlc_total_deltas (campaign_id, numbers)
        select campaign_id, sum(n) from moved group by 1 having sum(n) <> 0;
        insert into fleet_flow_deltas (day, team_id, added, released)
        select (now() at time zone 'UTC')::date, n.team_id, 0, count(*)
        from new_rows n join old_rows o on o.id = n.id
        where n.inventory_state = 'Released' and o.inventory_state <> 'Released'
        group by n.team_id;
    end if;
    return null;
end $$;

create trigger fleet_counts_insert after insert on phone_numbers
    referencing new table as new_rows for each statement execute function fleet_counts_moved();
create trigger fleet_counts_update after update on phone_numbers
    referencing old table as old_rows new table as new_rows for each statement execute function fleet_counts_moved();
create trigger fleet_counts_delete after delete on phone_numbers
    referencing old table as old_rows for each statement execute function fleet_counts_moved();

-- TRUNCATE has no transition table: every count is gone with the rows.
create function fleet_counts_truncated() returns trigger language plpgsql as $$
begin
    delete from fleet_counts;
    delete from fleet_count_deltas;
    delete from ten_dlc_counts;
    delete from ten_dlc_count_deltas;
    delete from ten_dlc_totals;
    delete from ten_dlc_total_deltas;
    return null;
end $$;

create trigger fleet_counts_truncate after truncate on phone_numbers
    for each statement execute function fleet_counts_truncated();

-- The numbers already there (the triggers count from here on).
insert into fleet_counts (team_id, provider_account_id, inventory_state, status, warmup_state, call_warmup_state,
                          call_warmup_stage, numbers)
select team_id, provider_account_id, inventory_state, status, warmup_state, call_warmup_state, call_warmup_stage,
       count(*)
from phone_numbers group by 1, 2, 3, 4, 5, 6, 7;

insert into ten_dlc_counts (team_id, campaign_id, numbers)
select team_id, ten_dlc_campaign_id, count(*) from phone_numbers where ten_dlc_campaign_id is not null group by 1, 2;

insert into ten_dlc_totals (campaign_id, numbers)
select ten_dlc_campaign_id, count(*) from phone_numbers where ten_dlc_campaign_id is not null group by 1;

insert into fleet_flows (day, team_id, added, released)
select (created_at at time zone 'UTC')::date, team_id, count(*), 0 from phone_numbers group by 1, 2;

-- The trends' daily snapshot (dashboard.Trends): the counts of each UTC day per team, written by a
-- daily job and at the end of each full sync (an upsert: the day's last snapshot wins).
create table fleet_days (
    day        date not null,
    team_id    bigint,
    total      bigint not null,
    ready      bigint not null,
    failing    bigint not null,
    warming    bigint not null,
    warmed     bigint not null,
    taken_at   timestamptz not null,
    constraint fleet_days_group unique nulls not distinct (day, team_id)
);
