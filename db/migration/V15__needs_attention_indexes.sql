-- The dashboard's "needs attention today" (issue 15): each line of the worklist is counted and its
-- first items read through a partial index holding only that line's rows, so at a million numbers
-- a line costs what it flags, not a pass over the fleet. Each predicate is spelled as the query's
-- condition spells it (numbers.NumberQueries), so the planner proves the index usable; team_id is
-- included so a viewer limited to teams is filtered in the index.

-- Failed provisioning (numbers.FlaggedNumbers#failedProvisioning, the Numbers page's
-- provisioningError=<code> and failed=true): the failed rows, most recently changed first, with
-- their codes. (A count may as well take phone_numbers_provisioning_idx, V1: as few rows.)
create index phone_numbers_provisioning_failed_idx on phone_numbers (modified_at desc, id desc)
    include (team_id, sms_provisioning_status, voice_provisioning_status, sms_provisioning_error_codes,
             voice_provisioning_error_codes)
    where sms_provisioning_status = 'FAILED' or voice_provisioning_status = 'FAILED';

-- SMS and call warmup in Needs Attention or Blocked (warmup=…, callWarmup=…): their newest five
-- are a walk of these in modified order; counts take phone_numbers_warmup_idx and
-- phone_numbers_call_warmup_idx (V1), an equality range each.
create index phone_numbers_warmup_attention_idx on phone_numbers (modified_at desc, id desc) include (team_id)
    where warmup_state in ('Needs Attention', 'Blocked');
create index phone_numbers_call_warmup_attention_idx on phone_numbers (modified_at desc, id desc) include (team_id)
    where call_warmup_state in ('Needs Attention', 'Blocked');

-- Releases on hold (releaseWithin=48h): the hold ending first, first; a range on the key.
create index phone_numbers_release_hold_idx on phone_numbers (provider_release_scheduled_at, id) include (team_id)
    where provider_release_scheduled_at is not null and provider_released_at is null;

-- Numbers gone from the carrier (vanished=7d): the latest to go first; a range on the key.
create index phone_numbers_vanished_idx on phone_numbers (provider_missing_since desc, id desc) include (team_id)
    where provider_missing_since is not null;

-- Drift (drift=24h): the timeline's lines of changes made at the carrier, seen by a sync or a
-- webhook, newest first; the numbers they name are joined by primary key.
create index number_events_drift_idx on number_events (created_at desc, phone_number_id)
    where type = 'PROVIDER_CHANGED' and source in ('PROVIDER_SYNC', 'WEBHOOK');

-- Overdue changes (changes.ChangeLog's overdue filter) are read through pending_changes_open_idx
-- (V2), the few open changes; FAILED and PARTIAL through pending_changes_state_recent_idx (V5).
