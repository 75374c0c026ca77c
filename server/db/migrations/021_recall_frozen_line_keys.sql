-- A frozen shipment line is copied from the line it names, in the same statement that joins that
-- line, for the case the opening has locked: both keys it kept are true by construction. Checking
-- them row by row cost a hub recall (100,000 lines) about a second of its opening, inside the
-- transaction that holds every lot. What the keys guarded is guarded instead where it can break:
-- shipments, their lines and recall cases are never deleted, and the lines never change.
ALTER TABLE recall_case_shipment_lines
  DROP CONSTRAINT recall_case_shipment_lines_case_id_fkey,
  DROP CONSTRAINT recall_case_shipment_lines_shipment_line_id_fkey;

CREATE TRIGGER shipment_lines_append_only BEFORE UPDATE OR DELETE ON shipment_lines FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER shipments_kept BEFORE DELETE ON shipments FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER recall_cases_kept BEFORE DELETE ON recall_cases FOR EACH ROW EXECUTE FUNCTION refuse_change();
