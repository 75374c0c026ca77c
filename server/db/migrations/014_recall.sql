-- Recall cases: the terms of a recall, the scope frozen when it opened, the lots it holds and
-- every signed step of its lifecycle.

CREATE TABLE recall_cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number text NOT NULL UNIQUE,
  drill boolean NOT NULL DEFAULT false,
  state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft','open','recovering','closed','cancelled')),
  reason text NOT NULL,
  health_hazard text NOT NULL DEFAULT '',
  -- Class per jurisdiction: FDA I/II/III, NMPA 一/二/三级 as 1/2/3, and whether the EU action is an FSCA.
  class_fda text CHECK (class_fda IN ('I','II','III')),
  class_nmpa smallint CHECK (class_nmpa BETWEEN 1 AND 3),
  eu_fsca boolean NOT NULL DEFAULT false,
  jurisdictions text[] NOT NULL DEFAULT '{}' CHECK (jurisdictions <@ ARRAY['US','CN','EU']::text[]),
  depth text CHECK (depth IN ('wholesale','retail','user')),
  strategy text NOT NULL DEFAULT '',
  effectiveness_level text CHECK (effectiveness_level IN ('A','B','C','D','E')),
  -- Level B's share of consignees; the other levels have theirs fixed.
  effectiveness_percent smallint CHECK (effectiveness_percent IS NULL OR (effectiveness_level = 'B' AND effectiveness_percent BETWEEN 11 AND 99)),
  owner_id uuid NOT NULL REFERENCES users(id),
  -- What the scope was asked from: a lot, a serial, a supplier lot or a component lot.
  scope_input jsonb NOT NULL,
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  opened_at timestamptz,
  closed_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  change_xid xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX recall_cases_state ON recall_cases (state, created_at);
CREATE INDEX recall_cases_change ON recall_cases (change_xid, id);
CREATE TRIGGER recall_cases_change BEFORE UPDATE ON recall_cases FOR EACH ROW EXECUTE FUNCTION touch_change_xid();

-- Every change of state, signed: the signer, the meaning and the reason (21 CFR 11.50).
CREATE TABLE recall_case_transitions (
  id bigserial PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES recall_cases(id),
  from_state text NOT NULL,
  to_state text NOT NULL,
  meaning text NOT NULL,
  reason text NOT NULL,
  signed_by uuid NOT NULL REFERENCES users(id),
  signer_name text NOT NULL,
  signed_at timestamptz NOT NULL
);
CREATE INDEX recall_case_transitions_case ON recall_case_transitions (case_id, id);
CREATE TRIGGER recall_case_transitions_append_only
  BEFORE UPDATE OR DELETE ON recall_case_transitions
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- The scope as it stood when the case opened, per lot, with its mass balance. Never rewritten:
-- later changes are shown against it.
CREATE TABLE recall_case_lots (
  case_id uuid NOT NULL REFERENCES recall_cases(id),
  lot_id uuid NOT NULL REFERENCES lots(id),
  -- Genealogy hops from the lot the scope started at (0 for the input itself).
  depth integer NOT NULL CHECK (depth >= 0),
  status_before text NOT NULL,
  hold text NOT NULL CHECK (hold IN ('recall','already_recalled','disposed','drill')),
  brought_in numeric(18,3) NOT NULL,
  in_stock numeric(18,3) NOT NULL,
  scrapped numeric(18,3) NOT NULL,
  shipped_out numeric(18,3) NOT NULL,
  consumed numeric(18,3) NOT NULL,
  corrected numeric(18,3) NOT NULL,
  unaccounted numeric(18,3) NOT NULL,
  PRIMARY KEY (case_id, lot_id)
);
CREATE INDEX recall_case_lots_lot ON recall_case_lots (lot_id);

CREATE TABLE recall_case_stock (
  case_id uuid NOT NULL REFERENCES recall_cases(id),
  lot_id uuid NOT NULL REFERENCES lots(id),
  location_id uuid NOT NULL REFERENCES locations(id),
  qty numeric(18,3) NOT NULL,
  PRIMARY KEY (case_id, lot_id, location_id)
);

CREATE TABLE recall_case_shipment_lines (
  case_id uuid NOT NULL REFERENCES recall_cases(id),
  shipment_line_id bigint NOT NULL REFERENCES shipment_lines(id),
  shipment_id uuid NOT NULL REFERENCES shipments(id),
  customer_id uuid NOT NULL REFERENCES customers(id),
  lot_id uuid NOT NULL REFERENCES lots(id),
  serial text,
  qty numeric(18,3) NOT NULL,
  PRIMARY KEY (case_id, shipment_line_id)
);
CREATE INDEX recall_case_shipment_lines_customer ON recall_case_shipment_lines (case_id, customer_id);

-- Each consignee once per case: what it was sent of the scope, what came back before the case
-- opened, and what is still out there. Letters, answers and effectiveness checks hang off it.
CREATE TABLE recall_case_consignees (
  case_id uuid NOT NULL REFERENCES recall_cases(id),
  customer_id uuid NOT NULL REFERENCES customers(id),
  lines integer NOT NULL,
  shipped numeric(18,3) NOT NULL,
  returned numeric(18,3) NOT NULL,
  outstanding numeric(18,3) NOT NULL,
  PRIMARY KEY (case_id, customer_id)
);

-- Quantity of a lot in scope consumed into another lot, as the genealogy said at opening.
CREATE TABLE recall_case_links (
  case_id uuid NOT NULL REFERENCES recall_cases(id),
  parent_lot_id uuid NOT NULL REFERENCES lots(id),
  child_lot_id uuid NOT NULL REFERENCES lots(id),
  qty numeric(18,3) NOT NULL,
  PRIMARY KEY (case_id, parent_lot_id, child_lot_id)
);

CREATE TRIGGER recall_case_lots_append_only BEFORE UPDATE OR DELETE ON recall_case_lots FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER recall_case_stock_append_only BEFORE UPDATE OR DELETE ON recall_case_stock FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER recall_case_shipment_lines_append_only BEFORE UPDATE OR DELETE ON recall_case_shipment_lines FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER recall_case_consignees_append_only BEFORE UPDATE OR DELETE ON recall_case_consignees FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER recall_case_links_append_only BEFORE UPDATE OR DELETE ON recall_case_links FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- Which case holds a lot now. The key makes a lot belong to one open case at a time, even when
-- two cases open at once; the row goes when its case closes. Drills hold nothing.
CREATE TABLE recall_holds (
  lot_id uuid PRIMARY KEY REFERENCES lots(id),
  case_id uuid NOT NULL REFERENCES recall_cases(id),
  held_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX recall_holds_case ON recall_holds (case_id);

-- Supplier lots are a scope input: found without reading every lot.
CREATE INDEX lots_supplier_lot ON lots (supplier_lot) WHERE supplier_lot IS NOT NULL;

INSERT INTO number_rules (name, kind, pattern, reset) VALUES
  ('recall-default', 'document', 'RC{YYYY}{SEQ:4}', 'year'),
  ('recall-drill-default', 'document', 'MR{YYYY}{SEQ:4}', 'year');
