-- New quantity of a lot that QC has not seen (a later receipt, more produced, a return, other
-- dates) is booked into quarantine and held by one of these exceptions until QC decides.
ALTER TABLE stock_exceptions DROP CONSTRAINT stock_exceptions_kind_check;
ALTER TABLE stock_exceptions ADD CONSTRAINT stock_exceptions_kind_check
  CHECK (kind IN ('negative_stock','lot_not_pickable','unknown_gtin','unknown_lot','unknown_location','count_variance',
                  'shelf_life_short','unknown_customer','unknown_work_order','serial_reused','over_pick','unknown_pick_list',
                  'qc_required_new_quantity','dates_differ'));
CREATE INDEX stock_exceptions_open_holds ON stock_exceptions (lot_id, location_id) WHERE status = 'open' AND kind IN ('qc_required_new_quantity','dates_differ');
