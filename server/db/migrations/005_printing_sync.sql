-- Printers and approved label templates replicate to handhelds, so a device offline still knows
-- where it may print and with what.
ALTER TABLE printers ADD COLUMN change_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX printers_change ON printers (change_xid, id);
CREATE TRIGGER printers_change BEFORE UPDATE ON printers FOR EACH ROW EXECUTE FUNCTION touch_change_xid();

ALTER TABLE label_templates ADD COLUMN change_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX label_templates_change ON label_templates (change_xid, id);
CREATE TRIGGER label_templates_change BEFORE UPDATE ON label_templates FOR EACH ROW EXECUTE FUNCTION touch_change_xid();
