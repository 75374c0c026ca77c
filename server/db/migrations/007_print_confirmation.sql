-- A job is printed only when the printer says so. Between the send and that word the label sits
-- in the printer's buffer (paused, out of paper, or still printing): 'in_printer'. The worker that
-- sent it keeps the lease while it waits, so a worker that dies then leaves the job uncertain.
ALTER TABLE print_jobs DROP CONSTRAINT print_jobs_status_check;
ALTER TABLE print_jobs ADD CONSTRAINT print_jobs_status_check
  CHECK (status IN ('queued','printing','in_printer','printed','uncertain','cancelled'));

-- When the printer took the job, as its in-band ~HS answer showed.
ALTER TABLE print_jobs ADD COLUMN sent_at timestamptz;

DROP INDEX print_jobs_lease;
CREATE INDEX print_jobs_lease ON print_jobs (lease_until) WHERE status IN ('printing','in_printer');
