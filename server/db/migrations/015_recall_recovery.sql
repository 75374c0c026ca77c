-- Recovery of a recall: returns matched to the case, what each consignee answered, what QA did
-- with the returned stock, and the signed explanations of the gaps left at closure. All of it is
-- evidence, so none of it is ever rewritten: a later answer or explanation supersedes an earlier one.

-- A return op of a lot an open case holds, or one that named a case. Those that do not fit the
-- case's frozen scope (another lot, a consignee it never shipped to, a case not recovering) are
-- kept with the flag that says why, for the case owner, never dropped.
CREATE TABLE recall_returns (
  id bigserial PRIMARY KEY,
  -- Null only when the op named a case the plant does not have.
  case_id uuid REFERENCES recall_cases(id),
  named_case text,
  op_id uuid NOT NULL UNIQUE,
  lot_id uuid NOT NULL REFERENCES lots(id),
  customer_id uuid REFERENCES customers(id),
  customer_code text NOT NULL,
  qty numeric(18,3) NOT NULL CHECK (qty > 0),
  to_location_id uuid NOT NULL REFERENCES locations(id),
  in_scope boolean NOT NULL,
  flag text CHECK (flag IN ('lot_not_in_scope','consignee_not_in_scope','unknown_consignee','case_not_recovering','unknown_case')),
  CHECK (in_scope = (flag IS NULL)),
  returned_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX recall_returns_case ON recall_returns (case_id, customer_id);

-- What a consignee reported, each answer whole: the latest per consignee is the one that counts.
CREATE TABLE recall_consignee_replies (
  id bigserial PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES recall_cases(id),
  customer_id uuid NOT NULL REFERENCES customers(id),
  on_hand numeric(18,3) NOT NULL CHECK (on_hand >= 0),
  returned numeric(18,3) NOT NULL CHECK (returned >= 0),
  destroyed numeric(18,3) NOT NULL CHECK (destroyed >= 0),
  corrected numeric(18,3) NOT NULL CHECK (corrected >= 0),
  lost numeric(18,3) NOT NULL CHECK (lost >= 0),
  -- Passed on to sub-consignees: [{ "name": ..., "qty": ... }].
  sub_distributed jsonb NOT NULL DEFAULT '[]',
  note text NOT NULL DEFAULT '',
  -- 'qa' when recorded in the console; the public reply form will record 'code'.
  channel text NOT NULL CHECK (channel IN ('qa','code')),
  recorded_by uuid REFERENCES users(id),
  recorder_name text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX recall_consignee_replies_case ON recall_consignee_replies (case_id, customer_id, id);

-- What QA did with returned recalled stock, signed and witnessed by a second person.
CREATE TABLE recall_dispositions (
  id bigserial PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES recall_cases(id),
  lot_id uuid NOT NULL REFERENCES lots(id),
  action text NOT NULL CHECK (action IN ('destroy','rework','relabel','return_to_supplier')),
  qty numeric(18,3) NOT NULL CHECK (qty > 0),
  note text NOT NULL DEFAULT '',
  meaning text NOT NULL,
  signed_by uuid NOT NULL REFERENCES users(id),
  signer_name text NOT NULL,
  signed_at timestamptz NOT NULL,
  witness_id uuid NOT NULL REFERENCES users(id),
  witness_name text NOT NULL,
  witnessed_at timestamptz NOT NULL,
  CHECK (witness_id <> signed_by)
);
CREATE INDEX recall_dispositions_case ON recall_dispositions (case_id, lot_id);

-- Why a consignee's figures do not add up, signed; it explains the gap it names, so a gap that
-- moves afterwards needs a new explanation.
CREATE TABLE recall_gap_explanations (
  id bigserial PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES recall_cases(id),
  customer_id uuid NOT NULL REFERENCES customers(id),
  gap numeric(18,3) NOT NULL,
  explanation text NOT NULL,
  meaning text NOT NULL,
  signed_by uuid NOT NULL REFERENCES users(id),
  signer_name text NOT NULL,
  signed_at timestamptz NOT NULL
);
CREATE INDEX recall_gap_explanations_case ON recall_gap_explanations (case_id, customer_id, id);

CREATE TRIGGER recall_returns_append_only BEFORE UPDATE OR DELETE ON recall_returns FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER recall_consignee_replies_append_only BEFORE UPDATE OR DELETE ON recall_consignee_replies FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER recall_dispositions_append_only BEFORE UPDATE OR DELETE ON recall_dispositions FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER recall_gap_explanations_append_only BEFORE UPDATE OR DELETE ON recall_gap_explanations FOR EACH ROW EXECUTE FUNCTION refuse_change();
