-- Failed sign-ins are counted per typed username, whether or not such a user exists: five wrong
-- passwords lock a made-up name exactly as they lock a real one, so neither the answer nor the
-- lock tells which usernames are real. The key is a SHA-256 of the normalised (trimmed,
-- lower-case) name: a fixed size whatever was typed, and no typed text is kept. A row says
-- nothing any more after forget_at (the lock ran out, or no failure came for a lock's length),
-- and is deleted then, so guessed names cannot fill the table.
--
-- The counters leave the users row: an admin's save of a user (which writes the whole row) can no
-- longer put back counters a sign-in changed meanwhile, nor can a sign-in overwrite the admin's.
create table login_attempts (
    name_digest     bytea primary key check (length(name_digest) = 32),
    failures        integer not null check (failures >= 0),
    last_failure_at timestamptz,
    locked_until    timestamptz,
    forget_at       timestamptz not null
);
create index login_attempts_forget_idx on login_attempts (forget_at);

-- locks still running carry over (a lock ends when it may be forgotten)
insert into login_attempts (name_digest, failures, last_failure_at, locked_until, forget_at)
select sha256(convert_to(username, 'UTF8')), failed_login_attempts, now(), locked_until, locked_until
from users
where locked_until > now();

alter table users drop column failed_login_attempts, drop column locked_until;
