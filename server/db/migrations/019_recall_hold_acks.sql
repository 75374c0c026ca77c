-- Which handhelds have a recall's holds: a device acknowledges a case once its lots pull reaches
-- past the current version of every lot the case holds. The pull's checkpoint is only sent after
-- the device stored everything before it, so reaching it is the device's own word that it knows.
-- Written once per device and case, by the server, so the device writes nothing extra.
CREATE TABLE recall_hold_acks (
  case_id uuid NOT NULL REFERENCES recall_cases(id),
  device_id uuid NOT NULL REFERENCES devices(id),
  acknowledged_at timestamptz NOT NULL DEFAULT now(),
  -- The lots checkpoint that showed it, for the record.
  checkpoint_xid xid8 NOT NULL,
  checkpoint_id uuid NOT NULL,
  PRIMARY KEY (case_id, device_id)
);
CREATE TRIGGER recall_hold_acks_append_only BEFORE UPDATE OR DELETE ON recall_hold_acks FOR EACH ROW EXECUTE FUNCTION refuse_change();
