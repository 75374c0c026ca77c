-- Consignee letters of a recall and the one-time code each consignee answers with. The code is
-- kept only as its SHA-256: whoever reads the database cannot answer for a consignee. The server
-- derives the code again from its own key when a letter is printed, so every letter to one
-- consignee of one case (any jurisdiction, any language, any reprint) carries the same code.

CREATE TABLE recall_reply_codes (
  id bigserial PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES recall_cases(id),
  customer_id uuid NOT NULL REFERENCES customers(id),
  code_hash text NOT NULL UNIQUE CHECK (code_hash ~ '^[0-9a-f]{64}$'),
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Set once, with the reply it recorded; a used code never answers again.
  used_at timestamptz,
  reply_id bigint REFERENCES recall_consignee_replies(id),
  CHECK ((used_at IS NULL) = (reply_id IS NULL)),
  UNIQUE (case_id, customer_id)
);

-- Only the first use may change a code row, and nothing may remove one.
CREATE FUNCTION recall_reply_code_used_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'recall reply codes are never deleted'; END IF;
  IF OLD.used_at IS NOT NULL OR NEW.case_id <> OLD.case_id OR NEW.customer_id <> OLD.customer_id OR NEW.code_hash <> OLD.code_hash
     OR NEW.created_by <> OLD.created_by OR NEW.created_at <> OLD.created_at THEN
    RAISE EXCEPTION 'a recall reply code is only ever marked used, once';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER recall_reply_codes_used_once BEFORE UPDATE OR DELETE ON recall_reply_codes FOR EACH ROW EXECUTE FUNCTION recall_reply_code_used_once();

-- Every letter printed: to whom, for which jurisdiction, in which language and form, by whom.
CREATE TABLE recall_letters (
  id bigserial PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES recall_cases(id),
  customer_id uuid NOT NULL REFERENCES customers(id),
  jurisdiction text NOT NULL CHECK (jurisdiction IN ('US','CN','EU')),
  lang text NOT NULL CHECK (lang IN ('en','zh-CN')),
  format text NOT NULL CHECK (format IN ('pdf','html')),
  issued_by uuid NOT NULL REFERENCES users(id),
  issuer_name text NOT NULL,
  issued_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX recall_letters_case ON recall_letters (case_id, customer_id, id);
CREATE TRIGGER recall_letters_append_only BEFORE UPDATE OR DELETE ON recall_letters FOR EACH ROW EXECUTE FUNCTION refuse_change();
