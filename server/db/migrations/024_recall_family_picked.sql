-- A recall of the whole family reaches lots the forward walk does not: the case keeps how each
-- lot came into its scope. Stock that open pick lists have picked and staged is its own bucket
-- of the mass balance; in_stock is the stock left free.
ALTER TABLE recall_case_lots ADD COLUMN reached text NOT NULL DEFAULT 'forward' CHECK (reached IN ('forward','family'));
ALTER TABLE recall_case_lots ADD COLUMN picked numeric(18,3) NOT NULL DEFAULT 0;

-- The recall scope asks which pick lists count the lots it reached; without this a hub recall
-- reads every pick ever booked.
CREATE INDEX pick_list_picks_lot ON pick_list_picks (lot_id);
