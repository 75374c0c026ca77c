-- A printer's CJK font file (E:SIMSUN.TTF, as installed on it): Chinese text is set in it. A
-- printer without one gets such text drawn by the server as a picture (^GFA).
ALTER TABLE printers ADD COLUMN cjk_font text CHECK (cjk_font ~ '^[BERZ]:[A-Z0-9_.-]{1,16}$');
