-- Warmup capability (numbers/NumberCapabilities): no carrier reports it, and nothing set it before,
-- so no mirrored number could warm up. Local and mobile numbers with SMS or voice may.
update phone_numbers set cap_warmup = true
where not cap_warmup and (cap_sms or cap_voice) and coalesce(number_type, '') <> 'TOLL_FREE';
