-- A lot status change moved the dashboard's figures by re-reading every touched lot through the
-- stock view twice (once as it is, once as it was): a recall holding 20,000 lots spent seconds of
-- its opening there. The lots' columns now come from the trigger's transition tables and each lot's
-- stock is read once, through an index of the balances that hold anything.
CREATE INDEX stock_balances_stocked_lot ON stock_balances (lot_id) WHERE qty <> 0;

CREATE OR REPLACE FUNCTION stock_figures_track() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  now_rows text := 's.qty, s.warehouse_code, s.location_id, s.status, s.expires_on, s.aged_on, s.moved_on, s.since_on, s.cost';
  source text;
BEGIN
  IF TG_TABLE_NAME = 'stock_balances' AND TG_OP = 'INSERT' THEN
    source := format('SELECT 1, %s FROM stock_figure_sources s JOIN new_rows n USING (lot_id, location_id)', now_rows);
  ELSIF TG_TABLE_NAME = 'stock_balances' THEN
    source := format(
      'SELECT 1, %s FROM stock_figure_sources s JOIN new_rows n USING (lot_id, location_id)
       UNION ALL
       SELECT -1, o.qty, s.warehouse_code, s.location_id, s.status, s.expires_on, s.aged_on, o.updated_at::date, s.since_on, s.cost
         FROM stock_figure_sources s JOIN old_rows o USING (lot_id, location_id)', now_rows);
  ELSIF TG_TABLE_NAME = 'lots' THEN
    -- The lot's own columns come from the transition tables, and each touched lot's stock is read
    -- once, through the index of stocked balances: a lot that holds nothing costs one probe.
    source := 'WITH touched AS (
         SELECT n.id, n.item_id, n.status, n.expires_on, lot_aged_on(n.origin, n.manufactured_on, n.created_at) AS aged_on, n.status_since::date AS since_on,
                o.item_id AS was_item_id, o.status AS was_status, o.expires_on AS was_expires_on,
                lot_aged_on(o.origin, o.manufactured_on, o.created_at) AS was_aged_on, o.status_since::date AS was_since_on
           FROM old_rows o JOIN new_rows n ON n.id = o.id
          WHERE (o.status, o.expires_on, o.manufactured_on, o.created_at, o.origin, o.status_since, o.item_id)
                IS DISTINCT FROM (n.status, n.expires_on, n.manufactured_on, n.created_at, n.origin, n.status_since, n.item_id)
       ), stocked AS MATERIALIZED (
         SELECT t.*, b.qty, b.location_id, b.updated_at::date AS moved_on, loc.warehouse_code
           FROM touched t JOIN stock_balances b ON b.lot_id = t.id AND b.qty <> 0 JOIN locations loc ON loc.id = b.location_id
       )
       SELECT 1, s.qty, s.warehouse_code, s.location_id, s.status, s.expires_on, s.aged_on, s.moved_on, s.since_on, i.standard_cost
         FROM stocked s JOIN items i ON i.id = s.item_id
       UNION ALL
       SELECT -1, s.qty, s.warehouse_code, s.location_id, s.was_status, s.was_expires_on, s.was_aged_on, s.moved_on, s.was_since_on, i.standard_cost
         FROM stocked s JOIN items i ON i.id = s.was_item_id';
  ELSIF TG_TABLE_NAME = 'items' THEN
    source := format(
      'WITH touched AS (SELECT o.* FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.standard_cost IS DISTINCT FROM n.standard_cost)
       SELECT 1, %s FROM stock_figure_sources s WHERE s.item_id IN (SELECT id FROM touched)
       UNION ALL
       SELECT -1, s.qty, s.warehouse_code, s.location_id, s.status, s.expires_on, s.aged_on, s.moved_on, s.since_on, o.standard_cost
         FROM stock_figure_sources s JOIN touched o ON o.id = s.item_id', now_rows);
  ELSIF TG_TABLE_NAME = 'locations' THEN
    source := format(
      'WITH touched AS (SELECT o.* FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.warehouse_code IS DISTINCT FROM n.warehouse_code)
       SELECT 1, %s FROM stock_figure_sources s WHERE s.location_id IN (SELECT id FROM touched)
       UNION ALL
       SELECT -1, s.qty, o.warehouse_code, s.location_id, s.status, s.expires_on, s.aged_on, s.moved_on, s.since_on, s.cost
         FROM stock_figure_sources s JOIN touched o ON o.id = s.location_id', now_rows);
  END IF;
  EXECUTE stock_figures_fanout(source);
  RETURN NULL;
END;
$$;
