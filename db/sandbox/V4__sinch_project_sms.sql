-- The SMS service plans and 10DLC campaigns each simulated Sinch project has. As at Sinch, a number
-- links only to one of its project's own; linking another is accepted and its scheduled provisioning
-- ends FAILED (SMS_PROVISIONING_FAILED, CAMPAIGN_NOT_AVAILABLE). Filled from the project's numbers:
-- here for a schema seeded before this table existed, by sandbox/seed.sql for a new one.
-- portal.sandbox.sinch-service-plans / sinch-campaigns add more, in every project, without a row here.
create table sinch_project_sms (
    project_id text not null,
    kind       text not null check (kind in ('SERVICE_PLAN', 'CAMPAIGN')),
    id         text not null check (id <> ''),
    primary key (project_id, kind, id)
);

insert into sinch_project_sms (project_id, kind, id)
select distinct project_id, 'SERVICE_PLAN', sms_service_plan_id from sinch_numbers where sms_service_plan_id <> ''
union
select distinct project_id, 'CAMPAIGN', sms_campaign_id from sinch_numbers where sms_campaign_id <> '';
