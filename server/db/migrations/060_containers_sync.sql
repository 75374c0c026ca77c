-- Containers replicate to handhelds, which pack offline against what they last knew. A container
-- travels with its direct contents; every pack or unpack updates its version and every ship its
-- shipped_at, so the trigger below moves it up the change order whenever what it holds changes.
-- Its SSCC stays the key everywhere else: the uuid is for the pull's (change_xid, id) order.

ALTER TABLE containers ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE containers ADD CONSTRAINT containers_id_key UNIQUE (id);
ALTER TABLE containers ADD COLUMN change_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
ALTER TABLE containers ADD COLUMN deleted boolean NOT NULL DEFAULT false;
CREATE INDEX containers_change ON containers (change_xid, id);
CREATE TRIGGER containers_change BEFORE UPDATE ON containers FOR EACH ROW EXECUTE FUNCTION touch_change_xid();
