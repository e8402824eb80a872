-- Seeds the sandbox carriers with realistic numbers, deterministically: the same seed and size
-- always give the same fleet. Parameters: :seed, :size, :project. Runs in the sandbox schema.
-- Shares of the fleet: 60% Sinch active numbers, 10% Sinch imported, 30% Flowroute. Every number
-- gets a distinct 7-or-more-digit subscriber part from its position g, so numbers never collide.

create temporary table seed_rand on commit drop as
select g,
       (abs(hashtextextended(:seed || ':' || g || ':a', 0)) % 1000000) / 1000000.0 as a,
       (abs(hashtextextended(:seed || ':' || g || ':b', 0)) % 1000000) / 1000000.0 as b,
       (abs(hashtextextended(:seed || ':' || g || ':c', 0)) % 1000000) / 1000000.0 as c,
       (abs(hashtextextended(:seed || ':' || g || ':d', 0)) % 1000000) / 1000000.0 as d,
       (abs(hashtextextended(:seed || ':' || g || ':e', 0)) % 1000000) / 1000000.0 as e,
       (abs(hashtextextended(:seed || ':' || g || ':f', 0)) % 1000000) / 1000000.0 as f
from generate_series(1, :size) g;

-- Sinch active numbers: US 60%, CA 20%, GB 20% × LOCAL 60%, MOBILE 25%, TOLL_FREE 15%
insert into sinch_numbers (project_id, kind, phone_number, display_name, region_code, type, capabilities,
                           money_currency, money_amount, payment_interval_months, next_charge_date, expire_at,
                           sms_service_plan_id, sms_campaign_id, sms_prov_service_plan_id, sms_prov_campaign_id,
                           sms_prov_status, sms_prov_error_codes, sms_prov_last_updated, voice_app_id,
                           voice_last_updated)
select :project, 'ACTIVE', phone_number, display_name, region_code, type, capabilities,
       case region_code when 'GB' then 'GBP' when 'CA' then 'CAD' else 'USD' end,
       case type when 'LOCAL' then 1.00 when 'MOBILE' then 2.00 else 2.50 end,
       1,
       date_trunc('month', now()) + interval '1 month',
       case when d < 0.02 then now() - interval '3 days'
            when d < 0.05 then now() + interval '20 days' end,
       plan, campaign,
       case when failed then plan_wanted end,
       case when failed then campaign_wanted end,
       case when failed then 'FAILED' end,
       case when failed then array['CAMPAIGN_NOT_AVAILABLE'] end,
       case when failed then now() - interval '2 hours' end,
       voice_app, case when voice_app <> '' then now() - interval '30 days' end
from (
    select s.*,
           case when s.type = 'TOLL_FREE' then
                    case when s.region_code = 'GB' then '+44800' || lpad(g::text, 7, '0')
                         else '+1' || (array['800','833','844','855','866','877','888'])[1 + (b * 7)::int % 7] || lpad(g::text, 7, '0') end
                when s.region_code = 'US' then '+1' || (array['206','212','305','415','512','617','702','917'])[1 + (b * 8)::int % 8] || lpad(g::text, 7, '0')
                when s.region_code = 'CA' then '+1' || (array['416','604','514','403'])[1 + (b * 4)::int % 4] || lpad(g::text, 7, '0')
                when s.type = 'MOBILE' then '+447' || lpad(g::text, 9, '0')
                else '+4420' || lpad(g::text, 8, '0') end as phone_number,
           case when 'SMS' = any (s.capabilities) and c < 0.75 then
                    (array['sp-growth-01','sp-retention-02','sp-support-03','sp-alerts-04'])[1 + (e * 4)::int % 4]
                else '' end as plan,
           case when s.region_code = 'US' and 'SMS' = any (s.capabilities) and c < 0.75 and e < 0.7 then
                    (array['CA1B2C3','CB4D5E6','CC7F8G9','CD1H2J3','CE4K5L6','CF7M8N9'])[1 + (f * 6)::int % 6]
                else '' end as campaign,
           s.region_code = 'US' and 'SMS' = any (s.capabilities) and c >= 0.75 and c < 0.76 as failed,
           (array['sp-growth-01','sp-retention-02'])[1 + (e * 2)::int % 2] as plan_wanted,
           (array['CA1B2C3','CB4D5E6'])[1 + (f * 2)::int % 2] as campaign_wanted,
           case when 'VOICE' = any (s.capabilities) and f < 0.7 then
                    (array['a7f3c2d1-voice-ivr','b8e4d3c2-voice-sales','c9f5e4d3-voice-support'])[1 + (a * 3)::int % 3]
                else '' end as voice_app,
           case when d < 0.1 then null
                else (array['Growth','Retention','Support','Alerts','Outreach'])[1 + (f * 5)::int % 5] || ' line ' || lpad(g::text, 4, '0') end as display_name
    from (
        select r.*,
               case when a < 0.6 then 'US' when a < 0.8 then 'CA' else 'GB' end as region_code,
               case when b < 0.6 then 'LOCAL' when b < 0.85 then 'MOBILE' else 'TOLL_FREE' end as type,
               case when b < 0.85 then array['SMS','VOICE']
                    when c < 0.5 then array['VOICE']
                    else array['SMS','VOICE'] end as capabilities
        from seed_rand r
        where g <= (:size * 6) / 10
    ) s
) numbers;

-- Sinch imported numbers: US local numbers hosted elsewhere and SMS-enabled through Sinch
insert into sinch_numbers (project_id, kind, phone_number, display_name, region_code, type, capabilities,
                           money_currency, money_amount, sms_service_plan_id, sms_campaign_id,
                           migrate_to_sinch_tmo)
select :project, 'IMPORTED',
       '+1' || (array['206','212','305','415'])[1 + (b * 4)::int % 4] || lpad(g::text, 7, '0'),
       case when d < 0.1 then null else 'Imported ' || lpad(g::text, 5, '0') end,
       'US', 'LOCAL', array['SMS'], 'USD', 0.50,
       (array['sp-growth-01','sp-retention-02'])[1 + (e * 2)::int % 2],
       case when f < 0.8 then (array['CA1B2C3','CB4D5E6'])[1 + (a * 2)::int % 2] else '' end,
       c < 0.05
from seed_rand
where g > (:size * 6) / 10 and g <= (:size * 7) / 10;

-- The SMS service plans and 10DLC campaigns of the project: those its numbers are linked to
insert into sinch_project_sms (project_id, kind, id)
select distinct project_id, 'SERVICE_PLAN', sms_service_plan_id from sinch_numbers where sms_service_plan_id <> ''
union
select distinct project_id, 'CAMPAIGN', sms_campaign_id from sinch_numbers where sms_campaign_id <> ''
union
select distinct project_id, 'VOICE_APP', voice_app_id from sinch_numbers where voice_app_id <> ''
on conflict do nothing;

-- Flowroute: US and CA long codes and toll-free numbers
insert into flowroute_numbers (id, alias, cnam_lookups_enabled, messaging_enabled, number_type, rate_center, state,
                               iso_country, monthly_cost, setup_cost, inbound_rate, rate_type, status, tier,
                               message_provision_id, message_provision_status)
select id, alias, cnam, messaging, number_type, rate_center, state, iso_country,
       case number_type when 'tollfree' then 1.40 else 1.25 end, 1.00,
       case number_type when 'tollfree' then 0.0250 else 0.0120 end,
       case number_type when 'tollfree' then 'tollfree' else 'local' end,
       'PURCHASED', 'Standard',
       case when messaging then md5(:seed || ':mp:' || id) end,
       case when messaging then 'complete' end
from (
    select r.g, r.c < 0.5 as cnam, r.d < 0.6 as messaging,
           case when r.f < 0.1 then null
                else (array['NYC','Seattle','Austin','Toronto','Support'])[1 + (r.e * 5)::int % 5] || ' ' || lpad(r.g::text, 5, '0') end as alias,
           case when r.b < 0.85 then 'longcode' else 'tollfree' end as number_type,
           case when r.b >= 0.85 then '1' || (array['833','844','855'])[1 + (r.a * 3)::int % 3] || lpad(r.g::text, 7, '0')
                else '1' || p.area || lpad(r.g::text, 7, '0') end as id,
           case when r.b < 0.85 then p.rate_center end as rate_center,
           case when r.b < 0.85 then p.state end as state,
           case when r.b < 0.85 then p.country else 'US' end as iso_country
    from seed_rand r
    join (values (0, '646', 'nwyrcyzn01', 'ny', 'US'), (1, '202', 'wshngtnzn1', 'dc', 'US'),
                 (2, '206', 'sttlwa0101', 'wa', 'US'), (3, '213', 'lsanca0101', 'ca', 'US'),
                 (4, '312', 'chcgil0101', 'il', 'US'), (5, '512', 'austtx0101', 'tx', 'US'),
                 (6, '416', 'torontoon1', 'on', 'CA'), (7, '604', 'vancvrbc01', 'bc', 'CA'))
         as p (i, area, rate_center, state, country) on p.i = (r.a * 8)::int % 8
    where r.g > (:size * 7) / 10
) fr;

-- Sinch numbers available to rent: a small shop window per region and type
insert into sinch_available_numbers (phone_number, region_code, type, capabilities, currency, setup_amount,
                                     monthly_amount, supporting_documentation_required)
select case when t.type = 'TOLL_FREE' and reg.code = 'GB' then '+44808' || lpad(k::text, 7, '0')
            when t.type = 'TOLL_FREE' then '+1888' || lpad((9000000 + k)::text, 7, '0')
            when reg.code = 'GB' and t.type = 'MOBILE' then '+447900' || lpad(k::text, 6, '0')
            when reg.code = 'GB' then '+44161' || lpad(k::text, 7, '0')
            when reg.code = 'CA' then '+1647' || lpad((9000000 + k)::text, 7, '0')
            else '+1737' || lpad((9000000 + k)::text, 7, '0') end,
       reg.code, t.type,
       case when t.type = 'TOLL_FREE' then array['VOICE'] else array['SMS','VOICE'] end,
       case reg.code when 'GB' then 'GBP' when 'CA' then 'CAD' else 'USD' end,
       0.00, case t.type when 'LOCAL' then 1.00 when 'MOBILE' then 2.00 else 2.50 end,
       reg.code = 'GB' and t.type = 'MOBILE'
from (values ('US', 0), ('CA', 1), ('GB', 2)) reg (code, n)
cross join (values ('LOCAL', 0), ('MOBILE', 1), ('TOLL_FREE', 2)) t (type, n)
cross join generate_series(1, 10) s
cross join lateral (select reg.n * 1000 + t.n * 100 + s as k) key
where not (reg.code <> 'GB' and t.type = 'MOBILE' and reg.code = 'CA');
