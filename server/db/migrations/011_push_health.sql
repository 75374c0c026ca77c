-- Why a handheld's pushes keep failing, for the supervisor console: the last refusal the server
-- gave it, since when, and how many pushes in a row failed. A push that goes through clears it.
ALTER TABLE devices ADD COLUMN push_error jsonb;
ALTER TABLE devices ADD COLUMN push_failed_at timestamptz;
ALTER TABLE devices ADD COLUMN push_failures integer NOT NULL DEFAULT 0;

-- A handheld enrolled again (its old enrolment revoked or its token lost) is the same physical
-- device: ops it queued under the old enrolment are still its own when it sends them.
ALTER TABLE devices ADD COLUMN replaces_device_id uuid UNIQUE REFERENCES devices(id);
ALTER TABLE devices ADD CONSTRAINT devices_replaces_other CHECK (replaces_device_id <> id);

-- Attribution of ops asks which users ever had a session on a device.
CREATE INDEX sessions_device_user ON sessions (device_id, user_id);
