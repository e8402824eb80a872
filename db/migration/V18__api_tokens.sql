-- Personal API tokens: a user's key to /api, acting with that user's role and teams. Only a
-- SHA-256 of the token is kept (token_digest): the token itself is shown once, when it is made.
-- A fast hash is enough here, unlike for passwords: the token is 32 random bytes, so there is no
-- guessable space to try a hash on, and the digest is what a request is looked up by (unique).
-- A token always expires; revoked_at ends it early. Rows stay after revocation or expiry so the
-- pages can say what happened to a token; they go with their user.
create table api_tokens (
    id            bigint generated always as identity primary key,
    user_id       bigint not null references users (id) on delete cascade,
    name          text not null check (length(btrim(name)) between 1 and 100),
    token_digest  bytea not null check (length(token_digest) = 32),
    -- the token's last four characters, so a person can tell two tokens apart in the list
    hint          text not null check (length(hint) = 4),
    created_at    timestamptz not null,
    expires_at    timestamptz not null check (expires_at > created_at),
    last_used_at  timestamptz,
    revoked_at    timestamptz,
    revoked_by    bigint references users (id) on delete set null
);
create unique index api_tokens_digest_key on api_tokens (token_digest);
create index api_tokens_user_idx on api_tokens (user_id, created_at desc);
