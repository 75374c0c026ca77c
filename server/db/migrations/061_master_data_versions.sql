-- Every change to master data (items, locations, number rules, customers, suppliers, packaging
-- specs) is kept as a version with who, when and why. Triggers write the history, so no writer
-- (integration, import, console, seed, a hand-typed UPDATE) can change a record without one. The
-- writer says who and why in transaction-local settings (lotline.actor, lotline.reason); a change
-- that says nothing is still kept, under the database user and a reason that says so.

CREATE TABLE master_data_versions (
  kind text NOT NULL CHECK (kind IN ('items','locations','number_rules','customers','suppliers','packaging_specs')),
  record_id uuid NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  -- The whole row after the change (before it, for a deletion), bookkeeping columns included.
  data jsonb NOT NULL,
  change text NOT NULL CHECK (change IN ('created','updated','deleted','backfilled')),
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  -- A user where one made the change; an integration or the seed has none, and is named instead.
  changed_by uuid REFERENCES users(id),
  changed_by_name text NOT NULL CHECK (length(changed_by_name) BETWEEN 1 AND 200),
  changed_at timestamptz NOT NULL DEFAULT now(),
  -- Set when this version writes an earlier one's content again.
  restored_from integer,
  -- Whether a field regulators hold the manufacturer to changed against the version before.
  regulated boolean NOT NULL,
  -- The QC electronic signature (21 CFR 11.50) that approved the change, where one was asked.
  signature jsonb,
  PRIMARY KEY (kind, record_id, version),
  FOREIGN KEY (kind, record_id, restored_from) REFERENCES master_data_versions(kind, record_id, version)
);
CREATE INDEX master_data_versions_at ON master_data_versions (changed_at);

CREATE TRIGGER master_data_versions_kept BEFORE UPDATE OR DELETE ON master_data_versions FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER master_data_versions_no_truncate BEFORE TRUNCATE ON master_data_versions FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- The regulated fields per kind, as domain/masterdata/kinds.ts lists them (a test holds the two
-- equal): the trigger needs them to mark a version regulated whoever wrote it.
CREATE TABLE master_data_regulated_fields (
  kind text NOT NULL,
  field text NOT NULL,
  PRIMARY KEY (kind, field)
);
INSERT INTO master_data_regulated_fields (kind, field) VALUES
  ('items', 'gtin'), ('items', 'udi_di'), ('items', 'udi_attributes'), ('items', 'serialized'),
  ('items', 'shelf_life_days'), ('items', 'lot_rule_id'), ('items', 'serial_rule_id'),
  ('locations', 'code'), ('locations', 'kind'),
  ('number_rules', 'kind'), ('number_rules', 'pattern'), ('number_rules', 'reset'),
  ('number_rules', 'site_code'), ('number_rules', 'line_code'), ('number_rules', 'check_char'),
  ('packaging_specs', 'level'), ('packaging_specs', 'child_levels'), ('packaging_specs', 'capacity'),
  ('packaging_specs', 'mix');
CREATE TRIGGER master_data_regulated_fields_kept BEFORE UPDATE OR DELETE ON master_data_regulated_fields FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- Columns that move on every write and say nothing about the record itself.
CREATE FUNCTION master_data_content(row_data jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT row_data - ARRAY['id', 'version', 'updated_at', 'created_at', 'change_xid']
$$;

CREATE FUNCTION master_data_setting(name text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting(name, true), '')
$$;

-- Statement-level, over transition tables: an import of thousands of items costs one insert
-- into the history, not thousands of trigger calls.
CREATE FUNCTION record_master_data_versions() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  kind_name text := TG_ARGV[0];
  actor_id uuid := master_data_setting('lotline.actor')::uuid;
  actor_name text := coalesce(master_data_setting('lotline.actor_name'), 'database user ' || current_user);
  why text := coalesce(master_data_setting('lotline.reason'), 'changed without a stated reason');
  restored integer := master_data_setting('lotline.restored_from')::integer;
  signed jsonb := master_data_setting('lotline.signature')::jsonb;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO master_data_versions (kind, record_id, version, data, change, reason, changed_by, changed_by_name, regulated)
    SELECT kind_name, n.id, coalesce((SELECT max(v.version) FROM master_data_versions v WHERE v.kind = kind_name AND v.record_id = n.id), 0) + 1,
           to_jsonb(n) - 'change_xid', 'created', why, actor_id, actor_name,
           EXISTS (SELECT 1 FROM master_data_regulated_fields f WHERE f.kind = kind_name)
      FROM new_rows n;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO master_data_versions (kind, record_id, version, data, change, reason, changed_by, changed_by_name, restored_from, regulated, signature)
    SELECT kind_name, n.id, coalesce((SELECT max(v.version) FROM master_data_versions v WHERE v.kind = kind_name AND v.record_id = n.id), 0) + 1,
           to_jsonb(n) - 'change_xid', 'updated', why, actor_id, actor_name, restored,
           EXISTS (SELECT 1 FROM master_data_regulated_fields f WHERE f.kind = kind_name AND (to_jsonb(o) -> f.field) IS DISTINCT FROM (to_jsonb(n) -> f.field)),
           signed
      FROM new_rows n JOIN old_rows o ON o.id = n.id
     -- A write that only moved bookkeeping (a version bump, a touch) is no new version.
     WHERE master_data_content(to_jsonb(o)) IS DISTINCT FROM master_data_content(to_jsonb(n));
  ELSE
    INSERT INTO master_data_versions (kind, record_id, version, data, change, reason, changed_by, changed_by_name, regulated)
    SELECT kind_name, o.id, coalesce((SELECT max(v.version) FROM master_data_versions v WHERE v.kind = kind_name AND v.record_id = o.id), 0) + 1,
           to_jsonb(o) - 'change_xid', 'deleted', why, actor_id, actor_name,
           EXISTS (SELECT 1 FROM master_data_regulated_fields f WHERE f.kind = kind_name)
      FROM old_rows o;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER items_versions_insert AFTER INSERT ON items REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_master_data_versions('items');
CREATE TRIGGER items_versions_update AFTER UPDATE ON items REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_master_data_versions('items');
CREATE TRIGGER items_versions_delete AFTER DELETE ON items REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION record_master_data_versions('items');
CREATE TRIGGER locations_versions_insert AFTER INSERT ON locations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_master_data_versions('locations');
CREATE TRIGGER locations_versions_update AFTER UPDATE ON locations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_master_data_versions('locations');
CREATE TRIGGER locations_versions_delete AFTER DELETE ON locations REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION record_master_data_versions('locations');
CREATE TRIGGER number_rules_versions_insert AFTER INSERT ON number_rules REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_master_data_versions('number_rules');
CREATE TRIGGER number_rules_versions_update AFTER UPDATE ON number_rules REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_master_data_versions('number_rules');
CREATE TRIGGER number_rules_versions_delete AFTER DELETE ON number_rules REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION record_master_data_versions('number_rules');
CREATE TRIGGER customers_versions_insert AFTER INSERT ON customers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_master_data_versions('customers');
CREATE TRIGGER customers_versions_update AFTER UPDATE ON customers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_master_data_versions('customers');
CREATE TRIGGER customers_versions_delete AFTER DELETE ON customers REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION record_master_data_versions('customers');
CREATE TRIGGER suppliers_versions_insert AFTER INSERT ON suppliers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_master_data_versions('suppliers');
CREATE TRIGGER suppliers_versions_update AFTER UPDATE ON suppliers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_master_data_versions('suppliers');
CREATE TRIGGER suppliers_versions_delete AFTER DELETE ON suppliers REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION record_master_data_versions('suppliers');
CREATE TRIGGER packaging_specs_versions_insert AFTER INSERT ON packaging_specs REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_master_data_versions('packaging_specs');
CREATE TRIGGER packaging_specs_versions_update AFTER UPDATE ON packaging_specs REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_master_data_versions('packaging_specs');
CREATE TRIGGER packaging_specs_versions_delete AFTER DELETE ON packaging_specs REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION record_master_data_versions('packaging_specs');

-- Records that exist before history was kept start it as version 1, as they are now.
INSERT INTO master_data_versions (kind, record_id, version, data, change, reason, changed_by_name, regulated)
SELECT kind, id, 1, data, 'backfilled', 'state when version history began', 'migration 061', EXISTS (SELECT 1 FROM master_data_regulated_fields f WHERE f.kind = rows.kind)
  FROM (SELECT 'items' AS kind, t.id, to_jsonb(t) - 'change_xid' AS data FROM items t
        UNION ALL SELECT 'locations', t.id, to_jsonb(t) - 'change_xid' FROM locations t
        UNION ALL SELECT 'number_rules', t.id, to_jsonb(t) FROM number_rules t
        UNION ALL SELECT 'customers', t.id, to_jsonb(t) FROM customers t
        UNION ALL SELECT 'suppliers', t.id, to_jsonb(t) FROM suppliers t
        UNION ALL SELECT 'packaging_specs', t.id, to_jsonb(t) FROM packaging_specs t) AS rows;
