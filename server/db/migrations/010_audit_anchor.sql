-- The audit chain is one line: no two rows may claim the same predecessor, so a second chain
-- grown from an earlier row (a fork written beside the real one) is refused by the database.
ALTER TABLE audit_log ADD CONSTRAINT audit_log_prev_hash_key UNIQUE (prev_hash);
