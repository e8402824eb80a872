-- Buying numbers (issue 17). The shop windows of both simulated carriers become a realistic pool:
-- several area codes per region and type, so a search by area code finds something, with prices
-- that differ (a "vanity" number ending in 00 costs a setup fee). Subscriber parts 555-01xx are
-- reserved for fiction and never collide with the seeded fleet (positions up to 2,000,000).

-- the voice apps a project has: a :rent naming another is refused (renting costs money at once)
alter table sinch_project_sms drop constraint sinch_project_sms_kind_check;
alter table sinch_project_sms add constraint sinch_project_sms_kind_check
    check (kind in ('SERVICE_PLAN', 'CAMPAIGN', 'VOICE_APP'));
insert into sinch_project_sms (project_id, kind, id)
select distinct project_id, 'VOICE_APP', voice_app_id from sinch_numbers where voice_app_id <> ''
on conflict do nothing;

insert into sinch_available_numbers (phone_number, region_code, type, capabilities, currency, setup_amount,
                                     monthly_amount, supporting_documentation_required)
select '+1' || a.area || '55501' || lpad(k::text, 2, '0'), a.region, a.type,
       case when a.type = 'TOLL_FREE' then array['VOICE'] when k % 10 = 7 then array['VOICE'] else array['SMS','VOICE'] end,
       a.currency,
       case when k % 100 = 0 then 25.00 else 0.00 end,
       case a.type when 'LOCAL' then 1.00 when 'MOBILE' then 2.00 else 2.50 end,
       false
from (values ('206', 'US', 'LOCAL', 'USD'), ('212', 'US', 'LOCAL', 'USD'), ('305', 'US', 'LOCAL', 'USD'),
             ('312', 'US', 'LOCAL', 'USD'), ('415', 'US', 'LOCAL', 'USD'), ('512', 'US', 'LOCAL', 'USD'),
             ('617', 'US', 'LOCAL', 'USD'), ('917', 'US', 'MOBILE', 'USD'), ('833', 'US', 'TOLL_FREE', 'USD'),
             ('844', 'US', 'TOLL_FREE', 'USD'), ('416', 'CA', 'LOCAL', 'CAD'), ('604', 'CA', 'LOCAL', 'CAD'),
             ('514', 'CA', 'LOCAL', 'CAD')) a (area, region, type, currency)
cross join generate_series(0, 39) k
on conflict do nothing;

insert into sinch_available_numbers (phone_number, region_code, type, capabilities, currency, setup_amount,
                                     monthly_amount, supporting_documentation_required)
select '+44' || a.prefix || '55501' || lpad(k::text, 2, '0'), 'GB', a.type, array['SMS','VOICE'], 'GBP', 0.00,
       case a.type when 'LOCAL' then 1.00 else 2.00 end, a.type = 'MOBILE'
from (values ('20', 'LOCAL'), ('161', 'LOCAL'), ('7700', 'MOBILE')) a (prefix, type)
cross join generate_series(0, 39) k
on conflict do nothing;

-- Flowroute v2 available numbers (GET /v2/numbers/available, POST /v2/numbers/{id} buys one)
create table flowroute_available_numbers (
    id           text primary key check (id ~ '^1[2-9][0-9]{9}$'),
    number_type  text not null check (number_type in ('longcode', 'tollfree')),
    rate_center  text,
    state        text,
    iso_country  text not null,
    monthly_cost numeric(10, 2) not null,
    setup_cost   numeric(10, 2) not null,
    inbound_rate numeric(10, 4) not null,
    rate_type    text not null,
    tier         text not null
);
create index flowroute_available_place_idx on flowroute_available_numbers (state, rate_center, id);

insert into flowroute_available_numbers (id, number_type, rate_center, state, iso_country, monthly_cost, setup_cost,
                                         inbound_rate, rate_type, tier)
select '1' || p.area || '55501' || lpad(k::text, 2, '0'),
       case when p.state is null then 'tollfree' else 'longcode' end, p.rate_center, p.state, p.country, 1.25,
       case when k % 100 = 0 then 199.95 else 0.00 end, 0.0120,
       case when p.state is null then 'tollfree' else 'local' end,
       case when k % 100 = 0 then 'Rare' else 'Standard' end
from (values ('646', 'nwyrcyzn01', 'ny', 'US'), ('202', 'wshngtnzn1', 'dc', 'US'), ('206', 'sttlwa0101', 'wa', 'US'),
             ('213', 'lsanca0101', 'ca', 'US'), ('312', 'chcgil0101', 'il', 'US'), ('512', 'austtx0101', 'tx', 'US'),
             ('416', 'torontoon1', 'on', 'CA'), ('604', 'vancvrbc01', 'bc', 'CA'),
             ('855', null, null, 'US')) p (area, rate_center, state, country)
cross join generate_series(0, 39) k
on conflict do nothing;
