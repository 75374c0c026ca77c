-- Failed API-key attempts per fixed window, counted per caller address and per key prefix
-- (server/integration/key-failures.ts): past the limit the caller is answered 429 with
-- Retry-After until the window ends. A valid key is never held back, so a flood of made-up
-- keys with a real key's prefix cannot lock that key out.
CREATE TABLE api_key_failures (
  scope text NOT NULL CHECK (scope IN ('address', 'prefix')),
  subject text NOT NULL,
  window_start timestamptz NOT NULL,
  failures integer NOT NULL CHECK (failures > 0),
  PRIMARY KEY (scope, subject, window_start)
);
CREATE INDEX api_key_failures_window ON api_key_failures (window_start);
