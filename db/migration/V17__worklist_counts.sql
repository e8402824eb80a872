-- The dashboard's worklist (issue 15) at a million numbers: its largest lines are counted from
-- maintained counts, as the fleet's are (V16), instead of counting the flagged rows per request
-- (failed provisioning by code read every failed row: 23 ms at 5,000 of them).

-- Numbers whose provisioning failed, per team and carrier error code, as the Numbers page's
-- provisioningError=<code> counts them (numbers.NumberQueries): a number counts once per code it
-- failed with on SMS or voice (a code on both channels once); a failure without codes is the
-- unspecified code. Kept exact like fleet_counts: statement triggers append deltas, the fold
-- (numbers.FleetCounts#fold) moves them into the base, reads sum both in one statement.
create table provisioning_failures (
    team_id bigint,
    code    text not null,
    numbers bigint not null,
    constraint provisioning_failures_group unique nulls not distinct (team_id, code)
);

create table provisioning_failure_deltas (
    id      bigint generated always as identity primary key,
    team_id bigint,
    code    text not null,
    numbers bigint not null
);

alter table provisioning_failure_deltas set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000,
    autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 1000);

-- The codes a row counts under, once each (spelled as NumberQueries' failedWith spells them).
create function provisioning_failure_codes(sms_status text, sms_codes text[], voice_status text, voice_codes text[])
    returns setof text language sql immutable as $$
    select unnest(coalesce(nullif(sms_codes, '{}'), '{ERROR_CODE_UNSPECIFIED}')) where sms_status = 'FAILED'
    union
    select unnest(coalesce(nullif(voice_codes, '{}'), '{ERROR_CODE_UNSPECIFIED}')) where voice_status = 'FAILED'
$$;

-- Only rows that failed, before or after, are looked at: the sync's pages of healthy numbers cost
-- a filter over the transition table and append nothing.
create function provisioning_failures_moved() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into provisioning_failure_deltas (team_id, code, numbers)
        select r.team_id, c.code, count(*)
        from new_rows r
        cross join lateral provisioning_failure_codes(r.sms_provisioning_status, r.sms_provisioning_error_codes,
            r.voice_provisioning_status, r.voice_provisioning_error_codes) c(code)
        where r.sms_provisioning_status = 'FAILED' or r.voice_provisioning_status = 'FAILED'
        group by 1, 2;
    elsif tg_op = 'DELETE' then
        insert into provisioning_failure_deltas (team_id, code, numbers)
        select r.team_id, c.code, -count(*)
        from old_rows r
        cross join lateral provisioning_failure_codes(r.sms_provisioning_status, r.sms_provisioning_error_codes,
            r.voice_provisioning_status, r.voice_provisioning_error_codes) c(code)
        where r.sms_provisioning_status = 'FAILED' or r.voice_provisioning_status = 'FAILED'
        group by 1, 2;
    else
        insert into provisioning_failure_deltas (team_id, code, numbers)
        select team_id, code, sum(n)
        from (select r.team_id, c.code, -1 as n
              from old_rows r
              cross join lateral provisioning_failure_codes(r.sms_provisioning_status, r.sms_provisioning_error_codes,
                  r.voice_provisioning_status, r.voice_provisioning_error_codes) c(code)
              where r.sms_provisioning_status = 'FAILED' or r.voice_provisioning_status = 'FAILED'
              union all
              select r.team_id, c.code, 1
              from new_rows r
              cross join lateral provisioning_failure_codes(r.sms_provisioning_status, r.sms_provisioning_error_codes,
                  r.voice_provisioning_status, r.voice_provisioning_error_codes) c(code)
              where r.sms_provisioning_status = 'FAILED' or r.voice_provisioning_status = 'FAILED') moved
        group by 1, 2 having sum(n) <> 0;
    end if;
    return null;
end $$;

create trigger provisioning_failures_insert after insert on phone_numbers
    referencing new table as new_rows for each statement execute function provisioning_failures_moved();
create trigger provisioning_failures_update after update on phone_numbers
    referencing old table as old_rows new table as new_rows for each statement execute function provisioning_failures_moved();
create trigger provisioning_failures_delete after delete on phone_numbers
    referencing old table as old_rows for each statement execute function provisioning_failures_moved();

create function provisioning_failures_truncated() returns trigger language plpgsql as $$
begin
    delete from provisioning_failures;
    delete from provisioning_failure_deltas;
    return null;
end $$;

create trigger provisioning_failures_truncate after truncate on phone_numbers
    for each statement execute function provisioning_failures_truncated();

insert into provisioning_failures (team_id, code, numbers)
select p.team_id, c.code, count(*)
from phone_numbers p
cross join lateral provisioning_failure_codes(p.sms_provisioning_status, p.sms_provisioning_error_codes,
    p.voice_provisioning_status, p.voice_provisioning_error_codes) c(code)
where p.sms_provisioning_status = 'FAILED' or p.voice_provisioning_status = 'FAILED'
group by 1, 2;

-- The team a change was made for: its number's team when the change was recorded. The trends'
-- changes per day of a team-limited viewer read it through an index instead of looking up each
-- of a month's changes' numbers (180 ms at a million numbers). A number that moves team later
-- leaves its earlier changes with the team that made them, as a day's snapshot does.
alter table pending_changes add column team_id bigint;

update pending_changes c set team_id = p.team_id from phone_numbers p where p.id = c.phone_number_id;

create function pending_changes_team() returns trigger language plpgsql as $$
begin
    if new.team_id is null then
        new.team_id := (select team_id from phone_numbers where id = new.phone_number_id);
    end if;
    return new;
end $$;

create trigger pending_changes_team before insert on pending_changes
    for each row execute function pending_changes_team();

create index pending_changes_team_day_idx on pending_changes (team_id, created_at) include (state);

-- The worklist's warmup lines now take their counts from fleet_counts and read only their newest
-- five here: the state is carried in the index so that a team-limited viewer's walk is an
-- index-only scan (with the team alone, each entry's state was fetched from the table).
drop index phone_numbers_warmup_attention_idx;
create index phone_numbers_warmup_attention_idx on phone_numbers (modified_at desc, id desc) include (team_id, warmup_state)
    where warmup_state in ('Needs Attention', 'Blocked');
drop index phone_numbers_call_warmup_attention_idx;
create index phone_numbers_call_warmup_attention_idx on phone_numbers (modified_at desc, id desc)
    include (team_id, call_warmup_state)
    where call_warmup_state in ('Needs Attention', 'Blocked');
