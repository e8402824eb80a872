-- Flowroute message provisioning (seed 004): enabling messaging starts a job at the Message
-- Provision API that reports "processing" and later "complete". The sandbox settles a job when it
-- is read after this moment, instead of running a timer: nothing to schedule, nothing lost on restart.
alter table flowroute_numbers add column message_provision_settles_at timestamptz;

-- GET /v2/message-provision/status/{id} finds the number by its current job
create index flowroute_numbers_provision_idx on flowroute_numbers (message_provision_id)
    where message_provision_id is not null;

-- settling looks only at the jobs still running
create index flowroute_numbers_processing_idx on flowroute_numbers (message_provision_settles_at)
    where message_provision_status = 'processing';
