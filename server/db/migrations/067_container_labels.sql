-- Every pack or unpack makes a new container version, and a label drawn for an earlier one may
-- say the wrong content line. The container remembers the version its last logistic label was
-- drawn for and the version a scan of the printed label verified; both replicate to handhelds
-- with the container (an update moves it up the change order), so the Pack screen and the SSCC
-- lookup say when the label is out of date or not verified yet, offline too.
ALTER TABLE containers ADD COLUMN label_version integer CHECK (label_version >= 0);
ALTER TABLE containers ADD COLUMN label_verified_version integer CHECK (label_verified_version >= 0);
ALTER TABLE containers ADD COLUMN label_verified_at timestamptz;
ALTER TABLE containers ADD COLUMN label_verified_op uuid REFERENCES ops(id);
