-- Warmup signals in production (issue 16, item 5): the systems that send through live numbers
-- report each number's daily outcomes; the warmup job reads the freshest report as the number's
-- delivery (SMS) or answer (calls) rate. One row per number, channel and UTC day: a report for a
-- day already reported replaces its counts (the sender's totals for that day so far), so a retried
-- or repeated report never counts twice. Owned by the warmup module.
create table warmup_signal_reports (
    phone_number_id     bigint      not null references phone_numbers (id) on delete cascade,
    channel             text        not null check (channel in ('SMS', 'CALL')),
    day                 date        not null,
    -- SMS: messages sent; calls: calls placed
    attempted           integer     not null check (attempted >= 0),
    -- SMS: delivered; calls: answered
    succeeded           integer     not null check (succeeded >= 0 and succeeded <= attempted),
    -- SMS only: refused by the carrier (never delivered), and recipients who opted out
    carrier_rejected    integer     check (carrier_rejected >= 0),
    opt_outs            integer     check (opt_outs >= 0),
    -- calls only: calls the far end's carrier labelled as spam
    flagged_spam        integer     check (flagged_spam >= 0 and flagged_spam <= attempted),
    reported_by_user_id bigint      references users (id) on delete set null,
    reported_by         text        not null,
    reported_at         timestamptz not null,
    primary key (phone_number_id, channel, day),
    check ((channel = 'SMS') = (carrier_rejected is not null and opt_outs is not null)),
    check ((channel = 'CALL') = (flagged_spam is not null)),
    check (channel <> 'SMS' or succeeded + carrier_rejected <= attempted)
);
