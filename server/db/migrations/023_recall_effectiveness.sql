-- Effectiveness checks of a recall (21 CFR 7.42(b)(3)): which consignees are checked, drawn once
-- from a seed so an auditor can redo the draw; what each check found; and every attempt to reach
-- a consignee who has not answered, step by step. All of it is evidence: never rewritten.

-- The draw, made once per case. Asking again returns it; the level and share are the case's.
CREATE TABLE recall_effectiveness_draws (
  case_id uuid PRIMARY KEY REFERENCES recall_cases(id),
  level text NOT NULL CHECK (level IN ('A','B','C','D','E')),
  percent smallint NOT NULL CHECK (percent BETWEEN 0 AND 100),
  seed text NOT NULL CHECK (length(seed) BETWEEN 1 AND 200),
  -- How many consignees the draw was made from, and how many it had to take.
  consignees integer NOT NULL CHECK (consignees >= 0),
  required integer NOT NULL CHECK (required >= 0 AND required <= consignees),
  drawn_by uuid NOT NULL REFERENCES users(id),
  drawer_name text NOT NULL,
  drawn_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE recall_effectiveness_selected (
  case_id uuid NOT NULL REFERENCES recall_effectiveness_draws(case_id),
  customer_id uuid NOT NULL REFERENCES customers(id),
  PRIMARY KEY (case_id, customer_id)
);

-- What a checker found at one selected consignee; a later check of the same consignee adds to the record.
CREATE TABLE recall_effectiveness_checks (
  id bigserial PRIMARY KEY,
  case_id uuid NOT NULL,
  customer_id uuid NOT NULL,
  method text NOT NULL CHECK (method IN ('phone','email','letter','visit')),
  reached boolean NOT NULL,
  -- Unknown when the consignee was not reached.
  received_notice boolean,
  followed_instructions boolean,
  on_hand numeric(18,3) CHECK (on_hand >= 0),
  CHECK (reached OR (received_notice IS NULL AND followed_instructions IS NULL AND on_hand IS NULL)),
  note text NOT NULL DEFAULT '',
  checked_by uuid NOT NULL REFERENCES users(id),
  checker_name text NOT NULL,
  checked_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (case_id, customer_id) REFERENCES recall_effectiveness_selected(case_id, customer_id)
);
CREATE INDEX recall_effectiveness_checks_case ON recall_effectiveness_checks (case_id, customer_id, id);

-- An attempt to reach a selected consignee, at a step of the ladder. `contacted_at` is when it
-- happened (a registered letter posted yesterday); `recorded_at` when it was written down.
CREATE TABLE recall_contact_attempts (
  id bigserial PRIMARY KEY,
  case_id uuid NOT NULL,
  customer_id uuid NOT NULL,
  step text NOT NULL CHECK (step IN ('letter','repeat_contact','registered_letter','visit')),
  method text NOT NULL CHECK (method IN ('phone','email','letter','registered_letter','visit')),
  note text NOT NULL DEFAULT '',
  contacted_at timestamptz NOT NULL,
  recorded_by uuid NOT NULL REFERENCES users(id),
  recorder_name text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (case_id, customer_id) REFERENCES recall_effectiveness_selected(case_id, customer_id)
);
CREATE INDEX recall_contact_attempts_case ON recall_contact_attempts (case_id, customer_id, id);

CREATE TRIGGER recall_effectiveness_draws_append_only BEFORE UPDATE OR DELETE ON recall_effectiveness_draws FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER recall_effectiveness_selected_append_only BEFORE UPDATE OR DELETE ON recall_effectiveness_selected FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER recall_effectiveness_checks_append_only BEFORE UPDATE OR DELETE ON recall_effectiveness_checks FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER recall_contact_attempts_append_only BEFORE UPDATE OR DELETE ON recall_contact_attempts FOR EACH ROW EXECUTE FUNCTION refuse_change();
