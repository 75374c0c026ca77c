-- How long a silent consignee is given after each step of the follow-up ladder before the next is
-- due, in days: the plant's procedure sets it, not the code. The default is the ladder's old rule.
ALTER TABLE recall_settings
  ADD COLUMN escalation_wait_days jsonb NOT NULL DEFAULT '{"letter": 10, "repeat_contact": 5, "registered_letter": 10}';
