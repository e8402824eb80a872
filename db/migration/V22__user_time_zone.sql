-- The zone a person reads times in (a java.time ZoneId such as Europe/Berlin; the portal checks
-- it). Everyone starts in UTC, which is what every page showed before.
alter table users add column time_zone text not null default 'UTC'
    check (length(time_zone) between 1 and 64);
