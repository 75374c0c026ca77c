-- The rest of a case's frozen scope goes the way of its shipment lines (021): each row is copied,
-- in the opening's transaction, from the lot, stock, link or hold it names, for the case that
-- transaction has locked. Checked row by row, their keys cost a hub recall (20,000 lots, their
-- stock and links) over two seconds of the opening while every lot of the scope is locked. The
-- rows they name are kept instead: lots, locations and customers are never deleted.
ALTER TABLE recall_case_lots
  DROP CONSTRAINT recall_case_lots_case_id_fkey,
  DROP CONSTRAINT recall_case_lots_lot_id_fkey;
ALTER TABLE recall_case_stock
  DROP CONSTRAINT recall_case_stock_case_id_fkey,
  DROP CONSTRAINT recall_case_stock_lot_id_fkey,
  DROP CONSTRAINT recall_case_stock_location_id_fkey;
ALTER TABLE recall_case_links
  DROP CONSTRAINT recall_case_links_case_id_fkey,
  DROP CONSTRAINT recall_case_links_parent_lot_id_fkey,
  DROP CONSTRAINT recall_case_links_child_lot_id_fkey;
ALTER TABLE recall_holds
  DROP CONSTRAINT recall_holds_lot_id_fkey,
  DROP CONSTRAINT recall_holds_case_id_fkey;

CREATE TRIGGER lots_kept BEFORE DELETE ON lots FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER locations_kept BEFORE DELETE ON locations FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER customers_kept BEFORE DELETE ON customers FOR EACH ROW EXECUTE FUNCTION refuse_change();
