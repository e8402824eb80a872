-- Warmup (issue: SMS and call warmup). The job counts ramp days; the percent and the stage shown
-- are derived from them with the configured ramp plan (a percent alone cannot say which day of a
-- plan longer than 100 days a number is on, nor survive a change of plan).
alter table phone_numbers
    add column warmup_ramp_day      integer not null default 0 check (warmup_ramp_day >= 0),
    add column call_warmup_ramp_day integer not null default 0 check (call_warmup_ramp_day >= 0);

-- The job's "what is due" reads only the few numbers whose warmup is on.
create index phone_numbers_warmup_due_idx on phone_numbers (warmup_next_action_at, id) where warmup_enabled;
create index phone_numbers_call_warmup_due_idx on phone_numbers (call_warmup_next_action_at, id) where call_warmup_enabled;
