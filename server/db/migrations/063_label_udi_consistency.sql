-- A label template agrees with its items' UDI device records (server/printing/udi-check.ts).

-- Which items a template prints for, by the template's name so every version of it answers to
-- the same items: approving a version is checked against each one's current DI record. Kept
-- beside the template, not inside its definition, so adding an item needs no new version and
-- no second signature, and a diff of two versions shows only what the label draws.
CREATE TABLE label_template_items (
  template_name text NOT NULL CHECK (template_name ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
  item_id uuid NOT NULL REFERENCES items(id),
  assigned_by uuid REFERENCES users(id),
  assigned_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (template_name, item_id)
);
CREATE INDEX label_template_items_item ON label_template_items (item_id);

-- One row: the jurisdictions whose "DI data published before sale" rule this plant is held
-- to. A UDI record names no markets of its own, so the plant says which rules apply; all three
-- by default, since NMPA, EUDAMED and GUDID each want the data before the device is sold.
CREATE TABLE udi_label_settings (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  publish_before_sale text[] NOT NULL DEFAULT ARRAY['GUDID', 'EUDAMED', 'NMPA'] CHECK (publish_before_sale <@ ARRAY['GUDID', 'EUDAMED', 'NMPA']),
  updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO udi_label_settings DEFAULT VALUES;
