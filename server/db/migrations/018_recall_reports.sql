-- Recall reports, deadline clocks and mock-recall drills.

-- Who the reports name as manufacturer: one row per plant. The FDA registration number (or FEI)
-- starts every 21 CFR 806.10 report number; the SRN is the EU actor registration number.
CREATE TABLE recall_manufacturer (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  name text NOT NULL,
  name_zh text,
  address text NOT NULL DEFAULT '',
  contact text NOT NULL DEFAULT '',
  fda_registration text CHECK (fda_registration ~ '^[0-9]{7,10}$'),
  nmpa_registration text,
  eu_srn text,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The plant's corrections to the regulators' working-day calendars: a closure announced at short
-- notice, or next year's State Council notice before a release carries it (domain/recall/holidays.ts).
CREATE TABLE recall_calendar_days (
  calendar text NOT NULL CHECK (calendar IN ('US','CN')),
  day date NOT NULL,
  working boolean NOT NULL,
  note text NOT NULL DEFAULT '',
  PRIMARY KEY (calendar, day)
);
-- A year whose holidays the plant entered in full, so its calendar answers for that year.
CREATE TABLE recall_calendar_years (
  calendar text NOT NULL CHECK (calendar IN ('US','CN')),
  year integer NOT NULL CHECK (year BETWEEN 1986 AND 9998),
  PRIMARY KEY (calendar, year)
);

-- How many working days before a deadline the owner is warned.
CREATE TABLE recall_settings (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  alert_lead_days integer NOT NULL DEFAULT 1 CHECK (alert_lead_days BETWEEN 0 AND 30)
);
INSERT INTO recall_settings (id) VALUES (true);

-- What was done on a case that a regulator's clock waits for: a report generated, the letters
-- sent, a report submitted. The first event for a deadline is the day it was met.
CREATE TABLE recall_case_events (
  id bigserial PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES recall_cases(id),
  kind text NOT NULL CHECK (kind IN ('report_generated','letters_sent','report_submitted')),
  -- The deadline (domain/recall/clock.ts DeadlineKind) the event meets, if any.
  deadline text CHECK (deadline IN ('fda_correction_report','nmpa_event_report','nmpa_notice','nmpa_assessment_and_plan','nmpa_summary_report','eu_fsca_report','eu_incident_report')),
  detail jsonb NOT NULL DEFAULT '{}',
  happened_on date NOT NULL,
  recorded_by uuid REFERENCES users(id),
  recorder_name text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX recall_case_events_case ON recall_case_events (case_id, deadline, id);
CREATE TRIGGER recall_case_events_append_only BEFORE UPDATE OR DELETE ON recall_case_events FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- Alerts raised by the deadline job, once per case, deadline, due day and kind: a run every few
-- minutes on several instances raises nothing twice.
CREATE TABLE recall_deadline_alerts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES recall_cases(id),
  deadline text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('due_soon','overdue')),
  due_on date NOT NULL,
  raised_at timestamptz NOT NULL DEFAULT now(),
  acknowledged_by uuid REFERENCES users(id),
  acknowledged_at timestamptz,
  UNIQUE (case_id, deadline, kind, due_on)
);
CREATE INDEX recall_deadline_alerts_open ON recall_deadline_alerts (acknowledged_at, raised_at);

-- A mock recall's stopwatch, stamped by the server as each part of the answer is ready, and what
-- it found: the share of the quantity brought in that the books account for.
CREATE TABLE recall_drills (
  case_id uuid PRIMARY KEY REFERENCES recall_cases(id),
  started_at timestamptz NOT NULL,
  scope_ready_at timestamptz NOT NULL,
  consignees_ready_at timestamptz NOT NULL,
  balance_ready_at timestamptz NOT NULL,
  lots integer NOT NULL,
  consignees integer NOT NULL,
  shipment_lines integer NOT NULL,
  brought_in numeric(18,3) NOT NULL,
  accounted numeric(18,3) NOT NULL,
  percent numeric(7,2),
  passed boolean NOT NULL,
  started_by uuid NOT NULL REFERENCES users(id),
  starter_name text NOT NULL,
  CHECK (started_at <= scope_ready_at AND scope_ready_at <= consignees_ready_at AND consignees_ready_at <= balance_ready_at)
);
CREATE INDEX recall_drills_started ON recall_drills (started_at DESC);
CREATE TRIGGER recall_drills_append_only BEFORE UPDATE OR DELETE ON recall_drills FOR EACH ROW EXECUTE FUNCTION refuse_change();
