-- Opening a recall breaks what pick lists counted of the lots it holds: goods picked and still
-- staged for the customer must not leave through a list made before the hold. Each break is kept
-- (append-only, once per list, case and lot) and the list shows its reason until it is done.
CREATE TABLE pick_list_breaks (
  id bigserial PRIMARY KEY,
  pick_list_id uuid NOT NULL REFERENCES pick_lists(id),
  case_id uuid NOT NULL REFERENCES recall_cases(id),
  gtin text NOT NULL,
  lot_id uuid NOT NULL REFERENCES lots(id),
  qty numeric(18,3) NOT NULL CHECK (qty > 0),
  at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (pick_list_id, case_id, lot_id)
);
CREATE INDEX pick_list_breaks_case ON pick_list_breaks (case_id);
CREATE TRIGGER pick_list_breaks_append_only BEFORE UPDATE OR DELETE ON pick_list_breaks FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- What the picker and the supervisor read on the list: which recall took which picked lot off it.
ALTER TABLE pick_lists ADD COLUMN recall_breaks jsonb NOT NULL DEFAULT '[]';
