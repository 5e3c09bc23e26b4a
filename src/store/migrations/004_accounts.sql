-- 004: accounts, sessions and API tokens (src/auth/auth.h).
-- Secrets are never stored in the clear: passwords as argon2id strings
-- (libsodium crypto_pwhash_str), session and API tokens as the hex BLAKE2b
-- hash of the token the client holds.  A user's force and neighbourhoods
-- are plain text, not foreign keys, so accounts can be made before the
-- police.uk registry is imported.
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT,
  role TEXT NOT NULL,
  force_id TEXT,
  partner_org TEXT,
  password_hash TEXT NOT NULL,
  totp_secret TEXT,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  lockouts INTEGER NOT NULL DEFAULT 0,
  locked_until BIGINT,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);

-- The neighbourhoods a scoped user works in (none: the whole force).
CREATE TABLE user_neighbourhoods (
  id INTEGER PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  force_id TEXT NOT NULL,
  neighbourhood_id TEXT NOT NULL,
  UNIQUE (user_id, force_id, neighbourhood_id)
);

CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  last_seen BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  csrf_secret TEXT NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  label TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_used BIGINT,
  revoked INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX api_tokens_by_user ON api_tokens (user_id);
