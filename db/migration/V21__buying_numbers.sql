-- Buying numbers (issue 17). A rent is a change of kind RENT in the outbox; the daily spend limit
-- sums today's rents, so they are found by day without reading the whole outbox.
create index pending_changes_rent_day_idx on pending_changes (created_at) where kind = 'RENT';

-- phone_numbers.provider_order_status, unused until now, follows a purchase:
-- RENTING (asked for, in the mirror as Provisioning), RENTED (the carrier has it), NOT_RENTED (refused or
-- called off: the row stays for its timeline, released).
comment on column phone_numbers.provider_order_status is 'RENTING | RENTED | NOT_RENTED for numbers bought through the portal';
