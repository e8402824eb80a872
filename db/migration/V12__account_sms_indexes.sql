-- The SMS edit forms offer the service plans and 10DLC campaigns an account's numbers have had
-- (numbers/SmsChoices), read by a loose index scan: one probe of these indexes per distinct value,
-- whatever the size of the fleet.
create index phone_numbers_account_plan_idx on phone_numbers (provider_account_id, sms_service_plan_id)
    where sms_service_plan_id is not null and sms_service_plan_id <> '';
create index phone_numbers_account_10dlc_idx on phone_numbers (provider_account_id, ten_dlc_campaign_id)
    where ten_dlc_campaign_id is not null and ten_dlc_campaign_id <> '';
