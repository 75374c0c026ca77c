-- A production start creates the first administrator with a password someone else has seen
-- (printed on the terminal or written in the environment): it must be replaced before that
-- account can do anything else. Existing users are not affected.
ALTER TABLE users ADD COLUMN password_change_required boolean NOT NULL DEFAULT false;
