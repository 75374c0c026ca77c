-- Password guessing, at sign-in and at signing, is throttled per account and per address, and
-- the count is claimed before the password is checked, so concurrent guesses cannot all be
-- checked. Replaces login_failures, whose count was read before the check and written after.
DROP TABLE login_failures;

-- One row per account name tried (names that are not accounts too, so answers do not reveal
-- which exist). `failures` counts consecutive unproven attempts, including ones in progress.
CREATE TABLE sign_in_backoff (
  username text PRIMARY KEY,
  failures integer NOT NULL DEFAULT 0 CHECK (failures >= 0),
  signature_failures integer NOT NULL DEFAULT 0 CHECK (signature_failures >= 0),
  last_attempt_at timestamptz NOT NULL,
  blocked_until timestamptz
);
CREATE INDEX sign_in_backoff_stale ON sign_in_backoff (last_attempt_at);

-- Unproven sign-ins per caller address and fixed window.
CREATE TABLE sign_in_address_attempts (
  client text NOT NULL,
  window_start timestamptz NOT NULL,
  attempts integer NOT NULL CHECK (attempts >= 0),
  PRIMARY KEY (client, window_start)
);

-- Where each user has signed in before: behind a NAT a flood from the shared address must not
-- keep the plant's own people out.
CREATE TABLE sign_in_known_clients (
  username text NOT NULL,
  client text NOT NULL,
  last_success_at timestamptz NOT NULL,
  PRIMARY KEY (username, client)
);

-- Refused sign-ins tallied per minute, name and address; the audit trail gets the first of a
-- window at once and the rest as one row with a count when the window has closed.
CREATE TABLE sign_in_failure_tally (
  kind text NOT NULL CHECK (kind IN ('failed', 'throttled', 'device_refused', 'locked')),
  username text NOT NULL,
  client text NOT NULL,
  minute timestamptz NOT NULL,
  user_id uuid,
  count integer NOT NULL,
  audited integer NOT NULL DEFAULT 0,
  PRIMARY KEY (kind, username, client, minute)
);
CREATE INDEX sign_in_failure_tally_minute ON sign_in_failure_tally (minute);

-- Failed signatures lock the account until an administrator unlocks it (21 CFR 11.300(d)).
ALTER TABLE users ADD COLUMN locked_at timestamptz;
ALTER TABLE users ADD COLUMN locked_reason text;
